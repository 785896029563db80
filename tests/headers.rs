#![cfg(not(target_arch = "wasm32"))]
//! The header check over test messages in the shapes Gmail, Outlook.com and Microsoft 365
//! write them (tests/samples/headers/, written for these tests): routed through MailRoute,
//! sent direct, failing SPF and DKIM, with folded and encoded fields.

use smarthost_assistant::domain::calendar::days_from_civil;
use smarthost_assistant::domain::headers::{check, date, fields::fields, received};
use smarthost_assistant::domain::platform::{Family, Platform};
use smarthost_assistant::domain::report::{Level, Report};

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/samples/headers/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn said(report: &Report, level: Level, words: &str) -> bool {
    report.findings.iter().any(|finding| finding.level == level && finding.message.contains(words))
}

fn step_of(report: &Report, words: &str) -> Option<String> {
    report.findings.iter().find(|finding| finding.message.contains(words))?.step.clone()
}

#[test]
fn gmail_through_mailroute_passes_with_every_hop_in_order() {
    let report = check(&sample("gmail-via-mailroute"), Family::SendConnector);
    assert!(
        said(
            &report,
            Level::Pass,
            "left through MailRoute: gw3.lax01.mailroute.net [199.89.3.41] handed it to mx.google.com (hop 3)"
        ),
        "{report:#?}"
    );
    assert!(!report.has(Level::Error) && !report.has(Level::Warning), "{report:#?}");
    assert!(said(&report, Level::Pass, "SPF passes for example.com"));
    assert!(said(&report, Level::Pass, "DKIM passes for example.com, selector mr01"));
    assert!(said(&report, Level::Pass, "DMARC passes for example.com"));
    // The fake Received line in the body is not a hop: the header ends at the blank line.
    // 09:14:03 -0500 and 06:14:09 -0800 are both read into UTC.
    assert_eq!(
        report.lines,
        [
            "From EXCH01.corp.example.com [10.0.0.12] to EXCH01.corp.example.com; 2026-11-28 14:14:03 UTC; the first hop; TLS not stated.",
            "From mail.example.com [203.0.113.25] to gw3.lax01.mailroute.net (MailRoute); 2026-11-28 14:14:05 UTC; 2 s after the hop before; TLS.",
            "From gw3.lax01.mailroute.net [199.89.3.41] (MailRoute) to mx.google.com; 2026-11-28 14:14:09 UTC; 4 s after the hop before; TLS 1.3.",
            "From an unnamed server to 2002:a05:6a10:8f0c:b0:5a1:1234:5678; 2026-11-28 14:14:09 UTC; 0 s after the hop before; TLS not stated.",
        ]
    );
}

#[test]
fn outlook_through_mailroute_is_read_from_microsofts_shapes() {
    let report = check(&sample("outlook-via-mailroute"), Family::SendConnector);
    // Microsoft writes the sender's address bare in the comment, and no authserv-id.
    assert!(
        said(
            &report,
            Level::Pass,
            "gw18.lax01.mailroute.net [199.89.1.118] handed it to BN2PEPF000044A1.mail.protection.outlook.com (hop 2)"
        ),
        "{report:#?}"
    );
    assert!(said(&report, Level::Pass, "SPF passes for example.com"));
    assert!(said(&report, Level::Pass, "DKIM passes for example.com."));
    assert!(said(&report, Level::Pass, "DMARC passes"));
    let tls: Vec<&str> = report.lines.iter().map(|line| line.rsplit("; ").next().unwrap()).collect();
    assert_eq!(tls, ["TLS not stated.", "TLS 1.3.", "TLS 1.3.", "TLS 1.2.", "TLS."]);
    assert!(report.lines[2].starts_with("From BN2PEPF000044A1.namprd02.prod.outlook.com [2603:10b6:408:fe:cafe::5] to BN9PR03CA0123.outlook.office365.com;"), "{}", report.lines[2]);
}

