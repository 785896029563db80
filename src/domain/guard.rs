//! The smart host decides where a whole organisation's mail goes, so anything but
//! MailRoute's own host is called out, with the reason it is suspect (review F2). MailRoute
//! documents one outbound host, `outbound.mailroute.net` (facts/exchange.md §5).

use crate::domain::settings::MAILROUTE_SMART_HOST;
use crate::domain::validate::entries;

/// A smart host that is not MailRoute's, and why it is suspect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspect {
    pub host: String,
    pub why: &'static str,
}

/// Every entry of a smart host list that is not MailRoute's host, in the list's order.
pub fn suspects(list: &str) -> Vec<Suspect> {
    let entries: Vec<&str> = entries(list).into_iter().filter(|entry| !entry.is_empty()).collect();
    let beside = entries.iter().any(|entry| is_mailroute(entry));
    entries
        .into_iter()
        .filter(|entry| !is_mailroute(entry))
        .map(|entry| Suspect { host: entry.to_string(), why: reason(entry, beside) })
        .collect()
}

/// The hosts of a list that are not MailRoute's, for a comment or a sentence.
pub fn foreign(list: &str) -> Option<String> {
    let suspects = suspects(list);
    (!suspects.is_empty()).then(|| suspects.iter().map(|suspect| suspect.host.as_str()).collect::<Vec<_>>().join(", "))
}

fn is_mailroute(host: &str) -> bool {
    host.strip_suffix('.').unwrap_or(host).eq_ignore_ascii_case(MAILROUTE_SMART_HOST)
}

fn reason(host: &str, beside: bool) -> &'static str {
    let name = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    let folded = fold(&name);
    if name.bytes().all(|byte| byte.is_ascii_digit() || byte == b'.' || byte == b'/') || name.contains(':') {
        "an IP address, not MailRoute's host name"
    } else if name.split('.').any(|label| label.starts_with("xn--")) {
        "an internationalised name (punycode), which can be made to look like MailRoute's"
    } else if folded == fold(MAILROUTE_SMART_HOST) {
        "it looks like MailRoute's host, but a letter or digit is swapped for one that looks alike"
    } else if folded.contains("mailroute") {
        "it has MailRoute's name in it, but it is a different domain, not MailRoute's"
    } else if distance(&name, MAILROUTE_SMART_HOST) <= 2 {
        "it is one or two letters away from MailRoute's host: a typing slip, or a lookalike"
    } else if beside {
        "a second host beside MailRoute's: Exchange would send part of the mail to it"
    } else {
        "it is not MailRoute's host: mail sent through it does not reach MailRoute"
    }
}

/// The name with lookalike digits and letter pairs replaced by the letters they imitate,
/// and hyphens read as dots: `0utb0und.rnai1route.net` folds to MailRoute's host.
fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        folded.push(match c {
            '0' => 'o',
            '1' | '|' => 'l',
            '3' => 'e',
            '5' => 's',
            '7' => 't',
            '-' | '_' => '.',
            c => c,
        });
    }
    folded.replace("rn", "m").replace("vv", "w")
}

/// Edit distance, bounded: the names compared are at most a few hundred characters (every
/// field has a limit), and MailRoute's host has 22, so this is linear in the entry's length.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}
