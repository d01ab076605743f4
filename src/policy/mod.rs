//! Policies: loading a bundle of `.rego` files, checking each one alone, and their metadata.
//!
//! A bundle is the embedded default library plus any `--policy DIR`. Files in a directory named
//! `lib` are helper libraries; files ending `_test.rego` are tests; every other `.rego` file is one
//! policy with a `# METADATA` block. A policy that fails to compile or has bad metadata is reported
//! and left out, so it cannot poison the rest of the bundle.

pub mod metadata;
pub mod program;
pub mod testing;

use crate::diagnostics::{Code, Diagnostic, Location};
use crate::embedded;
pub use metadata::{Kind, Metadata, Severity};
pub use program::package_of;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One `.rego` file, with the path shown to users.
#[derive(Debug, Clone)]
pub struct RegoFile {
    pub path: String,
    /// Borrowed for embedded files: copying all of them cost about 7% of a small scan.
    pub source: Cow<'static, str>,
}

/// A policy ready to evaluate.
#[derive(Debug, Clone)]
pub struct Policy {
    pub meta: Metadata,
    /// Rego package without the `data.` prefix, e.g. `rungs.aws.s3.bucket_encryption`.
    pub package: String,
    pub file: RegoFile,
}

impl Policy {
    /// The rule the engine evaluates for this policy.
    pub fn rule_path(&self) -> String {
        program::rule_path(self.meta.kind, &self.package)
    }
}

/// Everything loaded from the policy sources.
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    pub policies: Vec<Policy>,
    pub libraries: Vec<RegoFile>,
    pub tests: Vec<RegoFile>,
}

impl Bundle {
    /// A fingerprint of the policies (ids and sources) and libraries, so reports made with
    /// different policy bundles are not rolled up together unnoticed: a git blob id (SHA-1).
    pub fn fingerprint(&self) -> String {
        if self.is_whole_embedded() {
            return embedded::FINGERPRINT.to_string();
        }
        self.computed_fingerprint()
    }

    /// Every embedded policy and library and nothing else: ids are unique, so all embedded and
    /// as many as were built in means the same set, whose fingerprint `build.rs` computed.
    fn is_whole_embedded(&self) -> bool {
        self.policies.len() == embedded::POLICY_COUNT
            && self.policies.iter().all(|p| is_embedded(&p.file.path))
            && self.has_embedded_libraries()
    }

    /// The embedded libraries and no other (what the precompiled programs were built with).
    pub fn has_embedded_libraries(&self) -> bool {
        self.libraries.len() == embedded::LIBRARY_COUNT
            && self.libraries.iter().all(|l| is_embedded(&l.path))
    }

    fn computed_fingerprint(&self) -> String {
        let mut text = String::new();
        for p in &self.policies {
            text.push_str(&p.meta.id);
            text.push('\0');
            text.push_str(&p.file.source);
            text.push('\0');
        }
        for l in &self.libraries {
            text.push_str(&l.source);
            text.push('\0');
        }
        git2::Oid::hash_object(git2::ObjectType::Blob, text.as_bytes())
            .map(|o| o.to_string())
            .unwrap_or_default()
    }
}

/// Where policies come from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Include the embedded default library.
    pub defaults: bool,
    /// Extra policy directories (`--policy DIR`).
    pub dirs: Vec<std::path::PathBuf>,
    /// Also the embedded library's `_test.rego` files, which only `rungs policy test` runs: a
    /// scan would copy the paths of some 400 files it never reads.
    pub embedded_tests: bool,
}

/// Reads, classifies and validates all policy files. Never fails as a whole: each bad file
/// becomes a diagnostic.
pub fn load(sources: &Sources) -> (Bundle, Vec<Diagnostic>) {
    let mut files = Vec::with_capacity(embedded::REGO_FILES.len());
    let mut diagnostics = Vec::new();
    // The embedded helper library is always there for user policies to import; the embedded
    // policies and their tests only with `defaults`.
    collect_embedded(
        &mut |path| {
            let test = path.ends_with("_test.rego");
            (sources.defaults && (sources.embedded_tests || !test)) || (is_library(path) && !test)
        },
        &mut files,
    );
    for dir in &sources.dirs {
        collect_dir(dir, &mut files, &mut diagnostics);
    }
    // A library given on disk replaces the embedded one of the same package (for example a
    // newer checkout of `policies/lib`), instead of merging two versions of its rules.
    let on_disk: std::collections::BTreeSet<String> = files
        .iter()
        .filter(|f| is_library(&f.path) && !f.path.starts_with(embedded::POLICY_PREFIX))
        .filter_map(|f| package_of(&f.source))
        .collect();
    files.retain(|f| {
        !(!on_disk.is_empty()
            && f.path.starts_with(embedded::POLICY_PREFIX)
            && is_library(&f.path)
            && package_of(&f.source).is_some_and(|p| on_disk.contains(&p)))
    });
    let (bundle, mut more) = build(files);
    diagnostics.append(&mut more);
    (bundle, diagnostics)
}

