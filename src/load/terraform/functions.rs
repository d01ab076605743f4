// TEMPORARY STUB written by the lead so the crate compiles; helper: overwrite this file entirely.
use super::value::Val;
pub fn call(name: &str, _args: Vec<Val>) -> Result<Val, String> {
    Err(format!("unsupported function {name}"))
}
pub fn is_known(_name: &str) -> bool {
    false
}
