//! Kubernetes manifests (YAML, multi-document, `List` kinds, or JSON) into the document shape.
//! A file is read into objects here; [`document`] joins the objects of one directory into one
//! document, so policies can ask whether a namespace has a NetworkPolicy at all.
//!
//! One resource per object: `type` is its `kind`, the address `Kind.namespace.name` (namespaced
//! kinds; `default` when `metadata.namespace` is absent, written into `config` too) or
//! `Kind.name` (cluster-scoped kinds), `config` the whole object. Strings holding `{{` (an
//! unrendered Helm or Go template) become unknown text `${template ...}`; strings holding `${`
//! (envsubst placeholders) are unknown as they are, as in Terraform.

#[cfg(test)]
mod tests;

use super::document::{Document, Mode, ProviderConfig, Resource, SCHEMA_VERSION};
use super::terraform::value::Val;
use crate::diagnostics::{Code, Diagnostic, Location};
use std::collections::{BTreeMap, HashMap};

/// The `provider` of manifest resources.
pub const PROVIDER: &str = "kubernetes";

/// Kinds that live outside namespaces: their address has no namespace part.
const CLUSTER_SCOPED: &[&str] = &[
    "APIService",
    "CertificateSigningRequest",
    "ClusterIssuer",
    "ClusterRole",
    "ClusterRoleBinding",
    "ComponentStatus",
    "CSIDriver",
    "CSINode",
    "CustomResourceDefinition",
    "FlowSchema",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "RuntimeClass",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
];

/// Whether objects of `kind` are namespaced (any kind not known to be cluster-scoped).
pub fn namespaced(kind: &str) -> bool {
    !CLUSTER_SCOPED.contains(&kind)
}

/// Whether text looks like manifests: a top-level `apiVersion` with `kind` or `metadata`
/// (a Helm `Chart.yaml` has `apiVersion` alone), or a JSON object with those keys.
pub fn sniff(text: &str) -> bool {
    if text.trim_start().starts_with('{') {
        return text.contains("\"apiVersion\"")
            && (text.contains("\"kind\"") || text.contains("\"metadata\""));
    }
    let top = |key: &str| {
        text.lines()
            .any(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
    };
    top("apiVersion") && (top("kind") || top("metadata"))
}

/// One object of a manifest file, before it joins its directory's document.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub resource: Resource,
}

/// Reads one file into objects. `Err` when nothing of it could be read; problems with single
/// documents come back beside the objects that were read.
pub fn load(rel: &str, text: &str) -> Result<(Vec<Object>, Vec<Diagnostic>), Diagnostic> {
    crate::read::check_yaml_nesting(rel, text, Code::ManifestInvalid, "manifest", "; not read")?;
    let mut objects = Vec::new();
    let mut diagnostics = Vec::new();
    if text.trim_start().starts_with('{') {
        let value: yaml_serde::Value = serde_json::from_str::<serde_json::Value>(text)
            .map_err(|e| {
                Diagnostic::error(Code::JsonSyntax, format!("invalid manifest JSON: {e}"))
                    // serde_json counts the column of an end of input from 0.
                    .at(Location::at(rel, e.line(), e.column().max(1)))
                    .help("fix the JSON syntax; the rest of the repository was scanned")
            })
            .and_then(|j| {
                yaml_serde::to_value(j).map_err(|e| {
                    Diagnostic::error(Code::ManifestInvalid, format!("unreadable manifest: {e}"))
                        .at(Location::file(rel))
                })
            })?;
        let last = text.lines().count().max(1);
        read_document(rel, text, 1, last, &value, &mut objects, &mut diagnostics);
        return Ok((objects, diagnostics));
    }
    for (start, body) in split(text) {
        let value: yaml_serde::Value = match yaml_serde::from_str(&body) {
            Ok(v) => v,
            Err(e) => {
                let location = match e.location() {
                    Some(l) => Location::at(rel, start + l.line() - 1, l.column()),
                    None => Location::at(rel, start, 1),
                };
                diagnostics.push(
                    Diagnostic::error(
                        Code::ManifestInvalid,
                        format!(
                            "invalid manifest YAML: {}; this document was not judged",
                            without_position(&e.to_string())
                        ),
                    )
                    .at(location)
                    .help(help_for(&body)),
                );
                continue;
            }
        };
        let Some((first, last)) = content_lines(&body) else {
            continue;
        };
        read_document(
            rel,
            &body,
            start + first - 1,
            start + last - 1,
            &value,
            &mut objects,
            &mut diagnostics,
        );
    }
    Ok((objects, diagnostics))
}

