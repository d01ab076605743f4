use super::prelude::*;

use winnow::ascii::till_line_ending;
use winnow::combinator::{alt, delimited, fail, peek, preceded};
use winnow::token::{any, take_until};

// rungs patch 3: `ws` and `sp` skip blanks byte by byte and try a comment only where one can
// start (`#`, `/`), instead of running `repeat` over a comment parser that fails, with an
// error built and dropped, after nearly every token. They accept the same input and stop at
// the same place as `(multispace0, repeat(0.., (comment, multispace0)))` and
// `(space0, repeat(0.., (inline_comment, space0)))`: the comment parsers are the same, and a
// comment that does not parse is left unconsumed, as `repeat` leaves it.
pub(super) fn ws(input: &mut Input) -> ModalResult<()> {
    loop {
        skip_bytes(input, |b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
        if !matches!(input.as_bytes().first(), Some(b'#' | b'/')) {
            return Ok(());
        }
        if !optional_comment(input, comment)? {
            return Ok(());
        }
    }
}

pub(super) fn sp(input: &mut Input) -> ModalResult<()> {
    loop {
        skip_bytes(input, |b| matches!(b, b' ' | b'\t'));
        if !input.as_bytes().starts_with(b"/*") {
            return Ok(());
        }
        if !optional_comment(input, inline_comment)? {
            return Ok(());
        }
    }
}

/// Consumes the leading bytes that `skip` accepts (ASCII only, so a character boundary follows).
fn skip_bytes(input: &mut Input, skip: impl Fn(u8) -> bool) {
    let count = input.as_bytes().iter().take_while(|&&b| skip(b)).count();
    input.next_slice(count);
}

/// Runs `parser` as one step of `repeat(0.., ..)`: true when it consumed a comment; false,
/// with the input as it was, when it backtracked; other errors as they are.
fn optional_comment(
    input: &mut Input,
    mut parser: impl FnMut(&mut Input) -> ModalResult<()>,
) -> ModalResult<bool> {
    let start = input.checkpoint();
    match parser(input) {
        Ok(()) => Ok(true),
        Err(winnow::error::ErrMode::Backtrack(_)) => {
            input.reset(&start);
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

fn comment(input: &mut Input) -> ModalResult<()> {
    dispatch! {peek(any);
        '#' => hash_line_comment,
        '/' => alt((double_slash_line_comment, inline_comment)),
        _ => fail,
    }
    .parse_next(input)
}

pub(super) fn line_comment(input: &mut Input) -> ModalResult<()> {
    dispatch! {peek(any);
        '#' => hash_line_comment,
        '/' => double_slash_line_comment,
        _ => fail,
    }
    .parse_next(input)
}

fn hash_line_comment(input: &mut Input) -> ModalResult<()> {
    preceded('#', till_line_ending).void().parse_next(input)
}

fn double_slash_line_comment(input: &mut Input) -> ModalResult<()> {
    preceded("//", till_line_ending).void().parse_next(input)
}

fn inline_comment(input: &mut Input) -> ModalResult<()> {
    delimited("/*", take_until(0.., "*/"), "*/")
        .void()
        .parse_next(input)
}

#[inline]
pub(super) fn void<P, I, E>(inner: P) -> impl ModalParser<I, (), E>
where
    P: ModalParser<I, (), E>,
{
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_comments() {
        let inline_comments = [
            "",
            " ",
            "/**/  ",
            "/*foo*/",
            " /* foo
                bar
                */  /* baz */\t",
        ];

        let multiline_comments = [
            "# foo
                # bar",
            "
            /* foo
                bar
                */  # baz */",
            "
                // foo #
                // bar /*
                # baz",
        ];

        for input in inline_comments {
            let parsed = sp.parse(new_input(input));
            assert!(parsed.is_ok(), "expected `{input}` to parse correctly");
        }

        for input in multiline_comments {
            let parsed = sp.parse(new_input(input));
            assert!(parsed.is_err(), "expected parse error for `{input}`");
        }

        for input in inline_comments.iter().chain(multiline_comments.iter()) {
            let parsed = ws.parse(new_input(input));
            assert!(parsed.is_ok(), "expected `{input}` to parse correctly");
        }
    }
}
