//! Line and column of a node in a YAML document, for diagnostics about values that parse fine
//! but are wrong in context (an unknown id, an expired date, a missing reason).
//!
//! yaml_serde reports positions only with errors, so [`locate`] walks a path through the document
//! with a seed that fails on purpose at the node it reaches; that error carries the node's line
//! and column. Only called when a diagnostic needs a position.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One step of a path from the document root.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// The value under a mapping key.
    Value(&'a str),
    /// A mapping key itself.
    Key(&'a str),
    /// A sequence item.
    Index(usize),
}

/// The message of the deliberate error; nothing else produces it.
const HERE: &str = "\u{0}rungs:here";

/// 1-based line and column of the node at `path`, or `None` when there is no such node.
pub fn locate(text: &str, path: &[Step<'_>]) -> Option<(usize, usize)> {
    match Seek(path).deserialize(yaml_serde::Deserializer::from_str(text)) {
        Err(e) if e.to_string().contains(HERE) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

/// Positions of the `count` items of the sequence at `path`, in one pass over the text when the
/// sequence is in block style (`- ` at one indentation, the usual form), checked against the
/// last item's position from [`locate`]; otherwise one [`locate`] per item. Locating each item
/// with its own parse was quadratic: 2,000 suppressions took 24 s.
pub fn locate_items(text: &str, path: &[Step<'_>], count: usize) -> Vec<Option<(usize, usize)>> {
    let one = |i: usize| {
        let mut steps = path.to_vec();
        steps.push(Step::Index(i));
        locate(text, &steps)
    };
    if count == 0 {
        return Vec::new();
    }
    if let Some(found) = block_items(text, one(0), count) {
        if count == 1 || one(count - 1) == found.last().copied() {
            return found.into_iter().map(Some).collect();
        }
    }
    (0..count).map(one).collect()
}

/// The lines starting `- ` at the first item's indentation, up to `count` of them, when the
/// sequence ends no earlier.
fn block_items(
    text: &str,
    first: Option<(usize, usize)>,
    count: usize,
) -> Option<Vec<(usize, usize)>> {
    let (line, column) = first?;
    // 0-based byte offset of the dash: the item's node starts two columns after it.
    let dash = column.checked_sub(3)?;
    let is_item = |l: &str| {
        l.get(..dash).is_some_and(|s| s.bytes().all(|b| b == b' '))
            && l.get(dash..).is_some_and(|s| s.starts_with("- "))
    };
    let lines: Vec<&str> = text.lines().collect();
    if !is_item(lines.get(line - 1)?) {
        return None;
    }
    let mut out = vec![(line, column)];
    for (i, l) in lines.iter().enumerate().skip(line) {
        if out.len() == count {
            break;
        }
        let trimmed = l.trim_start_matches(' ');
        if is_item(l) {
            out.push((i + 1, column));
        } else if !trimmed.is_empty() && !trimmed.starts_with('#') && l.len() - trimmed.len() < dash
        {
            break;
        }
    }
    (out.len() == count).then_some(out)
}

struct Seek<'p>(&'p [Step<'p>]);

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.0.split_first() {
            None => d.deserialize_any(Here),
            Some((Step::Index(i), rest)) => d.deserialize_seq(InSeq(*i, rest)),
            Some((step, rest)) => d.deserialize_map(InMap(*step, rest)),
        }
    }
}

/// Fails on whatever node it is given, so the error carries that node's position.
struct Here;

impl<'de> Visitor<'de> for Here {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any node")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(HERE))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(HERE))
    }
}

struct InSeq<'p>(usize, &'p [Step<'p>]);

impl<'de> Visitor<'de> for InSeq<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for _ in 0..self.0 {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek(self.1))?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

struct InMap<'p>(Step<'p>, &'p [Step<'p>]);

impl<'de> Visitor<'de> for InMap<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match self.0 {
            Step::Key(want) => {
                while map.next_key_seed(KeyIs(want))?.is_some() {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Step::Value(want) => {
                while let Some(key) = map.next_key::<String>()? {
                    if key == want {
                        map.next_value_seed(Seek(self.1))?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Step::Index(_) => while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {},
        }
        Ok(())
    }
}

/// Reads a mapping key and fails on it when it is the one wanted.
struct KeyIs<'p>(&'p str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if v == self.0 {
            Err(E::custom(HERE))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "version: 1\nseverity:\n  A-1: low\n  B-2: high\nsuppressions:\n  - policy: A-1\n    reason: x\n  - {policy: B-2, reason: y}\n";

    #[test]
    fn finds_keys_values_and_items() {
        assert_eq!(locate(DOC, &[Step::Value("version")]), Some((1, 10)));
        assert_eq!(
            locate(DOC, &[Step::Value("severity"), Step::Key("B-2")]),
            Some((4, 3))
        );
        assert_eq!(
            locate(DOC, &[Step::Value("suppressions"), Step::Index(0)]),
            Some((6, 5))
        );
        assert_eq!(
            locate(DOC, &[Step::Value("suppressions"), Step::Index(1)]),
            Some((8, 5))
        );
        assert_eq!(
            locate(
                DOC,
                &[
                    Step::Value("suppressions"),
                    Step::Index(1),
                    Step::Value("reason")
                ]
            ),
            Some((8, 27))
        );
    }

    #[test]
    fn items_are_located_in_one_pass_or_one_by_one() {
        let path = [Step::Value("suppressions")];
        assert_eq!(
            locate_items(DOC, &path, 2),
            vec![Some((6, 5)), Some((8, 5))]
        );
        let flow = "suppressions: [{policy: A}, {policy: B},\n  {policy: C}]\n";
        assert_eq!(
            locate_items(flow, &path, 3),
            vec![Some((1, 16)), Some((1, 29)), Some((2, 3))]
        );
        let mut many = String::from("suppressions:\n");
        for i in 0..2000 {
            many.push_str(&format!(
                "  # {i}\n  - policy: P-{i}\n    reason: |\n      - not an item\n"
            ));
        }
        let found = locate_items(&many, &path, 2000);
        assert_eq!(found.len(), 2000);
        for (i, at) in [(0, 1), (1, 999), (2, 1999)] {
            assert_eq!(found[at], Some((3 + 4 * at, 5)), "{i}");
            assert_eq!(
                found[at],
                locate(&many, &[Step::Value("suppressions"), Step::Index(at)])
            );
        }
    }

    #[test]
    fn missing_nodes_have_no_position() {
        assert_eq!(locate(DOC, &[Step::Value("nope")]), None);
        assert_eq!(
            locate(DOC, &[Step::Value("suppressions"), Step::Index(5)]),
            None
        );
        assert_eq!(locate(DOC, &[Step::Value("version"), Step::Index(0)]), None);
    }
}