fn collect_embedded(keep: &mut dyn FnMut(&str) -> bool, out: &mut Vec<RegoFile>) {
    for &(path, source) in embedded::REGO_FILES {
        if keep(path) {
            out.push(RegoFile {
                path: path.to_string(),
                source: Cow::Borrowed(source),
            });
        }
    }
}

/// Collects the `.rego` files of a policy directory, or the one `.rego` file given instead of
/// a directory (as `opa eval -d FILE` takes one).
fn collect_dir(dir: &Path, out: &mut Vec<RegoFile>, diagnostics: &mut Vec<Diagnostic>) {
    match std::fs::metadata(dir) {
        Err(_) => {
            diagnostics.push(
                Diagnostic::error(
                    Code::Unreadable,
                    format!("policy path {} does not exist", dir.display()),
                )
                .help("check the path given to --policy: a directory of .rego files or one .rego file"),
            );
            return;
        }
        Ok(meta) if meta.is_dir() => {}
        Ok(_) if dir.extension().is_some_and(|e| e == "rego") => {
            // Not a regular file (a FIFO, a device) is refused by the read, never opened.
            read_policy_file(dir, dir.display().to_string(), out, diagnostics);
            return;
        }
        Ok(_) => {
            diagnostics.push(
                Diagnostic::error(
                    Code::Unreadable,
                    format!(
                        "policy path {} is neither a directory nor a .rego file",
                        dir.display()
                    ),
                )
                .help("give --policy a directory of .rego files or one .rego file"),
            );
            return;
        }
    }
    let mut entries: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .collect();
    // Links are followed inside the directory only: a repository's policy directory must not
    // make rungs read (and echo in a compile error) a file elsewhere.
    let real_dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    for entry in entries.drain(..) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(Diagnostic::error(Code::Walk, e.to_string()));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "rego") {
            continue;
        }
        let shown = path.display().to_string();
        if let Err(e @ crate::read::ReadError::OutsideRoot(_)) =
            crate::read::inside(&real_dir, path)
        {
            diagnostics.push(
                Diagnostic::error(Code::OutsideRoot, format!("policy file not read: {e}"))
                    .at(Location::file(shown)),
            );
            continue;
        }
        read_policy_file(path, shown, out, diagnostics);
    }
}

/// Reads one `.rego` file (bounded, regular files only), shown in diagnostics as `shown`.
fn read_policy_file(
    path: &Path,
    shown: String,
    out: &mut Vec<RegoFile>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match crate::read::file(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => out.push(RegoFile {
                path: shown,
                source: Cow::Owned(source),
            }),
            Err(_) => diagnostics.push(
                Diagnostic::error(Code::InvalidUtf8, "policy file is not valid UTF-8")
                    .at(Location::file(shown)),
            ),
        },
        Err(e) => diagnostics.push(
            Diagnostic::error(
                e.code(Code::Unreadable),
                format!("cannot read policy file: {e}"),
            )
            .at(Location::file(shown)),
        ),
    }
}

fn is_embedded(path: &str) -> bool {
    path.starts_with(embedded::POLICY_PREFIX)
}

/// The build-time METADATA and package of the embedded policy files whose METADATA parsed
/// then, with their paths under `policies/`, in policy id order (the order of those files in
/// `REGO_FILES`): each run decodes its own copy, so [`build`] takes entries out instead of
/// cloning them.
struct EmbeddedMetadata {
    entries: Vec<Option<EmbeddedEntry>>,
    /// Where the next file's entry is expected.
    next: usize,
}

/// A policy's path (borrowed from the table), summary, package and encoded details.
type EmbeddedEntry = (&'static str, metadata::Summary, String, &'static [u8]);

impl EmbeddedMetadata {
    fn decode() -> EmbeddedMetadata {
        let entries: Vec<EmbeddedEntry> =
            postcard::from_bytes(embedded::METADATA).expect("build.rs writes valid metadata");
        EmbeddedMetadata {
            // `Some` adds no bytes (a reference is never null): collected in place.
            entries: entries.into_iter().map(Some).collect(),
            next: 0,
        }
    }

    fn none() -> EmbeddedMetadata {
        EmbeddedMetadata {
            entries: Vec::new(),
            next: 0,
        }
    }

    /// The entry of an embedded policy file: the next one when files come in the table's
    /// order, else found by path.
    fn take(&mut self, path: &str) -> Option<(Metadata, String)> {
        let relative = path
            .strip_prefix(embedded::POLICY_PREFIX)?
            .strip_prefix('/')?;
        let is_it = |e: &Option<EmbeddedEntry>| e.as_ref().is_some_and(|(p, ..)| *p == relative);
        let at = match self.entries.get(self.next) {
            Some(e) if is_it(e) => self.next,
            _ => self.entries.iter().position(is_it)?,
        };
        self.next = at + 1;
        let (_, summary, package, details) = self.entries[at].take()?;
        Some((Metadata::embedded(summary, details), package))
    }
}

/// Whether a directory of `path` is named `lib`.
fn is_library(path: &str) -> bool {
    path.starts_with("lib/") || path.contains("/lib/")
}

