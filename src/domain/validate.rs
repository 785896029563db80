//! Rules for each value the admin types. Every problem carries a message that says what is
//! wrong with this value and what to do; a fix, where one is certain, can be applied in one click.

use crate::domain::guard::{foreign, near_miss, suspects};
use crate::domain::platform::{Family, Platform};
use crate::domain::settings::{Field, Settings, MAILROUTE_SMART_HOST};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The value cannot be used; steps and files that need it wait until it is fixed.
    Error,
    /// The value works, but probably not as the admin intends.
    Warning,
}

/// A replacement value the app can apply for the admin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Problem {
    fn error(message: impl Into<String>) -> Self {
        Problem { severity: Severity::Error, message: message.into(), fix: None }
    }

    fn warning(message: impl Into<String>) -> Self {
        Problem { severity: Severity::Warning, message: message.into(), fix: None }
    }
}

/// The most characters a field takes: the app refuses a longer value rather than hold it,
/// so that no check, page or stored state ever works on an unbounded one. A DNS TXT record
/// is rarely longer than a few hundred characters; the rest are names and short lists.
/// What is said of a value longer than its field takes, wherever it came from.
pub fn too_long(field: Field, length: usize) -> String {
    format!("That was {length} characters; the {} takes at most {}.", field.noun(), limit(field))
}

pub fn limit(field: Field) -> usize {
    match field {
        Field::SpfRecord => 4_096,
        // A test message's header is some kilobytes; a bounce may quote the message's own.
        Field::TestHeader | Field::ErrorText => 65_536,
        Field::SmartHosts | Field::SourceServers | Field::PreviousSmartHosts => 1_024,
        _ => 255,
    }
}

/// Characters that show nothing, so they can make one name look like another, and that no
/// Exchange name needs (review F11): Unicode's Default_Ignorable_Code_Point (17.0,
/// tests/samples/unicode/default-ignorable.txt), the format characters it leaves out, the
/// line and paragraph separators, and the blank Braille pattern.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}'
        | '\u{600}'..='\u{605}' | '\u{6DD}' | '\u{70F}' | '\u{890}'..='\u{891}' | '\u{8E2}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}' | '\u{2028}'..='\u{2029}' | '\u{2800}')
}

/// The most important problem with a field's value on this platform, if any.
pub fn check(platform: Platform, field: Field, value: &str) -> Option<Problem> {
    // These reach no file: the SPF helper, the header check and the error explainer read
    // them and report on them themselves.
    if matches!(field, Field::SpfRecord | Field::TestHeader | Field::ErrorText) {
        return None;
    }
    // A no-break or other wide space passes for a plain one: it makes one name look like
    // another, in a list it hides inside an entry, and a run of them pushes the rest of a
    // value out of view (review F21).
    let hidden = |c: &char| is_invisible(*c) || (c.is_whitespace() && *c != ' ' && !c.is_control());
    let mut invisible: Vec<String> = value.chars().filter(hidden).map(code_point).collect();
    if !invisible.is_empty() {
        invisible.dedup();
        return Some(Problem::error(format!(
            "The value holds characters that do not show, or pass for a plain space: {}. Retype it without them.",
            invisible.join(", ")
        )));
    }
    // Files carry values exactly as typed, so spaces at the ends are refused, not trimmed.
    let trimmed = value.trim();
    if !trimmed.is_empty() && trimmed.len() != value.len() {
        return Some(Problem {
            severity: Severity::Error,
            message: "Remove the space at the start or end: Exchange would keep it as part of the value.".to_string(),
            fix: Some(Fix { label: "Remove the spaces".to_string(), value: trimmed.to_string() }),
        });
    }
    match field {
        // In the shell a * in a connector's identity matches other connectors too (review F12).
        Field::ConnectorName if value.contains('*') => {
            Some(Problem::error("A * in the name would match other connectors in the shell."))
        }
        Field::ConnectorName => check_name(value, "a name for the connector, for example All Outgoing Email"),
        Field::SmartHosts => check_smart_hosts(platform, value),
        Field::Bridgehead => check_bridgehead(value),
        Field::AddressSpace => check_address_space(value),
        Field::Cost => check_number(value, 1, 100, "The cost is a whole number from 1 to 100."),
        Field::AdDomain => check_ad_domain(value),
        Field::Organization => check_name(value, "the organization's name"),
        Field::AdminGroup => check_name(value, "the administrative group's name"),
        Field::ServerAdminGroup if value.trim().is_empty() => None,
        Field::ServerAdminGroup => check_name(value, "the server's administrative group"),
        Field::RoutingGroup => check_name(value, "the routing group's name"),
        Field::VirtualServer => check_number(
            value,
            1,
            u32::MAX,
            "The virtual server number is a whole number: 1 for the default SMTP virtual server.",
        ),
        Field::PreviousSmartHosts => check_previous_smart_hosts(platform, value),
        Field::SourceServers => check_source_servers(value),
        Field::SpfRecord | Field::TestHeader | Field::ErrorText => None,
    }
}

