//! Problems found along the way, each with a stable code, a location and what to do next.
//!
//! Diagnostics never stop a scan: every stage records them and carries on with the rest of the
//! input. Errors make the run exit 2 (after the full report), warnings do not.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Stable diagnostic codes. The number never changes meaning; docs list them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Code {
    /// A file or directory could not be read.
    #[serde(rename = "R001")]
    Unreadable,
    /// A file is not valid UTF-8.
    #[serde(rename = "R002")]
    InvalidUtf8,
    /// HCL syntax error.
    #[serde(rename = "R003")]
    HclSyntax,
    /// JSON syntax error (`.tf.json`, `.tfvars.json`).
    #[serde(rename = "R004")]
    JsonSyntax,
    /// A symlink loop or another walk error.
    #[serde(rename = "R005")]
    Walk,
    /// A `--var` or `--var-file` that cannot be used.
    #[serde(rename = "R006")]
    Variables,
    /// A FIFO, socket, device or directory where a file was expected; never opened.
    #[serde(rename = "R007")]
    NotRegularFile,
    /// A symbolic link (or a path in the repository's config) leading outside the scanned
    /// directory; not followed.
    #[serde(rename = "R008")]
    OutsideRoot,
    /// A file over the size cap (`--max-file-size`); not read.
    #[serde(rename = "R009")]
    FileTooLarge,
    /// An expression nested deeper than the evaluator's cap; its value is unknown.
    #[serde(rename = "R010")]
    ExpressionDepth,
    /// No Terraform file under the scanned directory: nothing to judge.
    #[serde(rename = "R011")]
    NoTerraform,
    /// An evaluated value over `--max-value-size`; it is unknown.
    #[serde(rename = "R012")]
    ValueTooLarge,
    /// A root module whose evaluation used up `--max-eval-size`; the values beyond are unknown.
    #[serde(rename = "R013")]
    EvalBudget,
    /// Files past the scan's input cap (`--max-scan-size`); not read.
    #[serde(rename = "R014")]
    ScanTooLarge,
    /// Modules call each other in a cycle.
    #[serde(rename = "R101")]
    ModuleCycle,
    /// Module nesting deeper than the cap.
    #[serde(rename = "R102")]
    ModuleDepth,
    /// A module source that points outside the scanned root.
    #[serde(rename = "R103")]
    ModuleOutsideRoot,
    /// A remote module that `terraform init` has not fetched.
    #[serde(rename = "R104")]
    ModuleUnresolved,
    /// A local module directory that does not exist or holds no configuration.
    #[serde(rename = "R105")]
    ModuleMissing,
    /// A resource, data source or module call switched off by a known `count = 0` or an empty
    /// `for_each`: it creates nothing, so nothing in it was judged.
    #[serde(rename = "R106")]
    Disabled,
    /// A `count` or `for_each` with more instances than the loader expands.
    #[serde(rename = "R107")]
    InstanceCap,
    /// A root module that loads more module instances than `--max-module-calls`.
    #[serde(rename = "R108")]
    ModuleCallBudget,
    /// A variable value that does not match its type constraint, or a default that is not a
    /// constant; the variable is unknown.
    #[serde(rename = "R109")]
    VariableValue,
    /// Local values referring to each other in a cycle; they are unknown.
    #[serde(rename = "R110")]
    LocalCycle,
    /// An invalid `count` or `for_each` value; the block is not judged.
    #[serde(rename = "R111")]
    InvalidExpansion,
    /// A Rego policy that does not compile.
    #[serde(rename = "R201")]
    PolicyCompile,
    /// A policy `# METADATA` block that is missing or invalid.
    #[serde(rename = "R202")]
    PolicyMetadata,
    /// A policy rule that failed at evaluation time.
    #[serde(rename = "R203")]
    PolicyRuntime,
    /// Two policies with the same id.
    #[serde(rename = "R204")]
    PolicyDuplicate,
    /// A policy citing an objective the model does not have.
    #[serde(rename = "R205")]
    PolicyUnknownControl,
    /// A policy that used its whole Rego instruction budget on a document
    /// (`--max-rego-instructions`).
    #[serde(rename = "R206")]
    PolicyBudget,
    /// A policy stopped by the wall-clock backstop (work the instruction budget does not count).
    #[serde(rename = "R207")]
    PolicyTimeout,
    /// A builtin call of a policy that would build a value over the element budget
    /// (`--max-rego-elements`).
    #[serde(rename = "R208")]
    PolicyElements,
    /// The maturity model file is invalid.
    #[serde(rename = "R301")]
    Model,
    /// The config file is unreadable or invalid, or names an unknown target.
    #[serde(rename = "R401")]
    Config,
    /// A suppression past its expiry date; it no longer applies.
    #[serde(rename = "R402")]
    SuppressionExpired,
    /// A suppression that waived nothing.
    #[serde(rename = "R403")]
    SuppressionUnused,
    /// A suppression without a reason, or otherwise malformed; it does not apply.
    #[serde(rename = "R404")]
    SuppressionInvalid,
    /// An attestation that cannot count (unknown or automated objective, bad dates, duplicate).
    #[serde(rename = "R405")]
    AttestationInvalid,
    /// An attestation past its expiry date; it counts for nothing.
    #[serde(rename = "R406")]
    AttestationExpired,
    /// A baseline file that cannot be read or is invalid.
    #[serde(rename = "R407")]
    Baseline,
    /// The config's `severity` or `disabled` names a policy that is not loaded.
    #[serde(rename = "R408")]
    ConfigUnknownPolicy,
    /// A git tree entry that cannot be scanned in a revision: a submodule, a symbolic link or
    /// a path that is not UTF-8. It is skipped.
    #[serde(rename = "R501")]
    GitEntrySkipped,
    /// A Terraform plan JSON that cannot be used: not a plan, an unsupported `format_version`,
    /// or a field of the wrong type.
    #[serde(rename = "R601")]
    PlanInvalid,
    /// A CloudFormation template that cannot be used: YAML syntax, an unknown intrinsic, a
    /// field of the wrong type.
    #[serde(rename = "R602")]
    TemplateInvalid,
    /// Kubernetes manifests that cannot be used: YAML syntax, a document without `kind` or
    /// `apiVersion` or `metadata.name`, an object defined twice, an unrendered Helm chart.
    #[serde(rename = "R603")]
    ManifestInvalid,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "R001",
            Code::InvalidUtf8 => "R002",
            Code::HclSyntax => "R003",
            Code::JsonSyntax => "R004",
            Code::Walk => "R005",
            Code::Variables => "R006",
            Code::NotRegularFile => "R007",
            Code::OutsideRoot => "R008",
            Code::FileTooLarge => "R009",
            Code::ExpressionDepth => "R010",
            Code::NoTerraform => "R011",
            Code::ValueTooLarge => "R012",
            Code::EvalBudget => "R013",
            Code::ScanTooLarge => "R014",
            Code::ModuleCycle => "R101",
            Code::ModuleDepth => "R102",
            Code::ModuleOutsideRoot => "R103",
            Code::ModuleUnresolved => "R104",
            Code::ModuleMissing => "R105",
            Code::Disabled => "R106",
            Code::InstanceCap => "R107",
            Code::ModuleCallBudget => "R108",
            Code::VariableValue => "R109",
            Code::LocalCycle => "R110",
            Code::InvalidExpansion => "R111",
            Code::PolicyCompile => "R201",
            Code::PolicyMetadata => "R202",
            Code::PolicyRuntime => "R203",
            Code::PolicyDuplicate => "R204",
            Code::PolicyUnknownControl => "R205",
            Code::PolicyBudget => "R206",
            Code::PolicyTimeout => "R207",
            Code::PolicyElements => "R208",
            Code::Model => "R301",
            Code::Config => "R401",
            Code::SuppressionExpired => "R402",
            Code::SuppressionUnused => "R403",
            Code::SuppressionInvalid => "R404",
            Code::AttestationInvalid => "R405",
            Code::AttestationExpired => "R406",
            Code::Baseline => "R407",
            Code::ConfigUnknownPolicy => "R408",
            Code::GitEntrySkipped => "R501",
            Code::PlanInvalid => "R601",
            Code::TemplateInvalid => "R602",
            Code::ManifestInvalid => "R603",
        }
    }
}

