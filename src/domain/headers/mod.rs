//! The header check: the admin pastes the header of a test message as an outside mailbox
//! received it, and reads whether it left through MailRoute, each hop on the way, and what
//! the recipient's server found of SPF, DKIM and DMARC, with the step that fixes each problem.
//!
//! MailRoute's servers: host names under `mailroute.net` (their certificates are
//! `*.mailroute.net`) and the addresses 199.89.0.0/21 (docs/facts.md §5).

pub mod auth;
pub mod date;
pub mod fields;
pub mod received;

use crate::domain::checklist::{step_for, Topic};
use crate::domain::explain;
use crate::domain::platform::Family;
use crate::domain::report::{Level, Report};
use crate::domain::validate::is_ipv4;
use auth::{aligned, Outcome};
use fields::{address_domain, fields, named};
use received::Hop;

/// A queue this long at one hop is worth a word (seconds).
const SLOW_HOP: i64 = 300;

pub fn check(pasted: &str, family: Family) -> Report {
    let mut report = Report::default();
    if pasted.trim().is_empty() {
        return report;
    }
    // A bounce is explained as the bounce it is: the original message's header that it
    // quotes is not the test's result.
    if let Some(bounce) = explain::bounce(pasted, family) {
        report.say(Level::Note, "This reads as a bounce, not the header of a delivered message:");
        report.findings.extend(bounce.findings);
        return report;
    }
    let headers = fields(pasted);
    let mut hops: Vec<Hop> = named(&headers, "Received").map(received::parse).collect();
    // Each server adds its field on top: the journey reads from the bottom up.
    hops.reverse();
    if hops.is_empty() {
        let bounce = explain::explain(pasted, family);
        if bounce.has(Level::Error) {
            report.say(Level::Note, "This reads as a bounce or an error, not the header of a delivered message:");
            report.findings.extend(bounce.findings);
        } else {
            report.say(
                Level::Error,
                "There are no Received fields here. Paste the whole header of the message as the outside mailbox received it, from its first line down to the blank line before the text.",
            );
        }
        return report;
    }
    route(&mut report, &hops, family);
    report.lines = hops_in_order(&hops);
    let sender = named(&headers, "From").next().and_then(address_domain);
    match auth::results(&headers) {
        Some(results) => {
            spf(&mut report, results.spf.as_ref(), sender.as_deref(), family);
            dkim(&mut report, &results.dkim, sender.as_deref(), family);
            dmarc(&mut report, results.dmarc.as_ref(), family);
        }
        None => report.say(
            Level::Note,
            "The header holds no Authentication-Results, so SPF, DKIM and DMARC cannot be read from it. Large mail services such as Gmail and Outlook.com add them: send the test to a mailbox there.",
        ),
    }
    report
}