/// A YAML error message without its positions (" at line L column C"): the reader counts from
/// the start of the document, the diagnostic's location from the start of the file.
fn without_position(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let mut skip = digits(after);
        if let Some(col) = after[skip..].strip_prefix(" column ") {
            skip += " column ".len() + digits(col);
        }
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

fn help_for(body: &str) -> String {
    if body.contains("{{") {
        "this looks like an unrendered Helm or Go template: scan the rendered output (`helm template ... > out.yaml`)".into()
    } else {
        "fix the YAML syntax; the other documents and the rest of the repository were scanned"
            .into()
    }
}

/// The documents of a YAML stream: (first line, text), split at `---` and `...` markers at
/// the start of a line. Lines keep their numbers: text before a document in the same
/// line as its marker (`--- # comment`) keeps its columns.
fn split(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 1;
    for (i, line) in text.lines().enumerate() {
        let marker = ["---", "..."].iter().find(|m| {
            line.strip_prefix(**m)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        });
        match marker {
            Some(m) => {
                if !current.trim().is_empty() {
                    out.push((start, std::mem::take(&mut current)));
                }
                current.clear();
                start = i + 1;
                if *m == "---" {
                    current.push_str("   ");
                    current.push_str(&line[3..]);
                }
                current.push('\n');
            }
            None => {
                current.push_str(line);
                current.push('\n');
            }
        }
    }
    if !current.trim().is_empty() {
        out.push((start, current));
    }
    out
}

/// First and last line (1-based, in `body`) holding something other than blanks and comments.
fn content_lines(body: &str) -> Option<(usize, usize)> {
    let content = |l: &&str| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    };
    let lines: Vec<&str> = body.lines().collect();
    let first = lines.iter().position(&content)?;
    let last = lines.iter().rposition(content)?;
    Some((first + 1, last + 1))
}

/// Reads one YAML document: an object, or a `List` of them.
fn read_document(
    rel: &str,
    body: &str,
    line: usize,
    end_line: usize,
    value: &yaml_serde::Value,
    objects: &mut Vec<Object>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    use yaml_serde::Value as Y;
    let at = Location::at(rel, line, 1);
    let Y::Mapping(map) = value else {
        if !matches!(value, Y::Null) {
            diagnostics.push(
                Diagnostic::error(
                    Code::ManifestInvalid,
                    "manifest document is not a mapping (a Kubernetes object); not judged",
                )
                .at(at)
                .help("each document of a manifest file is one object with apiVersion, kind and metadata"),
            );
        }
        return;
    };
    let kind = map.get("kind").and_then(Y::as_str);
    let items = map.get("items").and_then(Y::as_sequence);
    if let (Some(kind), Some(items)) = (kind, items) {
        if kind == "List" || kind.ends_with("List") {
            let starts = item_lines(body, line);
            for (i, item) in items.iter().enumerate() {
                let (first, last) = starts.get(i).copied().unwrap_or((line, end_line));
                read_object(rel, first, last, item, objects, diagnostics);
            }
            return;
        }
    }
    read_object(rel, line, end_line, value, objects, diagnostics);
}

/// The line ranges of the items of a `List`'s top-level `items:` sequence, in block style
/// (a list in flow style or in JSON gives none, and its items take the List's lines).
fn item_lines(body: &str, offset: usize) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = body.lines().collect();
    let Some(start) = lines.iter().position(|l| l.starts_with("items:")) else {
        return Vec::new();
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut dash: Option<usize> = None;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let indent = l.len() - t.len();
        if indent == 0 && !t.starts_with('-') {
            break;
        }
        let line = offset + i;
        if (t.starts_with("- ") || t == "-") && dash.is_none_or(|d| d == indent) {
            dash = Some(indent);
            out.push((line, line));
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.1 = line;
        }
    }
    out
}

