//! Hostile input (issue 10): every case runs the binary under a memory rlimit and a timeout,
//! and asserts the exact exit code, the diagnostic codes and that nothing panicked or aborted.

use serde_json::{json, Value};
use std::fs;
use std::io::Read;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space the binary may use: its 256 MiB stacks (main worker and two rayon threads)
/// plus a generous heap. Hostile input that needs more dies here instead of taking the machine.
const MEMORY_LIMIT: u64 = 3 << 30;
/// A case that runs longer hangs; it is killed and fails.
const TIMEOUT: Duration = Duration::from_secs(120);

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}\nstdout: {}\nstderr: {}", self.stdout, self.stderr))
    }

    /// Diagnostic codes of a JSON report, in report order.
    fn codes(&self) -> Vec<String> {
        self.json()["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    }
}

/// How to run the binary: as root (the default here) or as `nobody`, and where stdout goes.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Normal,
    Nobody,
    StdoutClosed,
}

fn run_in(mode: Mode, args: &[&str], stdout: Option<fs::File>) -> Run {
    run_at(None, mode, args, stdout)
}

thread_local! {
    /// `RAYON_NUM_THREADS` of the runs a test makes (see [`with_threads`]).
    static THREADS: std::cell::Cell<&'static str> = const { std::cell::Cell::new("2") };
}

/// Runs `f` with the binary's worker threads set to `threads`.
fn with_threads<T>(threads: &'static str, f: impl FnOnce() -> T) -> T {
    THREADS.set(threads);
    let out = f();
    THREADS.set("2");
    out
}

fn run_at(cwd: Option<&Path>, mode: Mode, args: &[&str], stdout: Option<fs::File>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    command
        .args(args)
        .env("RUNGS_TODAY", "2026-03-15")
        .env("RAYON_NUM_THREADS", THREADS.get())
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    match stdout {
        Some(file) => command.stdout(file),
        None => command.stdout(Stdio::piped()),
    };
    let nobody = mode == Mode::Nobody;
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: MEMORY_LIMIT,
                rlim_max: MEMORY_LIMIT,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if nobody && (libc::setgid(65534) != 0 || libc::setuid(65534) != 0) {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("spawns");
    let mut out = child.stdout.take();
    if mode == Mode::StdoutClosed {
        // The reader goes away before anything is written: every write meets EPIPE.
        drop(out.take());
    }
    let mut err = child.stderr.take().unwrap();
    // Drain the pipes on threads so a large report cannot fill them and stall the child.
    let stdout_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(mut o) = out {
            let _ = o.read_to_end(&mut s);
        }
        s
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rungs {args:?} hung: killed after {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&stdout_reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&stderr_reader.join().unwrap()).into_owned();
    let code = status.code().unwrap_or_else(|| {
        panic!("rungs {args:?} was killed by a signal: {status:?}\nstderr: {stderr}")
    });
    for bad in [
        "panicked",
        "overflowed its stack",
        "fatal runtime error",
        "RUST_BACKTRACE",
    ] {
        assert!(!stderr.contains(bad), "rungs {args:?}: {bad}\n{stderr}");
    }
    Run {
        code,
        stdout,
        stderr,
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Mode::Normal, args, None)
}

/// `scan DIR --format json` on the test policies and model, plus `extra`.
fn scan(dir: &Path, extra: &[&str]) -> Run {
    scan_as(Mode::Normal, dir, extra)
}

fn scan_as(mode: Mode, dir: &Path, extra: &[&str]) -> Run {
    let args = scan_args(dir, &fixtures().join("user-policies/good"), "json", extra);
    run_in(
        mode,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        None,
    )
}

/// `scan DIR` on the test model and the policies of `policies` only, in `format`, plus `extra`.
fn scan_args(dir: &Path, policies: &Path, format: &str, extra: &[&str]) -> Vec<String> {
    let model = fixtures().join("gate/model.yaml");
    let mut args: Vec<String> = [
        "scan",
        dir.to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--format",
        format,
    ]
    .map(String::from)
    .to_vec();
    args.extend(extra.iter().map(|a| a.to_string()));
    args
}

/// `rungs ARGS` run in `cwd`.
fn run_here(cwd: &Path, args: &[&str]) -> Run {
    run_at(Some(cwd), Mode::Normal, args, None)
}

const THING: &str = "resource \"test_thing\" \"a\" {\n  flagged = false\n  size    = 1\n}\n";

/// A fresh directory holding `main.tf` with one passing `test_thing`.
fn repo() -> tempfile::TempDir {
    files(&[("main.tf", THING)])
}

/// A fresh directory holding `files` (path, text), their directories created.
fn files(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

/// [`scan`] of a fresh directory holding `files`, plus `extra`; the directory is kept for more
/// runs.
fn scan_files(files: &[(&str, &str)], extra: &[&str]) -> (tempfile::TempDir, Run) {
    let dir = self::files(files);
    let run = scan(dir.path(), extra);
    (dir, run)
}

fn mkfifo(path: &Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// A file outside every scanned directory holding a secret that must never be printed.
fn secret() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credentials");
    fs::write(
        &path,
        "password = \"S3CR3T\"\nsecond line S3CR3T-2\nthird line\n",
    )
    .unwrap();
    (dir, path)
}

fn assert_scan(run: &Run, code: i32, codes: &[&str]) {
    assert_eq!(
        run.code, code,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert_eq!(run.codes(), codes, "stderr: {}", run.stderr);
    assert!(!run.stdout.contains("S3CR3T") && !run.stderr.contains("S3CR3T"));
}

/// The file of the report's first diagnostic.
fn first_file(run: &Run) -> String {
    run.json()["diagnostics"][0]["location"]["file"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The report's numbers of passed and error results.
fn assert_passed_and_errors(run: &Run, passed: u64, errors: u64) {
    let summary = &run.json()["summary"];
    assert_eq!(
        (summary["passed"].as_u64(), summary["errors"].as_u64()),
        (Some(passed), Some(errors)),
        "{summary}"
    );
}

/// The report's first diagnostic stopped a user policy: in the file ending `file`, saying
/// `message`, its help naming the `flag` that raises the limit. Returns the diagnostic.
fn assert_stopped_by(run: &Run, file: &str, message: &str, flag: &str) -> Value {
    let d = run.json()["diagnostics"][0].clone();
    assert!(first_file(run).ends_with(file), "{d}");
    assert!(d["message"].as_str().unwrap().contains(message), "{d}");
    assert!(d["help"].as_str().unwrap().contains(flag), "{d}");
    d
}

/// A command that fails before any report: exit 2, the code on stderr, nothing on stdout.
fn assert_fails(run: &Run, code: &str) {
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains(&format!("[{code}]")),
        "expected {code}: {}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(!run.stderr.contains("S3CR3T"), "{}", run.stderr);
}

// --- links -----------------------------------------------------------------------------------

#[test]
fn tf_link_to_a_secret_outside_the_root_is_not_read() {
    let dir = repo();
    let (_keep, secret) = secret();
    symlink(&secret, dir.path().join("creds.tf")).unwrap();
    assert_scan(&scan(dir.path(), &[]), 2, &["R008"]);
    // The text report's excerpt must not show it either.
    let text = run(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--no-default-policies",
    ]);
    assert_eq!(text.code, 2);
    assert!(!text.stdout.contains("S3CR3T"), "{}", text.stdout);
}

#[test]
fn directory_link_out_of_the_root_is_not_walked() {
    let dir = repo();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("x.tf"), THING.replace("\"a\"", "\"x\"")).unwrap();
    symlink(outside.path(), dir.path().join("ext")).unwrap();
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R008"]);
    // Two test policies judge the one resource of main.tf; ext/x.tf is not read.
    assert_eq!(run.json()["summary"]["passed"], 2);
}

#[test]
fn link_to_proc_is_not_walked() {
    let dir = repo();
    symlink("/proc", dir.path().join("proc")).unwrap();
    assert_scan(&scan(dir.path(), &[]), 2, &["R008"]);
}

#[test]
fn excluded_link_out_of_the_root_is_not_an_error() {
    let dir = repo();
    symlink("/proc", dir.path().join("proc")).unwrap();
    assert_scan(&scan(dir.path(), &["--exclude", "proc"]), 0, &[]);
}

#[test]
fn tf_link_inside_the_root_is_read() {
    let dir = repo();
    fs::create_dir(dir.path().join("shared")).unwrap();
    fs::write(
        dir.path().join("shared/flagged.tf"),
        THING.replace("\"a\"", "\"b\"").replace("false", "true"),
    )
    .unwrap();
    symlink("shared/flagged.tf", dir.path().join("linked.tf")).unwrap();
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 0, &[]);
    // The linked file counts in the root; its target is a root of its own.
    assert_eq!(run.json()["summary"]["failed"], 2);
}

#[test]
fn directory_link_inside_the_root_and_loops_are_skipped_quietly() {
    let dir = repo();
    symlink(dir.path(), dir.path().join("loop")).unwrap();
    symlink(".", dir.path().join("here")).unwrap();
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 0, &[]);
    // Two test policies, one resource: nothing was scanned twice through the links.
    assert_eq!(run.json()["summary"]["passed"], 2);
}

#[test]
fn dangling_tf_link_is_an_error() {
    let dir = repo();
    symlink(dir.path().join("gone.tf"), dir.path().join("dangling.tf")).unwrap();
    assert_scan(&scan(dir.path(), &[]), 2, &["R001"]);
}

#[test]
fn tfvars_link_out_of_the_root_is_not_read() {
    let dir = repo();
    let (_keep, secret) = secret();
    symlink(&secret, dir.path().join("terraform.tfvars")).unwrap();
    assert_scan(&scan(dir.path(), &[]), 2, &["R008"]);
}

#[test]
fn modules_json_linked_to_dev_zero_is_not_read() {
    let dir = repo();
    fs::create_dir_all(dir.path().join(".terraform/modules")).unwrap();
    symlink(
        "/dev/zero",
        dir.path().join(".terraform/modules/modules.json"),
    )
    .unwrap();
    fs::write(
        dir.path().join("mod.tf"),
        "module \"m\" {\n  source = \"registry.example/x/y\"\n}\n",
    )
    .unwrap();
    let run = scan(dir.path(), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.codes().contains(&"R008".to_string()),
        "{:?}",
        run.codes()
    );
}

// --- special files ---------------------------------------------------------------------------

#[test]
fn fifo_tf_file_is_reported_not_opened() {
    let dir = repo();
    mkfifo(&dir.path().join("pipe.tf"));
    assert_scan(&scan(dir.path(), &[]), 2, &["R007"]);
}

#[test]
fn fifo_tfvars_is_reported_not_opened() {
    let dir = repo();
    mkfifo(&dir.path().join("terraform.tfvars"));
    assert_scan(&scan(dir.path(), &[]), 2, &["R007"]);
}

#[test]
fn fifo_auto_tfvars_json_is_reported_not_opened() {
    let dir = repo();
    mkfifo(&dir.path().join("x.auto.tfvars.json"));
    assert_scan(&scan(dir.path(), &[]), 2, &["R007"]);
}

#[test]
fn fifo_modules_json_is_reported_not_opened() {
    let dir = repo();
    mkfifo(&dir.path().join(".terraform/modules/modules.json"));
    fs::write(
        dir.path().join("mod.tf"),
        "module \"m\" {\n  source = \"registry.example/x/y\"\n}\n",
    )
    .unwrap();
    let run = scan(dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.codes().contains(&"R007".to_string()),
        "{:?}",
        run.codes()
    );
}

#[test]
fn directory_named_like_a_tf_file_is_walked_not_read() {
    let dir = repo();
    fs::create_dir(dir.path().join("odd.tf")).unwrap();
    fs::write(dir.path().join("odd.tf/inner.tf"), "").unwrap();
    assert_scan(&scan(dir.path(), &[]), 0, &[]);
}

#[test]
fn fifo_config_is_an_error_not_a_missing_gate() {
    let dir = repo();
    mkfifo(&dir.path().join(".rungs.yaml"));
    assert_fails(&scan(dir.path(), &[]), "R007");
}

#[test]
fn directory_config_is_an_error() {
    let dir = repo();
    fs::create_dir(dir.path().join(".rungs.yaml")).unwrap();
    assert_fails(&scan(dir.path(), &[]), "R007");
}

#[test]
fn dangling_config_link_is_an_error() {
    let dir = repo();
    symlink("nowhere.yaml", dir.path().join(".rungs.yaml")).unwrap();
    assert_fails(&scan(dir.path(), &[]), "R401");
}

#[test]
fn config_link_out_of_the_repository_is_an_error() {
    let dir = repo();
    let (_keep, secret) = secret();
    symlink(&secret, dir.path().join(".rungs.yaml")).unwrap();
    assert_fails(&scan(dir.path(), &[]), "R008");
}

#[test]
fn fifo_given_as_config_flag_is_an_error() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let fifo = other.path().join("c.yaml");
    mkfifo(&fifo);
    assert_fails(
        &scan(dir.path(), &["--config", fifo.to_str().unwrap()]),
        "R007",
    );
}

