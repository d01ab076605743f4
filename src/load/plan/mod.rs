//! Terraform and OpenTofu plan JSON (`terraform show -json PLANFILE`, `tofu show -json`), format
//! versions 0.1 to 1.x, into the same document an HCL scan of the code gives.
//!
//! Values come from `resource_changes[].change.after`: `after_unknown` leaves become unknown text
//! and `after_sensitive` leaves are masked the same way, so no sensitive value reaches a policy or
//! an output. The text is the attribute's first `references` entry in `configuration` when it
//! has one (`${aws_kms_key.k.arn}`, so companion joins work as in HCL), else [`UNKNOWN`] or
//! [`SENSITIVE`]. Resources being deleted are left out. Data sources read at plan time come
//! from `prior_state`. With the source directory (`--plan`), resources get its file and lines.

#[cfg(test)]
mod tests;

use super::document::{
    Document, Mode, ModuleCall, ProviderConfig, RequiredProvider, Resource, SCHEMA_VERSION,
};
use super::terraform::value::Val;
use crate::diagnostics::{Code, Diagnostic, Location};
use serde_json::{Map, Value as J};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a value known only after apply reads as, when its configuration has no reference.
pub const UNKNOWN: &str = "${(known after apply)}";
/// What a sensitive value reads as, when its configuration has no reference.
pub const SENSITIVE: &str = "${(sensitive value)}";

/// Whether text looks like a plan, before parsing it: `format_version` beside one of the
/// plan's own fields, or beside `terraform_version` without the `values` of a state. A plan
/// truncated early still matches, so it is reported instead of skipped.
pub fn sniff(text: &str) -> bool {
    text.trim_start().starts_with('{')
        && text.contains("\"format_version\"")
        && (text.contains("\"planned_values\"")
            || text.contains("\"resource_changes\"")
            || (text.contains("\"terraform_version\"") && !text.contains("\"values\"")))
}

/// Where the HCL of the plan's source put each block: what `--plan` adds to a plan.
#[derive(Debug, Default)]
pub struct Source {
    pub root: String,
    pub files: Vec<String>,
    pub providers: Vec<ProviderConfig>,
    /// `(module path without instance keys, ref)` -> (file, line, end_line).
    blocks: HashMap<(String, String), (String, usize, usize)>,
    /// Module call address without instance keys -> (file, line).
    calls: HashMap<String, (String, usize)>,
}

impl Source {
    pub fn of(document: &Document) -> Source {
        let mut blocks = HashMap::new();
        for r in &document.resources {
            blocks
                .entry((strip_keys(&r.module), r.reference.clone()))
                .or_insert((r.file.clone(), r.line, r.end_line));
        }
        let calls = document
            .module_calls
            .iter()
            .map(|c| (strip_keys(&c.address), (c.file.clone(), c.line)))
            .collect();
        Source {
            root: document.root.clone(),
            files: document.files.clone(),
            providers: document.providers.clone(),
            blocks,
            calls,
        }
    }

    /// Gives a plan document the HCL's root, files, providers and block locations.
    pub fn apply(&self, plan: &mut Document) {
        for r in &mut plan.resources {
            if let Some((file, line, end_line)) = self
                .blocks
                .get(&(strip_keys(&r.module), r.reference.clone()))
            {
                (r.file, r.line, r.end_line) = (file.clone(), *line, *end_line);
            }
        }
        for c in &mut plan.module_calls {
            if let Some((file, line)) = self.calls.get(&c.address) {
                (c.file, c.line) = (file.clone(), *line);
            }
        }
        plan.root = self.root.clone();
        plan.providers = self.providers.clone();
        plan.files.extend(self.files.iter().cloned());
        plan.files.sort();
        plan.files.dedup();
    }

    /// How many of the plan's resources this source has a block for.
    pub fn matches(&self, plan: &Document) -> usize {
        plan.resources
            .iter()
            .filter(|r| {
                self.blocks
                    .contains_key(&(strip_keys(&r.module), r.reference.clone()))
            })
            .count()
    }
}

