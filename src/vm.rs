//! The bytecode VM: a prepared policy engine compiled to a regorus `Program`, run with a
//! deterministic instruction budget.
//!
//! The budget counts VM instructions, so whether an evaluation finishes never depends on machine
//! load or thread count. A wall-clock backstop stays, reported as its own error: builtins run
//! inside one instruction and are not counted.

use crate::diagnostics::Location;
use regorus::rvm::vm::{RegoVM, VmError};
use regorus::rvm::Program;
use regorus::Value;
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Default instruction budget per (policy, document) evaluation: the most any embedded policy
/// needed in the quick benchmarks of 2026-12-03 (ninth session's last CI run) was 7,942 on
/// examples/aws-platform and 526,688 on one root of 1,000 S3 buckets (RUNGS-AWS-S3-002); see
/// docs/performance.md.
pub const DEFAULT_MAX_INSTRUCTIONS: u64 = 200_000_000;

static MAX_INSTRUCTIONS: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INSTRUCTIONS);

/// The instruction budget per (policy, document) evaluation (`--max-rego-instructions`).
pub fn max_instructions() -> u64 {
    MAX_INSTRUCTIONS.load(Ordering::Relaxed)
}

/// Sets the instruction budget for the whole process; the command line does it once at start.
pub fn set_max_instructions(count: u64) {
    MAX_INSTRUCTIONS.store(count, Ordering::Relaxed);
}

/// Default largest value one builtin call may build, in elements (array, set and object items,
/// string bytes): 10 million, about 160 MB of numbers; the library's largest is a few hundred.
pub const DEFAULT_MAX_ELEMENTS: u64 = 10_000_000;

static MAX_ELEMENTS: AtomicU64 = AtomicU64::new(DEFAULT_MAX_ELEMENTS);

/// The element budget of one builtin call (`--max-rego-elements`).
pub fn max_elements() -> u64 {
    MAX_ELEMENTS.load(Ordering::Relaxed)
}

/// Sets the element budget for the whole process; the command line does it once at start.
pub fn set_max_elements(count: u64) {
    MAX_ELEMENTS.store(count, Ordering::Relaxed);
}

/// Default wall-clock backstop per evaluation, in seconds, for work the instruction count does
/// not see (a builtin such as `numbers.range` runs inside one instruction). Reported as its own
/// error; the slowest embedded policy evaluation measured is far below a second.
pub const DEFAULT_MAX_SECONDS: u64 = 30;

static MAX_SECONDS: AtomicU64 = AtomicU64::new(DEFAULT_MAX_SECONDS);

/// The wall-clock backstop per evaluation, in seconds (`--max-rego-seconds`).
pub fn max_seconds() -> u64 {
    MAX_SECONDS.load(Ordering::Relaxed)
}

/// Sets the backstop for the whole process; the command line does it once at start.
pub fn set_max_seconds(seconds: u64) {
    MAX_SECONDS.store(seconds, Ordering::Relaxed);
}

/// The timer configuration both engines use for the backstop.
pub fn backstop() -> regorus::utils::limits::ExecutionTimerConfig {
    regorus::utils::limits::ExecutionTimerConfig {
        limit: Duration::from_secs(max_seconds()),
        check_interval: std::num::NonZeroU32::new(1000).expect("non-zero"),
    }
}

/// Why an evaluation gave no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailureKind {
    /// The rule raised an error.
    Runtime,
    /// The instruction budget ran out.
    Instructions,
    /// The wall-clock backstop stopped it.
    Time,
    /// A builtin would have built a value over the element budget.
    Elements,
}

/// A failed evaluation: what, where (the rule or instruction), and the engine's message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub kind: FailureKind,
    pub location: Location,
    pub message: String,
}

/// Compiles the engine's rules reachable from `entry_points` into one program
/// ([`crate::policy::program::compile`]) with the builtin guards of this module.
pub fn compile(
    engine: &mut regorus::Engine,
    entry_points: &[String],
) -> Result<Arc<Program>, String> {
    let mut program = crate::policy::program::compile(engine, entry_points)?;
    guard_builtins(Arc::get_mut(&mut program).ok_or("program shared before it was guarded")?);
    Ok(program)
}

/// A program `build.rs` compiled and serialized ([`Program::serialize_binary`]), with the
/// builtin guards of this module. An error when the bytes are not a complete program of this
/// regorus version.
pub fn load(bytes: &'static [u8]) -> Result<Arc<Program>, String> {
    match Program::deserialize_binary_static(bytes)? {
        regorus::rvm::program::DeserializationResult::Complete(mut program) => {
            guard_builtins(&mut program);
            Ok(Arc::new(program))
        }
        regorus::rvm::program::DeserializationResult::Partial(_) => {
            Err("the program was serialized by another regorus version".to_string())
        }
    }
}