/// Why a value cannot be used yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    Empty,
    Invalid,
}

/// The value to show in the steps and files, exactly as typed, once it has no error.
pub fn usable(settings: &Settings, field: Field) -> Result<String, Unusable> {
    let value = settings.get(field);
    if value.trim().is_empty() {
        return Err(Unusable::Empty);
    }
    match check(settings.platform, field, value) {
        Some(Problem { severity: Severity::Error, .. }) => Err(Unusable::Invalid),
        _ => Ok(value.to_string()),
    }
}

/// Active Directory's `cn` holds at most 64 characters (docs/facts.md §1.2, §2), and so
/// does an Exchange Online connector's name (docs/facts.md §4).
const CN_MAX: usize = 64;

/// A name that becomes a `CN=` in a directory path: characters special there are escaped
/// in the files, so only emptiness, length and control characters are refused.
fn check_name(value: &str, what: &str) -> Option<Problem> {
    let name = value.trim();
    if name.is_empty() {
        return Some(Problem::error(format!("Enter {what}.")));
    }
    if name.chars().any(char::is_control) {
        return Some(Problem::error(
            "The name contains a control character (a tab, line break or similar). Remove it.",
        ));
    }
    let length = name.chars().count();
    if length > CN_MAX {
        return Some(Problem::error(format!(
            "The name is {length} characters long; Exchange allows at most {CN_MAX}."
        )));
    }
    None
}

fn check_number(value: &str, min: u32, max: u32, rule: &str) -> Option<Problem> {
    let text = value.trim();
    let number = (!text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse::<u32>().ok())
        .flatten();
    match number {
        Some(number) if (min..=max).contains(&number) => None,
        _ => Some(Problem::error(rule)),
    }
}

/// `*`, `*.domain` or `domain` (docs/facts.md §2, §3.2).
fn check_address_space(value: &str) -> Option<Problem> {
    let space = value.trim();
    if space.is_empty() {
        return Some(Problem::error("Enter * to send mail for every domain, or a domain such as *.example.com."));
    }
    if space == "*" {
        return None;
    }
    let domain = space.strip_prefix("*.").unwrap_or(space);
    if domain.contains('*') {
        return Some(Problem::error(
            "A * may stand alone, or at the start followed by a dot (*.example.com); not inside a name.",
        ));
    }
    // A domain here limits the connector to mail for it: easily typed as "our domain".
    Some(check_dns_name(domain).err().unwrap_or_else(|| {
        Problem::warning(format!(
            "Only mail to {space} will go through MailRoute; the rest leaves as it does now. Enter * to send all outgoing mail through MailRoute."
        ))
    }))
}

fn check_ad_domain(value: &str) -> Option<Problem> {
    let domain = value.trim();
    if domain.is_empty() {
        return Some(Problem::error("Enter the Active Directory domain's DNS name, for example corp.example.com."));
    }
    check_dns_name(domain).err()
}

