//! The join indexes of a document (`input.index`): which resources of a type carry a ref or a
//! name, which arguments are unknown or known strings or designate a resource of a type, and
//! which resources each one is linked to. Built in Rust once per document instead of by the
//! library in Rego once per evaluation: at 5,000 S3 buckets in one root the Rego rules took
//! 0.9 s of a 2.2 s scan (docs/performance.md).
//!
//! Each index is exactly the value `policies/lib/terraform.rego` builds when the input has
//! none (documents from tests or OPA);
//! `evaluate::tests::the_input_index_is_what_the_library_builds` compares the two on every
//! example and fixture.

use regorus::value::Object;
use regorus::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Documents with more than this many resources of one type are indexed (the library's
/// `indexed`): below it, comparing pairs costs less than looking up.
const INDEXED_ABOVE: usize = 20;

/// What the indexes read of a resource, looked up once (indexing a [`Value`] by a `&str`
/// builds a `Value` key each time).
struct Res<'a> {
    address: Option<&'a str>,
    reference: Option<&'a str>,
    /// The library's `module_of`.
    module: &'a str,
    /// The instance key (`index`), when not null.
    index: Option<&'a Value>,
    config: Option<&'a Object>,
}

/// The keys the indexes read, built once.
struct Keys {
    address: Value,
    reference: Value,
    module: Value,
    index: Value,
    config: Value,
    literal_names: [Value; 2],
}

impl Keys {
    fn new() -> Self {
        Keys {
            address: Value::from("address"),
            reference: Value::from("ref"),
            module: Value::from("module"),
            index: Value::from("index"),
            config: Value::from("config"),
            literal_names: [Value::from("bucket"), Value::from("name")],
        }
    }

    fn view<'a>(&self, r: &'a Value) -> Res<'a> {
        Res {
            address: string(&r[&self.address]),
            reference: string(&r[&self.reference]),
            module: string(&r[&self.module]).unwrap_or_default(),
            index: Some(&r[&self.index]).filter(|i| !matches!(i, Value::Null | Value::Undefined)),
            config: r[&self.config].as_object().ok(),
        }
    }

    /// The library's `literal_names`: the known `bucket` and `name` of a resource.
    fn literal_names<'a>(&'a self, r: &'a Res) -> impl Iterator<Item = &'a str> {
        self.literal_names.iter().filter_map(move |key| {
            let n = string(r.config?.get(key)?)?;
            (!is_unknown(n)).then_some(n)
        })
    }
}

/// `input.index` for `resources_by_type`, or `None` when the library compares pairs instead:
/// no type has more than [`INDEXED_ABOVE`] resources, some ref is not a plain ASCII path of at
/// most three parts (the text search of `ref_keys` could miss it), or two resources share an
/// address (`companions` is keyed by it).
pub fn build(resources_by_type: &BTreeMap<Value, Value>) -> Option<Value> {
    let keys = Keys::new();
    let types: Vec<(&Value, Vec<Res>)> = resources_by_type
        .iter()
        .map(|(t, rs)| {
            let rs = rs
                .as_array()
                .map(|a| a.iter().map(|r| keys.view(r)).collect());
            (t, rs.unwrap_or_default())
        })
        .collect();
    let large = types.iter().any(|(_, rs)| rs.len() > INDEXED_ABOVE);
    let plain = types
        .iter()
        .all(|(_, rs)| rs.iter().all(|r| r.reference.is_some_and(is_plain_ref)));
    let mut addresses = std::collections::HashSet::new();
    let unique = types.iter().all(|(_, rs)| {
        rs.iter()
            .all(|r| r.address.is_some_and(|a| addresses.insert(a)))
    });
    if !large || !plain || !unique {
        return None;
    }
    let mut by_key = BTreeMap::new();
    let mut unknown_arg = BTreeMap::new();
    let mut known_arg = BTreeMap::new();
    let mut keyed: Vec<Groups> = Vec::with_capacity(types.len());
    for (t, rs) in &types {
        let mut refs: Groups = HashMap::new();
        let mut unknown: Groups = HashMap::new();
        let mut known = BTreeSet::new();
        for (i, r) in rs.iter().enumerate() {
            if let Some(reference) = r.reference {
                add(&mut refs, reference, i);
            }
            for name in keys.literal_names(r) {
                add(&mut refs, name, i);
            }
            let Some(config) = r.config else {
                continue;
            };
            for (attr, v) in config.iter() {
                let Some(attr) = string(attr) else { continue };
                match string(v) {
                    Some(s) if is_unknown(s) => add(&mut unknown, attr, i),
                    Some(_) => {
                        known.insert(attr);
                    }
                    None => {}
                }
            }
        }
        by_key.insert((*t).clone(), groups(&refs));
        keyed.push(refs);
        unknown_arg.insert((*t).clone(), groups(&unknown));
        let known: Vec<Value> = known.into_iter().map(Value::from).collect();
        known_arg.insert((*t).clone(), Value::from(known));
    }
    let everywhere = everywhere(&keyed);
    let (companions, designating_arg) = links(&keys, &types, &keyed, &everywhere);
    let mut index = BTreeMap::new();
    index.insert(Value::from("by_key"), Value::from(by_key));
    index.insert(Value::from("unknown_arg"), Value::from(unknown_arg));
    index.insert(Value::from("known_arg"), Value::from(known_arg));
    index.insert(Value::from("designating_arg"), designating_arg);
    index.insert(Value::from("companions"), companions);
    Some(Value::from(index))
}