/// An address without its instance keys: `module.a["x"].module.b[0]` -> `module.a.module.b`.
pub fn strip_keys(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut chars = address.chars();
    while let Some(c) = chars.next() {
        if c != '[' {
            out.push(c);
            continue;
        }
        let mut in_string = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_string => {
                    chars.next();
                }
                '"' => in_string = !in_string,
                ']' if !in_string => break,
                _ => {}
            }
        }
    }
    out
}

/// 1-based line and column of byte offset `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

/// The line of the first `"key": "value"` for each string value of `key` in the text.
fn string_lines(text: &str, key: &str) -> HashMap<String, usize> {
    let needle = format!("\"{key}\"");
    let mut out = HashMap::new();
    let mut line = 1;
    let mut last = 0;
    for (at, _) in text.match_indices(&needle) {
        line += text[last..at].matches('\n').count();
        last = at;
        let rest = text[at + needle.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        if !rest.starts_with('"') {
            continue;
        }
        if let Some(Ok(value)) = serde_json::Deserializer::from_str(rest)
            .into_iter::<String>()
            .next()
        {
            out.entry(value).or_insert(line);
        }
    }
    out
}

fn locate(text: &str, rel: &str, needle: &str) -> Location {
    match text.find(needle) {
        Some(at) => {
            let (line, column) = line_col(text, at);
            Location::at(rel, line, column)
        }
        None => Location::file(rel),
    }
}

fn invalid(rel: &str, text: &str, field: &str, message: String) -> Diagnostic {
    Diagnostic::error(Code::PlanInvalid, message)
        .at(locate(text, rel, &format!("\"{field}\"")))
        .help("give the unmodified output of `terraform show -json PLANFILE` or `tofu show -json PLANFILE`")
}

/// Reads a plan. `rel` is how diagnostics and resources name the file ([`Source::apply`] points
/// them into the HCL the plan was made from). `Err` when nothing of the plan can be judged;
/// problems with single entries come back beside the document.
pub fn load(rel: &str, text: &str) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let plan: J = serde_json::from_str(text).map_err(|e| {
        Diagnostic::error(Code::JsonSyntax, format!("invalid plan JSON: {e}"))
            .at(Location::at(rel, e.line(), e.column()))
            .help("give a complete `terraform show -json PLANFILE` output; a truncated file cannot be judged")
    })?;
    let Some(top) = plan.as_object() else {
        return Err(invalid(
            rel,
            text,
            "",
            "not a Terraform plan: the JSON is not an object".into(),
        ));
    };
    let version = match top.get("format_version") {
        Some(J::String(v)) => v.clone(),
        _ => {
            return Err(invalid(
                rel,
                text,
                "format_version",
                "not a Terraform plan: no string `format_version`".into(),
            ))
        }
    };
    if !matches!(version.split('.').next(), Some("0" | "1")) {
        return Err(invalid(
            rel,
            text,
            "format_version",
            format!("plan format_version {version:?} is not supported; rungs reads 0.1 to 1.x"),
        ));
    }
    if !top.contains_key("planned_values") {
        return Err(invalid(
            rel,
            text,
            "format_version",
            "not a Terraform plan: no `planned_values` (a state file from `terraform show -json` without a plan?)".into(),
        ));
    }
    let mut diagnostics = Vec::new();
    let mut field = |name: &str, want: &str, value: Option<&J>| -> bool {
        let ok = match (want, value) {
            (_, None | Some(J::Null)) => true,
            ("object", Some(v)) => v.is_object(),
            (_, Some(v)) => v.is_array(),
        };
        if !ok {
            diagnostics.push(invalid(
                rel,
                text,
                name,
                format!("invalid plan: `{name}` is not {want}; it was not read"),
            ));
        }
        ok
    };
    let ok_changes = field("resource_changes", "a list", top.get("resource_changes"));
    let ok_planned = field("planned_values", "object", top.get("planned_values"));
    let ok_config = field("configuration", "object", top.get("configuration"));
    let ok_prior = field("prior_state", "object", top.get("prior_state"));

    let lines = string_lines(text, "address");
    let configuration = top.get("configuration").filter(|_| ok_config);
    let expressions = configured_resources(configuration);
    let mut builder = Builder {
        rel,
        lines: &lines,
        expressions: &expressions,
        seen: BTreeSet::new(),
        resources: Vec::new(),
        diagnostics: Vec::new(),
    };
    if ok_changes {
        for rc in top
            .get("resource_changes")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
        {
            builder.change(rc);
        }
    }
    // Resources without a change entry (older formats list only changes).
    if ok_planned {
        let planned = top.get("planned_values").and_then(|p| p.get("root_module"));
        builder.module_values(planned, false);
    }
    // Data sources read while planning are only in the prior state.
    if ok_prior {
        let prior = top
            .get("prior_state")
            .and_then(|p| p.get("values"))
            .and_then(|v| v.get("root_module"));
        builder.module_values(prior, true);
    }
    let Builder {
        mut resources,
        diagnostics: mut entry_problems,
        ..
    } = builder;
    diagnostics.append(&mut entry_problems);
    resources.sort_by(|a, b| a.address.cmp(&b.address));

    let mut module_calls = Vec::new();
    let sources = string_lines(text, "source");
    if let Some(root) = configuration.and_then(|c| c.get("root_module")) {
        calls(root, "", rel, &sources, &mut module_calls);
    }
    let providers = plan_providers(configuration, rel, text);
    let required_providers = plan_required_providers(configuration, rel, text);
    Ok((
        Document {
            schema_version: SCHEMA_VERSION,
            root: rel.to_string(),
            files: vec![rel.to_string()],
            // Inline waivers are HCL comments.
            waiver_files: Vec::new(),
            resources,
            module_calls,
            providers,
            required_providers,
        },
        diagnostics,
    ))
}

