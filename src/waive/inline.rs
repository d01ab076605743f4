//! Inline suppressions: comment lines such as
//! `# rungs:ignore RUNGS-AWS-S3-001,RUNGS-AWS-S3-002 reason="public site" expires=2027-01-31`
//! (`//` comments too) in the run of comment lines directly above a resource, data or module
//! block. Policy ids come first (separated by commas or spaces), then `reason="..."` (required)
//! and `expires=YYYY-MM-DD` (optional, the last day it applies).

use crate::date::Date;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::load::document::WAIVER_MARKER as MARKER;

#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub ids: Vec<String>,
    pub reason: String,
    pub expires: Option<Date>,
    /// Where `rungs:ignore` is written.
    pub location: Location,
    /// The line right below the comment run, where the block it applies to must start; `None`
    /// when a blank line or the end of the file follows.
    pub target: Option<usize>,
}

/// Every directive in one file. Malformed ones are errors (R404) and do not apply; a
/// `rungs:ignore` trailing code on the same line is reported (R403), as it applies to nothing.
pub fn parse_file(file: &str, text: &str) -> (Vec<Directive>, Vec<Diagnostic>) {
    // Most files hold no directive: one search of the whole text settles them (a search per
    // line cost 2% of a 1,801-file scan).
    if !text.contains(MARKER) {
        return (Vec::new(), Vec::new());
    }
    let mut directives = Vec::new();
    let mut diagnostics = Vec::new();
    let mut pending: Vec<Directive> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let trimmed = line.trim_start();
        let comment = trimmed
            .strip_prefix('#')
            .or_else(|| trimmed.strip_prefix("//"));
        let Some(body) = comment else {
            let target = (!trimmed.is_empty()).then_some(number);
            directives.extend(pending.drain(..).map(|d| Directive { target, ..d }));
            if let Some(at) = trailing_marker(line) {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::SuppressionUnused,
                        "`rungs:ignore` after code on the same line applies to nothing",
                    )
                    .at(Location::at(file, number, column(line, at)))
                    .help("put the comment on its own line directly above the resource or module block"),
                );
            }
            continue;
        };
        let body = body.trim_start();
        let Some(args) = body.strip_prefix(MARKER) else {
            continue;
        };
        if !(args.is_empty() || args.starts_with(char::is_whitespace)) {
            continue;
        }
        let start = line.len() - body.len();
        let args_start = start + MARKER.len();
        let location = Location::at(file, number, column(line, start));
        match parse_args(args) {
            Ok((ids, reason, expires)) => pending.push(Directive {
                ids,
                reason,
                expires,
                location,
                target: None,
            }),
            Err((offset, message)) => {
                let at = offset.map_or(start, |o| args_start + o);
                diagnostics.push(
                    Diagnostic::error(Code::SuppressionInvalid, message)
                        .at(Location::at(file, number, column(line, at)))
                        .help("write `# rungs:ignore POLICY-ID[,POLICY-ID] reason=\"why\" [expires=YYYY-MM-DD]`; this suppression does not apply"),
                );
            }
        }
    }
    directives.append(&mut pending);
    (directives, diagnostics)
}

/// 1-based column of a byte offset.
fn column(line: &str, byte: usize) -> usize {
    line[..byte].chars().count() + 1
}

/// The offset of a `rungs:ignore` that follows code behind `#` or `//` on a code line.
fn trailing_marker(line: &str) -> Option<usize> {
    let at = line.find(MARKER)?;
    let before = line[..at].trim_end();
    (before.ends_with('#') || before.ends_with("//")).then_some(at)
}

type Args = (Vec<String>, String, Option<Date>);

/// Parses what follows `rungs:ignore`. Errors carry the byte offset of the offending token when
/// there is one (`None`: the whole directive).
fn parse_args(args: &str) -> Result<Args, (Option<usize>, String)> {
    let mut ids = Vec::new();
    let mut reason: Option<String> = None;
    let mut expires = None;
    let mut rest = args;
    let offset = |rest: &str| args.len() - rest.len();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let at = offset(rest);
        let word_end = rest
            .find(|c: char| c.is_whitespace() || c == ',' || c == '=')
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        if !rest[word_end..].starts_with('=') {
            if reason.is_some() || expires.is_some() {
                return Err((
                    Some(at),
                    format!("unexpected {word:?} after the options: policy ids come first, then reason=\"...\" and expires=YYYY-MM-DD"),
                ));
            }
            ids.push(word.to_string());
            rest = &rest[word_end..];
            continue;
        }
        let value_text = &rest[word_end + 1..];
        let (value, after) = match value_text.strip_prefix('"') {
            Some(quoted) => quoted_value(quoted).ok_or_else(|| {
                (
                    Some(at),
                    format!("the value of {word} has no closing quote"),
                )
            })?,
            None => {
                let end = value_text
                    .find(char::is_whitespace)
                    .unwrap_or(value_text.len());
                (value_text[..end].to_string(), &value_text[end..])
            }
        };
        let duplicate = || (Some(at), format!("{word} is given twice"));
        match word {
            "reason" if reason.is_some() => return Err(duplicate()),
            "reason" => reason = Some(value),
            "expires" if expires.is_some() => return Err(duplicate()),
            "expires" => {
                expires =
                    Some(Date::parse(&value).map_err(|e| (Some(at), format!("expires: {e}")))?)
            }
            _ => {
                return Err((
                    Some(at),
                    format!("unknown option {word:?}; the options are reason and expires"),
                ))
            }
        }
        rest = after;
    }
    if ids.is_empty() {
        return Err((None, "`rungs:ignore` names no policy id".into()));
    }
    match reason {
        Some(reason) if !reason.trim().is_empty() => Ok((ids, reason, expires)),
        _ => Err((
            None,
            format!(
                "suppression of {} has no reason: a reason is required",
                ids.join(", ")
            ),
        )),
    }
}