/// The builtins whose result size follows from their arguments, with how many elements that
/// result has. A value built element by element (a comprehension) costs instructions and is
/// bounded by the instruction budget; these build theirs inside one instruction, before the
/// instruction budget or the backstop can look (`numbers.range(1, 1e9)` asks for 24 GB at once).
fn result_elements(name: &str, args: &[Value]) -> Option<f64> {
    let number = |v: &Value| v.as_f64().ok();
    let length = |v: &Value| match v {
        Value::Array(a) => Some(a.len() as f64),
        Value::Set(s) => Some(s.len() as f64),
        Value::Object(o) => Some(o.len() as f64),
        Value::String(s) => Some(s.len() as f64),
        _ => None,
    };
    match (name, args) {
        ("numbers.range", [from, to]) => Some((number(to)? - number(from)?).abs() + 1.0),
        ("numbers.range_step", [from, to, step]) => {
            Some((number(to)? - number(from)?).abs() / number(step)?.abs().max(1.0) + 1.0)
        }
        ("array.concat", [a, b]) => Some(length(a)? + length(b)?),
        // Bytes: every occurrence of `old` grows the string by what `new` adds; an empty `old`
        // matches between all characters.
        ("replace", [Value::String(x), Value::String(old), Value::String(new)]) => {
            Some(x.len() as f64 + replacement_growth(x, old, new))
        }
        ("strings.replace_n", [Value::Object(patterns), Value::String(x)]) => {
            let grown: f64 = patterns
                .iter()
                .filter_map(|(old, new)| Some((old.as_string().ok()?, new.as_string().ok()?)))
                .map(|(old, new)| replacement_growth(x, old, new))
                .sum();
            Some(x.len() as f64 + grown)
        }
        // Bytes: the format, the widths and precisions of its verbs (`%1000000000d`) and the
        // arguments' text (shared values: `sprintf("%s%s", [x, x])` doubles `x` in one step).
        ("sprintf", [Value::String(format), values]) => {
            let limit = max_elements() as f64;
            Some(format.len() as f64 + padding(format) + text_size(values, limit))
        }
        // Bytes of the text of a value: `json.marshal([x, x])` doubles `x` in one step. With
        // options, each line may gain the prefix and indentation: counted as the options' text
        // per byte of the value, far over what pretty printing adds, but never under.
        ("json.marshal", [value]) => Some(text_size(value, max_elements() as f64)),
        ("json.marshal_with_options", [value, options]) => {
            let limit = max_elements() as f64;
            Some(text_size(value, limit) * (1.0 + text_size(options, limit)))
        }
        // Bytes: each match becomes the replacement, whose `$n` group references may each copy
        // up to the whole string (`regex.replace(s, "(.*)", "$1$1")` doubles `s`). An invalid
        // pattern is left to the engine's own error.
        ("regex.replace", [Value::String(x), Value::String(pattern), Value::String(new)]) => {
            let matches = regex::Regex::new(pattern).ok()?.find_iter(x).count() as f64;
            let copies = new.matches('$').count() as f64;
            Some(x.len() as f64 + matches * (new.len() as f64 + copies * x.len() as f64))
        }
        // Items: every address of the network (`net.cidr_expand("0.0.0.0/0")`: 2^32 strings).
        ("net.cidr_expand", [Value::String(cidr)]) => {
            let (address, prefix) = cidr.split_once('/')?;
            let bits = if address.contains(':') { 128.0 } else { 32.0 };
            Some(2f64.powf(bits - prefix.trim().parse::<f64>().ok()?.clamp(0.0, bits)))
        }
        ("concat", [delimiter, parts]) => {
            let items: Vec<&Value> = match parts {
                Value::Array(a) => a.iter().collect(),
                Value::Set(s) => s.iter().collect(),
                _ => return None,
            };
            let joined: f64 = items.iter().filter_map(|v| length(v)).sum();
            Some(joined + length(delimiter)? * items.len() as f64)
        }
        _ => None,
    }
}

/// The bytes replacing every `old` in `x` by `new` adds; an empty `old` matches between all
/// characters and at both ends.
fn replacement_growth(x: &str, old: &str, new: &str) -> f64 {
    if old.is_empty() {
        (x.chars().count() + 1) as f64 * new.len() as f64
    } else {
        x.matches(old).count() as f64 * new.len().saturating_sub(old.len()) as f64
    }
}

/// About how many bytes a value's text takes (JSON-like: strings with quotes, numbers up to 24
/// bytes, separators), counting at most until `cap` is passed: values share their parts, so a
/// value of 40 nested `[x, x]` is small in memory and 2^40 items as text, and the walk must stop.
fn text_size(value: &Value, cap: f64) -> f64 {
    let mut total = 0.0;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        total += match v {
            Value::String(s) => s.len() as f64 + 2.0,
            Value::Number(_) => 24.0,
            Value::Array(a) => {
                stack.extend(a.iter());
                2.0 + a.len() as f64
            }
            Value::Set(set) => {
                stack.extend(set.iter());
                2.0 + set.len() as f64
            }
            Value::Object(o) => {
                for (k, item) in o.iter() {
                    stack.push(k);
                    stack.push(item);
                }
                2.0 + 2.0 * o.len() as f64
            }
            _ => 5.0,
        };
        if total > cap {
            break;
        }
    }
    total
}

