//! From policies to a VM program: the generated batch module that evaluates a provider group's
//! policies in one pass, the libraries a set of policies needs, and the compilation.
//!
//! Shared by the run and by `build.rs`, which compiles the embedded policies ahead of time with
//! this same code (`#[path]`), so a precompiled program is the one a run would compile (the test
//! `precompiled_programs_are_what_a_run_compiles` holds them to the same bytes). Plain inputs
//! only: this file may use `super::metadata` and std, regorus and serde_json, nothing else of the
//! crate.

use super::metadata::Kind;
use regorus::rvm::Program;
use std::sync::Arc;

/// Package of the generated module that evaluates every policy in one pass.
pub const BATCH_PACKAGE: &str = "rungs_internal.batch";

/// Path the batch module is added to an engine under.
pub const BATCH_PATH: &str = "<rungs>/batch.rego";

/// What the batch module needs to know of a policy.
pub struct Member<'a> {
    /// The policy's index in its bundle (names its rules in the module).
    pub index: usize,
    pub id: &'a str,
    pub kind: Kind,
    pub resource_types: &'a [String],
    pub package: &'a str,
    pub source: &'a str,
}

/// The rule the engine evaluates for a policy of `kind` in `package`.
pub fn rule_path(kind: Kind, package: &str) -> String {
    match kind {
        Kind::Resource => format!("data.{package}.deny"),
        Kind::Presence => format!("data.{package}.present"),
    }
}

/// Whether a policy defines the optional `unknown` rule (a line starting with its head).
pub fn defines_unknown(source: &str) -> bool {
    // Lines break at `\n` only: a line starts at the text's start or after one. Searching for
    // the word (memchr) instead of testing every line: a scan asks this of every policy.
    source.match_indices("unknown").any(|(at, _)| {
        (at == 0 || source.as_bytes()[at - 1] == b'\n')
            && ["unknown contains", "unknown[", "unknown :=", "unknown ="]
                .iter()
                .any(|head| source[at..].starts_with(head))
    })
}

/// The entry points of a policy: its rule, and its `unknown` rule when it defines one.
pub fn entry_points(kind: Kind, package: &str, source: &str) -> Vec<String> {
    let mut out = vec![rule_path(kind, package)];
    if kind == Kind::Resource && defines_unknown(source) {
        out.push(format!("data.{package}.unknown"));
    }
    out
}

/// Providers a policy is about, from its resource types (`aws_s3_bucket` -> `aws`).
pub fn providers(resource_types: &[String]) -> Vec<String> {
    resource_types
        .iter()
        .map(|t| provider_of(t).to_string())
        .collect()
}

/// The provider of one resource type ([`providers`]).
fn provider_of(resource_type: &str) -> &str {
    if let Some(name) = resource_type.strip_prefix("provider.") {
        return name;
    }
    let t = resource_type.strip_prefix("data.").unwrap_or(resource_type);
    t.split('_').next().unwrap_or(t)
}

/// The batch rule a policy's result is collected in: `results_` and its first provider.
pub fn group(resource_types: &[String]) -> String {
    let provider = resource_types.first().map_or("", |t| provider_of(t));
    let mut rule = String::from("results_");
    rule.extend(provider.chars().filter(|c| c.is_ascii_alphanumeric()));
    rule
}

