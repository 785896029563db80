#![cfg(not(target_arch = "wasm32"))]
//! The error explainer and the header check over bounces in the formats the mail systems
//! write them (tests/samples/bounces/, its README names the source of each format and
//! wording): every sample is explained as `expected.tsv` says, for its platform, with the
//! words it must hold, its step, and none of the words that would be wrong there.

use std::collections::BTreeMap;

use smarthost_assistant::domain::explain::explain;
use smarthost_assistant::domain::headers::check;
use smarthost_assistant::domain::platform::Family;
use smarthost_assistant::domain::report::{Level, Report};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/samples/bounces");

struct Expected {
    file: String,
    family: Family,
    class: String,
    words: String,
    step: Option<String>,
    forbidden: Vec<String>,
    /// An error for a cause on the admin's side of this change; a warning for the
    /// recipient's side, Microsoft's and Exchange's own refusals, and what is not recognised.
    level: Level,
}

fn expected() -> Vec<Expected> {
    let table = std::fs::read_to_string(format!("{SAMPLES}/expected.tsv")).unwrap();
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let family = match columns[1] {
                "exchange-2003" => Family::Exchange2003,
                "send-connector" => Family::SendConnector,
                "exchange-online" => Family::ExchangeOnline,
                other => panic!("no family {other}"),
            };
            Expected {
                file: columns[0].to_string(),
                family,
                class: columns[2].to_string(),
                words: columns[3].to_string(),
                step: Some(columns[4]).filter(|step| *step != "-").map(str::to_string),
                forbidden: columns[5].split(',').filter(|word| !word.is_empty()).map(str::to_string).collect(),
                level: match columns[6] {
                    "error" => Level::Error,
                    "warning" => Level::Warning,
                    other => panic!("no level {other}"),
                },
            }
        })
        .collect()
}

/// Why `report` does not say what `expected` asks for, or None when it does.
fn wrong(report: &Report, expected: &Expected) -> Option<String> {
    let Some(first) = report.findings.first() else { return Some("nothing said".to_string()) };
    let all: String = report.findings.iter().map(|finding| finding.message.as_str()).collect::<Vec<_>>().join(" ");
    if !first.message.contains(&expected.words) {
        return Some(format!("said: {}", first.message));
    }
    if first.level != expected.level {
        return Some(format!("level {:?}, not {:?}", first.level, expected.level));
    }
    if first.step != expected.step {
        return Some(format!("step {:?}, not {:?}", first.step, expected.step));
    }
    expected.forbidden.iter().find(|word| all.contains(word.as_str())).map(|word| format!("says \"{word}\": {all}"))
}