#[test]
fn a_message_sent_direct_points_at_the_smart_host_step_of_each_platform() {
    for (platform, smart_host, address_space, takes_effect) in [
        (Platform::Exchange2003, "general-smart-host", "address-space", "restart-services"),
        (Platform::Exchange2016, "network-settings", "address-space", "check-queues"),
        (Platform::ExchangeOnline, "routing", "use-of-connector", "validate"),
    ] {
        let report = check(&sample("gmail-direct"), platform.family());
        assert!(said(&report, Level::Error, "went direct: none of its 3 hops"), "{report:#?}");
        assert_eq!(step_of(&report, "went direct").as_deref(), Some(smart_host));
        assert_eq!(step_of(&report, "address space").as_deref(), Some(address_space));
        assert!(report.findings.iter().any(|finding| finding.step.as_deref() == Some(takes_effect)), "{platform:?}");
        assert_eq!(step_of(&report, "SPF fails").as_deref(), Some("spf-record"));
        assert!(said(&report, Level::Warning, "no DKIM signature"));
        assert!(said(&report, Level::Error, "DMARC fails for example.com"));
    }
}

#[test]
fn microsoft_365_direct_with_spf_failing() {
    let report = check(&sample("m365-direct-spf-fail"), Family::Exchange2003);
    assert!(said(&report, Level::Error, "went direct"), "{report:#?}");
    assert!(said(&report, Level::Error, "SPF fails (fail) for example.com"));
    assert!(said(&report, Level::Warning, "no DKIM signature"));
    assert!(said(&report, Level::Error, "DMARC fails"));
    assert!(
        report.lines[0].starts_with(
            "From EXCH01.corp.example.com [10.0.0.12] to EXCH01.corp.example.com; 2026-11-28 15:02:40 UTC;"
        ),
        "{}",
        report.lines[0]
    );
}

#[test]
fn spf_softfail_and_a_failing_dkim_signature_through_mailroute() {
    let report = check(&sample("gmail-spf-softfail-dkim-fail"), Family::SendConnector);
    assert!(said(&report, Level::Pass, "left through MailRoute"), "{report:#?}");
    assert!(said(&report, Level::Error, "SPF fails (softfail) for example.com"));
    assert_eq!(step_of(&report, "SPF fails").as_deref(), Some("spf-record"));
    assert!(said(&report, Level::Error, "DKIM fails (fail)"));
    assert_eq!(step_of(&report, "DKIM fails").as_deref(), Some("dkim-dmarc"));
    // Seven minutes in MailRoute's queue, from 16:24:40 to 16:31:55 UTC.
    assert!(said(&report, Level::Warning, "waited 7 min 15 s before hop 2"), "{report:#?}");
}

#[test]
fn a_signature_for_another_domain_is_not_the_senders() {
    let pasted = sample("gmail-via-mailroute").replace("header.i=@example.com", "header.i=@mailroute.net");
    let report = check(&pasted, Family::SendConnector);
    assert!(said(&report, Level::Warning, "signed for mailroute.net, not for example.com"), "{report:#?}");
}

#[test]
fn crlf_line_endings_and_leading_blank_lines_read_the_same() {
    let lf = sample("outlook-via-mailroute");
    let crlf = format!("\r\n\r\n{}", lf.replace('\n', "\r\n"));
    assert_eq!(check(&crlf, Family::SendConnector), check(&lf, Family::SendConnector));
}

#[test]
fn folded_fields_are_unfolded() {
    let headers = fields(&sample("outlook-via-mailroute"));
    let results = headers.iter().find(|header| header.name == "Authentication-Results").unwrap();
    assert_eq!(
        results.value,
        "spf=pass (sender IP is 199.89.1.118) smtp.mailfrom=example.com; dkim=pass (signature was verified) header.d=example.com;dmarc=pass action=none header.from=example.com;compauth=pass reason=100"
    );
}