/// Positions in a type's resources by key, ascending: resources are added in order.
type Groups<'a> = HashMap<&'a str, Vec<usize>>;

/// Every resource by each key `by_key` has for it, as (type, position) in the order of `keyed`:
/// one lookup per key instead of one per key and type.
type Everywhere<'a> = HashMap<&'a str, Vec<(usize, usize)>>;

fn everywhere<'a>(keyed: &[Groups<'a>]) -> Everywhere<'a> {
    let mut out: Everywhere = HashMap::new();
    for (ti, refs) in keyed.iter().enumerate() {
        for (&k, js) in refs {
            out.entry(k)
                .or_default()
                .extend(js.iter().map(|&j| (ti, j)));
        }
    }
    out
}

fn add<'a>(groups: &mut Groups<'a>, key: &'a str, position: usize) {
    let positions = groups.entry(key).or_default();
    if positions.last() != Some(&position) {
        positions.push(position);
    }
}

fn groups(groups: &Groups) -> Value {
    // Sorted as strings first: collecting into the object's map then finds them in order
    // instead of sorting thousands of `Value`s.
    let mut entries: Vec<(&str, &Vec<usize>)> = groups.iter().map(|(&k, p)| (k, p)).collect();
    entries.sort_unstable_by_key(|&(k, _)| k);
    entries
        .into_iter()
        .map(|(k, positions)| (Value::from(k), positions_value(positions)))
        .collect::<BTreeMap<_, _>>()
        .into()
}

fn positions_value<'a>(positions: impl IntoIterator<Item = &'a usize>) -> Value {
    let positions: Vec<Value> = positions
        .into_iter()
        .map(|&i| Value::from(i as u64))
        .collect();
    Value::from(positions)
}

/// Three levels of keys to ascending positions.
type Nested<'a, A, B, C> = BTreeMap<A, BTreeMap<B, BTreeMap<C, BTreeSet<usize>>>>;

fn insert<'a, A: Ord, B: Ord, C: Ord>(out: &mut Nested<'a, A, B, C>, a: A, b: B, c: C, i: usize) {
    out.entry(a)
        .or_default()
        .entry(b)
        .or_default()
        .entry(c)
        .or_default()
        .insert(i);
}

/// A key of a [`Nested`] index, as the object key policies read.
trait Key {
    fn key(&self) -> Value;
}

impl Key for &str {
    fn key(&self) -> Value {
        Value::from(*self)
    }
}

impl Key for &Value {
    fn key(&self) -> Value {
        (*self).clone()
    }
}

/// A [`Nested`] index as nested objects, positions as arrays.
fn nested<A: Key, B: Key, C: Key>(index: Nested<A, B, C>) -> Value {
    let object =
        |entries: Vec<(Value, Value)>| Value::from(entries.into_iter().collect::<BTreeMap<_, _>>());
    object(
        index
            .into_iter()
            .map(|(a, by_b)| {
                let by_b = by_b
                    .into_iter()
                    .map(|(b, by_c)| {
                        let by_c = by_c
                            .iter()
                            .map(|(c, positions)| (c.key(), positions_value(positions)));
                        (b.key(), object(by_c.collect()))
                    })
                    .collect();
                (a.key(), object(by_b))
            })
            .collect(),
    )
}

