//! Terraform's built-in functions, evaluated over [`Val`].
//!
//! Behaviour follows Terraform (its `lang/funcs` and cty's stdlib): the same results, the same
//! automatic conversions, and an error wherever Terraform fails the call. Strings are measured in
//! Unicode scalar values where Terraform counts grapheme clusters; the two only differ for
//! combining sequences. Not provided: functions that read files or depend on the clock or on
//! randomness, the regex family (no regex engine here), hashes and UUIDs, and `try`/`can`, which
//! the evaluator handles lazily.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::iter::Peekable;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::CharIndices;

use super::budget;
use super::value::{format_number, Val};
use At::{Arg, Elem, Key};

/// Calls the Terraform function `name` with already-evaluated arguments.
///
/// Returns `Err` when the function is unknown to us, the arguments have the wrong type or count,
/// or the call fails the way Terraform would fail it. Errors start with the function's name.
pub fn call(name: &str, args: Vec<Val>) -> Result<Val, String> {
    let (_, min, max, func) = FUNCTIONS
        .iter()
        .find(|(known, ..)| *known == name)
        .ok_or_else(|| format!("call to unknown function \"{name}\""))?;
    check_arity(args.len(), *min, *max)
        .and_then(|()| func(&args))
        .map_err(|e| format!("{name}: {e}"))
}

/// True when `call` implements `name`.
pub fn is_known(name: &str) -> bool {
    FUNCTIONS.iter().any(|(known, ..)| *known == name)
}

type Func = fn(&[Val]) -> Result<Val, String>;

/// Every function: name, minimum and maximum argument count (`None`: no maximum), implementation.
/// Implementations may index arguments below the minimum count and use `get` above it.
const FUNCTIONS: &[(&str, usize, Option<usize>, Func)] = &[
    ("abs", 1, Some(1), |a| map_number(a, f64::abs)),
    ("alltrue", 1, Some(1), |a| {
        Ok(Val::Bool(bools(&a[0])?.iter().all(|b| *b == Some(true))))
    }),
    ("anytrue", 1, Some(1), |a| {
        Ok(Val::Bool(bools(&a[0])?.contains(&Some(true))))
    }),
    ("base64decode", 1, Some(1), base64decode),
    ("base64encode", 1, Some(1), |a| {
        map_string(a, |s| base64_encode(s.as_bytes()))
    }),
    ("ceil", 1, Some(1), |a| map_number(a, f64::ceil)),
    ("chomp", 1, Some(1), |a| {
        map_string(a, |s| s.trim_end_matches(['\r', '\n']).to_owned())
    }),
    ("chunklist", 2, Some(2), chunklist),
    ("cidrhost", 2, Some(2), cidrhost),
    ("cidrnetmask", 1, Some(1), cidrnetmask),
    ("cidrsubnet", 3, Some(3), cidrsubnet),
    ("cidrsubnets", 1, None, cidrsubnets),
    ("coalesce", 1, None, coalesce),
    ("coalescelist", 1, None, coalescelist),
    ("compact", 1, Some(1), compact),
    ("concat", 1, None, |a| {
        let lists = (0..a.len()).map(|i| list(&a[i], Arg(i)));
        Ok(Val::List(lists.collect::<Result<Vec<_>, _>>()?.concat()))
    }),
    ("contains", 2, Some(2), |a| {
        Ok(Val::Bool(list(&a[0], Arg(0))?.contains(&a[1])))
    }),
    ("distinct", 1, Some(1), |a| {
        Ok(Val::List(dedupe(unified_list(&a[0], Arg(0))?)))
    }),
    ("element", 2, Some(2), element),
    ("endswith", 2, Some(2), |a| {
        test_strings(a, |s, x| s.ends_with(x))
    }),
    ("flatten", 1, Some(1), |a| {
        let mut out = Vec::new();
        flatten_into(list(&a[0], Arg(0))?, &mut out);
        Ok(Val::List(out))
    }),
    ("floor", 1, Some(1), |a| map_number(a, f64::floor)),
    ("format", 1, None, |a| {
        format_values(&string(&a[0], Arg(0))?, &a[1..]).map(Val::String)
    }),
    ("formatlist", 1, None, formatlist),
    ("index", 2, Some(2), index),
    ("join", 2, None, join),
    ("jsondecode", 1, Some(1), jsondecode),
    ("jsonencode", 1, Some(1), |a| {
        to_json(&a[0]).map(Val::String)
    }),
    ("keys", 1, Some(1), |a| {
        let keys = object(&a[0], Arg(0))?.keys().cloned();
        Ok(Val::List(keys.map(Val::String).collect()))
    }),
    ("length", 1, Some(1), length),
    ("lookup", 2, Some(3), lookup),
    ("lower", 1, Some(1), |a| map_string(a, str::to_lowercase)),
    ("max", 1, None, |a| {
        Ok(Val::Number(
            numbers(a)?.into_iter().fold(f64::NEG_INFINITY, f64::max),
        ))
    }),
    ("merge", 0, None, merge),
    ("min", 1, None, |a| {
        Ok(Val::Number(
            numbers(a)?.into_iter().fold(f64::INFINITY, f64::min),
        ))
    }),
    ("nonsensitive", 1, Some(1), |a| Ok(a[0].clone())),
    ("one", 1, Some(1), |a| match list(&a[0], Arg(0))? {
        [] => Ok(Val::Null),
        [only] => Ok(only.clone()),
        _ => Err("must be a list, set, or tuple value with either zero or one elements".into()),
    }),
    ("parseint", 2, Some(2), parseint),
    ("pow", 2, Some(2), |a| {
        finite(number(&a[0], Arg(0))?.powf(number(&a[1], Arg(1))?))
    }),
    ("range", 1, Some(3), range),
    ("replace", 3, Some(3), replace),
    ("reverse", 1, Some(1), |a| {
        Ok(Val::List(
            list(&a[0], Arg(0))?.iter().rev().cloned().collect(),
        ))
    }),
    ("sensitive", 1, Some(1), |a| Ok(a[0].clone())),
    ("setintersection", 1, None, |a| {
        let mut sets = (0..a.len())
            .map(|i| set_arg(a, i))
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = sets.remove(0);
        let others: Vec<HashSet<String>> = sets.iter().map(|set| keys(set)).collect();
        out.retain(|v| {
            let key = value_key(v);
            others.iter().all(|set| set.contains(&key))
        });
        Ok(Val::List(out))
    }),
    ("setsubtract", 2, Some(2), |a| {
        let (mut out, remove) = (set_arg(a, 0)?, keys(&set_arg(a, 1)?));
        out.retain(|v| !remove.contains(&value_key(v)));
        Ok(Val::List(out))
    }),
    ("setunion", 1, None, |a| {
        let sets = (0..a.len())
            .map(|i| set_arg(a, i))
            .collect::<Result<Vec<_>, _>>()?;
        to_set(sets.concat()).map(Val::List)
    }),
    ("signum", 1, Some(1), |a| {
        map_number(a, |n| if n == 0.0 { 0.0 } else { n.signum() })
    }),
    ("slice", 3, Some(3), slice),
    ("sort", 1, Some(1), |a| {
        let mut items = strings(list(&a[0], Arg(0))?)?;
        items.sort();
        Ok(Val::List(items.into_iter().map(Val::String).collect()))
    }),
    ("split", 2, Some(2), split),
    ("startswith", 2, Some(2), |a| {
        test_strings(a, |s, x| s.starts_with(x))
    }),
    ("strcontains", 2, Some(2), |a| {
        test_strings(a, |s, x| s.contains(x))
    }),
    ("strrev", 1, Some(1), |a| {
        map_string(a, |s| s.chars().rev().collect())
    }),
    ("substr", 3, Some(3), substr),
    ("sum", 1, Some(1), sum),
    ("title", 1, Some(1), |a| map_string(a, title)),
    ("tobool", 1, Some(1), |a| match &a[0] {
        Val::Null => Ok(Val::Null),
        v => v
            .to_tf_bool()
            .map(Val::Bool)
            .ok_or_else(|| cannot_convert(v, "bool")),
    }),
    ("tolist", 1, Some(1), |a| match &a[0] {
        Val::Null => Ok(Val::Null),
        v @ Val::List(_) => unified_list(v, Arg(0)).map(Val::List),
        v => Err(cannot_convert(v, "list")),
    }),
    ("tomap", 1, Some(1), tomap),
    ("tonumber", 1, Some(1), |a| match &a[0] {
        Val::Null => Ok(Val::Null),
        v => v
            .to_tf_number()
            .filter(|n| n.is_finite())
            .map(Val::Number)
            .ok_or_else(|| cannot_convert(v, "number")),
    }),
    ("toset", 1, Some(1), |a| match &a[0] {
        Val::Null => Ok(Val::Null),
        Val::List(items) => to_set(items.clone()).map(Val::List),
        v => Err(cannot_convert(v, "set")),
    }),
    ("tostring", 1, Some(1), |a| match &a[0] {
        Val::Null => Ok(Val::Null),
        v => v
            .to_tf_string()
            .map(Val::String)
            .ok_or_else(|| cannot_convert(v, "string")),
    }),
    ("transpose", 1, Some(1), transpose),
    ("trim", 2, Some(2), |a| {
        let cutset = string(&a[1], Arg(1))?;
        let s = string(&a[0], Arg(0))?;
        Ok(Val::String(
            s.trim_matches(|c| cutset.contains(c)).to_owned(),
        ))
    }),
    ("trimprefix", 2, Some(2), |a| {
        let (s, prefix) = (string(&a[0], Arg(0))?, string(&a[1], Arg(1))?);
        Ok(Val::String(
            s.strip_prefix(&*prefix).unwrap_or(&s).to_owned(),
        ))
    }),
    ("trimspace", 1, Some(1), |a| {
        map_string(a, |s| s.trim().to_owned())
    }),
    ("trimsuffix", 2, Some(2), |a| {
        let (s, suffix) = (string(&a[0], Arg(0))?, string(&a[1], Arg(1))?);
        Ok(Val::String(
            s.strip_suffix(&*suffix).unwrap_or(&s).to_owned(),
        ))
    }),
    ("upper", 1, Some(1), |a| map_string(a, str::to_uppercase)),
    ("values", 1, Some(1), |a| {
        Ok(Val::List(
            object(&a[0], Arg(0))?.values().cloned().collect(),
        ))
    }),
    ("zipmap", 2, Some(2), zipmap),
];

/// Terraform's cap on the length of a `range` result.
const RANGE_LIMIT: usize = 1024;

/// The largest width or precision `format` accepts, so a format string cannot demand a huge
/// allocation.
const FORMAT_LIMIT: usize = 1_000_000;

fn check_arity(got: usize, min: usize, max: Option<usize>) -> Result<(), String> {
    let plural = if min == 1 { "" } else { "s" };
    match max {
        Some(max) if min == max && got != min => {
            Err(format!("expected {min} argument{plural}, got {got}"))
        }
        Some(max) if got < min || got > max => {
            Err(format!("expected {min} to {max} arguments, got {got}"))
        }
        None if got < min => Err(format!(
            "expected at least {min} argument{plural}, got {got}"
        )),
        _ => Ok(()),
    }
}

// ---- argument conversion ----

/// Where a value sits in a call, for error messages.
#[derive(Clone, Copy)]
enum At<'a> {
    Arg(usize),
    Elem(usize),
    Key(&'a str),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg(i) => write!(f, "argument {}", i + 1),
            Elem(i) => write!(f, "element {i}"),
            Key(key) => write!(f, "element {key:?}"),
        }
    }
}

fn mismatch(at: At, want: &str, got: &Val) -> String {
    format!("{at} must be {want}, got {}", got.type_name())
}

