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
/// `outside` says that the record came from outside the admin's own typing (a link, a file,
/// an offline copy), so what it lets send is not known to be what the domain has now.
pub fn check(pasted: &str, outside: bool) -> Report {
    let mut report = Report::default();
    if pasted.trim().is_empty() {
        report.record = Some(NEW_RECORD.to_string());
        report.say(
            Level::Note,
            "With no SPF record, this one lets MailRoute send for the domain. Add any other service that sends as your domain before -all.",
        );
        return report;
    }
    let mut records: Vec<String> = Vec::new();
    let mut continues_record = false;
    let mut joined = false;
    for line in logical_lines(pasted).iter().filter(|line| !line.trim().is_empty()) {
        let quoted = line.contains('"');
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
            continues_record = true;
        } else if let (true, Some(record)) = (continues_record && is_continuation(&text), records.last_mut()) {
            // DNS joins a record's strings as they are (RFC 7208 §3.3); lines of bare text
            // were one line before something wrapped them.
            if !quoted {
                record.push(' ');
            }
            record.push_str(&text);
            joined = true;
        } else {
            continues_record = false;
        }
    }
    if joined {
        report.say(Level::Note, "The record was on more than one line: the lines are read as one record.");
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
    // Whatever else the record lets send as the domain is named, and called out when the
    // record came from outside, as a foreign smart host is (review F4).
    let others: Vec<&str> = terms[1..]
        .iter()
        .zip(&parsed)
        .filter(|(term, parsed)| match parsed {
            Term::Include(qualifier, found) => *qualifier == '+' && !is(found, MAILROUTE_DOMAIN),
            Term::Lookup | Term::Address | Term::Ptr => !term.starts_with(['-', '~', '?']),
            _ => false,
        })
        .map(|(term, _)| *term)
        .collect();
    if !others.is_empty() {
        let others = others.join(", ");
        let each = "each include: lets every server that domain's own SPF record names send too";
        if outside {
            report.say(Level::Warning, format!("This record came from outside your own typing, not from your domain's DNS. Besides MailRoute it lets these send as your domain: {others} ({each}). Publish it only if your domain's record has them now."));
        } else {
            report.say(
                Level::Note,
                format!("Besides MailRoute, the record lets these send as your domain: {others} ({each})."),
            );
        }
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

/// The pasted text's lines, with those inside parentheses joined, as a zone file writes a
/// long record (RFC 1035 §5.1); quoted text is left as it is.
fn logical_lines(pasted: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for c in pasted.chars() {
        if c == '\n' && (depth == 0 || quoted) {
            // A quote left open ends with its line, where it is reported.
            (depth, quoted, escaped) = (0, false, false);
            lines.push(String::new());
            continue;
        }
        let Some(line) = lines.last_mut() else { break };
        if quoted {
            line.push(c);
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => quoted = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => {
                quoted = true;
                line.push(c);
            }
            '(' | ')' | '\n' | '\r' => {
                depth = match c {
                    '(' => depth + 1,
                    ')' => depth.saturating_sub(1),
                    _ => depth,
                };
                line.push(' ');
            }
            _ => line.push(c),
        }
    }
    lines
}

/// Whether a line after an SPF record is the rest of it: its first term is a mechanism, or
/// redirect= or exp=, which no TXT record of another kind starts with.
fn is_continuation(text: &str) -> bool {
    let Some(first) = text.split(' ').find(|term| !term.is_empty()) else {
        return false;
    };
    match parse(first) {
        Term::Modifier(name) => name.eq_ignore_ascii_case("redirect") || name.eq_ignore_ascii_case("exp"),
        Term::Invalid(_) => false,
        _ => true,
    }
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

/// The quoted strings of a line, unescaped (RFC 1035 §5.1: `\X` is X, and `\DDD` the byte
/// with that decimal value, as `dig` prints what is not printable ASCII); None when the line
/// has no quote.
fn strings(line: &str) -> Result<Option<Vec<String>>, String> {
    if !line.contains('"') {
        return Ok(None);
    }
    let bytes = line.as_bytes();
    let mut strings = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        at += 1;
        if bytes[at - 1] != b'"' {
            continue;
        }
        let mut string = Vec::new();
        loop {
            let Some(&byte) = bytes.get(at) else {
                return Err("A quoted string is not closed: check the quotation marks.".to_string());
            };
            at += 1;
            match byte {
                b'"' => break,
                b'\\' => match bytes.get(at..at + 3).filter(|digits| digits.iter().all(u8::is_ascii_digit)) {
                    Some(digits) => {
                        let value = digits.iter().fold(0u16, |value, digit| value * 10 + u16::from(digit - b'0'));
                        let byte = u8::try_from(value).map_err(|_| {
                            format!("\\{value} is not a byte: an escape is a backslash and three digits up to 255.")
                        })?;
                        string.push(byte);
                        at += 3;
                    }
                    None => {
                        string.extend(bytes.get(at));
                        at += 1;
                    }
                },
                byte => string.push(byte),
            }
        }
        strings.push(String::from_utf8_lossy(&string).into_owned());
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
    if let Some(value) = argument.strip_prefix('=') {
        let valid = qualifier == '+'
            && term.starts_with(name)
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid {
            return Term::Invalid("a modifier is a name, = and a value, with no qualifier in front");
        }
        // redirect= and exp= name a domain; any other modifier's value is a macro-string,
        // never expanded, so every macro letter is allowed in it (§6, §7.1, §12).
        let checked = match name.to_ascii_lowercase().as_str() {
            "redirect" | "exp" if value.is_empty() => Err("this modifier needs a domain after the ="),
            "redirect" | "exp" => domain_spec(value),
            _ => macro_string(value, true),
        };
        return checked.map_or_else(Term::Invalid, |()| Term::Modifier(name));
    }
    let domain = argument.strip_prefix(':');
    let needs_domain = "this mechanism needs a domain after a colon, like include:example.com";
    match name.to_ascii_lowercase().as_str() {
        "all" if argument.is_empty() => Term::All(qualifier),
        "all" => Term::Invalid("all takes nothing after it"),
        "include" | "exists" => match domain.map(domain_spec) {
            Some(Ok(())) if name.eq_ignore_ascii_case("include") => Term::Include(qualifier, domain.unwrap_or_default()),
            Some(Ok(())) => Term::Lookup,
            Some(Err(why)) => Term::Invalid(why),
            None => Term::Invalid(needs_domain),
        },
        "a" | "mx" => {
            // A domain may hold `/` (§12, domain-spec), so the prefix lengths are what ends
            // the term in `/digits`, `//digits` or both.
            let (rest, ip6) = split_prefix(argument, "//");
            let (domain_part, ip4) = split_prefix(rest, "/");
            let prefixes_ok = ip4.is_none_or(|bits| is_prefix(bits, 32)) && ip6.is_none_or(|bits| is_prefix(bits, 128));
            match domain_part.strip_prefix(':').map(domain_spec) {
                _ if !prefixes_ok => Term::Invalid("a prefix length is /0 to /32 for IPv4 and //0 to //128 for IPv6, with no leading zero"),
                Some(Err(why)) => Term::Invalid(why),
                None if !domain_part.is_empty() => Term::Invalid(
                    "write it as a or mx, optionally with :domain and /prefix length, like mx:example.com/24",
                ),
                _ => Term::Lookup,
            }
        }
        "ptr" if argument.is_empty() => Term::Ptr,
        "ptr" => match domain.map(domain_spec) {
            Some(Ok(())) => Term::Ptr,
            Some(Err(why)) => Term::Invalid(why),
            None => Term::Invalid(needs_domain),
        },
        "ip4" => match domain.map(|value| value.split_once('/').unwrap_or((value, "32"))) {
            Some((address, bits)) if is_ipv4(address) && is_prefix(bits, 32) => Term::Address,
            _ => Term::Invalid("ip4 needs an IPv4 address or range, like ip4:203.0.113.0/24, with no leading zero in the prefix length"),
        },
        "ip6" => match domain.map(|value| value.split_once('/').unwrap_or((value, "128"))) {
            Some((address, bits)) if is_ipv6(address) && is_prefix(bits, 128) => Term::Address,
            _ => Term::Invalid("ip6 needs an IPv6 address or range, like ip6:2001:db8::/32, with no leading zero in the prefix length"),
        },
        _ => Term::Invalid("this is not an SPF mechanism: they are all, include, a, mx, ptr, ip4, ip6 and exists"),
    }
}

/// `text` without a trailing `separator` and digits, and those digits; `text` as it is when
/// it does not end that way.
fn split_prefix<'a>(text: &'a str, separator: &str) -> (&'a str, Option<&'a str>) {
    match text.rsplit_once(separator) {
        Some((rest, digits)) if !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()) => {
            (rest, Some(digits))
        }
        _ => (text, None),
    }
}

/// A domain, possibly with macros (RFC 7208 §7.1, §12 `domain-spec`): a macro-string that
/// ends in a dot and a top label (one more dot allowed after it), or in a macro.
fn domain_spec(domain: &str) -> Result<(), &'static str> {
    macro_string(domain, false)?;
    let name = domain.strip_suffix('.').unwrap_or(domain);
    let ends_in_macro = name.ends_with('}') || (name.len() >= 2 && name[..name.len() - 1].ends_with('%'));
    if ends_in_macro || name.rsplit_once('.').is_some_and(|(_, top)| is_toplabel(top)) {
        Ok(())
    } else {
        Err("a domain here ends in a dot and a top-level name, like example.com")
    }
}