/// Rules that collect every policy's result by id, one rule per provider group (the provider of
/// a policy's first resource type). Evaluating a group's rule once per document lets regorus
/// share rule values and builtin caches between policies instead of resetting them for each
/// policy, and a document only pays for the groups of the policies that apply to it. A group
/// that fails on a document falls back to one evaluation per policy, so an error stays with the
/// policy that raised it.
pub fn batch_module(members: &[Member]) -> String {
    let mut src = format!("package {BATCH_PACKAGE}\n\nimport rego.v1\n\n");
    for policy in members {
        let i = policy.index;
        // Each result has a default so an undefined rule cannot make the whole object
        // undefined.
        let rule = rule_path(policy.kind, policy.package);
        let (default, value) = match policy.kind {
            Kind::Resource => ("[]", format!("r{i} := {rule} if a{i}")),
            Kind::Presence => ("false", format!("r{i} := true if {{\n\ta{i}\n\t{rule}\n}}")),
        };
        src.push_str(&format!("default r{i} := {default}\n\n{value}\n\n"));
        // A policy runs only on documents holding one of its types: one definition per type,
        // each a literal lookup. A loop over an array of the types cost about a fifth of the
        // VM's instructions on small scans (every policy of a program, on every document).
        for t in policy.resource_types {
            let t = serde_json::to_string(t).expect("types serialize");
            src.push_str(&format!("a{i} if input.resources_by_type[{t}]\n\n"));
        }
        // Policies on root `provider` blocks (`provider.aws`) apply where such a block is. One
        // type per line keeps lines short (regorus limits line length).
        if policy
            .resource_types
            .iter()
            .any(|t| t.starts_with("provider."))
        {
            let types: String = policy
                .resource_types
                .iter()
                .map(|t| {
                    format!(
                        "\t\t{},\n",
                        serde_json::to_string(t).expect("types serialize")
                    )
                })
                .collect();
            src.push_str(&format!(
                "a{i} if {{\n\tsome t in [\n{types}\t]\n\tsome p in input.providers\n\tconcat(\".\", [\"provider\", p.name]) == t\n}}\n\n"
            ));
        }
        let id = serde_json::to_string(policy.id).expect("ids serialize");
        // Only policies that define an `unknown` rule pay for evaluating it.
        let unknown = if policy.kind == Kind::Resource && defines_unknown(policy.source) {
            src.push_str(&format!(
                "default u{i} := []\n\nu{i} := data.{}.unknown if a{i}\n\n",
                policy.package
            ));
            format!("u{i}")
        } else {
            "[]".to_string()
        };
        // One definition per entry, `[id, result, unknown set]`: a 90-entry object literal
        // would overflow the VM's 255-register window. Only the policies that apply to the
        // document have one (a run reads no other; a program holds a whole provider group).
        let group = group(policy.resource_types);
        src.push_str(&format!(
            "{group} contains [{id}, r{i}, {unknown}] if a{i}\n\n"
        ));
    }
    src
}