fn cannot_convert(v: &Val, to: &str) -> String {
    match v {
        Val::String(s) => format!("cannot convert {s:?} to {to}"),
        v => format!("cannot convert {} to {to}", v.type_name()),
    }
}

fn string(v: &Val, at: At) -> Result<String, String> {
    v.to_tf_string().ok_or_else(|| mismatch(at, "a string", v))
}

fn number(v: &Val, at: At) -> Result<f64, String> {
    v.to_tf_number()
        .filter(|n| n.is_finite())
        .ok_or_else(|| mismatch(at, "a number", v))
}

/// A whole number, within the range where every integer is exactly representable.
fn integer(v: &Val, at: At) -> Result<i64, String> {
    let n = number(v, at)?;
    if n.fract() != 0.0 {
        Err(format!(
            "{at} must be a whole number, got {}",
            format_number(n)
        ))
    } else if n.abs() > 9_007_199_254_740_992.0 {
        Err(format!("{at} is too large, got {}", format_number(n)))
    } else {
        Ok(n as i64)
    }
}

fn boolean(v: &Val, at: At) -> Result<bool, String> {
    v.to_tf_bool().ok_or_else(|| mismatch(at, "a bool", v))
}

fn list<'v>(v: &'v Val, at: At) -> Result<&'v [Val], String> {
    match v {
        Val::List(items) => Ok(items),
        v => Err(mismatch(at, "a list", v)),
    }
}

fn object<'v>(v: &'v Val, at: At) -> Result<&'v BTreeMap<String, Val>, String> {
    match v {
        Val::Object(map) => Ok(map),
        v => Err(mismatch(at, "an object", v)),
    }
}

fn strings(items: &[Val]) -> Result<Vec<String>, String> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| string(v, Elem(i)))
        .collect()
}

fn numbers(args: &[Val]) -> Result<Vec<f64>, String> {
    args.iter()
        .enumerate()
        .map(|(i, v)| number(v, Arg(i)))
        .collect()
}

/// The elements of a list of bools, `None` for null elements.
fn bools(v: &Val) -> Result<Vec<Option<bool>>, String> {
    let items = list(v, Arg(0))?.iter().enumerate();
    items
        .map(|(i, v)| match v {
            Val::Null => Ok(None),
            v => boolean(v, Elem(i)).map(Some),
        })
        .collect()
}

fn finite(n: f64) -> Result<Val, String> {
    if n.is_finite() {
        Ok(Val::Number(n))
    } else {
        Err("result is not a finite number".into())
    }
}

fn map_string(args: &[Val], f: fn(&str) -> String) -> Result<Val, String> {
    Ok(Val::String(f(&string(&args[0], Arg(0))?)))
}

fn map_number(args: &[Val], f: fn(f64) -> f64) -> Result<Val, String> {
    Ok(Val::Number(f(number(&args[0], Arg(0))?)))
}

fn test_strings(args: &[Val], test: fn(&str, &str) -> bool) -> Result<Val, String> {
    let (s, other) = (string(&args[0], Arg(0))?, string(&args[1], Arg(1))?);
    Ok(Val::Bool(test(&s, &other)))
}

/// Brings values to one type the way Terraform unifies collection elements: a mix of strings,
/// numbers and bools becomes all strings, nulls (and unknowns) fit any type, and lists and objects
/// only mix with their own kind. `None` when there is no common type.
fn unify(items: Vec<Val>) -> Option<Vec<Val>> {
    let mut kinds = items
        .iter()
        .filter(|v| !matches!(v, Val::Null | Val::Unknown(_)))
        .map(Val::type_name);
    let first = kinds.next();
    if kinds.all(|kind| Some(kind) == first) {
        return Some(items);
    }
    items
        .into_iter()
        .map(|v| match v {
            v @ (Val::Null | Val::Unknown(_)) => Some(v),
            v => v.to_tf_string().map(Val::String),
        })
        .collect()
}

/// A list argument with its elements unified to one type.
fn unified_list(v: &Val, at: At) -> Result<Vec<Val>, String> {
    unify(list(v, at)?.to_vec()).ok_or_else(|| "all elements must have the same type".into())
}

/// Removes repeated values, keeping the first of each in order (linear: values are hashed by
/// [`value_key`]).
fn dedupe(items: Vec<Val>) -> Vec<Val> {
    let mut seen = HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter(|v| seen.insert(value_key(v)))
        .collect()
}

/// A text equal for values Terraform calls equal and different otherwise, so values (which
/// hold floats) can be hashed.
fn value_key(v: &Val) -> String {
    fn write(v: &Val, out: &mut String) {
        use std::fmt::Write as _;
        match v {
            Val::Null => out.push('n'),
            Val::Bool(b) => out.push(if *b { 't' } else { 'f' }),
            // 0 and -0 are equal.
            Val::Number(n) => _ = write!(out, "d{:?};", if *n == 0.0 { 0.0 } else { *n }),
            Val::String(s) => _ = write!(out, "s{}:{s}", s.len()),
            Val::Unknown(s) => _ = write!(out, "u{}:{s}", s.len()),
            Val::List(items) => {
                _ = write!(out, "l{}:", items.len());
                items.iter().for_each(|i| write(i, out));
            }
            Val::Object(map) => {
                _ = write!(out, "o{}:", map.len());
                for (k, v) in map {
                    _ = write!(out, "{}:{k}", k.len());
                    write(v, out);
                }
            }
        }
    }
    let mut out = String::new();
    write(v, &mut out);
    out
}

/// The keys of a set's elements, for membership tests.
fn keys(set: &[Val]) -> HashSet<String> {
    set.iter().map(value_key).collect()
}