/// Whether the message left through MailRoute, and if not, where to look. Only the hop at
/// which the recipient's servers took the message from outside decides it: every field
/// below that one was written before the message reached them, by whoever sent it, and a
/// sender can write anything there (review F20).
fn route(report: &mut Report, hops: &[Hop], family: Family) {
    let Some(entry) = entry(hops) else {
        report.say(
            Level::Warning,
            "Every hop here is between the receiving side's own servers: paste the header as the outside mailbox received it.",
        );
        return;
    };
    let claimed = hops[..entry].iter().rposition(from_mailroute);
    let exit = &hops[entry];
    if from_mailroute(exit) {
        report.say(
            Level::Pass,
            format!(
                "The message left through MailRoute: {} handed it to {} (hop {}).",
                sender_name(exit),
                exit.by.as_deref().unwrap_or("the recipient's server"),
                entry + 1
            ),
        );
    } else if let Some(index) = claimed {
        report.say(
            Level::Warning,
            format!(
                "The recipient's servers took the message from {} (hop {}). The fields below that hop say it passed through MailRoute (hop {}), but the sender's side wrote them, so they prove nothing: send the test to a mailbox at a large provider, such as Gmail, which takes mail straight from the sender.",
                sender_name(exit),
                entry + 1,
                index + 1
            ),
        );
    } else if let Some(index) = hops.iter().position(|hop| hop.by.as_deref().is_some_and(is_mailroute_name)) {
        report.say(
            Level::Warning,
            format!(
                "MailRoute took the message (hop {}), but no hop shows it leaving MailRoute. Copy the header from the outside mailbox that received it.",
                index + 1
            ),
        );
    } else {
        report.point(
            Level::Error,
            format!(
                "The message went direct: none of its {} hops passed through MailRoute's servers (names ending in .mailroute.net, addresses 199.89.0.0 to 199.89.7.255). Check the smart host on the connector.",
                hops.len()
            ),
            step_for(family, Topic::SmartHost),
        );
        report.point(
            Level::Note,
            "If the smart host is right, check that the connector takes mail for every recipient domain: its address space is *.",
            step_for(family, Topic::AddressSpace),
        );
        let takes_effect = match family {
            Family::Exchange2003 => {
                "On Exchange 2003 the connector is used once the routing and SMTP services have restarted."
            }
            Family::SendConnector => "Mail queued before the change may still leave the old way: check the queues.",
            Family::ExchangeOnline => "The connector routes mail only once it is turned on, after its validation.",
        };
        report.point(Level::Note, takes_effect, step_for(family, Topic::TakesEffect));
    }
    for (index, pair) in hops.windows(2).enumerate() {
        if let (Some(before), Some(after)) = (pair[0].time, pair[1].time) {
            if after - before >= SLOW_HOP {
                report.say(
                    Level::Warning,
                    format!(
                        "The message waited {} before hop {}: it sat in a queue there.",
                        duration(after - before),
                        index + 2
                    ),
                );
            }
        }
    }
}

/// Each hop as one line, in the order the message travelled: who handed it to whom, when,
/// how long after the hop before, and whether over TLS.
fn hops_in_order(hops: &[Hop]) -> Vec<String> {
    let mailroute = |is: bool| if is { " (MailRoute)" } else { "" };
    let mut before = None;
    let mut lines = Vec::with_capacity(hops.len());
    for (index, hop) in hops.iter().enumerate() {
        let time = hop.time.map_or_else(|| "time not stated".to_string(), date::format);
        let delay = match (before, hop.time) {
            (None, _) if index == 0 => "the first hop".to_string(),
            (Some(before), Some(now)) if now >= before => format!("{} after the hop before", duration(now - before)),
            (Some(before), Some(now)) => format!("{} before the hop before: the clocks differ", duration(before - now)),
            _ => "delay unknown".to_string(),
        };
        before = hop.time.or(before);
        lines.push(format!(
            "From {}{} to {}{}; {time}; {delay}; {}.",
            sender_name(hop),
            mailroute(from_mailroute(hop)),
            hop.by.as_deref().unwrap_or("a server not stated"),
            mailroute(hop.by.as_deref().is_some_and(is_mailroute_name)),
            hop.tls.as_deref().unwrap_or("TLS not stated"),
        ));
    }
    lines
}

/// The hop, counted from the first, at which the recipient's servers took the message from
/// outside. From the top down, the hops their own servers wrote among themselves are
/// passed: no sender named, a sender at a private address, or a sender in the domain of
/// one of the receiving servers seen so far (Microsoft's pass through outlook.com and
/// office365.com names). The sender's name is the one the receiver looked up, where it
/// recorded one; the name the sender gave itself counts only where no public IPv4 address
/// was recorded, which is how Microsoft's servers write their own hops.
fn entry(hops: &[Hop]) -> Option<usize> {
    let mut receivers: Vec<String> = Vec::new();
    for (index, hop) in hops.iter().enumerate().rev() {
        receivers.extend(hop.by.as_deref().map(organisation));
        let public_ipv4 = hop.from_ip.as_deref().is_some_and(|ip| is_ipv4(ip) && !is_private(ip));
        let name = hop.from.get(1).or(hop.from.first().filter(|_| !public_ipv4));
        let internal = (hop.from.is_empty() && hop.from_ip.is_none())
            || hop.from_ip.as_deref().is_some_and(is_private)
            || name.is_some_and(|name| receivers.contains(&organisation(name)));
        if !internal {
            return Some(index);
        }
    }
    None
}

