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

/// The topmost `Authentication-Results`, written by the last server to take the message:
/// the recipient's. Without one, the topmost `Received-SPF`. None when there is neither.
pub fn results(headers: &[Header]) -> Option<Results> {
    if let Some(value) = named(headers, "Authentication-Results").next() {
        return Some(authentication_results(value));
    }
    let value = named(headers, "Received-SPF").next()?;
    let plain = uncommented(value);
    let result = plain.split_whitespace().next()?.to_ascii_lowercase();
    let domain = plain
        .split([';', ' '])
        .find_map(|pair| pair.trim().strip_prefix("envelope-from="))
        .and_then(|sender| domain_of(sender.trim_matches(['"', '<', '>'])));
    Some(Results { spf: Some(Outcome { result, domain, selector: None }), ..Results::default() })
}

fn authentication_results(value: &str) -> Results {
    let plain = uncommented(value);
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
        let mut outcome = Outcome { result: result.trim_matches('"').to_ascii_lowercase(), ..Outcome::default() };
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
