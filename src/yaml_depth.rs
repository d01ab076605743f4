// Included by `read.rs` and by `build.rs` (which checks the embedded policies' METADATA with
// the same code as a run), so it uses nothing outside `std`.

/// Deepest flow nesting (`[`, `{`) accepted in YAML. The YAML deserializer stops at 128 anyway,
/// but only after scanning the whole nest, in time quadratic in its depth (100,000 levels took
/// over a minute); counting first keeps that bounded.
pub const MAX_YAML_NESTING: usize = 256;

/// The nesting check every YAML reader runs before parsing (see [`yaml_too_deep`]): the line,
/// column and message `{what} nested deeper than 256 levels{then}` of the first bracket too deep.
pub fn yaml_nesting(text: &str, what: &str, then: &str) -> Option<(usize, usize, String)> {
    let (line, column) = yaml_too_deep(text)?;
    Some((
        line,
        column,
        format!("{what} nested deeper than {MAX_YAML_NESTING} levels{then}"),
    ))
}

/// Line and column (1-based) of the first bracket nested deeper than [`MAX_YAML_NESTING`] in
/// YAML text, skipping quoted strings and comments.
pub fn yaml_too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        // Lines as the YAML parser counts them: a lone CR, NEL, LS and PS break a line too.
        let lone_cr = c == '\r' && chars.peek() != Some(&'\n');
        if c == '\n' || lone_cr || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
            (line, column, comment) = (line + 1, 0, false);
        } else if comment {
        } else if let Some(q) = quote {
            if c == '\\' && q == '"' {
                chars.next();
                column += 1;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                '#' if previous.is_whitespace() => comment = true,
                '"' | '\'' => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_YAML_NESTING {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        previous = c;
    }
    None
}
