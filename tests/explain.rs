#![cfg(not(target_arch = "wasm32"))]
//! The error explainer over real-shaped bounces, queue errors and SMTP replies: MailRoute's
//! own (its quota article's example), Exchange 2003's, 2010's and Exchange Online's, and the
//! big receivers'.

use smarthost_assistant::domain::explain::{explain, status};
use smarthost_assistant::domain::platform::Family;
use smarthost_assistant::domain::report::{Level, Report};

fn first(report: &Report) -> (&str, Option<&str>) {
    let finding = &report.findings[0];
    (finding.message.as_str(), finding.step.as_deref())
}

/// Each text, the words the explanation must hold, and the step it links on 2010.
const TABLE: &[(&str, &str, Option<&str>)] = &[
    (
        "Diagnostic information for administrators:\n\nGenerating server: mail.example.com\n\nbillie@example.org\ngw18.lax01.mailroute.net #554 5.7.1 <billie@example.org>: Recipient address rejected: Policy Rejection- Quota Exceeded. ##",
        "outbound quota",
        None,
    ),
    (
        "Remote Server returned '554 5.7.1 <tester@gmail.com>: Relay access denied'",
        "does not say it is MailRoute's",
        None,
    ),
    (
        "Diagnostic information for administrators:\n\nGenerating server: EX2010.corp.example.com\n\ntester@gmail.com\ngw18.lax01.mailroute.net #554 5.7.1 <tester@gmail.com>: Relay access denied ##",
        "MailRoute refused to relay",
        Some("register-ip"),
    ),
    (
        "gw3.lax01.mailroute.net #550 5.7.1 Relaying denied. IP name lookup failed [203.0.113.25] ##",
        "refused to relay",
        Some("register-ip"),
    ),
    (
        "451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
        "could not be looked up",
        Some("network-settings"),
    ),
    (
        "441 4.4.1 Error encountered while communicating with primary target IP address: \"Failed to connect. Winsock error code: 10060, Win32 error code: 10060.\" Attempted failover to alternate host, but that did not succeed.",
        "port 25",
        Some("network-settings"),
    ),
    (
        "'450 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=outbound.mailroute.net] [LastAttemptedIP=199.89.0.10:25]'",
        "port 25",
        Some("network-settings"),
    ),
    (
        "Server at mail.example.com returned '550 5.4.316 Message expired, connection refused(Socket error code 10061)'",
        "port 25",
        Some("network-settings"),
    ),
    (
        "Your message did not reach some or all of the intended recipients.\n  Subject: Test\nThe following recipient(s) cannot be reached:\n  tester@gmail.com\n    Could not deliver the message in the time limit specified. Please retry or contact your administrator.\n    <mail.example.com #4.4.7>",
        "gave up",
        None,
    ),
    (
        "450 4.4.317 Cannot connect to remote server [Message=SubjectMismatch: the certificate's subject does not match the TlsDomain]",
        "encrypted connection",
        Some("network-settings"),
    ),
    ("530 5.7.0 Must issue a STARTTLS command first", "encrypted connection", Some("network-settings")),
    (
        "550-5.7.26 Unauthenticated email from example.com is not accepted due to\n550-5.7.26 domain's DMARC policy. Please contact the administrator of\n550 5.7.26 example.com domain if you think that this is an error.",
        "DKIM",
        Some("dkim-dmarc"),
    ),
    ("550 5.7.23 SPF validation failed", "SPF record", Some("spf-record")),
    (
        "550 5.7.24 SPF validation error: the domain's SPF record returned a permanent error",
        "could not complete its check",
        Some("spf-record"),
    ),
    (
        "550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject.",
        "DKIM",
        Some("dkim-dmarc"),
    ),
];

#[test]
fn each_error_admins_meet_is_explained_with_its_step() {
    for (text, words, step) in TABLE {
        let report = explain(text, Family::SendConnector);
        let (message, found) = first(&report);
        assert_eq!(report.findings[0].level, Level::Error, "{text}");
        assert!(message.contains(words), "{text}\n→ {message}");
        assert_eq!(found, *step, "{text}");
    }
}

#[test]
fn the_status_code_meaning_follows_the_explanation() {
    let report = explain("554 5.7.1 <a@example.org>: Relay access denied", Family::SendConnector);
    assert_eq!(
        report.findings[1].message,
        "5.7.1: a permanent failure: the message is returned; security or policy; delivery not authorized, message refused (RFC 3463)."
    );
}

#[test]
fn the_step_follows_the_platform() {
    let relay = "gw3.lax01.mailroute.net #554 5.7.1 Relay access denied ##";
    assert_eq!(first(&explain(relay, Family::Exchange2003)).1, Some("register-ip"));
    assert_eq!(first(&explain(relay, Family::ExchangeOnline)).1, Some("mailroute-inbound"));
    // Review n11: the queue's last error names the cause of a 4.4.7, not a restart.
    let expired = "<mail.example.com #4.4.7>";
    let report = explain(expired, Family::Exchange2003);
    let (message, step) = first(&report);
    assert_eq!(step, None);
    assert!(message.contains("Queues in Exchange System Manager"), "{message}");
}

