//! Scope: what kind of repository a scan looks at, and so which objectives and policies apply.
//!
//! A reusable module can never register a security contact or enable GuardDuty for an
//! organisation; judging it on those pins whole categories at 0 and says nothing about the code.
//! Account- and organisation-level objectives (the model's `scopes: [estate]`) and `presence`
//! policies therefore apply to estates only. The scope comes from `--scope`, else `scope:` in
//! `.rungs.yaml`, else it is detected from the code, and every report says which and why.

use crate::check::Check;
use crate::load::document::Mode;
use crate::load::Document;
use crate::policy::{Kind, Policy};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Accounts, organisation, landing zone: every objective applies.
    Estate,
    /// One application's infrastructure: account-level objectives are someone else's.
    Workload,
    /// A reusable library (with examples): judged on what its resources do.
    Module,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Estate, Scope::Workload, Scope::Module];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Estate => "estate",
            Scope::Workload => "workload",
            Scope::Module => "module",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// Whether a policy's results count in this scope: scan-wide `presence` policies assert
    /// account- or organisation-wide facts, so only estates are judged on them.
    pub fn runs(self, policy: &Policy) -> bool {
        self == Scope::Estate || policy.meta.kind != Kind::Presence
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Drops the results of policies that do not run in `scope`.
pub fn retain_in_scope(checks: &mut Vec<Check>, policies: &[Policy], scope: Scope) {
    if scope == Scope::Estate {
        return;
    }
    let skipped: std::collections::BTreeSet<&str> = policies
        .iter()
        .filter(|p| !scope.runs(p))
        .map(|p| p.meta.id.as_str())
        .collect();
    checks.retain(|c| !skipped.contains(c.policy.as_str()));
}

/// Where the scope in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Flag,
    Config,
    Detected,
}

/// The scope in use and why, as every report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scoping {
    pub scope: Scope,
    pub origin: Origin,
    pub reason: String,
}

impl Scoping {
    pub fn given(scope: Scope, origin: Origin) -> Scoping {
        let reason = match origin {
            Origin::Flag => format!("--scope {scope}"),
            _ => format!("scope: {scope} in the config file"),
        };
        Scoping {
            scope,
            origin,
            reason,
        }
    }
}

/// What one root module tells about the scope, kept per root so cached trend results can
/// decide a commit's scope without reloading its documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    /// The first organisation- or account-level resource, as `address (file:line)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estate: Option<String>,
    /// The first `provider` block, as `file:line`, of a root outside examples and tests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
}

/// Resource types (or type prefixes, ending in `_`) only an organisation or account owner
/// declares: organisations and their units, account settings and contacts, delegated
/// administration of security services, management groups, folders and projects.
const ESTATE_TYPES: &[&str] = &[
    "aws_organizations_",
    "aws_account_",
    "aws_iam_account_password_policy",
    "aws_iam_account_alias",
    "aws_guardduty_organization_",
    "aws_securityhub_organization_",
    "aws_macie2_organization_",
    "aws_detective_organization_",
    "aws_inspector2_delegated_admin_account",
    "aws_inspector2_organization_configuration",
    "aws_fms_admin_account",
    "aws_controltower_",
    "aws_ssoadmin_",
    "azurerm_management_group",
    "azurerm_management_group_",
    "azurerm_security_center_contact",
    "azurerm_security_center_subscription_pricing",
    "azurerm_subscription",
    "google_organization_",
    "google_folder",
    "google_project",
    "google_essential_contacts_contact",
    "google_org_policy_policy",
    "google_scc_",
    "google_logging_organization_",
    "google_cloud_asset_organization_",
    "google_access_context_manager_",
];

fn is_estate_type(kind: &str) -> bool {
    ESTATE_TYPES.iter().any(|t| {
        if t.ends_with('_') {
            kind.starts_with(t)
        } else {
            kind == *t
        }
    })
}

/// Directories whose roots are examples or tests of a module, not deployments.
fn is_example_dir(dir: &str) -> bool {
    dir.split('/')
        .any(|part| matches!(part, "examples" | "example" | "test" | "tests" | "fixtures"))
}

/// The scope signal of one root module.
pub fn signal(document: &Document) -> Signal {
    let estate = document
        .resources
        .iter()
        .find(|r| r.mode == Mode::Managed && is_estate_type(&r.kind))
        .map(|r| format!("{} ({}:{})", r.address, r.file, r.line));
    let provider = (!is_example_dir(&document.root))
        .then(|| document.providers.first())
        .flatten()
        .map(|p| format!("{}:{}", p.file, p.line));
    Signal { estate, provider }
}

