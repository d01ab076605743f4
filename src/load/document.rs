//! The documents policies receive: one per root module, with every resource flattened out of
//! its modules. `docs/policy-input.md` is the reference for this shape; change both together.

use super::terraform::value::Val;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the input document shape, given to policies as `input.schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Managed,
    Data,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    /// Full address, e.g. `module.net.aws_security_group.web`.
    pub address: String,
    /// How code in the same module refers to it, e.g. `aws_security_group.web`.
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub provider: String,
    pub mode: Mode,
    /// Module path, `""` in the root module.
    pub module: String,
    pub file: String,
    pub line: usize,
    pub end_line: usize,
    /// The instance key of a block with `count` (a number) or `for_each` (a string), when the
    /// collection is known; the address ends with it (`aws_x.y[0]`, `aws_x.y["key"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<Val>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Val>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub for_each: Option<Val>,
    pub config: BTreeMap<String, Val>,
}

impl Resource {
    /// The key of `resources_by_type`: the type, or `data.<type>` for data sources.
    pub fn type_key(&self) -> String {
        match self.mode {
            Mode::Managed => self.kind.clone(),
            Mode::Data => format!("data.{}", self.kind),
        }
    }

    /// Whether `key` is this resource's `resources_by_type` key, without building the key.
    pub fn has_type_key(&self, key: &str) -> bool {
        match self.mode {
            Mode::Managed => self.kind == key,
            Mode::Data => key.strip_prefix("data.") == Some(self.kind.as_str()),
        }
    }
}

/// A `provider` block of the root module: which provider it configures and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProviderConfig {
    pub name: String,
    /// The literal `alias`, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    pub file: String,
    pub line: usize,
    /// The block's arguments, evaluated as a resource's `config` is (unknown values as their
    /// text).
    pub config: BTreeMap<String, Val>,
}

impl ProviderConfig {
    /// The `resources_by_type` key policies name provider blocks by: `provider.aws`.
    pub fn type_key(&self) -> String {
        format!("provider.{}", self.name)
    }

    /// The address findings use: `provider.aws`, or `provider.aws.replica` with an alias.
    pub fn address(&self) -> String {
        match &self.alias {
            Some(alias) => format!("provider.{}.{alias}", self.name),
            None => self.type_key(),
        }
    }
}

/// An entry of the root module's `terraform { required_providers { ... } }`: which provider a
/// local name stands for and the versions the configuration accepts (policies read it to know
/// which provider defaults apply).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequiredProvider {
    /// `hashicorp/azurerm`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The version constraint text (`~> 3.0`), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub file: String,
    pub line: usize,
}

/// A module call seen while loading, resolved or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleCall {
    pub address: String,
    pub source: String,
    pub resolved: bool,
    /// Repo-relative directory the module was loaded from, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    pub file: String,
    pub line: usize,
    /// The call's `providers` map, as source text: the module's configuration name (`aws`,
    /// `aws.west`) to the caller's (`aws.replica`). Empty when the call has none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub providers: BTreeMap<String, String>,
    /// The configurations the called module declares itself with `provider` blocks (`aws`,
    /// `aws.west`; legacy modules): its resources use those, not the caller's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub own_providers: Vec<String>,
}

/// What starts an inline waiver comment (`# rungs:ignore ID reason`), see `crate::waive::inline`.
pub const WAIVER_MARKER: &str = "rungs:ignore";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub schema_version: u32,
    /// Repo-relative directory of the root module, `.` for the scan root.
    pub root: String,
    pub files: Vec<String>,
    /// The files of `files` that may hold inline waivers: those whose text holds
    /// [`WAIVER_MARKER`], and those that did not load (their text unchecked). The waive stage
    /// reads only these; a scan of 1,801 files read every one of them twice.
    #[serde(skip)]
    pub waiver_files: Vec<String>,
    pub resources: Vec<Resource>,
    pub module_calls: Vec<ModuleCall>,
    /// The root module's own `provider` blocks (not those of the modules it calls).
    pub providers: Vec<ProviderConfig>,
    /// The root module's `required_providers`, by local name.
    pub required_providers: BTreeMap<String, RequiredProvider>,
}