/// Review n1: an SPF error (X.7.24) is not an SPF fail (X.7.23): adding MailRoute's include
/// is not the fix, and could push the record past its lookup limit.
#[test]
fn an_spf_error_is_not_told_to_add_the_include() {
    let report = explain("550 5.7.24 SPF validation error", Family::SendConnector);
    assert!(!report.findings[0].message.contains("include:spf.mailroute.net"), "{report:#?}");
    let report = explain("550 5.7.23 SPF validation failed", Family::SendConnector);
    assert!(report.findings[0].message.contains("include:spf.mailroute.net"), "{report:#?}");
}

/// Review n2: the codes RFC 7372 added name RFC 7372.
#[test]
fn the_security_codes_name_the_rfc_that_defines_them() {
    let meaning = |code: &str| status::find(code).unwrap().meaning();
    assert!(meaning("5.7.26").ends_with("(RFC 7372)."), "{}", meaning("5.7.26"));
    assert!(meaning("5.7.20").ends_with("(RFC 7372)."));
    assert!(meaning("5.7.1").ends_with("(RFC 3463)."));
    assert!(meaning("5.7.27").ends_with("(RFC 3463)."));
}

#[test]
fn an_unknown_error_is_not_recognised_and_gets_its_codes_meaning() {
    let report = explain("552 5.3.4 Message size exceeds fixed maximum message size", Family::SendConnector);
    assert_eq!(report.findings[0].level, Level::Warning);
    assert!(report.findings[0].message.starts_with("Not recognised"));
    assert!(report.findings[1].message.contains("the message is larger than the system accepts"), "{report:#?}");

    let report = explain("Something odd happened", Family::SendConnector);
    assert!(report.findings[0].message.starts_with("Not recognised"));
    assert!(report.findings[1].message.contains("no enhanced status code"));

    let report = explain("451 4.9.99 Odd", Family::SendConnector);
    assert!(report.findings[1].message.contains("a temporary failure"), "{report:#?}");
    assert!(report.findings[1].message.contains("other or undefined"));
}

#[test]
fn status_codes_are_not_read_from_addresses_or_versions() {
    assert_eq!(status::find("connect to 104.4.1.5:25 failed"), None);
    assert_eq!(status::find("Exchange 15.2.1544.4"), None);
    assert_eq!(status::find("version 2.0.0 ok"), None);
    assert_eq!(status::find("said: 550 5.7.1 no").map(|status| status.text()), Some("5.7.1".to_string()));
    assert_eq!(status::find("#4.4.7>").map(|status| status.text()), Some("4.4.7".to_string()));
    // An IP address is not an error code, so it does not explain a connection failure.
    assert!(explain("connect to 104.4.1.5 said hello", Family::SendConnector).findings[0]
        .message
        .starts_with("Not recognised"));
}

#[test]
fn nothing_pasted_says_nothing() {
    assert_eq!(explain("  \n", Family::SendConnector), Report::default());
}

/// An "Access denied" in MailRoute's own name is MailRoute's refusal, not an unknown
/// recipient: MailRoute relays and knows no mailboxes.
#[test]
fn mailroutes_own_access_denied_is_not_put_on_the_recipient() {
    let mailroute = explain(
        "gw3.lax01.mailroute.net #554 5.7.1 <x@example.org>: Recipient address rejected: Access denied ##",
        Family::SendConnector,
    );
    assert!(mailroute.findings[0].message.starts_with("MailRoute's server refused"), "{mailroute:#?}");
    let online = explain(
        "Remote Server returned '550 5.4.1 [x@example.org]: Recipient address rejected: Access denied'",
        Family::ExchangeOnline,
    );
    assert!(online.findings[0].message.contains("recipient's address does not exist"), "{online:#?}");
}

/// MailRoute's quota wording counts as MailRoute's only from MailRoute's server.
#[test]
fn a_quota_reply_is_mailroutes_only_from_mailroute() {
    let elsewhere = explain(
        "mx.example.net #554 5.7.1 <x@example.org>: Policy Rejection- Quota Exceeded ##",
        Family::SendConnector,
    );
    assert!(!elsewhere.findings[0].message.contains("MailRoute's outbound quota"), "{elsewhere:#?}");
}

/// A refusal from MailRoute that no rule above names points at the registration on
/// premises, and at the domain's set-up in MailRoute on Exchange Online.
#[test]
fn mailroutes_other_refusals_point_at_what_mailroute_knows() {
    let text = "gw3.lax01.mailroute.net #554 5.7.1 Service unavailable ##";
    let premises = explain(text, Family::SendConnector);
    assert!(premises.findings[0].message.contains("registered under Outbound Servers"), "{premises:#?}");
    assert_eq!(premises.findings[0].step.as_deref(), Some("register-ip"));
    let online = explain(text, Family::ExchangeOnline);
    assert!(online.findings[0].message.contains("server type Office 365"), "{online:#?}");
    assert!(!online.findings[0].message.contains("Outbound Servers"));
    assert_eq!(online.findings[0].step.as_deref(), Some("mailroute-inbound"));
}

/// Whole codes: a code names a cause only with its class where the class matters.
#[test]
fn a_code_matches_with_its_class() {
    assert!(explain("451 4.4.1 No answer from host", Family::SendConnector).findings[0]
        .message
        .contains("could not open a connection"));
    assert!(explain("550 5.4.1 Rejected", Family::SendConnector).findings[0].message.starts_with("Not recognised"));
}
