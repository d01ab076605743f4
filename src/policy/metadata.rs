//! The OPA `# METADATA` block of a policy, which regorus ignores, so we parse it ourselves.
//!
//! The block is the run of comment lines starting at `# METADATA`, directly before `package`.
//! After stripping `# ` it is YAML; our fields live under `custom`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// How a policy's result is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Judges each resource of its types: `deny` names the failures, the rest pass.
    #[default]
    Resource,
    /// Asserts that something exists anywhere in the scan: `present` decides one result.
    Presence,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Resource => "resource",
            Kind::Presence => "presence",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
struct Raw {
    title: Option<String>,
    description: Option<String>,
    custom: Option<RawCustom>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustom {
    id: String,
    severity: Severity,
    #[serde(default)]
    kind: Kind,
    resource_types: Vec<String>,
    controls: Vec<String>,
    #[serde(default)]
    frameworks: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    remediation: String,
}

/// What a policy says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub kind: Kind,
    pub resource_types: Vec<String>,
    pub controls: Vec<String>,
    details: LazyDetails,
}

/// What only some outputs read of a policy (SARIF rules, JUnit, `policy show`, plan steps):
/// an embedded policy's are decoded when first asked for. Every scan lists all 400 policies,
/// and decoding these for all of them was most of loading the embedded metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub description: String,
    pub frameworks: BTreeMap<String, Vec<String>>,
    pub remediation: String,
}

/// [`Details`], decoded, or still encoded (postcard) in the embedded table.
#[derive(Debug, Clone)]
struct LazyDetails {
    encoded: &'static [u8],
    decoded: OnceLock<Details>,
}

impl PartialEq for LazyDetails {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl LazyDetails {
    fn get(&self) -> &Details {
        self.decoded.get_or_init(|| {
            postcard::from_bytes(self.encoded).expect("build.rs writes valid details")
        })
    }
}

/// The part of a policy's metadata every run reads, as the embedded table holds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub kind: Kind,
    pub resource_types: Vec<String>,
    pub controls: Vec<String>,
}

impl Metadata {
    pub fn details(&self) -> &Details {
        self.details.get()
    }

    /// A policy's metadata from the embedded table: its summary, and its details encoded.
    pub fn embedded(summary: Summary, details: &'static [u8]) -> Metadata {
        let Summary {
            id,
            title,
            severity,
            kind,
            resource_types,
            controls,
        } = summary;
        Metadata {
            id,
            title,
            severity,
            kind,
            resource_types,
            controls,
            details: LazyDetails {
                encoded: details,
                decoded: OnceLock::new(),
            },
        }
    }

    /// The summary and the encoded details the embedded table holds (build.rs).
    pub fn encode(&self) -> (Summary, Vec<u8>) {
        let summary = Summary {
            id: self.id.clone(),
            title: self.title.clone(),
            severity: self.severity,
            kind: self.kind,
            resource_types: self.resource_types.clone(),
            controls: self.controls.clone(),
        };
        let details = postcard::to_allocvec(self.details()).expect("details serialize");
        (summary, details)
    }
}

/// Written as one object in the order of the METADATA fields (`policy show`, `policy list`).
impl Serialize for Metadata {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let details = self.details();
        let mut out = serializer.serialize_struct("Metadata", 9)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("description", &details.description)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("resource_types", &self.resource_types)?;
        out.serialize_field("controls", &self.controls)?;
        out.serialize_field("frameworks", &details.frameworks)?;
        out.serialize_field("remediation", &details.remediation)?;
        out.end()
    }
}