/// The way back puts this list back as the connector's smart host, so it is checked as one,
/// and a host that is not MailRoute's waits for the admin's word, as the smart host does
/// (review F15). Empty is right for a connector that used DNS.
fn check_previous_smart_hosts(platform: Platform, value: &str) -> Option<Problem> {
    if value.trim().is_empty() {
        return None;
    }
    if let Some(problem) = check_entries(&entries(value), &|entry| check_smart_host(platform, entry).err()) {
        return Some(problem);
    }
    let hosts = foreign(value)?;
    Some(Problem::warning(format!(
        "The way back sends all mail to {hosts}, not MailRoute's host: confirm that your connector has it now."
    )))
}

/// The entries of a list typed with commas or semicolons between them, as Exchange 2003 reads
/// it (docs/facts.md §1.2, §2); the later cmdlets take the same entries as an array.
pub fn entries(value: &str) -> Vec<&str> {
    value.split([',', ';']).map(str::trim).collect()
}

fn check_smart_hosts(platform: Platform, value: &str) -> Option<Problem> {
    if value.trim().is_empty() {
        return Some(Problem::error(format!("Enter at least one smart host; MailRoute's is {MAILROUTE_SMART_HOST}.")));
    }
    let entries = entries(value);
    let problem = check_smart_host_list(platform, value, &entries)?;
    Some(suggest_mailroute(&entries, problem))
}

/// A problem with the smart hosts, offering MailRoute's host in one click in place of the
/// first entry that is a slip of typing for it (`guard::near_miss`).
fn suggest_mailroute(entries: &[&str], mut problem: Problem) -> Problem {
    let Some(index) = entries.iter().position(|entry| near_miss(entry)) else { return problem };
    if problem.fix.is_none() {
        problem.message = format!("Did you mean {MAILROUTE_SMART_HOST}? {}", problem.message);
        // Where MailRoute's host is in the list already, the slip is taken out instead. Only
        // the slip changes: the button names any other host it keeps (review F16).
        let mut fixed: Vec<&str> = entries.to_vec();
        fixed[index] = MAILROUTE_SMART_HOST;
        if entries.iter().any(|entry| entry.eq_ignore_ascii_case(MAILROUTE_SMART_HOST)) {
            fixed.remove(index);
        }
        let value = fixed.join(", ");
        let label = match foreign(&value) {
            Some(kept) => format!("Use {MAILROUTE_SMART_HOST} in place of {}, keeping {kept}", entries[index]),
            None => format!("Use {MAILROUTE_SMART_HOST}"),
        };
        problem.fix = Some(Fix { label, value });
    }
    problem
}

fn check_smart_host_list(platform: Platform, value: &str, entries: &[&str]) -> Option<Problem> {
    if let Some(problem) = check_entries(entries, &|entry| check_smart_host(platform, entry).err()) {
        return Some(problem);
    }
    // Sorted, so that a duplicate is found in n log n steps, not n²; a sort of strings, as
    // the page already has for progress, rather than a second copy of the sort's code.
    let mut sorted: Vec<String> = entries.iter().map(|entry| entry.to_ascii_lowercase()).collect();
    sorted.sort_unstable();
    if let Some(twice) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
        let typed = entries.iter().find(|entry| entry.eq_ignore_ascii_case(&twice[0])).unwrap_or(&"");
        return Some(Problem::warning(format!("{typed} is listed twice.")));
    }
    // Exchange 2003 load-balances a mixed list only when names come before IP addresses,
    // by a single source (docs/facts.md §2, [KB-IP-smarthost]; review m11): said as reported.
    let address = |entry: &&str| entry.starts_with('[');
    let first_name = entries.iter().position(|entry| !address(entry));
    let order = match (first_name, platform) {
        (Some(first_name), Platform::Exchange2003) if entries[..first_name].iter().any(address) => {
            " Put host names before IP addresses: with an IP address first, Exchange 2003 reportedly does not share mail across the list."
        }
        _ => "",
    };
    // Anything but MailRoute's own host, named with the reason, until the admin confirms it.
    // An IP address is never MailRoute's, so the advice on order only ever comes with this.
    let suspects = suspects(value);
    if !suspects.is_empty() {
        let mut message = String::new();
        for suspect in suspects {
            message.push_str(&format!("{}: {}. ", suspect.host, suspect.why));
        }
        message.push_str(&format!("MailRoute's host is {MAILROUTE_SMART_HOST}; no file or step uses another until you confirm that MailRoute support gave it to you."));
        message.push_str(order);
        return Some(Problem::warning(message));
    }
    None
}

