//! Load Terraform: parse every discovered file once, find the root modules, and evaluate each
//! root with its variables and the modules it calls into one [`Document`].
//!
//! A root module is a directory with Terraform files that no other scanned module calls. Local
//! module calls are followed with their inputs bound, under a depth cap and a cycle guard; remote
//! modules are read from `.terraform/modules/modules.json` when `terraform init` has run, and are
//! otherwise listed as unresolved. Nothing outside the scan root is ever read.

pub mod budget;
pub mod eval;
pub mod functions;
pub mod parse;
pub mod types;
pub mod value;

use crate::diagnostics::{Code, Diagnostic, Location};
use crate::discover::{terraform_syntax, Discovery, SourceFile, Syntax};
use crate::load::document::{
    Document, Mode, ModuleCall, ProviderConfig, RequiredProvider, Resource, SCHEMA_VERSION,
    WAIVER_MARKER,
};
use crate::read::ReadError;
use crate::source::{Source, WorkTree};
use eval::{index_literal, render, Bindings, Scope};
use hcl::Expression;
use parse::TopBlock;
use rayon::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use value::Val;

/// Module nesting deeper than this is reported (R102) and not followed.
pub const DEFAULT_MAX_MODULE_DEPTH: usize = 16;

/// Most instances one `count` or `for_each` expands to; the rest are reported (R107) and not
/// judged. Keeps a mistaken `count = 1e9` from exhausting memory.
pub const MAX_INSTANCES: usize = 1000;

/// Most resource and module instances one root module expands to, modules included: nested
/// `for_each` multiply (1,000 module instances of 1,000 resources each), so the per-block cap
/// alone does not bound a root.
pub const DEFAULT_MAX_ROOT_INSTANCES: usize = 100_000;

/// Most module instances one root module loads (`--max-module-calls`): modules calling the
/// next one several times multiply (4 calls a level, 15 levels: a billion), and each instance
/// evaluates the whole module again.
pub const DEFAULT_MAX_MODULE_CALLS: usize = 10_000;

/// Most bytes of Terraform files one scan reads (`--max-scan-size`), counted in the order files
/// are discovered; the files past it are reported (R014) and not read.
pub const DEFAULT_MAX_SCAN_SIZE: u64 = 1 << 30;

/// Arguments of a `module` block that are not inputs.
const MODULE_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

#[derive(Debug, Clone)]
pub struct Options {
    /// `--var-file`, applied to every root module after its own tfvars, in order.
    pub var_files: Vec<PathBuf>,
    /// `--var NAME=VALUE`, applied last.
    pub vars: Vec<(String, String)>,
    pub max_module_depth: usize,
    /// Instances one root module may expand to ([`DEFAULT_MAX_ROOT_INSTANCES`]).
    pub max_root_instances: usize,
    /// Module instances one root module may load ([`DEFAULT_MAX_MODULE_CALLS`]).
    pub max_module_calls: usize,
    /// Bytes of Terraform files one scan may read ([`DEFAULT_MAX_SCAN_SIZE`]).
    pub max_scan_size: u64,
    /// Size of values and evaluation budget per root module.
    pub limits: budget::Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            var_files: Vec::new(),
            vars: Vec::new(),
            max_module_depth: DEFAULT_MAX_MODULE_DEPTH,
            max_root_instances: DEFAULT_MAX_ROOT_INSTANCES,
            max_module_calls: DEFAULT_MAX_MODULE_CALLS,
            max_scan_size: DEFAULT_MAX_SCAN_SIZE,
            limits: budget::Limits::default(),
        }
    }
}

/// One parsed file.
#[derive(Debug)]
pub struct ParsedFile {
    pub rel: String,
    pub blocks: Vec<TopBlock>,
    /// Its text holds [`WAIVER_MARKER`]: the waive stage reads it again for inline waivers.
    pub waivers: bool,
}

/// The Terraform files of one directory: those that parsed, and those that did not.
#[derive(Debug, Default)]
pub struct DirFiles {
    pub parsed: Vec<Arc<ParsedFile>>,
    pub failed: Vec<String>,
}

/// Parsed files by repo-relative directory.
pub type Dirs = BTreeMap<String, DirFiles>;

/// Loads every root module under `root`.
pub fn load(
    root: &Path,
    discovery: &Discovery,
    options: &Options,
) -> (Vec<Document>, Vec<Diagnostic>) {
    load_from(&WorkTree::new(root), discovery, options)
}

/// Loads every root module of a source (a directory or a git revision).
pub fn load_from(
    source: &dyn Source,
    discovery: &Discovery,
    options: &Options,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let within = within_scan_size(source, &discovery.files, options.max_scan_size);
    let parse = |(f, within)| parse_within(source, f, within);
    let results: Vec<(&SourceFile, Result<Arc<ParsedFile>, Diagnostic>)> =
        if discovery.files.len() < SHARED_PARSING {
            discovery.files.iter().zip(&within).map(parse).collect()
        } else {
            discovery
                .files
                .par_iter()
                .zip(within.par_iter())
                .map(parse)
                .collect()
        };
    let (dirs, mut diagnostics) = group(results);

    let overrides = match global_overrides(options) {
        Ok(v) => v,
        Err(d) => {
            diagnostics.push(d);
            Vec::new()
        }
    };

    let roots = root_modules(&dirs);
    let load = |dir: &String| load_root(source, &dirs, dir, &overrides, options);
    let loaded: Vec<LoadedRoot> = if roots.len() < SHARED_ROOTS {
        roots.iter().map(load).collect()
    } else {
        roots.par_iter().map(load).collect()
    };
    let mut documents = Vec::with_capacity(loaded.len());
    for mut root in loaded {
        diagnostics.append(&mut root.diagnostics);
        documents.push(root.document);
    }
    sort_dedup(&mut diagnostics);
    (documents, diagnostics)
}

/// A file parsed, or why it was not read.
fn parse_within<'a>(
    source: &dyn Source,
    file: &'a SourceFile,
    within: &Result<(), Diagnostic>,
) -> (&'a SourceFile, Result<Arc<ParsedFile>, Diagnostic>) {
    match within {
        Ok(()) => (
            file,
            parse_file(source, &file.rel, file.syntax).map(Arc::new),
        ),
        Err(d) => (file, Err(d.clone())),
    }
}

/// Fewest files parsed on rayon's threads, and fewest root modules loaded on them: fewer run one
/// after the other in the calling thread, where waking the threads and letting them spin idle
/// cost more CPU than the work (docs/performance.md, thirteenth session). Either way the results
/// are collected in discovery order.
const SHARED_PARSING: usize = 64;
const SHARED_ROOTS: usize = 16;

