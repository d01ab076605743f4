//! Scan benchmark over generated repositories and the bundled example.
//!
//! `cargo bench --bench scan` generates repositories of N root modules (25 resources each, a
//! realistic AWS mix that the default policies judge, with variables, locals, a local module and
//! tfvars), scans each several times with the embedded policies and model, and prints the median
//! wall time per stage. Record the table in docs/performance.md with the machine it ran on.
//!
//! It also times the binary's start (a scan of a one-resource directory, `policy list`: CPU of
//! the child process, median of 3 x `--runs`) and one root module of `--buckets` S3 buckets,
//! each with an encryption configuration and a public access block (the joins that were
//! quadratic in the buckets of a root).
//!
//! Last, for each repository, the most Rego instructions one policy needed on one document (the
//! budget's headroom: `--max-rego-instructions`, docs/security.md): one run per (policy,
//! document) at the most found so far, a bisection of the budget only where that is not enough.
//!
//! Options (after `--`): `--roots 50,100,200,400` sizes to run, `--runs 5` scans per size,
//! `--mixed 200` roots of the mixed-format repository (0 leaves it out),
//! `--buckets 5000` buckets in the one-root row (0 leaves it out), `--files 1801` a module
//! repository of about that many `.tf` files (see [`generate_files`]; 0, the default, leaves
//! it out), `--generate DIR` to only write the repositories (`DIR/roots-N`, `DIR/files-N`,
//! `DIR/buckets-N`) for timing the binary.

use rungs::scan::{self, Scan};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// One root module: 25 resources across S3, IAM, KMS, logging, network, compute and data.
fn root_module(i: usize) -> String {
    let mut s = String::new();
    let env = if i % 2 == 0 { "prod" } else { "dev" };
    let _ = write!(
        s,
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

resource "aws_s3_bucket" "data" {{
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
  restrict_public_buckets = {restrict}
}}
resource "aws_s3_bucket_versioning" "data" {{
  bucket = aws_s3_bucket.data.id
  versioning_configuration {{ status = "Enabled" }}
}}
resource "aws_kms_key" "data" {{
  description         = "data key"
  enable_key_rotation = {rotation}
}}
resource "aws_cloudwatch_log_group" "app" {{
  name              = "/svc{i}/app"
  retention_in_days = {retention}
  kms_key_id        = aws_kms_key.data.arn
}}
resource "aws_iam_policy" "app" {{
  name = "${{local.name}}-app"
  policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "${{aws_s3_bucket.data.arn}}/*" }}]
  }})
}}
resource "aws_iam_role" "app" {{
  name = "${{local.name}}-app"
  assume_role_policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Action = "sts:AssumeRole", Principal = {{ Service = "ec2.amazonaws.com" }} }}]
  }})
}}
resource "aws_security_group" "web" {{
  name        = "${{local.name}}-web"
  description = "web tier"
  vpc_id      = module.net.vpc_id
  ingress {{
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}
  ingress {{
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [{ssh}]
  }}
}}
resource "aws_instance" "app" {{
  count         = 2
  ami           = "ami-123456"
  instance_type = var.env == "prod" ? "m5.large" : "t3.micro"
  metadata_options {{
    http_tokens = "{tokens}"
  }}
  root_block_device {{
    encrypted = true
  }}
}}
resource "aws_ebs_volume" "data" {{
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = {ebs}
}}
resource "aws_db_instance" "main" {{
  identifier              = "${{local.name}}-db"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  storage_encrypted       = true
  publicly_accessible     = false
  backup_retention_period = var.env == "prod" ? 14 : 1
  deletion_protection     = var.env == "prod"
}}
resource "aws_ecr_repository" "app" {{
  name                 = local.name
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {{ scan_on_push = true }}
}}
resource "aws_cloudtrail" "main" {{
  name                          = "${{local.name}}-trail"
  s3_bucket_name                = aws_s3_bucket.data.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.data.arn
  cloud_watch_logs_group_arn    = "${{aws_cloudwatch_log_group.app.arn}}:*"
}}
resource "aws_guardduty_detector" "main" {{
  enable = true
}}
resource "aws_sqs_queue" "jobs" {{
  name              = "${{local.name}}-jobs"
  kms_master_key_id = aws_kms_key.data.arn
}}
resource "aws_sns_topic" "alerts" {{
  name = "${{local.name}}-alerts"
}}
resource "aws_dynamodb_table" "state" {{
  name     = "${{local.name}}-state"
  hash_key = "id"
  attribute {{
    name = "id"
    type = "S"
  }}
  point_in_time_recovery {{ enabled = true }}
}}
resource "aws_lambda_function" "worker" {{
  function_name = "${{local.name}}-worker"
  role          = aws_iam_role.app.arn
  handler       = "main.handler"
  runtime       = "python3.12"
  tracing_config {{ mode = "Active" }}
}}
resource "aws_eks_cluster" "main" {{
  name     = local.name
  role_arn = aws_iam_role.app.arn
  vpc_config {{
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }}
  encryption_config {{
    resources = ["secrets"]
    provider {{ key_arn = aws_kms_key.data.arn }}
  }}
}}
resource "aws_iam_role_policy_attachment" "app" {{
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}}
"#,
        octet = i % 250,
        restrict = i % 7 != 0,
        rotation = i % 5 != 0,
        retention = if i % 3 == 0 { 30 } else { 365 },
        ssh = if i % 11 == 0 {
            "\"0.0.0.0/0\""
        } else {
            "\"10.0.0.0/8\""
        },
        tokens = if i % 4 == 0 { "optional" } else { "required" },
        ebs = i % 6 != 0,
    );
    s
}