/// The first problem with an entry of a list, naming the entry when there are several; its
/// fix, if it has one, rewrites the whole list.
fn check_entries(entries: &[&str], check: &dyn Fn(&str) -> Option<Problem>) -> Option<Problem> {
    let (index, mut problem) = entries.iter().enumerate().find_map(|(index, entry)| Some((index, check(entry)?)))?;
    if entries.len() > 1 {
        problem.message = format!("Entry {} ({}): {}", index + 1, entries[index], problem.message);
    }
    if let Some(fix) = problem.fix.as_mut() {
        fix.value = replace_entry(entries, index, &fix.value);
    }
    Some(problem)
}

fn replace_entry(entries: &[&str], index: usize, replacement: &str) -> String {
    let mut fixed: Vec<&str> = entries.to_vec();
    fixed[index] = replacement;
    fixed.join(", ")
}

fn check_smart_host(platform: Platform, entry: &str) -> Result<(), Problem> {
    if entry.is_empty() {
        return Err(empty_entry());
    }
    let bracketed = entry.strip_prefix('[').and_then(|rest| rest.strip_suffix(']'));
    if platform != Platform::Exchange2003 {
        return check_later_smart_host(platform, entry, bracketed);
    }
    if let Some(inner) = bracketed {
        if is_ipv4(inner) {
            return Ok(());
        }
        if inner.contains(':') {
            return Err(ipv6_problem());
        }
        return Err(Problem::error(
            "Square brackets hold an IPv4 address only, like [203.0.113.25]. Write a host name without brackets.",
        ));
    }
    if is_ipv4(entry) {
        // A bare address is looked up as a name; Exchange 2003 wants IP literals bracketed
        // (docs/facts.md §2).
        let bracketed = format!("[{entry}]");
        return Err(Problem {
            severity: Severity::Error,
            message: "Exchange 2003 needs an IP address in square brackets; without them it looks the address up as a host name.".to_string(),
            fix: Some(Fix { label: format!("Use {bracketed}"), value: bracketed }),
        });
    }
    match entry.matches(':').count() {
        0 => {}
        1 => {
            return Err(Problem::error(
                "Remove the port: the smart host field takes no port. Exchange 2003 sends on the SMTP virtual server's outgoing port, 25 unless changed, which is the port MailRoute uses.",
            ))
        }
        _ => return Err(ipv6_problem()),
    }
    check_dns_name(entry)
}

/// From 2007 on, `-SmartHosts` takes names and IP addresses as they are, with no brackets;
/// Exchange Online also takes an IPv4 range in CIDR form (docs/facts.md §3.2, §4).
fn check_later_smart_host(platform: Platform, entry: &str, bracketed: Option<&str>) -> Result<(), Problem> {
    if let Some(inner) = bracketed {
        return Err(Problem {
            severity: Severity::Error,
            message: format!("{} takes an IP address without square brackets.", platform.label()),
            fix: Some(Fix { label: format!("Use {inner}"), value: inner.to_string() }),
        });
    }
    if is_ipv4(entry) {
        return Ok(());
    }
    if let Some((address, bits)) = entry.split_once('/') {
        let cidr = is_ipv4(address) && bits.parse::<u8>().is_ok_and(|bits| bits <= 32) && !bits.starts_with('+');
        return match (platform.family(), cidr) {
            (Family::ExchangeOnline, true) => Ok(()),
            (Family::ExchangeOnline, false) => {
                Err(Problem::error("An address range is an IPv4 address, a slash and 0 to 32, like 203.0.113.0/24."))
            }
            _ => Err(Problem::error(format!(
                "{} takes single hosts here, not address ranges. Enter a host name or one IP address.",
                platform.label()
            ))),
        };
    }
    match entry.matches(':').count() {
        0 => check_dns_name(entry),
        1 => Err(Problem::error(
            "Remove the port: the smart host list takes no port. The connector sends on port 25 unless its port is changed, and 25 is the port MailRoute uses.",
        )),
        _ => Err(Problem::error(
            "Enter a host name or an IPv4 address here: MailRoute's smarthost is reached by name.",
        )),
    }
}

