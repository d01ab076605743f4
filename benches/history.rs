//! Trend benchmark over a generated git history.
//!
//! `cargo bench --bench history` writes a repository of 20 root modules in about 100 `.tf`
//! files plus a shared local module, then a history of 500 commits that flip settings, add and
//! delete files, rename a file and a root directory, touch the shared module, break a file and
//! fix it, and change files that are not Terraform. It then times, in one run:
//! - the trend with in-memory caches, in growing chunks of commits on one pipeline (time per
//!   commit as the caches warm) and in one call;
//! - the trend with a disk cache, cold then warm (a new pipeline reading the cache);
//! - the trend with no reuse at all (every commit read and scanned from git objects);
//! - checking out each commit into the work tree and scanning it (what you would do without
//!   `rungs trend`; in-process, so it pays no process start-up).
//!
//! Every variant must give the same rows; the benchmark fails otherwise.
//!
//! Options (after `--`): `--commits 500`, `--roots 20`, `--keep DIR` to leave the repository
//! in DIR (for timing the binary), `--skip-baselines` for the cached runs only.

use git2::{IndexAddOption, Repository, Signature, Time};
use rungs::scan::{self, Options};
use rungs::source::git::Repo;
use rungs::trend::{self, cache::Pipeline, disk, Row, Selection, Silent};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// Settings of one root module that commits flip.
#[derive(Clone)]
struct Root {
    dir: String,
    knobs: [bool; 8],
    extra_buckets: usize,
    storage_file: &'static str,
}

fn main_tf(i: usize) -> String {
    format!(
        r#"variable "env" {{ default = "{env}" }}
variable "kms_key_arn" {{}}
locals {{
  name = "svc{i}-${{var.env}}"
  tags = merge({{ Service = "svc{i}" }}, {{ Env = var.env }})
}}
module "net" {{
  source = "../../modules/net"
  name   = local.name
  cidr   = "10.{octet}.0.0/16"
}}
"#,
        env = if i % 2 == 0 { "prod" } else { "dev" },
        octet = i % 250
    )
}

fn storage_tf(k: &[bool; 8]) -> String {
    format!(
        r#"resource "aws_s3_bucket" "data" {{
  bucket = "${{local.name}}-data"
  tags   = local.tags
}}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {{
  bucket = aws_s3_bucket.data.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }}
  }}
}}
resource "aws_s3_bucket_public_access_block" "data" {{
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = {}
}}
resource "aws_s3_bucket_versioning" "data" {{
  bucket = aws_s3_bucket.data.id
  versioning_configuration {{ status = "{}" }}
}}
resource "aws_kms_key" "data" {{
  description         = "data key"
  enable_key_rotation = {}
}}
"#,
        k[0],
        if k[1] { "Enabled" } else { "Suspended" },
        k[2]
    )
}

fn compute_tf(k: &[bool; 8]) -> String {
    format!(
        r#"resource "aws_security_group" "web" {{
  name        = "${{local.name}}-web"
  description = "web tier"
  vpc_id      = module.net.vpc_id
  ingress {{
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{}"]
  }}
}}
resource "aws_instance" "app" {{
  count         = 2
  ami           = "ami-123456"
  instance_type = var.env == "prod" ? "m5.large" : "t3.micro"
  metadata_options {{
    http_tokens = "{}"
  }}
  root_block_device {{
    encrypted = true
  }}
}}
resource "aws_ebs_volume" "data" {{
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = {}
}}
"#,
        if k[3] { "10.0.0.0/8" } else { "0.0.0.0/0" },
        if k[4] { "required" } else { "optional" },
        k[5]
    )
}

fn data_tf(k: &[bool; 8]) -> String {
    format!(
        r#"resource "aws_db_instance" "main" {{
  identifier              = "${{local.name}}-db"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  storage_encrypted       = {}
  publicly_accessible     = false
  backup_retention_period = var.env == "prod" ? 14 : 1
}}
resource "aws_sqs_queue" "jobs" {{
  name              = "${{local.name}}-jobs"
  kms_master_key_id = aws_kms_key.data.arn
}}
resource "aws_dynamodb_table" "state" {{
  name     = "${{local.name}}-state"
  hash_key = "id"
  attribute {{
    name = "id"
    type = "S"
  }}
  point_in_time_recovery {{ enabled = {} }}
}}
"#,
        k[6], k[7]
    )
}

