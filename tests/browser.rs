//! The HTML report in a real headless Chromium: it loads with no console errors and no network
//! requests, its charts render with a size, and the findings filters hide rows.
//!
//! Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: it reads
//! commands on fd 3 and writes replies on fd 4, each message ending in a NUL byte), so nothing
//! listens on a port and nothing is downloaded. Without Chromium the test says so and passes,
//! unless RUNGS_BROWSER_TEST=required (as in .ci/run), where a missing browser fails it. The
//! screenshot lands in `target/tmp/browser/report.png`.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("RUNGS_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
        })
        .find(|p| p.is_file())
}

struct Browser {
    child: Child,
    commands: ChildStdin,
    replies: Receiver<Value>,
    next_id: u64,
    /// Events seen so far, in order.
    events: Vec<Value>,
}

impl Browser {
    fn launch(binary: &Path, profile: &Path) -> Browser {
        // The shell hands our stdin/stdout pipes to Chromium as fds 3 and 4.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 </dev/null >/dev/null"#)
            .arg(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-pipe",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let commands = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).unwrap_or(0) > 0 {
                message.pop();
                if let Ok(value) = serde_json::from_slice::<Value>(&message) {
                    if tx.send(value).is_err() {
                        break;
                    }
                }
                message.clear();
            }
        });
        Browser {
            child,
            commands,
            replies,
            next_id: 0,
            events: Vec::new(),
        }
    }

    fn next(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        self.replies.recv_timeout(left).unwrap_or_else(|e| {
            panic!(
                "no reply from Chromium: {e}; events so far: {:?}",
                self.events
            )
        })
    }

    /// Sends a command and waits for its reply, keeping the events that arrive meanwhile.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.commands.write_all(&bytes).expect("send to Chromium");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let reply = self.next(deadline);
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
            self.events.push(reply);
        }
    }

    fn wait_for(&mut self, method: &str) {
        if self.events.iter().any(|e| e["method"] == method) {
            return;
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let event = self.next(deadline);
            let done = event["method"] == method;
            self.events.push(event);
            if done {
                return;
            }
        }
    }

    fn eval(&mut self, session: &str, expression: &str) -> Value {
        let result = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{expression}: {result}"
        );
        result["result"]["value"].clone()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// The example repository's report as HTML (with a trend) and as JSON, to know what to expect.