/// The library's `companion_index` and `designating_arg`, from one pass over every argument
/// and the resources `by_key` (`keyed`) finds by its `value_keys` (for an unknown text, its
/// `ref_keys`):
/// - `companions[address][t][attr]`: the positions in `resources(t)` of the resources whose
///   argument `attr` is `linked` to the resource at that address: it designates it, or is a
///   known string equal to its known `bucket` or `name`;
/// - `designating_arg[t][attr][key]`: the positions in `resources(t)` of the resources whose
///   argument `attr` is an unknown text designating some resource of type key.
///
/// Only entries with a position are present.
fn links(
    keys: &Keys,
    types: &[(&Value, Vec<Res>)],
    keyed: &[Groups],
    everywhere: &Everywhere,
) -> (Value, Value) {
    let mut companions: Nested<&str, &Value, &str> = BTreeMap::new();
    let mut designating: Nested<&Value, &str, &Value> = BTreeMap::new();
    for (t, rs) in types {
        for (i, c) in rs.iter().enumerate() {
            let Some(config) = c.config else {
                continue;
            };
            for (attr, v) in config.iter() {
                let Some(attr) = string(attr) else { continue };
                let texts = unknown_texts(v);
                let literal = string(v).filter(|s| !is_unknown(s));
                // designating_arg counts arguments that are one text, not lists of them.
                let one_text = matches!(v, Value::String(_));
                for k in value_keys(v) {
                    for &(ti, j) in everywhere.get(k).into_iter().flatten() {
                        let (key, others) = (types[ti].0, &types[ti].1);
                        let target = &others[j];
                        let designated = designates(&texts, target, c.module, others, &keyed[ti]);
                        if designated && one_text {
                            insert(&mut designating, *t, attr, key, i);
                        }
                        let linked = designated
                            || literal.is_some_and(|l| keys.literal_names(target).any(|n| n == l));
                        if let (true, Some(address)) = (linked, target.address) {
                            insert(&mut companions, address, *t, attr, i);
                        }
                    }
                }
            }
        }
    }
    (nested(companions), nested(designating))
}

/// The unknown texts of an argument: itself when it is one, its unknown items when a list.
fn unknown_texts(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) if is_unknown(s) => vec![s.as_ref()],
        Value::Array(items) => items
            .iter()
            .filter_map(string)
            .filter(|s| is_unknown(s))
            .collect(),
        _ => Vec::new(),
    }
}

/// The library's `designates(v, other, m)` for the unknown texts of v (`texts`); `others` and
/// `refs` are the resources of other's type and their `by_key`.
fn designates(texts: &[&str], other: &Res, m: &str, others: &[Res], refs: &Groups) -> bool {
    let reference = other.reference.unwrap_or_default();
    let refers_to = || texts.iter().any(|s| names_instance(s, reference, other));
    if other.module == m && refers_to() {
        return true;
    }
    if other.module != m
        && within(m, other.module)
        && refers_to()
        && !declares(m, reference, others, refs)
    {
        return true;
    }
    !other.module.is_empty()
        && texts.iter().any(|s| s.contains("module."))
        && enclosing(m).iter().any(|a| {
            qualified_ref(other, a)
                .is_some_and(|q| texts.iter().any(|s| names_instance(s, &q, other)))
        })
}

/// The library's `within(m2, m1)`: module m2 is m1 or nested inside it.
fn within(m2: &str, m1: &str) -> bool {
    m2 == m1
        || (m1.is_empty() && !m2.is_empty())
        || (!m1.is_empty()
            && m2
                .strip_prefix(m1)
                .is_some_and(|rest| rest.starts_with('.')))
}

/// The library's `declares(m, key, ref)`: module m declares a resource of this type with this
/// ref.
fn declares(m: &str, reference: &str, others: &[Res], refs: &Groups) -> bool {
    refs.get(reference).is_some_and(|js| {
        js.iter()
            .any(|&j| others[j].module == m && others[j].reference == Some(reference))
    })
}

/// The library's `enclosing(m)`: m and every module enclosing it, the root included.
fn enclosing(m: &str) -> BTreeSet<String> {
    let parts: Vec<&str> = m.split(".module.").collect();
    (0..=parts.len())
        .map(|i| parts[..i].join(".module."))
        .collect()
}

/// The library's `qualified_ref(r, m)`: how code in module a names r of a module below it.
fn qualified_ref(r: &Res, a: &str) -> Option<String> {
    let reference = r.reference?;
    if a.is_empty() {
        return (!r.module.is_empty()).then(|| format!("{}.{reference}", r.module));
    }
    let below = r.module.strip_prefix(a)?.strip_prefix('.')?;
    Some(format!("{below}.{reference}"))
}

/// A character of text as the library's `char_at`/`char_before` give it: a one-character
/// string, `" "` past either end, or `""` where regorus' `count` (UTF-16 units) runs past the
/// characters.
#[derive(Clone, Copy, PartialEq)]
enum CharAt {
    Char(char),
    Space,
    Empty,
}

impl CharAt {
    /// `contains(set, c)`: an empty string is in every set.
    fn in_set(self, set: &str) -> bool {
        match self {
            CharAt::Char(c) => set.contains(c),
            CharAt::Space => set.contains(' '),
            CharAt::Empty => true,
        }
    }
}

/// The library's `char_at(s, i)` (`chars` are s's characters, `units` its `count`).
fn char_at(chars: &[char], units: usize, i: usize) -> CharAt {
    if i < units {
        chars.get(i).map_or(CharAt::Empty, |&c| CharAt::Char(c))
    } else {
        CharAt::Space
    }
}

const IDENTIFIER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const IDENTIFIER_OR_DOT: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.";