/// A metadata problem with its 1-based line in the policy file.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses the `# METADATA` block of `source`.
pub fn parse(source: &str) -> Result<Metadata, MetadataError> {
    let lines: Vec<&str> = source.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "# METADATA")
        .ok_or_else(|| MetadataError {
            line: 1,
            column: 1,
            message: "no `# METADATA` block".into(),
        })?;
    // Where each line the YAML parser sees comes from: (line in the policy file, characters
    // before it on that line). Rego breaks lines only at `\n`, YAML also at a lone `\r`, NEL,
    // LS and PS, so one comment line can be several YAML lines.
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut yaml = String::new();
    for (i, line) in lines[start + 1..].iter().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix('#') else {
            break;
        };
        let body = rest.strip_prefix(' ').unwrap_or(rest);
        let line_number = start + 2 + i;
        let before = line.chars().count() - body.chars().count();
        origin.push((line_number, before));
        // A `\r` ending the body meets the `\n` pushed below: one break, as CRLF is.
        let mut chars = body.chars().enumerate().peekable();
        while let Some((k, c)) = chars.next() {
            let lone_cr = c == '\r' && chars.peek().is_some();
            if lone_cr || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                origin.push((line_number, before + k + 1));
            }
        }
        yaml.push_str(body);
        yaml.push('\n');
    }
    // A YAML position (1-based; line 0 for the block as a whole) in the policy file.
    let err_at = |line: usize, column: usize, message: String| {
        let (line, before) = match (line.checked_sub(1), origin.last()) {
            (Some(i), _) if i < origin.len() => origin[i],
            (Some(i), Some(&(last, _))) => (last + i + 1 - origin.len(), 0),
            _ => (start + 1, 2),
        };
        MetadataError {
            line,
            column: column + before,
            message,
        }
    };
    if let Some((line, column, message)) = crate::read::yaml_nesting(&yaml, "invalid METADATA:", "")
    {
        return Err(err_at(line, column, message));
    }
    let raw: Raw = yaml_serde::from_str(&yaml).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        err_at(line, column, format!("invalid METADATA: {e}"))
    })?;
    let custom = raw
        .custom
        .ok_or_else(|| err_at(0, 0, "METADATA has no `custom` section".into()))?;
    let title = raw
        .title
        .ok_or_else(|| err_at(0, 0, "METADATA has no `title`".into()))?;
    if custom.id.trim().is_empty() {
        return Err(err_at(0, 0, "`custom.id` is empty".into()));
    }
    if custom.resource_types.is_empty() {
        return Err(err_at(0, 0, "`custom.resource_types` is empty".into()));
    }
    if custom.controls.is_empty() {
        return Err(err_at(
            0,
            0,
            "`custom.controls` is empty: a policy must cite at least one model objective".into(),
        ));
    }
    let details = Details {
        description: raw.description.unwrap_or_default(),
        frameworks: custom.frameworks,
        remediation: custom.remediation,
    };
    Ok(Metadata {
        id: custom.id,
        title,
        severity: custom.severity,
        kind: custom.kind,
        resource_types: custom.resource_types,
        controls: custom.controls,
        details: LazyDetails {
            encoded: &[],
            decoded: OnceLock::from(details),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X-1\n#   severity: high\n#   resource_types: [aws_s3_bucket]\n#   controls: [DAT-2.1]\n#   frameworks:\n#     csa-ccm-v4: [CEK-03]\npackage p\n";

    #[test]
    fn parses_all_fields() {
        let m = parse(GOOD).unwrap();
        assert_eq!(m.id, "X-1");
        assert_eq!(m.title, "T");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.kind, Kind::Resource);
        assert_eq!(m.resource_types, vec!["aws_s3_bucket"]);
        assert_eq!(m.controls, vec!["DAT-2.1"]);
        assert_eq!(m.details().description, "D");
        assert_eq!(m.details().frameworks["csa-ccm-v4"], vec!["CEK-03"]);
    }

    /// The embedded table's form (summary, encoded details) gives the same metadata back, and
    /// its details decode from bytes borrowed where they are, as a run reads them.
    #[test]
    fn encoded_metadata_decodes_to_the_same() {
        let m = parse(&GOOD.replace("# custom:", "# custom:\n#   remediation: Fix it.")).unwrap();
        let table = vec![m.encode()];
        let bytes: &'static [u8] = postcard::to_allocvec(&table).unwrap().leak();
        let read: Vec<(Summary, &'static [u8])> = postcard::from_bytes(bytes).unwrap();
        let (summary, details) = read.into_iter().next().unwrap();
        let back = Metadata::embedded(summary, details);
        assert_eq!(back.details().remediation, "Fix it.");
        assert_eq!(back, m);
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            r#"{"id":"X-1","title":"T","description":"D","severity":"high","kind":"resource","resource_types":["aws_s3_bucket"],"controls":["DAT-2.1"],"frameworks":{"csa-ccm-v4":["CEK-03"]},"remediation":"Fix it."}"#
        );
    }

    #[test]
    fn missing_block_is_an_error_on_line_one() {
        let e = parse("package p\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (1, "no `# METADATA` block"));
    }

    #[test]
    fn unknown_custom_field_reports_its_line() {
        let src = "\n# METADATA\n# title: T\n# custom:\n#   id: X\n#   severity: low\n#   resource_types: [a]\n#   controls: [b]\n#   contrls: [c]\npackage p\n";
        let e = parse(src).unwrap_err();
        assert!(
            e.message.contains("unknown field `contrls`"),
            "{}",
            e.message
        );
        assert_eq!(e.line, 9);
    }

    #[test]
    fn a_lone_carriage_return_does_not_shift_lines() {
        // Line 4 is one line to Rego and two to YAML: the unknown field after the carriage
        // return is reported on line 4, at its column there, and so is everything after it.
        let src = "# METADATA\n# title: T\n# custom:\n#   id: X\r  contrls: [c]\n#   severity: low\npackage p\n";
        let e = parse(src).unwrap_err();
        assert!(
            e.message.contains("unknown field `contrls`"),
            "{}",
            e.message
        );
        assert_eq!((e.line, e.column), (4, 13), "{}", e.message);
        let src = "# METADATA\n# title: T\r\r\n# custom:\n#   id: X\n#   contrls: [c]\npackage p\n";
        let e = parse(src).unwrap_err();
        assert_eq!((e.line, e.column), (5, 5), "{}", e.message);
    }

    #[test]
    fn bad_severity_is_rejected() {
        let src = GOOD.replace("high", "urgent");
        assert!(parse(&src).unwrap_err().message.contains("urgent"));
    }

    #[test]
    fn empty_controls_are_rejected() {
        let src = GOOD.replace("[DAT-2.1]", "[]");
        assert!(parse(&src).unwrap_err().message.contains("controls"));
    }
}