/// For each file in discovery order, whether it fits in the scan's input cap: sizes are added
/// up in that order, so the same files are read whatever the thread count. A file whose size
/// cannot be known up front counts when it is read, against its own per-file cap only.
pub fn within_scan_size(
    source: &dyn Source,
    files: &[SourceFile],
    limit: u64,
) -> Vec<Result<(), Diagnostic>> {
    let mut total = 0u64;
    files
        .iter()
        .map(|f| {
            total = total.saturating_add(source.size(&f.rel).unwrap_or(0));
            if total <= limit {
                return Ok(());
            }
            Err(Diagnostic::error(
                Code::ScanTooLarge,
                format!(
                    "not read: the Terraform files of this scan add up to more than the {} limit of --max-scan-size",
                    crate::read::human(limit)
                ),
            )
            .at(Location::file(&f.rel))
            .help("raise it with --max-scan-size, or --exclude what need not be scanned; the files past the limit were left out, so nothing in them passed"))
        })
        .collect()
}

/// The order and deduplication `load` gives its diagnostics (a module loaded by two roots
/// reports its problems once).
pub fn sort_dedup(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| (&a.location, &a.message).cmp(&(&b.location, &b.message)));
    diagnostics.dedup();
}

/// Groups parse results by directory; failures become diagnostics and `failed` entries.
pub fn group<'f>(
    results: impl IntoIterator<Item = (&'f SourceFile, Result<Arc<ParsedFile>, Diagnostic>)>,
) -> (Dirs, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut dirs = Dirs::new();
    for (file, result) in results {
        let entry = dirs.entry(file.dir().to_string()).or_default();
        match result {
            Ok(parsed) => entry.parsed.push(parsed),
            Err(d) => {
                entry.failed.push(file.rel.clone());
                diagnostics.push(d);
            }
        }
    }
    (dirs, diagnostics)
}

/// One root module loaded, with every directory the loader looked at (found or not), so a
/// cache can tell when its result still holds.
#[derive(Debug)]
pub struct LoadedRoot {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
    pub probed: BTreeSet<String>,
}

/// Loads one root module and the modules it calls.
pub fn load_root(
    source: &dyn Source,
    dirs: &Dirs,
    root_dir: &str,
    overrides: &[(String, Val)],
    options: &Options,
) -> LoadedRoot {
    budget::start(options.limits);
    let loader = Loader {
        source,
        root_dir,
        dirs,
        extra: RefCell::new(HashMap::new()),
        resources: RefCell::new(Vec::new()),
        calls: RefCell::new(Vec::new()),
        loaded_dirs: RefCell::new(BTreeSet::new()),
        probed: RefCell::new(BTreeSet::new()),
        diagnostics: RefCell::new(Vec::new()),
        max_depth: options.max_module_depth,
        max_instances: options.max_root_instances,
        instances_left: Cell::new(options.max_root_instances),
        budget_reported: Cell::new(false),
        max_module_calls: options.max_module_calls,
        module_calls: Cell::new(0),
        calls_reported: Cell::new(false),
        eval_budget_reported: Cell::new(false),
        provider_configs: RefCell::new(HashMap::new()),
    };
    loader.load_root(overrides)
}

/// Reads and parses one file; every failure is a diagnostic with the best position we have.
pub fn parse_file(
    source: &dyn Source,
    rel: &str,
    syntax: Syntax,
) -> Result<ParsedFile, Diagnostic> {
    parse_bytes(rel, syntax, source.read(rel))
}

/// Parses bytes already read (or the error reading them).
pub fn parse_bytes(
    rel: &str,
    syntax: Syntax,
    bytes: std::io::Result<Vec<u8>>,
) -> Result<ParsedFile, Diagnostic> {
    let bytes =
        bytes.map_err(|e| {
            Diagnostic::error(
                ReadError::code_of(&e, Code::Unreadable),
                format!("cannot read file: {e}"),
            )
            .at(Location::file(rel))
            .help(ReadError::help_of(&e).unwrap_or_else(|| {
                "check the file's permissions; it was left out of the scan".into()
            }))
        })?;
    let text = utf8(rel, bytes)?;
    let blocks = match syntax {
        Syntax::Hcl => parse::parse_hcl(&text),
        Syntax::Json => parse::parse_json(&text),
    }
    .map_err(|e| {
        let code = match syntax {
            Syntax::Hcl => Code::HclSyntax,
            Syntax::Json => Code::JsonSyntax,
        };
        Diagnostic::error(code, e.message)
            .at(Location::at(rel, e.line, e.column))
            .help("fix the syntax (`terraform validate` shows the same error); the file was left out, so nothing in it passed")
    })?;
    Ok(ParsedFile {
        rel: rel.to_string(),
        blocks,
        waivers: text.contains(WAIVER_MARKER),
    })
}

/// The text of a file, or R002 at the first byte that is not UTF-8.
fn utf8(rel: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Diagnostic::error(Code::InvalidUtf8, "file is not valid UTF-8")
            .at(Location::at(rel, line, column))
            .help("Terraform files must be UTF-8; re-encode the file. It was left out of the scan")
    })
}