/// The sum of the widths and precisions of a format's verbs (`%-08.3f`). A `*` counts 0 (a
/// width from an argument is itself a number in a value); an argument index such as `[2]` is
/// counted as if it were a width, a small over-count.
fn padding(format: &str) -> f64 {
    let mut total = 0.0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        let mut number = String::new();
        while let Some(&next) = chars.peek() {
            match next {
                '0'..='9' => number.push(next),
                '.' | '[' | ']' | '*' => {
                    total += number.parse::<f64>().unwrap_or(0.0);
                    number.clear();
                }
                '+' | '-' | '#' | ' ' => {}
                _ => break,
            }
            chars.next();
        }
        total += number.parse::<f64>().unwrap_or(0.0);
        chars.next(); // the verb, or the second `%` of `%%`
    }
    total
}

/// The builtins [`guard`] stands in front of, and the engine's own function for each, stored
/// as the first program that calls it found it (they are the same in every program).
const GUARDED: [&str; 11] = [
    "numbers.range",
    "numbers.range_step",
    "array.concat",
    "concat",
    "replace",
    "strings.replace_n",
    "regex.replace",
    "sprintf",
    "json.marshal",
    "json.marshal_with_options",
    "net.cidr_expand",
];
static ORIGINALS: [OnceLock<Box<dyn Any + Send + Sync>>; 11] = [const { OnceLock::new() }; 11];

/// Puts [`guard`] in front of each builtin of [`GUARDED`] the program calls.
fn guard_builtins(program: &mut Program) {
    let names: Vec<String> = program
        .builtin_info_table
        .iter()
        .map(|b| b.name.clone())
        .collect();
    for (slot, name) in program.resolved_builtins.iter_mut().zip(&names) {
        let Some(i) = GUARDED.iter().position(|g| g == name) else {
            continue;
        };
        let original = slot.0;
        ORIGINALS[i].get_or_init(|| Box::new(original));
        slot.0 = match i {
            0 => guard::<0, _, _>,
            1 => guard::<1, _, _>,
            2 => guard::<2, _, _>,
            3 => guard::<3, _, _>,
            4 => guard::<4, _, _>,
            5 => guard::<5, _, _>,
            6 => guard::<6, _, _>,
            7 => guard::<7, _, _>,
            8 => guard::<8, _, _>,
            9 => guard::<9, _, _>,
            _ => guard::<10, _, _>,
        };
    }
}

/// Builtin `GUARDED[I]`: refuses a result over the element budget before anything is built
/// (an error the VM reports even for non-strict policies), else runs the engine's function.
/// The span and expression types are the engine's own; they are inferred, not named.
fn guard<const I: usize, S: 'static, E: 'static>(
    span: &S,
    params: &[E],
    args: &[Value],
    strict: bool,
) -> anyhow::Result<Value> {
    let limit = max_elements();
    if let Some(elements) = result_elements(GUARDED[I], args).filter(|n| *n > limit as f64) {
        return Err(regorus::LimitError::MemoryLimitExceeded {
            usage: elements.min(u64::MAX as f64) as u64,
            limit,
        }
        .into());
    }
    type Builtin<S, E> = fn(&S, &[E], &[Value], bool) -> anyhow::Result<Value>;
    let original = ORIGINALS[I]
        .get()
        .and_then(|f| f.downcast_ref::<Builtin<S, E>>())
        .ok_or_else(|| anyhow::anyhow!("{}: builtin not resolved", GUARDED[I]))?;
    original(span, params, args, strict)
}

/// A VM loaded with `program`, one per worker thread.
pub fn machine(program: &Arc<Program>) -> RegoVM {
    let mut vm = RegoVM::new();
    vm.load_program(program.clone());
    // Policies read only `input`; an empty `data` cannot conflict with the rule tree.
    let _ = vm.set_data(Value::new_object());
    vm.set_execution_timer_config(Some(backstop()));
    vm
}

/// Runs one entry point with `budget` instructions. `strict` makes builtin errors, division by
/// zero and comparisons of mismatched types errors instead of undefined.
pub fn run(
    vm: &mut RegoVM,
    entry_point: &str,
    budget: u64,
    strict: bool,
) -> Result<Value, Failure> {
    vm.set_max_instructions(usize::try_from(budget).unwrap_or(usize::MAX));
    vm.set_strict_builtin_errors(strict);
    vm.execute_entry_point_by_name(entry_point).map_err(|e| {
        let kind = match e {
            VmError::InstructionLimitExceeded { .. } => FailureKind::Instructions,
            VmError::TimeLimitExceeded { .. } => FailureKind::Time,
            VmError::MemoryLimitExceeded { .. } => FailureKind::Elements,
            _ => FailureKind::Runtime,
        };
        let (message, pc) = match e {
            // The engine reports this one at pc 0 (it does not know the instruction) and in bytes.
            VmError::MemoryLimitExceeded { usage, limit, .. } => (format!(
                "a builtin would build a value of {usage} elements, over the budget of {limit} (--max-rego-elements)"
            ), None),
            // Said without the program counter, which means nothing to a reader and moves
            // whenever an embedded policy changes: the location says where.
            VmError::InstructionLimitExceeded { limit, pc, .. } => (
                format!("stopped after the budget of {limit} Rego instructions (--max-rego-instructions)"),
                Some(pc),
            ),
            _ => {
                let message = e.to_string();
                let pc = pc_of(&message);
                (message, pc)
            }
        };
        Failure {
            kind,
            location: pc
                .and_then(|pc| locate(vm.get_program(), pc))
                .unwrap_or_else(|| Location::file("<rungs>")),
            message,
        }
    })
}

