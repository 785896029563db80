//! The SPF helper: reads the domain's current SPF record and gives it back with MailRoute's
//! include added once, before the `all` term, saying what else is wrong with it.
//!
//! Rules from RFC 7208: the record's syntax (§4.6.1, §5, §6, §12), one record per domain
//! (§4.5), at most 10 terms that cause DNS lookups (§4.6.4), terms after `all` ignored (§5.1),
//! and DNS's 255-character limit on one TXT string (RFC 1035 §3.3.14, RFC 7208 §3.3).
//! MailRoute's include is `include:spf.mailroute.net` (docs/facts.md §5).

use crate::domain::report::{Level, Report};
use crate::domain::validate::is_ipv4;

pub const MAILROUTE_DOMAIN: &str = "spf.mailroute.net";
pub const MAILROUTE_INCLUDE: &str = "include:spf.mailroute.net";
/// MailRoute's suggestion for a domain whose mail all leaves through MailRoute.
pub const NEW_RECORD: &str = "v=spf1 include:spf.mailroute.net -all";
const LOOKUP_LIMIT: usize = 10;
const STRING_LIMIT: usize = 255;

/// Reads what the admin pasted: the record alone, the record in quotes (one or more
/// strings), or a zone-file or DNS-tool line with the record in it; other TXT records
/// pasted with it are skipped.
pub fn check(pasted: &str) -> Report {
    let mut report = Report::default();
    if pasted.trim().is_empty() {
        report.record = Some(NEW_RECORD.to_string());
        report.say(
            Level::Note,
            "With no SPF record, this one lets MailRoute send for the domain. Add any other service that sends as your domain before -all.",
        );
        return report;
    }
    let mut records = Vec::new();
    for line in pasted.lines().filter(|line| !line.trim().is_empty()) {
        let text = match strings(line) {
            Ok(Some(strings)) => {
                if let Some(long) = strings.iter().find(|string| string.len() > STRING_LIMIT) {
                    if is_spf(&strings.concat()) {
                        report.say(
                            Level::Warning,
                            format!("One quoted string is {} characters long; DNS allows at most {STRING_LIMIT} in one string. Split it into several quoted strings.", long.len()),
                        );
                    }
                }
                strings.concat()
            }
            Ok(None) => unquoted(line).to_string(),
            Err(message) => {
                report.say(Level::Error, message);
                return report;
            }
        };
        if is_spf(&text) {
            records.push(text);
        }
    }
    let record = match records.as_slice() {
        [] => {
            report.say(
                Level::Error,
                "There is no SPF record here: an SPF record is the TXT record that starts with v=spf1.",
            );
            return report;
        }
        [record] => record.clone(),
        _ => {
            report.say(
                Level::Error,
                format!("There are {} records that start with v=spf1. With more than one, receivers ignore them all (a permanent error): merge them into one.", records.len()),
            );
            return report;
        }
    };
    let terms: Vec<&str> = record.split(' ').filter(|term| !term.is_empty()).collect();
    let parsed: Vec<Term> = terms[1..].iter().map(|term| parse(term)).collect();
    for (term, parsed) in terms[1..].iter().zip(&parsed) {
        if let Term::Invalid(why) = parsed {
            report.say(Level::Error, format!("\"{term}\": {why}"));
        }
    }
    for name in ["redirect", "exp"] {
        if parsed
            .iter()
            .filter(|term| matches!(term, Term::Modifier(found) if found.eq_ignore_ascii_case(name)))
            .count()
            > 1
        {
            report
                .say(Level::Error, format!("The {name}= modifier appears more than once; it may appear once at most."));
        }
    }
    if report.has(Level::Error) {
        return report;
    }

    // Domain names are not case-sensitive; a trailing dot names the same domain (§7.1).
    let is = |found: &str, domain: &str| found.strip_suffix('.').unwrap_or(found).eq_ignore_ascii_case(domain);
    let includes =
        |domain: &str| parsed.iter().any(|term| matches!(term, Term::Include(_, found) if is(found, domain)));
    let mailroute =
        parsed.iter().position(|term| matches!(term, Term::Include(_, found) if is(found, MAILROUTE_DOMAIN)));
    let already = mailroute.is_some_and(|index| matches!(parsed[index], Term::Include('+', _)));
    let all = parsed.iter().position(|term| matches!(term, Term::All(_)));
    let mut suggested: Vec<&str> = terms.clone();
    if let (Some(index), false) = (mailroute, already) {
        // A qualifier other than + makes MailRoute's servers fail, soft-fail or be neutral.
        report.say(
            Level::Warning,
            format!(
                "\"{}\" gives MailRoute's servers a result other than pass: use {MAILROUTE_INCLUDE}.",
                terms[index + 1]
            ),
        );
        suggested[index + 1] = MAILROUTE_INCLUDE;
    } else if already {
        report.say(Level::Note, "The record already includes MailRoute's servers: no change is needed for MailRoute.");
    } else {
        // Before `all`, or else before the modifiers, which by convention come last.
        let at = all
            .or_else(|| parsed.iter().position(|term| matches!(term, Term::Modifier(_))))
            .map_or(terms.len(), |index| index + 1);
        suggested.insert(at, MAILROUTE_INCLUDE);
    }
    if includes("_spf.mailroute.net") {
        report.say(Level::Warning, "MailRoute's SPF name is spf.mailroute.net, without the underscore: include:_spf.mailroute.net does not cover its servers.");
    }
    match all {
        Some(index) => {
            if let Term::All(qualifier) = parsed[index] {
                if qualifier == '+' {
                    report.say(Level::Warning, "The record ends in +all (or all), which lets every server on the internet send as your domain. Use -all, or ~all while you test.");
                }
            }
            // Mechanisms after all are never reached (§5.1); modifiers such as exp= may stand
            // anywhere (§6).
            if parsed[index + 1..].iter().any(|term| !matches!(term, Term::Modifier(_))) {
                report.say(
                    Level::Warning,
                    "Mechanisms after \"all\" are never read: receivers stop at all. Move them before it, or remove them.",
                );
            }
            if parsed.iter().any(|term| term.is_redirect()) {
                report.say(
                    Level::Warning,
                    "With an all term, the redirect= modifier is ignored (RFC 7208 §6.1): remove one of them.",
                );
            }
        }
        None if !parsed.iter().any(Term::is_redirect) => {
            report.say(Level::Warning, "The record has no all term, so mail from servers it does not list gets a neutral result. End it with -all, or ~all while you test.");
        }
        None => {}
    }
    if parsed.contains(&Term::Ptr) {
        report.say(Level::Warning, "The ptr mechanism is slow and unreliable, and RFC 7208 asks that it not be used. Name those servers with ip4, a or include instead.");
    }
    // A redirect= beside all is never followed, so it costs no lookup (§6.1).
    let counted = |term: &&Term| term.looks_up() && !(all.is_some() && term.is_redirect());
    let own = parsed.iter().filter(counted).count();
    let lookups = own + usize::from(mailroute.is_none());
    if lookups > LOOKUP_LIMIT {
        // Beyond the limit every check ends in a permanent error (§4.6.4): no record to offer.
        let (counting, count) =
            if own > LOOKUP_LIMIT { ("The record", own) } else { ("With MailRoute's include, the record", lookups) };
        report.say(
            Level::Error,
            format!("{counting} has {count} terms that need a DNS lookup (include, a, mx, ptr, exists, redirect). Receivers allow {LOOKUP_LIMIT} in all, counting the included records' own, and fail every check beyond that. Replace some with ip4 or ip6 terms."),
        );
        return report;
    } else if lookups > LOOKUP_LIMIT - 2 {
        report.say(
            Level::Note,
            format!("The record has {lookups} terms that need a DNS lookup, of the {LOOKUP_LIMIT} receivers allow; the included records' own lookups count too, so check the total with an SPF checker."),
        );
    }
    let record = suggested.join(" ");
    if record.len() > STRING_LIMIT {
        report.say(
            Level::Warning,
            format!("The record is {} characters long; one DNS string holds at most {STRING_LIMIT}. Enter it as two or more quoted strings, or let your DNS host split it.", record.len()),
        );
    }
    report.record = Some(record);
    report
}

