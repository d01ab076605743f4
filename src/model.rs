//! The maturity model: domains -> categories -> objectives, loaded from YAML.
//!
//! The default is `model/csmm.yaml`, embedded in the binary; `--model FILE` swaps in another
//! (for example one transcribed from the official CSMM spreadsheet).

use crate::diagnostics::{Code, Diagnostic, Location};
use crate::scope::Scope;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How an objective can be evidenced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// Policies over code decide it.
    Automated,
    /// Only a person can attest it (process, not code).
    Attested,
    /// Policies decide it by default; an attestation may stand in.
    Either,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelInfo {
    pub id: String,
    pub version: String,
    pub name: String,
    #[serde(default)]
    pub note: String,
}

impl ModelInfo {
    /// The name, with the version after it unless the name already says it ("... Model 2.0").
    pub fn title(&self) -> String {
        if self.name.split_whitespace().any(|w| w == self.version) {
            self.name.clone()
        } else {
            format!("{} {}", self.name, self.version)
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    pub level: u8,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    pub level: u8,
    pub title: String,
    pub evidence: Evidence,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    /// The scopes it applies to; empty means every scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<Scope>,
}

impl Objective {
    pub fn applies_to(&self, scope: Scope) -> bool {
        self.scopes.is_empty() || self.scopes.contains(&scope)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub provisional: bool,
    #[serde(default)]
    pub description: String,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub model: ModelInfo,
    pub levels: Vec<LevelInfo>,
    pub domains: Vec<Domain>,
}

/// Highest level any model may use.
pub const MAX_LEVEL: u8 = 5;

impl Model {
    /// The embedded default model.
    pub fn embedded() -> Result<Model, Diagnostic> {
        let shown = "<embedded>/model/csmm.yaml";
        let model: Model = serde_json::from_str(crate::embedded::MODEL_JSON).map_err(|e| {
            Diagnostic::error(Code::Model, format!("invalid model: {e}")).at(Location::file(shown))
        })?;
        checked(model, shown)
    }

    pub fn objectives(&self) -> impl Iterator<Item = (&Domain, &Category, &Objective)> {
        self.domains.iter().flat_map(|d| {
            d.categories
                .iter()
                .flat_map(move |c| c.objectives.iter().map(move |o| (d, c, o)))
        })
    }

    pub fn level_name(&self, level: u8) -> Option<&str> {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map(|l| l.name.as_str())
    }
}

/// Parses and validates a model; `shown` names the file in diagnostics.
pub fn parse(text: &str, shown: &str) -> Result<Model, Diagnostic> {
    let model: Model = yaml_serde::from_str(text).map_err(|e| {
        let location = match e.location() {
            Some(l) => Location::at(shown, l.line(), l.column()),
            None => Location::file(shown),
        };
        Diagnostic::error(Code::Model, format!("invalid model: {e}"))
            .at(location)
            .help("see docs/scoring.md for the model format")
    })?;
    checked(model, shown)
}

fn checked(model: Model, shown: &str) -> Result<Model, Diagnostic> {
    validate(&model).map_err(|message| {
        Diagnostic::error(Code::Model, message)
            .at(Location::file(shown))
            .help("see docs/scoring.md for the model format")
    })?;
    Ok(model)
}

fn validate(model: &Model) -> Result<(), String> {
    let mut ids = BTreeSet::new();
    if model.domains.is_empty() {
        return Err("the model has no domains".into());
    }
    for domain in &model.domains {
        if !ids.insert(domain.id.clone()) {
            return Err(format!("duplicate id {}", domain.id));
        }
        if domain.categories.is_empty() {
            return Err(format!("domain {} has no categories", domain.id));
        }
        for category in &domain.categories {
            if !ids.insert(category.id.clone()) {
                return Err(format!("duplicate id {}", category.id));
            }
            for objective in &category.objectives {
                if !ids.insert(objective.id.clone()) {
                    return Err(format!("duplicate id {}", objective.id));
                }
                if !(1..=MAX_LEVEL).contains(&objective.level) {
                    return Err(format!(
                        "objective {} has level {}; levels run from 1 to {MAX_LEVEL}",
                        objective.id, objective.level
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "model: {id: m, version: '1', name: M}\nlevels: [{level: 1, name: One}]\ndomains:\n  - id: d\n    name: D\n    categories:\n      - id: C\n        name: Cat\n        objectives:\n          - {id: C-1.1, level: 1, title: T, evidence: automated}\n";

    #[test]
    fn embedded_model_json_is_the_yaml() {
        let from_yaml = parse(crate::embedded::MODEL, "csmm.yaml").unwrap();
        let from_json = Model::embedded().unwrap();
        assert!(from_yaml.objectives().count() > 50);
        assert_eq!(
            serde_json::to_value(&from_json).unwrap(),
            serde_json::to_value(&from_yaml).unwrap()
        );
    }

    #[test]
    fn parses_a_small_model() {
        let m = parse(SMALL, "m.yaml").unwrap();
        assert_eq!(m.objectives().count(), 1);
        assert_eq!(m.level_name(1), Some("One"));
    }

    #[test]
    fn unknown_key_reports_line_and_column() {
        let bad = SMALL.replace("evidence: automated", "evidence: automated, weight: 2");
        let d = parse(&bad, "m.yaml").unwrap_err();
        assert_eq!(d.code, Code::Model);
        assert!(d.message.contains("weight"), "{}", d.message);
        assert_eq!(d.location.unwrap().line, Some(10));
    }

    #[test]
    fn level_out_of_range_is_rejected() {
        let bad = SMALL.replace("level: 1, title", "level: 6, title");
        assert!(parse(&bad, "m.yaml")
            .unwrap_err()
            .message
            .contains("level 6"));
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let bad = SMALL.replace("id: C\n", "id: d\n");
        assert!(parse(&bad, "m.yaml")
            .unwrap_err()
            .message
            .contains("duplicate id d"));
    }
}