#[test]
fn a_bounce_pasted_into_the_header_check_is_explained() {
    let bounce = "Delivery has failed to these recipients or groups:\n\ntester@gmail.com\nRemote Server returned '554 5.7.1 <tester@gmail.com>: Relay access denied'\n\nReporting-MTA: dns;gw18.lax01.mailroute.net\n";
    let report = check(bounce, Family::SendConnector);
    assert!(said(&report, Level::Note, "reads as a bounce"), "{report:#?}");
    // The reply itself does not name MailRoute's server, so the refusal is not put on it.
    assert!(said(&report, Level::Error, "does not say it is MailRoute's"), "{report:#?}");
}

#[test]
fn text_that_is_no_header_asks_for_the_whole_header() {
    assert_eq!(check(" \n", Family::SendConnector), Report::default(), "nothing pasted, nothing said");
    for pasted in ["hello", "Subject: only this"] {
        let report = check(pasted, Family::SendConnector);
        assert!(said(&report, Level::Error, "no Received fields"), "{pasted}: {report:#?}");
        assert!(report.lines.is_empty());
    }
}

#[test]
fn a_forged_mailroute_name_from_another_address_is_not_mailroute() {
    let forged = "Received: from gw1.lax01.mailroute.net (unknown [198.51.100.7]) by mx.google.com with ESMTPS; Sat, 28 Nov 2026 10:00:00 +0000\n";
    let report = check(forged, Family::SendConnector);
    assert!(said(&report, Level::Error, "went direct"), "{report:#?}");
    assert!(said(&report, Level::Note, "no Authentication-Results"));
}

#[test]
fn dates_in_the_obsolete_forms_are_read() {
    let noon = days_from_civil(2026, 11, 28) * 86_400 + 12 * 3600;
    assert_eq!(date::parse("Sat, 28 Nov 2026 12:00:00 +0000"), Some(noon));
    assert_eq!(date::parse("28 Nov 26 07:00 EST"), Some(noon));
    assert_eq!(date::parse("Sat Nov 28 12:00:00 2026"), Some(noon));
    assert_eq!(date::parse("Sat, 28 Nov 2026 04:00:00 -0800 (PST)"), Some(noon));
    assert_eq!(date::parse("no date"), None);
    assert_eq!(date::format(noon), "2026-11-28 12:00:00 UTC");
    assert_eq!(date::format(days_from_civil(2024, 2, 29) * 86_400), "2024-02-29 00:00:00 UTC");
    assert_eq!(date::format(0), "1970-01-01 00:00:00 UTC");
}

#[test]
fn outlooks_first_line_and_gmails_summary_above_the_header_are_skipped() {
    let outlook = format!("Microsoft Mail Internet Headers Version 2.0\n{}", sample("outlook-via-mailroute"));
    assert_eq!(check(&outlook, Family::SendConnector), check(&sample("outlook-via-mailroute"), Family::SendConnector));
    // Gmail's "Show original" page copied whole: its summary, a blank line, then the message.
    let page = format!(
        "Original Message\n\nMessage ID\t<0A1B2C3D4E5F@EXCH01.corp.example.com>\nCreated at:\tSat, Nov 28, 2026 at 6:14 AM\nFrom:\tAdmin Example <admin@example.com>\nSPF:\tPASS with IP 199.89.3.41 Learn more\n\nDownload original\tCopy to clipboard\n\n{}",
        sample("gmail-via-mailroute")
    );
    let report = check(&page, Family::SendConnector);
    assert!(said(&report, Level::Pass, "left through MailRoute"), "{report:#?}");
    assert_eq!(report.lines.len(), 4);
}

/// Review n10: DMARC results other than pass and fail say what they mean (RFC 7489 §11.2,
/// and Microsoft's bestguesspass for a domain with no record).
#[test]
fn each_dmarc_result_says_what_it_means() {
    let with = |result: &str| {
        let pasted = sample("gmail-via-mailroute").replace("dmarc=pass", &format!("dmarc={result}"));
        check(&pasted, Family::SendConnector)
    };
    let report = with("permerror");
    assert!(said(&report, Level::Error, "DMARC record of example.com is broken"), "{report:#?}");
    assert_eq!(step_of(&report, "DMARC record").as_deref(), Some("dkim-dmarc"));
    let report = with("temperror");
    assert!(said(&report, Level::Warning, "could not look up the DMARC record"), "{report:#?}");
    assert!(!said(&report, Level::Warning, "publish a _dmarc"));
    for result in ["none", "bestguesspass"] {
        assert!(said(&with(result), Level::Warning, "no DMARC policy in force"), "{result}");
    }
    assert!(said(&with("policy"), Level::Warning, "a result this check does not know: policy"));
}