#[test]
fn fifo_baseline_flag_is_an_error() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let fifo = other.path().join("b.json");
    mkfifo(&fifo);
    assert_fails(
        &scan(dir.path(), &["--baseline", fifo.to_str().unwrap()]),
        "R007",
    );
}

#[test]
fn fifo_baseline_named_by_the_config_is_an_error() {
    let dir = repo();
    mkfifo(&dir.path().join("base.json"));
    fs::write(dir.path().join(".rungs.yaml"), "baseline: base.json\n").unwrap();
    assert_fails(&scan(dir.path(), &[]), "R007");
}

#[test]
fn fifo_var_file_is_an_error() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let fifo = other.path().join("v.tfvars");
    mkfifo(&fifo);
    let run = scan(dir.path(), &["--var-file", fifo.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("[R007]") || run.codes().contains(&"R007".into()));
}

#[test]
fn device_var_file_is_an_error() {
    let dir = repo();
    let run = scan(dir.path(), &["--var-file", "/dev/zero"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("[R007]") || run.codes().contains(&"R007".into()));
}

#[test]
fn device_model_is_an_error() {
    let dir = repo();
    let run = run(&["scan", dir.path().to_str().unwrap(), "--model", "/dev/zero"]);
    assert_fails(&run, "R007");
}

#[test]
fn init_force_on_a_fifo_refuses() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join(".rungs.yaml"));
    let run = run(&["init", dir.path().to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is a FIFO, not a regular file"),
        "{}",
        run.stderr
    );
}

#[test]
fn init_force_on_a_directory_refuses() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".rungs.yaml")).unwrap();
    let run = run(&["init", dir.path().to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is a directory, not a regular file"),
        "{}",
        run.stderr
    );
}

// --- paths named by the repository's config --------------------------------------------------

#[test]
fn config_model_outside_the_repository_is_refused_and_not_echoed() {
    let (_keep, secret) = secret();
    let config = format!("version: 1\nmodel: {}\n", secret.display());
    let (_dir, run) = scan_files(&[("main.tf", THING), (".rungs.yaml", &config)], &[]);
    assert_fails(&run, "R008");
    assert!(run.stderr.contains(".rungs.yaml:2:8"), "{}", run.stderr);
}

#[test]
fn config_model_etc_passwd_is_refused() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), (".rungs.yaml", "model: /etc/passwd\n")],
        &[],
    );
    assert_fails(&run, "R008");
    assert!(!run.stderr.contains("root:"), "{}", run.stderr);
}

#[test]
fn config_baseline_climbing_out_is_refused() {
    let (_dir, run) = scan_files(
        &[
            ("main.tf", THING),
            (".rungs.yaml", "baseline: ../../x.json\n"),
        ],
        &[],
    );
    assert_fails(&run, "R008");
}

#[test]
fn config_policy_directory_outside_is_refused() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), (".rungs.yaml", "policies: [/tmp]\n")],
        &[],
    );
    assert_fails(&run, "R008");
}