/// The library's `names_instance(s, name, r)`: s mentions name as a whole reference to the
/// instance r. Positions are in characters, as regorus' `indexof_n` and `substring` count
/// them; lengths in UTF-16 units, as its `count` does.
fn names_instance(s: &str, name: &str, r: &Res) -> bool {
    if !s.contains(name) {
        return false;
    }
    let chars: Vec<char> = s.chars().collect();
    let units = s.encode_utf16().count();
    let name_units = name.encode_utf16().count();
    s.char_indices().enumerate().any(|(i, (at, _))| {
        if !s[at..].starts_with(name) {
            return false;
        }
        let before = if i > 0 {
            chars.get(i - 1).map_or(CharAt::Empty, |&c| CharAt::Char(c))
        } else {
            CharAt::Space
        };
        !before.in_set(IDENTIFIER_OR_DOT)
            && !char_at(&chars, units, i + name_units).in_set(IDENTIFIER)
            && instance_matches(&chars, units, i + name_units, r)
    })
}

/// The library's `instance_matches(s, j, r)`.
fn instance_matches(chars: &[char], units: usize, j: usize, r: &Res) -> bool {
    let Some(index) = r.index else {
        return true;
    };
    let at = char_at(chars, units, j);
    if at != CharAt::Char('[') {
        return true;
    }
    let key = format!("[{}]", serde_json::to_string(index).unwrap_or_default());
    let rest: String = chars.iter().skip(j).collect();
    rest.starts_with(&key) || !char_at(chars, units, j + 1).in_set("0123456789\"")
}

fn string(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s.as_ref()),
        _ => None,
    }
}

/// The library's `is_unknown`: a string holding an interpolation.
fn is_unknown(s: &str) -> bool {
    s.contains("${")
}

/// The library's `ascii_refs` for one ref: `^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+){0,2}$`.
fn is_plain_ref(reference: &str) -> bool {
    let parts: Vec<&str> = reference.split('.').collect();
    parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b != b'.' && is_ref_byte(b)))
}

fn is_ref_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-')
}

/// The library's `value_keys`: the refs an argument's unknown texts can mention, or the
/// argument itself when it is a known string. Not deduplicated: callers tolerate repeats.
fn value_keys(v: &Value) -> Vec<&str> {
    let mut keys = Vec::new();
    match v {
        Value::String(s) if is_unknown(s) => ref_keys(s, &mut keys),
        Value::String(s) => keys.push(s.as_ref()),
        Value::Array(items) => {
            for x in items.iter() {
                if let Some(s) = string(x).filter(|s| is_unknown(s)) {
                    ref_keys(s, &mut keys);
                }
            }
        }
        _ => {}
    }
    keys
}

/// The library's `ref_keys`: for each maximal run of `[A-Za-z0-9_.\-]` in `s`, every one to
/// three consecutive dot-separated parts of it (a key may repeat).
fn ref_keys<'a>(s: &'a str, out: &mut Vec<&'a str>) {
    for run in s.split(|c: char| !c.is_ascii() || !is_ref_byte(c as u8)) {
        if run.is_empty() {
            continue;
        }
        let dots: Vec<usize> = run.match_indices('.').map(|(at, _)| at).collect();
        let starts = std::iter::once(0).chain(dots.iter().map(|d| d + 1));
        let ends: Vec<usize> = dots.iter().copied().chain([run.len()]).collect();
        for (a, start) in starts.enumerate() {
            for end in ends.iter().skip(a).take(3) {
                out.push(&run[start..*end]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        ref_keys(s, &mut out);
        let distinct: BTreeSet<&str> = out.into_iter().collect();
        distinct.into_iter().collect()
    }

    #[test]
    fn ref_keys_are_one_to_three_parts_of_each_run() {
        assert_eq!(
            keys("${module.s.aws_s3_bucket.logs[0].id}-x"),
            [
                "",
                "-x",
                ".id",
                "0",
                "aws_s3_bucket",
                "aws_s3_bucket.logs",
                "id",
                "logs",
                "module",
                "module.s",
                "module.s.aws_s3_bucket",
                "s",
                "s.aws_s3_bucket",
                "s.aws_s3_bucket.logs",
            ]
        );
        assert_eq!(
            keys("a..b é .c"),
            ["", ".b", ".c", "a", "a.", "a..b", "b", "c"]
        );
    }

    #[test]
    fn plain_refs_are_one_to_three_ascii_parts() {
        for plain in [
            "Bucket",
            "aws_s3_bucket.b",
            "data.aws_iam_policy_document.p",
            "Deployment.shop.api-1",
        ] {
            assert!(is_plain_ref(plain), "{plain}");
        }
        for other in ["", "a..b", ".a", "a.", "a.b.c.d", "aws_s3_bucket.é", "a b"] {
            assert!(!is_plain_ref(other), "{other}");
        }
    }
}