/// `configuration` resources' `expressions`, by (module path without keys, module-local address).
fn configured_resources(configuration: Option<&J>) -> HashMap<(String, String), &Map<String, J>> {
    fn walk<'j>(
        module: &'j J,
        path: &str,
        out: &mut HashMap<(String, String), &'j Map<String, J>>,
    ) {
        for r in module
            .get("resources")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
        {
            if let (Some(address), Some(expressions)) = (
                r.get("address").and_then(J::as_str),
                r.get("expressions").and_then(J::as_object),
            ) {
                out.insert((path.to_string(), address.to_string()), expressions);
            }
        }
        for (name, call) in module
            .get("module_calls")
            .and_then(J::as_object)
            .into_iter()
            .flatten()
        {
            if let Some(child) = call.get("module") {
                walk(child, &join_module(path, name), out);
            }
        }
    }
    let mut out = HashMap::new();
    if let Some(root) = configuration.and_then(|c| c.get("root_module")) {
        walk(root, "", &mut out);
    }
    out
}

fn join_module(path: &str, name: &str) -> String {
    if path.is_empty() {
        format!("module.{name}")
    } else {
        format!("{path}.module.{name}")
    }
}

fn calls(
    module: &J,
    path: &str,
    rel: &str,
    sources: &HashMap<String, usize>,
    out: &mut Vec<ModuleCall>,
) {
    for (name, call) in module
        .get("module_calls")
        .and_then(J::as_object)
        .into_iter()
        .flatten()
    {
        let address = join_module(path, name);
        let text = call.get("source").and_then(J::as_str).unwrap_or("");
        out.push(ModuleCall {
            address: address.clone(),
            source: text.to_string(),
            // A plan holds every module Terraform loaded.
            resolved: true,
            dir: None,
            file: rel.to_string(),
            line: sources.get(text).copied().unwrap_or(1),
            // The plan's configuration does not record the call's `providers` map.
            providers: BTreeMap::new(),
            own_providers: Vec::new(),
        });
        if let Some(child) = call.get("module") {
            calls(child, &address, rel, sources, out);
        }
    }
}

