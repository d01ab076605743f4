//! Variable type constraints (`type = list(string)`) applied to variable values, as Terraform
//! converts them: a string that reads as a number becomes a number for `number`, numbers and
//! bools become strings for `string`, and a value that cannot convert is an error.
//!
//! Unknown values and unknown parts pass as they are, and so does a type expression this module
//! does not understand: only a value that certainly cannot convert is reported. A missing or
//! null `optional(type, default)` attribute takes its default.

use super::value::Val;
use hcl::expr::{Expression, FuncCall, ObjectKey};
use std::collections::BTreeMap;

/// Evaluates the default of an `optional(type, default)`: a constant expression.
pub type Constant<'a> = &'a dyn Fn(&Expression) -> Val;

/// `value` converted to the type `ty` describes, or why it cannot be.
pub fn convert(value: Val, ty: &Expression, constant: Constant<'_>) -> Result<Val, String> {
    if matches!(value, Val::Unknown(_) | Val::Null) {
        return Ok(value);
    }
    match ty {
        Expression::Variable(name) => primitive(value, name.as_str()),
        Expression::FuncCall(call) => collection(value, call, constant),
        _ => Ok(value),
    }
}

fn primitive(value: Val, name: &str) -> Result<Val, String> {
    let converted = match name {
        "string" => value.to_tf_string().map(Val::String),
        "number" => value
            .to_tf_number()
            .filter(|n| n.is_finite())
            .map(Val::Number),
        "bool" => value.to_tf_bool().map(Val::Bool),
        _ => return Ok(value),
    };
    converted.ok_or_else(|| format!("{} is not a {name}", describe(&value)))
}