/// Whether a TXT record's text is an SPF record: `v=spf1` alone or followed by a space.
fn is_spf(text: &str) -> bool {
    let text = text.trim_start();
    text.get(..6).is_some_and(|version| version.eq_ignore_ascii_case("v=spf1"))
        && matches!(text.as_bytes().get(6), None | Some(b' '))
}

/// A line without quotes: from `v=spf1` on, when a zone-file line has it after the name.
/// Each position is looked at once, for its next seven bytes: linear in the line's length.
fn unquoted(line: &str) -> &str {
    let line = line.trim();
    let starts = |at: usize| {
        let rest = &line.as_bytes()[at..];
        rest.len() >= 6 && rest[..6].eq_ignore_ascii_case(b"v=spf1") && matches!(rest.get(6), None | Some(b' '))
    };
    (0..line.len()).find(|at| line.is_char_boundary(*at) && starts(*at)).map_or(line, |at| &line[at..])
}

/// The quoted strings of a line, unescaped (RFC 1035 §5.1); None when the line has no quote.
fn strings(line: &str) -> Result<Option<Vec<String>>, String> {
    if !line.contains('"') {
        return Ok(None);
    }
    let mut strings = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut string = String::new();
        loop {
            match chars.next() {
                None => return Err("A quoted string is not closed: check the quotation marks.".to_string()),
                Some('"') => break,
                Some('\\') => string.extend(chars.next()),
                Some(c) => string.push(c),
            }
        }
        strings.push(string);
    }
    Ok(Some(strings))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term<'a> {
    All(char),
    /// The qualifier and the domain.
    Include(char, &'a str),
    /// a, mx and exists: one DNS lookup each.
    Lookup,
    Ptr,
    /// ip4 and ip6: no lookup.
    Address,
    Modifier(&'a str),
    Invalid(&'static str),
}

impl Term<'_> {
    fn looks_up(&self) -> bool {
        match self {
            Term::Include(..) | Term::Lookup | Term::Ptr => true,
            Term::Modifier(_) => self.is_redirect(),
            _ => false,
        }
    }

    fn is_redirect(&self) -> bool {
        matches!(self, Term::Modifier(name) if name.eq_ignore_ascii_case("redirect"))
    }
}

fn parse(term: &str) -> Term<'_> {
    let (qualifier, rest) = match term.chars().next() {
        Some(c @ ('+' | '-' | '~' | '?')) => (c, &term[1..]),
        _ => ('+', term),
    };
    let split = rest.find([':', '/', '=']).unwrap_or(rest.len());
    let (name, argument) = rest.split_at(split);
    if argument.starts_with('=') {
        let valid = qualifier == '+'
            && term.starts_with(name)
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        return if !valid {
            Term::Invalid("a modifier is a name, = and a value, with no qualifier in front")
        } else if argument.len() == 1 && matches!(name.to_ascii_lowercase().as_str(), "redirect" | "exp") {
            Term::Invalid("this modifier needs a domain after the =")
        } else {
            Term::Modifier(name)
        };
    }
    let domain = argument.strip_prefix(':');
    match name.to_ascii_lowercase().as_str() {
        "all" if argument.is_empty() => Term::All(qualifier),
        "all" => Term::Invalid("all takes nothing after it"),
        "include" | "exists" => match domain {
            Some(domain) if is_domain_spec(domain) => {
                if name.eq_ignore_ascii_case("include") {
                    Term::Include(qualifier, domain)
                } else {
                    Term::Lookup
                }
            }
            _ => Term::Invalid("this mechanism needs a domain after a colon, like include:example.com"),
        },
        "a" | "mx" => {
            let (domain_part, cidr) = match argument.find('/') {
                Some(at) => (&argument[..at], Some(&argument[at..])),
                None => (argument, None),
            };
            let domain_ok = domain_part.is_empty() || domain_part.strip_prefix(':').is_some_and(is_domain_spec);
            let cidr_ok = cidr.is_none_or(dual_cidr);
            if domain_ok && cidr_ok {
                Term::Lookup
            } else {
                Term::Invalid("write it as a or mx, optionally with :domain and /prefix length, like mx:example.com/24")
            }
        }
        "ptr" if argument.is_empty() || domain.is_some_and(is_domain_spec) => Term::Ptr,
        "ip4" => match domain.map(|value| value.split_once('/').unwrap_or((value, "32"))) {
            Some((address, bits)) if is_ipv4(address) && is_prefix(bits, 32) => Term::Address,
            _ => Term::Invalid("ip4 needs an IPv4 address or range, like ip4:203.0.113.0/24"),
        },
        "ip6" => match domain.map(|value| value.split_once('/').unwrap_or((value, "128"))) {
            Some((address, bits)) if is_ipv6(address) && is_prefix(bits, 128) => Term::Address,
            _ => Term::Invalid("ip6 needs an IPv6 address or range, like ip6:2001:db8::/32"),
        },
        _ => Term::Invalid("this is not an SPF mechanism: they are all, include, a, mx, ptr, ip4, ip6 and exists"),
    }
}

