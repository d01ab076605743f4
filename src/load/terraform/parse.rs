//! Parsing Terraform files (`.tf`, `.tofu`, `.tf.json`) into top-level blocks with positions.
//!
//! HCL goes through hcl-edit, which keeps byte spans, so every block gets its first and last line;
//! the block bodies are then converted to plain `hcl` structures for evaluation. JSON syntax is
//! mapped onto the same structures, with strings parsed as templates as Terraform does.

use hcl::edit::Span;
use hcl::{Body, Expression, Identifier, Object, ObjectKey, TemplateExpr};

/// A top-level block (`resource`, `data`, `module`, `variable`, `locals`, `output`, ...).
#[derive(Debug, Clone)]
pub struct TopBlock {
    pub kind: String,
    pub labels: Vec<String>,
    pub body: Body,
    pub line: usize,
    pub end_line: usize,
}

/// A parse failure with its 1-based position.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Byte offsets to 1-based line numbers, counting line breaks from the last offset asked
/// about: blocks are asked in source order, so a file is counted once (an index of every
/// line start cost 4% of parsing a file).
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(source: &'a str) -> Self {
        LineCounter {
            text: source.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of byte `offset` (offsets past the end count as the end).
    fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        let breaks = self.text[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += breaks;
        self.offset = offset;
        self.line
    }
}

/// Parses HCL native syntax.
pub fn parse_hcl(source: &str) -> Result<Vec<TopBlock>, ParseError> {
    let body = hcl::edit::parser::parse_body_values(source).map_err(|e| {
        let (line, column) = (e.location().line(), e.location().column());
        let message = match out_of_range(source, line, column) {
            Some(literal) => format!(
                "the number {literal} is out of range: rungs reads numbers as 64-bit floats (up to about 1.8e308)"
            ),
            None => e.message().to_string(),
        };
        ParseError {
            line,
            column,
            message,
        }
    })?;
    let mut lines = LineCounter::new(source);
    let mut blocks = Vec::new();
    for structure in body.into_iter() {
        let hcl::edit::structure::Structure::Block(block) = structure else {
            continue; // top-level attributes mean nothing to Terraform
        };
        let (line, end_line) = block
            .span()
            .map(|s| {
                (
                    lines.line(s.start),
                    lines.line(s.end.saturating_sub(1).max(s.start)),
                )
            })
            .unwrap_or((1, 1));
        let block: hcl::Block = block.into();
        blocks.push(TopBlock {
            kind: block.identifier.to_string(),
            labels: block
                .labels
                .iter()
                .map(|l| l.as_str().to_string())
                .collect(),
            body: block.body,
            line,
            end_line,
        });
    }
    Ok(blocks)
}

/// The number literal around a parse error at `line`:`column` when it is one too large for an
/// f64 (`1e400`): the parser stops inside it with a message that does not say why.
fn out_of_range(source: &str, line: usize, column: usize) -> Option<&str> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let at = text.char_indices().nth(column.checked_sub(1)?)?.0;
    let is_part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_part(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .find(|c: char| !is_part(c))
        .map_or(text.len(), |i| at + i);
    let literal = &text[start..end];
    let starts_numeric = literal.starts_with(|c: char| c.is_ascii_digit());
    (starts_numeric && literal.parse::<f64>().is_ok_and(|n| n.is_infinite())).then_some(literal)
}

/// Parses Terraform JSON syntax: `{"resource": {"TYPE": {"NAME": {...}}}, "variable": {...}}`.
pub fn parse_json(source: &str) -> Result<Vec<TopBlock>, ParseError> {
    let root: serde_json::Value = serde_json::from_str(source).map_err(|e| ParseError {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let serde_json::Value::Object(root) = root else {
        return Err(ParseError {
            line: 1,
            column: 1,
            message: "a Terraform JSON file must hold an object".into(),
        });
    };
    let label_depth = |kind: &str| match kind {
        "resource" | "data" => 2,
        "variable" | "module" | "output" | "provider" => 1,
        _ => 0,
    };
    let mut blocks = Vec::new();
    for (kind, value) in root {
        let depth = label_depth(&kind);
        let mut found = Vec::new();
        if let Err(path) = collect_json_blocks(&value, depth, &mut Vec::new(), &mut found) {
            // Terraform rejects it; leaving it out quietly would drop what it declares.
            if depth > 0 || kind == "locals" {
                let mut at = vec![kind.clone()];
                at.extend(path.iter().cloned());
                return Err(ParseError {
                    line: locate_json(source, &at),
                    column: 1,
                    message: format!(
                        "`{}` must be {}, not a {}",
                        at.join("."),
                        if path.len() < depth {
                            "an object of blocks"
                        } else {
                            "an object (a block body)"
                        },
                        json_type(&value, &path)
                    ),
                });
            }
        }
        for (labels, body) in found {
            let line = locate_json(source, &labels);
            blocks.push(TopBlock {
                kind: kind.clone(),
                labels,
                body: json_body(body),
                line,
                end_line: line,
            });
        }
    }
    Ok(blocks)
}

/// Walks `depth` levels of labels; a list at any level holds several blocks. A value that is
/// neither an object nor a list gives the labels leading to it (`//` comment keys are skipped).
fn collect_json_blocks<'a>(
    value: &'a serde_json::Value,
    depth: usize,
    labels: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'a serde_json::Map<String, serde_json::Value>)>,
) -> Result<(), Vec<String>> {
    match value {
        serde_json::Value::Array(items) => {
            for item in items {
                collect_json_blocks(item, depth, labels, out)?;
            }
        }
        serde_json::Value::Object(map) if depth == 0 => out.push((labels.clone(), map)),
        serde_json::Value::Object(map) => {
            for (key, inner) in map.iter().filter(|(k, _)| k.as_str() != "//") {
                labels.push(key.clone());
                collect_json_blocks(inner, depth - 1, labels, out)?;
                labels.pop();
            }
        }
        _ => return Err(labels.clone()),
    }
    Ok(())
}

/// The JSON type of the value at `path` under `value` (arrays looked through).
fn json_type(value: &serde_json::Value, path: &[String]) -> &'static str {
    let mut v = value;
    for key in path {
        while let serde_json::Value::Array(items) = v {
            match items.iter().find(|i| i.get(key).is_some()) {
                Some(item) => v = item,
                None => break,
            }
        }
        match v.get(key) {
            Some(inner) => v = inner,
            None => break,
        }
    }
    if let serde_json::Value::Array(items) = v {
        if let Some(bad) = items.iter().find(|i| !i.is_object() && !i.is_array()) {
            v = bad;
        }
    }
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "bool",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "list",
        serde_json::Value::Object(_) => "object",
    }
}

