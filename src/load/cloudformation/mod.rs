//! CloudFormation templates (YAML or JSON) into the document shape: one document per template,
//! one resource per logical id, `config` = its `Properties` with intrinsics resolved where the
//! template alone decides them (parameters with defaults or `--cfn-param`, `Mappings`,
//! `Conditions`), unknown text otherwise (`${Name}`, `${Name.Attr}`), exactly as Terraform
//! unknowns. Short tags (`!Ref`, `!Sub`...) become their long forms first.

mod sam;
#[cfg(test)]
mod tests;

use super::document::{Document, Mode, ProviderConfig, Resource, SCHEMA_VERSION};
use super::terraform::value::Val;
use crate::diagnostics::{Code, Diagnostic, Location};
use serde_json::{Map, Value as J};
use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;
use std::rc::Rc;

/// The `provider` of CloudFormation resources: AWS, but not the Terraform provider, so presence
/// policies written for Terraform types do not judge a template.
pub const PROVIDER: &str = "cloudformation";

/// Whether text looks like a template, before parsing it.
pub fn sniff(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && text.contains("AWS::") && text.contains("Type"))
}

/// Parses YAML or JSON (`json` by name) into JSON values, short tags in long form.
fn parse(rel: &str, text: &str, json: bool) -> Result<J, Diagnostic> {
    if json {
        return serde_json::from_str(text).map_err(|e| {
            Diagnostic::error(Code::JsonSyntax, format!("invalid template JSON: {e}"))
                .at(Location::at(rel, e.line(), e.column()))
                .help("fix the JSON syntax; the rest of the repository was scanned")
        });
    }
    crate::read::check_yaml_nesting(rel, text, Code::TemplateInvalid, "template", "; not read")?;
    let value: yaml_serde::Value = yaml_serde::from_str(text).map_err(|e| {
        let location = match e.location() {
            Some(l) => Location::at(rel, l.line(), l.column()),
            None => Location::file(rel),
        };
        Diagnostic::error(Code::TemplateInvalid, format!("invalid template YAML: {e}"))
            .at(location)
            .help("fix the YAML syntax; the rest of the repository was scanned")
    })?;
    Ok(long_form(&value))
}

fn long_form(v: &yaml_serde::Value) -> J {
    use yaml_serde::Value as Y;
    match v {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(*b),
        Y::Number(n) => n
            .as_i64()
            .map(J::from)
            .or_else(|| n.as_f64().map(J::from))
            .unwrap_or(J::Null),
        Y::String(s) => J::String(s.clone()),
        Y::Sequence(items) => J::Array(items.iter().map(long_form).collect()),
        Y::Mapping(m) => J::Object(m.iter().map(|(k, v)| (key_text(k), long_form(v))).collect()),
        Y::Tagged(t) => {
            let tag = t.tag.to_string();
            let name = tag.trim_start_matches('!');
            let long = match name {
                "Ref" | "Condition" => name.to_string(),
                _ => format!("Fn::{name}"),
            };
            let mut value = long_form(&t.value);
            // `!GetAtt a.b` is `{"Fn::GetAtt": ["a", "b"]}`.
            if long == "Fn::GetAtt" {
                if let J::String(s) = &value {
                    if let Some((a, b)) = s.split_once('.') {
                        value = J::Array(vec![J::from(a), J::from(b)]);
                    }
                }
            }
            J::Object(Map::from_iter([(long, value)]))
        }
    }
}