/// The `pc=N` every VM error message ends with.
fn pc_of(message: &str) -> Option<usize> {
    let at = message.rfind("pc=")? + 3;
    let digits: String = message[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The source position of instruction `pc`.
fn locate(program: &Program, pc: usize) -> Option<Location> {
    let span = program.get_instruction_span(pc)?;
    let file = source_name(program, span.source_index)?;
    Some(Location::at(file, span.line, span.column))
}

/// The file of the spans numbered `index`. regorus 0.14.1 numbers span sources in the order the
/// compiler first emits code from them but lists `program.sources` in module order, so the
/// index cannot be looked up directly. Each rule's body starts with an instruction of its own
/// file, and that file declares the rule's package: the files declaring the package of every
/// rule whose body starts in `index` narrow it down; `None` unless one file is left.
fn source_name(program: &Program, index: usize) -> Option<String> {
    let packages: Vec<(String, &str)> = program
        .sources
        .iter()
        .filter_map(|s| {
            let package = crate::policy::package_of(&s.content)?;
            Some((format!("data.{package}."), s.name.as_str()))
        })
        .collect();
    let mut candidates: Option<Vec<&str>> = None;
    for rule in program.rule_infos.iter() {
        let starts_here = rule.definitions.iter().any(|body| {
            body.first()
                .and_then(|&pc| program.get_instruction_span(pc as usize))
                .is_some_and(|span| span.source_index == index)
        });
        if !starts_here {
            continue;
        }
        // The longest package that prefixes the rule's path is the rule's own.
        let longest = packages
            .iter()
            .filter(|(prefix, _)| rule.name.starts_with(prefix.as_str()))
            .map(|(prefix, _)| prefix.len())
            .max()?;
        let files: Vec<&str> = packages
            .iter()
            .filter(|(prefix, _)| prefix.len() == longest && rule.name.starts_with(prefix.as_str()))
            .map(|(_, name)| *name)
            .collect();
        candidates = Some(match candidates {
            None => files,
            Some(before) => before.into_iter().filter(|f| files.contains(f)).collect(),
        });
    }
    match candidates?.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// regorus patch 10 (vendor/regorus/RUNGS-PATCH.md): a value compares with another handle on
    /// its own allocation as with a copy of it, across variants (a NaN becomes null).
    #[test]
    fn values_order_by_content_whoever_shares_them() {
        use std::cmp::Ordering;
        let object = |pairs: &[(&str, Value)]| {
            Value::from(
                pairs
                    .iter()
                    .map(|(k, v)| (Value::from(*k), v.clone()))
                    .collect::<std::collections::BTreeMap<_, _>>(),
            )
        };
        let samples = vec![
            Value::Null,
            Value::Bool(true),
            Value::from(2u64),
            Value::from(2.5f64),
            Value::from("message"),
            Value::from(vec![Value::from(f64::NAN), Value::from("a")]),
            Value::from(std::collections::BTreeSet::from([Value::from("x")])),
            object(&[
                ("message", Value::from("m")),
                ("resource", Value::from("r")),
            ]),
            Value::Undefined,
        ];
        // A copy on allocations of its own, through JSON where the value has a JSON form.
        let copy = |v: &Value| match v {
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Undefined => v.clone(),
            Value::String(s) => Value::from(s.as_ref()),
            Value::Array(items) => Value::from(
                items
                    .iter()
                    .map(|i| match i {
                        Value::String(s) => Value::from(s.as_ref()),
                        other => other.clone(),
                    })
                    .collect::<Vec<_>>(),
            ),
            Value::Set(_) => Value::from(std::collections::BTreeSet::from([Value::from("x")])),
            Value::Object(_) => object(&[
                ("message", Value::from("m")),
                ("resource", Value::from("r")),
            ]),
        };
        for (i, a) in samples.iter().enumerate() {
            assert_eq!(a.cmp(a), Ordering::Equal, "{a:?}");
            assert_eq!(a.cmp(&copy(a)), Ordering::Equal, "{a:?}");
            for (j, b) in samples.iter().enumerate() {
                // The samples are listed in the derived order of their variants.
                assert_eq!(a.cmp(b), i.cmp(&j), "{a:?} against {b:?}");
                assert_eq!(copy(a).cmp(b), a.cmp(b));
            }
        }
    }

    #[test]
    fn guarded_builtins_are_sized_from_their_arguments() {
        let string = |s: &str| Value::from(s);
        let replace = |x: &str, old: &str, new: &str| {
            result_elements("replace", &[string(x), string(old), string(new)])
        };
        assert_eq!(replace("abcabc", "b", "xyz"), Some(10.0));
        assert_eq!(replace("abc", "abc", ""), Some(3.0));
        assert_eq!(replace("ab", "", "12"), Some(8.0));
        let sprintf =
            |format: &str| result_elements("sprintf", &[string(format), Value::new_array()]);
        // Each with an empty argument list (2 bytes of text).
        assert_eq!(sprintf("%-08.3f|%5s"), Some(11.0 + 8.0 + 3.0 + 5.0 + 2.0));
        assert_eq!(sprintf("100%% of 123456789012: %d"), Some(25.0 + 2.0));
        assert_eq!(sprintf("%[2]*d %1000000000x"), Some(19.0 + 2.0 + 1e9 + 2.0));
        // Arguments count with their text: two shared copies of a 1,000-byte string.
        let long = string(&"x".repeat(1000));
        let pair = Value::from(vec![long.clone(), long]);
        assert_eq!(
            result_elements("sprintf", &[string("%s%s"), pair.clone()]),
            Some(4.0 + 4.0 + 2.0 * 1002.0)
        );
        assert_eq!(
            result_elements("json.marshal", std::slice::from_ref(&pair)),
            Some(2008.0)
        );
        // With options: the value's text times one plus the options' text ({"x": 1}: 2 + 2 + 3 + 24).
        let mut options = std::collections::BTreeMap::new();
        options.insert(string("x"), Value::from(1u64));
        assert_eq!(
            result_elements("json.marshal_with_options", &[pair, Value::from(options)]),
            Some(2008.0 * (1.0 + 31.0))
        );
        let regex = |x: &str, pattern: &str, new: &str| {
            result_elements("regex.replace", &[string(x), string(pattern), string(new)])
        };
        assert_eq!(regex("a1b22", "[0-9]+", "#"), Some(5.0 + 2.0));
        // One match of the whole string, copied twice by the replacement.
        assert_eq!(regex("abc", "(.*)", "$1$1"), Some(3.0 + (4.0 + 2.0 * 3.0)));
        assert_eq!(regex("abc", "(", "x"), None);
        let cidr = |c: &str| result_elements("net.cidr_expand", &[string(c)]);
        assert_eq!(cidr("10.0.0.0/8"), Some(16_777_216.0));
        assert_eq!(cidr("10.0.0.1/32"), Some(1.0));
        assert_eq!(cidr("2001:db8::/64"), Some(2f64.powi(64)));
        assert_eq!(cidr("not a cidr"), None);
        let mut patterns = std::collections::BTreeMap::new();
        patterns.insert(string("a"), string("bbb"));
        patterns.insert(string(""), string("-"));
        assert_eq!(
            result_elements("strings.replace_n", &[Value::from(patterns), string("aXa")]),
            Some(3.0 + 2.0 * 2.0 + 4.0)
        );
    }

    #[test]
    fn the_text_walk_stops_past_its_cap_on_shared_values() {
        // 60 levels of [x, x]: 2^60 leaves as text, a few dozen values in memory.
        let mut value = Value::from("x");
        for _ in 0..60 {
            value = Value::from(vec![value.clone(), value]);
        }
        let size = text_size(&value, 1000.0);
        assert!(size > 1000.0 && size < 1100.0, "{size}");
    }

    fn program(source: &str, entry: &str) -> Arc<Program> {
        let mut engine = crate::policy::new_engine();
        engine
            .add_policy("p.rego".into(), source.into())
            .expect("parses");
        compile(&mut engine, &[entry.to_string()]).expect("compiles")
    }

    /// `load` takes a program `serialize_binary` wrote, with the builtin guards `compile`
    /// adds, and refuses bytes that are not one.
    #[test]
    fn load_reads_serialized_programs_and_refuses_other_bytes() {
        let source = "package p\nimport rego.v1\nr := count(numbers.range(1, input.n))\n";
        // `load` borrows what it loads for the life of the process, as embedded programs do.
        let bytes = program(source, "data.p.r")
            .serialize_binary()
            .unwrap()
            .leak();
        let loaded = load(bytes).unwrap();
        let mut vm = machine(&loaded);
        vm.set_input(Value::from_json_str(r#"{"n": 3}"#).unwrap());
        assert_eq!(
            run(&mut vm, "data.p.r", 1_000, false),
            Ok(Value::from(3u64))
        );
        vm.set_input(Value::from_json_str(r#"{"n": 1e9}"#).unwrap());
        let refused = run(&mut vm, "data.p.r", 1_000, false).unwrap_err();
        assert_eq!(refused.kind, FailureKind::Elements, "{refused:?}");
        assert!(load(&bytes[..bytes.len() / 2]).is_err());
        assert!(load(b"not a program").is_err());
    }

    /// A loaded program keeps its instruction spans encoded (regorus patch 11) and decodes
    /// them when asked: the same span for every instruction, so a stop is located in the same
    /// place as on the program before serialization.
    #[test]
    fn loaded_programs_decode_their_spans_when_asked() {
        let source = "package p\nimport rego.v1\nn := count([x | some x in numbers.range(1, 100000); x > 7])\n";
        let compiled = program(source, "data.p.n");
        let loaded = load(compiled.serialize_binary().unwrap().leak()).unwrap();
        assert!(loaded.instruction_spans.is_empty());
        assert!(!compiled.instruction_spans.is_empty());
        assert_eq!(
            format!("{:?}", loaded.spans()),
            format!("{:?}", compiled.instruction_spans)
        );
        let mut on_compiled = machine(&compiled);
        let mut on_loaded = machine(&loaded);
        let stop = run(&mut on_compiled, "data.p.n", 1_000, false).unwrap_err();
        assert_eq!(stop.location.line, Some(3));
        assert_eq!(run(&mut on_loaded, "data.p.n", 1_000, false), Err(stop));
        // Serialized again, the encoded spans are written as they were read.
        assert_eq!(
            loaded.serialize_binary().unwrap(),
            compiled.serialize_binary().unwrap()
        );
    }

    /// regorus' pattern caches hand out shared matchers (vendor/regorus/RUNGS-PATCH.md, 3):
    /// repeated and concurrent matches of cached patterns give the same answers.
    #[test]
    fn cached_regexes_and_globs_match_the_same_every_time_and_on_every_thread() {
        let source = "package p\nimport rego.v1\n\
            r := [regex.match(`^[a-z]+-[0-9]+$`, s) | some s in input.names]\n\
            g := [glob.match(\"web-*\", [\"-\"], s) | some s in input.names]\n";
        let cases = [
            ("data.p.r", "[true, false, true, false, true]"),
            ("data.p.g", "[true, true, false, false, true]"),
        ]
        .map(|(entry, expected)| {
            let expected = Value::from_json_str(expected).unwrap();
            (entry, program(source, entry), expected)
        });
        let input =
            Value::from_json_str(r#"{"names": ["web-1", "web-x", "db-22", "WEB-3", "web-44"]}"#)
                .unwrap();
        std::thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| {
                    for (entry, program, expected) in &cases {
                        let mut vm = machine(program);
                        vm.set_input(input.clone());
                        for _ in 0..3 {
                            assert_eq!(run(&mut vm, entry, 1_000_000, false), Ok(expected.clone()));
                        }
                    }
                });
            }
        });
    }

    #[test]
    fn the_budget_counts_instructions_and_names_where_it_stopped() {
        let source = "package p\nimport rego.v1\nn := count([x | some x in numbers.range(1, 100000); x % 7 == 0])\n";
        let program = program(source, "data.p.n");
        let mut vm = machine(&program);
        assert_eq!(
            run(&mut vm, "data.p.n", 10_000_000, false),
            Ok(Value::from(14285_u64))
        );
        let failure = run(&mut vm, "data.p.n", 1_000, false).unwrap_err();
        assert_eq!(failure.kind, FailureKind::Instructions);
        assert_eq!(failure.location.file, "p.rego");
        assert_eq!(failure.location.line, Some(3));
        assert!(
            failure.message
                == "stopped after the budget of 1000 Rego instructions (--max-rego-instructions)",
            "{}",
            failure.message
        );
        // The same budget stops at the same place every time.
        assert_eq!(run(&mut vm, "data.p.n", 1_000, false), Err(failure));
    }

    #[test]
    fn the_stop_is_located_in_the_file_it_happened_in() {
        // The entry point's file is compiled first but added second: regorus' span numbering
        // and its list of sources disagree on which file is which.
        let mut engine = crate::policy::new_engine();
        for (name, source) in [
            ("a.rego", "package lib\nimport rego.v1\ndouble(x) := x * 2\n"),
            ("b.rego", "package p\nimport rego.v1\nimport data.lib\nn := count([x | some x in numbers.range(1, 100000); lib.double(x) > 7])\n"),
        ] {
            engine.add_policy(name.into(), source.into()).expect("parses");
        }
        let program = compile(&mut engine, &["data.p.n".to_string()]).expect("compiles");
        let mut vm = machine(&program);
        let failure = run(&mut vm, "data.p.n", 1_000, false).unwrap_err();
        assert_eq!(failure.kind, FailureKind::Instructions);
        let at = (failure.location.file.as_str(), failure.location.line);
        assert!(
            at == ("a.rego", Some(3)) || at == ("b.rego", Some(4)),
            "{at:?}"
        );
    }

    /// One program holds any number of entry points: regorus 0.14.1 gave each its own result
    /// register of one 255-register window, and failed at the 255th (vendored patch 4).
    #[test]
    fn a_program_holds_more_entry_points_than_registers() {
        let count = 600;
        let source: String = (0..count).map(|i| format!("r{i} := {i}\n")).collect();
        let mut engine = crate::policy::new_engine();
        engine
            .add_policy("p.rego".into(), format!("package p\n{source}"))
            .expect("parses");
        let names: Vec<String> = (0..count).map(|i| format!("data.p.r{i}")).collect();
        let program = compile(&mut engine, &names).expect("compiles");
        let mut vm = machine(&program);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(run(&mut vm, name, 1_000, false), Ok(Value::from(i as u64)));
        }
    }

    /// Why user policies are decided by the interpreter: the VM turns an error inside a rule
    /// body into an undefined body, strict mode included (regorus 0.14.1,
    /// `execute_rule_definitions_common`), where the interpreter raises it.
    #[test]
    fn the_vm_drops_errors_inside_rule_bodies_even_in_strict_mode() {
        let source = "package p\nimport rego.v1\nx := 1 / input.zero\n";
        let program = program(source, "data.p.x");
        let mut vm = machine(&program);
        let input = Value::from_json_str(r#"{"zero": 0}"#).unwrap();
        vm.set_input(input.clone());
        assert_eq!(run(&mut vm, "data.p.x", 1_000, true), Ok(Value::Undefined));
        let mut engine = crate::policy::new_engine();
        engine.add_policy("p.rego".into(), source.into()).unwrap();
        engine.set_strict_builtin_errors(true);
        engine.set_input(input);
        assert!(engine.eval_rule("data.p.x".into()).is_err());
    }

    /// Why library functions keep loops out of a body followed by `else`: the VM never
    /// reaches the `else` of a body whose `some` loop finds nothing (regorus 0.14.1); the
    /// function is undefined where the interpreter gives the `else` value.
    #[test]
    fn the_vm_skips_the_else_after_a_loop_that_finds_nothing() {
        let source = "package p\nimport rego.v1\nhas5(xs) := true if {\n\tsome x in xs\n\tx == 5\n} else := false\nout := has5([1, 2])\n";
        let program = program(source, "data.p.out");
        let mut vm = machine(&program);
        assert_eq!(
            run(&mut vm, "data.p.out", 1_000, false),
            Ok(Value::Undefined)
        );
        let mut engine = crate::policy::new_engine();
        engine.add_policy("p.rego".into(), source.into()).unwrap();
        engine.set_input(Value::new_object());
        assert_eq!(
            engine.eval_rule("data.p.out".into()).unwrap(),
            Value::from(false)
        );
    }

    /// Why an `else` after a body without a loop is safe: a condition that fails outside any
    /// loop (a comprehension's loop included) ends the body with an error, and the VM moves on
    /// to the `else`, as the interpreter does (tests/library.rs checks the policies for the
    /// other case).
    #[test]
    fn the_vm_reaches_the_else_after_a_body_without_a_loop() {
        let source = "package p\nimport rego.v1\nhas5(xs) := true if {\n\tfives := [x | some x in xs; x == 5]\n\tcount(fives) > 0\n} else := false\nfirst(xs) := v if {\n\tv := xs[0]\n\tv != null\n} else := 0\nout := [has5([1, 2]), has5([5]), first([]), first([null]), first([3])]\n";
        let program = program(source, "data.p.out");
        let mut vm = machine(&program);
        let expected = Value::from_json_str("[false, true, 0, 0, 3]").unwrap();
        assert_eq!(
            run(&mut vm, "data.p.out", 10_000, false),
            Ok(expected.clone())
        );
        let mut engine = crate::policy::new_engine();
        engine.add_policy("p.rego".into(), source.into()).unwrap();
        engine.set_input(Value::new_object());
        assert_eq!(engine.eval_rule("data.p.out".into()).unwrap(), expected);
    }

    /// A function called again with the very same arguments in one evaluation is answered
    /// from the memo (vendored patch 7): 100 calls of a 1,000-iteration body fit a budget
    /// that one call and 99 answers fit, and 100 calls of the body would not.
    #[test]
    fn repeated_function_calls_are_answered_without_running_the_body() {
        let source = "package p\nimport rego.v1\nabove(x) := count([y | some y in numbers.range(1, 1000); y > x])\nout := [above(0) | some _ in numbers.range(1, 100)]\n";
        let program = program(source, "data.p.out");
        let mut vm = machine(&program);
        let out = run(&mut vm, "data.p.out", 50_000, false).unwrap();
        assert_eq!(out, Value::from(vec![Value::from(1000_u64); 100]));
    }

    /// Arguments are told apart by their allocation, and a recorded call keeps its arguments
    /// alive: each string built here is dropped before the next is built, so without that
    /// the next one could take its address and get its result.
    #[test]
    fn function_results_follow_their_arguments_not_their_addresses() {
        let source = "package p\nimport rego.v1\ntwice(s) := concat(\":\", [s, s])\nout := [twice(concat(\"\", [\"v\", format_int(i, 10)])) | some i in numbers.range(1, 2000)]\n";
        let program = program(source, "data.p.out");
        let mut vm = machine(&program);
        let out = run(&mut vm, "data.p.out", 10_000_000, false).unwrap();
        let expected: Vec<Value> = (1..=2000)
            .map(|i| Value::from(format!("v{i}:v{i}")))
            .collect();
        assert_eq!(out, Value::from(expected));
    }

    /// Which calls the memo answers depends only on the program and the input: the fewest
    /// instructions an evaluation needs stays the same whatever the heap holds and in a new
    /// machine. (With a direct-mapped memo, tried first, this policy needed from 227,192 to
    /// 228,276 instructions over 11 such runs on regorus' VM alone, as the allocator placed the
    /// strings differently; 186,025 every time with the memo kept.)
    #[test]
    fn instructions_needed_do_not_depend_on_where_values_are_allocated() {
        let source = "package p\nimport rego.v1\nkey(s) := concat(\":\", [s, s])\nnames := [concat(\"\", [\"n\", format_int(i, 10)]) | some i in numbers.range(1, 6000)]\nout := count([k | some _ in [1, 2]; some n in names; k := key(n)])\n";
        let program = program(source, "data.p.out");
        let fits = |vm: &mut RegoVM, budget: u64| run(vm, "data.p.out", budget, false).is_ok();
        let mut vm = machine(&program);
        let (mut low, mut high) = (0, 10_000_000);
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if fits(&mut vm, mid) {
                high = mid;
            } else {
                low = mid;
            }
        }
        for round in 1..=3 {
            let _heap: Vec<Vec<u8>> = (0..2000 * round).map(|i| vec![0; 16 + i % 48]).collect();
            for vm in [&mut vm, &mut machine(&program)] {
                assert!(fits(vm, high), "round {round}: {high} no longer fits");
                assert!(!fits(vm, high - 1), "round {round}: {} fits", high - 1);
            }
        }
    }

    /// Recorded results end with their evaluation: the next input gets its own.
    #[test]
    fn function_results_do_not_outlive_their_evaluation() {
        let source =
            "package p\nimport rego.v1\nwith_input(x) := [x, input.v]\nout := with_input(\"k\")\n";
        let program = program(source, "data.p.out");
        let mut vm = machine(&program);
        for v in 1..=3_u64 {
            vm.set_input(Value::from_json_str(&format!(r#"{{"v": {v}}}"#)).unwrap());
            let out = run(&mut vm, "data.p.out", 10_000, false).unwrap();
            assert_eq!(out, Value::from(vec![Value::from("k"), Value::from(v)]));
        }
    }

    /// Runs `data.p.out` of `source` on the VM and on the interpreter, with `input`.
    fn both(source: &str, input: &str) -> (Value, Value) {
        let program = program(source, "data.p.out");
        let mut vm = machine(&program);
        let input = Value::from_json_str(input).unwrap();
        vm.set_input(input.clone());
        let on_vm = run(&mut vm, "data.p.out", 10_000, false).unwrap();
        let mut engine = crate::policy::new_engine();
        engine.add_policy("p.rego".into(), source.into()).unwrap();
        engine.set_input(input);
        (on_vm, engine.eval_rule("data.p.out".into()).unwrap())
    }

    /// Why the library builds its join indexes with `lib.group`: the VM drops the key of a
    /// keyed `contains` rule and gives the union of all its values (regorus 0.14.1), so every
    /// lookup in such an index was undefined (tests/library.rs keeps them out of policies).
    #[test]
    fn the_vm_drops_the_key_of_a_keyed_contains_rule() {
        let source = "package p\nimport rego.v1\nidx[k] contains i if {\n\tsome i, k in input.names\n}\nout := idx\n";
        let (on_vm, interpreted) = both(source, r#"{"names": ["a", "b", "a"]}"#);
        let json = |v: &Value| serde_json::to_string(v).unwrap();
        assert_eq!(json(&on_vm), "[0,1,2]");
        assert_eq!(json(&interpreted), r#"{"a":[0,2],"b":[1]}"#);
    }

    /// Why no library `else` follows a body of one assignment: when the assigned lookup is
    /// undefined, the VM gives undefined instead of the `else` value (regorus 0.14.1); a
    /// second condition in the body restores the `else` (tests/library.rs checks policies).
    #[test]
    fn the_vm_skips_the_else_after_a_body_of_one_assignment() {
        let source = "package p\nimport rego.v1\nbare(o, k) := s if {\n\ts := o[k]\n} else := []\nchecked(o, k) := s if {\n\ts := o[k]\n\tis_array(s)\n} else := []\ndefault b := \"undefined\"\nb := bare({}, \"x\")\nout := [b, checked({}, \"x\")]\n";
        let (on_vm, interpreted) = both(source, "{}");
        assert_eq!(on_vm, Value::from_json_str(r#"["undefined", []]"#).unwrap());
        assert_eq!(interpreted, Value::from_json_str("[[], []]").unwrap());
    }
}