/// The line of the last label's key, searched in order after the previous ones.
fn locate_json(source: &str, labels: &[String]) -> usize {
    let mut from = 0;
    for label in labels {
        let needle = format!("\"{label}\"");
        match source[from..].find(&needle) {
            Some(i) => from += i + needle.len(),
            None => break,
        }
    }
    source[..from].matches('\n').count() + 1
}

fn json_body(map: &serde_json::Map<String, serde_json::Value>) -> Body {
    let mut builder = Body::builder();
    for (key, value) in map {
        // Nested blocks in JSON are objects or lists of objects; we keep them as attributes and
        // the loader's normalisation turns them into lists of objects.
        builder = builder.add_attribute((key.as_str(), json_expr(value)));
    }
    builder.build()
}

fn json_expr(value: &serde_json::Value) -> Expression {
    match value {
        serde_json::Value::Null => Expression::Null,
        serde_json::Value::Bool(b) => Expression::Bool(*b),
        serde_json::Value::Number(n) => n
            .as_f64()
            .and_then(hcl::Number::from_f64)
            .map(Expression::Number)
            .unwrap_or(Expression::Null),
        serde_json::Value::String(s) if s.contains("${") || s.contains("%{") => {
            Expression::TemplateExpr(Box::new(TemplateExpr::QuotedString(s.clone())))
        }
        serde_json::Value::String(s) => Expression::String(s.clone()),
        serde_json::Value::Array(items) => Expression::Array(items.iter().map(json_expr).collect()),
        serde_json::Value::Object(map) => {
            let mut object = Object::new();
            for (k, v) in map {
                object.insert(
                    ObjectKey::Identifier(Identifier::sanitized(k)),
                    json_expr(v),
                );
            }
            Expression::Object(object)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The quoted-string scanner of the patched hcl-edit (vendor/hcl-edit/RUNGS-PATCH.md) stops
    /// where the per-character parser did: dollar and percent signs that start nothing, escaped
    /// markers, escapes, multi-byte characters, interpolations and unterminated strings.
    #[test]
    fn quoted_strings_end_where_they_did() {
        let value = |text: &str| -> Result<hcl::Expression, String> {
            let body: hcl::Body = hcl::edit::parser::parse_body(&format!("x = {text}\n"))
                .map_err(|e| format!("{}:{}", e.location().line(), e.location().column()))?
                .into();
            Ok(body
                .attributes()
                .next()
                .expect("one attribute")
                .expr
                .clone())
        };
        let string = |s: &str| Ok(hcl::Expression::String(s.into()));
        assert_eq!(value(r#""a$b""#), string("a$b"));
        assert_eq!(value(r#""100%""#), string("100%"));
        assert_eq!(value(r#""$""#), string("$"));
        assert_eq!(value(r#""$$ %% $}""#), string("$$ %% $}"));
        assert_eq!(value(r#""$${x} %%{y}""#), string("${x} %{y}"));
        assert_eq!(value(r#""a\"b\\c""#), string("a\"b\\c"));
        assert_eq!(value(r#""é\u00e9ü""#), string("ééü"));
        assert_eq!(value(r#""""#), string(""));
        let template = |s: &str| {
            Ok(hcl::Expression::TemplateExpr(Box::new(
                hcl::TemplateExpr::QuotedString(s.into()),
            )))
        };
        assert_eq!(value(r#""é${var.a}$""#), template("é${var.a}$"));
        assert_eq!(
            value(r#""%{if true}a%{endif}""#),
            template("%{if true}a%{endif}")
        );
        assert_eq!(value(r#""a\qb""#), Err("1:9".into()));
        assert_eq!(value(r#""abc"#), Err("1:1".into()));
    }

    /// The body converted from `parse_body_values` (decor outside templates left as spans,
    /// hcl-edit patch 4) and from `parse_body` (all decor copied out).
    fn both_conversions(source: &str) -> (Option<hcl::Body>, Option<hcl::Body>) {
        use hcl::edit::parser::{parse_body, parse_body_values};
        (
            parse_body_values(source).ok().map(Into::into),
            parse_body(source).ok().map(Into::into),
        )
    }

    /// Templates keep their inner whitespace and comments wherever they sit: an attribute, an
    /// array, an object key and value, a function argument, a conditional, a `for`, an index,
    /// an operand, a heredoc and its directives.
    #[test]
    fn values_parse_keeps_what_templates_print() {
        let source = r#"
resource "a" "b" {
  # a comment
  w = "${ var.a  +  1 }-x" /* after */
  l = [ "${ upper( var.b ) }" , 2 ]
  o = { "${ var.k }" = "${ var.v /* c */ }", k2 = ( "${ 1 }" ) }
  f = format( "%s" , "${ var.c }" )
  c = var.d ? "${ var.e }" : "%{ if var.f } y %{ else } n %{ endif }"
  e = [ for s in var.g : "${ s }" if s != "${ var.h }" ]
  m = { for k , v in var.i : "${ k }" => "${ v }..." }
  i = var.j[ "${ var.k }" ]
  n = - var.l + length( "${ var.m }" )
  h = <<-EOT
    a ${ var.n }
    %{ for x in var.o ~}
    ${ x }
    %{~ endfor }
  EOT
  nested {
    v = "${ var.p }"
  }
}
"#;
        let (values, full) = both_conversions(source);
        assert!(values.is_some(), "the example parses");
        assert_eq!(values, full);
        let body = values.expect("parsed");
        let block = body.blocks().next().expect("the resource");
        let attr = |name: &str| {
            block
                .body
                .attributes()
                .find(|a| a.key.as_str() == name)
                .map(|a| a.expr.clone())
        };
        let template = |s: &str| {
            Some(hcl::Expression::TemplateExpr(Box::new(
                hcl::TemplateExpr::QuotedString(s.into()),
            )))
        };
        // hcl-edit prints an operator with single spaces whatever the source had.
        assert_eq!(attr("w"), template("${ var.a + 1 }-x"));
        let Some(hcl::Expression::Array(l)) = attr("l") else {
            panic!("l is an array");
        };
        assert_eq!(Some(l[0].clone()), template("${ upper( var.b ) }"));
        let Some(hcl::Expression::TemplateExpr(h)) = attr("h") else {
            panic!("h is a heredoc");
        };
        let hcl::TemplateExpr::Heredoc(h) = *h else {
            panic!("h is a heredoc");
        };
        assert_eq!(
            h.template,
            "a ${ var.n }\n%{ for x in var.o ~}\n    ${ x }\n    %{~ endfor }\n"
        );
    }

    /// Every `.tf` file of the examples and fixtures converts to the same values either way.
    #[test]
    fn values_parse_converts_as_the_full_parse_does() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        for dir in ["examples", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.expect("readable tree");
                if entry.path().extension().is_none_or(|e| e != "tf") {
                    continue;
                }
                let Ok(source) = std::fs::read_to_string(entry.path()) else {
                    continue; // fixtures of unreadable or non-UTF-8 files
                };
                let (values, full) = both_conversions(&source);
                assert_eq!(values, full, "{}", entry.path().display());
                files += 1;
            }
        }
        assert!(files > 100, "only {files} .tf files found");
    }

    /// Lines asked in order, backwards and past the end are those of the text before the offset.
    #[test]
    fn line_counter_counts_the_breaks_before_an_offset() {
        let text = "a\n\nb\r\nccc\n\u{e9}\nd";
        let expected = |offset: usize| {
            1 + text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        };
        let mut lines = LineCounter::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        for &offset in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(lines.line(offset), expected(offset), "offset {offset}");
        }
        assert_eq!(lines.line(text.len()), 6);
    }

    #[test]
    fn blocks_carry_first_and_last_line() {
        let src = "terraform {}\n\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"x\"\n}\n";
        let blocks = parse_hcl(src).unwrap();
        assert_eq!(blocks.len(), 2);
        let r = &blocks[1];
        assert_eq!(
            (r.kind.as_str(), r.labels.clone()),
            (
                "resource",
                vec!["aws_s3_bucket".to_string(), "logs".to_string()]
            )
        );
        assert_eq!((r.line, r.end_line), (3, 5));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = parse_hcl("resource \"a\" \"b\" {\n  x = \n}\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 7));
    }

    #[test]
    fn numbers_too_large_for_a_float_say_so() {
        let e = parse_hcl("resource \"a\" \"b\" {\n  size = 1e400\n}\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 11));
        assert_eq!(
            e.message,
            "the number 1e400 is out of range: rungs reads numbers as 64-bit floats (up to about 1.8e308)"
        );
        assert_eq!(parse_hcl("x {\n  size = 1e300\n}\n").unwrap().len(), 1);
        // Found by tests/fuzz.rs: a multi-byte character before the error position.
        assert!(parse_hcl("locals {\n  cé= 1 2\n}\n").is_err());
    }

    #[test]
    fn empty_file_has_no_blocks() {
        assert!(parse_hcl("").unwrap().is_empty());
    }

    #[test]
    fn json_resources_and_lines() {
        let src = "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"logs\": {\"bucket\": \"${var.name}\"}\n    }\n  }\n}\n";
        let blocks = parse_json(src).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].labels, vec!["aws_s3_bucket", "logs"]);
        assert_eq!(blocks[0].line, 4);
        let attr = blocks[0].body.attributes().next().unwrap();
        assert!(matches!(attr.expr, Expression::TemplateExpr(_)));
    }

    #[test]
    fn json_blocks_of_the_wrong_shape_are_errors() {
        let e = parse_json("{\"resource\": 5}").unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (1, "`resource` must be an object of blocks, not a number")
        );
        let src = "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"logs\": \"x\"\n    }\n  }\n}\n";
        let e = parse_json(src).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (
                4,
                "`resource.aws_s3_bucket.logs` must be an object (a block body), not a string"
            )
        );
        // Comments and other top-level keys stay allowed.
        let ok = "{\"//\": \"note\", \"resource\": {\"//\": \"x\", \"t\": {\"a\": {}}}, \"x\": 1}";
        assert_eq!(parse_json(ok).unwrap().len(), 1);
    }

    #[test]
    fn json_syntax_error_has_position() {
        let e = parse_json("{\n  \"resource\": ,\n}").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
