//! PowerShell quoting. All escaping for `.ps1` files lives here.

/// The characters PowerShell ends a single-quoted string at: the ASCII apostrophe and the
/// typographic single quotes ‘ ’ ‚ ‛. Inside a string, two of them in a row stand for the
/// second one, so doubling each is how one is written literally.
const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// A single-quoted PowerShell string literal whose value is exactly `value`: nothing inside
/// a single-quoted string is expanded, so only the quote characters need escaping.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if SINGLE_QUOTES.contains(&c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// String literals separated by commas, as a cmdlet's list parameter takes them: `'a','b'`.
pub fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(quote).collect::<Vec<_>>().join(",")
}

/// A PowerShell array of string literals: `@('a','b')`.
pub fn array<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    format!("@({})", list(values))
}

/// The two lines with which a script reads back the smart hosts of the connector in
/// `$after`: `$missing` then holds those of `hosts` it does not have. Brackets, Exchange
/// 2003's form for an address, are left out on both sides, with `-replace`, which Windows
/// PowerShell 1.0 has, rather than a method call with several arguments (review n8).
pub fn missing_smart_hosts<'a>(indent: &str, hosts: impl IntoIterator<Item = &'a str>) -> [String; 2] {
    [
        format!("{indent}$hosts = @($after.SmartHosts | ForEach-Object {{ \"$_\" -replace '[\\[\\]]', '' }})"),
        format!(
            "{indent}$missing = @({} | Where-Object {{ $hosts -notcontains $_ }})",
            list(hosts.into_iter().map(|host| host.trim_matches(['[', ']'])))
        ),
    ]
}
