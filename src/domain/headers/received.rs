//! One `Received:` field (RFC 5321 §4.4): who handed the message on, who took it, how, and
//! when.

use crate::domain::headers::{date, fields::comments};
use crate::domain::validate::is_ipv4;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hop {
    /// The name the sending server gave, then what the receiver found out about it.
    pub from: Vec<String>,
    /// The sending server's address, as the receiver recorded it.
    pub from_ip: Option<String>,
    /// The server that took the message and wrote the field.
    pub by: Option<String>,
    /// The protocol, such as `ESMTPS`.
    pub with: Option<String>,
    /// `TLS 1.3` or `TLS` where the field says the connection was encrypted.
    pub tls: Option<String>,
    /// When, in seconds since 1970 (UTC).
    pub time: Option<i64>,
}

/// The clauses that open a `Received:` field's parts (RFC 5321 §4.4).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Clause {
    None,
    From,
    By,
    With,
    Other,
}

pub fn parse(value: &str) -> Hop {
    // The date follows the last semicolon (RFC 5322 §3.6.7). Some servers leave the
    // semicolon out: then a date that ends the field, day, month, year and time in a row, is
    // read, and anything less certain is no date.
    let (clauses, when) =
        value.rsplit_once(';').or_else(|| date::start(value).map(|at| value.split_at(at))).unwrap_or((value, ""));
    let mut hop = Hop { time: date::parse(when), ..Hop::default() };
    let mut clause = Clause::None;
    for token in tokens(clauses) {
        match token {
            Token::Comment(text) => {
                if clause == Clause::From {
                    hop.from_ip = hop.from_ip.or_else(|| address(&text));
                    let name = text.split_whitespace().next().unwrap_or("").trim_end_matches('.');
                    if !name.is_empty() && !name.starts_with('[') && name != "unknown" && address(name).is_none() {
                        hop.from.push(name.to_string());
                    }
                }
            }
            Token::Word(word) => {
                let keyword = match word.to_ascii_lowercase().as_str() {
                    "from" => Some(Clause::From),
                    "by" => Some(Clause::By),
                    "with" => Some(Clause::With),
                    "id" | "for" | "via" => Some(Clause::Other),
                    _ => None,
                };
                if let Some(keyword) = keyword {
                    clause = keyword;
                    continue;
                }
                match clause {
                    Clause::From if hop.from.is_empty() => {
                        hop.from_ip = hop.from_ip.or_else(|| address(word));
                        hop.from.push(word.trim_end_matches('.').to_string());
                    }
                    Clause::By if hop.by.is_none() => hop.by = Some(word.trim_end_matches('.').to_string()),
                    Clause::With => match &mut hop.with {
                        Some(with) => {
                            with.push(' ');
                            with.push_str(word);
                        }
                        None => hop.with = Some(word.to_string()),
                    },
                    _ => {}
                }
            }
        }
    }
    hop.tls = tls(value, hop.with.as_deref());
    hop
}

enum Token<'a> {
    Word(&'a str),
    Comment(String),
}

/// The words and comments of the clauses, in order.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if rest.starts_with('(') {
            // The whole comment, nested ones included, as one token.
            let mut depth = 0usize;
            let mut escaped = false;
            let mut end = rest.len();
            for (index, c) in rest.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (_, '\\') => escaped = true,
                    (_, '(') => depth += 1,
                    (_, ')') => {
                        depth -= 1;
                        if depth == 0 {
                            end = index + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            found.extend(comments(&rest[..end]).into_iter().map(Token::Comment));
            rest = &rest[end..];
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == '(').unwrap_or(rest.len());
            found.push(Token::Word(&rest[..end]));
            rest = &rest[end..];
        }
    }
    found
}

/// The first IP address in `text`: in square brackets, after `IPv6:`, or bare.
fn address(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == '[' || c == ']' || c == '(' || c == ')' || c == ',' || c == '=')
        .map(|word| word.strip_prefix("IPv6:").unwrap_or(word).trim_end_matches('.'))
        .find(|word| is_ipv4(word) || is_ipv6(word))
        .map(str::to_string)
}

/// Loosely, an IPv6 address: hex digits and at least two colons, perhaps an IPv4 tail.
fn is_ipv6(word: &str) -> bool {
    word.matches(':').count() >= 2 && word.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
}

/// What the field says of encryption: a TLS version named in it (Microsoft's
/// `version=TLS1_2`, Google's `version=TLS1_3`, Postfix's `using TLSv1.3`), or a protocol that
/// says STARTTLS was used (`ESMTPS`, `ESMTPSA`, RFC 3848; `UTF8SMTPS`, RFC 6531) or HTTPS.
fn tls(value: &str, with: Option<&str>) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    for (index, _) in lower.match_indices("tls") {
        let after = lower[index + 3..].trim_start_matches(['v', ' ']).as_bytes();
        if let [major, b'.' | b'_', minor, ..] = after {
            if major.is_ascii_digit() && minor.is_ascii_digit() {
                return Some(format!("TLS {}.{}", *major as char, *minor as char));
            }
        }
    }
    let protocol = with?.split_whitespace().next()?.to_ascii_uppercase();
    let encrypted = ["ESMTPS", "ESMTPSA", "UTF8SMTPS", "UTF8SMTPSA", "SMTPS", "LMTPS", "HTTPS"];
    encrypted.contains(&protocol.as_str()).then(|| "TLS".to_string())
}
