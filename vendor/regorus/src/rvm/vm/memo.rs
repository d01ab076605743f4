// rungs patch 7: results of function calls, kept for the rest of one evaluation.
//
// A Rego function's result depends only on its arguments, `input` and `data`, which do not
// change during an evaluation (the VM compiler rejects `with`). A call whose arguments are the
// very values of an earlier call (the same shared allocation for strings, arrays, sets, objects
// and big numbers; the same bits for other scalars) gets that call's result without running the
// body. Identity is a narrower test than equality: equal values at different addresses miss,
// which costs time, never correctness. Each entry holds clones of the arguments identified by
// their address, so no such address is freed and reused while the entry lives. Which calls are
// answered here depends only on the program and the input, never on time or threads.

use crate::number::Number;
use crate::value::Value;
use crate::Rc;
use alloc::boxed::Box;
use core::hash::{BuildHasherDefault, Hash, Hasher};

/// Calls with more arguments are not recorded.
const MAX_ARGS: usize = 4;

/// Most entries one evaluation keeps (about 100 bytes each): then they are all dropped.
const MAX_ENTRIES: usize = 1 << 16;

/// The least share of lookups (one in this many) a full table must have answered to go on.
const MIN_HIT_RATIO: u32 = 4;

/// A function's rule index and its arguments' identities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MemoKey {
    rule: u16,
    /// The number of arguments in the low 4 bits, then 4 bits of kind per argument.
    kinds: u32,
    words: [u64; MAX_ARGS],
}

impl MemoKey {
    /// The key of a call of `rule` with `args`; None when it has too many arguments.
    pub(super) fn new<'a>(rule: u16, args: impl ExactSizeIterator<Item = &'a Value>) -> Option<Self> {
        let count = args.len();
        if count > MAX_ARGS {
            return None;
        }
        let mut key = Self {
            rule,
            kinds: u32::try_from(count).ok()?,
            words: [0; MAX_ARGS],
        };
        for ((arg, word), shift) in args.zip(key.words.iter_mut()).zip((4_u32..).step_by(4)) {
            let (kind, bits) = identity(arg);
            key.kinds |= u32::from(kind) << shift;
            *word = bits;
        }
        Some(key)
    }
}

impl Hash for MemoKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Word by word: the derived hash would feed the array to `write` as bytes.
        state.write_u64(u64::from(self.rule) | (u64::from(self.kinds) << 16));
        for &word in &self.words {
            state.write_u64(word);
        }
    }
}

/// What identifies a value: its kind, and its bits (scalars) or its allocation's address.
fn identity(value: &Value) -> (u8, u64) {
    let address = |a: usize| u64::try_from(a).unwrap_or(u64::MAX);
    match *value {
        Value::Null => (0, 0),
        Value::Bool(b) => (1, u64::from(b)),
        Value::Number(Number::UInt(n)) => (2, n),
        Value::Number(Number::Int(n)) => (3, n.cast_unsigned()),
        Value::Number(Number::Float(f)) => (4, f.to_bits()),
        Value::Number(Number::BigInt(ref b)) => (5, address(Rc::as_ptr(b).addr())),
        Value::String(ref s) => (6, address(Rc::as_ptr(s).cast::<u8>().addr())),
        Value::Array(ref a) => (7, address(Rc::as_ptr(a).addr())),
        Value::Set(ref s) => (8, address(Rc::as_ptr(s).addr())),
        Value::Object(ref o) => (9, address(Rc::as_ptr(o).addr())),
        Value::Undefined => (10, 0),
    }
}

/// Whether the identity of `value` is an address (the entry must keep the value alive).
const fn is_allocated(value: &Value) -> bool {
    matches!(
        *value,
        Value::Number(Number::BigInt(_))
            | Value::String(_)
            | Value::Array(_)
            | Value::Set(_)
            | Value::Object(_)
    )
}

/// The multiply-rotate hash of rustc (FxHash): keys are a few integers, no attacker picks them.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    const fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.add(u64::from(byte));
        }
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(u64::try_from(n).unwrap_or(u64::MAX));
    }

    fn finish(&self) -> u64 {
        // A product's low bits depend only on its factors' low bits; the table indexes by them.
        self.0.rotate_left(26)
    }
}

/// One recorded call.
#[derive(Debug)]
struct Entry {
    result: Value,
    /// The arguments whose identity is their address, kept alive with the entry.
    _pinned: Box<[Value]>,
}

/// The table: std's hash map keeps entries inline (one cache miss a lookup, where `IndexMap`
/// reads an index, then the entry); `IndexMap` where std is not built.
#[cfg(feature = "std")]
type Table = std::collections::HashMap<MemoKey, Entry, BuildHasherDefault<FxHasher>>;
#[cfg(not(feature = "std"))]
type Table = indexmap::IndexMap<MemoKey, Entry, BuildHasherDefault<FxHasher>>;

/// Function results of the current evaluation. A hit needs the very key of an earlier call of
/// this evaluation, and entries go only all at once (at the end of the evaluation, or when
/// `MAX_ENTRIES` is reached, a count), so which calls are answered never depends on where the
/// allocator put a value: instruction counts are the same on every run.
#[derive(Debug, Default)]
pub(super) struct FunctionMemo {
    entries: Table,
    /// Lookups and hits since the entries were last dropped.
    lookups: u32,
    hits: u32,
    /// Set for the rest of the evaluation when a full table answered fewer than one lookup in
    /// `MIN_HIT_RATIO`: calls repeat too far apart for the table (thousands of resources of one
    /// type in one document) and recording them would only cost.
    off: bool,
}

impl FunctionMemo {
    pub(super) const fn is_on(&self) -> bool {
        !self.off
    }

    pub(super) fn get(&mut self, key: &MemoKey) -> Option<&Value> {
        self.lookups = self.lookups.saturating_add(1);
        let found = self.entries.get(key).map(|entry| &entry.result);
        if found.is_some() {
            self.hits = self.hits.saturating_add(1);
        }
        found
    }

    pub(super) fn insert<'a>(
        &mut self,
        key: MemoKey,
        args: impl Iterator<Item = &'a Value> + Clone,
        result: Value,
    ) {
        if self.entries.len() >= MAX_ENTRIES {
            self.off = self.hits.saturating_mul(MIN_HIT_RATIO) < self.lookups;
            self.drop_entries();
            if self.off {
                return;
            }
        }
        // Allocated at its size: collecting the filter grew a vector, then shrank it to a box.
        let count = args.clone().filter(|arg| is_allocated(arg)).count();
        let mut pinned = alloc::vec::Vec::with_capacity(count);
        pinned.extend(args.filter(|arg| is_allocated(arg)).cloned());
        let pinned = pinned.into_boxed_slice();
        self.entries.insert(
            key,
            Entry {
                result,
                _pinned: pinned,
            },
        );
    }

    fn drop_entries(&mut self) {
        self.entries.clear();
        self.lookups = 0;
        self.hits = 0;
    }

    /// Ends the evaluation.
    pub(super) fn clear(&mut self) {
        self.drop_entries();
        self.off = false;
    }
}