fn key_text(k: &yaml_serde::Value) -> String {
    match k {
        yaml_serde::Value::String(s) => s.clone(),
        yaml_serde::Value::Number(n) => n.to_string(),
        yaml_serde::Value::Bool(b) => b.to_string(),
        other => yaml_serde::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// A template read and parsed, with the lines of its resources once a walk needs them.
struct Parsed {
    text: String,
    template: Result<J, Diagnostic>,
    lines: OnceCell<HashMap<String, (usize, usize)>>,
}

impl Parsed {
    fn new(rel: &str, text: String) -> Parsed {
        let json = text.trim_start().starts_with('{');
        Parsed {
            template: parse(rel, &text, json),
            text,
            lines: OnceCell::new(),
        }
    }

    fn lines(&self) -> &HashMap<String, (usize, usize)> {
        self.lines.get_or_init(|| resource_lines(&self.text))
    }
}

/// The templates of one scan parsed so far, by scan-root-relative path: each is parsed once,
/// whether it is judged on its own or read into every template that nests it.
#[derive(Default)]
pub struct Templates(RefCell<HashMap<String, Rc<Parsed>>>);

impl Templates {
    /// The template `rel`, parsed from `text()` unless it already was; `Err` from `text` is
    /// returned and nothing is kept.
    fn get<E>(&self, rel: &str, text: impl FnOnce() -> Result<String, E>) -> Result<Rc<Parsed>, E> {
        if let Some(parsed) = self.0.borrow().get(rel) {
            return Ok(parsed.clone());
        }
        let parsed = Rc::new(Parsed::new(rel, text()?));
        self.0.borrow_mut().insert(rel.to_string(), parsed.clone());
        Ok(parsed)
    }
}

/// The first and last line of each logical id under `Resources`, from the text: YAML block
/// style or pretty-printed JSON (a one-line JSON template gives none).
fn resource_lines(text: &str) -> HashMap<String, (usize, usize)> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let key = |l: &str| -> Option<String> {
        let t = l.trim_start();
        let (k, _) = t.split_once(':')?;
        let k = k.trim().trim_matches('"').trim_matches('\'');
        (!k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric())).then(|| k.to_string())
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut out = HashMap::new();
    let Some(start) = lines
        .iter()
        .position(|l| key(l).as_deref() == Some("Resources"))
    else {
        return out;
    };
    let base = indent(lines[start]);
    let mut child: Option<usize> = None;
    let mut open: Option<(String, usize)> = None;
    let mut last_content = start;
    let close = |open: &mut Option<(String, usize)>, end: usize, out: &mut HashMap<_, _>| {
        if let Some((id, first)) = open.take() {
            out.insert(id, (first, end.max(first)));
        }
    };
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let at = indent(line);
        if at <= base {
            break;
        }
        let c = *child.get_or_insert(at);
        if at == c {
            if let Some(id) = key(line) {
                close(&mut open, last_content, &mut out);
                open = Some((id, i + 1));
            }
        }
        last_content = i + 1;
    }
    close(&mut open, last_content, &mut out);
    out
}

/// Reads a template. `params` are `--cfn-param NAME=VALUE`. `Err` when nothing of it can be
/// judged; problems inside it come back beside the document. Nested stacks are not read (a
/// warning says so): [`load_nested`] reads them.
pub fn load(
    rel: &str,
    text: &str,
    params: &[(String, String)],
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    load_nested(rel, text, params, None, &Templates::default())
        .map(|(d, problems, _)| (d, problems))
}

/// Reads a file by its scan-root-relative path, as [`crate::source::Source::read`] does.
pub type Read<'a> = &'a dyn Fn(&str) -> std::io::Result<Vec<u8>>;

/// Nested stacks deeper than this are not read.
pub const MAX_NESTING: usize = 8;

/// Nested templates read into one document at most: stacks nesting the same template many
/// times at every level would otherwise multiply past any memory.
pub const MAX_NESTED_READS: usize = 1000;