/// A position in a file: repo-relative path, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }

    pub fn at(file: impl Into<String>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub message: String,
    /// What the user can do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            location: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]: ", self.code.as_str())?;
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Longest quoted input a parser message may echo, in characters.
const MAX_ECHO: usize = 40;

/// A parser message with every quoted (`"..."`) or backquoted span of input longer than
/// [`MAX_ECHO`] characters cut short, so a file parsed as the wrong kind (a model path pointing
/// at a credentials file) is not printed back; the diagnostic's location points at the line.
pub fn cut_echo(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(256));
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        let mut kept = 0;
        let mut escaped = false;
        for d in chars.by_ref() {
            if d == c && !escaped {
                if kept > MAX_ECHO {
                    out.push('…');
                }
                out.push(d);
                break;
            }
            escaped = d == '\\' && !escaped;
            kept += 1;
            if kept <= MAX_ECHO {
                out.push(d);
            }
        }
    }
    out
}

/// Sorts diagnostics by location then code, so output is stable across runs and thread counts.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics
        .sort_by(|a, b| (&a.location, a.code, &a.message).cmp(&(&b.location, b.code, &b.message)));
}

/// More diagnostics than this of one code and severity are collapsed into one entry.
pub const COLLAPSE_AFTER: usize = 5;