impl Document {
    /// Types present in this document, as `resources_by_type` keys.
    /// Root `provider` blocks count as `provider.<name>`, so policies on them apply.
    pub fn type_keys(&self) -> std::collections::BTreeSet<String> {
        self.resources
            .iter()
            .map(Resource::type_key)
            .chain(self.providers.iter().map(ProviderConfig::type_key))
            .collect()
    }

    /// The value handed to the Rego engine. Resources are built once and shared between
    /// `resources` and `resources_by_type` (regorus values are reference counted).
    pub fn to_input(&self) -> regorus::Value {
        let mut shared = Shared::default();
        let resources: Vec<regorus::Value> = self
            .resources
            .iter()
            .map(|r| resource_value(r, &mut shared))
            .collect();
        let mut by_type: BTreeMap<String, Vec<regorus::Value>> = BTreeMap::new();
        for (r, v) in self.resources.iter().zip(&resources) {
            by_type.entry(r.type_key()).or_default().push(v.clone());
        }
        let mut input = BTreeMap::new();
        input.insert(
            key("schema_version"),
            regorus::Value::from(self.schema_version as u64),
        );
        input.insert(key("root"), regorus::Value::from(self.root.as_str()));
        input.insert(
            key("files"),
            regorus::Value::from(
                self.files
                    .iter()
                    .map(|f| regorus::Value::from(f.as_str()))
                    .collect::<Vec<_>>(),
            ),
        );
        input.insert(key("resources"), regorus::Value::from(resources));
        let by_type: BTreeMap<regorus::Value, regorus::Value> = by_type
            .into_iter()
            .map(|(k, v)| (key(&k), regorus::Value::from(v)))
            .collect();
        if let Some(index) = super::index::build(&by_type) {
            input.insert(key("index"), index);
        }
        input.insert(key("resources_by_type"), regorus::Value::from(by_type));
        input.insert(
            key("module_calls"),
            regorus::Value::from(
                self.module_calls
                    .iter()
                    .map(module_call_value)
                    .collect::<Vec<_>>(),
            ),
        );
        input.insert(
            key("providers"),
            regorus::Value::from(
                self.providers
                    .iter()
                    .map(provider_value)
                    .collect::<Vec<_>>(),
            ),
        );
        input.insert(
            key("required_providers"),
            regorus::Value::from(
                self.required_providers
                    .iter()
                    .map(|(name, r)| (key(name), required_provider_value(r)))
                    .collect::<BTreeMap<_, _>>(),
            ),
        );
        regorus::Value::from(input)
    }
}

fn required_provider_value(r: &RequiredProvider) -> regorus::Value {
    let mut m = BTreeMap::new();
    if let Some(source) = &r.source {
        m.insert(key("source"), key(source));
    }
    if let Some(version) = &r.version {
        m.insert(key("version"), key(version));
    }
    m.insert(key("file"), key(&r.file));
    m.insert(key("line"), regorus::Value::from(r.line as u64));
    regorus::Value::from(m)
}

fn provider_value(p: &ProviderConfig) -> regorus::Value {
    let mut m = BTreeMap::new();
    m.insert(key("name"), key(&p.name));
    if let Some(alias) = &p.alias {
        m.insert(key("alias"), key(alias));
    }
    m.insert(key("file"), key(&p.file));
    m.insert(key("line"), regorus::Value::from(p.line as u64));
    m.insert(key("config"), map_value(&p.config));
    regorus::Value::from(m)
}

fn key(s: &str) -> regorus::Value {
    regorus::Value::from(s)
}

/// One value per distinct type and module path: equal strings are then the same allocation, so
/// the VM's function memo, which compares arguments by identity, answers `f(r.type)` or
/// `f(module_of(r))` for every resource of a type or module once.
#[derive(Default)]
struct Shared(std::collections::HashMap<String, regorus::Value>);

impl Shared {
    fn get(&mut self, s: &str) -> regorus::Value {
        if let Some(v) = self.0.get(s) {
            return v.clone();
        }
        let v = key(s);
        self.0.insert(s.to_string(), v.clone());
        v
    }
}