/// [`load`], reading the local templates of nested stacks (`AWS::CloudFormation::Stack`
/// `TemplateURL`, `AWS::Serverless::Application` `Location`) with `read` into the same
/// document, their resources addressed `<StackId>.<ChildId>`. Also gives the templates read
/// that way (repo-relative), so a scan does not judge them again on their own. `templates`
/// keeps every template parsed (`rel` and the nested ones) for the other calls of a scan.
pub fn load_nested(
    rel: &str,
    text: &str,
    params: &[(String, String)],
    read: Option<Read>,
    templates: &Templates,
) -> Result<(Document, Vec<Diagnostic>, BTreeSet<String>), Diagnostic> {
    let Ok(parsed) = templates.get(rel, || Ok::<_, Infallible>(text.to_string()));
    let template = parsed.template.as_ref().map_err(Clone::clone)?;
    let top = top_level(rel, template)?;
    // The last `--cfn-param` of a name wins.
    let given: HashMap<String, Option<String>> = params
        .iter()
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    let mut walk = Walk {
        read,
        templates,
        resources: Vec::new(),
        files: vec![rel.to_string()],
        diagnostics: Vec::new(),
        included: BTreeSet::new(),
        stack: vec![rel.to_string()],
        reads: 0,
    };
    walk.template(rel, &parsed, top, &given, "");
    let mut out = walk.resources;
    out.sort_by(|a, b| a.address.cmp(&b.address));
    Ok((
        Document {
            schema_version: SCHEMA_VERSION,
            root: rel.to_string(),
            files: walk.files,
            // Inline waivers are HCL comments.
            waiver_files: Vec::new(),
            resources: out,
            module_calls: Vec::new(),
            // A template is deployed as it is, as a root module with a provider would be.
            providers: vec![ProviderConfig {
                name: PROVIDER.into(),
                alias: None,
                file: rel.to_string(),
                line: 1,
                config: BTreeMap::new(),
            }],
            required_providers: BTreeMap::new(),
        },
        walk.diagnostics,
        walk.included,
    ))
}

/// The top-level mapping of a parsed template, when it has `Resources`.
fn top_level<'a>(rel: &str, template: &'a J) -> Result<&'a Map<String, J>, Diagnostic> {
    let invalid = |message: &str| {
        Diagnostic::error(Code::TemplateInvalid, message)
            .at(Location::file(rel))
            .help("see the AWS CloudFormation template anatomy; the rest of the repository was scanned")
    };
    let Some(top) = template.as_object() else {
        return Err(invalid("not a CloudFormation template: not a mapping"));
    };
    if !top.get("Resources").is_some_and(J::is_object) {
        return Err(invalid(
            "not a CloudFormation template: no `Resources` mapping",
        ));
    }
    Ok(top)
}

/// One template and the templates it nests, read into one list of resources.
struct Walk<'a> {
    read: Option<Read<'a>>,
    templates: &'a Templates,
    resources: Vec<Resource>,
    files: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    included: BTreeSet<String>,
    /// The templates being read, outermost first: a template met again is a cycle.
    stack: Vec<String>,
    /// Nested templates read so far, up to [`MAX_NESTED_READS`].
    reads: usize,
}