/// Makes a Terraform set: one element type, no duplicates, and strings, numbers or bools sorted
/// the way cty orders them. Sets of other values keep first-seen order.
fn to_set(items: Vec<Val>) -> Result<Vec<Val>, String> {
    let mut set = dedupe(unify(items).ok_or("all elements must have the same type")?);
    let same_kind = set.windows(2).all(|w| w[0].type_name() == w[1].type_name());
    if same_kind {
        // Within one primitive kind this is a total order; other kinds compare equal.
        set.sort_by(|a, b| match (a, b) {
            (Val::String(x), Val::String(y)) => x.cmp(y),
            (Val::Number(x), Val::Number(y)) => x.total_cmp(y),
            (Val::Bool(x), Val::Bool(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
    }
    Ok(set)
}

/// Argument `i` as a set.
fn set_arg(args: &[Val], i: usize) -> Result<Vec<Val>, String> {
    to_set(list(&args[i], Arg(i))?.to_vec())
}

// ---- collections ----

fn merge(args: &[Val]) -> Result<Val, String> {
    let mut out = BTreeMap::new();
    for (i, arg) in args.iter().enumerate() {
        match arg {
            Val::Null => {}
            Val::Object(map) => out.extend(map.clone()),
            v => return Err(mismatch(Arg(i), "an object or null", v)),
        }
    }
    Ok(Val::Object(out))
}

fn lookup(args: &[Val]) -> Result<Val, String> {
    let map = object(&args[0], Arg(0))?;
    let key = string(&args[1], Arg(1))?;
    map.get(&key)
        .or(args.get(2))
        .cloned()
        .ok_or_else(|| format!("lookup failed to find key {key:?}"))
}

/// `coalesce`: the first argument that is neither null nor an empty string, after unifying types.
fn coalesce(args: &[Val]) -> Result<Val, String> {
    let args = unify(args.to_vec()).ok_or("all arguments must have the same type")?;
    args.into_iter()
        .find(|v| !matches!(v, Val::Null) && !matches!(v, Val::String(s) if s.is_empty()))
        .ok_or_else(|| "no non-null, non-empty-string arguments".into())
}

fn coalescelist(args: &[Val]) -> Result<Val, String> {
    let lists = (0..args.len()).map(|i| list(&args[i], Arg(i)));
    let lists = lists.collect::<Result<Vec<_>, _>>()?;
    let first = lists.into_iter().find(|items| !items.is_empty());
    first
        .map(|items| Val::List(items.to_vec()))
        .ok_or_else(|| "no non-null arguments".into())
}

/// `compact`: the list's elements as strings, without nulls and empty strings. Unknown elements
/// are kept as they are.
fn compact(args: &[Val]) -> Result<Val, String> {
    let mut out = Vec::new();
    for (i, v) in list(&args[0], Arg(0))?.iter().enumerate() {
        match v {
            Val::Null => {}
            Val::Unknown(_) => out.push(v.clone()),
            v => {
                let s = string(v, Elem(i))?;
                if !s.is_empty() {
                    out.push(Val::String(s));
                }
            }
        }
    }
    Ok(Val::List(out))
}

fn flatten_into(items: &[Val], out: &mut Vec<Val>) {
    for v in items {
        match v {
            Val::List(inner) => flatten_into(inner, out),
            v => out.push(v.clone()),
        }
    }
}

/// `element`: the item at `index` modulo the list length.
fn element(args: &[Val]) -> Result<Val, String> {
    let items = list(&args[0], Arg(0))?;
    let index = integer(&args[1], Arg(1))?;
    if index < 0 {
        return Err("cannot use element function with a negative index".into());
    }
    if items.is_empty() {
        return Err("cannot use element function with an empty list".into());
    }
    Ok(items[(index as u64 % items.len() as u64) as usize].clone())
}

fn index(args: &[Val]) -> Result<Val, String> {
    let items = list(&args[0], Arg(0))?;
    if items.is_empty() {
        return Err("cannot search an empty list".into());
    }
    let found = items.iter().position(|v| *v == args[1]);
    found
        .map(|i| Val::Number(i as f64))
        .ok_or_else(|| "item not found".into())
}

fn slice(args: &[Val]) -> Result<Val, String> {
    let items = list(&args[0], Arg(0))?;
    let (start, end) = (integer(&args[1], Arg(1))?, integer(&args[2], Arg(2))?);
    if start < 0 {
        return Err("from index must be greater than or equal to 0".into());
    }
    if end > items.len() as i64 {
        return Err("to index must be less than or equal to the length of the input list".into());
    }
    if start > end {
        return Err("from index must be less than or equal to index".into());
    }
    Ok(Val::List(items[start as usize..end as usize].to_vec()))
}

/// `chunklist`: the list split into lists of `size` items (the whole list when `size` is 0).
fn chunklist(args: &[Val]) -> Result<Val, String> {
    let items = list(&args[0], Arg(0))?;
    let size = integer(&args[1], Arg(1))?;
    if size < 0 {
        return Err("the size argument must be positive".into());
    }
    if items.is_empty() {
        return Ok(Val::List(Vec::new()));
    }
    let chunks = match usize::try_from(size) {
        Ok(size) if size > 0 => items.chunks(size).map(|c| Val::List(c.to_vec())).collect(),
        _ => vec![Val::List(items.to_vec())],
    };
    Ok(Val::List(chunks))
}

fn length(args: &[Val]) -> Result<Val, String> {
    let len = match &args[0] {
        Val::String(s) => s.chars().count(),
        Val::List(items) => items.len(),
        Val::Object(map) => map.len(),
        v => return Err(mismatch(Arg(0), "a string, list or object", v)),
    };
    Ok(Val::Number(len as f64))
}

/// `range(limit)`, `range(start, limit)` or `range(start, limit, step)`, as cty computes it.
fn range(args: &[Val]) -> Result<Val, String> {
    let nums = numbers(args)?;
    let (start, end) = if nums.len() == 1 {
        (0.0, nums[0])
    } else {
        (nums[0], nums[1])
    };
    let step = nums
        .get(2)
        .copied()
        .unwrap_or(if end < start { -1.0 } else { 1.0 });
    if step == 0.0 {
        return Err("step must not be zero".into());
    }
    if step < 0.0 && end > start {
        return Err("end must be less than start when step is negative".into());
    }
    if step > 0.0 && end < start {
        return Err("end must be greater than start when step is positive".into());
    }
    let out: Vec<Val> = (0..=RANGE_LIMIT)
        .map(|i| start + i as f64 * step)
        .take_while(|&v| if step > 0.0 { v < end } else { v > end })
        .map(Val::Number)
        .collect();
    if out.len() > RANGE_LIMIT {
        return Err(format!(
            "more than {RANGE_LIMIT} values were generated; either decrease the difference \
             between start and end or use a smaller step"
        ));
    }
    Ok(Val::List(out))
}

fn sum(args: &[Val]) -> Result<Val, String> {
    let items = list(&args[0], Arg(0))?;
    if items.is_empty() {
        return Err("cannot sum an empty list".into());
    }
    let nums = items.iter().enumerate().map(|(i, v)| number(v, Elem(i)));
    finite(nums.sum::<Result<f64, String>>()?)
}

fn tomap(args: &[Val]) -> Result<Val, String> {
    match &args[0] {
        Val::Null => Ok(Val::Null),
        Val::Object(map) => {
            let (keys, values): (Vec<String>, Vec<Val>) = map.clone().into_iter().unzip();
            let values = unify(values).ok_or("all map elements must have the same type")?;
            Ok(Val::Object(keys.into_iter().zip(values).collect()))
        }
        v => Err(cannot_convert(v, "map")),
    }
}

/// `transpose`: swaps keys and values of a map of lists of strings.
fn transpose(args: &[Val]) -> Result<Val, String> {
    let mut out: BTreeMap<String, Vec<Val>> = BTreeMap::new();
    for (key, items) in object(&args[0], Arg(0))? {
        for value in strings(list(items, Key(key))?)? {
            out.entry(value).or_default().push(Val::String(key.clone()));
        }
    }
    Ok(Val::Object(
        out.into_iter().map(|(k, v)| (k, Val::List(v))).collect(),
    ))
}

fn zipmap(args: &[Val]) -> Result<Val, String> {
    let keys = strings(list(&args[0], Arg(0))?)?;
    let values = list(&args[1], Arg(1))?;
    if keys.len() != values.len() {
        return Err(format!(
            "number of keys ({}) does not match number of values ({})",
            keys.len(),
            values.len()
        ));
    }
    Ok(Val::Object(
        keys.into_iter().zip(values.iter().cloned()).collect(),
    ))
}

// ---- strings ----

/// `join(separator, lists...)`.
fn join(args: &[Val]) -> Result<Val, String> {
    let separator = string(&args[0], Arg(0))?;
    let mut parts = Vec::new();
    for (i, arg) in args.iter().enumerate().skip(1) {
        parts.extend(strings(list(arg, Arg(i))?)?);
    }
    let joined = parts.iter().map(String::len).sum::<usize>()
        + separator
            .len()
            .saturating_mul(parts.len().saturating_sub(1));
    budget::check_len(joined)?;
    Ok(Val::String(parts.join(&separator)))
}

/// `split(separator, string)`, with Go's rule that an empty separator splits into characters.
fn split(args: &[Val]) -> Result<Val, String> {
    let separator = string(&args[0], Arg(0))?;
    let s = string(&args[1], Arg(1))?;
    let pieces = if separator.is_empty() {
        s.chars().count()
    } else {
        s.matches(&*separator).count() + 1
    };
    budget::check_len(s.len() + pieces.saturating_mul(budget::VALUE_OVERHEAD))?;
    let parts: Vec<Val> = if separator.is_empty() {
        s.chars().map(|c| Val::String(c.to_string())).collect()
    } else {
        s.split(&*separator)
            .map(|p| Val::String(p.to_owned()))
            .collect()
    };
    Ok(Val::List(parts))
}

/// `replace` with a plain substring; `/.../` regular expression patterns are refused.
fn replace(args: &[Val]) -> Result<Val, String> {
    let s = string(&args[0], Arg(0))?;
    let from = string(&args[1], Arg(1))?;
    let to = string(&args[2], Arg(2))?;
    if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
        return Err("regular expression patterns are not supported".into());
    }
    // The result's length before building it: a long `to` can multiply the string.
    let hits = if from.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(&*from).count()
    };
    budget::check_len(s.len() - hits * from.len() + hits.saturating_mul(to.len()))?;
    Ok(Val::String(s.replace(&from, &to)))
}

/// `substr(string, offset, length)`: a negative offset counts from the end, a negative length
/// takes the rest, and an offset past the end gives an empty string.
fn substr(args: &[Val]) -> Result<Val, String> {
    let s = string(&args[0], Arg(0))?;
    let offset = integer(&args[1], Arg(1))?;
    let length = integer(&args[2], Arg(2))?;
    let start = if offset < 0 {
        offset + s.chars().count() as i64
    } else {
        offset
    };
    let rest = s.chars().skip(usize::try_from(start).unwrap_or(0));
    Ok(Val::String(match usize::try_from(length) {
        Ok(length) => rest.take(length).collect(),
        Err(_) => rest.collect(),
    }))
}

/// Go's `strings.Title`: upper-cases the first letter of every word.
fn title(s: &str) -> String {
    let is_separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            c.is_whitespace()
        }
    };
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        if is_separator(prev) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// `parseint(string, base)` for bases 2 to 62, as Go's `big.Int.SetString` reads digits.
fn parseint(args: &[Val]) -> Result<Val, String> {
    let Val::String(s) = &args[0] else {
        return Err(mismatch(Arg(0), "a string", &args[0]));
    };
    let base = integer(&args[1], Arg(1))?;
    if !(2..=62).contains(&base) {
        return Err("base must be a whole number between 2 and 62 inclusive".into());
    }
    let fail = || format!("cannot parse {s:?} as a base {base} integer");
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() {
        return Err(fail());
    }
    let mut n = 0.0;
    for c in digits.chars() {
        let digit = match c {
            'A'..='Z' if base > 36 => Some(u32::from(c) - u32::from('A') + 36),
            c => c.to_digit(36),
        };
        match digit {
            Some(d) if i64::from(d) < base => n = n * base as f64 + f64::from(d),
            _ => return Err(fail()),
        }
    }
    finite(if negative { -n } else { n }).map_err(|_| fail())
}

// ---- format ----

/// One `%` directive of a format string.
#[derive(Default)]
struct Verb<'a> {
    raw: &'a str,
    offset: usize,
    mode: char,
    sharp: bool,
    zero: bool,
    minus: bool,
    plus: bool,
    space: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// Go-style `printf` formatting with Terraform's verbs, argument indexes (`%[2]s`) and errors.
fn format_values(spec: &str, args: &[Val]) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = spec.char_indices().peekable();
    let (mut next, mut highest) = (0, 0);
    while let Some((offset, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.next_if(|&(_, c)| c == '%').is_some() {
            out.push('%');
            continue;
        }
        let mut verb = Verb {
            offset,
            ..Verb::default()
        };
        while let Some((_, flag)) = chars.next_if(|&(_, c)| "#0-+ ".contains(c)) {
            match flag {
                '#' => verb.sharp = true,
                '0' => verb.zero = true,
                '-' => verb.minus = true,
                '+' => verb.plus = true,
                _ => verb.space = true,
            }
        }
        if chars.next_if(|&(_, c)| c == '[').is_some() {
            let n = scan_number(&mut chars, false);
            next = n.ok_or_else(|| unexpected(chars.peek(), offset))? - 1;
            chars
                .next_if(|&(_, c)| c == ']')
                .ok_or_else(|| unexpected(chars.peek(), offset))?;
        }
        verb.width = scan_number(&mut chars, false);
        if chars.next_if(|&(_, c)| c == '.').is_some() {
            verb.prec = Some(scan_number(&mut chars, true).unwrap_or(0));
        }
        let (end, mode) = chars
            .next_if(|&(_, c)| c.is_ascii_alphabetic())
            .ok_or_else(|| unexpected(chars.peek(), offset))?;
        verb.raw = &spec[offset..=end];
        verb.mode = mode;
        if verb.width.max(verb.prec).is_some_and(|n| n > FORMAT_LIMIT) {
            return Err(format!(
                "width or precision too large in {:?} at offset {offset}",
                verb.raw
            ));
        }
        let arg = args.get(next).ok_or_else(|| {
            format!(
                "not enough arguments for {:?} at {offset}: need index {} but have {} total",
                verb.raw,
                next + 1,
                args.len()
            )
        })?;
        out.push_str(&format_arg(&verb, arg)?);
        budget::check_len(out.len())?;
        next += 1;
        highest = highest.max(next);
    }
    match highest {
        h if h >= args.len() => Ok(out),
        0 => Err("too many arguments; no verbs in format string".into()),
        h => Err(format!(
            "too many arguments; only {h} used by format string"
        )),
    }
}

/// Reads a decimal number; `None` when there are no digits, or when it starts with `0` and
/// `leading_zero` is false.
fn scan_number(chars: &mut Peekable<CharIndices>, leading_zero: bool) -> Option<usize> {
    if !leading_zero && chars.peek().is_some_and(|&(_, c)| c == '0') {
        return None;
    }
    let mut n = None;
    while let Some((_, c)) = chars.next_if(|&(_, c)| c.is_ascii_digit()) {
        let digit = c.to_digit(10).unwrap_or(0) as usize;
        n = Some(
            n.unwrap_or(0_usize)
                .saturating_mul(10)
                .saturating_add(digit),
        );
    }
    n
}

/// The error for an unexpected character, or the end of the string, inside a verb.
fn unexpected(next: Option<&(usize, char)>, offset: usize) -> String {
    match next {
        Some((at, c)) => format!("unrecognized format character {c:?} at offset {at}"),
        None => format!("invalid format string starting at offset {offset}"),
    }
}

fn format_arg(verb: &Verb, arg: &Val) -> Result<String, String> {
    let fail = |why: &str| {
        format!(
            "unsupported value for {:?} at {}: {why}",
            verb.raw, verb.offset
        )
    };
    if matches!(arg, Val::Null) && verb.mode != 'v' {
        return Err(fail("null value cannot be formatted"));
    }
    match verb.mode {
        'v' => {
            let text = match arg {
                Val::String(s) if !verb.sharp => s.clone(),
                Val::Number(n) if !verb.sharp => format_g(*n, None, false),
                v => to_json(v).map_err(|e| fail(&e))?,
            };
            Ok(pad(text, verb.width, verb.zero, verb.minus))
        }
        't' => arg
            .to_tf_bool()
            .map(|b| b.to_string())
            .ok_or_else(|| fail("bool required")),
        'b' | 'd' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'g' | 'G' => {
            let n = arg.to_tf_number().filter(|n| n.is_finite());
            format_numeric(verb, n.ok_or_else(|| fail("number required"))?).map_err(fail)
        }
        's' | 'q' => {
            let s = arg.to_tf_string().ok_or_else(|| fail("string required"))?;
            let s = match verb.prec {
                Some(prec) if prec > 0 => s.chars().take(prec).collect(),
                _ => s,
            };
            let text = if verb.mode == 'q' { json_string(&s) } else { s };
            Ok(pad(text, verb.width, verb.zero, verb.minus))
        }
        mode => Err(format!(
            "unsupported format verb {mode:?} in {:?} at offset {}",
            verb.raw, verb.offset
        )),
    }
}

/// Go's formatting of a number for `%b %d %o %x %X %e %E %f %g %G`, with sign flags and padding.
fn format_numeric(verb: &Verb, n: f64) -> Result<String, &'static str> {
    let x = n.abs();
    let mut digits = match verb.mode {
        'e' | 'E' => format_e(x, verb.prec.unwrap_or(6), verb.mode == 'E'),
        'f' => format!("{x:.*}", verb.prec.unwrap_or(6)),
        'g' | 'G' => format_g(x, verb.prec, verb.mode == 'G'),
        _ if x.fract() != 0.0 => return Err("an integer is required"),
        'd' => format!("{x:.0}"),
        _ if x >= 2f64.powi(128) => return Err("integer is too large"),
        mode => {
            let u = x as u128;
            match mode {
                'b' => format!("{u:b}"),
                'o' => format!("{u:o}"),
                'x' => format!("{u:x}"),
                _ => format!("{u:X}"),
            }
        }
    };
    if let Some(prec) = verb.prec.filter(|_| "bdoxX".contains(verb.mode)) {
        if digits.len() < prec {
            digits.insert_str(0, &"0".repeat(prec - digits.len()));
        }
    }
    let sign = match () {
        _ if n < 0.0 => "-",
        _ if verb.plus => "+",
        _ if verb.space => " ",
        _ => "",
    };
    if verb.zero && !verb.minus {
        let zeros = verb
            .width
            .unwrap_or(0)
            .saturating_sub(sign.len() + digits.len());
        return Ok(format!("{sign}{}{digits}", "0".repeat(zeros)));
    }
    Ok(pad(
        format!("{sign}{digits}"),
        verb.width,
        false,
        verb.minus,
    ))
}

