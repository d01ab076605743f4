//! Size and work limits of the evaluator, counted in bytes of values produced, never in time.
//!
//! Every value an expression evaluates to is measured (strings by their bytes, collections by
//! their elements, each value at least [`VALUE_OVERHEAD`] bytes, so evaluation steps count even
//! when they produce nothing) and charged to the root module being loaded. A single value over
//! [`Limits::max_value`], or a root whose charges pass [`Limits::max_total`], makes the
//! expression fail; the attribute becomes unknown and the loader reports the limit at the block.
//! Limit errors are not caught by `try` or `can`, which would otherwise turn them into a known
//! fallback value that Terraform would not have chosen.
//!
//! The state is per thread: a root module loads on one thread from start to end.

use super::value::Val;
use std::cell::Cell;

/// Default largest single value (`--max-value-size`): a string or collection of this many
/// bytes is far beyond any real configuration (a large IAM policy document is tens of KiB).
pub const DEFAULT_MAX_VALUE: usize = 8 << 20;

/// Default evaluation budget of one root module (`--max-eval-size`): bytes of values produced
/// while evaluating it, modules included. A value is charged again at each expression level
/// that passes it on, so this is a multiple of the configuration's size.
pub const DEFAULT_MAX_TOTAL: usize = 256 << 20;

/// What each value counts for besides its content.
pub const VALUE_OVERHEAD: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest single value, in bytes.
    pub max_value: usize,
    /// Bytes of values one root module may produce.
    pub max_total: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_value: DEFAULT_MAX_VALUE,
            max_total: DEFAULT_MAX_TOTAL,
        }
    }
}

/// Which limit stopped an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    Value,
    Total,
}

#[derive(Clone, Copy)]
struct State {
    limits: Limits,
    used: usize,
    hit: Option<Exceeded>,
    /// Limit errors raised on this thread so far, deep nesting included; `try` compares it.
    errors: u64,
}

thread_local! {
    static STATE: Cell<State> = const {
        Cell::new(State {
            limits: Limits { max_value: DEFAULT_MAX_VALUE, max_total: DEFAULT_MAX_TOTAL },
            used: 0,
            hit: None,
            errors: 0,
        })
    };
}

fn update<T>(f: impl FnOnce(&mut State) -> T) -> T {
    STATE.with(|s| {
        let mut state = s.get();
        let out = f(&mut state);
        s.set(state);
        out
    })
}

/// Starts a root module: a fresh budget under `limits`.
pub fn start(limits: Limits) {
    update(|s| {
        s.limits = limits;
        s.used = 0;
        s.hit = None;
    });
}

/// The limits in force on this thread.
pub fn limits() -> Limits {
    update(|s| s.limits)
}

/// Bytes charged since [`start`].
pub fn used() -> usize {
    update(|s| s.used)
}

/// Which limit was hit since the last call, if any; clears the mark.
pub fn take_exceeded() -> Option<Exceeded> {
    update(|s| s.hit.take())
}

/// How many limit errors this thread has raised; an evaluation that raised one is not a
/// failure `try` or `can` may catch.
pub fn errors() -> u64 {
    update(|s| s.errors)
}

/// Counts a limit error that is not a budget one (the nesting cap), for [`errors`].
pub fn count_error() {
    update(|s| s.errors += 1);
}

/// Charges `bytes` of work to the root's budget.
pub fn charge(bytes: usize) -> Result<(), String> {
    update(|s| {
        s.used = s.used.saturating_add(bytes);
        if s.used > s.limits.max_total {
            s.hit = Some(Exceeded::Total);
            s.errors += 1;
            Err(format!(
                "evaluation budget of {} bytes for this root module used up",
                s.limits.max_total
            ))
        } else {
            Ok(())
        }
    })
}

/// Fails when a value being built has grown past the single-value limit.
pub fn check_len(bytes: usize) -> Result<(), String> {
    update(|s| {
        if bytes > s.limits.max_value {
            s.hit = Some(Exceeded::Value);
            s.errors += 1;
            Err(format!(
                "value larger than {} bytes (at least {bytes})",
                s.limits.max_value
            ))
        } else {
            Ok(())
        }
    })
}

/// Measures a value and charges it: fails when it is over the single-value limit or the
/// root's budget is used up. The walk stops as soon as the value is over the limit, so it never
/// costs more than the limit.
pub fn charge_value(v: &Val) -> Result<(), String> {
    let cap = limits().max_value;
    let size = size(v, cap.saturating_add(1));
    check_len(size)?;
    charge(size)
}

/// The bytes a value counts for, or anything over `cap` once it is known to pass it.
pub fn size(v: &Val, cap: usize) -> usize {
    let mut total = 0usize;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        total += VALUE_OVERHEAD;
        match v {
            Val::String(s) | Val::Unknown(s) => total += s.len(),
            Val::List(items) => stack.extend(items.iter()),
            Val::Object(map) => {
                for (k, v) in map {
                    total += k.len();
                    stack.push(v);
                }
            }
            Val::Null | Val::Bool(_) | Val::Number(_) => {}
        }
        if total > cap {
            return total;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_counts_content_and_stops_past_the_cap() {
        let v = Val::List(vec![Val::String("abcd".into()), Val::Null]);
        assert_eq!(size(&v, usize::MAX), 3 * VALUE_OVERHEAD + 4);
        let big = Val::List(vec![Val::String("x".repeat(100)); 1000]);
        let s = size(&big, 500);
        assert!(s > 500 && s < 500 + 2 * (VALUE_OVERHEAD + 100), "{s}");
    }

    #[test]
    fn limits_fail_and_are_reported_once() {
        start(Limits {
            max_value: 100,
            max_total: 1000,
        });
        let before = errors();
        assert!(charge_value(&Val::String("x".repeat(60))).is_ok());
        assert_eq!(used(), VALUE_OVERHEAD + 60);
        assert!(charge_value(&Val::String("x".repeat(200))).is_err());
        assert_eq!(take_exceeded(), Some(Exceeded::Value));
        assert_eq!(take_exceeded(), None);
        assert!(charge(1000).is_err());
        assert_eq!(take_exceeded(), Some(Exceeded::Total));
        assert_eq!(errors(), before + 2);
        start(Limits::default());
        assert_eq!(used(), 0);
        assert!(charge(1000).is_ok());
    }
}