fn ipv6_problem() -> Problem {
    Problem::error("Exchange 2003 accepts a host name or an IPv4 address in square brackets here, not an IPv6 address.")
}

/// Four numbers from 0 to 255, with no leading zeros.
pub fn is_ipv4(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.len() <= 3
                && part.bytes().all(|byte| byte.is_ascii_digit())
                && (part.len() == 1 || !part.starts_with('0'))
                && part.parse::<u16>().is_ok_and(|number| number <= 255)
        })
}

/// RFC 1123 host names: labels of 1–63 letters, digits or hyphens, not starting or ending
/// with a hyphen, 253 characters in all.
fn check_dns_name(name: &str) -> Result<(), Problem> {
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.')) {
        return Err(Problem::error(format!(
            "{} is not allowed in a host name. Use letters, digits, hyphens and dots.",
            describe(bad)
        )));
    }
    if name.len() > 253 {
        return Err(Problem::error(format!("The host name is {} characters long; the limit is 253.", name.len())));
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Err(Problem::error(
                "The host name has an empty part: check for a dot at the start or end, or two dots together.",
            ));
        }
        if label.len() > 63 {
            return Err(Problem::error(format!(
                "The part \"{}…\" is {} characters long; each part between dots may have at most 63.",
                label.chars().take(12).collect::<String>(),
                label.len()
            )));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(Problem::error(format!(
                "The part \"{label}\" starts or ends with a hyphen, which host names do not allow."
            )));
        }
    }
    if name.split('.').all(|label| label.bytes().all(|byte| byte.is_ascii_digit())) {
        return Err(Problem::error(
            "This looks like an IP address but is not a valid IPv4 address (four numbers from 0 to 255).",
        ));
    }
    Ok(())
}

/// A character as Unicode names it, such as U+202E.
fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Names a character so the admin can find it, even when it is invisible.
fn describe(c: char) -> String {
    match c {
        ' ' => "A space".to_string(),
        c if c.is_control() || c.is_whitespace() => {
            format!("The invisible character {}", code_point(c))
        }
        c => format!("\"{c}\""),
    }
}

/// NetBIOS computer names have at most 15 characters (docs/facts.md §2).
const NETBIOS_MAX: usize = 15;

/// Server names, separated by commas; whether one is needed is the plan's rule (`valid`).
fn check_source_servers(value: &str) -> Option<Problem> {
    if value.trim().is_empty() {
        return None;
    }
    check_entries(&entries(value), &|entry| match entry {
        "" => Some(empty_entry()),
        entry => check_server(entry),
    })
}

fn empty_entry() -> Problem {
    Problem::error("This entry is empty. Remove the extra comma or semicolon.")
}

fn check_bridgehead(value: &str) -> Option<Problem> {
    let name = value.trim();
    if name.is_empty() {
        return None;
    }
    check_server(name)
}

/// A server's short (NetBIOS) name or its DNS name.
fn check_server(name: &str) -> Option<Problem> {
    if name.contains('.') {
        return check_dns_name(name).err();
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
        return Some(Problem::error(format!(
            "{} is not allowed in a server name. Use letters, digits and hyphens.",
            describe(bad)
        )));
    }
    if name.len() > NETBIOS_MAX {
        return Some(Problem::error(format!(
            "A server's short (NetBIOS) name has at most {NETBIOS_MAX} characters; this one has {}. Check the name, or type the full DNS name.",
            name.len()
        )));
    }
    None
}