#[test]
fn config_given_on_the_command_line_may_name_files_anywhere() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let config = other.path().join("c.yaml");
    fs::write(
        &config,
        format!("model: {}\n", fixtures().join("gate/model.yaml").display()),
    )
    .unwrap();
    assert_scan(
        &scan(dir.path(), &["--config", config.to_str().unwrap()]),
        0,
        &[],
    );
}

#[test]
fn model_flag_on_a_secret_echoes_no_more_than_the_located_line() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let model = other.path().join("notamodel.yaml");
    fs::write(
        &model,
        format!("{}\nsecond line S3CR3T-2\n", "x".repeat(200)),
    )
    .unwrap();
    let run = run(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ]);
    assert_fails(&run, "R301");
    assert!(!run.stderr.contains(&"x".repeat(41)), "{}", run.stderr);
}

// --- size cap --------------------------------------------------------------------------------

#[test]
fn tf_file_over_the_cap_is_reported_with_the_limit() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), ("big.tf", &"# x\n".repeat(1000))],
        &["--max-file-size", "2KiB"],
    );
    assert_scan(&run, 2, &["R009"]);
    assert!(
        run.stdout
            .contains("over the 2 KiB limit of --max-file-size"),
        "{}",
        run.stdout
    );
}

#[test]
fn tfvars_over_the_cap_is_reported() {
    let (_dir, run) = scan_files(
        &[
            ("main.tf", THING),
            ("terraform.tfvars", &"# x\n".repeat(1000)),
        ],
        &["--max-file-size", "2k"],
    );
    assert_scan(&run, 2, &["R009"]);
}

#[test]
fn config_over_the_cap_is_an_error() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), (".rungs.yaml", &"# x\n".repeat(1000))],
        &["--max-file-size", "2k"],
    );
    assert_fails(&run, "R009");
}

#[test]
fn files_under_the_default_cap_are_read() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), ("big.tf", &"# x\n".repeat(100_000))],
        &[],
    );
    assert_scan(&run, 0, &[]);
}