fn reports(dir: &Path) -> (PathBuf, Value) {
    let trend = dir.join("trend.json");
    std::fs::write(
        &trend,
        r#"{"schema_version": 2, "notes": [], "commits": [
            {"commit": "1111111aaaa", "date": "2024-01-01T12:00:00+00:00", "time": 1704110400, "subject": "one", "level": 0, "score": 0.1},
            {"commit": "2222222bbbb", "date": "2024-02-01T12:00:00+00:00", "time": 1706788800, "subject": "two", "level": 0, "score": 0.2},
            {"commit": "3333333cccc", "date": "2024-03-01T12:00:00+00:00", "time": 1709294400, "subject": "three", "level": 1, "score": 1.8}]}"#,
    )
    .unwrap();
    let html = dir.join("report.html");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aws-platform");
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("scan")
        .arg(example)
        .args(["--format", "json", "--format", "html", "--output"])
        .arg(&html)
        .arg("--trend")
        .arg(&trend)
        .output()
        .expect("rungs runs");
    assert_eq!(out.status.code(), Some(0));
    (html, serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(binary) = chromium() else {
        assert_ne!(
            std::env::var("RUNGS_BROWSER_TEST").as_deref(),
            Ok("required"),
            "RUNGS_BROWSER_TEST=required but no chromium on PATH (install Debian's `chromium`)"
        );
        // Straight to stderr, past the test harness's capture, so the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED html_report_in_headless_chromium: no chromium on PATH (apt-get install chromium)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = reports(dir.path());
    let url = format!("file://{}", html.display());
    let profile = tempfile::tempdir().unwrap();
    let mut browser = Browser::launch(&binary, profile.path());

    let target = browser.call(None, "Target.createTarget", json!({"url": "about:blank"}));
    let attached = browser.call(
        None,
        "Target.attachToTarget",
        json!({"targetId": target["targetId"], "flatten": true}),
    );
    let session = attached["sessionId"].as_str().unwrap().to_string();
    let s = Some(session.as_str());
    for domain in ["Page", "Runtime", "Log", "Network"] {
        browser.call(s, &format!("{domain}.enable"), json!({}));
    }
    browser.call(s, "Page.navigate", json!({"url": url}));
    browser.wait_for("Page.loadEventFired");

    // Charts: both SVGs laid out with a size, and with their marks drawn (bars; the level and
    // score lines and a point per commit).
    let charts = browser.eval(
        &session,
        "Array.from(document.querySelectorAll('svg.chart')).map(s => { const r = s.getBoundingClientRect(); return [s.id, r.width > 100 && r.height > 100, s.querySelectorAll('rect.bar, path.level, path.score, circle').length]; })",
    );
    let categories = json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .collect::<Vec<_>>();
    let assessed = usize::from(!json["summary"]["level"].is_null())
        + json["domains"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| !d["level"].is_null())
            .count()
        + categories.iter().filter(|c| !c["level"].is_null()).count();
    assert_eq!(
        charts,
        json!([["levels-chart", true, assessed], ["trend-chart", true, 5]])
    );

    // As rendered, with the browser's own font: the numbers beside the bars stay inside the
    // chart, and no two date labels of the trend overlap.
    let overflow = browser.eval(
        &session,
        "(() => { const s = document.getElementById('levels-chart'); const w = s.viewBox.baseVal.width; return Array.from(s.querySelectorAll('text.value')).filter(t => { const b = t.getBBox(); return b.x + b.width > w; }).map(t => t.textContent); })()",
    );
    assert_eq!(overflow, json!([]));
    let ticks = browser.eval(
        &session,
        "Array.from(document.querySelectorAll('#trend-chart text.axis.x')).map(t => { const b = t.getBBox(); return [t.textContent, b.x, b.x + b.width]; })",
    );
    let ticks = ticks.as_array().unwrap();
    assert!(ticks.len() >= 2, "{ticks:?}");
    for pair in ticks.windows(2) {
        assert!(pair[0][2].as_f64() <= pair[1][1].as_f64(), "{ticks:?}");
    }
    // The verdict, and the plan with a row per step.
    let plan_rows: usize = json["plan"].as_array().map_or(0, |p| {
        p.iter().map(|c| c["steps"].as_array().unwrap().len()).sum()
    });
    assert_eq!(
        browser.eval(
            &session,
            "[document.getElementById('verdict').textContent.startsWith('Program '), document.querySelectorAll('#next-steps tr.step').length]"
        ),
        json!([true, plan_rows])
    );

    // Filters: each select hides the rows that do not match, and `all` shows them again.
    let findings = json["findings"].as_array().unwrap();
    let count = |key: &str, value: &str| findings.iter().filter(|f| f[key] == value).count();
    let visible = "Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => r.getClientRects().length > 0).length";
    let pick = |filter: &str, value: &str| {
        format!("(() => {{ const s = document.getElementById('filter-{filter}'); s.value = {value:?}; s.dispatchEvent(new Event('change')); return [{visible}, document.getElementById('findings-count').textContent]; }})()")
    };
    let total = findings.len();
    assert_eq!(browser.eval(&session, visible), json!(total));
    let critical = count("severity", "critical");
    assert!(critical > 0 && critical < total);
    assert_eq!(
        browser.eval(&session, &pick("severity", "critical")),
        json!([critical, format!("{critical} of {total} shown")])
    );
    assert_eq!(
        browser.eval(&session, &pick("severity", "")),
        json!([total, format!("{total} of {total} shown")])
    );
    let file = findings[0]["file"].as_str().unwrap();
    let in_file = count("file", file);
    assert!(in_file < total);
    assert_eq!(
        browser.eval(&session, &pick("file", file)),
        json!([in_file, format!("{in_file} of {total} shown")])
    );
    browser.eval(&session, &pick("file", ""));
    let in_category = browser.eval(&session, &pick("category", "IAM"));
    let iam = findings
        .iter()
        .filter(|f| {
            f["controls"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c.as_str().unwrap().starts_with("IAM-"))
        })
        .count();
    assert!(iam > 0 && iam < total);
    assert_eq!(in_category, json!([iam, format!("{iam} of {total} shown")]));

    let shot = browser.call(
        s,
        "Page.captureScreenshot",
        json!({"format": "png", "captureBeyondViewport": true}),
    );
    let png = base64_decode(shot["data"].as_str().unwrap());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let artefact = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&artefact).unwrap();
    std::fs::write(artefact.join("report.png"), &png).unwrap();

    // No console errors or exceptions, and no request but the report itself.
    let problems: Vec<&Value> = browser
        .events
        .iter()
        .filter(|e| {
            e["method"] == "Runtime.exceptionThrown"
                || (e["method"] == "Runtime.consoleAPICalled"
                    && matches!(
                        e["params"]["type"].as_str(),
                        Some("error" | "warning" | "assert")
                    ))
                || (e["method"] == "Log.entryAdded"
                    && matches!(
                        e["params"]["entry"]["level"].as_str(),
                        Some("error" | "warning")
                    ))
        })
        .collect();
    assert_eq!(problems, Vec::<&Value>::new());
    let requests: Vec<&str> = browser
        .events
        .iter()
        .filter(|e| e["method"] == "Network.requestWillBeSent")
        .map(|e| e["params"]["request"]["url"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(requests, vec![url.as_str()]);
    eprintln!(
        "browser check ran in {}; screenshot {}",
        binary.display(),
        artefact.join("report.png").display()
    );
}

#[test]
fn base64_decodes_padding() {
    assert_eq!(base64_decode("aGk="), b"hi");
    assert_eq!(base64_decode("aGVsbG8="), b"hello");
    assert_eq!(base64_decode("YWJj"), b"abc");
}