/// A name's organisation, roughly: its last two labels, or three under a country's
/// second-level domain such as co.uk (no public-suffix list is shipped).
fn organisation(name: &str) -> String {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = name.rsplit('.').collect();
    let take = match labels.as_slice() {
        [top, second, ..] if top.len() == 2 && second.len() <= 3 => 3,
        _ => 2,
    };
    labels.iter().take(take).rev().copied().collect::<Vec<_>>().join(".")
}

/// Addresses no server on the internet sends from: private, loopback and link-local
/// (RFC 1918, RFC 4193, RFC 4291).
fn is_private(ip: &str) -> bool {
    match octets(ip).as_slice() {
        [10, ..] | [127, ..] | [192, 168, ..] | [169, 254, ..] => true,
        [172, second, ..] => (16..=31).contains(second),
        [_, _, _, _] => false,
        _ => {
            let lower = ip.to_ascii_lowercase();
            lower == "::1" || lower.starts_with("fc") || lower.starts_with("fd") || lower.starts_with("fe80")
        }
    }
}

/// The sending server as the receiver saw it: its names and its address. Each name once,
/// found in a set: a field with thousands of comments stays linear (review F19).
fn sender_name(hop: &Hop) -> String {
    let mut seen = std::collections::HashSet::new();
    let names: Vec<&str> =
        hop.from.iter().filter(|name| seen.insert(name.to_ascii_lowercase())).map(String::as_str).collect();
    let names = if names.is_empty() { "an unnamed server".to_string() } else { names.join(" / ") };
    match &hop.from_ip {
        Some(ip) if !names.contains(ip.as_str()) => format!("{names} [{ip}]"),
        _ => names,
    }
}

/// Whether MailRoute sent this hop: by its address when the receiver recorded one, which a
/// sender cannot choose, or else by its name.
fn from_mailroute(hop: &Hop) -> bool {
    match &hop.from_ip {
        Some(ip) => is_mailroute_address(ip),
        None => hop.from.iter().any(|name| is_mailroute_name(name)),
    }
}

fn is_mailroute_name(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "mailroute.net" || name.ends_with(".mailroute.net")
}

/// 199.89.0.0/21: 199.89.0.0 to 199.89.7.255.
fn is_mailroute_address(ip: &str) -> bool {
    matches!(octets(ip).as_slice(), [199, 89, third, _] if *third < 8)
}

/// The numbers of a dotted address; fewer than four for anything else.
fn octets(ip: &str) -> Vec<u8> {
    ip.split('.').filter_map(|part| part.parse().ok()).collect()
}

/// `2 min 5 s`, `1 h 3 min`, `4 s`.
fn duration(seconds: i64) -> String {
    match seconds {
        0..=59 => format!("{seconds} s"),
        60..=3599 => format!("{} min {} s", seconds / 60, seconds % 60),
        _ => format!("{} h {} min", seconds / 3600, seconds % 3600 / 60),
    }
}

fn spf(report: &mut Report, outcome: Option<&Outcome>, sender: Option<&str>, family: Family) {
    let step = step_for(family, Topic::Spf);
    let Some(outcome) = outcome else {
        report.point(Level::Warning, "The receiver recorded no SPF result.", step);
        return;
    };
    let domain = outcome.domain.as_deref().or(sender).unwrap_or("the sender's domain");
    match outcome.result.as_str() {
        "pass" => report.say(Level::Pass, format!("SPF passes for {domain}.")),
        "fail" | "softfail" => report.point(
            Level::Error,
            format!("SPF fails ({}) for {domain}: its SPF record does not list MailRoute's servers. Add include:spf.mailroute.net.", outcome.result),
            step,
        ),
        "none" => report.point(Level::Error, format!("{domain} has no SPF record: publish one that includes spf.mailroute.net."), step),
        "neutral" => report.point(
            Level::Warning,
            format!("SPF is neutral for {domain}: the record neither allows nor refuses MailRoute's servers. Add include:spf.mailroute.net before the all term."),
            step,
        ),
        "permerror" => {
            report.point(Level::Error, format!("The SPF record of {domain} is broken (permerror): paste it into the SPF helper."), step)
        }
        "temperror" => report.point(
            Level::Warning,
            format!("SPF for {domain} could not be checked (temperror); a DNS error at the time usually clears. Send another test."),
            step,
        ),
        // RFC 8601 §2.7.2: the receiver's own policy overrode the result.
        "policy" => report.say(Level::Warning, format!("The receiver's own policy decided SPF for {domain} (policy), not the record.")),
        other => report.say(Level::Warning, format!("The receiver gave SPF for {domain} a result this check does not know: {other}.")),
    }
}