fn plan_providers(configuration: Option<&J>, rel: &str, text: &str) -> Vec<ProviderConfig> {
    let line = locate(text, rel, "\"provider_config\"").line.unwrap_or(1);
    let mut out: Vec<ProviderConfig> = configuration
        .and_then(|c| c.get("provider_config"))
        .and_then(J::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, p)| p.get("module_address").is_none())
        .filter_map(|(_, p)| {
            Some(ProviderConfig {
                name: p.get("name")?.as_str()?.to_string(),
                alias: p.get("alias").and_then(J::as_str).map(str::to_string),
                file: rel.to_string(),
                line,
                config: p
                    .get("expressions")
                    .and_then(J::as_object)
                    .into_iter()
                    .flatten()
                    .filter_map(|(k, e)| Some((k.clone(), provider_argument(e)?)))
                    .collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.name, &a.alias).cmp(&(&b.name, &b.alias)));
    out
}

/// A provider argument of the plan's configuration: its literal (`constant_value`), else the
/// text of what it refers to, as unknown; nested blocks are left out.
fn provider_argument(expr: &J) -> Option<Val> {
    let map = expr.as_object()?;
    match map.get("constant_value") {
        Some(J::String(s)) => Some(Val::String(s.clone())),
        Some(J::Bool(b)) => Some(Val::Bool(*b)),
        Some(J::Number(n)) => Some(Val::Number(n.as_f64().unwrap_or(f64::NAN))),
        Some(J::Null) => Some(Val::Null),
        Some(_) => Some(Val::Unknown(UNKNOWN.into())),
        None => Expr::of(expr).reference().map(Val::Unknown),
    }
}

/// The root module's providers with their `version_constraint` (the plan's `provider_config`
/// entries without alias: the plan records the constraint and the source per provider).
fn plan_required_providers(
    configuration: Option<&J>,
    rel: &str,
    text: &str,
) -> BTreeMap<String, RequiredProvider> {
    let line = locate(text, rel, "\"provider_config\"").line.unwrap_or(1);
    configuration
        .and_then(|c| c.get("provider_config"))
        .and_then(J::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, p)| p.get("module_address").is_none() && p.get("alias").is_none())
        .filter_map(|(_, p)| {
            let name = p.get("name")?.as_str()?.to_string();
            let text = |k: &str| p.get(k).and_then(J::as_str).map(str::to_string);
            Some((
                name,
                RequiredProvider {
                    source: text("full_name"),
                    version: text("version_constraint"),
                    file: rel.to_string(),
                    line,
                },
            ))
        })
        .collect()
}

struct Builder<'a, 'j> {
    rel: &'a str,
    lines: &'a HashMap<String, usize>,
    expressions: &'a HashMap<(String, String), &'j Map<String, J>>,
    seen: BTreeSet<String>,
    resources: Vec<Resource>,
    diagnostics: Vec<Diagnostic>,
}

/// The identity fields every resource entry needs.
struct Entry<'j> {
    address: &'j str,
    mode: Mode,
    kind: &'j str,
    name: &'j str,
    module: &'j str,
    index: Option<&'j J>,
}