/// A double-quoted value (after its opening quote) with `\"` and `\\` escapes, and the rest.
fn quoted_value(text: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, &text[i + 1..])),
            '\\' => value.push(chars.next()?.1),
            c => value.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Directive {
        let (mut d, diags) = parse_file("main.tf", text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.len(), 1);
        d.remove(0)
    }

    fn error(text: &str) -> (String, usize, usize) {
        let (d, diags) = parse_file("main.tf", text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(diags.len(), 1);
        let l = diags[0].location.clone().unwrap();
        assert_eq!(diags[0].code, Code::SuppressionInvalid);
        (diags[0].message.clone(), l.line.unwrap(), l.column.unwrap())
    }

    #[test]
    fn ids_reason_and_expiry() {
        let d = one("# rungs:ignore A-1,B-2 C-3 reason=\"say \\\"why\\\"\" expires=2027-01-31\nresource \"t\" \"x\" {}\n");
        assert_eq!(d.ids, vec!["A-1", "B-2", "C-3"]);
        assert_eq!(d.reason, "say \"why\"");
        assert_eq!(d.expires.unwrap().to_string(), "2027-01-31");
        assert_eq!(d.target, Some(2));
        assert_eq!((d.location.line, d.location.column), (Some(1), Some(3)));
    }

    #[test]
    fn slash_comments_unquoted_reasons_and_other_comments_in_the_run() {
        let d =
            one("  // rungs:ignore A-1 reason=legacy\n  # owned by team x\nmodule \"m\" {\n}\n");
        assert_eq!((d.reason.as_str(), d.target), ("legacy", Some(3)));
        assert_eq!(d.location.column, Some(6));
    }

    #[test]
    fn a_blank_line_or_the_end_of_file_detaches() {
        assert_eq!(
            one("# rungs:ignore A reason=x\n\nresource \"t\" \"x\" {}\n").target,
            None
        );
        assert_eq!(one("# rungs:ignore A reason=x\n").target, None);
    }

    #[test]
    fn other_comments_are_not_directives() {
        let (d, diags) = parse_file(
            "f.tf",
            "# see rungs:ignore docs\n# rungs:ignored A reason=x\nresource \"t\" \"x\" {}\n",
        );
        assert!(d.is_empty() && diags.is_empty());
    }

    #[test]
    fn malformed_directives_are_errors_at_the_token() {
        assert_eq!(
            error("# rungs:ignore A-1\n"),
            (
                "suppression of A-1 has no reason: a reason is required".into(),
                1,
                3
            )
        );
        assert_eq!(
            error("# rungs:ignore A-1 reason=\"  \"\n").0,
            "suppression of A-1 has no reason: a reason is required"
        );
        assert_eq!(
            error("# rungs:ignore reason=x\n"),
            ("`rungs:ignore` names no policy id".into(), 1, 3)
        );
        assert_eq!(
            error("# rungs:ignore A reason=x expires=2027-13-01\n"),
            ("expires: 2027-13-01 is not a calendar date".into(), 1, 27)
        );
        assert_eq!(
            error("# rungs:ignore A reason=x expires=31/01/2027\n").0,
            "expires: expected a date as YYYY-MM-DD, got \"31/01/2027\""
        );
        assert_eq!(
            error("# rungs:ignore A reson=x\n"),
            (
                "unknown option \"reson\"; the options are reason and expires".into(),
                1,
                18
            )
        );
        assert_eq!(
            error("# rungs:ignore A reason=\"open\n").0,
            "the value of reason has no closing quote"
        );
        assert_eq!(
            error("# rungs:ignore A reason=x B\n"),
            ("unexpected \"B\" after the options: policy ids come first, then reason=\"...\" and expires=YYYY-MM-DD".into(), 1, 27)
        );
        assert_eq!(
            error("# rungs:ignore A reason=x reason=y\n").0,
            "reason is given twice"
        );
    }

    #[test]
    fn trailing_directives_are_reported() {
        let (d, diags) = parse_file(
            "f.tf",
            "resource \"t\" \"x\" { # rungs:ignore A reason=x\n}\n",
        );
        assert!(d.is_empty());
        assert_eq!(diags[0].code, Code::SuppressionUnused);
        assert_eq!(diags[0].location.clone().unwrap().column, Some(22));
    }
}