fn dkim(report: &mut Report, outcomes: &[Outcome], sender: Option<&str>, family: Family) {
    let step = step_for(family, Topic::DkimDmarc);
    let passing: Vec<&Outcome> = outcomes.iter().filter(|outcome| outcome.result == "pass").collect();
    let own = passing.iter().find(
        |outcome| matches!((outcome.domain.as_deref(), sender), (Some(found), Some(sender)) if aligned(found, sender)),
    );
    match (own, passing.first(), outcomes.first()) {
        (Some(own), _, _) => {
            let domain = own.domain.as_deref().unwrap_or_default();
            let selector = own.selector.as_deref().map(|selector| format!(", selector {selector}")).unwrap_or_default();
            report.say(Level::Pass, format!("DKIM passes for {domain}{selector}."));
        }
        (None, Some(other), _) => report.point(
            Level::Warning,
            format!(
                "The message is signed for {}, not for {}: add the three mr0N._domainkey CNAME records so that MailRoute signs for your domain.",
                other.domain.as_deref().unwrap_or("another domain"),
                sender.unwrap_or("the sender's domain")
            ),
            step,
        ),
        (None, None, Some(failed)) if failed.result == "temperror" => report.say(
            Level::Warning,
            "DKIM could not be checked (temperror): a DNS error at the time usually clears. Send another test.",
        ),
        (None, None, Some(failed)) if !["none", "fail", "permerror", "neutral", "policy"].contains(&failed.result.as_str()) => {
            report.say(Level::Warning, format!("The receiver gave DKIM a result this check does not know: {}.", failed.result))
        }
        (None, None, Some(failed)) if failed.result != "none" => report.point(
            Level::Error,
            format!("DKIM fails ({}): check the three mr0N._domainkey CNAME records.", failed.result),
            step,
        ),
        _ => report.point(
            Level::Warning,
            "The message has no DKIM signature: add the three mr0N._domainkey CNAME records that let MailRoute sign for your domain.",
            step,
        ),
    }
}

fn dmarc(report: &mut Report, outcome: Option<&Outcome>, family: Family) {
    let step = step_for(family, Topic::DkimDmarc);
    match outcome.map(|outcome| (outcome.result.as_str(), outcome.domain.as_deref().unwrap_or("the sender's domain"))) {
        Some(("pass", domain)) => report.say(Level::Pass, format!("DMARC passes for {domain}.")),
        Some(("fail", domain)) => report.point(
            Level::Error,
            format!("DMARC fails for {domain}: neither SPF nor DKIM passed for it. Fix those above first."),
            step,
        ),
        // RFC 7489 §11.2's results, and Microsoft's bestguesspass for a domain with no record
        // (review n10).
        Some(("permerror", domain)) => report.point(
            Level::Error,
            format!("The DMARC record of {domain} is broken (permerror): check the _dmarc TXT record's syntax."),
            step,
        ),
        Some(("temperror", domain)) => report.say(
            Level::Warning,
            format!("The receiver could not look up the DMARC record of {domain} (temperror, a DNS failure): check again with a later message."),
        ),
        Some(("none" | "bestguesspass", domain)) => report.point(
            Level::Warning,
            format!("{domain} has no DMARC policy in force: publish a _dmarc TXT record."),
            step,
        ),
        Some((other, domain)) => report.say(
            Level::Warning,
            format!("The receiver gave DMARC for {domain} a result this check does not know: {other}."),
        ),
        None => report.point(Level::Warning, "The receiver recorded no DMARC result.", step),
    }
}