/// Classifies files and validates each policy alone against the libraries.
pub fn build(files: Vec<RegoFile>) -> (Bundle, Vec<Diagnostic>) {
    let mut bundle = Bundle::default();
    let mut diagnostics = Vec::new();
    let mut candidates = Vec::with_capacity(files.len());
    // User files only: the embedded library is checked by its own tests and never calls them.
    let user: Vec<&RegoFile> = files
        .iter()
        .filter(|f| !f.path.starts_with(embedded::POLICY_PREFIX))
        .collect();
    let recursive: Vec<String> = recursive_functions(&user)
        .into_iter()
        .map(|(file, name, line, column)| {
            diagnostics.push(
                Diagnostic::error(
                    Code::PolicyCompile,
                    format!("function {name} calls itself, directly or through other functions"),
                )
                .at(Location::at(&file.path, line, column))
                .help("Rego does not allow recursion (OPA rejects it, and regorus has no depth limit: it would overflow the stack); the file was skipped"),
            );
            file.path.clone()
        })
        .collect();
    // Only embedded policies read the table (the embedded library is always there).
    let mut embedded_meta = if files
        .iter()
        .any(|f| is_embedded(&f.path) && !is_library(&f.path) && !f.path.ends_with("_test.rego"))
    {
        EmbeddedMetadata::decode()
    } else {
        EmbeddedMetadata::none()
    };
    for file in files {
        if recursive.contains(&file.path) {
            continue;
        }
        if file.path.ends_with("_test.rego") {
            bundle.tests.push(file);
        } else if is_library(&file.path) {
            bundle.libraries.push(file);
        } else {
            let parsed = match embedded_meta.take(&file.path) {
                Some((meta, package)) => Ok((meta, Some(package))),
                None => metadata::parse(&file.source).map(|meta| (meta, package_of(&file.source))),
            };
            match parsed {
                Ok((meta, Some(package))) => candidates.push(Policy {
                    meta,
                    package,
                    file,
                }),
                Ok((_, None)) => diagnostics.push(
                    Diagnostic::error(Code::PolicyCompile, "policy has no `package` line")
                        .at(Location::file(&file.path)),
                ),
                Err(e) => diagnostics.push(
                    Diagnostic::error(Code::PolicyMetadata, e.message)
                        .at(Location::at(&file.path, e.line, e.column))
                        .help("see docs/writing-policies.md for the METADATA fields; the policy was skipped"),
                ),
            }
        }
    }

    // The embedded library and policies are checked by the test suite
    // (`embedded_bundle_compiles`); compiling them here cost most of a small scan. They are
    // checked again when a library from disk replaces an embedded one.
    let trusted = bundle.libraries.iter().all(|f| is_embedded(&f.path));

    // Libraries may call each other, so they compile together. The engine names the file an
    // error is in: drop that one and try again, until the rest compiles.
    let mut libs = std::mem::take(&mut bundle.libraries);
    while !trusted && !libs.is_empty() {
        let mut engine = new_engine();
        let ok = libs
            .iter()
            .try_for_each(|f| add(&mut engine, f))
            .and_then(|_| check(&mut engine, None));
        let Err(message) = ok else { break };
        let culprit = libs
            .iter()
            .position(|f| message.contains(&format!("{}:", f.path)))
            .unwrap_or(libs.len() - 1);
        let lib = libs.remove(culprit);
        diagnostics.push(compile_diagnostic(&lib.path, message));
    }
    bundle.libraries = libs;

    // The first policy of each id and of each package is kept (maps by name: comparing every
    // policy with every kept one cost a tenth of loading the embedded bundle). The embedded
    // policies alone need no check: build.rs refuses to embed two of one id or package.
    let mut ids: HashMap<&str, &str> = HashMap::new();
    let mut packages: HashMap<&str, &str> = HashMap::new();
    let mut keep = Vec::with_capacity(candidates.len());
    let all_embedded = candidates.iter().all(|p| is_embedded(&p.file.path));
    for policy in &candidates {
        if all_embedded {
            keep.push(true);
            continue;
        }
        let path = policy.file.path.as_str();
        if let Some(first) = ids.get(policy.meta.id.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    Code::PolicyDuplicate,
                    format!("policy id {} is already defined in {first}", policy.meta.id),
                )
                .at(Location::file(path))
                .help("give each policy a unique custom.id; this one was skipped"),
            );
            keep.push(false);
            continue;
        }
        if let Some(other) = packages.get(policy.package.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    Code::PolicyDuplicate,
                    format!("package {} is already used by {other}", policy.package),
                )
                .at(Location::file(path))
                .help("give each policy its own package (rules of one package would merge); this one was skipped"),
            );
            keep.push(false);
            continue;
        }
        ids.insert(&policy.meta.id, path);
        packages.insert(&policy.package, path);
        keep.push(true);
    }
    let mut kept = keep.into_iter();
    let mut unique = candidates;
    unique.retain(|_| kept.next().unwrap_or(false));
    // Vectors moved, not rebuilt element by element, in the usual case of embedded policies only.
    let is_checked = |p: &Policy| trusted && is_embedded(&p.file.path);
    let (mut checked, unchecked): (Vec<Policy>, Vec<Policy>) = if unique.iter().all(is_checked) {
        (unique, Vec::new())
    } else {
        unique.into_iter().partition(is_checked)
    };
    // Fast path: the whole bundle in one engine. Only when that fails is each policy checked
    // alone, to find the broken ones without letting them poison the rest.
    if unchecked.is_empty() || validate_all(&bundle.libraries, &unchecked).is_ok() {
        checked.extend(unchecked);
        bundle.policies = checked;
    } else {
        bundle.policies = checked;
        for policy in unchecked {
            match validate(&bundle.libraries, &policy) {
                Ok(()) => bundle.policies.push(policy),
                Err(message) => diagnostics.push(compile_diagnostic(&policy.file.path, message)),
            }
        }
    }
    bundle.policies.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    (bundle, diagnostics)
}

