// Each test crate that includes this module uses a different subset of it.
#![allow(dead_code)]

//! Helpers shared by the integration tests of config, suppressions, attestations and baselines.
//! Every run sees the same "today", 2026-03-15, through `RUNGS_TODAY`.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TODAY: &str = "2026-03-15";

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