/// Decides the scope from the roots' signals: an estate when any root declares an
/// organisation- or account-level resource; a module when no root outside examples and tests
/// configures a provider; a workload otherwise.
pub fn detect<'a>(signals: impl IntoIterator<Item = &'a Signal>) -> Scoping {
    let signals: Vec<&Signal> = signals.into_iter().collect();
    let (scope, reason) = if let Some(e) = signals.iter().find_map(|s| s.estate.as_deref()) {
        (Scope::Estate, format!("organisation-level resource {e}"))
    } else if let Some(p) = signals.iter().find_map(|s| s.provider.as_deref()) {
        (
            Scope::Workload,
            format!("provider configuration at {p} and no organisation-level resources"),
        )
    } else {
        (
            Scope::Module,
            "no provider configuration outside examples/ and tests/".to_string(),
        )
    };
    Scoping {
        scope,
        origin: Origin::Detected,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::document::{ProviderConfig, Resource};
    use std::collections::BTreeMap;

    fn document(root: &str, types: &[&str], provider: bool) -> Document {
        Document {
            schema_version: 1,
            root: root.into(),
            files: Vec::new(),
            waiver_files: Vec::new(),
            resources: types
                .iter()
                .map(|t| Resource {
                    address: format!("{t}.x"),
                    reference: format!("{t}.x"),
                    kind: (*t).into(),
                    name: "x".into(),
                    provider: "aws".into(),
                    mode: Mode::Managed,
                    module: String::new(),
                    file: format!("{root}/main.tf"),
                    line: 3,
                    end_line: 4,
                    index: None,
                    count: None,
                    for_each: None,
                    config: BTreeMap::new(),
                })
                .collect(),
            module_calls: Vec::new(),
            providers: provider
                .then(|| ProviderConfig {
                    name: "aws".into(),
                    alias: None,
                    file: format!("{root}/versions.tf"),
                    line: 1,
                    config: BTreeMap::new(),
                })
                .into_iter()
                .collect(),
            required_providers: Default::default(),
        }
    }

    fn detected(documents: &[Document]) -> (Scope, String) {
        let signals: Vec<Signal> = documents.iter().map(signal).collect();
        let s = detect(&signals);
        (s.scope, s.reason)
    }

    #[test]
    fn an_organisation_resource_makes_an_estate() {
        let docs = [
            document("envs/prod", &["aws_s3_bucket"], true),
            document("org", &["aws_organizations_organization"], true),
        ];
        assert_eq!(
            detected(&docs),
            (
                Scope::Estate,
                "organisation-level resource aws_organizations_organization.x (org/main.tf:3)"
                    .into()
            )
        );
    }

    #[test]
    fn provider_configuration_without_organisation_resources_is_a_workload() {
        let mut docs = [document("app", &["aws_s3_bucket", "google_project"], true)];
        // Reading an organisation-level object is not owning it.
        docs[0].resources[1].mode = Mode::Data;
        assert_eq!(
            detected(&docs),
            (
                Scope::Workload,
                "provider configuration at app/versions.tf:1 and no organisation-level resources"
                    .into()
            )
        );
    }

    #[test]
    fn providers_only_in_examples_make_a_module() {
        let docs = [
            document("examples/complete", &["aws_vpc"], true),
            document("tests/basic", &["aws_vpc"], true),
            document("modules/x", &["aws_subnet"], false),
        ];
        assert_eq!(detected(&docs).0, Scope::Module);
    }

    #[test]
    fn estate_types_match_prefixes_and_exact_names_only() {
        for estate in [
            "aws_organizations_policy",
            "aws_account_alternate_contact",
            "azurerm_management_group",
            "azurerm_management_group_policy_assignment",
            "google_folder",
            "google_project",
        ] {
            assert!(is_estate_type(estate), "{estate}");
        }
        for not in [
            "aws_iam_role",
            "google_project_iam_member",
            "google_folder_iam_member",
            "azurerm_subscription_policy_assignment",
            "aws_accessanalyzer_analyzer",
        ] {
            assert!(!is_estate_type(not), "{not}");
        }
    }

    #[test]
    fn scope_names_parse_case_insensitively() {
        assert_eq!(Scope::parse(" Module "), Some(Scope::Module));
        assert_eq!(Scope::parse("account"), None);
    }
}