fn resource_value(r: &Resource, shared: &mut Shared) -> regorus::Value {
    // Entries in key order: the object is stored as they come, without a map in between.
    let optional = [r.count.is_some(), r.for_each.is_some(), r.index.is_some()];
    // The exact size: the entries are boxed as they are, and a shrink would keep the block.
    let mut m = Vec::with_capacity(11 + optional.iter().filter(|&&o| o).count());
    m.push((key("address"), key(&r.address)));
    m.push((key("config"), map_value(&r.config)));
    if let Some(c) = &r.count {
        m.push((key("count"), val_to_value(c)));
    }
    m.push((key("end_line"), regorus::Value::from(r.end_line as u64)));
    m.push((key("file"), key(&r.file)));
    if let Some(f) = &r.for_each {
        m.push((key("for_each"), val_to_value(f)));
    }
    if let Some(i) = &r.index {
        m.push((key("index"), val_to_value(i)));
    }
    m.push((key("line"), regorus::Value::from(r.line as u64)));
    let mode = match r.mode {
        Mode::Managed => "managed",
        Mode::Data => "data",
    };
    m.push((key("mode"), key(mode)));
    m.push((key("module"), shared.get(&r.module)));
    m.push((key("name"), key(&r.name)));
    m.push((key("provider"), key(&r.provider)));
    m.push((key("ref"), key(&r.reference)));
    m.push((key("type"), shared.get(&r.kind)));
    sorted_object(m)
}

/// An object from entries in key order (debug builds check the order).
fn sorted_object(entries: Vec<(regorus::Value, regorus::Value)>) -> regorus::Value {
    debug_assert!(
        entries.windows(2).all(|p| p[0].0 < p[1].0),
        "keys out of order"
    );
    regorus::value::Object::from_entries(entries).into_value()
}

/// A map of values (a configuration, a nested object) as an object: its keys are already in
/// order (a `BTreeMap` of strings orders them as regorus orders string values).
fn map_value(map: &BTreeMap<String, Val>) -> regorus::Value {
    sorted_object(map.iter().map(|(k, v)| (key(k), val_to_value(v))).collect())
}

fn module_call_value(c: &ModuleCall) -> regorus::Value {
    let mut m = BTreeMap::new();
    m.insert(key("address"), key(&c.address));
    m.insert(key("source"), key(&c.source));
    m.insert(key("resolved"), regorus::Value::from(c.resolved));
    if let Some(dir) = &c.dir {
        m.insert(key("dir"), key(dir));
    }
    m.insert(key("file"), key(&c.file));
    m.insert(key("line"), regorus::Value::from(c.line as u64));
    if !c.own_providers.is_empty() {
        m.insert(
            key("own_providers"),
            regorus::Value::from(c.own_providers.iter().map(|p| key(p)).collect::<Vec<_>>()),
        );
    }
    if !c.providers.is_empty() {
        m.insert(
            key("providers"),
            regorus::Value::from(
                c.providers
                    .iter()
                    .map(|(k, v)| (key(k), key(v)))
                    .collect::<BTreeMap<_, _>>(),
            ),
        );
    }
    regorus::Value::from(m)
}