const NET_MODULE: &str = r#"variable "name" {}
variable "cidr" {}
resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = var.name }
}
resource "aws_flow_log" "this" {
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}
resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(var.cidr, 8, count.index)
}
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
}
output "vpc_id" { value = aws_vpc.this.id }
"#;

/// Writes a repository of `roots` root modules into `dir`; returns the resource count.
fn generate(dir: &Path, roots: usize) -> usize {
    let net = dir.join("modules/net");
    std::fs::create_dir_all(&net).unwrap();
    std::fs::write(net.join("main.tf"), NET_MODULE).unwrap();
    for i in 0..roots {
        let root = dir.join(format!("services/svc{i:04}"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("main.tf"), root_module(i)).unwrap();
        std::fs::write(
            root.join("terraform.tfvars"),
            "kms_key_arn = \"arn:aws:kms:eu-west-1:111122223333:key/abc\"\n",
        )
        .unwrap();
    }
    roots * 25
}

/// `generate`, plus a copy of `examples/mixed`'s plan and CloudFormation template beside every
/// root and of its Kubernetes manifests in a `k8s/` directory under it: a mixed-format
/// repository of `roots` root modules, plans, templates and manifest directories each.
fn generate_mixed(dir: &Path, roots: usize) -> usize {
    let mixed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed");
    let plan = std::fs::read_to_string(mixed.join("plans/terraform.json")).unwrap();
    let template = std::fs::read_to_string(mixed.join("cloudformation/storage.yaml")).unwrap();
    let resources = generate(dir, roots);
    for i in 0..roots {
        let root = dir.join(format!("services/svc{i:04}"));
        std::fs::write(root.join("plan.json"), &plan).unwrap();
        std::fs::write(root.join("stack.yaml"), &template).unwrap();
    }
    let manifests = add_manifests(dir, roots);
    // 7 resources per plan; 8 per template (its 9th, `ProdOnlyReplica`, is off by default).
    resources + roots * (7 + 8) + manifests
}

/// Copies `examples/mixed/kubernetes` under every generated root (`services/svcNNNN/k8s`):
/// one manifest document of 12 objects each. Returns the objects written.
fn add_manifests(dir: &Path, roots: usize) -> usize {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed/kubernetes");
    let files: Vec<(std::ffi::OsString, String)> = std::fs::read_dir(&example)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    for i in 0..roots {
        let k8s = dir.join(format!("services/svc{i:04}/k8s"));
        std::fs::create_dir_all(&k8s).unwrap();
        for (name, text) in &files {
            std::fs::write(k8s.join(name), text).unwrap();
        }
    }
    roots * 12
}

/// A repository of the shape of a large public module collection: per unit, a module
/// (`modules/mK`: the 25 resources of [`root_module`], 40 variables, 30 outputs, versions) and
/// an example calling it (`examples/mK`), eight `.tf` files of about 79 lines on average, as in
/// the 1,801-file, 142,000-line repository of issue 11. Returns (files, lines, resources).
fn generate_files(dir: &Path, files: usize) -> (usize, usize, usize) {
    let net = dir.join("modules/net");
    std::fs::create_dir_all(&net).unwrap();
    std::fs::write(net.join("main.tf"), NET_MODULE).unwrap();
    let (mut written, mut lines) = (1, NET_MODULE.lines().count());
    let versions = "terraform {\n  required_version = \">= 1.5\"\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = \">= 5.0\"\n    }\n  }\n}\n";
    let mut put = |path: std::path::PathBuf, text: &str| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        written += 1;
        lines += text.lines().count();
    };
    let units = files.saturating_sub(1) / 8;
    for k in 0..units {
        let module = dir.join(format!("modules/m{k:04}"));
        // `root_module` calls `../../modules/net`, which resolves from here too.
        put(module.join("main.tf"), &root_module(k));
        let mut variables = String::new();
        let mut outputs = String::new();
        for v in 0..40 {
            let _ = write!(
                variables,
                "variable \"setting_{v}\" {{\n  description = \"Setting {v} of the module.\"\n  type        = string\n  default     = \"value-{v}\"\n}}\n\n"
            );
        }
        for o in 0..30 {
            let _ = write!(
                outputs,
                "output \"out_{o}\" {{\n  description = \"Output {o}.\"\n  value       = var.setting_{}\n}}\n\n",
                o % 40
            );
        }
        put(module.join("variables.tf"), &variables);
        put(module.join("outputs.tf"), &outputs);
        put(module.join("versions.tf"), versions);
        let example = dir.join(format!("examples/m{k:04}"));
        let mut main = format!(
            "provider \"aws\" {{\n  region = \"eu-west-1\"\n}}\n\nmodule \"this\" {{\n  source      = \"../../modules/m{k:04}\"\n  env         = var.env\n  kms_key_arn = var.kms_key_arn\n"
        );
        for v in 0..12 {
            let _ = writeln!(main, "  setting_{v} = \"example-{k}-{v}\"");
        }
        main.push_str("}\n");
        put(example.join("main.tf"), &main);
        put(
            example.join("variables.tf"),
            "variable \"env\" {\n  type    = string\n  default = \"prod\"\n}\n\nvariable \"kms_key_arn\" {\n  type    = string\n  default = \"arn:aws:kms:eu-west-1:111122223333:key/abc\"\n}\n",
        );
        let mut outputs = String::new();
        for o in 0..8 {
            let _ = write!(
                outputs,
                "output \"out_{o}\" {{\n  value = module.this.out_{o}\n}}\n\n"
            );
        }
        put(example.join("outputs.tf"), &outputs);
        put(example.join("versions.tf"), versions);
    }
    (written, lines, units * 29)
}

