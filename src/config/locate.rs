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
    fn missing_nodes_have_no_position() {
        assert_eq!(locate(DOC, &[Step::Value("nope")]), None);
        assert_eq!(
            locate(DOC, &[Step::Value("suppressions"), Step::Index(5)]),
            None
        );
        assert_eq!(locate(DOC, &[Step::Value("version"), Step::Index(0)]), None);
    }
}
