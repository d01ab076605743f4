//! The text report's sections on evidence beyond policy results: attestations (valid and
//! expired) and the baseline.

use crate::attest::State;
use crate::model::Evidence;
use crate::scan::Scan;
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