/// One root module of `buckets` S3 buckets, each with two companions joined by reference;
/// every other bucket leaves a public access block setting off. Returns the resource count.
fn generate_buckets(dir: &Path, buckets: usize) -> usize {
    std::fs::create_dir_all(dir).unwrap();
    let mut s = String::new();
    for i in 0..buckets {
        let _ = write!(
            s,
            r#"resource "aws_s3_bucket" "b{i}" {{
  bucket = "bucket-{i}"
}}
resource "aws_s3_bucket_server_side_encryption_configuration" "b{i}" {{
  bucket = aws_s3_bucket.b{i}.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm = "aws:kms"
    }}
  }}
}}
resource "aws_s3_bucket_public_access_block" "b{i}" {{
  bucket                  = aws_s3_bucket.b{i}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = {}
}}
"#,
            i % 2 == 1
        );
    }
    std::fs::write(dir.join("main.tf"), s).unwrap();
    buckets * 3
}

/// CPU time (user + system) of the children this process has waited for.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Median CPU and wall time of running the binary with `args`: the fixed cost of a run.
fn measure_start(args: &[&str], runs: usize) -> (Duration, Duration) {
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (cpu0, start) = (children_cpu(), Instant::now());
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(args)
            .output()
            .expect("the rungs binary runs");
        wall.push(start.elapsed());
        cpu.push(children_cpu() - cpu0);
        assert!(!out.stdout.is_empty(), "rungs {args:?} printed nothing");
    }
    (median(cpu), median(wall))
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

struct Row {
    label: String,
    documents: usize,
    resources: usize,
    checks: usize,
    total: Duration,
    stages: [Duration; 6],
    /// The most instructions one policy needed on one document, and that policy.
    instructions: (u64, String),
}

fn measure(label: &str, dir: &Path, runs: usize) -> Row {
    let options = scan::Options::new(dir);
    let mut totals = Vec::new();
    let mut stages: Vec<[Duration; 6]> = Vec::new();
    let mut last: Option<Scan> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let scan = scan::run(&options).expect("scan runs");
        totals.push(start.elapsed());
        let t = &scan.timings;
        stages.push([t.discover, t.load, t.policies, t.evaluate, t.waive, t.score]);
        last = Some(scan);
    }
    let scan = last.expect("at least one run");
    assert!(
        scan.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        scan.diagnostics
    );
    // The policies that apply to the repository, as a scan prepares them.
    let prepared = rungs::evaluate::prepare_applicable(&scan.bundle, &scan.documents)
        .expect("the bundle prepares");
    // The most so far is the floor: only policies that may need as many are bisected. On a tie
    // the last one is named.
    let mut instructions = (0, String::new());
    for d in &scan.documents {
        for (i, n) in
            rungs::evaluate::instructions_needed(&prepared, &scan.bundle, d, instructions.0)
        {
            if n >= instructions.0 {
                instructions = (n, scan.bundle.policies[i].meta.id.clone());
            }
        }
    }
    let stage = |i: usize| median(stages.iter().map(|s| s[i]).collect());
    Row {
        label: label.to_string(),
        documents: scan.documents.len(),
        resources: scan.documents.iter().map(|d| d.resources.len()).sum(),
        checks: scan.checks.len(),
        total: median(totals),
        stages: [stage(0), stage(1), stage(2), stage(3), stage(4), stage(5)],
        instructions,
    }
}