fn read_object(
    rel: &str,
    line: usize,
    end_line: usize,
    value: &yaml_serde::Value,
    objects: &mut Vec<Object>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = Location::at(rel, line, 1);
    let bad = |message: String| {
        Diagnostic::error(Code::ManifestInvalid, message)
            .at(at.clone())
            .help("give every object a string apiVersion, kind and metadata.name; the rest was scanned")
    };
    let Val::Object(mut config) = convert(value, 0) else {
        diagnostics.push(bad(
            "List item is not a mapping (a Kubernetes object); not judged".into(),
        ));
        return;
    };
    let api = config.get("apiVersion").and_then(text);
    let kind = config.get("kind").and_then(text);
    let (api, kind) = match (api, kind) {
        (Some(api), Some(kind)) => (api, kind),
        (Some(_), None) => {
            diagnostics.push(bad(
                "manifest has apiVersion but no string `kind`; not judged".into(),
            ));
            return;
        }
        (None, Some(kind)) => {
            diagnostics.push(bad(format!(
                "{kind} manifest has no string `apiVersion`; not judged"
            )));
            return;
        }
        (None, None) => {
            diagnostics.push(bad(
                "manifest document has neither apiVersion nor kind; not judged".into(),
            ));
            return;
        }
    };
    // A kustomization is the recipe of a build, not a cluster object.
    if api.starts_with("kustomize.config.k8s.io/") {
        diagnostics.push(
            Diagnostic::warning(
                Code::ManifestInvalid,
                format!("{kind}: rungs does not build Kustomize overlays; the manifests beside it are judged as written, patches as if they were whole objects"),
            )
            .at(at)
            .help("scan the built output instead: `kustomize build DIR > built.yaml`"),
        );
        return;
    }
    let mut metadata = match config.remove("metadata") {
        Some(Val::Object(m)) => m,
        _ => BTreeMap::new(),
    };
    let name = metadata
        .get("name")
        .and_then(text)
        .or_else(|| {
            metadata
                .get("generateName")
                .and_then(text)
                .map(|g| format!("{g}*"))
        })
        .filter(|n| !n.is_empty());
    // Tool configurations written in the API's style (kubeconfig, kind, kubeadm) have no
    // name: a warning, not an error, as they are not cluster objects.
    let Some(name) = name else {
        diagnostics.push(
            Diagnostic::warning(
                Code::ManifestInvalid,
                format!("{kind} has no metadata.name (nor generateName): not a cluster object; not judged"),
            )
            .at(at)
            .help("if it is applied to a cluster, give it metadata.name"),
        );
        return;
    };
    let address = if namespaced(&kind) {
        let namespace = match metadata.get("namespace").and_then(text) {
            Some(ns) if !ns.is_empty() => ns,
            _ => {
                // What `kubectl apply` does without `-n`: the default namespace.
                metadata.insert("namespace".into(), Val::String("default".into()));
                "default".into()
            }
        };
        format!("{kind}.{namespace}.{name}")
    } else {
        format!("{kind}.{name}")
    };
    config.insert("metadata".into(), Val::Object(metadata));
    objects.push(Object {
        resource: Resource {
            address: address.clone(),
            reference: address,
            kind,
            name,
            provider: PROVIDER.into(),
            mode: Mode::Managed,
            module: String::new(),
            file: rel.to_string(),
            line,
            end_line: end_line.max(line),
            index: None,
            count: None,
            for_each: None,
            config,
        },
    });
}

/// A string value's text (known or not).
fn text(v: &Val) -> Option<String> {
    match v {
        Val::String(s) | Val::Unknown(s) => Some(s.clone()),
        _ => None,
    }
}

/// Nesting past which a value is not converted (the depth guard stops far earlier).
const MAX_DEPTH: usize = 512;

fn convert(v: &yaml_serde::Value, depth: usize) -> Val {
    use yaml_serde::Value as Y;
    if depth > MAX_DEPTH {
        return Val::Unknown("${too deep}".into());
    }
    match v {
        Y::Null => Val::Null,
        Y::Bool(b) => Val::Bool(*b),
        Y::Number(n) => Val::Number(n.as_f64().unwrap_or(f64::NAN)),
        Y::String(s) if s.contains("{{") => Val::Unknown(format!("${{template {s}}}")),
        Y::String(s) if s.contains("${") => Val::Unknown(s.clone()),
        Y::String(s) => Val::String(s.clone()),
        Y::Sequence(items) => Val::List(items.iter().map(|i| convert(i, depth + 1)).collect()),
        Y::Mapping(m) => Val::Object(
            m.iter()
                .map(|(k, v)| (key_text(k), convert(v, depth + 1)))
                .collect(),
        ),
        // Kubernetes defines no tags; the tagged value is what it reads.
        Y::Tagged(t) => convert(&t.value, depth + 1),
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

/// The document of one directory's manifests: `root` is the directory (`.` for the scan
/// root), `files` the manifest files read. An object defined twice (same address) is a
/// warning: `kubectl apply` keeps the last one, and both are judged.
pub fn document(
    root: &str,
    files: Vec<String>,
    objects: Vec<Object>,
) -> (Document, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    let mut resources: Vec<Resource> = objects.into_iter().map(|o| o.resource).collect();
    for r in &resources {
        if let Some((file, line)) = seen.get(&r.address) {
            diagnostics.push(
                Diagnostic::warning(
                    Code::ManifestInvalid,
                    format!(
                        "{} is defined twice (first at {file}:{line}); both were judged, `kubectl apply` keeps the last",
                        r.address
                    ),
                )
                .at(Location::at(&r.file, r.line, 1)),
            );
        } else {
            seen.insert(r.address.clone(), (r.file.clone(), r.line));
        }
    }
    resources.sort_by(|a, b| (&a.address, &a.file, a.line).cmp(&(&b.address, &b.file, b.line)));
    let first = files.first().cloned().unwrap_or_default();
    (
        Document {
            schema_version: SCHEMA_VERSION,
            root: root.to_string(),
            files,
            // Inline waivers are HCL comments.
            waiver_files: Vec::new(),
            resources,
            module_calls: Vec::new(),
            // Manifests are applied as they are, as a root module with a provider would be.
            providers: vec![ProviderConfig {
                name: PROVIDER.into(),
                alias: None,
                file: first,
                line: 1,
                config: BTreeMap::new(),
            }],
            required_providers: BTreeMap::new(),
        },
        diagnostics,
    )
}