/// Joins a relative module source onto a repo-relative directory; `None` if it leaves the root.
pub fn normalize(base: &str, source: &str) -> Option<String> {
    let mut parts: Vec<&str> = base
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for part in source.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

fn is_local_source(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../") || source == "." || source == ".."
}

/// A module call's `providers = { aws = aws.west, aws.east = aws }` map as source text, module
/// side to caller side; an argument of another shape gives an empty map (the scoping helpers
/// then treat the module's configurations as unknown).
fn providers_map(block: &TopBlock) -> BTreeMap<String, String> {
    let Some(Expression::Object(o)) = block
        .body
        .attributes()
        .find(|a| a.key.as_str() == "providers")
        .map(|a| &a.expr)
    else {
        return BTreeMap::new();
    };
    // `.tf.json` writes the references as strings.
    o.iter()
        .map(|(k, v)| match v {
            Expression::String(s) => (k.to_string(), s.clone()),
            other => (k.to_string(), other.to_string()),
        })
        .collect()
}

/// The literal `source` of a module block, when it is a plain string.
fn literal_source(block: &TopBlock) -> Option<&str> {
    block
        .body
        .attributes()
        .find(|a| a.key.as_str() == "source")
        .and_then(|a| match &a.expr {
            Expression::String(s) => Some(s.as_str()),
            _ => None,
        })
}

/// Directories no other scanned module calls, plus any directory only reachable through a
/// cycle, so every file is scanned once from somewhere.
pub fn root_modules(dirs: &Dirs) -> Vec<String> {
    let mut edges: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut called = BTreeSet::new();
    for (dir, files) in dirs {
        for file in &files.parsed {
            for block in file.blocks.iter().filter(|b| b.kind == "module") {
                let Some(source) = literal_source(block).filter(|s| is_local_source(s)) else {
                    continue;
                };
                if let Some(target) = normalize(dir, source) {
                    if &target != dir {
                        called.insert(target.clone());
                    }
                    edges.entry(dir.as_str()).or_default().push(target);
                }
            }
        }
    }
    let mut roots: Vec<String> = dirs
        .keys()
        .filter(|d| !called.contains(*d))
        .cloned()
        .collect();
    let mut reached: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<String> = roots.iter().cloned().collect();
    loop {
        while let Some(dir) = queue.pop_front() {
            if reached.insert(dir.clone()) {
                for next in edges.get(dir.as_str()).into_iter().flatten() {
                    queue.push_back(next.clone());
                }
            }
        }
        match dirs.keys().find(|d| !reached.contains(*d)) {
            Some(orphan) => {
                roots.push(orphan.clone());
                queue.push_back(orphan.clone());
            }
            None => break,
        }
    }
    roots.sort();
    roots
}

/// `--var-file` and `--var` values, evaluated once for all roots.
pub fn global_overrides(options: &Options) -> Result<Vec<(String, Val)>, Diagnostic> {
    let mut out = Vec::new();
    for path in &options.var_files {
        let shown = path.display().to_string();
        let text = crate::read::text(path).map_err(|e| {
            let d = Diagnostic::error(
                e.code(Code::Variables),
                format!("cannot read --var-file: {e}"),
            )
            .at(Location::file(&shown));
            match e.help() {
                Some(help) => d.help(help),
                None => d,
            }
        })?;
        out.extend(parse_tfvars(&text, &shown, shown.ends_with(".json"))?);
    }
    for (name, raw) in &options.vars {
        out.push((name.clone(), parse_var_value(raw)));
    }
    Ok(out)
}

/// A `--var` value: HCL when it looks like a list, object, number or bool; a string otherwise.
fn parse_var_value(raw: &str) -> Val {
    let t = raw.trim();
    let looks_typed = t.starts_with('[')
        || t.starts_with('{')
        || t == "true"
        || t == "false"
        || t.parse::<f64>().is_ok();
    if looks_typed {
        if let Ok(body) = hcl::parse(&format!("v = {t}\n")) {
            if let Some(attr) = body.attributes().next() {
                let none = |_: &Scope<'_>, _: &str| None;
                if let Ok(v) = Scope::constant(&none).eval(&attr.expr, &mut Bindings::default()) {
                    return v;
                }
            }
        }
    }
    Val::String(raw.to_string())
}

/// Parses a tfvars file (HCL or JSON) into name/value pairs.
fn parse_tfvars(text: &str, shown: &str, json: bool) -> Result<Vec<(String, Val)>, Diagnostic> {
    let none = |_: &Scope<'_>, _: &str| None;
    let scope = Scope::constant(&none);
    if json {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Diagnostic::error(Code::JsonSyntax, e.to_string()).at(Location::at(
                shown,
                e.line(),
                e.column(),
            ))
        })?;
        let serde_json::Value::Object(map) = value else {
            return Err(Diagnostic::error(
                Code::JsonSyntax,
                "a tfvars JSON file must hold an object",
            )
            .at(Location::at(shown, 1, 1))
            .help("write the variables as one JSON object: {\"name\": value}"));
        };
        return Ok(map.into_iter().map(|(k, v)| (k, json_to_val(v))).collect());
    }
    let body = hcl::edit::parser::parse_body_values(text).map_err(|e| {
        Diagnostic::error(Code::HclSyntax, e.message().to_string()).at(Location::at(
            shown,
            e.location().line(),
            e.location().column(),
        ))
    })?;
    let body: hcl::Body = body.into();
    Ok(body
        .attributes()
        .map(|a| {
            (
                a.key.to_string(),
                scope.eval_top(&a.expr, &mut Bindings::default()),
            )
        })
        .collect())
}

fn json_to_val(v: serde_json::Value) -> Val {
    match v {
        serde_json::Value::Null => Val::Null,
        serde_json::Value::Bool(b) => Val::Bool(b),
        serde_json::Value::Number(n) => Val::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Val::String(s),
        serde_json::Value::Array(items) => Val::List(items.into_iter().map(json_to_val).collect()),
        serde_json::Value::Object(map) => {
            Val::Object(map.into_iter().map(|(k, v)| (k, json_to_val(v))).collect())
        }
    }
}

/// Loads one root module and everything it calls. All state is per root, so roots load in
/// parallel.
struct Loader<'a> {
    source: &'a dyn Source,
    root_dir: &'a str,
    dirs: &'a Dirs,
    /// Module directories outside the discovered set (`.terraform/modules`, excluded paths).
    extra: RefCell<HashMap<String, Arc<DirFiles>>>,
    resources: RefCell<Vec<Resource>>,
    calls: RefCell<Vec<ModuleCall>>,
    loaded_dirs: RefCell<BTreeSet<String>>,
    /// Every directory asked for, found or not.
    probed: RefCell<BTreeSet<String>>,
    diagnostics: RefCell<Vec<Diagnostic>>,
    max_depth: usize,
    max_instances: usize,
    /// What is left of the root's instance budget, and whether running out was reported.
    instances_left: Cell<usize>,
    budget_reported: Cell<bool>,
    max_module_calls: usize,
    /// Module instances loaded so far, and whether reaching the limit was reported.
    module_calls: Cell<usize>,
    calls_reported: Cell<bool>,
    eval_budget_reported: Cell<bool>,
    /// The root module's `provider` blocks' arguments, by (file, line), evaluated in its scope.
    provider_configs: RefCell<HashMap<(String, usize), BTreeMap<String, Val>>>,
}

/// A `module` block waiting to be loaded.
struct PendingCall<'b> {
    block: &'b TopBlock,
    file: &'b str,
}

impl<'a> Loader<'a> {
    fn load_root(self, overrides: &[(String, Val)]) -> LoadedRoot {
        let mut providers = self.root_providers();
        let required_providers = self.root_required_providers();
        let mut inputs = BTreeMap::new();
        for (name, value) in self
            .root_tfvars()
            .into_iter()
            .chain(overrides.iter().cloned())
        {
            inputs.insert(name, value);
        }
        self.load_module(self.root_dir, &[], inputs, &[self.root_dir.to_string()]);
        // Whatever was evaluated outside a block (a variable default, a tfvars value).
        self.check_limits(self.root_dir, 1);
        let mut configs = self.provider_configs.take();
        for p in &mut providers {
            p.config = configs
                .remove(&(p.file.clone(), p.line))
                .unwrap_or_default();
        }
        let mut resources = self.resources.into_inner();
        resources.sort_by(|a, b| a.address.cmp(&b.address).then(a.file.cmp(&b.file)));
        let mut module_calls = self.calls.into_inner();
        module_calls.sort_by(|a, b| a.address.cmp(&b.address));
        module_calls.dedup_by(|a, b| a.address == b.address);
        let loaded_dirs = self.loaded_dirs.into_inner();
        let mut files = Vec::new();
        let mut waiver_files = Vec::new();
        let mut add = |d: &DirFiles| {
            files.extend(d.parsed.iter().map(|f| f.rel.clone()));
            files.extend(d.failed.iter().cloned());
            let marked = d.parsed.iter().filter(|f| f.waivers).map(|f| &f.rel);
            waiver_files.extend(marked.chain(&d.failed).cloned());
        };
        for dir in &loaded_dirs {
            if let Some(d) = self.dirs.get(dir) {
                add(d);
            } else if let Some(d) = self.extra.borrow().get(dir) {
                add(d);
            }
        }
        files.sort();
        files.dedup();
        waiver_files.sort();
        waiver_files.dedup();
        let document = Document {
            schema_version: SCHEMA_VERSION,
            root: self.root_dir.to_string(),
            files,
            waiver_files,
            resources,
            module_calls,
            providers,
            required_providers,
        };
        let mut probed = self.probed.into_inner();
        probed.insert(self.root_dir.to_string());
        LoadedRoot {
            document,
            diagnostics: self.diagnostics.into_inner(),
            probed,
        }
    }

