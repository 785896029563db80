//! Values carried in text that is not ours to shape: a link's query string, and the data
//! block inside the offline file. Both use percent-encoding.

use crate::domain::saved::apply;
use crate::domain::settings::Settings;

/// Percent-encodes everything but letters, digits and `-_.~`, so that the text is safe in a
/// URL and inside an HTML data block (no `<`, `&` or quote survives).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.extend(['%', HEX[usize::from(byte >> 4)] as char, HEX[usize::from(byte & 15)] as char]);
        }
    }
    out
}

/// Undoes `encode` (and a form's `+` for a space); None for a malformed escape or bytes that
/// are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        bytes.push(match byte {
            b'+' => b' ',
            b'%' => {
                let high = (rest.next()? as char).to_digit(16)?;
                let low = (rest.next()? as char).to_digit(16)?;
                (high * 16 + low) as u8
            }
            byte => byte,
        });
    }
    String::from_utf8(bytes).ok()
}

/// The settings a link presets, over the defaults: `?smart-hosts=…&connector=existing`, with
/// the keys of the saved format, such as `platform=exchange-2016`.
/// Parts it cannot use are skipped, so a damaged link still opens the assistant.
pub fn presets(query: &str) -> Settings {
    let mut settings = Settings::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if let (Some(key), Some(value)) = (decode(key), decode(value)) {
            if !value.chars().any(char::is_control) {
                apply(&mut settings, &key, &value);
            }
        }
    }
    settings
}

/// The data block that carries the admin's state inside the offline file: the stamp and the
/// saved text, each percent-encoded, on two lines (src/web/host.js reads it).
const STATE_OPEN: &str = r#"<script id="sha-state" type="application/x-smarthost-state">"#;
const STATE_CLOSE: &str = "</script>";

/// The offline page with `saved` (the text of `saved::encode`) inside it, marked with `stamp`
/// so that the copy imports it once; None when the page has no state block.
pub fn with_state(page: &str, stamp: &str, saved: &str) -> Option<String> {
    let start = position(page, STATE_OPEN)? + STATE_OPEN.len();
    let (before, rest) = page.split_at_checked(start)?;
    let after = rest.get(position(rest, STATE_CLOSE)?..)?;
    Some(format!("{before}{}\n{}{after}", encode(stamp), encode(saved)))
}

/// Where `needle` first occurs. A byte search: `str::find` with a string pattern brings in
/// a general substring searcher, over a kilobyte of download.
fn position(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|window| window == needle.as_bytes())
}