impl Walk<'_> {
    /// The resources of the template `rel`, addressed under `prefix` (`""`, or `Stack.` for
    /// a nested one), with `given` parameter values (`None`: passed but unknown).
    fn template(
        &mut self,
        rel: &str,
        parsed: &Parsed,
        top: &Map<String, J>,
        given: &HashMap<String, Option<String>>,
        prefix: &str,
    ) {
        let (text, lines) = (&parsed.text, parsed.lines());
        let mut ctx = Context {
            params: parameters(top.get("Parameters"), given),
            conditions: top
                .get("Conditions")
                .and_then(J::as_object)
                .cloned()
                .unwrap_or_default(),
            mappings: top.get("Mappings").cloned().unwrap_or(J::Null),
            decided: HashMap::new(),
            deciding: BTreeSet::new(),
            diagnostics: Vec::new(),
            at: Location::file(rel),
            prefix: prefix.to_string(),
        };
        // SAM `Globals`, resolved like properties; they apply under each serverless resource's own.
        let globals = match top.get("Globals").map(|g| ctx.resolve(g, 0)) {
            Some(Some(Val::Object(map))) => map,
            _ => BTreeMap::new(),
        };
        let resources = top.get("Resources").and_then(J::as_object);
        for (id, body) in resources.into_iter().flatten() {
            let (line, end_line) = lines.get(id).copied().unwrap_or((1, 1));
            ctx.at = Location::at(rel, line, 1);
            let Some(kind) = body.get("Type").and_then(J::as_str) else {
                ctx.diagnostics.push(
                    Diagnostic::error(
                        Code::TemplateInvalid,
                        format!("resource {prefix}{id} has no string `Type`; it was not judged"),
                    )
                    .at(ctx.at.clone()),
                );
                continue;
            };
            if let Some(J::String(condition)) = body.get("Condition") {
                if ctx.condition(condition) == Some(false) {
                    continue;
                }
            }
            let config = match body.get("Properties").map(|p| ctx.resolve(p, 0)) {
                Some(Some(Val::Object(map))) => map,
                _ => BTreeMap::new(),
            };
            let url_key = match kind {
                "AWS::CloudFormation::Stack" => Some("TemplateURL"),
                "AWS::Serverless::Application" => Some("Location"),
                _ => None,
            };
            if let Some(key) = url_key {
                let at = Location::at(rel, key_line(text, line, end_line, key).unwrap_or(line), 1);
                self.nested(rel, &format!("{prefix}{id}"), key, &config, at);
            }
            for (address, kind, config) in sam::expand(id, kind, config, &globals) {
                let address = format!("{prefix}{address}");
                self.resources.push(Resource {
                    address: address.clone(),
                    reference: address.clone(),
                    kind,
                    name: address,
                    provider: PROVIDER.into(),
                    mode: Mode::Managed,
                    module: String::new(),
                    file: rel.to_string(),
                    line,
                    end_line,
                    index: None,
                    count: None,
                    for_each: None,
                    config,
                });
            }
        }
        self.diagnostics.append(&mut ctx.diagnostics);
    }

    /// The nested stack `address` of template `rel`: its template read under `address.`
    /// when it is a local file inside the scan root, a located diagnostic otherwise.
    fn nested(
        &mut self,
        rel: &str,
        address: &str,
        key: &str,
        config: &BTreeMap<String, Val>,
        at: Location,
    ) {
        let not_read = |error: bool, message: String, help: &str| {
            let d = if error {
                Diagnostic::error(Code::TemplateInvalid, message)
            } else {
                Diagnostic::warning(Code::TemplateInvalid, message)
            };
            d.at(at.clone()).help(help)
        };
        let url = match config.get(key) {
            Some(Val::String(url)) => url.trim(),
            Some(Val::Object(_)) => {
                self.diagnostics.push(not_read(
                    false,
                    format!("nested application {address} comes from the Serverless Application Repository; it was not fetched and its resources were not judged"),
                    "scan the application's template on its own",
                ));
                return;
            }
            other => {
                let shown = match other {
                    Some(Val::Unknown(text)) => format!("`{text}`"),
                    Some(v) => format!("a {}", v.type_name()),
                    None => "none".to_string(),
                };
                self.diagnostics.push(not_read(
                    false,
                    format!("nested stack {address}: `{key}` is not known at scan time ({shown}); its resources were not judged"),
                    "give the template's path relative to this template, e.g. `./network.yaml`",
                ));
                return;
            }
        };
        let lower = url.to_ascii_lowercase();
        if ["http://", "https://", "s3://"]
            .iter()
            .any(|s| lower.starts_with(s))
        {
            self.diagnostics.push(not_read(
                false,
                format!("nested stack {address}: remote template {url} is not fetched; its resources were not judged"),
                "scan that template on its own, or keep a local copy beside this one and point `TemplateURL` at it",
            ));
            return;
        }
        let Some(child) = resolve_path(rel, url) else {
            self.diagnostics.push(not_read(
                true,
                format!("nested stack {address}: {url} is an absolute path or outside the scan root; it was not read"),
                "give a path relative to this template that stays inside the scanned directory",
            ));
            return;
        };
        let Some(read) = self.read else {
            self.diagnostics.push(not_read(
                false,
                format!("nested stack {address}: {child} is not read when one template is scanned; its resources were not judged"),
                "scan the directory holding both templates",
            ));
            return;
        };
        if let Some(i) = self.stack.iter().position(|t| *t == child) {
            let mut chain = self.stack[i..].to_vec();
            chain.push(child);
            self.diagnostics.push(not_read(
                true,
                format!(
                    "nested stacks form a cycle ({}); {address} was not read again",
                    chain.join(" includes ")
                ),
                "CloudFormation cannot deploy a stack that contains itself; break the cycle",
            ));
            return;
        }
        if self.stack.len() > MAX_NESTING {
            self.diagnostics.push(not_read(
                true,
                format!("nested stack {address}: stacks nested deeper than {MAX_NESTING} levels; {child} was not read"),
                "flatten the nesting",
            ));
            return;
        }
        if self.reads >= MAX_NESTED_READS {
            // Said once: every stack past the budget would repeat it.
            if self.reads == MAX_NESTED_READS {
                self.diagnostics.push(not_read(
                    true,
                    format!("more than {MAX_NESTED_READS} nested stacks in {}; {address} and the stacks after it were not read", self.stack[0]),
                    "nest fewer copies of the same templates",
                ));
            }
            self.reads += 1;
            return;
        }
        self.reads += 1;
        let parsed = self.templates.get(&child, || match read(&child) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
                not_read(
                    true,
                    format!("nested stack {address}: {child} is not valid UTF-8; it was not read"),
                    "fix the template's encoding",
                )
            }),
            Err(e) => {
                let (code, message) = if e.kind() == std::io::ErrorKind::NotFound {
                    (Code::TemplateInvalid, format!("nested stack {address}: template {child} not found; its resources were not judged"))
                } else {
                    (
                        crate::read::ReadError::code_of(&e, Code::Unreadable),
                        format!("nested stack {address}: cannot read {child}: {e}; its resources were not judged"),
                    )
                };
                Err(Diagnostic::error(code, message)
                    .at(at.clone())
                    .help("point `TemplateURL` at a template inside the scanned directory"))
            }
        });
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        let template = match &parsed.template {
            Ok(t) => t,
            Err(d) => {
                self.diagnostics.push(d.clone());
                return;
            }
        };
        let top = match top_level(&child, template) {
            Ok(top) => top,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        // The parent's `Parameters`: known values as text, intrinsics it cannot resolve unknown.
        let given: HashMap<String, Option<String>> = match config.get("Parameters") {
            Some(Val::Object(map)) => map
                .iter()
                .map(|(k, v)| (k.clone(), param_text(v)))
                .collect(),
            _ => HashMap::new(),
        };
        self.included.insert(child.clone());
        if !self.files.contains(&child) {
            self.files.push(child.clone());
        }
        self.stack.push(child.clone());
        self.template(&child, &parsed, top, &given, &format!("{address}."));
        self.stack.pop();
    }
}