    /// The `provider` blocks of the root directory, with their literal alias.
    fn root_providers(&self) -> Vec<ProviderConfig> {
        let Some(files) = self.dir_files(self.root_dir) else {
            return Vec::new();
        };
        let mut out: Vec<ProviderConfig> = files
            .parsed
            .iter()
            .flat_map(|f| f.blocks.iter().map(move |b| (f, b)))
            .filter_map(
                |(file, block)| match (block.kind.as_str(), block.labels.as_slice()) {
                    ("provider", [name]) => Some(ProviderConfig {
                        name: name.clone(),
                        alias: block
                            .body
                            .attributes()
                            .find(|a| a.key.as_str() == "alias")
                            .and_then(|a| match &a.expr {
                                Expression::String(s) => Some(s.to_string()),
                                _ => None,
                            }),
                        file: file.rel.clone(),
                        line: block.line,
                        // Filled in once the root module's scope exists (load_module).
                        config: BTreeMap::new(),
                    }),
                    _ => None,
                },
            )
            .collect();
        out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        out
    }

    /// The configurations a module directory's `provider` blocks declare: `NAME`, or
    /// `NAME.ALIAS` with a literal alias.
    fn provider_blocks(&self, dir: &str) -> Vec<String> {
        let Some(files) = self.dir_files(dir) else {
            return Vec::new();
        };
        let mut out: Vec<String> = files
            .parsed
            .iter()
            .flat_map(|f| &f.blocks)
            .filter_map(|b| match (b.kind.as_str(), b.labels.as_slice()) {
                ("provider", [name]) => Some(
                    match b.body.attributes().find(|a| a.key.as_str() == "alias") {
                        Some(a) => match &a.expr {
                            Expression::String(alias) => format!("{name}.{alias}"),
                            other => format!("{name}.{other}"),
                        },
                        None => name.clone(),
                    },
                ),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The root directory's `terraform { required_providers { NAME = { source, version } } }`
    /// entries (the legacy `NAME = "VERSION"` form too), at the `terraform` block's line. Only
    /// literal strings are kept: Terraform allows nothing else there.
    fn root_required_providers(&self) -> BTreeMap<String, RequiredProvider> {
        let mut out = BTreeMap::new();
        let Some(files) = self.dir_files(self.root_dir) else {
            return out;
        };
        let literal = |e: &Expression| match e {
            Expression::String(s) => Some(s.to_string()),
            _ => None,
        };
        for file in &files.parsed {
            for block in file.blocks.iter().filter(|b| b.kind == "terraform") {
                for required in block
                    .body
                    .blocks()
                    .filter(|b| b.identifier() == "required_providers")
                {
                    for attr in required.body().attributes() {
                        let (source, version) = match attr.expr() {
                            Expression::Object(o) => {
                                let field = |name: &str| {
                                    o.iter()
                                        .find(|(k, _)| k.to_string() == name)
                                        .and_then(|(_, v)| literal(v))
                                };
                                (field("source"), field("version"))
                            }
                            other => (None, literal(other)),
                        };
                        out.entry(attr.key().to_string())
                            .or_insert(RequiredProvider {
                                source,
                                version,
                                file: file.rel.clone(),
                                line: block.line,
                            });
                    }
                }
            }
        }
        out
    }

    /// `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars(.json)` in name order.
    fn root_tfvars(&self) -> Vec<(String, Val)> {
        let all = self.source.list(self.root_dir).unwrap_or_default();
        let mut names: Vec<String> = all
            .iter()
            .filter(|n| n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json"))
            .cloned()
            .collect();
        names.sort();
        for first in ["terraform.tfvars.json", "terraform.tfvars"] {
            if all.iter().any(|n| n == first) {
                names.insert(0, first.to_string());
            }
        }
        let mut out = Vec::new();
        for name in names {
            let rel = join_rel(self.root_dir, &name);
            match self.source.read(&rel) {
                Ok(bytes) => match utf8(&rel, bytes)
                    .and_then(|text| parse_tfvars(&text, &rel, name.ends_with(".json")))
                {
                    Ok(vars) => out.extend(vars),
                    Err(d) => self.diagnostics.borrow_mut().push(d),
                },
                Err(e) => self.diagnostics.borrow_mut().push(
                    Diagnostic::error(
                        ReadError::code_of(&e, Code::Unreadable),
                        format!("cannot read tfvars: {e}"),
                    )
                    .at(Location::file(rel)),
                ),
            }
        }
        out
    }

    /// The parsed files of a module directory, reading directories outside the discovered
    /// set on demand.
    fn dir_files(&self, dir: &str) -> Option<Arc<DirFiles>> {
        self.probed.borrow_mut().insert(dir.to_string());
        if let Some(files) = self.dirs.get(dir) {
            // Discovered directories are shared by every root; wrap without copying the files.
            return Some(Arc::new(DirFiles {
                parsed: files.parsed.clone(),
                failed: files.failed.clone(),
            }));
        }
        if let Some(files) = self.extra.borrow().get(dir) {
            return Some(files.clone());
        }
        let names: Vec<(String, Syntax)> = self
            .source
            .list(dir)?
            .into_iter()
            .filter_map(|name| terraform_syntax(&name).map(|s| (name, s)))
            .collect();
        let mut files = DirFiles::default();
        for (name, syntax) in names {
            let rel = join_rel(dir, &name);
            match parse_file(self.source, &rel, syntax) {
                Ok(parsed) => files.parsed.push(Arc::new(parsed)),
                Err(d) => {
                    files.failed.push(rel);
                    self.diagnostics.borrow_mut().push(d);
                }
            }
        }
        let files = Arc::new(files);
        self.extra
            .borrow_mut()
            .insert(dir.to_string(), files.clone());
        Some(files)
    }

    /// Loads one module instance and returns its outputs.
    fn load_module(
        &self,
        dir: &str,
        path: &[String],
        inputs: BTreeMap<String, Val>,
        stack: &[String],
    ) -> Val {
        self.loaded_dirs.borrow_mut().insert(dir.to_string());
        let Some(files) = self.dir_files(dir) else {
            return Val::Object(BTreeMap::new());
        };
        let none = |_: &Scope<'_>, _: &str| None;
        let constant = Scope::constant(&none);

        let mut vars = BTreeMap::new();
        // Each variable's type constraint and where it is declared.
        let mut declared: Vec<(&str, Option<&Expression>, &str, usize)> = Vec::new();
        let mut locals: HashMap<String, &Expression> = HashMap::new();
        let mut local_blocks: HashMap<String, (&str, usize)> = HashMap::new();
        let mut calls: BTreeMap<String, PendingCall<'_>> = BTreeMap::new();
        // What this module declares, as its own code refers to it.
        let mut names: Vec<String> = Vec::new();
        for file in &files.parsed {
            for block in &file.blocks {
                match (block.kind.as_str(), block.labels.as_slice()) {
                    ("variable", [name]) => {
                        let attr =
                            |key: &str| block.body.attributes().find(|a| a.key.as_str() == key);
                        let default = match attr("default") {
                            Some(a) => {
                                let v = constant.eval_top(&a.expr, &mut Bindings::default());
                                if v.contains_unknown() {
                                    self.warn(
                                        Diagnostic::warning(
                                            Code::VariableValue,
                                            format!("the default of var.{name} is not a constant value (`{}`); it is unknown", render(&a.expr)),
                                        )
                                        .at(Location::at(&file.rel, block.line, 1))
                                        .help("a variable's default cannot refer to variables, locals or resources (Terraform rejects it); give a literal value"),
                                    );
                                }
                                v
                            }
                            None => Val::Unknown(format!("${{var.{name}}}")),
                        };
                        vars.insert(name.clone(), default);
                        declared.push((name, attr("type").map(|a| &a.expr), &file.rel, block.line));
                    }
                    ("locals", []) => {
                        for attr in block.body.attributes() {
                            locals.insert(attr.key.to_string(), &attr.expr);
                            local_blocks.insert(attr.key.to_string(), (&file.rel, block.line));
                        }
                    }
                    ("resource", [kind, name]) => names.push(format!("{kind}.{name}")),
                    ("data", [kind, name]) => names.push(format!("data.{kind}.{name}")),
                    ("module", [name]) => {
                        names.push(format!("module.{name}"));
                        calls.insert(
                            name.clone(),
                            PendingCall {
                                block,
                                file: &file.rel,
                            },
                        );
                    }
                    _ => {}
                }
            }
        }
        for (name, value) in inputs {
            // Inputs for undeclared variables are ignored, as Terraform warns and ignores them.
            if let Some(slot) = vars.get_mut(&name) {
                *slot = value;
            }
        }
        for (name, ty, file, line) in &declared {
            let (Some(ty), Some(slot)) = (ty, vars.get_mut(*name)) else {
                continue;
            };
            let default = |e: &Expression| constant.eval_top(e, &mut Bindings::default());
            match types::convert(std::mem::replace(slot, Val::Null), ty, &default) {
                Ok(v) => *slot = v,
                Err(why) => {
                    self.warn(
                        Diagnostic::warning(
                            Code::VariableValue,
                            format!("var.{name} does not match its type {ty}: {why}; it is unknown"),
                        )
                        .at(Location::at(*file, *line, 1))
                        .help("fix the value given to it (tfvars, --var, the module call or the default); Terraform would reject it"),
                    );
                    *slot = Val::Unknown(format!("${{var.{name}}}"));
                }
            }
        }

        let outputs_cache: RefCell<HashMap<String, Option<Val>>> = RefCell::new(HashMap::new());
        let resolve = |scope: &Scope<'_>, name: &str| -> Option<Val> {
            if let Some(done) = outputs_cache.borrow().get(name) {
                return done.clone();
            }
            let call = calls.get(name)?;
            outputs_cache.borrow_mut().insert(name.to_string(), None);
            let outputs = self.call_module(name, call, scope, dir, path, stack);
            outputs_cache
                .borrow_mut()
                .insert(name.to_string(), outputs.clone());
            outputs
        };
        let module_path = if path.is_empty() {
            ".".to_string()
        } else {
            dir.to_string()
        };
        let scope = Scope::new(vars, locals, &module_path, self.root_dir, &resolve);

        if path.is_empty() {
            // The root's provider blocks, in the root's scope (variables, tfvars, locals).
            for file in &files.parsed {
                for block in file.blocks.iter().filter(|b| b.kind == "provider") {
                    let config = scope.eval_body(&block.body, &mut Bindings::default());
                    self.check_limits(&file.rel, block.line);
                    self.provider_configs
                        .borrow_mut()
                        .insert((file.rel.clone(), block.line), config);
                }
            }
        }
        let prefix: String = path.iter().map(|n| format!("module.{n}.")).collect();
        let module = prefix.trim_end_matches('.').to_string();
        // Every block's for_each, evaluated once, so that `for_each = aws_s3_bucket.b` can
        // take b's instance keys.
        let mut for_eachs: HashMap<String, Val> = HashMap::new();
        for file in &files.parsed {
            for block in &file.blocks {
                let reference = match (block.kind.as_str(), block.labels.as_slice()) {
                    ("resource", [kind, name]) => format!("{kind}.{name}"),
                    ("data", [kind, name]) => format!("data.{kind}.{name}"),
                    _ => continue,
                };
                if let Some(a) = block
                    .body
                    .attributes()
                    .find(|a| a.key.as_str() == "for_each")
                {
                    for_eachs.insert(reference, scope.eval_top(&a.expr, &mut Bindings::default()));
                    self.check_limits(&file.rel, block.line);
                }
            }
        }
        let mut outputs = BTreeMap::new();
        for file in &files.parsed {
            for block in &file.blocks {
                match (block.kind.as_str(), block.labels.as_slice()) {
                    ("resource", [kind, name]) | ("data", [kind, name]) => {
                        let mode = if block.kind == "data" {
                            Mode::Data
                        } else {
                            Mode::Managed
                        };
                        let reference = match mode {
                            Mode::Managed => format!("{kind}.{name}"),
                            Mode::Data => format!("data.{kind}.{name}"),
                        };
                        let count = block
                            .body
                            .attributes()
                            .find(|a| a.key.as_str() == "count")
                            .map(|a| scope.eval_top(&a.expr, &mut Bindings::default()));
                        self.check_limits(&file.rel, block.line);
                        let for_each = for_eachs.get(&reference).map(|v| over_block(v, &for_eachs));
                        let address = format!("{prefix}{reference}");
                        let instances = self.expand(
                            count.as_ref(),
                            for_each.as_ref(),
                            &address,
                            &file.rel,
                            block,
                        );
                        for instance in instances {
                            let config = scope.eval_body_except(
                                &block.body,
                                &mut Bindings::of(instance.binding),
                                &["count", "for_each"],
                            );
                            self.check_limits(&file.rel, block.line);
                            let resource = Resource {
                                address: format!("{address}{}", suffix(&instance.index)),
                                reference: reference.clone(),
                                kind: kind.clone(),
                                name: name.clone(),
                                provider: kind.split('_').next().unwrap_or(kind).to_string(),
                                mode,
                                module: module.clone(),
                                file: file.rel.clone(),
                                line: block.line,
                                end_line: block.end_line,
                                index: instance.index,
                                count: count.clone(),
                                for_each: for_each.clone(),
                                config,
                            };
                            self.resources.borrow_mut().push(resource);
                        }
                    }
                    ("output", [name]) => {
                        if let Some(attr) =
                            block.body.attributes().find(|a| a.key.as_str() == "value")
                        {
                            let value = scope.eval_top(&attr.expr, &mut Bindings::default());
                            let value = match path.last() {
                                Some(call) => qualify(value, &format!("module.{call}."), &names),
                                None => value,
                            };
                            self.check_limits(&file.rel, block.line);
                            outputs.insert(name.clone(), value);
                        }
                    }
                    _ => {}
                }
            }
        }
        // Calls nothing referred to still contribute their resources.
        for name in calls.keys() {
            resolve(&scope, name);
        }
        for cycle in scope.take_cycles() {
            let (file, line) = local_blocks.get(&cycle[0]).copied().unwrap_or((dir, 1));
            let chain: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|n| format!("local.{n}"))
                .collect();
            self.warn(
                Diagnostic::error(
                    Code::LocalCycle,
                    format!("local values refer to each other in a cycle: {}; they are unknown", chain.join(" -> ")),
                )
                .at(Location::at(file, line, 1))
                .help("break the cycle (Terraform rejects it); what depends on these values was judged as unknown"),
            );
        }
        Val::Object(outputs)
    }

    /// Resolves, checks and loads one module call; returns its outputs when it was loaded.
    fn call_module(
        &self,
        name: &str,
        call: &PendingCall<'_>,
        scope: &Scope<'_>,
        dir: &str,
        path: &[String],
        stack: &[String],
    ) -> Option<Val> {
        let address: String = path
            .iter()
            .chain(std::iter::once(&name.to_string()))
            .map(|n| format!("module.{n}"))
            .collect::<Vec<_>>()
            .join(".");
        let location = Location::at(call.file, call.block.line, 1);
        let mut record = ModuleCall {
            address: address.clone(),
            source: String::new(),
            resolved: false,
            dir: None,
            file: call.file.to_string(),
            line: call.block.line,
            providers: providers_map(call.block),
            own_providers: Vec::new(),
        };
        let source = call
            .block
            .body
            .attributes()
            .find(|a| a.key.as_str() == "source")
            .map(|a| scope.eval_top(&a.expr, &mut Bindings::default()));
        let source = match source {
            Some(Val::String(s)) => s,
            _ => {
                self.warn(
                    Diagnostic::error(
                        Code::ModuleMissing,
                        format!("{address} has no literal `source`"),
                    )
                    .at(location),
                );
                self.calls.borrow_mut().push(record);
                return None;
            }
        };
        record.source = source.clone();
        let target = if is_local_source(&source) {
            match normalize(dir, &source) {
                Some(t) => t,
                None => {
                    self.warn(
                        Diagnostic::error(
                            Code::ModuleOutsideRoot,
                            format!("{address}: source {source:?} points outside the scanned directory"),
                        )
                        .at(location)
                        .help("scan a directory that contains the module, or exclude this root; the module was not loaded"),
                    );
                    self.calls.borrow_mut().push(record);
                    return None;
                }
            }
        } else {
            // modules.json keys name calls, not instances: `a.b` for `module.a["x"].module.b`.
            let mut key: Vec<&str> = path
                .iter()
                .map(|p| p.split('[').next().unwrap_or(p))
                .collect();
            key.push(name);
            match self.fetched_module(&key.join(".")) {
                Some(t) => t,
                None => {
                    self.warn(
                        Diagnostic::warning(
                            Code::ModuleUnresolved,
                            format!("{address}: remote module {source:?} is not available locally; its resources were not scanned"),
                        )
                        .at(location)
                        .help("run `terraform init` (or `tofu init`) before scanning so .terraform/modules holds it"),
                    );
                    self.calls.borrow_mut().push(record);
                    return None;
                }
            }
        };
        if stack.contains(&target) {
            self.warn(
                Diagnostic::error(
                    Code::ModuleCycle,
                    format!("{address}: module cycle {} -> {target}", stack.join(" -> ")),
                )
                .at(location)
                .help("break the cycle; the repeated call was not followed"),
            );
            self.calls.borrow_mut().push(record);
            return None;
        }
        if path.len() + 1 > self.max_depth {
            self.warn(
                Diagnostic::error(
                    Code::ModuleDepth,
                    format!(
                        "{address}: modules nest deeper than {} levels",
                        self.max_depth
                    ),
                )
                .at(location)
                .help("deeper calls were not followed"),
            );
            self.calls.borrow_mut().push(record);
            return None;
        }
        let exists = self
            .dir_files(&target)
            .is_some_and(|f| !f.parsed.is_empty() || !f.failed.is_empty());
        if !exists {
            self.warn(
                Diagnostic::error(
                    Code::ModuleMissing,
                    format!("{address}: module directory {target} has no Terraform files"),
                )
                .at(location)
                .help("check the module's `source` path"),
            );
            self.calls.borrow_mut().push(record);
            return None;
        }
        let meta = |key: &str| {
            call.block
                .body
                .attributes()
                .find(|a| a.key.as_str() == key)
                .map(|a| scope.eval_top(&a.expr, &mut Bindings::default()))
        };
        let (count, for_each) = (meta("count"), meta("for_each"));
        let instances = self.expand(
            count.as_ref(),
            for_each.as_ref(),
            &address,
            call.file,
            call.block,
        );
        // Terraform's shape for `module.NAME`: the outputs, a list of them (`count`) or a map
        // of them by key (`for_each`).
        let keyed = instances.iter().any(|i| i.index.is_some());
        let mut by_index = Vec::new();
        let mut by_key = BTreeMap::new();
        let mut single = None;
        for instance in instances {
            let suffix = suffix(&instance.index);
            if self.module_calls.get() >= self.max_module_calls {
                if !self.calls_reported.replace(true) {
                    self.warn(
                        Diagnostic::error(
                            Code::ModuleCallBudget,
                            format!("{address}{suffix}: the root module {} loaded {} module instances; this one and every module call after it were not loaded, so nothing in them was judged", self.root_dir, self.max_module_calls),
                        )
                        .at(location.clone())
                        .help("raise the limit with --max-module-calls, or check for modules that call the next one several times at every level"),
                    );
                }
                let mut record = record.clone();
                record.address = format!("{address}{suffix}");
                self.calls.borrow_mut().push(record);
                continue;
            }
            self.module_calls.set(self.module_calls.get() + 1);
            let mut bindings = Bindings::of(instance.binding);
            let mut inputs = BTreeMap::new();
            for attr in call.block.body.attributes() {
                if !MODULE_META.contains(&attr.key.as_str()) {
                    inputs.insert(
                        attr.key.to_string(),
                        scope.eval_top(&attr.expr, &mut bindings),
                    );
                }
            }
            self.check_limits(call.file, call.block.line);
            let mut record = record.clone();
            record.address = format!("{address}{suffix}");
            record.resolved = true;
            record.dir = Some(target.clone());
            record.own_providers = self.provider_blocks(&target);
            self.calls.borrow_mut().push(record);
            let mut child_path = path.to_vec();
            child_path.push(format!("{name}{suffix}"));
            let mut child_stack = stack.to_vec();
            child_stack.push(target.clone());
            let outputs = self.load_module(&target, &child_path, inputs, &child_stack);
            match instance.index {
                Some(Val::String(key)) => {
                    by_key.insert(key, outputs);
                }
                Some(_) => by_index.push(outputs),
                None => single = Some(outputs),
            }
        }
        match (keyed, single) {
            (false, single) => single,
            (true, _) if count.is_some() => Some(Val::List(by_index)),
            (true, _) => Some(Val::Object(by_key)),
        }
    }

    /// The instances a block's `count` or `for_each` creates. A block switched off (count 0,
    /// empty for_each) yields none and is reported (R106), so it never passes silently;
    /// instances past [`MAX_INSTANCES`] are reported (R107) and left out.
    fn expand(
        &self,
        count: Option<&Val>,
        for_each: Option<&Val>,
        address: &str,
        file: &str,
        block: &TopBlock,
    ) -> Vec<Instance> {
        let location = Location::at(file, block.line, 1);
        let source = |key: &str| {
            block
                .body
                .attributes()
                .find(|a| a.key.as_str() == key)
                .map(|a| {
                    // Show the source form, not an interpolation.
                    let text = render(&a.expr);
                    let text = match text.strip_prefix("${").and_then(|t| t.strip_suffix('}')) {
                        Some(inner) => inner,
                        None => &text,
                    };
                    // On one line: HCL's printer spreads collections over several.
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                })
                .unwrap_or_default()
        };
        match instances(count, for_each) {
            Expansion::Off(why) => {
                let key = if count.is_some() { "count" } else { "for_each" };
                self.warn(
                    Diagnostic::warning(
                        Code::Disabled,
                        format!("{address} creates nothing ({why}: {key} = {}), so nothing in it was judged", source(key)),
                    )
                    .at(location)
                    .help("if other environments switch it on, scan with their values (`--var NAME=VALUE`, `--var-file FILE`, `terraform.tfvars` or `*.auto.tfvars`) to judge it"),
                );
                Vec::new()
            }
            Expansion::Invalid(why) => {
                let key = if count.is_some() { "count" } else { "for_each" };
                self.warn(
                    Diagnostic::error(
                        Code::InvalidExpansion,
                        format!("{address}: {why} ({key} = {}); nothing in it was judged", source(key)),
                    )
                    .at(location)
                    .help("fix the value (Terraform rejects it); the block was left out, so nothing in it passed"),
                );
                Vec::new()
            }
            Expansion::On {
                mut instances,
                total,
            } => {
                let left = self.instances_left.get();
                if instances.len() > left {
                    instances.truncate(left);
                    if !self.budget_reported.replace(true) {
                        self.warn(
                            Diagnostic::error(
                                Code::InstanceCap,
                                format!("{address}: the root module {} reached {} resource and module instances; this block and every block loaded after it were not judged", self.root_dir, self.max_instances),
                            )
                            .at(location.clone())
                            .help("check the count/for_each values of nested modules; scan a smaller root"),
                        );
                    }
                }
                self.instances_left.set(left - instances.len());
                if total > instances.len() && total > MAX_INSTANCES {
                    let key = if count.is_some() { "count" } else { "for_each" };
                    self.warn(
                        Diagnostic::error(
                            Code::InstanceCap,
                            format!("{address} has {total} instances ({key} = {}); only the first {MAX_INSTANCES} were judged", source(key)),
                        )
                        .at(location)
                        .help("check the value is intended; the remaining instances were not scanned"),
                    );
                }
                instances
            }
        }
    }

    /// The directory `terraform init` fetched a module into, from `modules.json`.
    fn fetched_module(&self, key: &str) -> Option<String> {
        let dir = join_rel(self.root_dir, ".terraform/modules");
        self.probed.borrow_mut().insert(dir.clone());
        let file = join_rel(&dir, "modules.json");
        let text = match self.source.read(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                let mut d = Diagnostic::error(
                    ReadError::code_of(&e, Code::Unreadable),
                    format!("cannot read modules.json: {e}"),
                )
                .at(Location::file(file));
                if let Some(help) = ReadError::help_of(&e) {
                    d = d.help(help);
                }
                // Once per file, not once per module call.
                if !self.diagnostics.borrow().contains(&d) {
                    self.warn(d);
                }
                return None;
            }
        };
        let json: serde_json::Value = serde_json::from_slice(&text).ok()?;
        let entry = json
            .get("Modules")?
            .as_array()?
            .iter()
            .find(|m| m.get("Key").and_then(|k| k.as_str()) == Some(key))?;
        let dir = entry.get("Dir")?.as_str()?;
        normalize(self.root_dir, dir)
    }

    /// Reports a block whose evaluation hit the nesting cap or a size limit; the values beyond
    /// are unknown. The evaluation budget is reported once per root: past it, everything is.
    fn check_limits(&self, file: &str, line: usize) {
        let limits = budget::limits();
        match budget::take_exceeded() {
            Some(budget::Exceeded::Value) => self.warn(
                Diagnostic::error(
                    Code::ValueTooLarge,
                    format!(
                        "a value here would be larger than the {} limit of --max-value-size; it is unknown",
                        crate::read::human(limits.max_value as u64)
                    ),
                )
                .at(Location::at(file, line, 1))
                .help("raise it with --max-value-size if the value is intended; strings and lists built by doubling, nested `for` or `formatlist` grow fast"),
            ),
            Some(budget::Exceeded::Total) if !self.eval_budget_reported.replace(true) => self.warn(
                Diagnostic::error(
                    Code::EvalBudget,
                    format!(
                        "the root module {} used up its evaluation budget of {} (--max-eval-size) here; this value and every value evaluated after it are unknown",
                        self.root_dir,
                        crate::read::human(limits.max_total as u64)
                    ),
                )
                .at(Location::at(file, line, 1))
                .help("raise it with --max-eval-size if the configuration is intended; values copied and combined many times (nested `for`, modules called many times) use it up"),
            ),
            _ => {}
        }
        if eval::take_too_deep() {
            self.warn(
                Diagnostic::error(
                    Code::ExpressionDepth,
                    format!(
                        "evaluation nested deeper than {} levels (local values, module outputs or expressions referring to each other); the values beyond are unknown",
                        eval::MAX_NESTING
                    ),
                )
                .at(Location::at(file, line, 1))
                .help("shorten the chain of references; the cap protects the stack and cannot be raised"),
            );
        }
    }

    fn warn(&self, d: Diagnostic) {
        self.diagnostics.borrow_mut().push(d);
    }
}

/// One instance of a block: its key (none without `count`/`for_each` or when the collection is
/// unknown) and the `count` or `each` object bound while evaluating it.
struct Instance {
    index: Option<Val>,
    binding: Vec<(String, Val)>,
}

enum Expansion {
    /// A known zero count or empty for_each, and why.
    Off(&'static str),
    /// A known value Terraform rejects, and why.
    Invalid(String),
    /// The instances (at most [`MAX_INSTANCES`]) and how many the collection holds.
    On {
        instances: Vec<Instance>,
        total: usize,
    },
}

/// Terraform's instances for a block's evaluated `count` / `for_each`. An unknown collection
/// gives one instance with nothing bound, so `count.index` and `each.*` stay unknown text.
fn instances(count: Option<&Val>, for_each: Option<&Val>) -> Expansion {
    let one = || Expansion::On {
        instances: vec![Instance {
            index: None,
            binding: Vec::new(),
        }],
        total: 1,
    };
    if let Some(count) = count {
        if count.is_unknown() {
            return one();
        }
        let n = match count.to_tf_number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n.is_finite() => n,
            Some(n) => {
                return Expansion::Invalid(format!(
                    "count must be a whole number of 0 or more, got {}",
                    value::format_number(n)
                ))
            }
            None => {
                return Expansion::Invalid(format!(
                    "count must be a number, got {}",
                    if matches!(count, Val::String(_)) {
                        "a string that is not one"
                    } else {
                        count.type_name()
                    }
                ))
            }
        };
        if n == 0.0 {
            return Expansion::Off("count is 0");
        }
        let instances = (0..(n as usize).min(MAX_INSTANCES))
            .map(|i| {
                let index = Val::Number(i as f64);
                let object = BTreeMap::from([("index".to_string(), index.clone())]);
                Instance {
                    index: Some(index),
                    binding: vec![("count".to_string(), Val::Object(object))],
                }
            })
            .collect();
        return Expansion::On {
            instances,
            total: n as usize,
        };
    }
    let entries: Vec<(String, Val)> = match for_each {
        None => return one(),
        Some(Val::Object(map)) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        // A set of strings: each.key and each.value are both the element, in sorted order.
        Some(Val::List(items)) => {
            if let Some(bad) = items
                .iter()
                .find(|v| !matches!(v, Val::String(_) | Val::Unknown(_)))
            {
                return Expansion::Invalid(format!(
                    "for_each must be a map or a set of strings, got a collection holding a {}",
                    bad.type_name()
                ));
            }
            if items.iter().any(Val::is_unknown) {
                return one();
            }
            let keys: BTreeSet<String> = items.iter().filter_map(Val::to_tf_string).collect();
            keys.into_iter()
                .map(|k| (k.clone(), Val::String(k)))
                .collect()
        }
        Some(Val::Unknown(_)) => return one(),
        Some(other) => {
            return Expansion::Invalid(format!(
                "for_each must be a map or a set of strings, got a {}",
                other.type_name()
            ))
        }
    };
    if entries.is_empty() {
        return Expansion::Off("for_each is empty");
    }
    let total = entries.len();
    let instances = entries
        .into_iter()
        .take(MAX_INSTANCES)
        .map(|(key, value)| {
            let object = BTreeMap::from([
                ("key".to_string(), Val::String(key.clone())),
                ("value".to_string(), value),
            ]);
            Instance {
                index: Some(Val::String(key)),
                binding: vec![("each".to_string(), Val::Object(object))],
            }
        })
        .collect();
    Expansion::On { instances, total }
}

/// `for_each = aws_s3_bucket.b` over a block of the same module whose for_each is known: the
/// same keys, each value standing for that instance (`each.value.id` then reads
/// `${aws_s3_bucket.b["key"].id}`), as Terraform iterates a resource's instances.
fn over_block(for_each: &Val, for_eachs: &HashMap<String, Val>) -> Val {
    let target = match for_each {
        Val::Unknown(text) => text.strip_prefix("${").and_then(|t| t.strip_suffix('}')),
        _ => None,
    };
    let keys: Vec<String> = match target.and_then(|t| for_eachs.get(t)) {
        Some(Val::Object(map)) => map.keys().cloned().collect(),
        Some(Val::List(items)) if !items.iter().any(Val::contains_unknown) => {
            let keys: BTreeSet<String> = items.iter().filter_map(Val::to_tf_string).collect();
            keys.into_iter().collect()
        }
        _ => return for_each.clone(),
    };
    let target = target.unwrap_or_default();
    Val::Object(
        keys.into_iter()
            .map(|k| {
                let value = Val::Unknown(format!(
                    "${{{target}[{}]}}",
                    index_literal(&Val::String(k.clone()))
                ));
                (k, value)
            })
            .collect(),
    )
}

/// The address suffix of an instance key: `[0]`, `["key"]`, or nothing.
fn suffix(index: &Option<Val>) -> String {
    index
        .as_ref()
        .map(|k| format!("[{}]", index_literal(k)))
        .unwrap_or_default()
}

/// Rewrites the references a module output makes to the module's own resources and calls so
/// they read as its caller would write them: `${aws_s3_bucket.b.id}` leaving `module.store`
/// becomes `${module.store.aws_s3_bucket.b.id}`, which policies join to that bucket.
fn qualify(value: Val, prefix: &str, names: &[String]) -> Val {
    match value {
        Val::Unknown(text) => Val::Unknown(qualify_text(&text, prefix, names)),
        Val::String(text) if text.contains("${") => Val::String(qualify_text(&text, prefix, names)),
        Val::List(items) => Val::List(
            items
                .into_iter()
                .map(|v| qualify(v, prefix, names))
                .collect(),
        ),
        Val::Object(map) => Val::Object(
            map.into_iter()
                .map(|(k, v)| (k, qualify(v, prefix, names)))
                .collect(),
        ),
        other => other,
    }
}

/// Prefixes each of `names` found inside `${...}` at a reference boundary (not after an
/// identifier character or a dot, not followed by an identifier character), the boundary
/// rule `data.rungs.lib.mentions` uses.
fn qualify_text(text: &str, prefix: &str, names: &[String]) -> String {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(text.len() + prefix.len());
    let mut depth = 0usize;
    let mut prev = ' ';
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        if rest.starts_with("${") {
            depth += 1;
            out.push_str("${");
            i += 2;
            prev = '{';
            continue;
        }
        if depth > 0 && !ident(prev) && prev != '.' {
            let found = names
                .iter()
                .find(|n| rest.starts_with(n.as_str()) && !rest[n.len()..].starts_with(ident));
            if let Some(n) = found {
                out.push_str(prefix);
                out.push_str(n);
                i += n.len();
                prev = 'x';
                continue;
            }
        }
        match c {
            '{' if depth > 0 => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ => {}
        }
        out.push(c);
        i += c.len_utf8();
        prev = c;
    }
    out
}

fn join_rel(dir: &str, name: &str) -> String {
    if dir == "." {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

#[cfg(test)]
mod tests;