impl<'j> Builder<'_, 'j> {
    /// `module` is the enclosing module's address, for entries without `module_address`.
    fn entry(&mut self, r: &'j J, module: &'j str) -> Option<Entry<'j>> {
        let address = r.get("address").and_then(J::as_str);
        let kind = r.get("type").and_then(J::as_str);
        let name = r.get("name").and_then(J::as_str);
        let mode = match r.get("mode").and_then(J::as_str) {
            Some("managed") => Some(Mode::Managed),
            Some("data") => Some(Mode::Data),
            _ => None,
        };
        match (address, kind, name, mode) {
            (Some(address), Some(kind), Some(name), Some(mode)) => Some(Entry {
                address,
                mode,
                kind,
                name,
                module: r
                    .get("module_address")
                    .and_then(J::as_str)
                    .unwrap_or(module),
                index: r.get("index"),
            }),
            _ => {
                let shown = address.map_or_else(
                    || "a resource entry".to_string(),
                    |a| format!("resource {a}"),
                );
                let location = match address.and_then(|a| self.lines.get(a)) {
                    Some(line) => Location::at(self.rel, *line, 1),
                    None => Location::file(self.rel),
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::PlanInvalid,
                        format!("invalid plan: {shown} lacks a string address, type, name or mode (managed/data); it was not judged"),
                    )
                    .at(location)
                    .help("give the unmodified output of `terraform show -json PLANFILE`"),
                );
                None
            }
        }
    }

    /// One `resource_changes` entry.
    fn change(&mut self, rc: &'j J) {
        let Some(entry) = self.entry(rc, "") else {
            return;
        };
        let change = rc.get("change");
        let actions: Vec<&str> = change
            .and_then(|c| c.get("actions"))
            .and_then(J::as_array)
            .into_iter()
            .flatten()
            .filter_map(J::as_str)
            .collect();
        // Deleted or forgotten: nothing of it will exist after apply.
        let gone = actions.iter().all(|a| matches!(*a, "delete" | "forget")) && !actions.is_empty();
        self.seen.insert(entry.address.to_string());
        if gone {
            return;
        }
        let after = change.and_then(|c| c.get("after"));
        let unknown = change.and_then(|c| c.get("after_unknown"));
        let sensitive = change.and_then(|c| c.get("after_sensitive"));
        self.push(entry, after, unknown, sensitive);
    }

    /// `planned_values` or `prior_state` modules: resources not met in `resource_changes`
    /// (only data sources from the prior state: its managed resources may be deleted).
    fn module_values(&mut self, module: Option<&'j J>, data_only: bool) {
        let Some(module) = module else {
            return;
        };
        let module_address = module.get("address").and_then(J::as_str).unwrap_or("");
        for r in module
            .get("resources")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
        {
            let address = r.get("address").and_then(J::as_str).unwrap_or("");
            if self.seen.contains(address)
                || (data_only && r.get("mode").and_then(J::as_str) != Some("data"))
            {
                continue;
            }
            let Some(entry) = self.entry(r, module_address) else {
                continue;
            };
            self.seen.insert(entry.address.to_string());
            self.push(entry, r.get("values"), None, r.get("sensitive_values"));
        }
        for child in module
            .get("child_modules")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
        {
            self.module_values(Some(child), data_only);
        }
    }

    fn push(
        &mut self,
        entry: Entry<'j>,
        after: Option<&J>,
        unknown: Option<&J>,
        sensitive: Option<&J>,
    ) {
        let reference = match entry.mode {
            Mode::Managed => format!("{}.{}", entry.kind, entry.name),
            Mode::Data => format!("data.{}.{}", entry.kind, entry.name),
        };
        let module_path = strip_keys(entry.module);
        let expressions = self
            .expressions
            .get(&(module_path, reference.clone()))
            .copied();
        let config = match convert(
            after,
            unknown,
            sensitive,
            expressions.map(|m| m as &Map<_, _>).map(Expr::Block),
        ) {
            Some(Val::Object(map)) => map,
            _ => BTreeMap::new(),
        };
        let line = self.lines.get(entry.address).copied().unwrap_or(1);
        let index = entry.index.and_then(|i| match i {
            J::Number(n) => n.as_f64().map(Val::Number),
            J::String(s) => Some(Val::String(s.clone())),
            _ => None,
        });
        self.resources.push(Resource {
            address: entry.address.to_string(),
            reference,
            kind: entry.kind.to_string(),
            name: entry.name.to_string(),
            provider: entry
                .kind
                .split('_')
                .next()
                .unwrap_or(entry.kind)
                .to_string(),
            mode: entry.mode,
            module: entry.module.to_string(),
            file: self.rel.to_string(),
            line,
            end_line: line,
            index,
            count: None,
            for_each: None,
            config,
        });
    }
}