/// Why `text` is not a macro-string (RFC 7208 §7.1): visible ASCII, where each `%` starts
/// `%{`letter, digits, an optional r, delimiters`}`, or is `%%`, `%_` or `%-`. The letters
/// c, r and t are for an explanation's text (§7.2), so a domain may not use them.
fn macro_string(text: &str, any_letter: bool) -> Result<(), &'static str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match (bytes[at], bytes.get(at + 1)) {
            (b'%', Some(b'%' | b'_' | b'-')) => at += 2,
            (b'%', Some(b'{')) => {
                let length = text[at..].find('}').ok_or("a macro that opens with %{ must close with }")?;
                macro_expand(&text[at + 2..at + length], any_letter)?;
                at += length + 1;
            }
            (b'%', _) => return Err("a % starts a macro, %{...}; a percent sign itself is written %%"),
            (0x21..=0x7e, _) => at += 1,
            _ => return Err("it holds a character that is not visible ASCII: a space, a control character or a letter outside ASCII"),
        }
    }
    Ok(())
}

/// What stands between `%{` and `}`: a macro letter, digits, an optional r, delimiters.
fn macro_expand(inside: &str, any_letter: bool) -> Result<(), &'static str> {
    let mut chars = inside.chars();
    match chars.next().map(|letter| letter.to_ascii_lowercase()) {
        Some('s' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'v') => {}
        Some('c' | 'r' | 't') if any_letter => {}
        Some('c' | 'r' | 't') => {
            return Err("the macros %{c}, %{r} and %{t} belong in an explanation's text, not in a domain")
        }
        _ => return Err("a macro's letter is one of s, l, o, d, i, p, h and v"),
    }
    let rest = chars.as_str().trim_start_matches(|c: char| c.is_ascii_digit());
    let delimiters = rest.strip_prefix(['r', 'R']).unwrap_or(rest);
    if delimiters.chars().all(|c| matches!(c, '.' | '-' | '+' | ',' | '/' | '_' | '=')) {
        Ok(())
    } else {
        Err("after a macro's letter come only digits, an r and the delimiters . - + , / _ =")
    }
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

/// A prefix length up to `max`, with no leading zero (§12: `ip4-cidr-length`).
fn is_prefix(bits: &str, max: u8) -> bool {
    !bits.is_empty()
        && bits.len() <= 3
        && bits.bytes().all(|byte| byte.is_ascii_digit())
        && (bits == "0" || !bits.starts_with('0'))
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
