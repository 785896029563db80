//! The smart host decides where a whole organisation's mail goes, so anything but
//! MailRoute's own host is called out, with the reason it is suspect (review F2). MailRoute
//! documents one outbound host, `outbound.mailroute.net` (docs/facts.md §5). The smart host
//! that Exchange 2003's way back puts back decides it as much, the day it is used (review
//! F15), and is guarded alike.

use serde::{Deserialize, Serialize};

use crate::domain::platform::Platform;
use crate::domain::settings::{Connector, Field, Settings, MAILROUTE_SMART_HOST};
use crate::domain::validate::entries;

/// Which routing values, as they are now, the admin confirmed in so many words though they
/// are not MailRoute's host. Only their own click gives it; it is never saved, and no link or
/// file carries it. It crosses to the tools module as one number, a bit for each value, which
/// costs the page's download less than a map of names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "u8", from = "u8")]
pub struct Confirmed {
    pub smart_hosts: bool,
    pub previous_smart_hosts: bool,
}

impl Confirmed {
    pub const NONE: Confirmed = Confirmed { smart_hosts: false, previous_smart_hosts: false };
    pub const ALL: Confirmed = Confirmed { smart_hosts: true, previous_smart_hosts: true };

    pub fn of(self, field: Field) -> bool {
        match field {
            Field::SmartHosts => self.smart_hosts,
            Field::PreviousSmartHosts => self.previous_smart_hosts,
            _ => true,
        }
    }
}

impl From<Confirmed> for u8 {
    fn from(confirmed: Confirmed) -> u8 {
        u8::from(confirmed.smart_hosts) | u8::from(confirmed.previous_smart_hosts) << 1
    }
}

impl From<u8> for Confirmed {
    fn from(bits: u8) -> Confirmed {
        Confirmed { smart_hosts: bits & 1 != 0, previous_smart_hosts: bits & 2 != 0 }
    }
}

/// The values that send all mail to a host, in these settings: the smart host, and on
/// Exchange 2003 with an existing connector the one its way back puts back.
pub fn routing(settings: &Settings) -> &'static [Field] {
    if settings.platform == Platform::Exchange2003 && settings.connector == Connector::Existing {
        &[Field::SmartHosts, Field::PreviousSmartHosts]
    } else {
        &[Field::SmartHosts]
    }
}

/// Whether a value routes mail in these settings, is not MailRoute's host, and waits for the
/// admin's confirmation: no file, command or step uses it until then.
pub fn waits(settings: &Settings, confirmed: Confirmed, field: Field) -> bool {
    routing(settings).contains(&field) && !confirmed.of(field) && foreign(settings.get(field)).is_some()
}

/// The routing values that wait for the admin's confirmation, in form order.
pub fn waiting(settings: &Settings, confirmed: Confirmed) -> Vec<Field> {
    routing(settings).iter().copied().filter(|field| waits(settings, confirmed, *field)).collect()
}

/// A smart host that is not MailRoute's, and why it is suspect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspect {
    pub host: String,
    pub why: &'static str,
}

/// Every entry of a smart host list that is not MailRoute's host, in the list's order.
pub fn suspects(list: &str) -> Vec<Suspect> {
    let entries = entries(list);
    let beside = entries.iter().any(|entry| is_mailroute(entry));
    let mut suspects = Vec::new();
    for entry in entries {
        if !entry.is_empty() && !is_mailroute(entry) {
            suspects.push(Suspect { host: entry.to_string(), why: reason(entry, beside) });
        }
    }
    suspects
}

/// The hosts of a list that are not MailRoute's, for a comment or a sentence.
pub fn foreign(list: &str) -> Option<String> {
    let mut hosts = String::new();
    for suspect in suspects(list) {
        if !hosts.is_empty() {
            hosts.push_str(", ");
        }
        hosts.push_str(&suspect.host);
    }
    (!hosts.is_empty()).then_some(hosts)
}

/// What a routing value that is not MailRoute's host does, said wherever it is shown for
/// review or sign-off (the review banner, the change record); None for any other value.
pub fn called_out(field: Field, value: &str) -> Option<String> {
    let what = match field {
        Field::SmartHosts => "Not MailRoute's host: all mail would go to ",
        Field::PreviousSmartHosts => "Not MailRoute's host: the way back would send all mail to ",
        _ => return None,
    };
    Some([what, &foreign(value)?, "."].concat())
}

/// Whether an entry is a slip of typing for MailRoute's host, which one click can put
/// right: one or two letters off, another top-level domain (`.com` for `.net`), a scheme
/// before it (`https://`) or a port or path after it, or its letters in capitals. Putting
/// MailRoute's own host in its place is always safe, so a lookalike gets the offer too.
pub fn near_miss(entry: &str) -> bool {
    let name = entry.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    // A scheme: what follows the first colon, if two slashes follow it. Split at a character,
    // not at "://": a substring search would add its code to the page's download.
    let name = match name.split_once(':') {
        Some((_, rest)) if rest.starts_with("//") => &rest[2..],
        _ => name.as_str(),
    };
    let name = name.split(['/', ':']).next().unwrap_or_default();
    let name = name.strip_suffix('.').unwrap_or(name);
    if name == MAILROUTE_SMART_HOST || name.is_empty() {
        // MailRoute's host with something around it, or with capitals.
        return name != entry && !name.is_empty();
    }
    let (stem, _) = name.rsplit_once('.').unwrap_or((name, ""));
    stem == "outbound.mailroute" || (1..=2).contains(&distance(name))
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
    } else if folded.windows(9).any(|window| window == b"mailroute") {
        "it has MailRoute's name in it, but it is a different domain, not MailRoute's"
    } else if distance(&name) <= 2 {
        "it is one or two letters away from MailRoute's host: a typing slip, or a lookalike"
    } else if beside {
        "a second host beside MailRoute's: Exchange would send part of the mail to it"
    } else {
        "it is not MailRoute's host: mail sent through it does not reach MailRoute"
    }
}

/// The name with lookalike digits and letter pairs replaced by the letters they imitate,
/// and hyphens read as dots: `0utb0und.rnai1route.net` folds to MailRoute's host. Byte by
/// byte, looking back one: a substring search would add its code to the page's download.
fn fold(name: &str) -> Vec<u8> {
    let mut folded: Vec<u8> = Vec::with_capacity(name.len());
    for byte in name.bytes() {
        let byte = match byte {
            b'0' => b'o',
            b'1' | b'|' => b'l',
            b'3' => b'e',
            b'5' => b's',
            b'7' => b't',
            b'-' | b'_' => b'.',
            byte => byte,
        };
        match (folded.last(), byte) {
            (Some(b'r'), b'n') => *folded.last_mut().unwrap_or(&mut 0) = b'm',
            (Some(b'v'), b'v') => *folded.last_mut().unwrap_or(&mut 0) = b'w',
            _ => folded.push(byte),
        }
    }
    folded
}

/// Edit distance to MailRoute's host, in bytes: linear in the entry's length (at most a few
/// hundred: every field has a limit), with one row of MailRoute's 22 bytes and one more.
fn distance(name: &str) -> usize {
    let target = MAILROUTE_SMART_HOST.as_bytes();
    let mut row = [0usize; MAILROUTE_SMART_HOST.len() + 1];
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, byte) in name.bytes().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, wanted) in target.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(byte != *wanted));
            diagonal = above;
        }
    }
    row[target.len()]
}
