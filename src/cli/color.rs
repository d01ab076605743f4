//! Colour for the text reports on a terminal.
//!
//! Reports are rendered as plain text and passed through [`rungs::report::visible`] whole, so
//! input can hold no escape sequence. Colour is added afterwards, to that escaped text, by
//! recognising the reports' own fixed tokens (severities, diagnostic codes, level bars, diff
//! markers, gate verdicts): every SGR sequence in the output is ours, and input stays escaped.

use anstream::ColorChoice;
use anstyle::{AnsiColor, Style};
use clap::ValueEnum;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum When {
    /// Colour on a terminal, unless NO_COLOR is set (CLICOLOR_FORCE colours pipes too).
    Auto,
    /// Colour on standard output whatever it is.
    Always,
    /// No colour.
    Never,
}

/// Applies `--color` to every stream for the rest of the run.
pub fn set(when: When) {
    match when {
        When::Auto => ColorChoice::Auto,
        When::Always => ColorChoice::Always,
        When::Never => ColorChoice::Never,
    }
    .write_global();
}

/// Whether standard output gets colour: `--color`, then NO_COLOR, CLICOLOR_FORCE, CLICOLOR and
/// whether it is a terminal (anstream's rules). Files written with `--output` never do.
pub fn stdout() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != ColorChoice::Never
}

/// Whether standard error gets colour, by the same rules as standard output.
pub fn stderr() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != ColorChoice::Never
}

const RED: Style = AnsiColor::Red.on_default();
const BOLD_RED: Style = RED.bold();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const GREEN: Style = AnsiColor::Green.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();
const DIM: Style = Style::new().dimmed();

/// Severity tokens as the reports print them, most severe first.
const SEVERITIES: &[(&str, Style)] = &[
    ("[critical]", BOLD_RED),
    ("[high]", RED),
    ("[medium]", YELLOW),
    ("[low]", CYAN),
    ("[info]", DIM),
];

/// Diff level markers (`rungs diff`): up and gained are good news, down and lost bad.
const MARKERS: &[(&str, Style)] = &[
    ("▲ up", GREEN),
    ("▼ down", BOLD_RED),
    ("+ new evidence", GREEN),
    ("- no evidence", RED),
];

/// Verdicts, at the start of a line.
const VERDICTS: &[(&str, Style)] = &[
    ("Gate passed", GREEN.bold()),
    ("Gate FAILED", BOLD_RED),
    ("Regression: no", GREEN.bold()),
    ("Regression: yes", BOLD_RED),
    ("error:", BOLD_RED),
];

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Colours one already-escaped report.
pub fn report(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // `rungs trend`'s table: the status column starts where its header says.
    let mut status_at = None;
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if body.starts_with("commit ") {
            status_at = body.find(" status ").map(|i| i + 1);
        }
        out.push_str(&self::line(body, status_at));
        out.push_str(end);
    }
    out
}

fn line(body: &str, status_at: Option<usize>) -> String {
    let trimmed = body.trim_start();
    let indent = &body[..body.len() - trimmed.len()];
    if let Some((verdict, style)) = VERDICTS.iter().find(|(v, _)| body.starts_with(v)) {
        return format!("{}{}", paint(*style, verdict), &body[verdict.len()..]);
    }
    // Gate lines: `  ok   program: ...` and `  FAIL program: ...`.
    if indent == "  " {
        if let Some(rest) = trimmed.strip_prefix("ok  ") {
            return format!("{indent}{}{rest}", paint(GREEN, "ok  "));
        }
        if let Some(rest) = trimmed.strip_prefix("FAIL ") {
            return format!("{indent}{} {rest}", paint(BOLD_RED, "FAIL"));
        }
    }
    // Diagnostics: `error[R203]: ...`, `warning[R104]: ...`.
    for (word, style) in [("error[R", BOLD_RED), ("warning[R", YELLOW.bold())] {
        if trimmed.starts_with(word) {
            if let Some(end) = trimmed.find(']') {
                let (code, rest) = trimmed.split_at(end + 1);
                return format!("{indent}{}{rest}", paint(style, code));
            }
        }
    }
    if let Some(at) = status_at.filter(|&at| body.is_char_boundary(at) && at < body.len()) {
        let (head, tail) = body.split_at(at);
        let word_end = tail.find(' ').unwrap_or(tail.len());
        let (word, rest) = tail.split_at(word_end);
        let style = match word {
            "ok" => GREEN,
            "errors" | "unparsed" => RED,
            _ => return body.to_string(),
        };
        return format!("{head}{}{rest}", paint(style, word));
    }
    let mut body = first(body, SEVERITIES);
    body = first(&body, MARKERS);
    body = body.replacen("  ERROR ", &format!("  {} ", paint(RED, "ERROR")), 1);
    bars(&body)
}

/// Colours the first token of `tokens` found in `body`.
fn first(body: &str, tokens: &[(&str, Style)]) -> String {
    match tokens
        .iter()
        .filter_map(|(t, s)| body.find(t).map(|i| (i, *t, *s)))
        .min_by_key(|(i, _, _)| *i)
    {
        Some((i, token, style)) => format!(
            "{}{}{}",
            &body[..i],
            paint(style, token),
            &body[i + token.len()..]
        ),
        None => body.to_string(),
    }
}

/// Level bars (`███░░`): the filled part red, yellow or green by level, the rest dim.
fn bars(body: &str) -> String {
    let Some(start) = body.find(['█', '░']) else {
        return body.to_string();
    };
    let rest = &body[start..];
    let filled = rest.chars().take_while(|&c| c == '█').count();
    let empty = rest.chars().skip(filled).take_while(|&c| c == '░').count();
    let style = match filled {
        0 | 1 => RED,
        2 | 3 => YELLOW,
        _ => GREEN,
    };
    let (full, tail) = rest.split_at(filled * '█'.len_utf8());
    let (hollow, tail) = tail.split_at(empty * '░'.len_utf8());
    let mut out = body[..start].to_string();
    if !full.is_empty() {
        out.push_str(&paint(style, full));
    }
    if !hollow.is_empty() {
        out.push_str(&paint(DIM, hollow));
    }
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_tokens_and_leaves_the_rest() {
        assert_eq!(
            report("  TEST-001 [high] Title\nGate FAILED\n  FAIL program: level 0 (needs 1)\n"),
            "  TEST-001 \u{1b}[31m[high]\u{1b}[0m Title\n\u{1b}[1m\u{1b}[31mGate FAILED\u{1b}[0m\n  \u{1b}[1m\u{1b}[31mFAIL\u{1b}[0m program: level 0 (needs 1)\n"
        );
        assert_eq!(
            report("    ORG Org   ████░    4\n"),
            "    ORG Org   \u{1b}[32m████\u{1b}[0m\u{1b}[2m░\u{1b}[0m    4\n"
        );
        assert_eq!(report("plain text\n"), "plain text\n");
        // `rungs trend`: the status column, found from the header.
        assert_eq!(
            report("commit   status   subject\nabc      ok       ok then\ndef      errors   b\n"),
            "commit   status   subject\nabc      \u{1b}[32mok\u{1b}[0m       ok then\ndef      \u{1b}[31merrors\u{1b}[0m   b\n"
        );
    }
}
