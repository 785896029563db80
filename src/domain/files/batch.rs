//! Quoting for `.cmd` files. All escaping for batch files lives here.

/// A double-quoted argument for a batch file. Inside double quotes cmd.exe takes `& | < > ^`
/// literally; `%` still expands and is doubled. A double quote cannot be escaped inside
/// one, so callers pass only values whose validation excludes it (DNS labels, our own text).
pub fn quote(value: &str) -> String {
    assert!(!value.contains(['"', '\r', '\n']), "batch arguments never contain quotes or line breaks");
    format!("\"{}\"", value.replace('%', "%%"))
}
