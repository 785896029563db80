//! What the receiving server found when it checked SPF, DKIM and DMARC:
//! `Authentication-Results` (RFC 8601), or else `Received-SPF` (RFC 7208 §9.1).

use crate::domain::headers::fields::{named, uncommented, Header};

/// One method's result, such as `dkim=pass header.d=example.com header.s=mr01`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// `pass`, `fail`, `softfail`, `none` and so on, in lower case.
    pub result: String,
    /// The domain the result is for: `smtp.mailfrom` for SPF, `header.d` (or the domain of
    /// `header.i`) for DKIM, `header.from` for DMARC.
    pub domain: Option<String>,
    /// DKIM's selector, `header.s`.
    pub selector: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// The server that checked, as it names itself; Microsoft 365 gives none.
    pub checker: Option<String>,
    pub spf: Option<Outcome>,
    /// One per signature.
    pub dkim: Vec<Outcome>,
    pub dmarc: Option<Outcome>,
}

/// What the recipient's servers found: the topmost `Authentication-Results`, written by the
/// last server to take the message, with every other such field that names the same
/// checking server (RFC 8601 §5: the authserv-id), as receivers that write one field per
/// method do; the topmost result of a method counts. Without any, the topmost
/// `Received-SPF`. None when there is neither.
pub fn results(headers: &[Header]) -> Option<Results> {
    let mut fields = named(headers, "Authentication-Results").map(authentication_results);
    if let Some(mut results) = fields.next() {
        let checker = results.checker.clone();
        let same = |other: &Option<String>| match (other, &checker) {
            (Some(one), Some(other)) => one.eq_ignore_ascii_case(other),
            (None, None) => true,
            _ => false,
        };
        for more in fields.filter(|more| same(&more.checker)) {
            results.spf = results.spf.or(more.spf);
            results.dkim.extend(more.dkim);
            results.dmarc = results.dmarc.or(more.dmarc);
        }
        return Some(results);
    }
    let value = named(headers, "Received-SPF").next()?;
    let plain = uncommented(value);
    let result = legacy(plain.split_whitespace().next()?.to_ascii_lowercase());
    let domain = plain
        .split([';', ' '])
        .find_map(|pair| pair.trim().strip_prefix("envelope-from="))
        .and_then(|sender| domain_of(sender.trim_matches(['"', '<', '>'])));
    Some(Results { spf: Some(Outcome { result, domain, selector: None }), ..Results::default() })
}

/// RFC 4408's `hardfail` is today's `fail`.
fn legacy(result: String) -> String {
    if result == "hardfail" {
        "fail".to_string()
    } else {
        result
    }
}

/// `text` without the white space that RFC 8601's grammar allows around `=`, `/`, and the
/// `.` after a property type (where its comments were): `dkim / 1 = fail policy . expired`
/// reads `dkim/1=fail policy.expired`. A dot that ends a value stays apart. Linear.
fn tightened(text: &str) -> String {
    const TYPES: [&str; 4] = ["smtp", "header", "body", "policy"];
    // Whether `out` ends in a property type, a word of its own: looked at from the end only.
    let after_type = |out: &str| {
        TYPES.iter().any(|ptype| {
            let Some(at) = out.len().checked_sub(ptype.len()) else { return false };
            out.is_char_boundary(at)
                && out[at..].eq_ignore_ascii_case(ptype)
                && (at == 0 || out[..at].ends_with([' ', ';']))
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        let joins = matches!(c, '=' | '/')
            || out.ends_with(['=', '/'])
            || (c == '.' && after_type(&out))
            || (out.ends_with('.') && after_type(&out[..out.len() - 1]));
        if pending && !joins && !out.is_empty() {
            out.push(' ');
        }
        pending = false;
        out.push(c);
    }
    out
}

fn authentication_results(value: &str) -> Results {
    let plain = tightened(&uncommented(value));
    let mut results = Results::default();
    for (index, part) in plain.split(';').enumerate() {
        let mut words = part.split_whitespace();
        let Some(first) = words.next() else { continue };
        let Some((method, result)) = first.split_once('=') else {
            // The first part names the checking server (its authserv-id).
            if index == 0 {
                results.checker = Some(first.to_string());
            }
            continue;
        };
        let mut outcome =
            Outcome { result: legacy(result.trim_matches('"').to_ascii_lowercase()), ..Outcome::default() };
        let mut identity = None;
        for word in words {
            let Some((property, value)) = word.split_once('=') else { continue };
            let value = value.trim_matches('"');
            match property.to_ascii_lowercase().as_str() {
                "smtp.mailfrom" | "header.d" | "header.from" => outcome.domain = domain_of(value),
                "header.i" => identity = domain_of(value),
                "header.s" => outcome.selector = Some(value.to_string()),
                _ => {}
            }
        }
        outcome.domain = outcome.domain.or(identity);
        // A method may carry a version, as `dkim/1` (RFC 8601 §2.2).
        match method.split('/').next().unwrap_or("").to_ascii_lowercase().as_str() {
            "spf" if results.spf.is_none() => results.spf = Some(outcome),
            "dkim" => results.dkim.push(outcome),
            "dmarc" if results.dmarc.is_none() => results.dmarc = Some(outcome),
            _ => {}
        }
    }
    results
}

/// The domain of an address (`user@example.com`, `@example.com`) or a bare domain, in lower
/// case and without a final dot.
pub fn domain_of(value: &str) -> Option<String> {
    let domain = value.rsplit_once('@').map_or(value, |(_, domain)| domain).trim_end_matches('.').to_ascii_lowercase();
    (!domain.is_empty()).then_some(domain)
}

/// Whether a result for `found` speaks for mail from `sender`: the same domain, or one
/// inside the other: DMARC's relaxed alignment (RFC 7489 §3.1), without the public-suffix
/// list that would also align two subdomains of one organisation.
pub fn aligned(found: &str, sender: &str) -> bool {
    found == sender || found.ends_with(&format!(".{sender}")) || sender.ends_with(&format!(".{found}"))
}