#[test]
fn bad_max_file_size_is_a_usage_error() {
    let run = run(&["scan", ".", "--max-file-size", "lots"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("expected a size like 16MiB"),
        "{}",
        run.stderr
    );
}

// --- permissions (run as nobody: root reads everything) --------------------------------------

/// A directory `nobody` can enter, holding the usual `main.tf`.
fn open_repo() -> tempfile::TempDir {
    let dir = repo();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(
        dir.path().join("main.tf"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    dir
}

/// Whether this process can switch to `nobody` (it runs as root) and `nobody` can run the binary.
fn can_be_nobody() -> bool {
    let root = unsafe { libc::geteuid() } == 0;
    root && run_in(Mode::Nobody, &["--version"], None).code == 0
}

#[test]
fn unreadable_directory_is_an_error_not_a_quiet_pass() {
    let dir = open_repo();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("ssh.tf"), THING).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let run = if can_be_nobody() {
        scan_as(Mode::Nobody, dir.path(), &[])
    } else if unsafe { libc::geteuid() } != 0 {
        scan(dir.path(), &[])
    } else {
        panic!("running as root but cannot switch to nobody to test permissions");
    };
    assert_scan(&run, 2, &["R001"]);
    assert_eq!(run.json()["diagnostics"][0]["location"]["file"], "locked");
}

#[test]
fn unreadable_file_is_an_error() {
    let dir = open_repo();
    fs::write(dir.path().join("secret.tf"), THING).unwrap();
    fs::set_permissions(
        dir.path().join("secret.tf"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let run = if can_be_nobody() {
        scan_as(Mode::Nobody, dir.path(), &[])
    } else if unsafe { libc::geteuid() } != 0 {
        scan(dir.path(), &[])
    } else {
        panic!("running as root but cannot switch to nobody to test permissions");
    };
    assert_scan(&run, 2, &["R001"]);
}

// --- writing ---------------------------------------------------------------------------------

#[test]
fn full_stdout_exits_2_with_a_message() {
    let dir = repo();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let run = run_in(
        Mode::Normal,
        &[
            "scan",
            dir.path().to_str().unwrap(),
            "--no-default-policies",
        ],
        Some(full),
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error: cannot write to standard output"),
        "{}",
        run.stderr
    );
}

#[test]
fn full_stdout_fails_every_command() {
    for args in [
        vec!["policy", "list"],
        vec!["model", "show"],
        vec!["policy", "show", "RUNGS-AWS-S3-005"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let run = run_in(Mode::Normal, &args, Some(full));
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("cannot write to standard output"),
            "{args:?}"
        );
    }
}

#[test]
fn full_output_file_exits_2_naming_it() {
    let dir = repo();
    let run = scan(dir.path(), &["--format", "sarif", "--output", "/dev/full"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot write --output /dev/full"),
        "{}",
        run.stderr
    );
}

#[test]
fn closed_pipe_ends_quietly_with_the_runs_own_exit_code() {
    let dir = repo();
    let mut run = run_in(
        Mode::StdoutClosed,
        &[
            "scan",
            dir.path().to_str().unwrap(),
            "--no-default-policies",
        ],
        None,
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // A failed gate still fails when nobody reads the report.
    run = run_in(
        Mode::StdoutClosed,
        &[
            "scan",
            dir.path().to_str().unwrap(),
            "--no-default-policies",
            "--min-level",
            "5",
        ],
        None,
    );
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
}

// --- Rego ------------------------------------------------------------------------------------

fn user_policy(dir: &Path, id: &str, body: &str) {
    fs::create_dir_all(dir).unwrap();
    let package = id.to_lowercase().replace('-', "_");
    fs::write(
        dir.join(format!("{package}.rego")),
        format!(
            "# METADATA\n# title: T\n# custom:\n#   id: {id}\n#   severity: low\n#   resource_types: [test_thing]\n#   controls: [DAT-1.1]\npackage user.{package}\n\nimport rego.v1\n\n{body}\n"
        ),
    )
    .unwrap();
}

fn scan_policy(dir: &Path, policies: &Path) -> Run {
    scan_policy_with(dir, policies, &[])
}

fn scan_policy_with(dir: &Path, policies: &Path, extra: &[&str]) -> Run {
    let args = scan_args(dir, policies, "json", extra);
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The usual repository scanned with one user policy `id` whose rules are `body`, plus `extra`.
fn scan_user_policy(id: &str, body: &str, extra: &[&str]) -> Run {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    user_policy(policies.path(), id, body);
    scan_policy_with(dir.path(), policies.path(), extra)
}

#[test]
fn division_by_zero_in_a_user_policy_is_an_error_result() {
    let run = scan_user_policy("U-DIV", &rule("x := 1 / 0\n\tx > 0"), &[]);
    assert_scan(&run, 2, &["R203"]);
    assert_passed_and_errors(&run, 0, 1);
}

#[test]
fn failing_conversion_in_a_user_policy_is_an_error_result() {
    let run = scan_user_policy("U-NUM", &rule("to_number(\"twenty-two\") > 0"), &[]);
    assert_scan(&run, 2, &["R203"]);
    assert_eq!(run.json()["summary"]["errors"], 1);
}

#[test]
fn recursive_user_function_is_rejected_not_a_stack_overflow() {
    let run = scan_user_policy(
        "U-REC",
        &(rule("f(1) > 0") + "\n\nf(x) := y if {\n\ty := f(x + 1)\n}"),
        &[],
    );
    assert_scan(&run, 2, &["R201"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["line"], 17);
}

/// A policy doing `n` x `n` iterations per `test_thing`; it never fires when it finishes.
fn expensive(n: u32) -> String {
    format!("deny contains {{\"resource\": r.address, \"message\": \"m\"}} if {{\n\tsome r in input.resources_by_type.test_thing\n\tcount([x | some x in numbers.range(1, {n}); some y in numbers.range(1, {n}); x == y]) > {n}\n}}")
}

/// Three root modules with one `test_thing` each, so the worker threads share the documents.
fn three_roots() -> tempfile::TempDir {
    files(&[
        ("a/main.tf", THING),
        ("b/main.tf", THING),
        ("c/main.tf", THING),
    ])
}

#[test]
fn expensive_user_policy_stops_at_the_instruction_budget_with_any_thread_count() {
    let dir = three_roots();
    let policies = tempfile::tempdir().unwrap();
    user_policy(policies.path(), "U-COST", &expensive(300));
    let scan = |threads: &'static str, extra: &[&str]| {
        with_threads(threads, || {
            scan_policy_with(dir.path(), policies.path(), extra)
        })
    };
    let budget = ["--max-rego-instructions", "100000"];
    // 90,000 iterations need far more than 100,000 instructions: every result is an error.
    let one = scan("1", &budget);
    assert_scan(&one, 2, &["R206"]);
    // The policy's own file (it was once another file of the program: see src/vm.rs).
    let d = assert_stopped_by(
        &one,
        "u_cost.rego",
        "budget of 100000 Rego instructions",
        "--max-rego-instructions",
    );
    assert_eq!(d["location"]["line"], 14, "{d}");
    assert_passed_and_errors(&one, 0, 3);
    // The same bytes with two threads: the budget counts work, not time.
    let two = scan("2", &budget);
    assert_eq!((two.code, &two.stdout), (one.code, &one.stdout));
    // The default budget is enough: all three pass.
    let default = scan("2", &[]);
    assert_eq!(default.codes(), Vec::<String>::new(), "{}", default.stderr);
    assert_eq!(default.json()["summary"]["passed"], 3);
}

/// A provider group over the budget runs policy by policy on the VM, and those runs decide:
/// 100,000 instructions are far less than the AWS group needs on the example and more than any
/// one AWS policy needs there (the most is about 57,000), so the findings are the default run's.
#[test]
fn group_over_the_budget_is_decided_policy_by_policy_with_the_same_findings() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aws-platform");
    let example = example.to_str().unwrap();
    let scan = |extra: &[&str]| {
        let mut args = vec!["scan", example, "--format", "json"];
        args.extend_from_slice(extra);
        run(&args)
    };
    let default = scan(&[]);
    let tight = scan(&["--max-rego-instructions", "100000"]);
    assert_eq!((tight.code, default.code), (0, 0), "{}", tight.stderr);
    assert_eq!(tight.json()["findings"], default.json()["findings"]);
    assert_eq!(tight.json()["summary"], default.json()["summary"]);
    assert_eq!(tight.json()["summary"]["errors"], 0);
}

#[test]
fn recursive_user_policy_ends_in_a_located_diagnostic_with_any_thread_count() {
    let dir = three_roots();
    let policies = tempfile::tempdir().unwrap();
    user_policy(
        policies.path(),
        "U-REC",
        &(rule("f(1) > 0") + "\n\nf(x) := y if {\n\ty := f(x + 1)\n}"),
    );
    let runs: Vec<Run> = ["1", "2"]
        .into_iter()
        .map(|threads| with_threads(threads, || scan_policy(dir.path(), policies.path())))
        .collect();
    for run in &runs {
        assert_scan(run, 2, &["R201"]);
        assert_eq!(run.json()["diagnostics"][0]["location"]["line"], 17);
    }
    assert_eq!(runs[0].stdout, runs[1].stdout);
}

#[test]
fn mutually_recursive_user_functions_are_rejected() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    user_policy(
        policies.path(),
        "U-MUT",
        &(rule("g(1) > 0") + "\n\ng(x) := h(x + 1)\n\nh(x) := g(x)"),
    );
    // Both functions of the cycle are named.
    assert_scan(
        &scan_policy(dir.path(), policies.path()),
        2,
        &["R201", "R201"],
    );
}

// --- depth -----------------------------------------------------------------------------------

/// `main.tf` with a chain of `n` locals feeding a bucket.
fn chain(n: usize) -> tempfile::TempDir {
    let mut text = String::from("locals {\n  l0 = \"x\"\n");
    for i in 1..n {
        text.push_str(&format!("  l{i} = local.l{}\n", i - 1));
    }
    text.push_str(&format!(
        "}}\n\nresource \"test_thing\" \"a\" {{\n  flagged = local.l{} == \"y\"\n  size    = 1\n}}\n",
        n - 1
    ));
    files(&[("main.tf", &text)])
}

#[test]
fn chain_of_8000_locals_is_evaluated() {
    let dir = chain(8000);
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 0, &[]);
    // `flagged` resolved to false through the whole chain: both test policies pass.
    assert_eq!(run.json()["summary"]["passed"], 2);
}

#[test]
fn chain_of_20000_locals_is_a_located_depth_error() {
    let dir = chain(20_000);
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R010"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["file"], "main.tf");
    assert_eq!(d["location"]["line"], 20_004);
}

#[test]
fn chain_of_100000_locals_does_not_abort() {
    let dir = chain(100_000);
    assert_scan(&scan(dir.path(), &[]), 2, &["R010"]);
}

#[test]
fn expression_nested_100000_deep_is_a_located_syntax_error() {
    let text = format!(
        "resource \"test_thing\" \"a\" {{\n  flagged = {}false{}\n  size    = 1\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let (_dir, run) = scan_files(&[("main.tf", &text)], &[]);
    assert_scan(&run, 2, &["R003"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["line"], 2);
    assert!(d["message"].as_str().unwrap().contains("nesting depth"));
}

/// Found by the `hcl` fuzz target: hcl-edit parsed a failing operator chain again at every
/// nesting level, so each `a/b/{k = ` doubled the time (18 levels: 0.5 s; this file: forever).
/// The vendored fix (vendor/hcl-edit/RUNGS-PATCH.md) makes it linear; the kill timer bounds it.
#[test]
fn hcl_failing_operator_chains_parse_in_linear_time() {
    let text = format!(
        "resource \"test_thing\" \"a\" {{\n  flagged = {}<x{}\n}}\n",
        "a/b/{k = ".repeat(40),
        "}".repeat(40)
    );
    let (_dir, run) = scan_files(
        &[
            ("main.tf", &text),
            ("ok.tf", &THING.replace("\"a\"", "\"b\"")),
        ],
        &[],
    );
    assert_scan(&run, 2, &["R003"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["file"], "main.tf");
    assert_eq!(d["location"]["line"], 2);
    assert_eq!(d["location"]["column"], 3);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("invalid block body"),
        "{d}"
    );
    // The other file is still scanned: both test policies pass on `test_thing.b`.
    assert_eq!(run.json()["summary"]["passed"], 2);
}

// --- evaluator budgets -----------------------------------------------------------------------

/// A directory whose `main.tf` holds `locals` and one `test_thing` with `flagged = FLAGGED`.
fn with_locals(locals: &str, flagged: &str) -> tempfile::TempDir {
    files(&[(
        "main.tf",
        &format!("locals {{\n{locals}}}\n\nresource \"test_thing\" \"a\" {{\n  flagged = {flagged}\n  size    = 1\n}}\n"),
    )])
}

/// `rungs input DIR` and the first resource's `flagged`.
fn flagged_input(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["input", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = run(&args);
    run.json()[0]["resources"][0]["config"]["flagged"].clone()
}

/// `l1 = "${local.l0}${local.l0}"` and so on: 2^40 bytes if nothing stopped it.
fn doubling(step: &str) -> String {
    let mut text = String::from("  l0 = \"x\"\n");
    for i in 1..=40 {
        let prev = format!("local.l{}", i - 1);
        text.push_str(&format!("  l{i} = {}\n", step.replace("PREV", &prev)));
    }
    text
}

fn assert_value_too_large(dir: &Path, line: u64) {
    let run = scan(dir, &[]);
    assert_scan(&run, 2, &["R012"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["file"], "main.tf");
    assert_eq!(d["location"]["line"], line);
    assert!(
        d["help"].as_str().unwrap().contains("--max-value-size"),
        "{d}"
    );
}

#[test]
fn doubling_strings_stop_at_the_value_limit() {
    let dir = with_locals(&doubling("\"${PREV}${PREV}\""), "length(local.l40) > 0");
    assert_value_too_large(dir.path(), 45);
    // The value is unknown, shown as its expression, not a wrong known value.
    assert_eq!(flagged_input(dir.path(), &[]), "${length(local.l40) > 0}");
}

#[test]
fn doubling_lists_with_concat_stop_at_the_value_limit() {
    let dir = with_locals(
        &doubling("concat(PREV, PREV)").replace("l0 = \"x\"", "l0 = [\"x\"]"),
        "length(local.l40) > 0",
    );
    assert_value_too_large(dir.path(), 45);
}

#[test]
fn doubling_strings_with_join_stop_at_the_value_limit() {
    let dir = with_locals(
        &doubling("join(PREV, [PREV, PREV])"),
        "length(local.l40) > 0",
    );
    assert_value_too_large(dir.path(), 45);
}

#[test]
fn formatlist_of_megabyte_rows_stops_at_the_value_limit() {
    let dir = with_locals(
        "  f = [for i in range(1024) : formatlist(\"%1000000s\", range(1024))]\n",
        "length(local.f) > 0",
    );
    assert_value_too_large(dir.path(), 5);
}

#[test]
fn try_does_not_swallow_a_limit_into_its_fallback() {
    let dir = with_locals(
        &format!(
            "{}  t = try(local.l40, \"small\")\n",
            doubling("\"${PREV}${PREV}\"")
        ),
        "local.t == \"small\"",
    );
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R012"]);
    assert_eq!(flagged_input(dir.path(), &[]), "${local.t == \"small\"}");
}

#[test]
fn nested_for_over_range_1024_uses_up_the_evaluation_budget() {
    // A billion steps that produce nothing: only the step count stops them.
    let dir = with_locals(
        "  big = [for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c if false]]]\n",
        "length(local.big) > 0",
    );
    let run = scan(dir.path(), &["--max-eval-size", "16MiB"]);
    // Past the budget every value is unknown, `size = 1` too, which the strict test policy
    // reports as a rule error (R203).
    let mut codes = run.codes();
    codes.sort();
    assert_eq!(codes, ["R013", "R203"], "{}", run.stdout);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "R013")
        .unwrap();
    assert_eq!(d["location"]["line"], 5);
    assert!(
        d["help"].as_str().unwrap().contains("--max-eval-size"),
        "{d}"
    );
    assert_eq!(
        flagged_input(dir.path(), &["--max-eval-size", "16MiB"]),
        "${length(local.big) > 0}"
    );
}

#[test]
fn value_limit_is_raised_by_its_flag() {
    // 2^20 bytes: over a 512 KiB limit, within the default.
    let text = doubling("\"${PREV}${PREV}\"");
    let cut: String = text.lines().take(21).map(|l| format!("{l}\n")).collect();
    let dir = with_locals(&cut, "length(local.l20) > 0");
    assert_scan(&scan(dir.path(), &[]), 0, &[]);
    assert_eq!(flagged_input(dir.path(), &[]), true);
    assert_scan(
        &scan(dir.path(), &["--max-value-size", "512KiB"]),
        2,
        &["R012"],
    );
}

#[test]
fn toset_of_50000_strings_is_linear() {
    let items: Vec<String> = (0..50_000)
        .map(|i| format!("\"s{}\"", i % 25_000))
        .collect();
    let dir = with_locals(
        &format!("  s = toset([{}])\n", items.join(",")),
        "length(local.s) == 25000",
    );
    // Quadratic, this took over 30 s on a debug build, linear about 1 s; the harness's kill
    // timer bounds it, and the result must be exact.
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 0, &[]);
    assert_eq!(flagged_input(dir.path(), &[]), true);
}

/// Modules calling the next one `calls` times, `levels` deep.
fn module_tree(calls: usize, levels: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut path = dir.path().to_path_buf();
    for level in 0..levels {
        fs::create_dir_all(&path).unwrap();
        let mut text = String::new();
        if level + 1 < levels {
            for k in 0..calls {
                text.push_str(&format!("module \"c{k}\" {{\n  source = \"./m\"\n}}\n"));
            }
        }
        text.push_str(THING);
        fs::write(path.join("main.tf"), text).unwrap();
        path = path.join("m");
    }
    dir
}

#[test]
fn modules_calling_the_next_four_times_15_deep_stop_at_the_call_budget() {
    let dir = module_tree(4, 15);
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R108"]);
    let d = &run.json()["diagnostics"][0];
    assert!(
        d["help"].as_str().unwrap().contains("--max-module-calls"),
        "{d}"
    );
    // 10,000 module instances and the root, one test_thing each, two test policies.
    assert_eq!(run.json()["summary"]["passed"], 2 * 10_001);
}

#[test]
fn module_call_budget_is_set_by_its_flag() {
    let dir = module_tree(2, 4);
    // 2 + 4 + 8 = 14 module instances.
    assert_scan(&scan(dir.path(), &["--max-module-calls", "14"]), 0, &[]);
    let run = scan(dir.path(), &["--max-module-calls", "13"]);
    assert_scan(&run, 2, &["R108"]);
    assert_eq!(run.json()["summary"]["passed"], 2 * 14);
}

#[test]
fn files_past_the_scan_size_are_not_read() {
    // main.tf (in the root) is discovered after b/main.tf: the walk sorts by name, directories
    // and files alike, and "b" < "main.tf".
    let limit = format!("{}", THING.len() + 10);
    let (_dir, run) = scan_files(
        &[
            ("main.tf", THING),
            ("b/main.tf", &THING.replace("false", "true")),
        ],
        &["--max-scan-size", &limit],
    );
    assert_scan(&run, 2, &["R014"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["file"], "main.tf");
    assert!(
        d["help"].as_str().unwrap().contains("--max-scan-size"),
        "{d}"
    );
    // b/main.tf was read and judged (flagged); main.tf was not read, so not passed.
    assert_eq!(run.json()["summary"]["failed"], 1);
}

#[test]
fn two_thousand_suppressions_are_located_in_one_pass() {
    let mut config = String::from("version: 1\nsuppressions:\n");
    for i in 0..2000 {
        config.push_str(&format!(
            "  - policy: TEST-001\n    resource: test_thing.r{i}\n    reason: reviewed\n"
        ));
    }
    // Located one parse each, this took 24 s; the harness's kill timer bounds it.
    let (_dir, run) = scan_files(&[("main.tf", THING), (".rungs.yaml", &config)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let unused: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "R403")
        .collect();
    assert_eq!(unused.len(), 2000);
    // Each at its own item: item i starts on line 3 + 3i, column 5.
    let mut at: Vec<(u64, u64)> = unused
        .iter()
        .map(|d| {
            let l = &d["location"];
            (l["line"].as_u64().unwrap(), l["column"].as_u64().unwrap())
        })
        .collect();
    at.sort();
    let expected: Vec<(u64, u64)> = (0..2000).map(|i| (3 + 3 * i, 5)).collect();
    assert_eq!(at, expected);
}

// --- Terraform validation --------------------------------------------------------------------

/// The size of the one `test_thing` became unknown with a warning at line 1 (R109); the strict
/// arithmetic test policy then gives an error result for it (R203), never a pass.
fn assert_unknown_size(dir: &Path) -> Run {
    let run = scan(dir, &[]);
    assert_scan(&run, 2, &["R203", "R109"]);
    let d = &run.json()["diagnostics"][1];
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["location"]["line"], 1);
    assert_eq!(run.json()["summary"]["errors"], 1);
    run
}

#[test]
fn tfvars_value_of_the_wrong_type_is_a_located_warning_and_unknown() {
    let dir = files(&[
        (
            "main.tf",
            "variable \"size\" {\n  type = number\n}\n\nresource \"test_thing\" \"a\" {\n  flagged = false\n  size    = var.size\n}\n",
        ),
        ("terraform.tfvars", "size = \"twenty-two\"\n"),
    ]);
    assert_unknown_size(dir.path());
    let input = run(&["input", dir.path().to_str().unwrap()]);
    assert_eq!(
        input.json()[0]["resources"][0]["config"]["size"],
        "${var.size}"
    );
}

#[test]
fn local_cycle_is_a_located_error_with_the_cycle() {
    let dir = with_locals("  a = local.b\n  b = local.a\n", "local.a");
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R110"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(d["location"]["line"], 1);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("local.a -> local.b -> local.a"),
        "{d}"
    );
}

#[test]
fn negative_count_is_an_error_and_the_block_is_not_judged() {
    let (_dir, run) = scan_files(
        &[(
            "main.tf",
            &format!("{THING}\nresource \"test_thing\" \"b\" {{\n  count   = -1\n  flagged = true\n  size    = 1\n}}\n"),
        )],
        &[],
    );
    assert_scan(&run, 2, &["R111"]);
    assert_eq!(run.json()["diagnostics"][0]["location"]["line"], 6);
    // Only test_thing.a was judged: two passes, no failure from b.
    assert_eq!(run.json()["summary"]["passed"], 2);
    assert_eq!(run.json()["summary"]["failed"], 0);
}

#[test]
fn tf_json_with_a_resource_that_is_not_an_object_is_a_syntax_error() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), ("bad.tf.json", "{\"resource\": 5}\n")],
        &[],
    );
    assert_scan(&run, 2, &["R004"]);
    assert_eq!(
        run.json()["diagnostics"][0]["location"]["file"],
        "bad.tf.json"
    );
}

#[test]
fn non_utf8_tfvars_is_r002_at_the_byte() {
    let dir = repo();
    fs::write(
        dir.path().join("terraform.tfvars"),
        b"a = 1\nx = \"\xff\"\n",
    )
    .unwrap();
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R002"]);
    let at = &run.json()["diagnostics"][0]["location"];
    assert_eq!(
        (&at["file"], &at["line"], &at["column"]),
        (&json!("terraform.tfvars"), &json!(2), &json!(6))
    );
}

#[test]
fn tfvars_json_that_is_not_an_object_is_r004() {
    let (_dir, run) = scan_files(
        &[("main.tf", THING), ("terraform.tfvars.json", "[1, 2]\n")],
        &[],
    );
    assert_scan(&run, 2, &["R004"]);
}

#[test]
fn number_too_large_for_a_float_is_a_located_error_that_says_so() {
    let (_dir, run) = scan_files(
        &[("main.tf", &THING.replace("size    = 1", "size    = 1e400"))],
        &[],
    );
    assert_scan(&run, 2, &["R003"]);
    let d = &run.json()["diagnostics"][0];
    assert_eq!(
        (&d["location"]["line"], &d["location"]["column"]),
        (&json!(3), &json!(14))
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("1e400 is out of range"),
        "{d}"
    );
}

// --- output ----------------------------------------------------------------------------------

const ESC_LABEL: &str =
    "resource \"test_thing\" \"a\\u001b[2J\\u0007\" {\n  flagged = true\n  size    = 1\n}\n";

#[test]
fn escape_sequences_in_labels_are_escaped_in_text_markdown_html_and_junit() {
    let dir = files(&[("main.tf", ESC_LABEL)]);
    let policies = fixtures().join("user-policies/good");
    for format in ["text", "markdown", "html", "junit"] {
        let args = scan_args(dir.path(), &policies, format, &[]);
        let run = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(!run.stdout.contains('\u{1b}'), "{format}");
        assert!(!run.stdout.contains('\u{7}'), "{format}");
        assert!(
            run.stdout.contains("a\\u{1b}[2J\\u{7}"),
            "{format}: {}",
            run.stdout
        );
    }
}

#[test]
fn escape_sequences_in_file_names_are_escaped_in_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("x\u{1b}]0;pwned\u{7}.tf"),
        "resource \"test_thing\" {\n",
    )
    .unwrap();
    let run = run(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--no-default-policies",
    ]);
    assert_eq!(run.code, 2);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(
        run.stdout.contains("x\\u{1b}]0;pwned\\u{7}.tf"),
        "{}",
        run.stdout
    );
}