/// A domain, possibly with macros (RFC 7208 §7.1): visible ASCII, ending in a dot and a
/// top label, with one more dot allowed after it, or in a macro.
fn is_domain_spec(domain: &str) -> bool {
    if domain.is_empty() || !domain.bytes().all(|byte| byte.is_ascii_graphic()) {
        return false;
    }
    let name = domain.strip_suffix('.').unwrap_or(domain);
    name.ends_with('}') || name.rsplit_once('.').is_some_and(|(_, top)| is_toplabel(top))
}

/// Letters, digits and inner hyphens, with a letter or a hyphen: so not all digits, which
/// would make `include:192.0.2.1` a domain (§7.1, `toplabel`).
fn is_toplabel(label: &str) -> bool {
    !label.is_empty()
        && label.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.bytes().any(|byte| byte.is_ascii_alphabetic() || byte == b'-')
}

/// `/n` for IPv4, `//n` for IPv6, or both (RFC 7208 §5.6).
fn dual_cidr(cidr: &str) -> bool {
    let (ip4, ip6) = match cidr.split_once("//") {
        Some((ip4, ip6)) => (ip4, Some(ip6)),
        None => (cidr, None),
    };
    let ip4_ok = ip4.is_empty() || ip4.strip_prefix('/').is_some_and(|bits| is_prefix(bits, 32));
    ip4_ok && ip6.is_none_or(|bits| is_prefix(bits, 128)) && cidr != "/"
}

