//! An LDIF writer (RFC 2849) and distinguished-name escaping (RFC 4514). All escaping for
//! LDIF files lives here.

/// RFC 2849 allows any line length; 76 columns is the customary fold for portability.
const WIDTH: usize = 76;

/// Builds an LDIF file line by line. Lines are joined with CRLF for Windows tools
/// (docs/facts.md §1.5).
#[derive(Default)]
pub struct Ldif {
    lines: Vec<String>,
}

impl Ldif {
    /// A comment line; the text is ours, never the admin's, so it needs no encoding.
    pub fn comment(&mut self, text: &str) {
        debug_assert!(text.is_ascii() && !text.contains(['\r', '\n']));
        self.lines.push(if text.is_empty() { "#".to_string() } else { format!("# {text}") });
    }

    pub fn blank(&mut self) {
        self.lines.push(String::new());
    }

    /// `name: value`, or `name:: base64` where RFC 2849 requires it; folded at 76 columns.
    pub fn attr(&mut self, name: &str, value: &str) {
        let line =
            if is_safe(value) { format!("{name}: {value}") } else { format!("{name}:: {}", base64(value.as_bytes())) };
        self.push_folded(&line);
    }

    /// A line of LDIF syntax such as `changetype: add`, `replace: attr` or `-`.
    pub fn syntax(&mut self, line: &str) {
        self.lines.push(line.to_string());
    }

    fn push_folded(&mut self, line: &str) {
        // Every line is ASCII by now (unsafe values are base64), so characters are columns.
        let mut chars = line.chars();
        self.lines.push(chars.by_ref().take(WIDTH).collect());
        while chars.as_str() != "" {
            let part: String = chars.by_ref().take(WIDTH - 1).collect();
            self.lines.push(format!(" {part}"));
        }
    }

    /// The file, its last record closed by a blank line as in Microsoft's own LDIF examples
    /// (RFC 2849 allows it), so that ldifde never waits for more of it.
    pub fn finish(self) -> String {
        let mut text = self.lines.join("\r\n");
        text.push_str("\r\n\r\n");
        text
    }
}

/// RFC 2849 SAFE-STRING: ASCII without NUL, CR or LF, not starting with a space, colon or
/// `<`. A trailing space is also encoded, since some readers strip it.
fn is_safe(value: &str) -> bool {
    value.bytes().all(|byte| byte.is_ascii() && !matches!(byte, 0 | b'\r' | b'\n'))
        && !value.starts_with([' ', ':', '<'])
        && !value.ends_with(' ')
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, byte)| n | (*byte as u32) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// One relative distinguished name, `CN=value`, with the value escaped per RFC 4514 §2.4.
pub fn cn(value: &str) -> String {
    let mut out = String::from("CN=");
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '\0' => out.push_str("\\00"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '#' if i == 0 => out.push_str("\\#"),
            c => out.push(c),
        }
    }
    out
}

/// A distinguished name from its parts, most specific first.
pub fn dn<I: IntoIterator<Item = String>>(rdns: I) -> String {
    rdns.into_iter().collect::<Vec<_>>().join(",")
}
