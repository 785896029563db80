//! Quoting for `.cmd` files. All escaping for batch files lives here.

/// A double-quoted argument for a batch file, or None for a value that cannot be one. Inside
/// double quotes cmd.exe takes `& | < > ^` literally; `%` still expands and is doubled; `!`
/// is literal because every file turns delayed expansion off (`SETLOCAL`). A double quote
/// or a line break cannot be written inside one at all.
pub fn quote(value: &str) -> Option<String> {
    (!value.contains(['"', '\r', '\n'])).then(|| format!("\"{}\"", value.replace('%', "%%")))
}
