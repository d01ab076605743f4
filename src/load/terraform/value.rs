//! The value type of the Terraform evaluator.
//!
//! Terraform values plus one extra case, [`Val::Unknown`], for anything that cannot be known at
//! scan time (a variable without a default, a resource attribute, a data source). An unknown keeps
//! the source text of the expression so policies can tell "unknown" from "false" and can still
//! join resources by reference.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// Lists, tuples and sets alike (sets keep first-seen order, duplicates removed).
    List(Vec<Val>),
    /// Objects and maps alike; keys are sorted, as Terraform sorts map keys.
    Object(BTreeMap<String, Val>),
    /// Not knowable at scan time. Holds the source text exactly as policies will see it:
    /// `${var.name}`, `${aws_s3_bucket.logs.id}`, or a template such as `arn:${var.x}/*`.
    Unknown(String),
}

impl Val {
    pub fn is_unknown(&self) -> bool {
        matches!(self, Val::Unknown(_))
    }

    /// True when this value or anything inside it is unknown.
    pub fn contains_unknown(&self) -> bool {
        match self {
            Val::Unknown(_) => true,
            Val::List(items) => items.iter().any(Val::contains_unknown),
            Val::Object(map) => map.values().any(Val::contains_unknown),
            _ => false,
        }
    }

    /// Terraform's type name, used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Null => "null",
            Val::Bool(_) => "bool",
            Val::Number(_) => "number",
            Val::String(_) => "string",
            Val::List(_) => "list",
            Val::Object(_) => "object",
            Val::Unknown(_) => "unknown",
        }
    }

    /// Terraform's automatic conversion to string (numbers and bools convert; others do not).
    pub fn to_tf_string(&self) -> Option<String> {
        match self {
            Val::String(s) => Some(s.clone()),
            Val::Number(n) => Some(format_number(*n)),
            Val::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Terraform's automatic conversion to number (strings that parse convert).
    pub fn to_tf_number(&self) -> Option<f64> {
        match self {
            Val::Number(n) => Some(*n),
            Val::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
    }

    /// Terraform's automatic conversion to bool (`"true"`/`"false"` strings convert).
    pub fn to_tf_bool(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::String(s) if s == "true" => Some(true),
            Val::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }
}

/// Formats a number the way Terraform prints it: integers without a fraction.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