/// One definition of a Rego function: where it is and the text after its name.
struct FunctionDef {
    /// `data.PACKAGE.NAME`.
    name: String,
    file: usize,
    line: usize,
    column: usize,
    /// Qualified names of the functions its text calls.
    calls: Vec<String>,
}

/// The functions defined in `files` and what each calls, by qualified name. A call is found in
/// a definition's text after its name as `name(`, `alias.name(` (through the file's imports) or
/// `data.pkg.name(`; builtins and anything else unresolved are left out.
fn function_defs(files: &[&RegoFile]) -> Vec<FunctionDef> {
    use regorus::unstable::{Parser, Rule, RuleHead, Source};
    let mut defs = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let Ok(source) = Source::from_contents(file.path.clone(), file.source.to_string()) else {
            continue;
        };
        // Files that do not parse are reported by the engine with its own message.
        let Ok(module) = Parser::new(&source).and_then(|mut p| p.parse()) else {
            continue;
        };
        let package = format!("data.{}", module.package.refr.span().text());
        let imports: Vec<(String, String)> = module
            .imports
            .iter()
            .map(|i| {
                let path = i.refr.span().text().to_string();
                let alias = i.r#as.as_ref().map_or_else(
                    || path.rsplit('.').next().unwrap_or("").to_string(),
                    |a| a.text().to_string(),
                );
                (alias, path)
            })
            .collect();
        for rule in &module.policy {
            let Rule::Spec {
                span,
                head: RuleHead::Func { refr, .. },
                ..
            } = rule.as_ref()
            else {
                continue;
            };
            // Everything after the name: arguments, assigned value and bodies.
            let text = span
                .text()
                .get((refr.span().end - span.start) as usize..)
                .unwrap_or("");
            let calls = called_names(text)
                .into_iter()
                .filter_map(|called| {
                    let (first, rest) = called.split_once('.').unwrap_or((called, ""));
                    if first == "data" {
                        Some(called.to_string())
                    } else if rest.is_empty() {
                        Some(format!("{package}.{called}"))
                    } else {
                        imports
                            .iter()
                            .find(|(alias, _)| alias == first)
                            .map(|(_, path)| format!("{path}.{rest}"))
                    }
                })
                .collect();
            defs.push(FunctionDef {
                name: format!("{package}.{}", refr.span().text()),
                file: index,
                line: span.line as usize,
                column: span.col as usize,
                calls,
            });
        }
    }
    defs
}

/// Dotted names directly followed by `(` in Rego text.
fn called_names(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'_') || (i > 0 && word(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (word(bytes[i]) || bytes[i] == b'.') {
            i += 1;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        if bytes.get(j) == Some(&b'(') && (start == 0 || bytes[start - 1] != b'.') {
            out.push(&text[start..i]);
        }
    }
    out
}

/// Definitions of functions that call themselves, directly or through other functions of
/// `files` (Rego forbids recursion; regorus would recurse until the stack overflows).
fn recursive_functions<'f>(files: &[&'f RegoFile]) -> Vec<(&'f RegoFile, String, usize, usize)> {
    let defs = function_defs(files);
    let mut edges: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for def in &defs {
        let entry = edges.entry(def.name.as_str()).or_default();
        entry.extend(def.calls.iter().map(String::as_str));
    }
    let reaches_itself = |name: &str| {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo: Vec<&str> = edges.get(name).into_iter().flatten().copied().collect();
        while let Some(next) = todo.pop() {
            if next == name {
                return true;
            }
            if seen.insert(next) {
                todo.extend(edges.get(next).into_iter().flatten().copied());
            }
        }
        false
    };
    let mut out: Vec<(&RegoFile, String, usize, usize)> = Vec::new();
    for def in &defs {
        let already = out
            .iter()
            .any(|(f, n, _, _)| std::ptr::eq(*f, files[def.file]) && *n == def.name);
        if !already && reaches_itself(&def.name) {
            out.push((files[def.file], def.name.clone(), def.line, def.column));
        }
    }
    out
}

fn compile_diagnostic(path: &str, message: String) -> Diagnostic {
    let (location, message) = locate_regorus_error(path, &message);
    Diagnostic::error(Code::PolicyCompile, message)
        .at(location)
        .help("fix the policy and run `rungs policy test`; it was skipped, the other policies still ran")
}