// The binary's allocator and its settings (`rungs::allocator`): in-process figures are the
// binary's.
rungs::use_allocator!();

fn main() {
    #[cfg(not(target_os = "linux"))]
    rungs::allocator::tune();
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let sizes: Vec<usize> = value("--roots")
        .unwrap_or_else(|| "50,100,200,400".into())
        .split(',')
        .map(|s| s.parse().expect("--roots takes numbers"))
        .collect();
    let runs: usize = value("--runs").map_or(5, |r| r.parse().expect("--runs takes a number"));
    let mixed: usize = value("--mixed").map_or(200, |m| m.parse().expect("--mixed takes a number"));
    let buckets: usize =
        value("--buckets").map_or(5000, |b| b.parse().expect("--buckets takes a number"));
    let files: usize = value("--files").map_or(0, |f| f.parse().expect("--files takes a number"));
    if let Some(dir) = value("--generate") {
        // Write one repository per size and stop, for timing the binary with other tools.
        for roots in &sizes {
            let out = Path::new(&dir).join(format!("roots-{roots}"));
            let resources = generate(&out, *roots);
            println!("{}: {roots} roots, {resources} resources", out.display());
        }
        if files > 0 {
            let out = Path::new(&dir).join(format!("files-{files}"));
            let (files, lines, resources) = generate_files(&out, files);
            println!(
                "{}: {files} files, {lines} lines, {resources} resources",
                out.display()
            );
        }
        if buckets > 0 {
            let out = Path::new(&dir).join(format!("buckets-{buckets}"));
            let resources = generate_buckets(&out, buckets);
            println!("{}: 1 root, {resources} resources", out.display());
        }
        return;
    }

    let one = tempfile::tempdir().unwrap();
    generate_buckets(one.path(), 1);
    let one_path = one.path().to_str().expect("temporary paths are UTF-8");
    println!(
        "start: CPU (user + system) and wall time of the binary, median of {} runs, ms",
        runs * 3
    );
    println!("| command | CPU | wall |");
    println!("|---|---:|---:|");
    for (label, args) in [
        (
            "`rungs scan` of a one-bucket directory",
            vec!["scan", one_path],
        ),
        ("`rungs policy list`", vec!["policy", "list"]),
    ] {
        let (cpu, wall) = measure_start(&args, runs * 3);
        println!("| {label} | {} | {} |", ms(cpu), ms(wall));
    }
    println!();

    let mut rows = Vec::new();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aws-platform");
    rows.push(measure("examples/aws-platform", &example, runs));
    let mixed_example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed");
    rows.push(measure("examples/mixed", &mixed_example, runs));
    for roots in sizes {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), roots);
        rows.push(measure(
            &format!("generated, {roots} roots"),
            dir.path(),
            runs,
        ));
    }

    if mixed > 0 {
        let dir = tempfile::tempdir().unwrap();
        generate_mixed(dir.path(), mixed);
        rows.push(measure(
            &format!("generated mixed, {mixed} roots + plans + templates + manifests"),
            dir.path(),
            runs,
        ));
    }

    if files > 0 {
        let dir = tempfile::tempdir().unwrap();
        let (files, lines, _) = generate_files(dir.path(), files);
        rows.push(measure(
            &format!("module repository, {files} files, {lines} lines"),
            dir.path(),
            runs,
        ));
    }

    if buckets > 0 {
        let dir = tempfile::tempdir().unwrap();
        generate_buckets(dir.path(), buckets);
        rows.push(measure(
            &format!("{buckets} buckets in one root"),
            dir.path(),
            runs,
        ));
    }

    println!(
        "median of {runs} runs, milliseconds; threads: {}",
        rayon::current_num_threads()
    );
    println!("| repository | roots | resources | checks | total | discover | load | policies | evaluate | waive | score | µs per resource |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1} |",
            r.label,
            r.documents,
            r.resources,
            r.checks,
            ms(r.total),
            ms(r.stages[0]),
            ms(r.stages[1]),
            ms(r.stages[2]),
            ms(r.stages[3]),
            ms(r.stages[4]),
            ms(r.stages[5]),
            r.total.as_secs_f64() * 1e6 / r.resources.max(1) as f64
        );
    }
    println!();
    println!(
        "Rego instructions: the most one policy needed on one document (budget {})",
        rungs::vm::max_instructions()
    );
    println!("| repository | instructions | policy |");
    println!("|---|---:|---|");
    for r in &rows {
        println!(
            "| {} | {} | {} |",
            r.label, r.instructions.0, r.instructions.1
        );
    }
}
