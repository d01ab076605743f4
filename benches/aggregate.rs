//! Org roll-up benchmark: `rungs aggregate` over many generated reports.
//!
//! `cargo bench --bench aggregate -- --reports 10000` scans `examples/aws-platform` once (285
//! resources, about 160 KB of JSON), writes N copies as distinct repositories (names and commits
//! differ, split over two teams) into a temporary directory, then times one `aggregate::run`
//! over the directory and reports the peak resident memory of the process.
//! Options: `--reports N` (default 1000), `--keep DIR` to write the reports there.

use rungs::aggregate::{self, Teams};
use rungs::date::Date;
use rungs::report::{self, Report};
use rungs::scan::{self, Options};
use std::path::PathBuf;
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// Peak resident set size of this process, from /proc (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let reports: usize = arg("--reports").map_or(1000, |n| n.parse().expect("--reports N"));
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/aws-platform");
    let mut options = Options::new(&example);
    options.today = Date::parse("2026-12-01").unwrap();
    let mut scan = scan::run(&options).expect("the example scans");
    let kept = arg("--keep").map(PathBuf::from);
    let temp = tempfile::tempdir().unwrap();
    let dir = kept.clone().unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    let clock = Instant::now();
    let mut bytes = 0;
    for i in 0..reports {
        scan.provenance.repository = format!("acme/repo-{i:05}");
        scan.provenance.commit = Some(format!("{i:040x}"));
        scan.provenance.scanned = "2026-12-01".into();
        let text = report::json::render(&Report {
            scan: &scan,
            gate: &[],
        });
        bytes += text.len();
        std::fs::write(dir.join(format!("repo-{i:05}.json")), text).unwrap();
    }
    let written = clock.elapsed();
    let model = rungs::model::Model::embedded().unwrap();
    let teams = Teams::parse(
        "teams:\n  even: ['acme/repo-*[02468]']\n  odd: ['acme/repo-*']\n",
        "teams.yaml",
    )
    .unwrap();
    let before = peak_rss_mib().unwrap_or(0.0);
    let clock = Instant::now();
    let rollup = aggregate::run(
        std::slice::from_ref(&dir),
        &aggregate::Options {
            model: &model,
            teams: &teams,
            max_age: None,
            today: Date::parse("2026-12-02").unwrap(),
        },
    );
    let took = clock.elapsed();
    assert_eq!(rollup.organisation.repositories, reports);
    assert!(rollup.left_out.is_empty(), "{:?}", rollup.left_out);
    println!(
        "reports {reports}, {:.0} MB of JSON (written in {:.1} s); aggregate {:.2} s, {:.1} ms per report; peak RSS {:.0} MiB (before the roll-up {:.0} MiB); organisation level {:?} score {:?}",
        bytes as f64 / 1e6,
        written.as_secs_f64(),
        took.as_secs_f64(),
        took.as_secs_f64() * 1000.0 / reports as f64,
        peak_rss_mib().unwrap_or(0.0),
        before,
        rollup.organisation.card.level,
        rollup.organisation.card.score
    );
}