/// regorus errors read `--> path:line:col`, a source excerpt, then `error: message`; pull out
/// the position and the message.
pub fn locate_regorus_error(path: &str, message: &str) -> (Location, String) {
    let position = message.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("-->")?.trim();
        let mut parts = rest.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        Some((line, col))
    });
    let text = message
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error:"))
        .map(|t| t.trim().to_string())
        .unwrap_or_else(|| message.trim().to_string());
    match position {
        Some((line, col)) => (Location::at(path, line, col), text),
        None => (Location::file(path), text),
    }
}

/// A fresh engine with the settings every rungs engine shares.
pub fn new_engine() -> regorus::Engine {
    let mut engine = regorus::Engine::new();
    // OPA semantics: a builtin error makes the expression undefined rather than aborting the rule.
    engine.set_strict_builtin_errors(false);
    // Only a backstop: evaluation runs on the VM with an instruction budget (crate::vm).
    engine.set_execution_timer_config(crate::vm::backstop());
    engine
}

pub fn add(engine: &mut regorus::Engine, file: &RegoFile) -> Result<(), String> {
    engine
        .add_policy(file.path.clone(), file.source.to_string())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// regorus defers some checks (unsafe variables) to the first evaluation, so evaluate once.
fn check(engine: &mut regorus::Engine, rule: Option<&str>) -> Result<(), String> {
    engine.set_input(regorus::Value::new_object());
    match rule {
        Some(rule) => engine.eval_rule(rule.to_string()).map(|_| ()),
        None => engine.eval_modules(false).map(|_| ()),
    }
    .map_err(|e| e.to_string())
}

fn validate(libraries: &[RegoFile], policy: &Policy) -> Result<(), String> {
    let mut engine = new_engine();
    for lib in libraries {
        add(&mut engine, lib)?;
    }
    add(&mut engine, &policy.file)?;
    check(&mut engine, Some(&policy.rule_path()))
}

fn validate_all(libraries: &[RegoFile], policies: &[Policy]) -> Result<(), String> {
    let mut engine = new_engine();
    for file in libraries.iter().chain(policies.iter().map(|p| &p.file)) {
        add(&mut engine, file)?;
    }
    policies
        .iter()
        .try_for_each(|p| check(&mut engine, Some(&p.rule_path())))
}

/// An engine holding the libraries and the policies `keep` selects, ready to clone per worker.
pub fn engine_for(
    bundle: &Bundle,
    keep: impl Fn(&Policy) -> bool,
) -> Result<regorus::Engine, String> {
    let mut engine = new_engine();
    for file in bundle
        .libraries
        .iter()
        .chain(bundle.policies.iter().filter(|p| keep(p)).map(|p| &p.file))
    {
        add(&mut engine, file)?;
    }
    Ok(engine)
}

/// The libraries `modules` need, directly or through other libraries (see
/// [`program::needed_libraries`]).
pub fn needed_libraries<'a>(libraries: &'a [RegoFile], modules: &[&RegoFile]) -> Vec<&'a RegoFile> {
    let modules: Vec<&str> = modules.iter().map(|m| &*m.source).collect();
    program::needed_libraries(libraries, |l| &l.source, &modules)
}