fn is_prefix(bits: &str, max: u8) -> bool {
    !bits.is_empty()
        && bits.len() <= 3
        && bits.bytes().all(|byte| byte.is_ascii_digit())
        && bits.parse::<u8>().is_ok_and(|bits| bits <= max)
}

/// Eight groups of up to four hex digits, or fewer with one `::`; a dotted IPv4 tail allowed.
fn is_ipv6(text: &str) -> bool {
    let (head, tail) = match text.split_once("::") {
        Some((head, tail)) => (head, Some(tail)),
        None => (text, None),
    };
    if tail.is_some_and(|tail| tail.contains("::")) {
        return false;
    }
    let groups = |part: &str| -> Option<usize> {
        if part.is_empty() {
            return Some(0);
        }
        let pieces: Vec<&str> = part.split(':').collect();
        let mut count = 0;
        for (index, piece) in pieces.iter().enumerate() {
            if index == pieces.len() - 1 && piece.contains('.') {
                count += if is_ipv4(piece) { 2 } else { return None };
            } else if (1..=4).contains(&piece.len()) && piece.bytes().all(|byte| byte.is_ascii_hexdigit()) {
                count += 1;
            } else {
                return None;
            }
        }
        Some(count)
    };
    match (groups(head), tail.map(groups)) {
        (Some(count), None) => count == 8,
        (Some(before), Some(Some(after))) => before + after < 8,
        _ => false,
    }
}