/// Dates as servers really write them (issue on real-world input): fractions of a second
/// (SendGrid's), RFC 5322 §4.3's obsolete forms (two-digit years, spaces around the colons,
/// zone names), and a `Received` field with no semicolon before its date.
#[test]
fn received_dates_in_their_real_forms() {
    let utc = |text: &str| date::parse(text).map(date::format);
    assert_eq!(utc("Sun, 22 Apr 2018 02:54:16.987 +0000 (UTC)").as_deref(), Some("2018-04-22 02:54:16 UTC"));
    assert_eq!(utc("22 Apr 18 02 : 54 : 16 EDT").as_deref(), Some("2018-04-22 06:54:16 UTC"));
    assert_eq!(utc("Fri, 21 Nov 97 09:55:06 GMT").as_deref(), Some("1997-11-21 09:55:06 UTC"));
    assert_eq!(utc("02:54:16.x +0000"), None);
    let hop = received::parse("from mail.example.com ([203.0.113.25]) by mx.example.net with SMTP id 123 Sun, 22 Apr 2018 02:54:16 +0000 (UTC)");
    assert_eq!(hop.time.map(date::format).as_deref(), Some("2018-04-22 02:54:16 UTC"));
    assert_eq!(hop.by.as_deref(), Some("mx.example.net"));
    // Without the semicolon, only a date that ends the field counts: a number that merely
    // looks like one does not.
    let hop = received::parse("from mail.example.com by mx.example.net with SMTP id 22 Apr 2018 extra words");
    assert_eq!(hop.time, None);
}

fn header_with(results: &str) -> String {
    format!(
        "{results}Received: from gw3.lax01.mailroute.net (gw3.lax01.mailroute.net [199.89.3.41]) by mx.example.net with ESMTPS; Sat, 28 Nov 2026 14:14:09 +0000\nFrom: Admin <admin@example.com>\n\n"
    )
}

/// RFC 8601 §5: every field the receiver wrote counts, one result per method, as iCloud
/// writes one field for each method.
#[test]
fn every_authentication_results_field_of_the_receiver_is_read() {
    let pasted = header_with(
        "Authentication-Results: dmarc.example.net; dmarc=pass header.from=example.com\nAuthentication-Results: dkim-verifier.example.net; dkim=pass (2048-bit key) header.d=example.com header.s=mr01\nAuthentication-Results: dmarc.example.net; spf=pass smtp.mailfrom=example.com\nAuthentication-Results: dmarc.example.net; dkim=pass header.d=example.com header.s=mr01\nAuthentication-Results: forged.example.org; spf=fail smtp.mailfrom=example.com\n",
    );
    let report = check(&pasted, Family::SendConnector);
    assert!(said(&report, Level::Pass, "SPF passes for example.com"), "{report:#?}");
    assert!(said(&report, Level::Pass, "DKIM passes for example.com"), "{report:#?}");
    assert!(said(&report, Level::Pass, "DMARC passes for example.com"));
    assert!(!said(&report, Level::Error, "SPF fails"), "another checker's field does not count");
}