#[test]
fn every_sample_is_explained_as_expected() {
    let mut per_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for expected in expected() {
        let pasted = std::fs::read_to_string(format!("{SAMPLES}/{}", expected.file)).unwrap();
        let report = explain(&pasted, expected.family);
        let count = per_class.entry(expected.class.clone()).or_default();
        count.1 += 1;
        match wrong(&report, &expected) {
            None => count.0 += 1,
            Some(why) => failures.push(format!("{} ({:?}): {why}", expected.file, expected.family)),
        }
    }
    for (class, (right, all)) in &per_class {
        println!("{class}: {right} of {all}");
    }
    assert!(per_class.values().map(|(_, all)| all).sum::<usize>() >= 34);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A bounce pasted into the header check is explained as the bounce it is; the original
/// message's header it quotes, which went direct, is not the test's result (ux.md).
#[test]
fn a_bounce_with_the_original_header_inside_is_read_as_a_bounce() {
    let pasted = std::fs::read_to_string(format!("{SAMPLES}/exchange-2010-mailroute-relay-denied.txt")).unwrap();
    let report = check(&pasted, Family::SendConnector);
    assert!(report.findings[0].message.contains("reads as a bounce"), "{report:#?}");
    assert!(report.findings[1].message.contains("MailRoute refused to relay"), "{report:#?}");
    assert_eq!(report.findings[1].step.as_deref(), Some("register-ip"));
    assert!(!report.findings.iter().any(|finding| finding.message.contains("went direct")));
    assert!(report.lines.is_empty(), "no hops are read from the quoted header");
}

/// Structure first: each format is recognised, and its diagnostic is what that format puts
/// where the reason goes, nothing else (no transcript, no quoted header, no comment).
#[test]
fn each_format_gives_its_diagnostic() {
    use smarthost_assistant::domain::explain::bounce::{read, Format};
    let read_file = |name: &str| read(&std::fs::read_to_string(format!("{SAMPLES}/{name}")).unwrap());
    let cases: &[(&str, Format, &[&str])] = &[
        (
            "exchange-2010-mailroute-relay-denied.txt",
            Format::Exchange,
            &["gw18.lax01.mailroute.net 554 5.7.1 <tester@gmail.com>: Relay access denied"],
        ),
        (
            "exchange-online-4-4-316.txt",
            Format::Exchange,
            &["550 5.4.316 Message expired, connection refused(Socket error code 10061)"],
        ),
        ("exchange-2003-expired.txt", Format::Exchange2003, &["mail.example.com #4.4.7"]),
        (
            "dsn-user-unknown-reported-by-mailroute.txt",
            Format::Dsn,
            &[
                "Remote-MTA: dns; mx.example.org",
                "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
            ],
        ),
        ("dsn-relay-not-permitted.txt", Format::Dsn, &["Remote-MTA: dns; mx-s1-1.example.net", "550 relay not permitted"]),
        (
            "postfix-user-unknown-with-tls-comment.txt",
            Format::Postfix,
            &["host mx.example.org[192.0.2.10] said: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"],
        ),
        ("exim-retry-timeout.txt", Format::Exim, &["friend@example.net", "retry timeout exceeded"]),
        (
            "sendmail-transcript-user-unknown.txt",
            Format::Sendmail,
            &["550 5.1.1 <nobody@example.org>... User unknown"],
        ),
        (
            "gmail-unauthenticated-5-7-26.txt",
            Format::Gmail,
            &[
                "550-5.7.26 Unauthenticated email from example.com is not accepted due to",
                "550-5.7.26 domain's DMARC policy. Please contact the administrator of",
                "550 5.7.26 example.com domain if you think that this is an error.",
            ],
        ),
        (
            "reply-ehlo-transcript-relay.txt",
            Format::Reply,
            &["554 5.7.1 <friend@example.net>: Relay access denied (gw3.lax01.mailroute.net)"],
        ),
    ];
    for (name, format, lines) in cases {
        let diagnostic = read_file(name);
        assert_eq!(diagnostic.format, *format, "{name}");
        assert_eq!(diagnostic.lines, *lines, "{name}");
        assert_eq!(diagnostic.format.is_bounce(), *format != Format::Reply, "{name}");
    }
}

/// A bounce whose reason is not where its format puts it is read whole, less its
/// transcript; an RFC 3464 report without a diagnostic code gives its Status.
#[test]
fn a_bounce_without_its_usual_diagnostic_is_still_read() {
    use smarthost_assistant::domain::explain::bounce::{read, Format};
    let postfix = read("This is the mail system at host relay.example.com.\n\n550 5.1.1 user unknown\n");
    assert_eq!(postfix.format, Format::Postfix);
    assert_eq!(postfix.lines, ["This is the mail system at host relay.example.com.", "550 5.1.1 user unknown"]);
    let status = read("Final-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.1.1\n");
    assert_eq!(status.lines, ["Status: 5.1.1"]);
    let bare =
        read("Final-Recipient: rfc822; x@example.org\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user\n");
    assert_eq!(bare.lines, ["550 5.1.1 no such user"], "no Remote-MTA: the code alone, no Status");
}

/// Gmail may put the reply on the line that introduces it.
#[test]
fn gmails_reply_on_its_own_line_or_after_the_words() {
    use smarthost_assistant::domain::explain::bounce::read;
    let inline = read("Message not delivered\n\nThe response was: 550 5.7.26 Unauthenticated email from example.com is not accepted\n\nMore text\n");
    assert_eq!(inline.lines, ["550 5.7.26 Unauthenticated email from example.com is not accepted"]);
}