/// Converts an evaluated value; unknowns become their source text.
pub fn val_to_value(v: &Val) -> regorus::Value {
    match v {
        Val::Null => regorus::Value::Null,
        Val::Bool(b) => regorus::Value::from(*b),
        Val::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => regorus::Value::from(*n as i64),
        Val::Number(n) => regorus::Value::from(*n),
        Val::String(s) | Val::Unknown(s) => key(s),
        Val::List(items) => {
            regorus::Value::from(items.iter().map(val_to_value).collect::<Vec<_>>())
        }
        Val::Object(map) => map_value(map),
    }
}

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Val::Null => s.serialize_unit(),
            Val::Bool(b) => s.serialize_bool(*b),
            Val::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => s.serialize_i64(*n as i64),
            Val::Number(n) => s.serialize_f64(*n),
            Val::String(v) | Val::Unknown(v) => s.serialize_str(v),
            Val::List(items) => items.serialize(s),
            Val::Object(map) => {
                let mut m = s.serialize_map(Some(map.len()))?;
                for (k, v) in map {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(kind: &str, mode: Mode) -> Resource {
        Resource {
            address: String::new(),
            reference: String::new(),
            kind: kind.into(),
            name: "x".into(),
            provider: "aws".into(),
            mode,
            module: String::new(),
            file: String::new(),
            line: 1,
            end_line: 1,
            index: None,
            count: None,
            for_each: None,
            config: BTreeMap::new(),
        }
    }

    /// The address of a string value's text.
    fn text_at(v: &regorus::Value) -> *const u8 {
        match v {
            regorus::Value::String(s) => s.as_ptr(),
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn resources_of_one_type_and_module_share_those_strings() {
        let mut a = resource("aws_s3_bucket", Mode::Managed);
        a.module = "module.m".into();
        let mut b = a.clone();
        b.name = "y".into();
        let c = resource("aws_kms_key", Mode::Managed);
        let mut shared = Shared::default();
        let (a, b, c) = (
            resource_value(&a, &mut shared),
            resource_value(&b, &mut shared),
            resource_value(&c, &mut shared),
        );
        assert_eq!(text_at(&a["type"]), text_at(&b["type"]));
        assert_eq!(text_at(&a["module"]), text_at(&b["module"]));
        assert_ne!(text_at(&a["type"]), text_at(&c["type"]));
        assert_eq!(c["type"], regorus::Value::from("aws_kms_key"));
        assert_eq!(b["module"], regorus::Value::from("module.m"));
    }

    #[test]
    fn instances_carry_their_index_to_policies_and_json() {
        let mut r = resource("aws_s3_bucket", Mode::Managed);
        r.address = "aws_s3_bucket.x[\"a\"]".into();
        r.index = Some(Val::String("a".into()));
        let value = resource_value(&r, &mut Shared::default());
        assert_eq!(value["index"], regorus::Value::from("a"));
        assert_eq!(serde_json::to_value(&r).unwrap()["index"], "a");
        let plain = resource("aws_s3_bucket", Mode::Managed);
        assert_eq!(
            resource_value(&plain, &mut Shared::default())["index"],
            regorus::Value::Undefined
        );
        assert!(serde_json::to_value(&plain).unwrap().get("index").is_none());
    }

    #[test]
    fn type_key_matching_agrees_with_the_built_key() {
        let managed = resource("aws_s3_bucket", Mode::Managed);
        let data = resource("aws_s3_bucket", Mode::Data);
        for key in [
            "aws_s3_bucket",
            "data.aws_s3_bucket",
            "aws_s3",
            "data.aws_s3_bucket_policy",
        ] {
            assert_eq!(
                managed.has_type_key(key),
                managed.type_key() == key,
                "{key}"
            );
            assert_eq!(data.has_type_key(key), data.type_key() == key, "{key}");
        }
        assert!(managed.has_type_key("aws_s3_bucket") && data.has_type_key("data.aws_s3_bucket"));
    }

    /// regorus' `Object::from_entries` (rungs patch 12) stores entries in key order as they come
    /// and inserts any others one by one: out of order or repeated keys give the object JSON
    /// parsing builds (the last value of a key wins), whose keys are all found.
    #[test]
    fn objects_from_entries_in_any_order_are_whole() {
        let key = |k: &str| regorus::Value::from(k);
        let number = |n: u64| regorus::Value::from(n);
        let cases = [
            (
                vec![("a", 1), ("b", 2), ("c", 3)],
                r#"{"a": 1, "b": 2, "c": 3}"#,
            ),
            (
                vec![("c", 3), ("a", 1), ("b", 2)],
                r#"{"a": 1, "b": 2, "c": 3}"#,
            ),
            (vec![("a", 1), ("a", 9), ("b", 2)], r#"{"a": 9, "b": 2}"#),
            (vec![], "{}"),
        ];
        for (entries, json) in cases {
            let built = regorus::value::Object::from_entries(
                entries.iter().map(|&(k, n)| (key(k), number(n))).collect(),
            )
            .into_value();
            assert_eq!(
                built,
                regorus::Value::from_json_str(json).unwrap(),
                "{json}"
            );
            for &(k, _) in &entries {
                assert_ne!(built[k], regorus::Value::Undefined, "{json} {k}");
            }
        }
    }
}