fn collection(value: Val, call: &FuncCall, constant: Constant<'_>) -> Result<Val, String> {
    let name = call.name.name.as_str();
    let Some(arg) = call.args.first() else {
        return Ok(value);
    };
    match (name, value) {
        ("optional", value) => convert(value, arg, constant),
        ("list" | "set", Val::List(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| convert(v, arg, constant).map_err(|e| format!("element {i}: {e}")))
            .collect::<Result<_, _>>()
            .map(Val::List),
        ("map", Val::Object(map)) => map
            .into_iter()
            .map(|(k, v)| {
                let v = convert(v, arg, constant).map_err(|e| format!("key {k:?}: {e}"))?;
                Ok((k, v))
            })
            .collect::<Result<_, String>>()
            .map(Val::Object),
        ("tuple", Val::List(items)) => {
            let Expression::Array(types) = arg else {
                return Ok(Val::List(items));
            };
            if types.len() != items.len() {
                return Err(format!(
                    "a tuple of {} elements is not a tuple of {}",
                    items.len(),
                    types.len()
                ));
            }
            items
                .into_iter()
                .zip(types)
                .enumerate()
                .map(|(i, (v, t))| convert(v, t, constant).map_err(|e| format!("element {i}: {e}")))
                .collect::<Result<_, _>>()
                .map(Val::List)
        }
        ("object", Val::Object(mut map)) => {
            let Expression::Object(attrs) = arg else {
                return Ok(Val::Object(map));
            };
            let mut out = BTreeMap::new();
            for (key, ty) in attrs {
                let key = match key {
                    ObjectKey::Identifier(id) => id.to_string(),
                    ObjectKey::Expression(Expression::String(s)) => s.clone(),
                    _ => return Ok(Val::Object(map)),
                };
                let value = match (map.remove(&key), optional(ty)) {
                    (Some(Val::Null) | None, Some((inner, Some(default)))) => {
                        convert(constant(default), inner, constant)
                    }
                    (Some(v), _) => convert(v, ty, constant),
                    (None, Some(_)) => Ok(Val::Null),
                    (None, None) => return Err(format!("attribute {key:?} is required")),
                };
                out.insert(
                    key.clone(),
                    value.map_err(|e| format!("attribute {key:?}: {e}"))?,
                );
            }
            Ok(Val::Object(out))
        }
        ("list" | "set" | "tuple", v) => Err(format!("{} is not a {name}", describe(&v))),
        ("map" | "object", v) => Err(format!("{} is not a {name}", describe(&v))),
        (_, v) => Ok(v),
    }
}

/// The type and default of an `optional(type, default)`.
fn optional(ty: &Expression) -> Option<(&Expression, Option<&Expression>)> {
    match ty {
        Expression::FuncCall(call) if call.name.name.as_str() == "optional" => {
            Some((call.args.first()?, call.args.get(1)))
        }
        _ => None,
    }
}

/// A short description of a value for messages: its type and, for scalars, the value (cut).
fn describe(v: &Val) -> String {
    match v {
        Val::String(s) => {
            let cut: String = s.chars().take(40).collect();
            let more = if cut.len() < s.len() { "..." } else { "" };
            format!("the string {cut:?}{more}")
        }
        Val::Number(n) => format!("the number {}", super::value::format_number(*n)),
        Val::Bool(b) => format!("the bool {b}"),
        other => format!("a {}", other.type_name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(e: &Expression) -> Val {
        match e {
            Expression::Bool(b) => Val::Bool(*b),
            Expression::String(s) => Val::String(s.clone()),
            _ => Val::Unknown(format!("${{{e}}}")),
        }
    }

    fn convert(value: Val, ty: &Expression) -> Result<Val, String> {
        super::convert(value, ty, &literal)
    }

    fn ty(text: &str) -> Expression {
        let body = hcl::parse(&format!("t = {text}\n")).unwrap();
        body.attributes().next().unwrap().expr.clone()
    }

    #[test]
    fn primitives_convert_as_terraform_converts_them() {
        let s = |x: &str| Val::String(x.into());
        assert_eq!(convert(s("22"), &ty("number")), Ok(Val::Number(22.0)));
        assert_eq!(
            convert(s("twenty-two"), &ty("number")),
            Err("the string \"twenty-two\" is not a number".into())
        );
        assert_eq!(convert(Val::Number(1.0), &ty("string")), Ok(s("1")));
        assert_eq!(convert(s("true"), &ty("bool")), Ok(Val::Bool(true)));
        assert!(convert(s("yes"), &ty("bool")).is_err());
        assert!(convert(Val::List(vec![]), &ty("string")).is_err());
        assert_eq!(convert(s("x"), &ty("any")), Ok(s("x")));
        assert_eq!(convert(Val::Null, &ty("number")), Ok(Val::Null));
        let unknown = Val::Unknown("${var.x}".into());
        assert_eq!(convert(unknown.clone(), &ty("number")), Ok(unknown));
    }

    #[test]
    fn collections_convert_element_by_element() {
        let list = Val::List(vec![Val::String("1".into()), Val::Number(2.0)]);
        assert_eq!(
            convert(list.clone(), &ty("list(number)")),
            Ok(Val::List(vec![Val::Number(1.0), Val::Number(2.0)]))
        );
        assert_eq!(
            convert(Val::List(vec![Val::String("x".into())]), &ty("set(number)")),
            Err("element 0: the string \"x\" is not a number".into())
        );
        assert!(convert(list.clone(), &ty("map(string)")).is_err());
        assert!(convert(list.clone(), &ty("tuple([number])")).is_err());
        assert!(convert(list, &ty("tuple([number, string])")).is_ok());
        let object = Val::Object(BTreeMap::from([
            ("port".to_string(), Val::String("22".into())),
            ("extra".to_string(), Val::Bool(true)),
        ]));
        assert_eq!(
            convert(
                object.clone(),
                &ty("object({ port = number, name = optional(string) })")
            ),
            Ok(Val::Object(BTreeMap::from([
                ("port".to_string(), Val::Number(22.0)),
                ("name".to_string(), Val::Null),
            ])))
        );
        assert_eq!(
            convert(object.clone(), &ty("object({ name = string })")),
            Err("attribute \"name\" is required".into())
        );
        assert_eq!(
            convert(
                object,
                &ty("object({ port = optional(number, 80), on = optional(bool, true) })")
            ),
            Ok(Val::Object(BTreeMap::from([
                ("port".to_string(), Val::Number(22.0)),
                ("on".to_string(), Val::Bool(true)),
            ])))
        );
    }
}
