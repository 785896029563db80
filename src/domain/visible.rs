//! A value as it is shown for review: whatever shows nothing or passes for a plain space is
//! named in its place, so that a value is read whole (review F21). A run of no-break spaces
//! would otherwise push the rest of a value out of view, and an invisible character would
//! make one name look like another.

use crate::domain::validate::is_invisible;

/// A part of a value as shown: text as it is, or a mark that names what stands there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Mark(String),
}

/// The value in pieces: each run of one hidden character becomes a mark with its code point
/// and count (`U+00A0 ×400`), each run of plain spaces longer than one a mark with its count.
pub fn pieces(value: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut rest = value.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        let hidden = c != ' ' && (c.is_whitespace() || c.is_control() || is_invisible(c));
        let mut end = at + c.len_utf8();
        let mut count = 1;
        while let Some((next, _)) = rest.next_if(|(_, next)| *next == c) {
            end = next + c.len_utf8();
            count += 1;
        }
        if !hidden && (c != ' ' || count == 1) {
            continue;
        }
        if start < at {
            pieces.push(Piece::Text(&value[start..at]));
        }
        pieces.push(Piece::Mark(match (hidden, count) {
            (false, _) => format!("{count} spaces"),
            (true, 1) => format!("U+{:04X}", c as u32),
            (true, _) => format!("U+{:04X} ×{count}", c as u32),
        }));
        start = end;
    }
    if start < value.len() {
        pieces.push(Piece::Text(&value[start..]));
    }
    pieces
}
