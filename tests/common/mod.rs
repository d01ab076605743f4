// Each test crate that includes this module uses a different subset of it.
#![allow(dead_code)]

//! Helpers shared by the integration tests of config, suppressions, attestations and baselines.
//! Every run sees the same "today", 2026-03-15, through `RUNGS_TODAY`.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const TODAY: &str = "2026-03-15";

/// How long a run may take before it counts as a hang.
pub const TIMEOUT: Duration = Duration::from_secs(120);

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Writes files into a fresh temporary directory.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    dir
}

pub fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}\n{}\n{}", self.stdout, self.stderr))
    }
}

pub fn rungs_on(today: &str, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .env("RUNGS_TODAY", today)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `rungs ARGS` run inside `cwd`, killed after [`TIMEOUT`]: a hang or a panic fails the test.
pub fn rungs_in(cwd: &Path, args: &[&str]) -> Run {
    let out_dir = tempfile::tempdir().unwrap();
    let (out, err) = (out_dir.path().join("out"), out_dir.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(cwd)
        .env("RUNGS_TODAY", TODAY)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).unwrap())
        .stderr(fs::File::create(&err).unwrap())
        .spawn()
        .expect("runs");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            child.kill().unwrap();
            panic!("rungs {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().expect("exited, not killed by a signal"),
        stdout: fs::read_to_string(out).unwrap(),
        stderr: fs::read_to_string(err).unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

pub fn rungs(args: &[&str]) -> Run {
    rungs_on(TODAY, args)
}

/// `scan` on the small test model with only the test policies (TEST-001 fails `test_thing`s
/// with `flagged = true`; TEST-002 errors on unknown sizes).
pub fn scan_small(dir: &Path, extra: &[&str]) -> Run {
    let model = fixtures().join("gate/model.yaml");
    let policies = fixtures().join("user-policies/good");
    let mut args = vec![
        "scan",
        dir.to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    rungs(&args)
}

/// A `test_thing` block.
pub fn thing(name: &str, flagged: bool) -> String {
    format!("resource \"test_thing\" \"{name}\" {{\n  flagged = {flagged}\n  size    = 1\n}}\n")
}

pub fn category<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .find(|c| c["id"] == id)
        .unwrap()
}

pub fn objective<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .flat_map(|c| c["objectives"].as_array().unwrap())
        .find(|o| o["id"] == id)
        .unwrap()
}

/// Diagnostics as (code, "file:line:col", message).
pub fn diagnostics(json: &Value) -> Vec<(String, String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let loc = &d["location"];
            let mut at = loc["file"].as_str().unwrap_or("").to_string();
            if let Some(l) = loc["line"].as_u64() {
                at.push_str(&format!(":{l}:{}", loc["column"]));
            }
            (
                d["code"].as_str().unwrap().to_string(),
                at,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Findings as (outcome, resource, waiver source).
pub fn findings(json: &Value) -> Vec<(String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["outcome"].as_str().unwrap().to_string(),
                f["resource"].as_str().unwrap().to_string(),
                f["waiver"]["source"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A git repository in a temporary directory, one commit a day.
pub struct Repo {
    pub dir: tempfile::TempDir,
    pub commits: usize,
}

impl Repo {
    pub fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
            commits: 0,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str]) -> String {
        // One commit a day from 2024-01-01T12:00:00Z, in git's raw date format.
        let date = format!("{} +0000", 1_704_110_400 + self.commits * 86_400);
        let out = Command::new("git")
            .current_dir(self.path())
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.invalid",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "protocol.file.allow=always",
            ])
            .args(args)
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// Commits everything and tags the commit `tN`.
    pub fn commit(&mut self, subject: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", subject]);
        self.commits += 1;
        self.git(&["tag", &format!("t{}", self.commits)]);
    }
}