/// Splits units of policies (a provider group, or one user policy) into chunks that each fit
/// one program: at most `max_policies` policies, because regorus 0.14.1 copies every module of
/// the engine into the program and holds a program to `Program::MAX_SOURCES` (a chunk's engine
/// holds the libraries, the batch module and the chunk's policies). A unit goes whole into the
/// current chunk while it fits, else starts a new one, and is split only when larger than a
/// chunk.
pub fn chunks(units: Vec<Vec<usize>>, max_policies: usize) -> Vec<Vec<usize>> {
    let max_policies = max_policies.max(1);
    let mut out: Vec<Vec<usize>> = Vec::new();
    for unit in units {
        if out
            .last()
            .is_none_or(|c| c.len() + unit.len() > max_policies)
        {
            out.push(Vec::new());
        }
        for i in unit {
            if out.last().is_some_and(|c| c.len() >= max_policies) {
                out.push(Vec::new());
            }
            out.last_mut().expect("pushed").push(i);
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

/// The most policies one chunk holds beside `libraries` library files and the batch module.
pub fn max_policies(libraries: usize) -> usize {
    Program::MAX_SOURCES.saturating_sub(libraries + 1)
}

/// Compiles the engine's rules reachable from `entry_points` (full rule paths such as
/// `data.pkg.deny`) into one program. The engine is analysed on the way, so clones of it start
/// ready for the interpreter too.
pub fn compile(
    engine: &mut regorus::Engine,
    entry_points: &[String],
) -> Result<Arc<Program>, String> {
    let first = entry_points.first().ok_or("no entry points")?;
    let policy = engine
        .compile_with_entrypoint(&regorus::Rc::from(first.as_str()))
        .map_err(|e| e.to_string())?;
    let names: Vec<&str> = entry_points.iter().map(String::as_str).collect();
    regorus::languages::rego::compiler::Compiler::compile_from_policy(&policy, &names)
        .map_err(|e| e.to_string())
}

/// Cuts each source file of `program` down to its `package` line. A run reads a program's
/// sources only to name the file of a runtime error (`vm::source_name` goes by their packages);
/// the whole texts were half of an embedded program's bytes and of the work of loading it.
pub fn packages_only(program: &mut Program) {
    for source in &mut program.sources {
        source.content = package_of(&source.content)
            .map(|p| format!("package {p}\n"))
            .unwrap_or_default();
    }
}

/// The package of a Rego file, from its `package` line.
pub fn package_of(source: &str) -> Option<String> {
    // The first line that starts with `package ` after blanks. Searching the text for the word
    // (memchr) and checking its line is the same answer at a tenth of the cost of trimming
    // every line: the METADATA block before it is most of a policy file, and a scan reads 396.
    source.match_indices("package ").find_map(|(at, _)| {
        let start = source[..at].rfind('\n').map_or(0, |n| n + 1);
        if !source[start..at].trim().is_empty() {
            return None;
        }
        let line = source[start..].split('\n').next().unwrap_or_default();
        line.trim()
            .strip_prefix("package ")
            .map(|p| p.trim().to_string())
    })
}

/// The libraries `modules` need, in their order: those whose package a needed module's text may
/// name, or its own package shares, transitively. Conservative: a module names package `a.b.c` if its text has `data.a.b.c`,
/// or `data.a` / `data.a.b` (a parent, imported whole) and the next component (`b`, `c`) as a
/// word anywhere; a module that reads `data` itself or indexes a package (`data.a[`, `alias[`)
/// needs every library.
pub fn needed_libraries<'a, T>(
    libraries: &'a [T],
    source: impl Fn(&T) -> &str,
    modules: &[&str],
) -> Vec<&'a T> {
    let packages: Vec<Option<String>> = libraries.iter().map(|l| package_of(source(l))).collect();
    let mut needed = vec![false; libraries.len()];
    let mut todo: Vec<String> = modules.iter().map(|m| code_of(m)).collect();
    while let Some(text) = todo.pop() {
        // Rules of the module's own package are named without `data.`.
        let own = package_of(&text);
        for (i, package) in packages.iter().enumerate() {
            if !needed[i]
                && package
                    .as_deref()
                    .is_none_or(|p| own.as_deref() == Some(p) || may_name(&text, p))
            {
                needed[i] = true;
                todo.push(code_of(source(&libraries[i])));
            }
        }
    }
    libraries
        .iter()
        .zip(needed)
        .filter_map(|(l, n)| n.then_some(l))
        .collect()
}

/// Rego source without its comments and the contents of its string literals, which name
/// nothing the engine looks up.
pub fn code_of(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' => {
                chars.by_ref().find(|&c| c == '\n');
                out.push('\n');
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            '`' => {
                chars.by_ref().find(|&c| c == '`');
                out.push_str("``");
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether Rego code `text` may refer to package `package` (see [`needed_libraries`]).
pub fn may_name(text: &str, package: &str) -> bool {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // The byte after each occurrence of `needle` as a whole name (not inside a longer name;
    // nor inside a path unless `in_path`), 0 at the end.
    let occurrences = |needle: &str, in_path: bool| -> Vec<u8> {
        text.match_indices(needle)
            .filter(|(at, _)| {
                *at == 0 || !(word(bytes[at - 1]) || !in_path && bytes[at - 1] == b'.')
            })
            .map(|(at, _)| bytes.get(at + needle.len()).copied().unwrap_or(0))
            .filter(|&next| !word(next))
            .collect()
    };
    let after = |needle: &str| occurrences(needle, false);
    // `data` read whole, or indexed.
    if after("data").iter().any(|&next| next != b'.') {
        return true;
    }
    let parts: Vec<&str> = package.split('.').collect();
    for depth in 1..=parts.len() {
        let prefix = format!("data.{}", parts[..depth].join("."));
        let next = after(&prefix);
        if depth == parts.len() && !next.is_empty() || next.contains(&b'[') {
            return true;
        }
        // Imported or read whole (not followed by `.`): through its name, the next component
        // or an index may follow.
        if next.iter().all(|&n| n == b'.') {
            continue;
        }
        let with_alias = format!("{prefix} as ");
        let aliases = text
            .split(&with_alias)
            .skip(1)
            .filter_map(|rest| {
                rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
            })
            .chain([parts[depth - 1]]);
        let indexed = aliases
            .into_iter()
            .any(|alias| occurrences(alias, true).contains(&b'['));
        if indexed || !occurrences(parts[depth], true).is_empty() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word search answers as testing every line's start would, on every embedded policy
    /// and on texts that hide the word mid-line, after `\r\n`, or at the very start.
    #[test]
    fn defines_unknown_tests_line_starts() {
        let by_lines = |source: &str| {
            source.lines().any(|l| {
                ["unknown contains", "unknown[", "unknown :=", "unknown ="]
                    .iter()
                    .any(|head| l.starts_with(head))
            })
        };
        let mut sources: Vec<String> = crate::embedded::REGO_FILES
            .iter()
            .map(|(_, source)| source.to_string())
            .collect();
        let defining = sources.iter().filter(|s| defines_unknown(s)).count();
        assert!(defining > 10, "{defining} embedded files define `unknown`");
        for case in [
            "unknown contains x if { true }",
            "package p\r\nunknown[x] { x := 1 }",
            "package p\n  unknown := 1",
            "package p\n# unknown = 1\nx := \"unknown =\"",
            "package p\nunknowns := 1",
            "package p\nunknown = 1",
            "",
        ] {
            sources.push(case.to_string());
        }
        for source in &sources {
            assert_eq!(defines_unknown(source), by_lines(source), "{source}");
        }
        assert!(defines_unknown("package p\r\nunknown[x] { x := 1 }"));
        assert!(!defines_unknown("package p\n  unknown := 1"));
    }
}