/// Locations a collapsed entry names besides its first diagnostic's.
const MORE_LOCATIONS: usize = 3;

/// Diagnostics as people read them: each on its own, except that a code met more than
/// [`COLLAPSE_AFTER`] times (1,000 unfetched remote modules) becomes one entry where its first
/// diagnostic was: that diagnostic, the count and a few more locations. `--verbose` skips this.
/// Each entry is its text, with the diagnostic when it stands alone.
pub fn collapse(diagnostics: &[Diagnostic]) -> Vec<(String, Option<&Diagnostic>)> {
    let mut count: std::collections::BTreeMap<(Code, Severity), Vec<&Diagnostic>> =
        std::collections::BTreeMap::new();
    for d in diagnostics {
        count.entry((d.code, d.severity)).or_default().push(d);
    }
    let mut out = Vec::new();
    for d in diagnostics {
        let same = &count[&(d.code, d.severity)];
        if same.len() <= COLLAPSE_AFTER {
            out.push((d.to_string(), Some(d)));
        } else if std::ptr::eq(same[0], d) {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let first = Diagnostic {
                help: None,
                ..d.clone()
            }
            .to_string();
            let first = first
                .strip_prefix(&format!("{severity}[{}]: ", d.code.as_str()))
                .unwrap_or(&first);
            let places: Vec<String> = same[1..]
                .iter()
                .take(MORE_LOCATIONS)
                .map(|d| {
                    d.location
                        .as_ref()
                        .map_or("(no location)".into(), |l| l.to_string())
                })
                .collect();
            let mut text = format!(
                "{severity}[{}]: {} times, the first: {first}\n  also at {} and {} more (--verbose lists each)",
                d.code.as_str(),
                same.len(),
                places.join(", "),
                same.len() - 1 - places.len()
            );
            if let Some(help) = &d.help {
                text.push_str(&format!("\n  help: {help}"));
            }
            out.push((text, None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_echoes_of_input_are_cut() {
        let passwd = format!(
            "invalid type: string \"root:x:0:0:{}\", expected struct Model",
            "y".repeat(500)
        );
        let cut = cut_echo(&passwd);
        assert_eq!(
            cut,
            "invalid type: string \"root:x:0:0:yyyyyyyyyyyyyyyyyyyyyyyyyyyyy…\", expected struct Model"
        );
        assert_eq!(cut_echo("unknown field `modle`"), "unknown field `modle`");
        assert_eq!(cut_echo("a \"b\\\"c\" d"), "a \"b\\\"c\" d");
    }

    #[test]
    fn many_diagnostics_of_one_code_collapse_where_the_first_was() {
        let unfetched = |i: usize| {
            Diagnostic::warning(
                Code::ModuleUnresolved,
                format!("module \"m{i}\" is not fetched"),
            )
            .at(Location::at(format!("r{i}/main.tf"), 3, 1))
            .help("run `terraform init`")
        };
        let mut all = vec![Diagnostic::error(Code::HclSyntax, "bad").at(Location::file("a.tf"))];
        all.extend((0..7).map(unfetched));
        all.push(Diagnostic::warning(Code::ModuleMissing, "gone"));
        let texts: Vec<String> = collapse(&all).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts,
            [
                "error[R003]: a.tf: bad",
                "warning[R104]: 7 times, the first: r0/main.tf:3:1: module \"m0\" is not fetched\n  also at r1/main.tf:3:1, r2/main.tf:3:1, r3/main.tf:3:1 and 3 more (--verbose lists each)\n  help: run `terraform init`",
                "warning[R105]: gone",
            ]
        );
        // Up to COLLAPSE_AFTER of a code are shown one by one.
        assert_eq!(
            collapse(&all[..COLLAPSE_AFTER + 1]).len(),
            COLLAPSE_AFTER + 1
        );
    }
}