// --- diff ------------------------------------------------------------------------------------

#[test]
fn diff_with_an_unparsable_head_reports_nothing_fixed() {
    let base = tempfile::tempdir().unwrap();
    fs::write(base.path().join("main.tf"), THING.replace("false", "true")).unwrap();
    let head = tempfile::tempdir().unwrap();
    fs::write(
        head.path().join("main.tf"),
        "resource \"test_thing\" \"a\" {\n",
    )
    .unwrap();
    let policies = fixtures().join("user-policies/good");
    let model = fixtures().join("gate/model.yaml");
    let run = run(&[
        "diff",
        base.path().to_str().unwrap(),
        head.path().to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("[R003]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("could not be read in full"),
        "{}",
        run.stderr
    );
}

#[test]
fn diff_with_a_fifo_in_the_head_reports_nothing_fixed() {
    let base = repo();
    let head = repo();
    mkfifo(&head.path().join("pipe.tf"));
    let run = run(&[
        "diff",
        base.path().to_str().unwrap(),
        head.path().to_str().unwrap(),
        "--no-default-policies",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("[R007]"), "{}", run.stderr);
}

// --- git revisions ---------------------------------------------------------------------------

/// A repository with one commit holding `files`.
fn git_repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init(dir.path()).unwrap();
    let mut index = repo.index().unwrap();
    for (path, text) in files {
        fs::write(dir.path().join(path), text).unwrap();
        index.add_path(Path::new(path)).unwrap();
    }
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let who = git2::Signature::now("t", "t@example.com").unwrap();
    repo.commit(Some("HEAD"), &who, &who, "one", &tree, &[])
        .unwrap();
    dir
}

#[test]
fn blob_over_the_cap_in_a_revision_is_not_read() {
    let big = "# x\n".repeat(1000);
    let dir = git_repo(&[("main.tf", THING), ("big.tf", &big)]);
    let run = scan(dir.path(), &["--rev", "HEAD", "--max-file-size", "2KiB"]);
    assert_scan(&run, 2, &["R009"]);
}

#[test]
fn rev_scan_excerpt_never_opens_a_fifo_in_the_working_tree() {
    let dir = git_repo(&[("main.tf", "resource \"test_thing\" \"a\" {\n")]);
    fs::remove_file(dir.path().join("main.tf")).unwrap();
    mkfifo(&dir.path().join("main.tf"));
    // Text report: the R003 excerpt must not block on the FIFO now at that path.
    let run = run_here(
        dir.path(),
        &["scan", ".", "--rev", "HEAD", "--no-default-policies"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("R003"), "{}", run.stdout);
}

#[test]
fn rev_scan_excerpt_is_not_taken_from_the_working_tree() {
    let dir = git_repo(&[("main.tf", "resource \"test_thing\" \"a\" {\n")]);
    // Whatever line the error points at, the working tree has a secret there.
    fs::write(
        dir.path().join("main.tf"),
        "S3CR3T line 1\nS3CR3T line 2\nS3CR3T line 3\n",
    )
    .unwrap();
    let run = run_here(
        dir.path(),
        &["scan", ".", "--rev", "HEAD", "--no-default-policies"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("R003"), "{}", run.stdout);
    assert!(!run.stdout.contains("S3CR3T"), "{}", run.stdout);
}

#[test]
fn rev_scan_excerpt_is_the_revisions_line() {
    let dir = git_repo(&[(
        "main.tf",
        "resource \"test_thing\" \"a\" {\n  flagged = falsy oops\n}\n",
    )]);
    fs::write(dir.path().join("main.tf"), THING).unwrap();
    let run = run_here(
        dir.path(),
        &["scan", ".", "--rev", "HEAD", "--no-default-policies"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("error[R003]: main.tf:2:19: expected newline or eof\n    |\n  2 |   flagged = falsy oops\n    |                   ^"),
        "{}",
        run.stdout
    );
}

// --- nesting in YAML and JSON ------------------------------------------------------------------

#[test]
fn deeply_nested_config_yaml_is_a_located_error_in_bounded_time() {
    let config = format!("exclude: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let (_dir, run) = scan_files(&[("main.tf", THING), (".rungs.yaml", &config)], &[]);
    assert_fails(&run, "R401");
    assert!(
        run.stderr
            .contains(".rungs.yaml:1:266: invalid config: nested deeper than 256 levels"),
        "{}",
        run.stderr
    );
}

#[test]
fn yaml_alias_bomb_in_config_is_an_error() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ('a'..='i').zip('b'..='j') {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let (_dir, run) = scan_files(&[("main.tf", THING), (".rungs.yaml", &text)], &[]);
    assert_fails(&run, "R401");
}

#[test]
fn deeply_nested_model_yaml_is_an_error() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let model = other.path().join("model.yaml");
    fs::write(
        &model,
        format!("domains: {}{}\n", "{a: ".repeat(50_000), "}".repeat(50_000)),
    )
    .unwrap();
    let run = run(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ]);
    assert_fails(&run, "R301");
    assert!(
        run.stderr.contains("nested deeper than 256 levels"),
        "{}",
        run.stderr
    );
}

#[test]
fn deeply_nested_metadata_yaml_is_a_located_error() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    fs::write(
        policies.path().join("p.rego"),
        format!(
            "# METADATA\n# title: {}{}\npackage user.deep\n\nimport rego.v1\n\ndeny contains 1 if {{ false }}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .unwrap();
    let run = scan_policy(dir.path(), policies.path());
    assert_scan(&run, 2, &["R202"]);
}

#[test]
fn deeply_nested_tf_json_is_a_located_syntax_error() {
    let json = format!(
        "{{\"locals\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let (_dir, run) = scan_files(&[("main.tf", THING), ("x.tf.json", &json)], &[]);
    assert_scan(&run, 2, &["R004"]);
}

#[test]
fn deeply_nested_tfvars_json_is_an_error() {
    let json = format!("{{\"v\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let (_dir, run) = scan_files(&[("main.tf", THING), ("terraform.tfvars.json", &json)], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.codes(), ["R004"]);
}

#[test]
fn policy_link_out_of_the_policy_directory_is_not_read() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    let (_keep, secret) = secret();
    let target = secret.with_extension("rego");
    fs::copy(&secret, &target).unwrap();
    symlink(&target, policies.path().join("evil.rego")).unwrap();
    let run = scan_policy(dir.path(), policies.path());
    assert_scan(&run, 2, &["R008"]);
}

#[test]
fn recursion_across_user_files_through_an_import_is_rejected() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    user_policy(
        policies.path(),
        "U-ACROSS",
        "import data.user.helpers as h\n\ndeny contains {\"resource\": r.address, \"message\": \"m\"} if {\n\tsome r in input.resources_by_type.test_thing\n\tk(1) > 0\n}\n\nk(x) := h.back(x + 1)",
    );
    fs::create_dir_all(policies.path().join("lib")).unwrap();
    fs::write(
        policies.path().join("lib/helpers.rego"),
        "package user.helpers\n\nimport rego.v1\n\nback(x) := data.user.u_across.k(x)\n",
    )
    .unwrap();
    let run = scan_policy(dir.path(), policies.path());
    assert_scan(&run, 2, &["R201", "R201"]);
}

#[test]
fn trend_marks_a_commit_with_a_blob_over_the_cap_as_unparsed() {
    let big = "# x\n".repeat(1000);
    let dir = git_repo(&[("main.tf", THING), ("big.tf", &big)]);
    let run = run_here(
        dir.path(),
        &[
            "trend",
            "--format",
            "json",
            "--no-default-policies",
            "--max-file-size",
            "2KiB",
        ],
    );
    // Trend reports history and exits 0; the commit is marked, not counted as clean.
    assert_eq!(run.code, 0, "{}", run.stderr);
    let commit = &run.json()["commits"][0];
    assert_eq!(commit["unparsed"], serde_json::json!(["big.tf"]));
    assert_eq!(commit["error_count"], 1);
}

// --- Rego memory: what the element and instruction budgets bound ------------------------------

/// A rule that denies each `test_thing` when `condition` holds.
fn rule(condition: &str) -> String {
    format!("deny contains {{\"resource\": r.address, \"message\": \"m\"}} if {{\n\tsome r in input.resources_by_type.test_thing\n\t{condition}\n}}")
}

/// The usual repository scanned with one user policy `id` of rules `body` that the element
/// budget stops: R208, exit 2, its one result an `error`.
fn stopped_at_the_element_budget(id: &str, body: &str) -> Run {
    let run = scan_user_policy(id, body, &[]);
    assert_scan(&run, 2, &["R208"]);
    assert_passed_and_errors(&run, 0, 1);
    run
}

/// A rule building `x0` .. `x40`, each `step` applied to the one before: 2^40 if nothing stops it.
fn rego_doubling(first: &str, step: &str) -> String {
    let mut steps = format!("x0 := {first}");
    for i in 1..=40 {
        let prev = format!("x{}", i - 1);
        steps.push_str(&format!("\n\tx{i} := {}", step.replace("PREV", &prev)));
    }
    rule(&format!("{steps}\n\tcount(x40) == 0"))
}

#[test]
fn huge_range_in_a_user_policy_stops_at_the_element_budget() {
    // numbers.range asks for its whole result at once (24 GB here): under this harness's
    // rlimit the engine aborted the process before the guard.
    let run =
        stopped_at_the_element_budget("U-RANGE", &rule("count(numbers.range(1, 1000000000)) == 0"));
    assert_stopped_by(
        &run,
        "u_range.rego",
        "1000000000 elements, over the budget of 10000000",
        "--max-rego-elements",
    );
    assert_passed_and_errors(&run, 0, 1);
}

#[test]
fn element_budget_is_set_by_its_flag() {
    // 50,000 elements: within the default budget, over 10,000.
    let body = rule("count(numbers.range_step(1, 100000, 2)) == 0");
    let within = scan_user_policy("U-STEP", &body, &[]);
    assert_scan(&within, 0, &[]);
    assert_eq!(within.json()["summary"]["passed"], 1);
    assert_scan(
        &scan_user_policy("U-STEP", &body, &["--max-rego-elements", "10000"]),
        2,
        &["R208"],
    );
}

#[test]
fn doubling_arrays_with_array_concat_stop_at_the_element_budget() {
    let run =
        stopped_at_the_element_budget("U-DARR", &rego_doubling("[1]", "array.concat(PREV, PREV)"));
    // The step that would reach 2^24 elements is the one refused.
    assert!(
        run.json()["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("16777216 elements"),
        "{}",
        run.stdout
    );
}

#[test]
fn doubling_strings_with_concat_stop_at_the_element_budget() {
    stopped_at_the_element_budget(
        "U-DSTR",
        &rego_doubling("\"x\"", "concat(\"\", [PREV, PREV])"),
    );
}

#[test]
fn sprintf_with_a_huge_width_stops_at_the_element_budget() {
    // Padding to a billion bytes is built inside one builtin call.
    let run = stopped_at_the_element_budget(
        "U-SPRINTF",
        &rule("count(sprintf(\"%-1000000000d\", [1])) == 0"),
    );
    assert_stopped_by(
        &run,
        "u_sprintf.rego",
        "1000000040 elements, over the budget of 10000000",
        "--max-rego-elements",
    );
    // A plain format is within budget, digits outside verbs do not count.
    let fine = scan_user_policy(
        "U-SPRINTF",
        &rule("sprintf(\"account 123456789012: %05d\", [1]) == \"x\""),
        &[],
    );
    assert_scan(&fine, 0, &[]);
}

#[test]
fn doubling_strings_with_sprintf_or_json_marshal_stop_at_the_element_budget() {
    // The arguments are shared values: each step doubles the text in one builtin call.
    for (id, step) in [
        ("U-DSPRINTF", "sprintf(\"%s%s\", [PREV, PREV])"),
        ("U-DMARSHAL", "json.marshal([PREV, PREV])"),
    ] {
        stopped_at_the_element_budget(id, &rego_doubling("\"x\"", step));
    }
}

#[test]
fn doubling_strings_with_regex_replace_stop_at_the_element_budget() {
    // Each step copies the whole string twice through a group reference.
    stopped_at_the_element_budget(
        "U-DREGEX",
        &rego_doubling("\"x\"", "regex.replace(PREV, \"^(.*)$\", \"$1$1\")"),
    );
}

#[test]
fn cidr_expansion_stops_at_the_element_budget() {
    // A /8 is 16,777,216 addresses in one call; the whole IPv4 space would be 2^32.
    let run = stopped_at_the_element_budget(
        "U-CIDR",
        &rule("count(net.cidr_expand(\"10.0.0.0/8\")) == 0"),
    );
    assert_stopped_by(
        &run,
        "u_cidr.rego",
        "16777216 elements, over the budget of 10000000",
        "--max-rego-elements",
    );
    // A small network is expanded as usual: 4 addresses, the rule's condition is false.
    let fine = scan_user_policy(
        "U-CIDR",
        &rule("count(net.cidr_expand(\"10.0.0.0/30\")) == 0"),
        &[],
    );
    assert_scan(&fine, 0, &[]);
    assert_passed_and_errors(&fine, 1, 0);
}

#[test]
fn encoders_are_not_built_in() {
    // base64, hex, urlquery and yaml are features of the engine rungs does not build: a policy
    // calling them is a runtime error, so their chained growth cannot happen.
    for (id, call) in [
        ("U-B64", "base64.encode(\"x\")"),
        ("U-HEX", "hex.encode(\"x\")"),
        ("U-URL", "urlquery.encode(\"x\")"),
        ("U-YAML", "yaml.marshal(\"x\")"),
    ] {
        let run = scan_user_policy(id, &rule(&format!("count({call}) == 0")), &[]);
        assert_scan(&run, 2, &["R203"]);
        let name = call.split('(').next().unwrap();
        let message = run.json()["diagnostics"][0]["message"].clone();
        assert!(
            message
                .as_str()
                .unwrap()
                .contains(&format!("could not find function {name}")),
            "{message}"
        );
    }
}

#[test]
fn replace_multiplying_a_string_stops_at_the_element_budget() {
    // 4,096 bytes with "" replaced by themselves: 4,097 copies, 16 MB in one call.
    let run = stopped_at_the_element_budget(
        "U-REPLACE",
        &rule("s := sprintf(\"%4096d\", [1])\n\tcount(replace(s, \"\", s)) == 0"),
    );
    assert!(
        run.json()["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("16785408 elements"),
        "{}",
        run.stdout
    );
}

#[test]
fn nested_comprehensions_stop_at_the_instruction_budget_within_the_rlimit() {
    // A billion numbers built one by one: every element costs instructions, so the instruction
    // budget bounds the memory (about 170 MB at this budget; see docs/security.md).
    let run = scan_user_policy(
        "U-NEST",
        &rule("count([[x | some x in numbers.range(1, 1000)] | some y in numbers.range(1, 1000000)]) == 0"),
        &["--max-rego-instructions", "20000000"],
    );
    assert_scan(&run, 2, &["R206"]);
}

#[test]
fn wall_clock_backstop_stops_a_long_user_policy_as_its_own_error() {
    // Ten billion iterations under an instruction budget that never runs out: only the
    // backstop, set to one second by its flag, stops them.
    let run = scan_user_policy(
        "U-WALL",
        &expensive(100_000),
        &[
            "--max-rego-instructions",
            "1000000000000000000",
            "--max-rego-seconds",
            "1",
        ],
    );
    assert_scan(&run, 2, &["R207"]);
    let d = assert_stopped_by(
        &run,
        "u_wall.rego",
        "policy U-WALL was stopped by the 1-second wall-clock backstop",
        "--max-rego-seconds",
    );
    assert_eq!(d["location"]["line"], 14, "{d}");
    assert_passed_and_errors(&run, 0, 1);
}

#[test]
fn zero_second_backstop_is_a_usage_error() {
    let run = run(&["scan", ".", "--max-rego-seconds", "0"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("invalid value '0' for '--max-rego-seconds <SECONDS>'"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

// --- --policy given a file ---------------------------------------------------------------------

#[test]
fn policy_flag_takes_one_rego_file() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    user_policy(policies.path(), "U-ONE", &rule("true"));
    let run = scan_policy(dir.path(), &policies.path().join("u_one.rego"));
    assert_scan(&run, 0, &[]);
    assert_eq!(run.json()["summary"]["failed"], 1);
}

#[test]
fn policy_flag_on_a_file_that_is_not_rego_says_so() {
    let dir = repo();
    let (_keep, secret) = secret();
    let run = scan_policy(dir.path(), &secret);
    assert_scan(&run, 2, &["R001"]);
    let message = &run.json()["diagnostics"][0]["message"];
    assert!(
        message
            .as_str()
            .unwrap()
            .ends_with("credentials is neither a directory nor a .rego file"),
        "{message}"
    );
}

#[test]
fn policy_flag_on_a_missing_path_says_it_does_not_exist() {
    let dir = repo();
    let run = scan_policy(dir.path(), &dir.path().join("nowhere"));
    assert_scan(&run, 2, &["R001"]);
    let message = &run.json()["diagnostics"][0]["message"];
    assert!(
        message
            .as_str()
            .unwrap()
            .ends_with("nowhere does not exist"),
        "{message}"
    );
}

#[test]
fn policy_flag_on_a_fifo_rego_file_is_not_opened() {
    let dir = repo();
    let other = tempfile::tempdir().unwrap();
    let fifo = other.path().join("p.rego");
    mkfifo(&fifo);
    assert_scan(&scan_policy(dir.path(), &fifo), 2, &["R007"]);
}

// --- line counting -----------------------------------------------------------------------------

#[test]
fn lone_carriage_return_in_metadata_does_not_shift_lines() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    // Line 4 is one line to Rego, two to YAML; the error is after the carriage return.
    fs::write(
        policies.path().join("cr.rego"),
        "# METADATA\n# title: T\n# custom:\n#   id: U-CR\r  contrls: [c]\n#   severity: low\npackage user.cr\n\nimport rego.v1\n\ndeny contains 1 if {\n\tfalse\n}\n",
    )
    .unwrap();
    let run = scan_policy(dir.path(), policies.path());
    assert_scan(&run, 2, &["R202"]);
    let at = &run.json()["diagnostics"][0]["location"];
    assert_eq!((&at["line"], &at["column"]), (&json!(4), &json!(16)));
}

// --- audit additions (docs/security.md, "Issue 10, bullet by bullet") --------------------------

#[test]
fn variable_default_referring_to_itself_is_a_warning_and_unknown() {
    let dir = files(&[(
        "main.tf",
        "variable \"a\" {\n  default = var.a\n}\n\nresource \"test_thing\" \"a\" {\n  flagged = false\n  size    = var.a\n}\n",
    )]);
    let run = assert_unknown_size(dir.path());
    // TEST-001 still judged the known `flagged`.
    assert_eq!(run.json()["summary"]["passed"], 1);
}

#[test]
fn bad_exclude_glob_is_r005() {
    let dir = repo();
    assert_fails(&scan(dir.path(), &["--exclude", "a["]), "R005");
}

#[test]
fn module_nesting_past_16_levels_is_r102() {
    let dir = module_tree(1, 18);
    let run = scan(dir.path(), &[]);
    assert_scan(&run, 2, &["R102"]);
    assert!(
        first_file(&run).ends_with(&format!("{}main.tf", "m/".repeat(16))),
        "{}",
        run.stdout
    );
}

#[test]
fn broken_user_policy_is_a_located_error_and_the_rest_is_judged() {
    let dir = repo();
    let policies = tempfile::tempdir().unwrap();
    user_policy(policies.path(), "U-OK", &rule("false"));
    user_policy(policies.path(), "U-BROKEN", "deny contains 1 if {");
    let run = scan_policy(dir.path(), policies.path());
    assert_scan(&run, 2, &["R201"]);
    assert!(
        first_file(&run).ends_with("u_broken.rego"),
        "{}",
        run.stdout
    );
    assert_eq!(run.json()["summary"]["passed"], 1);
}