/// Like [`engine_for`], with only the libraries the kept policies need, directly or through
/// other libraries ([`needed_libraries`]): parsing and analysing the other clouds' libraries cost
/// a third of a small scan, and a library no kept module names cannot change their results.
pub fn lean_engine_for(
    bundle: &Bundle,
    keep: impl Fn(&Policy) -> bool,
) -> Result<regorus::Engine, String> {
    let policies: Vec<&RegoFile> = bundle
        .policies
        .iter()
        .filter(|p| keep(p))
        .map(|p| &p.file)
        .collect();
    let mut engine = new_engine();
    for file in needed_libraries(&bundle.libraries, &policies)
        .into_iter()
        .chain(policies)
    {
        add(&mut engine, file)?;
    }
    Ok(engine)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_of_reads_the_first_package_line() {
        // The definition the search must agree with: the first line, trimmed, that starts
        // with `package `.
        let by_lines = |source: &str| {
            source.lines().find_map(|l| {
                l.trim()
                    .strip_prefix("package ")
                    .map(|p| p.trim().to_string())
            })
        };
        let cases = [
            "# METADATA\n# title: package names\n#   package x\npackage rungs.aws.s3\n",
            "\t package  a.b \r\nimport rego.v1\n",
            "package \npackage c\n",
            "xpackage d\n  package\te\npackage f",
            "package g\r",
            "# no package here\n",
            "",
        ];
        for source in cases {
            assert_eq!(package_of(source), by_lines(source), "{source:?}");
        }
        assert_eq!(package_of(cases[0]).as_deref(), Some("rungs.aws.s3"));
        assert_eq!(package_of(cases[2]).as_deref(), Some("c"));
        assert_eq!(package_of(cases[3]).as_deref(), Some("f"));
        assert_eq!(package_of(cases[5]), None);
        for (_, source) in embedded::REGO_FILES {
            assert_eq!(package_of(source), by_lines(source));
        }
    }

    #[test]
    fn embedded_fingerprint_matches_runtime() {
        let (bundle, diagnostics) = load(&Sources {
            defaults: true,
            dirs: Vec::new(),
            embedded_tests: false,
        });
        assert!(diagnostics.is_empty());
        assert!(bundle.is_whole_embedded());
        assert_eq!(embedded::FINGERPRINT.len(), 40);
        assert_eq!(bundle.computed_fingerprint(), embedded::FINGERPRINT);
        assert_eq!(bundle.fingerprint(), embedded::FINGERPRINT);
        // One policy fewer is another bundle, hashed at run time.
        let mut fewer = bundle.clone();
        fewer.policies.pop();
        assert!(!fewer.is_whole_embedded());
        assert_ne!(fewer.fingerprint(), embedded::FINGERPRINT);
        assert_eq!(fewer.fingerprint(), fewer.computed_fingerprint());
    }

    fn file(path: &str, source: &str) -> RegoFile {
        RegoFile {
            path: path.into(),
            source: source.to_owned().into(),
        }
    }

    const META: &str = "# METADATA\n# title: T\n# custom:\n#   id: ID\n#   severity: low\n#   resource_types: [t]\n#   controls: [C-1.1]\n";

    fn policy(id: &str, pkg: &str, body: &str) -> RegoFile {
        file(
            &format!("p/{pkg}.rego"),
            &format!(
                "{}package {pkg}\nimport rego.v1\n{body}\n",
                META.replace("ID", id)
            ),
        )
    }

    /// Scans leave the embedded library's tests out; `rungs policy test` reads them. Nothing
    /// else of the bundle changes.
    #[test]
    fn embedded_tests_are_read_only_when_asked() {
        let sources = |embedded_tests| Sources {
            defaults: true,
            dirs: Vec::new(),
            embedded_tests,
        };
        let (with, _) = load(&sources(true));
        let (without, _) = load(&sources(false));
        let paths = |files: &[RegoFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert!(!with.tests.is_empty());
        assert!(with.tests.iter().all(|t| t.path.ends_with("_test.rego")));
        assert!(without.tests.is_empty());
        assert_eq!(paths(&with.libraries), paths(&without.libraries));
        assert_eq!(with.policies.len(), without.policies.len());
        assert_eq!(with.fingerprint(), without.fingerprint());
    }

    /// What lets `build` skip compiling the embedded files on every run.
    #[test]
    fn embedded_bundle_compiles() {
        let (bundle, diags) = load(&Sources {
            defaults: true,
            dirs: Vec::new(),
            embedded_tests: true,
        });
        assert!(diags.is_empty(), "{diags:?}");
        let mut engine = new_engine();
        for lib in &bundle.libraries {
            add(&mut engine, lib).unwrap();
        }
        check(&mut engine, None).unwrap();
        validate_all(&bundle.libraries, &bundle.policies).unwrap();
        // The build-time METADATA is what a run would parse, for every embedded policy.
        let files = bundle.policies.len() + bundle.libraries.len() + bundle.tests.len();
        assert_eq!(files, embedded_rego_files());
        // Policies sorted by id take the table's entries in turn: its order is theirs.
        let mut table = EmbeddedMetadata::decode();
        for (k, policy) in bundle.policies.iter().enumerate() {
            assert_eq!(table.next, k, "{}", policy.file.path);
            assert_eq!(
                table.take(&policy.file.path),
                Some((
                    metadata::parse(&policy.file.source).unwrap(),
                    package_of(&policy.file.source).unwrap()
                )),
                "{}",
                policy.file.path
            );
        }
        assert_eq!(table.next, table.entries.len());
        assert!(table.entries.iter().all(Option::is_none));
        // And `REGO_FILES` lists those files in that order.
        let listed: Vec<&str> = embedded::REGO_FILES
            .iter()
            .map(|(path, _)| *path)
            .filter(|path| bundle.policies.iter().any(|p| p.file.path == *path))
            .collect();
        let sorted: Vec<&str> = bundle
            .policies
            .iter()
            .map(|p| p.file.path.as_str())
            .collect();
        assert_eq!(listed, sorted);
    }

    /// Out of the table's order, entries are found by path, each once.
    #[test]
    fn embedded_metadata_is_found_out_of_order() {
        let mut table = EmbeddedMetadata::decode();
        let paths: Vec<String> = table
            .entries
            .iter()
            .map(|e| format!("{}/{}", embedded::POLICY_PREFIX, e.as_ref().unwrap().0))
            .collect();
        for path in paths.iter().rev() {
            let (meta, package) = table.take(path).unwrap();
            let source = embedded::REGO_FILES
                .iter()
                .find(|(p, _)| p == path)
                .unwrap()
                .1;
            assert_eq!(meta, metadata::parse(source).unwrap(), "{path}");
            assert_eq!(Some(package), package_of(source), "{path}");
            assert_eq!(table.take(path), None, "{path} taken twice");
        }
        assert!(table.entries.iter().all(Option::is_none));
    }

    fn embedded_rego_files() -> usize {
        let mut files = Vec::new();
        collect_embedded(&mut |_| true, &mut files);
        files.len()
    }

    /// `REGO_FILES` is every `.rego` file under `policies/` as it is on disk, and
    /// `POLICIES_HASH` the git blob hash of the manifest of every file there (as `--version`
    /// printed it when a run computed it).
    #[test]
    fn embedded_files_and_hash_are_the_checkout() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
        let mut on_disk: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(&root).unwrap();
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("/");
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        on_disk.sort();
        // Sorted already: `on_disk` is, and the prefix is the same for every name.
        let rego: Vec<(String, &[u8])> = on_disk
            .iter()
            .filter(|(name, _)| name.ends_with(".rego"))
            .map(|(name, text)| {
                (
                    format!("{}/{name}", embedded::POLICY_PREFIX),
                    text.as_slice(),
                )
            })
            .collect();
        let mut embedded: Vec<(String, &[u8])> = embedded::REGO_FILES
            .iter()
            .map(|(name, text)| (name.to_string(), text.as_bytes()))
            .collect();
        embedded.sort();
        assert!(rego.len() > 700, "{} files", rego.len());
        assert_eq!(embedded, rego);
        let mut manifest = Vec::new();
        for (path, contents) in &on_disk {
            manifest.extend_from_slice(format!("{path}\0{}\0", contents.len()).as_bytes());
            manifest.extend_from_slice(contents);
        }
        let oid = git2::Oid::hash_object(git2::ObjectType::Blob, &manifest).unwrap();
        assert_eq!(embedded::POLICIES_HASH, &oid.to_string()[..16]);
    }

    #[test]
    fn recursive_functions_are_rejected_before_they_reach_the_engine() {
        let direct = policy(
            "A",
            "a",
            "deny contains x if { x := f(1) }\nf(x) := y if {\n\ty := f(x + 1)\n}",
        );
        let mutual = policy(
            "B",
            "b",
            "deny contains x if { x := g(1) }\ng(x) := h(x)\nh(x) := g(x)",
        );
        let fine = policy(
            "C",
            "c",
            "deny contains x if { x := ff(1) }\nff(x) := f2(x)\nf2(x) := x + 1\nf(x) := x.f(1)",
        );
        // Across files: a policy's function and a library's call each other through an import.
        let across = policy(
            "D",
            "d",
            "import data.user.helpers as h\ndeny contains x if { x := k(1) }\nk(x) := h.back(x)",
        );
        let helpers = file(
            "p/lib/helpers.rego",
            "package user.helpers\nimport rego.v1\nback(x) := data.d.k(x)\n",
        );
        let (bundle, diags) = build(vec![direct, mutual, fine, across, helpers]);
        let ids: Vec<_> = bundle.policies.iter().map(|p| p.meta.id.as_str()).collect();
        assert_eq!(ids, vec!["C"]);
        let got: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.location.as_ref().unwrap().to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Code::PolicyCompile, "p/a.rego:11:1".to_string()),
                (Code::PolicyCompile, "p/b.rego:11:1".to_string()),
                (Code::PolicyCompile, "p/b.rego:12:1".to_string()),
                (Code::PolicyCompile, "p/d.rego:12:1".to_string()),
                (Code::PolicyCompile, "p/lib/helpers.rego:3:1".to_string()),
            ]
        );
    }

    #[test]
    fn broken_policy_is_reported_with_position_and_others_survive() {
        let good = policy("A", "a", "deny contains x if { some x in input.xs }");
        let unsafe_var = policy("B", "b", "deny contains x if { y == 1; x := 2 }");
        let syntax = policy("C", "c", "deny contains x if {");
        let (bundle, diags) = build(vec![good, unsafe_var, syntax]);
        let ids: Vec<_> = bundle.policies.iter().map(|p| p.meta.id.as_str()).collect();
        assert_eq!(ids, vec!["A"]);
        assert_eq!(diags.len(), 2);
        assert!(diags.iter().all(|d| d.code == Code::PolicyCompile));
        let files: Vec<_> = diags
            .iter()
            .map(|d| d.location.as_ref().unwrap().file.as_str())
            .collect();
        assert_eq!(files, vec!["p/b.rego", "p/c.rego"]);
        for d in &diags {
            assert!(d.location.as_ref().unwrap().line.is_some(), "{d}");
        }
    }

    #[test]
    fn duplicate_ids_keep_the_first() {
        let a = policy("A", "a", "deny contains 1 if { false }");
        let b = policy("A", "b", "deny contains 1 if { false }");
        let (bundle, diags) = build(vec![a, b]);
        assert_eq!(bundle.policies.len(), 1);
        assert_eq!(bundle.policies[0].package, "a");
        assert_eq!(diags[0].code, Code::PolicyDuplicate);
    }

    /// A policy skipped for its package or its id does not claim its id or package: a later
    /// policy may use them.
    #[test]
    fn duplicate_packages_and_ids_keep_the_first_kept() {
        let named = |path: &str, id: &str, pkg: &str| {
            file(
                path,
                &format!(
                    "{}package {pkg}\nimport rego.v1\ndeny contains 1 if {{ false }}\n",
                    META.replace("ID", id)
                ),
            )
        };
        let (bundle, diags) = build(vec![
            named("p/one.rego", "A", "a"),
            named("p/two.rego", "B", "a"),
            named("p/three.rego", "A", "c"),
            named("p/four.rego", "B", "b"),
        ]);
        let kept: Vec<_> = bundle
            .policies
            .iter()
            .map(|p| (p.meta.id.as_str(), p.package.as_str(), p.file.path.as_str()))
            .collect();
        assert_eq!(
            kept,
            vec![("A", "a", "p/one.rego"), ("B", "b", "p/four.rego")]
        );
        let reported: Vec<_> = diags
            .iter()
            .map(|d| {
                (
                    d.code,
                    d.message.as_str(),
                    d.location.as_ref().map(|l| l.file.as_str()),
                )
            })
            .collect();
        assert_eq!(
            reported,
            vec![
                (
                    Code::PolicyDuplicate,
                    "package a is already used by p/one.rego",
                    Some("p/two.rego")
                ),
                (
                    Code::PolicyDuplicate,
                    "policy id A is already defined in p/one.rego",
                    Some("p/three.rego")
                ),
            ]
        );
    }

    #[test]
    fn libraries_and_tests_are_classified_by_path() {
        let lib = file(
            "x/lib/h.rego",
            "package rungs.lib\nimport rego.v1\nis_x(v) if { v == 1 }\n",
        );
        let test = file(
            "x/a_test.rego",
            "package a_test\nimport rego.v1\ntest_ok if { true }\n",
        );
        let (bundle, diags) = build(vec![lib, test]);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(bundle.libraries.len(), 1);
        assert_eq!(bundle.tests.len(), 1);
    }

    #[test]
    fn libraries_may_call_each_other_and_a_broken_one_is_named() {
        let a = file("x/lib/a.rego", "package rungs.lib.a\nimport rego.v1\nimport data.rungs.lib.b\ntwice(v) := b.double(v)\n");
        let b = file(
            "x/lib/b.rego",
            "package rungs.lib.b\nimport rego.v1\ndouble(v) := v * 2\n",
        );
        let broken = file(
            "x/lib/c.rego",
            "package rungs.lib.c\nimport rego.v1\nbad if { y == 1 }\n",
        );
        let (bundle, diags) = build(vec![a, b, broken]);
        let kept: Vec<_> = bundle.libraries.iter().map(|l| l.path.as_str()).collect();
        assert_eq!(kept, vec!["x/lib/a.rego", "x/lib/b.rego"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location.as_ref().unwrap().file, "x/lib/c.rego");
    }

    #[test]
    fn a_library_is_needed_when_a_module_may_name_its_package() {
        let lib = |package: &str| {
            file(
                &format!("l/lib/{package}.rego"),
                &format!("package {package}\nimport rego.v1\n"),
            )
        };
        let libraries = vec![
            lib("rungs.lib"),
            lib("rungs.lib.gcp"),
            lib("rungs.lib.azure"),
            file(
                "l/lib/checks.rego",
                "package rungs.lib.checks\nimport rego.v1\nimport data.rungs.lib\n",
            ),
        ];
        let needed = |text: &str| -> Vec<String> {
            let module = file("p/x.rego", text);
            needed_libraries(&libraries, &[&module])
                .iter()
                .map(|l| package_of(&l.source).unwrap())
                .collect()
        };
        assert_eq!(needed("package x\nallow := 1\n"), Vec::<String>::new());
        // A library of the module's own package is named without `data.`.
        assert_eq!(
            needed("package rungs.lib.gcp\nv := helper(1)\n"),
            vec!["rungs.lib.gcp"]
        );
        // Comments and strings name nothing.
        assert_eq!(
            needed("package x\n# data lib.gcp\nm := \"data[x] \\\" lib.gcp\"\nr := `data.rungs.lib.azure`\n"),
            Vec::<String>::new()
        );
        // Through another library: checks imports the base library.
        assert_eq!(
            needed("package x\nimport data.rungs.lib.checks\n"),
            vec!["rungs.lib", "rungs.lib.checks"]
        );
        assert_eq!(
            needed("package x\nimport data.rungs.lib\nv := lib.gcp.x\n"),
            vec!["rungs.lib", "rungs.lib.gcp"]
        );
        assert_eq!(
            needed("package x\nv := data.rungs.lib.azure.y\n"),
            vec!["rungs.lib", "rungs.lib.azure"]
        );
        // A prefix of another package's name is not that package.
        assert_eq!(
            needed("package x\nv := data.rungs.libx.gcp\n"),
            Vec::<String>::new()
        );
        let all = vec![
            "rungs.lib",
            "rungs.lib.gcp",
            "rungs.lib.azure",
            "rungs.lib.checks",
        ];
        for dynamic in [
            "package x\nimport data.rungs.lib\nv := lib[input.k]\n",
            "package x\nv := data.rungs.lib[input.k]\n",
            "package x\nv := data[input.k]\n",
            "package x\nv := walk(data)\n",
            "package x\nimport data.rungs.lib as l\nv := l[input.k]\n",
        ] {
            assert_eq!(needed(dynamic), all, "{dynamic}");
        }
    }

    #[test]
    fn policy_without_metadata_is_skipped_with_metadata_code() {
        let (bundle, diags) = build(vec![file("p/x.rego", "package x\n")]);
        assert!(bundle.policies.is_empty());
        assert_eq!(diags[0].code, Code::PolicyMetadata);
    }
}
