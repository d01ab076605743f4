//! The text report's sections on evidence beyond policy results: attestations (valid and
//! expired), the attestations still needed to reach category targets, and the baseline.

use crate::attest::State;
use crate::model::Evidence;
use crate::scan::Scan;
use crate::score::Status;
use std::fmt::Write;

fn evidence_name(e: Evidence) -> &'static str {
    match e {
        Evidence::Automated => "automated",
        Evidence::Attested => "attested",
        Evidence::Either => "either",
    }
}

pub fn text(out: &mut String, scan: &Scan) {
    let attested: Vec<_> = scan
        .scorecard
        .objectives()
        .filter_map(|o| o.attestation.as_ref().map(|a| (o, a)))
        .collect();
    if !attested.is_empty() {
        let _ = writeln!(out, "\nAttestations ({})", attested.len());
        for (o, a) in attested {
            let state = match a.state {
                State::Valid => format!("valid until {}", a.expires),
                State::Expired => format!("EXPIRED {} (counts for nothing)", a.expires),
            };
            let automated = match (o.evidence, o.rate) {
                (Evidence::Either, Some(_)) => {
                    format!("  automated {}/{} passed", o.passed, o.passed + o.failed)
                }
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {:<8} L{}  {:<9} {}  by {}, {}  {}{automated}",
                o.id,
                o.level,
                evidence_name(o.evidence),
                state,
                a.by,
                a.date,
                a.evidence
            );
        }
    }

    if !scan.needs.is_empty() {
        let _ = writeln!(out, "\nAttestation needed");
        for need in &scan.needs {
            let objectives: Vec<String> = need
                .objectives
                .iter()
                .map(|o| {
                    let expired = if o.expired {
                        ", attestation expired"
                    } else {
                        ""
                    };
                    let failing = if o.status == Status::Failed {
                        ", automated failing"
                    } else {
                        ""
                    };
                    format!(
                        "{} (L{} {}{failing}{expired})",
                        o.id,
                        o.level,
                        evidence_name(o.evidence)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "  {:<6} level {} → {} {}: {}",
                need.category,
                need.level.map_or("n/a".to_string(), |l| l.to_string()),
                if need.explicit {
                    "target"
                } else {
                    "next level"
                },
                need.target,
                objectives.join(", ")
            );
        }
    }

    if let Some(b) = &scan.baseline {
        let _ = writeln!(
            out,
            "\nBaseline {}: {} entries, {} still failing (waived unless suppressed), {} fixed",
            b.file,
            b.entries,
            b.present,
            b.fixed.len()
        );
        for e in &b.fixed {
            let root = if e.root.is_empty() { "scan" } else { &e.root };
            let _ = writeln!(out, "  fixed  {}  {root} › {}", e.policy, e.resource);
        }
    }
}
