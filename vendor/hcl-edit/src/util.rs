use std::borrow::Cow;

// rungs patch 5: a line of only whitespace, ended by a line break, is blank: HCL neither counts
// it towards the indentation to strip nor strips it (hclsyntax's `flushHeredocTemplateParts`).
pub(crate) fn dedent_by(s: &str, n: usize, skip_first: bool) -> Cow<'_, str> {
    let mut dedented = String::with_capacity(s.len());

    for (i, (line, ended)) in lines(s).enumerate() {
        if (i == 0 && skip_first) || is_blank(line, ended) {
            dedented.push_str(line);
        } else {
            dedented.extend(line.chars().skip(n));
        }

        if ended {
            dedented.push('\n');
        }
    }

    dedented.shrink_to_fit();

    Cow::Owned(dedented)
}

pub(crate) fn min_leading_whitespace(s: &str, skip_first: bool) -> Option<usize> {
    if s.is_empty() {
        return None;
    }

    let mut leading_ws: Option<usize> = None;

    // Find the minimum number of possible leading units of whitespace that can be be stripped off
    // of each line that is not blank.
    for (i, (line, ended)) in lines(s).enumerate() {
        if (i == 0 && skip_first) || is_blank(line, ended) {
            continue;
        }

        let line_leading_ws = line.chars().take_while(|ch| ch.is_whitespace()).count();

        if line_leading_ws == 0 {
            // Fast path: no dedent needed if we encounter a non-empty line which starts with a
            // non-whitespace character.
            return None;
        }

        leading_ws = Some(leading_ws.map_or(line_leading_ws, |leading_ws| {
            leading_ws.min(line_leading_ws)
        }));
    }

    leading_ws
}

/// The lines of `s` as `str::lines` cuts them, each with whether a line break ended it.
fn lines(s: &str) -> impl Iterator<Item = (&str, bool)> {
    s.split_inclusive('\n').map(|line| match line.strip_suffix('\n') {
        Some(line) => (line.strip_suffix('\r').unwrap_or(line), true),
        None => (line, false),
    })
}

/// Whether a line is blank in a flush heredoc: only whitespace, ended by a line break.
fn is_blank(line: &str, ended: bool) -> bool {
    ended && line.trim().is_empty()
}

pub(crate) fn indent_by(s: &str, n: usize, skip_first: bool) -> String {
    let prefix = " ".repeat(n);
    let length = s.len();
    let mut output = String::with_capacity(length + length / 2);

    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            output.push('\n');

            if !line.is_empty() {
                output.push_str(&prefix);
            }
        } else if !skip_first && !line.is_empty() {
            output.push_str(&prefix);
        }

        output.push_str(line);
    }

    if s.ends_with('\n') {
        output.push('\n');
    }

    output
}
