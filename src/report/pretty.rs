//! Indented JSON, byte for byte as `serde_json::to_string_pretty` writes it, made faster where a
//! report spends its time: serde_json writes each line's indentation two bytes at a time, one
//! `write_all` per level, and grows its buffer by doubling (each new block fresh memory the
//! kernel zeroes on first touch). Here a line break and its indentation are one write, and the
//! buffer is reserved once: pages of it never written are never touched.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// What the buffer starts with: more than the JSON report of most scans (214 KB for one bucket).
const RESERVED: usize = 1 << 20;

/// `value` as indented JSON (two spaces a level), the same bytes as
/// `serde_json::to_string_pretty`.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut buffer = Vec::with_capacity(RESERVED);
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffer, Pretty::default());
    value
        .serialize(&mut serializer)
        .expect("rungs' values serialize to JSON");
    String::from_utf8(buffer).expect("serde_json writes UTF-8")
}

/// A comma, a line break and the indentation of 64 levels: the bytes a line starts with, written
/// at once up to that depth.
const LINE: [u8; 130] = {
    let mut line = [b' '; 130];
    line[0] = b',';
    line[1] = b'\n';
    line
};

/// The state of serde_json's `PrettyFormatter` with its default two-space indent.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break (after a comma when `comma`) and the current level's indentation.
    fn line<W: ?Sized + Write>(&self, writer: &mut W, comma: bool) -> io::Result<()> {
        let start = usize::from(!comma);
        match LINE.get(start..2 + 2 * self.level) {
            Some(bytes) => writer.write_all(bytes),
            None => {
                writer.write_all(&LINE[start..2])?;
                (0..self.level).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(writer, false)?;
        }
        writer.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{to_string_pretty, LINE};
    use serde_json::{json, Value};

    /// Nested and empty arrays and objects, escapes, numbers, and nesting deeper than the
    /// indentation written at once: the same bytes as serde_json's own pretty printer.
    #[test]
    fn writes_what_serde_json_writes() {
        let mut deep = json!({"leaf": [1, {"k": []}, {}]});
        for i in 0..80 {
            deep = if i % 2 == 0 {
                json!([deep, i, "x\"\n\u{1}é"])
            } else {
                json!({"a": deep, "b": null, "c": {}})
            };
        }
        let values = [
            json!(null),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"s": "tab\t quote\" back\\ ctl\u{7f}\u{0}", "n": [1.5, -2, 3e300, 18446744073709551615_u64]}),
            deep,
        ];
        assert!(
            2 + 2 * 81 > LINE.len(),
            "the deep value must pass the fast path's depth"
        );
        for value in &values {
            assert_eq!(
                to_string_pretty(value),
                serde_json::to_string_pretty(value).unwrap()
            );
        }
        let round_trip: Value = serde_json::from_str(&to_string_pretty(&values[5])).unwrap();
        assert_eq!(round_trip, values[5]);
    }
}