/// Pads `text` to `width` characters with spaces, or zeros when `zero`; on the right when `left`.
fn pad(text: String, width: Option<usize>, zero: bool, left: bool) -> String {
    let len = text.chars().count();
    match width {
        Some(width) if width > len => {
            let fill = (if zero { "0" } else { " " }).repeat(width - len);
            if left {
                text + &fill
            } else {
                fill + &text
            }
        }
        _ => text,
    }
}

/// Go's `%e`: `d.dddddde±dd` with `prec` fraction digits.
fn format_e(x: f64, prec: usize, upper: bool) -> String {
    let sci = format!("{x:.prec$e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    with_exponent(mantissa, exp.parse().unwrap_or(0), upper)
}

fn with_exponent(mantissa: &str, exp: i32, upper: bool) -> String {
    let e = if upper { 'E' } else { 'e' };
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}{e}{sign}{:02}", exp.unsigned_abs())
}

/// Go's `%g`: `prec` significant digits (the shortest exact form when `None`), in exponent form
/// when the exponent is below -4 or at least the precision, without trailing zeros.
fn format_g(x: f64, prec: Option<usize>, upper: bool) -> String {
    let sci = match prec {
        Some(prec) => format!("{:.*e}", prec.max(1) - 1, x.abs()),
        None => format!("{:e}", x.abs()),
    };
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let all_digits = mantissa.replace('.', "");
    let digits = match all_digits.trim_end_matches('0') {
        "" => "0",
        digits => digits,
    };
    let count = digits.len() as i32;
    let exp_limit = match prec {
        None => 6,
        Some(prec) => {
            let prec = prec.max(1) as i32;
            if prec > count && count > exp {
                count
            } else {
                prec
            }
        }
    };
    let body = if exp < -4 || exp >= exp_limit {
        let (first, rest) = digits.split_at(1);
        let mantissa = if rest.is_empty() {
            first.to_owned()
        } else {
            format!("{first}.{rest}")
        };
        with_exponent(&mantissa, exp, upper)
    } else {
        fixed(digits, exp + 1)
    };
    if x < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

/// Writes `digits` with the decimal point `point` digits from the left (Go's `%f` layout).
fn fixed(digits: &str, point: i32) -> String {
    let count = digits.len() as i32;
    if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point >= count {
        format!("{digits}{}", "0".repeat((point - count) as usize))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    }
}

/// `formatlist`: formats once per element of the list arguments (which must have equal lengths),
/// repeating non-list arguments.
fn formatlist(args: &[Val]) -> Result<Val, String> {
    let spec = string(&args[0], Arg(0))?;
    let values = &args[1..];
    let mut rows: Option<(usize, usize)> = None;
    for (i, v) in values.iter().enumerate() {
        if let Val::List(items) = v {
            match rows {
                None => rows = Some((items.len(), i)),
                Some((len, first)) if len != items.len() => {
                    return Err(format!(
                        "argument {} has length {}, which is inconsistent with argument {} of \
                         length {len}",
                        i + 1,
                        items.len(),
                        first + 1
                    ))
                }
                Some(_) => {}
            }
        }
    }
    let rows = rows.map_or(1, |(len, _)| len);
    // Each row may be as long as `format` allows: stop once the list is over the value limit.
    let mut built = 0usize;
    let lines = (0..rows).map(|row| {
        let row_args: Vec<Val> = values
            .iter()
            .map(|v| match v {
                Val::List(items) => items[row].clone(),
                v => v.clone(),
            })
            .collect();
        let line = format_values(&spec, &row_args)
            .map_err(|e| format!("error on format iteration {row}: {e}"))?;
        built += line.len() + budget::VALUE_OVERHEAD;
        budget::check_len(built)?;
        Ok(Val::String(line))
    });
    lines.collect::<Result<_, _>>().map(Val::List)
}

// ---- encodings ----

/// Terraform's `jsonencode` text: compact, object keys sorted, integers without a fraction, and
/// `<`, `>`, `&`, U+2028 and U+2029 escaped as Go's encoder does.
fn to_json(v: &Val) -> Result<String, String> {
    let mut out = String::new();
    write_json(v, &mut out)?;
    Ok(out)
}

fn write_json(v: &Val, out: &mut String) -> Result<(), String> {
    match v {
        Val::Null => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Number(n) if !n.is_finite() => return Err("cannot encode a non-finite number".into()),
        Val::Number(n) => out.push_str(&format_number(*n)),
        Val::String(s) => write_json_string(s, out),
        Val::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out)?;
            }
            out.push(']');
        }
        Val::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(key, out);
                out.push(':');
                write_json(item, out)?;
            }
            out.push('}');
        }
        Val::Unknown(_) => return Err("cannot encode an unknown value".into()),
    }
    Ok(())
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_json_string(s, &mut out);
    out
}

fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\0'..='\u{1f}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn jsondecode(args: &[Val]) -> Result<Val, String> {
    let text = string(&args[0], Arg(0))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("invalid JSON: {e}"))?;
    from_json(json)
}