const IAM_TF: &str = r#"resource "aws_cloudwatch_log_group" "app" {
  name              = "/${local.name}/app"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.data.arn
}
resource "aws_iam_role" "app" {
  name = "${local.name}-app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}
resource "aws_cloudtrail" "main" {
  name                       = "${local.name}-trail"
  s3_bucket_name             = aws_s3_bucket.data.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.data.arn
}
"#;

fn extra_bucket(n: usize) -> String {
    format!(
        "resource \"aws_s3_bucket\" \"extra{n}\" {{\n  bucket = \"${{local.name}}-extra{n}\"\n}}\n"
    )
}

fn net_module(flow_logs: bool) -> String {
    format!(
        r#"variable "name" {{}}
variable "cidr" {{}}
resource "aws_vpc" "this" {{
  cidr_block = var.cidr
  tags       = {{ Name = var.name }}
}}
resource "aws_default_security_group" "this" {{
  vpc_id = aws_vpc.this.id
}}
resource "aws_flow_log" "this" {{
  count           = {}
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}}
output "vpc_id" {{ value = aws_vpc.this.id }}
"#,
        if flow_logs { 1 } else { 0 }
    )
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn write_root(dir: &Path, i: usize, root: &Root) {
    write(dir, &format!("{}/main.tf", root.dir), &main_tf(i));
    write(
        dir,
        &format!("{}/{}", root.dir, root.storage_file),
        &storage_tf(&root.knobs),
    );
    write(
        dir,
        &format!("{}/compute.tf", root.dir),
        &compute_tf(&root.knobs),
    );
    write(dir, &format!("{}/data.tf", root.dir), &data_tf(&root.knobs));
    write(dir, &format!("{}/iam.tf", root.dir), IAM_TF);
}

/// A small deterministic generator (xorshift), so every run builds the same history.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn commit(repo: &Repository, message: &str, n: usize) {
    let mut index = repo.index().unwrap();
    index.add_all(["*"], IndexAddOption::DEFAULT, None).unwrap();
    index.update_all(["*"], None).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    // One commit a day from 2024-01-01.
    let sig = Signature::new(
        "Bench",
        "bench@example.invalid",
        &Time::new(1_704_110_400 + n as i64 * 86_400, 0),
    )
    .unwrap();
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
        .unwrap();
}

/// Writes the repository and its history; returns the number of `.tf` files at the start.
fn generate(dir: &Path, roots: usize, commits: usize) -> usize {
    let repo = Repository::init(dir).unwrap();
    let mut state: Vec<Root> = (0..roots)
        .map(|i| Root {
            dir: format!("envs/svc{i:02}"),
            knobs: [
                i % 7 != 0,
                true,
                i % 5 != 0,
                i % 11 != 0,
                i % 4 != 0,
                i % 6 != 0,
                true,
                i % 3 != 0,
            ],
            extra_buckets: 0,
            storage_file: "storage.tf",
        })
        .collect();
    let mut flow_logs = true;
    for (i, root) in state.iter().enumerate() {
        write_root(dir, i, root);
    }
    write(dir, "modules/net/main.tf", &net_module(flow_logs));
    write(dir, "README.md", "generated\n");
    let files = roots * 5 + 1;
    commit(&repo, "initial infrastructure", 0);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut broken: Option<String> = None;
    for n in 1..commits {
        let r = rng.next(roots);
        let root = &mut state[r];
        let message;
        if let Some(path) = broken.take() {
            fs::remove_file(dir.join(&path)).unwrap();
            message = format!("remove broken {path}");
        } else if n % 100 == 50 {
            let path = format!("{}/broken.tf", root.dir);
            write(dir, &path, "resource \"aws_s3_bucket\" \"oops\" {\n");
            message = format!("wip: {path}");
            broken = Some(path);
        } else if n == commits / 2 {
            let old = root.dir.clone();
            root.dir = format!("{old}-renamed");
            fs::rename(dir.join(&old), dir.join(&root.dir)).unwrap();
            message = format!("rename {old}");
        } else if n % 97 == 0 {
            let old = dir.join(&root.dir).join(root.storage_file);
            root.storage_file = if root.storage_file == "storage.tf" {
                "s3.tf"
            } else {
                "storage.tf"
            };
            fs::rename(old, dir.join(&root.dir).join(root.storage_file)).unwrap();
            message = format!("rename storage file in {}", root.dir);
        } else if n % 61 == 0 {
            flow_logs = !flow_logs;
            write(dir, "modules/net/main.tf", &net_module(flow_logs));
            message = "net module: toggle flow logs".to_string();
        } else {
            match rng.next(10) {
                0 => {
                    root.extra_buckets += 1;
                    let k = root.extra_buckets;
                    write(dir, &format!("{}/extra{k}.tf", root.dir), &extra_bucket(k));
                    message = format!("add bucket to {}", root.dir);
                }
                1 if root.extra_buckets > 0 => {
                    let k = root.extra_buckets;
                    fs::remove_file(dir.join(format!("{}/extra{k}.tf", root.dir))).unwrap();
                    root.extra_buckets -= 1;
                    message = format!("delete bucket from {}", root.dir);
                }
                2 => {
                    write(dir, "README.md", &format!("generated, revision {n}\n"));
                    message = "docs".to_string();
                }
                _ => {
                    let knob = rng.next(8);
                    root.knobs[knob] = !root.knobs[knob];
                    let (file, text) = match knob {
                        0..=2 => (root.storage_file, storage_tf(&root.knobs)),
                        3..=5 => ("compute.tf", compute_tf(&root.knobs)),
                        _ => ("data.tf", data_tf(&root.knobs)),
                    };
                    write(dir, &format!("{}/{file}", root.dir), &text);
                    message = format!("{}: toggle setting {knob}", root.dir);
                }
            }
        }
        commit(&repo, &message, n);
    }
    files
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn rows_cached(
    options: &Options,
    repo: &Repo,
    commits: &[rungs::source::git::CommitInfo],
    cache: Option<&Path>,
) -> (Vec<Row>, Duration, rungs::trend::cache::Stats) {
    let clock = Instant::now();
    let settings = cache.map(|dir| disk::Settings {
        dir: dir.to_path_buf(),
        max_bytes: disk::DEFAULT_MAX_BYTES,
    });
    let mut pipeline = Pipeline::new(options, settings.as_ref()).unwrap();
    assert!(pipeline.warnings.is_empty(), "{:?}", pipeline.warnings);
    let rows = pipeline.rows(repo, commits, &Silent);
    (rows, clock.elapsed(), pipeline.stats.clone())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let commits: usize = value("--commits").map_or(500, |v| v.parse().unwrap());
    let roots: usize = value("--roots").map_or(20, |v| v.parse().unwrap());
    let skip_baselines = args.iter().any(|a| a == "--skip-baselines");
    let temp = tempfile::tempdir().unwrap();
    let dir = value("--keep").map_or_else(|| temp.path().join("repo"), Into::into);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();

    let clock = Instant::now();
    let files = generate(&dir, roots, commits);
    println!(
        "generated {commits} commits over {roots} roots, {files} .tf files at the start, in {} ms",
        ms(clock.elapsed())
    );

    let options = Options::new(&dir);
    let repo = Repo::open(&dir).unwrap();
    let selection = Selection {
        range: None,
        since: None,
        max_commits: None,
        first_parent: true,
        every: 1,
    };
    let clock = Instant::now();
    let (list, _) = trend::select(&repo, &selection).unwrap();
    println!(
        "selected {} commits in {} ms",
        list.len(),
        ms(clock.elapsed())
    );
    assert_eq!(list.len(), commits);

    // Growing chunks on one pipeline: the time per commit as the caches warm.
    let mut table = String::from("| commits | ms | ms per commit | files parsed | roots loaded | roots evaluated |\n|---|---:|---:|---:|---:|---:|\n");
    let mut pipeline = Pipeline::new(&options, None).unwrap();
    let mut chunked = Vec::new();
    let mut previous = pipeline.stats.clone();
    let total = Instant::now();
    let mut start = 0;
    for end in [1, 5, 25, 100, 250, 500, commits] {
        let end = end.min(commits);
        if end <= start {
            continue;
        }
        let chunk = &list[start..end];
        let clock = Instant::now();
        chunked.extend(pipeline.rows(&repo, chunk, &Silent));
        let took = clock.elapsed();
        let s = pipeline.stats.clone();
        let _ = writeln!(
            table,
            "| {}-{} | {} | {:.2} | {} | {} | {} |",
            start + 1,
            end,
            ms(took),
            took.as_secs_f64() * 1000.0 / chunk.len() as f64,
            s.files_parsed - previous.files_parsed,
            s.roots_loaded - previous.roots_loaded,
            s.roots_evaluated - previous.roots_evaluated
        );
        previous = s;
        start = end;
    }
    println!(
        "\ntrend in growing chunks on one pipeline (in-memory caches), total {} ms:\n{table}",
        ms(total.elapsed())
    );

    let (rows, took, stats) = rows_cached(&options, &repo, &list, None);
    println!(
        "trend, in-memory caches, one call: {} ms ({:.2} ms per commit); {stats:?}",
        ms(took),
        took.as_secs_f64() * 1000.0 / commits as f64
    );
    assert!(rows == chunked, "chunked and single-call rows differ");

    let cache = tempfile::tempdir().unwrap();
    let (cold, took, stats) = rows_cached(&options, &repo, &list, Some(cache.path()));
    println!("trend, disk cache cold: {} ms; {stats:?}", ms(took));
    let (warm, took, stats) = rows_cached(&options, &repo, &list, Some(cache.path()));
    println!(
        "trend, disk cache warm (new pipeline): {} ms; {stats:?}",
        ms(took)
    );
    assert!(rows == cold && rows == warm, "disk-cached rows differ");

    if skip_baselines {
        return;
    }
    let clock = Instant::now();
    let uncached = trend::rows_uncached(&repo, &list, &options, &Silent).unwrap();
    let took = clock.elapsed();
    println!(
        "trend, no reuse (each commit scanned from git objects): {} ms ({:.1} ms per commit)",
        ms(took),
        took.as_secs_f64() * 1000.0 / commits as f64
    );
    assert!(rows == uncached, "cached and uncached rows differ");

    // Checking out each commit and scanning the work tree.
    let git = Repository::open(&dir).unwrap();
    let mut checkout_time = Duration::ZERO;
    let mut scan_time = Duration::ZERO;
    let mut checked = Vec::new();
    for commit in &list {
        let clock = Instant::now();
        let object = git.find_object(commit.id, None).unwrap();
        git.checkout_tree(
            &object,
            Some(
                git2::build::CheckoutBuilder::new()
                    .force()
                    .remove_untracked(true),
            ),
        )
        .unwrap();
        git.set_head_detached(commit.id).unwrap();
        checkout_time += clock.elapsed();
        let clock = Instant::now();
        let scan = scan::run(&options).unwrap();
        scan_time += clock.elapsed();
        checked.push((
            scan.scorecard.level,
            scan.scorecard.score,
            scan.checks.len(),
        ));
    }
    let expected: Vec<_> = rows
        .iter()
        .map(|r| (r.level, r.score, r.passed + r.failed + r.errors + r.waived))
        .collect();
    assert_eq!(checked, expected, "work-tree scans disagree with the trend");
    println!(
        "checkout + scan of each commit's work tree: {} ms ({} checkout, {} scan; {:.1} ms per commit)",
        ms(checkout_time + scan_time),
        ms(checkout_time),
        ms(scan_time),
        (checkout_time + scan_time).as_secs_f64() * 1000.0 / commits as f64
    );
}