/// A parameter value passed to a nested stack as CloudFormation passes it, text; `None`
/// when it is not known.
fn param_text(v: &Val) -> Option<String> {
    match v {
        Val::List(items) => items
            .iter()
            .map(Val::to_tf_string)
            .collect::<Option<Vec<_>>>()
            .map(|parts| parts.join(",")),
        other => other.to_tf_string(),
    }
}

/// `url` relative to the directory of `rel`, normalised; `None` when it is absolute or leaves
/// the scan root.
fn resolve_path(rel: &str, url: &str) -> Option<String> {
    let url = url.strip_prefix("file://").unwrap_or(url);
    if url.is_empty() || url.starts_with('/') || url.starts_with('\\') || url.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    for part in url.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The line (1-based) of `key:` between `first` and `last`, in YAML or JSON text.
fn key_line(text: &str, first: usize, last: usize, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    text.lines()
        .enumerate()
        .skip(first.saturating_sub(1))
        .take(last + 1 - first.min(last))
        .find(|(_, l)| {
            let t = l.trim_start().trim_start_matches("- ");
            t.starts_with(&format!("{key}:")) || t.starts_with(&quoted)
        })
        .map(|(i, _)| i + 1)
}

/// Parameter values: given (`--cfn-param`, or a parent stack's `Parameters`; `None` there is
/// passed but unknown), else `Default`, else unknown (`None`).
fn parameters(
    declared: Option<&J>,
    given: &HashMap<String, Option<String>>,
) -> HashMap<String, Option<Val>> {
    let mut out = HashMap::new();
    for (name, p) in declared.and_then(J::as_object).into_iter().flatten() {
        let kind = p.get("Type").and_then(J::as_str).unwrap_or("String");
        let text = match given.get(name) {
            Some(passed) => passed.clone(),
            None => match p.get("Default") {
                Some(J::String(s)) => Some(s.clone()),
                Some(J::Number(n)) => Some(n.to_string()),
                Some(J::Bool(b)) => Some(b.to_string()),
                Some(J::Array(items)) => Some(
                    items
                        .iter()
                        .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                _ => None,
            },
        };
        let value = text.map(|t| {
            if kind == "Number" {
                t.trim()
                    .parse::<f64>()
                    .map_or(Val::String(t.clone()), Val::Number)
            } else if kind == "CommaDelimitedList" || kind.starts_with("List<") {
                Val::List(
                    t.split(',')
                        .map(|s| Val::String(s.trim().to_string()))
                        .collect(),
                )
            } else {
                Val::String(t)
            }
        });
        out.insert(name.clone(), value);
    }
    out
}

/// Nesting past which a value is not resolved (the parsers stop at 128 already).
const MAX_DEPTH: usize = 256;

struct Context {
    params: HashMap<String, Option<Val>>,
    conditions: Map<String, J>,
    mappings: J,
    decided: HashMap<String, Option<bool>>,
    deciding: BTreeSet<String>,
    diagnostics: Vec<Diagnostic>,
    /// The resource being resolved, for diagnostics.
    at: Location,
    /// `Stack.` in a nested template: its references read `${Stack.Id}`, as its resources
    /// are addressed, so policies match references to addresses.
    prefix: String,
}

fn unknown(text: impl std::fmt::Display) -> Val {
    Val::Unknown(format!("${{{text}}}"))
}

fn known(v: &Val) -> bool {
    !v.contains_unknown()
}

impl Context {
    /// A logical id or parameter as unknown text names it; pseudo parameters keep theirs.
    fn named(&self, name: &str) -> String {
        if name.starts_with("AWS::") {
            name.to_string()
        } else {
            format!("{}{name}", self.prefix)
        }
    }

    /// A value with its intrinsics resolved; `None` for `AWS::NoValue` (the key is dropped).
    fn resolve(&mut self, j: &J, depth: usize) -> Option<Val> {
        if depth > MAX_DEPTH {
            return Some(unknown("too deep"));
        }
        match j {
            J::Null => Some(Val::Null),
            J::Bool(b) => Some(Val::Bool(*b)),
            J::Number(n) => Some(Val::Number(n.as_f64().unwrap_or(f64::NAN))),
            J::String(s) => Some(Val::String(s.clone())),
            J::Array(items) => Some(Val::List(
                items
                    .iter()
                    .filter_map(|i| self.resolve(i, depth + 1))
                    .collect(),
            )),
            J::Object(map) => {
                if map.len() == 1 {
                    let (k, v) = map.iter().next().expect("one entry");
                    if k == "Ref" || k.starts_with("Fn::") || (k == "Condition" && v.is_string()) {
                        return self.intrinsic(k, v, depth);
                    }
                }
                Some(Val::Object(
                    map.iter()
                        .filter_map(|(k, v)| Some((k.clone(), self.resolve(v, depth + 1)?)))
                        .collect(),
                ))
            }
        }
    }

    fn args(&mut self, v: &J, depth: usize) -> Vec<Val> {
        match v {
            J::Array(items) => items
                .iter()
                .map(|i| self.resolve(i, depth + 1).unwrap_or(Val::Null))
                .collect(),
            other => vec![self.resolve(other, depth + 1).unwrap_or(Val::Null)],
        }
    }

    fn intrinsic(&mut self, name: &str, v: &J, depth: usize) -> Option<Val> {
        let value = match name {
            "Ref" => {
                let target = v.as_str().unwrap_or("?");
                if target == "AWS::NoValue" {
                    return None;
                }
                match self.params.get(target) {
                    Some(Some(value)) => value.clone(),
                    _ => unknown(self.named(target)),
                }
            }
            "Condition" => match self.condition(v.as_str().unwrap_or("")) {
                Some(b) => Val::Bool(b),
                None => unknown(format_args!("Condition {}", v.as_str().unwrap_or(""))),
            },
            "Fn::GetAtt" => match v {
                J::Array(parts) => unknown(
                    self.named(
                        &parts
                            .iter()
                            .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string))
                            .collect::<Vec<_>>()
                            .join("."),
                    ),
                ),
                J::String(s) => unknown(self.named(s)),
                _ => unknown("Fn::GetAtt"),
            },
            "Fn::Sub" => self.sub(v, depth),
            "Fn::Join" => {
                let args = self.args(v, depth);
                match (args.first(), args.get(1)) {
                    (Some(Val::String(sep)), Some(Val::List(items))) => {
                        let parts: Option<Vec<String>> = items
                            .iter()
                            .map(|i| match i {
                                Val::Unknown(t) => Some(t.clone()),
                                other => other.to_tf_string(),
                            })
                            .collect();
                        parts.map_or_else(|| unknown("Fn::Join"), |p| Val::String(p.join(sep)))
                    }
                    _ => unknown("Fn::Join"),
                }
            }
            "Fn::Select" => {
                let args = self.args(v, depth);
                match (args.first().and_then(Val::to_tf_number), args.get(1)) {
                    (Some(i), Some(Val::List(items))) if i >= 0.0 => items
                        .get(i as usize)
                        .cloned()
                        .unwrap_or_else(|| unknown("Fn::Select")),
                    _ => unknown("Fn::Select"),
                }
            }
            "Fn::Split" => {
                let args = self.args(v, depth);
                match (args.first(), args.get(1)) {
                    (Some(Val::String(sep)), Some(Val::String(s))) if !sep.is_empty() => Val::List(
                        s.split(sep.as_str())
                            .map(|p| Val::String(p.into()))
                            .collect(),
                    ),
                    _ => unknown("Fn::Split"),
                }
            }
            "Fn::If" => {
                let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
                let (Some(cond), Some(a), Some(b)) = (
                    items.first().and_then(J::as_str),
                    items.get(1),
                    items.get(2),
                ) else {
                    return Some(unknown("Fn::If"));
                };
                match self.condition(cond) {
                    Some(true) => return self.resolve(a, depth + 1),
                    Some(false) => return self.resolve(b, depth + 1),
                    None => {
                        // Both branches equal: the condition does not matter.
                        let (x, y) = (self.resolve(a, depth + 1), self.resolve(b, depth + 1));
                        if x == y && x.as_ref().is_none_or(known) {
                            return x;
                        }
                        unknown(format_args!("Fn::If {cond}"))
                    }
                }
            }
            "Fn::FindInMap" => {
                let args = self.args(v, depth);
                let keys: Option<Vec<String>> =
                    args.iter().take(3).map(Val::to_tf_string).collect();
                match keys.filter(|k| k.len() == 3) {
                    Some(k) => match self
                        .mappings
                        .get(&k[0])
                        .and_then(|m| m.get(&k[1]))
                        .and_then(|m| m.get(&k[2]))
                    {
                        Some(found) => {
                            let found = found.clone();
                            return self.resolve(&found, depth + 1);
                        }
                        None => unknown("Fn::FindInMap"),
                    },
                    None => unknown("Fn::FindInMap"),
                }
            }
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" => match self.boolean(name, v, depth) {
                Some(b) => Val::Bool(b),
                None => unknown(name),
            },
            "Fn::ImportValue" | "Fn::GetAZs" | "Fn::Cidr" | "Fn::Base64" | "Fn::Transform"
            | "Fn::Length" | "Fn::ToJsonString" | "Fn::ForEach" => unknown(name),
            other => {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::TemplateInvalid,
                        format!("unknown intrinsic function {other}; its value is unknown"),
                    )
                    .at(self.at.clone())
                    .help("use a function CloudFormation defines (Ref, Fn::Sub, Fn::GetAtt, Fn::If, ...)"),
                );
                unknown(other)
            }
        };
        Some(value)
    }

    fn sub(&mut self, v: &J, depth: usize) -> Val {
        let (template, vars) = match v {
            J::String(s) => (s.as_str(), Map::new()),
            J::Array(items) => match (items.first().and_then(J::as_str), items.get(1)) {
                (Some(s), Some(J::Object(m))) => (s, m.clone()),
                (Some(s), None) => (s, Map::new()),
                _ => return unknown("Fn::Sub"),
            },
            _ => return unknown("Fn::Sub"),
        };
        let mut out = String::new();
        let mut rest = template;
        while let Some(i) = rest.find("${") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[i..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            let value = if let Some(literal) = name.strip_prefix('!') {
                Some(format!("${{{literal}}}"))
            } else if let Some(j) = vars.get(name) {
                let j = j.clone();
                self.resolve(&j, depth + 1).and_then(|v| match v {
                    Val::Unknown(t) => Some(t),
                    other => other.to_tf_string(),
                })
            } else {
                match self.params.get(name) {
                    Some(Some(v)) => v.to_tf_string(),
                    _ => None,
                }
            };
            out.push_str(&value.unwrap_or_else(|| format!("${{{}}}", self.named(name))));
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        if out.contains("${") {
            Val::Unknown(out)
        } else {
            Val::String(out)
        }
    }

    fn boolean(&mut self, name: &str, v: &J, depth: usize) -> Option<bool> {
        let items = v.as_array()?;
        match name {
            "Fn::Equals" => {
                let a = self.resolve(items.first()?, depth + 1)?;
                let b = self.resolve(items.get(1)?, depth + 1)?;
                if !known(&a) || !known(&b) {
                    return None;
                }
                Some(match (a.to_tf_string(), b.to_tf_string()) {
                    (Some(x), Some(y)) => x == y,
                    _ => a == b,
                })
            }
            "Fn::Not" => self.truth(items.first()?, depth).map(|b| !b),
            "Fn::And" | "Fn::Or" => {
                let values: Vec<Option<bool>> =
                    items.iter().map(|i| self.truth(i, depth)).collect();
                let decisive = name == "Fn::Or";
                if values.contains(&Some(decisive)) {
                    Some(decisive)
                } else if values.iter().all(Option::is_some) {
                    Some(!decisive)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn truth(&mut self, j: &J, depth: usize) -> Option<bool> {
        match self.resolve(j, depth + 1)? {
            Val::Bool(b) => Some(b),
            other => other.to_tf_bool(),
        }
    }

    /// A named condition, `None` when unknown (or in a cycle, or not defined).
    fn condition(&mut self, name: &str) -> Option<bool> {
        if let Some(d) = self.decided.get(name) {
            return *d;
        }
        if !self.deciding.insert(name.to_string()) {
            return None;
        }
        let decided = match self.conditions.get(name).cloned() {
            Some(expr) => self.truth(&expr, 0),
            None => {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::TemplateInvalid,
                        format!(
                            "condition {name} is not defined under `Conditions`; it is unknown"
                        ),
                    )
                    .at(self.at.clone()),
                );
                None
            }
        };
        self.deciding.remove(name);
        self.decided.insert(name.to_string(), decided);
        decided
    }
}