fn from_json(json: serde_json::Value) -> Result<Val, String> {
    use serde_json::Value as J;
    Ok(match json {
        J::Null => Val::Null,
        J::Bool(b) => Val::Bool(b),
        J::Number(n) => Val::Number(
            n.as_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| format!("number {n} is out of range"))?,
        ),
        J::String(s) => Val::String(s),
        J::Array(items) => Val::List(items.into_iter().map(from_json).collect::<Result<_, _>>()?),
        J::Object(map) => Val::Object(
            map.into_iter()
                .map(|(k, v)| Ok((k, from_json(v)?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(BASE64[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard padded base64, ignoring line breaks as Go's decoder does; the result must be UTF-8.
fn base64decode(args: &[Val]) -> Result<Val, String> {
    let text = string(&args[0], Arg(0))?;
    let invalid = || format!("failed to decode base64 data {text:?}");
    let input: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b'\r' | b'\n'))
        .collect();
    if input.len() % 4 != 0 {
        return Err(invalid());
    }
    let chunks = input.len() / 4;
    let mut out = Vec::with_capacity(chunks * 3);
    for (index, chunk) in input.chunks(4).enumerate() {
        let padding = chunk.iter().rev().take_while(|&&b| b == b'=').count();
        if padding > 2 || (padding > 0 && index + 1 < chunks) {
            return Err(invalid());
        }
        let mut n = 0u32;
        for &b in &chunk[..4 - padding] {
            let sextet = BASE64.iter().position(|&c| c == b).ok_or_else(invalid)?;
            n = n << 6 | sextet as u32;
        }
        n <<= 6 * padding;
        out.extend_from_slice(&n.to_be_bytes()[1..4 - padding]);
    }
    String::from_utf8(out)
        .map(Val::String)
        .map_err(|_| "the result of decoding the provided string is not valid UTF-8".into())
}

// ---- networking ----

/// An IP network prefix, the address held as an integer.
struct Cidr {
    addr: u128,
    /// 32 for IPv4, 128 for IPv6.
    bits: u32,
    len: u32,
}

impl Cidr {
    /// Parses a prefix like Go's `net.ParseCIDR`, clearing the host bits of the address.
    fn parse(s: &str) -> Result<Self, String> {
        let invalid = || format!("invalid CIDR expression: invalid CIDR address: {s}");
        let (ip, len) = s.split_once('/').ok_or_else(invalid)?;
        let (addr, bits) = match ip.parse::<IpAddr>().map_err(|_| invalid())? {
            IpAddr::V4(ip) => (u128::from(u32::from(ip)), 32),
            IpAddr::V6(ip) => (u128::from(ip), 128),
        };
        let len = Some(len)
            .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|l| l.parse::<u32>().ok())
            .filter(|l| *l <= bits)
            .ok_or_else(invalid)?;
        Ok(Cidr {
            addr: addr & mask(bits, len),
            bits,
            len,
        })
    }

    fn ip(&self, addr: u128) -> String {
        if self.bits == 32 {
            Ipv4Addr::from(addr as u32).to_string()
        } else {
            Ipv6Addr::from(addr).to_string()
        }
    }
}

/// `bits` wide, with the top `len` bits set (`len <= bits`).
fn mask(bits: u32, len: u32) -> u128 {
    u128::MAX.checked_shl(bits - len).unwrap_or(0) & ones(bits)
}

/// The lowest `bits` bits set.
fn ones(bits: u32) -> u128 {
    u128::MAX.checked_shr(128 - bits).unwrap_or(0)
}

/// `cidrhost(prefix, hostnum)`; a negative host number counts back from the last address.
fn cidrhost(args: &[Val]) -> Result<Val, String> {
    let net = Cidr::parse(&string(&args[0], Arg(0))?)?;
    let host = integer(&args[1], Arg(1))?;
    let max = ones(net.bits - net.len);
    let offset = if host >= 0 {
        Some(host as u128)
    } else {
        max.checked_sub(u128::from(host.unsigned_abs() - 1))
    };
    let offset = offset.filter(|o| *o <= max).ok_or_else(|| {
        format!(
            "prefix of {} does not accommodate a host numbered {host}",
            net.len
        )
    })?;
    Ok(Val::String(net.ip(net.addr | offset)))
}

fn cidrnetmask(args: &[Val]) -> Result<Val, String> {
    let prefix = string(&args[0], Arg(0))?;
    let net = Cidr::parse(&prefix)?;
    if net.bits != 32 {
        return Err(format!("IPv6 addresses cannot have a netmask: {prefix}"));
    }
    Ok(Val::String(net.ip(mask(32, net.len))))
}

/// `cidrsubnet(prefix, newbits, netnum)`.
fn cidrsubnet(args: &[Val]) -> Result<Val, String> {
    let net = Cidr::parse(&string(&args[0], Arg(0))?)?;
    let newbits = integer(&args[1], Arg(1))?;
    let netnum = integer(&args[2], Arg(2))?;
    let len = u32::try_from(newbits)
        .ok()
        .and_then(|b| b.checked_add(net.len))
        .filter(|len| *len <= net.bits)
        .ok_or_else(|| {
            format!(
                "insufficient address space to extend prefix of {} by {newbits}",
                net.len
            )
        })?;
    let num = u128::try_from(netnum)
        .ok()
        .filter(|num| *num <= ones(len - net.len))
        .ok_or_else(|| {
            format!("prefix extension of {newbits} does not accommodate a subnet numbered {netnum}")
        })?;
    let addr = net.addr | num.checked_shl(net.bits - len).unwrap_or(0);
    Ok(Val::String(format!("{}/{len}", net.ip(addr))))
}

/// `cidrsubnets(prefix, newbits...)`: consecutive subnets, each aligned to its own size, as
/// Terraform allocates them with go-cidr's `NextSubnet`.
fn cidrsubnets(args: &[Val]) -> Result<Val, String> {
    let net = Cidr::parse(&string(&args[0], Arg(0))?)?;
    let all = ones(net.bits);
    let mut out = Vec::new();
    let mut current: Option<(u128, u32)> = None;
    for (i, arg) in args.iter().enumerate().skip(1) {
        let newbits = integer(arg, Arg(i))?;
        if newbits < 1 {
            return Err("must extend prefix by at least one bit".into());
        }
        if newbits > 32 {
            return Err("may not extend prefix by more than 32 bits".into());
        }
        let len = net.len + newbits as u32;
        if len > net.bits {
            let family = if net.bits == 32 { 4 } else { 6 };
            return Err(format!(
                "would extend prefix to {len} bits, which is too long for an IPv{family} address"
            ));
        }
        // The first subnet follows the block just below the prefix, at the first size.
        let (addr, addr_len) =
            current.unwrap_or((net.addr.wrapping_sub(1) & all & mask(net.bits, len), len));
        let last = addr | ones(net.bits - addr_len);
        let next = ((last & mask(net.bits, len)) | ones(net.bits - len)).wrapping_add(1) & all;
        if next == 0 || next & mask(net.bits, net.len) != net.addr {
            return Err(format!(
                "not enough remaining address space for a subnet with a prefix of {len} bits \
                 after {}/{addr_len}",
                net.ip(addr)
            ));
        }
        out.push(Val::String(format!("{}/{len}", net.ip(next))));
        current = Some((next, len));
    }
    Ok(Val::List(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Val {
        Val::String(v.to_owned())
    }

    fn n(v: f64) -> Val {
        Val::Number(v)
    }

    fn strs(items: &[&str]) -> Val {
        Val::List(items.iter().map(|v| s(v)).collect())
    }

    fn nums(items: &[f64]) -> Val {
        Val::List(items.iter().map(|v| n(*v)).collect())
    }

    fn obj(pairs: &[(&str, Val)]) -> Val {
        Val::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn ok(name: &str, args: Vec<Val>) -> Val {
        call(name, args).unwrap_or_else(|e| panic!("{name} failed: {e}"))
    }

    fn err(name: &str, args: Vec<Val>) -> String {
        match call(name, args) {
            Ok(v) => panic!("{name} returned {v:?}, expected an error"),
            Err(e) => e,
        }
    }

    /// `format` with its arguments, as a string.
    fn fmt(spec: &str, args: Vec<Val>) -> String {
        match ok("format", [vec![s(spec)], args].concat()) {
            Val::String(out) => out,
            v => panic!("format returned {v:?}"),
        }
    }

    #[test]
    fn registry_is_sorted_unique_and_known() {
        let names: Vec<&str> = FUNCTIONS.iter().map(|(name, ..)| *name).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert!(names.iter().all(|name| is_known(name)));
        for excluded in [
            "try",
            "can",
            "file",
            "templatefile",
            "timestamp",
            "regex",
            "uuid",
        ] {
            assert!(!is_known(excluded), "{excluded}");
        }
        assert_eq!(err("nosuch", vec![]), "call to unknown function \"nosuch\"");
    }

    #[test]
    fn arity_is_checked() {
        assert_eq!(err("upper", vec![]), "upper: expected 1 argument, got 0");
        assert_eq!(
            err("slice", vec![nums(&[1.0])]),
            "slice: expected 3 arguments, got 1"
        );
        assert_eq!(
            err("lookup", vec![obj(&[])]),
            "lookup: expected 2 to 3 arguments, got 1"
        );
        assert_eq!(
            err("concat", vec![]),
            "concat: expected at least 1 argument, got 0"
        );
        assert_eq!(
            err("join", vec![s(",")]),
            "join: expected at least 2 arguments, got 1"
        );
    }

    #[test]
    fn merge_overrides_left_to_right_and_skips_null() {
        let merged = ok(
            "merge",
            vec![
                obj(&[("a", n(1.0)), ("b", n(2.0))]),
                Val::Null,
                obj(&[("b", s("x")), ("c", Val::Bool(true))]),
            ],
        );
        assert_eq!(
            merged,
            obj(&[("a", n(1.0)), ("b", s("x")), ("c", Val::Bool(true))])
        );
        assert_eq!(ok("merge", vec![]), obj(&[]));
        assert_eq!(
            err("merge", vec![obj(&[]), strs(&["a"])]),
            "merge: argument 2 must be an object or null, got list"
        );
    }

    #[test]
    fn concat_joins_lists() {
        assert_eq!(
            ok(
                "concat",
                vec![strs(&["a"]), Val::List(vec![]), nums(&[1.0, 2.0])]
            ),
            Val::List(vec![s("a"), n(1.0), n(2.0)])
        );
        assert_eq!(
            err("concat", vec![strs(&["a"]), s("b")]),
            "concat: argument 2 must be a list, got string"
        );
    }

    #[test]
    fn lookup_with_and_without_default() {
        let map = obj(&[("a", s("x")), ("n", n(3.0))]);
        assert_eq!(ok("lookup", vec![map.clone(), s("a")]), s("x"));
        assert_eq!(
            ok("lookup", vec![map.clone(), s("b"), s("dflt")]),
            s("dflt")
        );
        assert_eq!(ok("lookup", vec![map.clone(), s("n"), s("dflt")]), n(3.0));
        assert_eq!(
            err("lookup", vec![map, s("b")]),
            "lookup: lookup failed to find key \"b\""
        );
        assert_eq!(
            err("lookup", vec![strs(&[]), s("a")]),
            "lookup: argument 1 must be an object, got list"
        );
    }

    #[test]
    fn format_strings_and_defaults() {
        assert_eq!(
            fmt("Hello, %s!", vec![s("Ermintrude")]),
            "Hello, Ermintrude!"
        );
        assert_eq!(fmt("100%% successful", vec![]), "100% successful");
        assert_eq!(fmt("%s %s", vec![n(10.0), Val::Bool(false)]), "10 false");
        assert_eq!(
            fmt("%v|%v|%v", vec![s("a"), n(2.0), Val::Bool(true)]),
            "a|2|true"
        );
        assert_eq!(fmt("%v", vec![n(1_000_000.0)]), "1e+06");
        assert_eq!(fmt("%v", vec![n(0.5)]), "0.5");
        assert_eq!(fmt("%v", vec![Val::Null]), "null");
        assert_eq!(
            fmt("%v", vec![obj(&[("k", strs(&["a"]))])]),
            "{\"k\":[\"a\"]}"
        );
        assert_eq!(fmt("%#v", vec![s("hello")]), "\"hello\"");
        assert_eq!(fmt("%q", vec![s("Hello\nWorld")]), "\"Hello\\nWorld\"");
        assert_eq!(fmt("%t", vec![s("false")]), "false");
        assert_eq!(
            fmt("%10s|%-10s|", vec![s("hello"), s("hello")]),
            "     hello|hello     |"
        );
        assert_eq!(
            fmt("%.2s %4.2s %.1q", vec![s("hello"), s("hello"), s("日本語")]),
            "he   he \"日\""
        );
        assert_eq!(fmt("%[2]s %s %[1]s", vec![s("a"), s("b"), s("c")]), "b c a");
    }

    #[test]
    fn format_numbers() {
        assert_eq!(fmt("%d", vec![n(10.0)]), "10");
        assert_eq!(fmt("%d", vec![s("42")]), "42");
        assert_eq!(
            fmt("%+d|% d|%5d|%-5d|%05d", vec![n(10.0); 5]),
            "+10| 10|   10|10   |00010"
        );
        assert_eq!(fmt("%05d|%.3d", vec![n(-42.0), n(7.0)]), "-0042|007");
        assert_eq!(
            fmt("%b %o %x %X", vec![n(5.0), n(9.0), n(254.0), n(254.0)]),
            "101 11 fe FE"
        );
        assert_eq!(fmt("%d", vec![n(1e20)]), "100000000000000000000");
        assert_eq!(fmt("%f", vec![n(10.0)]), "10.000000");
        assert_eq!(
            fmt("%.2f|%+.1f|%8.3f", vec![n(1.23456), n(-2.25), n(1.5)]),
            "1.23|-2.2|   1.500"
        );
        assert_eq!(fmt("%.1f", vec![s("1.06")]), "1.1");
        assert_eq!(
            fmt("%e|%E", vec![n(1000.0), n(1000.0)]),
            "1.000000e+03|1.000000E+03"
        );
        assert_eq!(fmt("%.2e", vec![n(0.000123)]), "1.23e-04");
        assert_eq!(fmt("%g|%G", vec![n(1000.0), n(1e-23)]), "1000|1E-23");
        assert_eq!(fmt("%g|%g", vec![n(1e21), n(0.0001)]), "1e+21|0.0001");
        assert_eq!(
            fmt("%.3g|%.3g|%.10g", vec![n(1.23456), n(1234.5), n(2.5)]),
            "1.23|1.23e+03|2.5"
        );
        assert_eq!(fmt("%g", vec![n(0.0)]), "0");
    }

    #[test]
    fn format_errors() {
        assert_eq!(
            err("format", vec![s("%s is not in the args list")]),
            "format: not enough arguments for \"%s\" at 0: need index 1 but have 0 total"
        );
        assert_eq!(
            err(
                "format",
                vec![s("%v %v %v"), Val::Bool(true), Val::Bool(true)]
            ),
            "format: not enough arguments for \"%v\" at 6: need index 3 but have 2 total"
        );
        assert_eq!(
            err("format", vec![s("%[0]s"), Val::Bool(true)]),
            "format: unrecognized format character '0' at offset 2"
        );
        assert_eq!(
            err("format", vec![s("%☠ x"), n(10.0)]),
            "format: unrecognized format character '☠' at offset 1"
        );
        assert_eq!(
            err("format", vec![s("50%")]),
            "format: invalid format string starting at offset 2"
        );
        assert_eq!(
            err("format", vec![s("%012z"), n(10.0)]),
            "format: unsupported format verb 'z' in \"%012z\" at offset 0"
        );
        assert_eq!(
            err("format", vec![s("%s"), Val::Null]),
            "format: unsupported value for \"%s\" at 0: null value cannot be formatted"
        );
        assert_eq!(
            err("format", vec![s("%d bottles"), Val::Bool(true)]),
            "format: unsupported value for \"%d\" at 0: number required"
        );
        assert_eq!(
            err("format", vec![s("%d"), n(1.5)]),
            "format: unsupported value for \"%d\" at 0: an integer is required"
        );
        assert_eq!(
            err("format", vec![s("%s"), strs(&["a"])]),
            "format: unsupported value for \"%s\" at 0: string required"
        );
        assert_eq!(
            err("format", vec![s("%t"), n(1.0)]),
            "format: unsupported value for \"%t\" at 0: bool required"
        );
        assert_eq!(
            err("format", vec![s("no verbs"), n(10.0)]),
            "format: too many arguments; no verbs in format string"
        );
        assert_eq!(
            err("format", vec![s("one verb %d"), n(10.0), n(11.0)]),
            "format: too many arguments; only 1 used by format string"
        );
        assert_eq!(
            err("format", vec![s("%99999999999s"), s("x")]),
            "format: width or precision too large in \"%99999999999s\" at offset 0"
        );
        assert_eq!(
            err("format", vec![strs(&[])]),
            "format: argument 1 must be a string, got list"
        );
    }

    #[test]
    fn formatlist_iterates_lists_and_repeats_scalars() {
        assert_eq!(
            ok(
                "formatlist",
                vec![s("%s %s"), strs(&["hello", "goodbye"]), s("world")]
            ),
            strs(&["hello world", "goodbye world"])
        );
        assert_eq!(
            ok(
                "formatlist",
                vec![s("%s=%d"), strs(&["a", "b"]), nums(&[1.0, 2.0])]
            ),
            strs(&["a=1", "b=2"])
        );
        assert_eq!(ok("formatlist", vec![s("x")]), strs(&["x"]));
        assert_eq!(
            ok("formatlist", vec![s("%v"), Val::List(vec![])]),
            strs(&[])
        );
        assert_eq!(
            err("formatlist", vec![s("%s %s"), strs(&["a", "b"]), strs(&["c"])]),
            "formatlist: argument 2 has length 1, which is inconsistent with argument 1 of length 2"
        );
        assert_eq!(
            err("formatlist", vec![s("%s"), obj(&[])]),
            "formatlist: error on format iteration 0: unsupported value for \"%s\" at 0: string \
             required"
        );
    }

    #[test]
    fn join_and_split() {
        assert_eq!(
            ok("join", vec![s(", "), strs(&["a", "b"]), nums(&[3.0])]),
            s("a, b, 3")
        );
        assert_eq!(ok("join", vec![s("-"), strs(&[])]), s(""));
        assert_eq!(
            err("join", vec![s(","), Val::List(vec![s("a"), Val::Null])]),
            "join: element 1 must be a string, got null"
        );
        assert_eq!(
            ok("split", vec![s(","), s("a,b,,c")]),
            strs(&["a", "b", "", "c"])
        );
        assert_eq!(ok("split", vec![s(","), s("")]), strs(&[""]));
        assert_eq!(ok("split", vec![s(""), s("héj")]), strs(&["h", "é", "j"]));
        assert_eq!(
            err("split", vec![s(","), strs(&[])]),
            "split: argument 2 must be a string, got list"
        );
    }

    #[test]
    fn case_functions() {
        assert_eq!(ok("lower", vec![s("HeLLo ÄÖ")]), s("hello äö"));
        assert_eq!(ok("upper", vec![s("hello äö")]), s("HELLO ÄÖ"));
        assert_eq!(ok("upper", vec![n(12.0)]), s("12"));
        assert_eq!(
            ok("title", vec![s("hello world-wide_web x.y")]),
            s("Hello World-Wide_web X.Y")
        );
        assert_eq!(
            err("lower", vec![obj(&[])]),
            "lower: argument 1 must be a string, got object"
        );
    }

    #[test]
    fn trimming() {
        assert_eq!(ok("trimspace", vec![s(" \t hello\n ")]), s("hello"));
        assert_eq!(ok("trim", vec![s("?!hello?!"), s("!?")]), s("hello"));
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("hello")]),
            s("world")
        );
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("cat")]),
            s("helloworld")
        );
        assert_eq!(
            ok("trimsuffix", vec![s("helloworld"), s("world")]),
            s("hello")
        );
        assert_eq!(ok("trimsuffix", vec![s("hello"), s("x")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\r\n\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("a\nb")]), s("a\nb"));
        assert_eq!(
            err("trim", vec![s("x"), Val::Null]),
            "trim: argument 2 must be a string, got null"
        );
    }

    #[test]
    fn replace_plain_and_regex_refused() {
        assert_eq!(
            ok("replace", vec![s("1 + 2 + 3"), s("+"), s("-")]),
            s("1 - 2 - 3")
        );
        assert_eq!(ok("replace", vec![s("abc"), s(""), s("-")]), s("-a-b-c-"));
        assert_eq!(ok("replace", vec![s("a/b"), s("/"), s("|")]), s("a|b"));
        assert_eq!(
            err("replace", vec![s("hello"), s("/l+/"), s("L")]),
            "replace: regular expression patterns are not supported"
        );
    }

    #[test]
    fn substr_offsets_and_lengths() {
        let sub = |o: f64, l: f64| ok("substr", vec![s("hello world"), n(o), n(l)]);
        assert_eq!(sub(1.0, 4.0), s("ello"));
        assert_eq!(sub(-5.0, -1.0), s("world"));
        assert_eq!(sub(6.0, 100.0), s("world"));
        assert_eq!(sub(20.0, 2.0), s(""));
        assert_eq!(sub(-50.0, 5.0), s("hello"));
        assert_eq!(ok("substr", vec![s("日本語"), n(1.0), n(1.0)]), s("本"));
        assert_eq!(
            err("substr", vec![s("x"), n(0.5), n(1.0)]),
            "substr: argument 2 must be a whole number, got 0.5"
        );
    }

    #[test]
    fn length_of_strings_lists_objects() {
        assert_eq!(ok("length", vec![s("日本語")]), n(3.0));
        assert_eq!(ok("length", vec![nums(&[1.0, 2.0])]), n(2.0));
        assert_eq!(ok("length", vec![obj(&[("a", Val::Null)])]), n(1.0));
        assert_eq!(
            err("length", vec![n(5.0)]),
            "length: argument 1 must be a string, list or object, got number"
        );
        assert_eq!(
            err("length", vec![Val::Null]),
            "length: argument 1 must be a string, list or object, got null"
        );
    }

    #[test]
    fn coalesce_skips_null_and_empty() {
        assert_eq!(ok("coalesce", vec![Val::Null, s(""), s("b")]), s("b"));
        assert_eq!(ok("coalesce", vec![n(1.0), n(2.0)]), n(1.0));
        assert_eq!(ok("coalesce", vec![Val::Null, n(1.0), s("x")]), s("1"));
        assert_eq!(
            err("coalesce", vec![Val::Null, s("")]),
            "coalesce: no non-null, non-empty-string arguments"
        );
        assert_eq!(
            err("coalesce", vec![s("a"), strs(&["b"])]),
            "coalesce: all arguments must have the same type"
        );
    }

    #[test]
    fn coalescelist_returns_first_non_empty() {
        assert_eq!(
            ok(
                "coalescelist",
                vec![Val::List(vec![]), strs(&["a"]), strs(&["b"])]
            ),
            strs(&["a"])
        );
        assert_eq!(
            err("coalescelist", vec![Val::List(vec![])]),
            "coalescelist: no non-null arguments"
        );
        assert_eq!(
            err("coalescelist", vec![strs(&["a"]), s("b")]),
            "coalescelist: argument 2 must be a list, got string"
        );
    }

    #[test]
    fn compact_drops_null_and_empty() {
        assert_eq!(
            ok(
                "compact",
                vec![Val::List(vec![s("a"), s(""), Val::Null, n(1.0)])]
            ),
            strs(&["a", "1"])
        );
        assert_eq!(
            err("compact", vec![Val::List(vec![strs(&[])])]),
            "compact: element 0 must be a string, got list"
        );
    }

    #[test]
    fn distinct_keeps_first_occurrences() {
        assert_eq!(
            ok("distinct", vec![strs(&["b", "a", "b", "c", "a"])]),
            strs(&["b", "a", "c"])
        );
        assert_eq!(
            ok("distinct", vec![Val::List(vec![s("1"), n(1.0)])]),
            strs(&["1"])
        );
        assert_eq!(
            err("distinct", vec![s("a")]),
            "distinct: argument 1 must be a list, got string"
        );
    }

    #[test]
    fn flatten_is_recursive() {
        let nested = Val::List(vec![
            strs(&["a", "b"]),
            Val::List(vec![]),
            Val::List(vec![strs(&["c"]), s("d")]),
            Val::Null,
        ]);
        assert_eq!(
            ok("flatten", vec![nested]),
            Val::List(vec![s("a"), s("b"), s("c"), s("d"), Val::Null])
        );
        assert_eq!(
            err("flatten", vec![obj(&[])]),
            "flatten: argument 1 must be a list, got object"
        );
    }

    #[test]
    fn type_conversions() {
        assert_eq!(
            ok(
                "tolist",
                vec![Val::List(vec![s("a"), n(1.0), Val::Bool(true)])]
            ),
            strs(&["a", "1", "true"])
        );
        assert_eq!(ok("tolist", vec![nums(&[2.0, 1.0])]), nums(&[2.0, 1.0]));
        assert_eq!(ok("tolist", vec![Val::Null]), Val::Null);
        assert_eq!(
            err("tolist", vec![obj(&[])]),
            "tolist: cannot convert object to list"
        );
        assert_eq!(
            err("tolist", vec![Val::List(vec![s("a"), strs(&[])])]),
            "tolist: all elements must have the same type"
        );

        assert_eq!(
            ok("tomap", vec![obj(&[("a", s("x")), ("b", n(1.0))])]),
            obj(&[("a", s("x")), ("b", s("1"))])
        );
        assert_eq!(
            err("tomap", vec![strs(&[])]),
            "tomap: cannot convert list to map"
        );

        assert_eq!(ok("tostring", vec![n(1.5)]), s("1.5"));
        assert_eq!(ok("tostring", vec![Val::Bool(true)]), s("true"));
        assert_eq!(ok("tostring", vec![Val::Null]), Val::Null);
        assert_eq!(
            err("tostring", vec![strs(&[])]),
            "tostring: cannot convert list to string"
        );

        assert_eq!(ok("tonumber", vec![s("42")]), n(42.0));
        assert_eq!(ok("tonumber", vec![n(-1.5)]), n(-1.5));
        assert_eq!(ok("tonumber", vec![Val::Null]), Val::Null);
        assert_eq!(
            err("tonumber", vec![s("abc")]),
            "tonumber: cannot convert \"abc\" to number"
        );
        assert_eq!(
            err("tonumber", vec![s("inf")]),
            "tonumber: cannot convert \"inf\" to number"
        );
        assert_eq!(
            err("tonumber", vec![Val::Bool(true)]),
            "tonumber: cannot convert bool to number"
        );

        assert_eq!(ok("tobool", vec![s("true")]), Val::Bool(true));
        assert_eq!(ok("tobool", vec![Val::Bool(false)]), Val::Bool(false));
        assert_eq!(ok("tobool", vec![Val::Null]), Val::Null);
        assert_eq!(
            err("tobool", vec![s("yes")]),
            "tobool: cannot convert \"yes\" to bool"
        );
        assert_eq!(
            err("tobool", vec![n(1.0)]),
            "tobool: cannot convert number to bool"
        );
    }

    #[test]
    fn toset_dedupes_and_sorts() {
        assert_eq!(
            ok("toset", vec![strs(&["c", "a", "b", "a"])]),
            strs(&["a", "b", "c"])
        );
        assert_eq!(
            ok("toset", vec![nums(&[10.0, 2.0, 10.0])]),
            nums(&[2.0, 10.0])
        );
        assert_eq!(
            ok("toset", vec![Val::List(vec![n(2.0), s("10")])]),
            strs(&["10", "2"])
        );
        assert_eq!(
            ok(
                "toset",
                vec![Val::List(vec![Val::Bool(true), Val::Bool(false)])]
            ),
            Val::List(vec![Val::Bool(false), Val::Bool(true)])
        );
        let objects = Val::List(vec![
            obj(&[("b", n(1.0))]),
            obj(&[("a", n(1.0))]),
            obj(&[("b", n(1.0))]),
        ]);
        assert_eq!(
            ok("toset", vec![objects]),
            Val::List(vec![obj(&[("b", n(1.0))]), obj(&[("a", n(1.0))])])
        );
        assert_eq!(ok("toset", vec![Val::Null]), Val::Null);
        assert_eq!(
            err("toset", vec![s("a")]),
            "toset: cannot convert \"a\" to set"
        );
    }

    #[test]
    fn keys_and_values_in_key_order() {
        let map = obj(&[("b", n(2.0)), ("a", n(1.0)), ("c", s("x"))]);
        assert_eq!(ok("keys", vec![map.clone()]), strs(&["a", "b", "c"]));
        assert_eq!(
            ok("values", vec![map]),
            Val::List(vec![n(1.0), n(2.0), s("x")])
        );
        assert_eq!(
            err("keys", vec![Val::Null]),
            "keys: argument 1 must be an object, got null"
        );
        assert_eq!(
            err("values", vec![strs(&[])]),
            "values: argument 1 must be an object, got list"
        );
    }

    #[test]
    fn contains_and_index() {
        let list = strs(&["a", "b", "c"]);
        assert_eq!(ok("contains", vec![list.clone(), s("b")]), Val::Bool(true));
        assert_eq!(ok("contains", vec![list.clone(), s("z")]), Val::Bool(false));
        assert_eq!(ok("contains", vec![nums(&[1.0]), n(1.0)]), Val::Bool(true));
        assert_eq!(
            err("contains", vec![s("abc"), s("b")]),
            "contains: argument 1 must be a list, got string"
        );
        assert_eq!(ok("index", vec![list.clone(), s("c")]), n(2.0));
        assert_eq!(err("index", vec![list, s("z")]), "index: item not found");
        assert_eq!(
            err("index", vec![Val::List(vec![]), s("z")]),
            "index: cannot search an empty list"
        );
    }

    #[test]
    fn element_wraps_around() {
        let list = strs(&["a", "b", "c"]);
        assert_eq!(ok("element", vec![list.clone(), n(1.0)]), s("b"));
        assert_eq!(ok("element", vec![list.clone(), n(5.0)]), s("c"));
        assert_eq!(ok("element", vec![list.clone(), s("3")]), s("a"));
        assert_eq!(
            err("element", vec![list, n(-1.0)]),
            "element: cannot use element function with a negative index"
        );
        assert_eq!(
            err("element", vec![Val::List(vec![]), n(0.0)]),
            "element: cannot use element function with an empty list"
        );
    }

    #[test]
    fn slice_bounds() {
        let list = strs(&["a", "b", "c", "d"]);
        assert_eq!(
            ok("slice", vec![list.clone(), n(1.0), n(3.0)]),
            strs(&["b", "c"])
        );
        assert_eq!(ok("slice", vec![list.clone(), n(4.0), n(4.0)]), strs(&[]));
        assert_eq!(
            err("slice", vec![list.clone(), n(-1.0), n(2.0)]),
            "slice: from index must be greater than or equal to 0"
        );
        assert_eq!(
            err("slice", vec![list.clone(), n(0.0), n(5.0)]),
            "slice: to index must be less than or equal to the length of the input list"
        );
        assert_eq!(
            err("slice", vec![list, n(3.0), n(2.0)]),
            "slice: from index must be less than or equal to index"
        );
    }

    #[test]
    fn reverse_and_strrev() {
        assert_eq!(
            ok("reverse", vec![nums(&[1.0, 2.0, 3.0])]),
            nums(&[3.0, 2.0, 1.0])
        );
        assert_eq!(
            err("reverse", vec![s("abc")]),
            "reverse: argument 1 must be a list, got string"
        );
        assert_eq!(ok("strrev", vec![s("héllo")]), s("olléh"));
    }

    #[test]
    fn sort_is_lexical_on_strings() {
        assert_eq!(
            ok("sort", vec![strs(&["e", "d", "a", "x"])]),
            strs(&["a", "d", "e", "x"])
        );
        assert_eq!(
            ok("sort", vec![nums(&[10.0, 9.0, 1.0])]),
            strs(&["1", "10", "9"])
        );
        assert_eq!(
            err("sort", vec![Val::List(vec![s("a"), Val::Null])]),
            "sort: element 1 must be a string, got null"
        );
    }

    #[test]
    fn range_forms_and_limits() {
        assert_eq!(ok("range", vec![n(3.0)]), nums(&[0.0, 1.0, 2.0]));
        assert_eq!(ok("range", vec![n(-3.0)]), nums(&[0.0, -1.0, -2.0]));
        assert_eq!(ok("range", vec![n(1.0), n(4.0)]), nums(&[1.0, 2.0, 3.0]));
        assert_eq!(ok("range", vec![n(4.0), n(1.0)]), nums(&[4.0, 3.0, 2.0]));
        assert_eq!(
            ok("range", vec![n(0.0), n(10.0), n(5.0)]),
            nums(&[0.0, 5.0])
        );
        assert_eq!(
            ok("range", vec![n(0.0), n(1.0), n(0.25)]),
            nums(&[0.0, 0.25, 0.5, 0.75])
        );
        assert_eq!(ok("range", vec![n(2.0), n(2.0)]), nums(&[]));
        match ok("range", vec![n(1024.0)]) {
            Val::List(items) => assert_eq!(items.len(), 1024),
            v => panic!("{v:?}"),
        }
        assert!(err("range", vec![n(1025.0)])
            .starts_with("range: more than 1024 values were generated"));
        assert!(
            err("range", vec![n(0.0), n(1e300), n(1e-300)]).starts_with("range: more than 1024")
        );
        assert_eq!(
            err("range", vec![n(0.0), n(1.0), n(0.0)]),
            "range: step must not be zero"
        );
        assert_eq!(
            err("range", vec![n(0.0), n(5.0), n(-1.0)]),
            "range: end must be less than start when step is negative"
        );
        assert_eq!(
            err("range", vec![n(5.0), n(0.0), n(1.0)]),
            "range: end must be greater than start when step is positive"
        );
        assert_eq!(
            err("range", vec![s("x")]),
            "range: argument 1 must be a number, got string"
        );
    }

    #[test]
    fn zipmap_pairs_keys_with_values() {
        assert_eq!(
            ok(
                "zipmap",
                vec![strs(&["a", "b"]), Val::List(vec![n(1.0), strs(&["x"])])]
            ),
            obj(&[("a", n(1.0)), ("b", strs(&["x"]))])
        );
        assert_eq!(
            err("zipmap", vec![strs(&["a"]), nums(&[1.0, 2.0])]),
            "zipmap: number of keys (1) does not match number of values (2)"
        );
    }

    #[test]
    fn numeric_functions() {
        assert_eq!(ok("min", vec![n(12.0), n(54.0), n(3.0)]), n(3.0));
        assert_eq!(ok("max", vec![n(12.0), s("54"), n(3.0)]), n(54.0));
        assert_eq!(
            err("max", vec![]),
            "max: expected at least 1 argument, got 0"
        );
        assert_eq!(
            err("min", vec![n(1.0), s("x")]),
            "min: argument 2 must be a number, got string"
        );
        assert_eq!(ok("abs", vec![n(-12.4)]), n(12.4));
        assert_eq!(ok("ceil", vec![n(4.1)]), n(5.0));
        assert_eq!(ok("floor", vec![n(-4.1)]), n(-5.0));
        assert_eq!(ok("signum", vec![n(-13.0)]), n(-1.0));
        assert_eq!(ok("signum", vec![n(0.0)]), n(0.0));
        assert_eq!(ok("signum", vec![n(344.0)]), n(1.0));
        assert_eq!(ok("pow", vec![n(3.0), n(2.0)]), n(9.0));
        assert_eq!(
            err("pow", vec![n(10.0), n(400.0)]),
            "pow: result is not a finite number"
        );
        assert_eq!(
            err("abs", vec![Val::Null]),
            "abs: argument 1 must be a number, got null"
        );
    }

    #[test]
    fn parseint_bases() {
        assert_eq!(ok("parseint", vec![s("100"), n(10.0)]), n(100.0));
        assert_eq!(ok("parseint", vec![s("FF"), n(16.0)]), n(255.0));
        assert_eq!(ok("parseint", vec![s("-10"), n(16.0)]), n(-16.0));
        assert_eq!(
            ok("parseint", vec![s("1011111011101111"), n(2.0)]),
            n(48879.0)
        );
        assert_eq!(
            ok("parseint", vec![s("aA"), n(62.0)]),
            n(10.0 * 62.0 + 36.0)
        );
        assert_eq!(
            err("parseint", vec![s("12"), n(2.0)]),
            "parseint: cannot parse \"12\" as a base 2 integer"
        );
        assert_eq!(
            err("parseint", vec![s(""), n(10.0)]),
            "parseint: cannot parse \"\" as a base 10 integer"
        );
        assert_eq!(
            err("parseint", vec![s("1"), n(63.0)]),
            "parseint: base must be a whole number between 2 and 62 inclusive"
        );
        assert_eq!(
            err("parseint", vec![n(10.0), n(10.0)]),
            "parseint: argument 1 must be a string, got number"
        );
    }

    #[test]
    fn string_predicates() {
        assert_eq!(
            ok("startswith", vec![s("hello world"), s("hello")]),
            Val::Bool(true)
        );
        assert_eq!(
            ok("startswith", vec![s("hello world"), s("world")]),
            Val::Bool(false)
        );
        assert_eq!(
            ok("endswith", vec![s("hello world"), s("world")]),
            Val::Bool(true)
        );
        assert_eq!(
            ok("endswith", vec![s("hello world"), s("hello")]),
            Val::Bool(false)
        );
        assert_eq!(
            ok("strcontains", vec![s("hello world"), s("o w")]),
            Val::Bool(true)
        );
        assert_eq!(
            ok("strcontains", vec![s("hello"), s("z")]),
            Val::Bool(false)
        );
        assert_eq!(
            err("startswith", vec![strs(&[]), s("a")]),
            "startswith: argument 1 must be a string, got list"
        );
    }

    #[test]
    fn jsonencode_terraform_style() {
        let v = obj(&[
            (
                "b",
                Val::List(vec![n(1.0), n(2.5), Val::Bool(true), Val::Null]),
            ),
            ("a", s("<tag> & \"q\"\n\u{1}")),
            ("big", n(1e20)),
        ]);
        assert_eq!(
            ok("jsonencode", vec![v]),
            s(
                r#"{"a":"\u003ctag\u003e \u0026 \"q\"\n\u0001","b":[1,2.5,true,null],"big":100000000000000000000}"#
            )
        );
        assert_eq!(ok("jsonencode", vec![s("x")]), s("\"x\""));
        assert_eq!(
            err("jsonencode", vec![Val::Unknown("var.x".into())]),
            "jsonencode: cannot encode an unknown value"
        );
    }

    #[test]
    fn jsondecode_values() {
        assert_eq!(
            ok(
                "jsondecode",
                vec![s(r#"{"b":[1,"x",null,false],"a":{"c":2.5}}"#)]
            ),
            obj(&[
                ("a", obj(&[("c", n(2.5))])),
                (
                    "b",
                    Val::List(vec![n(1.0), s("x"), Val::Null, Val::Bool(false)])
                ),
            ])
        );
        assert_eq!(ok("jsondecode", vec![s("\"hi\"")]), s("hi"));
        assert!(err("jsondecode", vec![s("{nope")]).starts_with("jsondecode: invalid JSON: "));
        assert!(err("jsondecode", vec![s("1e400")]).starts_with("jsondecode: "));
    }

    #[test]
    fn base64_round_trips() {
        assert_eq!(
            ok("base64encode", vec![s("Hello World")]),
            s("SGVsbG8gV29ybGQ=")
        );
        assert_eq!(ok("base64encode", vec![s("")]), s(""));
        assert_eq!(ok("base64encode", vec![s("ab")]), s("YWI="));
        assert_eq!(ok("base64encode", vec![s("abc")]), s("YWJj"));
        assert_eq!(ok("base64encode", vec![s("é")]), s("w6k="));
        assert_eq!(
            ok("base64decode", vec![s("SGVsbG8gV29ybGQ=")]),
            s("Hello World")
        );
        assert_eq!(ok("base64decode", vec![s("YW\nJj")]), s("abc"));
        assert_eq!(ok("base64decode", vec![s("w6k=")]), s("é"));
        assert_eq!(ok("base64decode", vec![s("")]), s(""));
        assert_eq!(
            err("base64decode", vec![s("YWJ")]),
            "base64decode: failed to decode base64 data \"YWJ\""
        );
        assert_eq!(
            err("base64decode", vec![s("YW==YWJj")]),
            "base64decode: failed to decode base64 data \"YW==YWJj\""
        );
        assert_eq!(
            err("base64decode", vec![s("Y!Jj")]),
            "base64decode: failed to decode base64 data \"Y!Jj\""
        );
        assert_eq!(
            err("base64decode", vec![s("/w==")]),
            "base64decode: the result of decoding the provided string is not valid UTF-8"
        );
    }

    #[test]
    fn cidrsubnet_ipv4_and_ipv6() {
        let sub = |p: &str, bits: f64, num: f64| ok("cidrsubnet", vec![s(p), n(bits), n(num)]);
        assert_eq!(sub("172.16.0.0/12", 4.0, 2.0), s("172.18.0.0/16"));
        assert_eq!(sub("10.1.2.0/24", 4.0, 15.0), s("10.1.2.240/28"));
        assert_eq!(sub("10.1.2.3/16", 8.0, 5.0), s("10.1.5.0/24"));
        assert_eq!(sub("0.0.0.0/0", 0.0, 0.0), s("0.0.0.0/0"));
        assert_eq!(
            sub("fd00:fd12:3456:7890::/56", 16.0, 162.0),
            s("fd00:fd12:3456:7800:a200::/72")
        );
        assert_eq!(sub("::/0", 0.0, 0.0), s("::/0"));
        assert_eq!(
            err("cidrsubnet", vec![s("10.0.0.0/30"), n(4.0), n(0.0)]),
            "cidrsubnet: insufficient address space to extend prefix of 30 by 4"
        );
        assert_eq!(
            err("cidrsubnet", vec![s("10.0.0.0/16"), n(4.0), n(16.0)]),
            "cidrsubnet: prefix extension of 4 does not accommodate a subnet numbered 16"
        );
        assert_eq!(
            err("cidrsubnet", vec![s("10.0.0.0/16"), n(4.0), n(-1.0)]),
            "cidrsubnet: prefix extension of 4 does not accommodate a subnet numbered -1"
        );
        assert_eq!(
            err("cidrsubnet", vec![s("10.0.0.0"), n(4.0), n(1.0)]),
            "cidrsubnet: invalid CIDR expression: invalid CIDR address: 10.0.0.0"
        );
        assert_eq!(
            err("cidrsubnet", vec![s("10.0.0.0/33"), n(1.0), n(1.0)]),
            "cidrsubnet: invalid CIDR expression: invalid CIDR address: 10.0.0.0/33"
        );
    }

    #[test]
    fn cidrhost_counts_from_both_ends() {
        let host = |p: &str, num: f64| ok("cidrhost", vec![s(p), n(num)]);
        assert_eq!(host("10.12.112.0/20", 16.0), s("10.12.112.16"));
        assert_eq!(host("10.12.112.0/20", 268.0), s("10.12.113.12"));
        assert_eq!(host("10.0.0.0/24", -1.0), s("10.0.0.255"));
        assert_eq!(host("10.0.0.0/24", -256.0), s("10.0.0.0"));
        assert_eq!(host("10.0.0.7/32", 0.0), s("10.0.0.7"));
        assert_eq!(
            host("fd00:fd12:3456:7890:00a2::/72", 34.0),
            s("fd00:fd12:3456:7890::22")
        );
        assert_eq!(
            err("cidrhost", vec![s("10.0.0.0/24"), n(256.0)]),
            "cidrhost: prefix of 24 does not accommodate a host numbered 256"
        );
        assert_eq!(
            err("cidrhost", vec![s("10.0.0.0/24"), n(-257.0)]),
            "cidrhost: prefix of 24 does not accommodate a host numbered -257"
        );
    }

    #[test]
    fn cidrnetmask_ipv4_only() {
        assert_eq!(
            ok("cidrnetmask", vec![s("172.16.0.0/12")]),
            s("255.240.0.0")
        );
        assert_eq!(ok("cidrnetmask", vec![s("10.0.0.0/0")]), s("0.0.0.0"));
        assert_eq!(
            ok("cidrnetmask", vec![s("10.0.0.1/32")]),
            s("255.255.255.255")
        );
        assert_eq!(
            err("cidrnetmask", vec![s("fd00::/8")]),
            "cidrnetmask: IPv6 addresses cannot have a netmask: fd00::/8"
        );
    }

    #[test]
    fn cidrsubnets_allocates_consecutively() {
        assert_eq!(
            ok(
                "cidrsubnets",
                vec![s("10.1.0.0/16"), n(4.0), n(4.0), n(8.0), n(4.0)]
            ),
            strs(&[
                "10.1.0.0/20",
                "10.1.16.0/20",
                "10.1.32.0/24",
                "10.1.48.0/20"
            ])
        );
        assert_eq!(
            ok(
                "cidrsubnets",
                vec![
                    s("fd00:fd12:3456:7890::/56"),
                    n(16.0),
                    n(16.0),
                    n(16.0),
                    n(32.0)
                ]
            ),
            strs(&[
                "fd00:fd12:3456:7800::/72",
                "fd00:fd12:3456:7800:100::/72",
                "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88",
            ])
        );
        assert_eq!(ok("cidrsubnets", vec![s("10.0.0.0/8")]), strs(&[]));
        assert_eq!(
            err("cidrsubnets", vec![s("10.0.0.0/24"), n(1.0), n(1.0), n(1.0)]),
            "cidrsubnets: not enough remaining address space for a subnet with a prefix of 25 bits \
             after 10.0.0.128/25"
        );
        assert_eq!(
            err("cidrsubnets", vec![s("10.0.0.0/24"), n(0.0)]),
            "cidrsubnets: must extend prefix by at least one bit"
        );
        assert_eq!(
            err("cidrsubnets", vec![s("10.0.0.0/24"), n(9.0)]),
            "cidrsubnets: would extend prefix to 33 bits, which is too long for an IPv4 address"
        );
    }

    #[test]
    fn one_of_zero_or_one() {
        assert_eq!(ok("one", vec![Val::List(vec![])]), Val::Null);
        assert_eq!(ok("one", vec![strs(&["a"])]), s("a"));
        assert_eq!(
            err("one", vec![strs(&["a", "b"])]),
            "one: must be a list, set, or tuple value with either zero or one elements"
        );
        assert_eq!(
            err("one", vec![Val::Null]),
            "one: argument 1 must be a list, got null"
        );
    }

    #[test]
    fn alltrue_and_anytrue() {
        let bools = |items: &[Val]| Val::List(items.to_vec());
        let (t, f) = (Val::Bool(true), Val::Bool(false));
        assert_eq!(ok("alltrue", vec![bools(&[t.clone(), s("true")])]), t);
        assert_eq!(ok("alltrue", vec![bools(&[t.clone(), f.clone()])]), f);
        assert_eq!(ok("alltrue", vec![bools(&[])]), t);
        assert_eq!(ok("alltrue", vec![bools(&[t.clone(), Val::Null])]), f);
        assert_eq!(
            ok("anytrue", vec![bools(&[f.clone(), Val::Null, t.clone()])]),
            t
        );
        assert_eq!(ok("anytrue", vec![bools(&[])]), f);
        assert_eq!(
            err("alltrue", vec![bools(&[t.clone(), s("yes")])]),
            "alltrue: element 1 must be a bool, got string"
        );
        assert_eq!(
            err("anytrue", vec![t]),
            "anytrue: argument 1 must be a list, got bool"
        );
    }

    #[test]
    fn sum_of_numbers() {
        assert_eq!(
            ok("sum", vec![Val::List(vec![n(10.0), n(2.5), s("1")])]),
            n(13.5)
        );
        assert_eq!(
            err("sum", vec![Val::List(vec![])]),
            "sum: cannot sum an empty list"
        );
        assert_eq!(
            err("sum", vec![Val::List(vec![n(1.0), Val::Null])]),
            "sum: element 1 must be a number, got null"
        );
    }

    #[test]
    fn set_operations() {
        assert_eq!(
            ok("setunion", vec![strs(&["b", "a"]), strs(&["c", "a"])]),
            strs(&["a", "b", "c"])
        );
        assert_eq!(
            ok(
                "setintersection",
                vec![
                    strs(&["a", "b", "c"]),
                    strs(&["c", "b", "x"]),
                    strs(&["b", "c"])
                ]
            ),
            strs(&["b", "c"])
        );
        assert_eq!(
            ok("setintersection", vec![strs(&["b", "a", "b"])]),
            strs(&["a", "b"])
        );
        assert_eq!(
            ok(
                "setsubtract",
                vec![strs(&["a", "b", "c"]), strs(&["a", "c"])]
            ),
            strs(&["b"])
        );
        assert_eq!(
            err("setunion", vec![strs(&["a"]), s("b")]),
            "setunion: argument 2 must be a list, got string"
        );
        assert_eq!(
            err("setsubtract", vec![strs(&["a"])]),
            "setsubtract: expected 2 arguments, got 1"
        );
    }

    #[test]
    fn transpose_swaps_keys_and_values() {
        let map = obj(&[("a", strs(&["1", "2"])), ("b", strs(&["2", "3"]))]);
        assert_eq!(
            ok("transpose", vec![map]),
            obj(&[
                ("1", strs(&["a"])),
                ("2", strs(&["a", "b"])),
                ("3", strs(&["b"]))
            ])
        );
        assert_eq!(
            err("transpose", vec![obj(&[("a", s("1"))])]),
            "transpose: element \"a\" must be a list, got string"
        );
    }

    #[test]
    fn chunklist_splits() {
        let list = strs(&["a", "b", "c"]);
        assert_eq!(
            ok("chunklist", vec![list.clone(), n(2.0)]),
            Val::List(vec![strs(&["a", "b"]), strs(&["c"])])
        );
        assert_eq!(
            ok("chunklist", vec![list.clone(), n(0.0)]),
            Val::List(vec![list.clone()])
        );
        assert_eq!(ok("chunklist", vec![strs(&[]), n(2.0)]), strs(&[]));
        assert_eq!(
            err("chunklist", vec![list, n(-1.0)]),
            "chunklist: the size argument must be positive"
        );
    }

    #[test]
    fn unknown_elements_pass_through_value_moving_functions() {
        let unknown = Val::Unknown("var.x".into());
        let mixed = Val::List(vec![s(""), unknown.clone(), n(1.0)]);
        assert_eq!(
            ok("compact", vec![mixed.clone()]),
            Val::List(vec![unknown.clone(), s("1")])
        );
        assert_eq!(
            ok("tolist", vec![mixed]),
            Val::List(vec![s(""), unknown.clone(), s("1")])
        );
        assert_eq!(
            ok("coalesce", vec![Val::Null, unknown.clone(), s("b")]),
            unknown
        );
    }

    /// Every function, with every combination of up to three awkward arguments, returns instead
    /// of panicking.
    #[test]
    fn odd_arguments_never_panic() {
        let pool = [
            Val::Null,
            Val::Bool(true),
            n(-1.0),
            n(0.0),
            n(1.5),
            n(1e300),
            s(""),
            s("%[9]5.3q%"),
            s("10.0.0.0/8"),
            s("::/0"),
            s("/x/"),
            Val::Unknown("var.x".into()),
            Val::List(vec![s("a"), n(2.0), Val::Null, strs(&["b"])]),
            obj(&[("k", strs(&["v"])), ("n", Val::Null)]),
        ];
        for (name, ..) in FUNCTIONS {
            for len in 0..=3_u32 {
                for combo in 0..pool.len().pow(len) {
                    let args = (0..len)
                        .map(|i| pool[combo / pool.len().pow(i) % pool.len()].clone())
                        .collect();
                    let _ = call(name, args);
                }
            }
        }
    }

    #[test]
    fn sensitive_wrappers_are_identity() {
        assert_eq!(ok("sensitive", vec![s("secret")]), s("secret"));
        assert_eq!(ok("nonsensitive", vec![nums(&[1.0])]), nums(&[1.0]));
    }
}