/// RFC 8601 Appendix B.6's comment-heavy example reads as dkim=fail; RFC 4408's hardfail
/// reads as fail; a result value no RFC defines is named as such.
#[test]
fn authentication_results_with_comments_legacy_and_unknown_values() {
    let heavy = header_with("Authentication-Results: example.com (foobar) 1 (baz);\n    dkim (Because I like it) / 1 (One yay) = (wait for it) fail\n      policy (A dot can go here) . (like that) expired\n      (this surprised me) = (as I wasn't expecting it) 1362471462\n");
    let report = check(&heavy, Family::SendConnector);
    assert!(said(&report, Level::Error, "DKIM fails (fail)"), "{report:#?}");
    let legacy = header_with("Authentication-Results: mx.example.net; spf=hardfail smtp.mailfrom=example.com\n");
    assert!(said(&check(&legacy, Family::SendConnector), Level::Error, "SPF fails (fail) for example.com"));
    let unknown = header_with("Authentication-Results: mx.example.net; spf=sideways smtp.mailfrom=example.com\n");
    assert!(said(
        &check(&unknown, Family::SendConnector),
        Level::Warning,
        "a result this check does not know: sideways"
    ));
    let dotted = header_with("Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com. ; dkim=pass header.d=example.com\n");
    assert!(said(&check(&dotted, Family::SendConnector), Level::Pass, "SPF passes for example.com."));
}

/// Review F20: a relay that writes MailRoute's hop below its own does not make the verdict:
/// only the hop at which the recipient's servers took the message counts.
#[test]
fn forged_hops_below_the_receivers_entry_do_not_make_a_pass() {
    let forged = "Received: from mail.example.com (mail.example.com [203.0.113.25]) by mx.google.com with ESMTPS; Sat, 28 Nov 2026 14:14:09 +0000\nReceived: from gw3.lax01.mailroute.net (gw3.lax01.mailroute.net [199.89.3.41]) by mail.example.com; Sat, 28 Nov 2026 14:14:05 +0000\nFrom: Admin <admin@example.com>\n\n";
    let report = check(forged, Family::SendConnector);
    assert!(!said(&report, Level::Pass, "left through MailRoute"), "{report:#?}");
    assert!(said(&report, Level::Warning, "the sender's side wrote them"), "{report:#?}");
    // A sender that names itself after the receiver is known by the name the receiver
    // looked up, so it cannot pass as one of the receiver's own servers.
    let disguised = forged.replace(
        "from mail.example.com (mail.example.com [203.0.113.25]) by mx.google.com",
        "from mx.google.com (attacker.example.org [198.51.100.7]) by mx.google.com",
    );
    assert!(!said(&check(&disguised, Family::SendConnector), Level::Pass, "left through MailRoute"));
    // The receiver's own hops above its entry are passed: the pass stands.
    let gmail = check(&sample("gmail-via-mailroute"), Family::SendConnector);
    assert!(said(&gmail, Level::Pass, "left through MailRoute"));
}

/// What a check comes to, as screen readers hear it after a paste and the progress line
/// states it (issue #23: the whole report was 104 to 144 words): at most 25 words, starting
/// with its level's word; for a bounce pasted as a header, the bounce's own finding.
#[test]
fn each_report_comes_to_a_verdict_of_at_most_25_words() {
    let passing = check(&sample("gmail-via-mailroute"), Family::Exchange2003).with_verdict();
    assert!(
        passing.verdict.starts_with("Passed: The message left through MailRoute: gw3.lax01.mailroute.net"),
        "{}",
        passing.verdict
    );
    let direct = check(&sample("gmail-direct"), Family::SendConnector).with_verdict();
    assert!(direct.verdict.starts_with("Error: The message went direct"), "{}", direct.verdict);
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/samples/bounces");
    let mut read = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|extension| extension != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for family in [Family::Exchange2003, Family::SendConnector, Family::ExchangeOnline] {
            let verdict = check(&text, family).with_verdict().verdict;
            let words = verdict.split_whitespace().count();
            assert!((1..=25).contains(&words), "{path:?}: {words} words: {verdict}");
            assert!(
                ["Error:", "Warning:", "Note:", "Passed:"].iter().any(|word| verdict.starts_with(word)),
                "{verdict}"
            );
            assert!(
                !verdict.starts_with("Note: This reads as a bounce"),
                "{path:?}: the bounce's own finding, not the note: {verdict}"
            );
        }
        read += 1;
    }
    assert!(read >= 20, "{read} bounces read");
    assert_eq!(Report::default().with_verdict().verdict, "", "no finding, no verdict");
}