/// The configuration beside a value: the expressions of a block (an object of attribute
/// expressions and nested blocks), or of one attribute.
#[derive(Clone, Copy)]
enum Expr<'j> {
    Block(&'j Map<String, J>),
    Attribute(&'j J),
}

impl<'j> Expr<'j> {
    /// What the configuration says about `key` of this block.
    fn key(self, key: &str) -> Option<Expr<'j>> {
        let Expr::Block(map) = self else {
            return None;
        };
        Some(Expr::of(map.get(key)?))
    }

    /// The configuration of the `i`th nested block.
    fn item(self, i: usize) -> Option<Expr<'j>> {
        match self {
            Expr::Attribute(J::Array(blocks)) => Some(Expr::of(blocks.get(i)?)),
            _ => None,
        }
    }

    fn of(j: &'j J) -> Expr<'j> {
        match j {
            J::Object(map)
                if !map.contains_key("references") && !map.contains_key("constant_value") =>
            {
                Expr::Block(map)
            }
            other => Expr::Attribute(other),
        }
    }

    fn reference(self) -> Option<String> {
        let Expr::Attribute(j) = self else {
            return None;
        };
        let first = j.get("references")?.as_array()?.first()?.as_str()?;
        Some(format!("${{{first}}}"))
    }
}

/// One value of the plan as the document holds it; `None` for null or absent.
fn convert(
    after: Option<&J>,
    unknown: Option<&J>,
    sensitive: Option<&J>,
    expr: Option<Expr>,
) -> Option<Val> {
    if sensitive == Some(&J::Bool(true)) {
        return Some(Val::Unknown(
            expr.and_then(Expr::reference)
                .unwrap_or_else(|| SENSITIVE.into()),
        ));
    }
    if unknown == Some(&J::Bool(true)) {
        return Some(Val::Unknown(
            expr.and_then(Expr::reference)
                .unwrap_or_else(|| UNKNOWN.into()),
        ));
    }
    match (after, unknown) {
        (Some(J::Bool(b)), _) => Some(Val::Bool(*b)),
        (Some(J::Number(n)), _) => Some(Val::Number(n.as_f64().unwrap_or(f64::NAN))),
        (Some(J::String(s)), _) => Some(Val::String(s.clone())),
        (Some(J::Array(_)), _) | (None | Some(J::Null), Some(J::Array(_))) => {
            Some(list(after, unknown, sensitive, expr))
        }
        (Some(J::Object(_)), _) | (None | Some(J::Null), Some(J::Object(_))) => {
            Some(object(after, unknown, sensitive, expr))
        }
        _ => None,
    }
}

fn list(after: Option<&J>, unknown: Option<&J>, sensitive: Option<&J>, expr: Option<Expr>) -> Val {
    let items = after.and_then(J::as_array);
    let len = items
        .map_or(0, Vec::len)
        .max(unknown.and_then(J::as_array).map_or(0, Vec::len));
    Val::List(
        (0..len)
            .map(|i| {
                convert(
                    items.and_then(|v| v.get(i)),
                    unknown.and_then(|u| u.get(i)),
                    sensitive.and_then(|s| s.get(i)),
                    expr.and_then(|e| e.item(i)),
                )
                .unwrap_or(Val::Null)
            })
            .collect(),
    )
}

fn object(
    after: Option<&J>,
    unknown: Option<&J>,
    sensitive: Option<&J>,
    expr: Option<Expr>,
) -> Val {
    let fields = after.and_then(J::as_object);
    let mut keys: BTreeSet<&str> = fields
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    keys.extend(
        unknown
            .and_then(J::as_object)
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str()),
    );
    let configured = match expr {
        Some(Expr::Block(map)) => Some(map),
        _ => None,
    };
    let mut out = BTreeMap::new();
    for key in keys {
        let Some(value) = convert(
            fields.and_then(|o| o.get(key)),
            unknown.and_then(|u| u.get(key)),
            sensitive.and_then(|s| s.get(key)),
            expr.and_then(|e| e.key(key)),
        ) else {
            continue;
        };
        // An attribute the configuration does not set is the provider's: keep what it
        // decided, but not its unknowns and empty collections (absent in HCL too).
        let unset = configured.is_some_and(|m| !m.contains_key(key));
        let empty = match &value {
            Val::List(v) => v.is_empty(),
            Val::Object(m) => m.is_empty(),
            Val::Unknown(_) => true,
            _ => false,
        };
        if !(unset && empty) {
            out.insert(key.to_string(), value);
        }
    }
    Val::Object(out)
}
