#![cfg(not(target_arch = "wasm32"))]
//! The SPF helper: records from RFC 7208's examples (Appendix A and §5) get MailRoute's
//! include once, before `all`; broken records get specific messages and no suggestion.

use smarthost_assistant::domain::report::{Level, Report};
use smarthost_assistant::domain::spf::{check, NEW_RECORD};

fn record(pasted: &str) -> String {
    let report = check(pasted, false);
    report.record.unwrap_or_else(|| panic!("{pasted}: {:?}", report.findings))
}

fn said(report: &Report, level: Level, words: &str) -> bool {
    report.findings.iter().any(|finding| finding.level == level && finding.message.contains(words))
}

fn errors(pasted: &str) -> Vec<String> {
    let report = check(pasted, false);
    assert_eq!(report.record, None, "{pasted}");
    report.findings.into_iter().filter(|finding| finding.level == Level::Error).map(|finding| finding.message).collect()
}

#[test]
fn rfc_7208_examples_get_the_include_before_all() {
    for (pasted, expected) in [
        ("v=spf1 a -all", "v=spf1 a include:spf.mailroute.net -all"),
        ("v=spf1 a:example.org -all", "v=spf1 a:example.org include:spf.mailroute.net -all"),
        ("v=spf1 mx mx:example.org -all", "v=spf1 mx mx:example.org include:spf.mailroute.net -all"),
        ("v=spf1 mx/30 mx:example.org/30 -all", "v=spf1 mx/30 mx:example.org/30 include:spf.mailroute.net -all"),
        ("v=spf1 ip4:192.0.2.128/28 -all", "v=spf1 ip4:192.0.2.128/28 include:spf.mailroute.net -all"),
        (
            "v=spf1 include:example.com include:example.net -all",
            "v=spf1 include:example.com include:example.net include:spf.mailroute.net -all",
        ),
        ("v=spf1 ip6:2001:db8::/32 ~all", "v=spf1 ip6:2001:db8::/32 include:spf.mailroute.net ~all"),
        (
            "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
            "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} include:spf.mailroute.net -all",
        ),
        // No all term: a redirect takes its place, and the include goes before it.
        ("v=spf1 redirect=_spf.example.com", "v=spf1 include:spf.mailroute.net redirect=_spf.example.com"),
        (
            "v=spf1 mx a:mail.example.com/24//64 ?all",
            "v=spf1 mx a:mail.example.com/24//64 include:spf.mailroute.net ?all",
        ),
    ] {
        assert_eq!(record(pasted), expected, "{pasted}");
    }
}

#[test]
fn mailroutes_own_example_comes_back_as_mailroute_shows_it() {
    assert_eq!(record("v=spf1 ip4:192.168.0.0/27 -all"), "v=spf1 ip4:192.168.0.0/27 include:spf.mailroute.net -all");
}

#[test]
fn what_dns_tools_and_zone_files_show_is_read_too() {
    let expected = "v=spf1 include:spf.protection.outlook.com include:spf.mailroute.net -all";
    for pasted in [
        "\"v=spf1 include:spf.protection.outlook.com -all\"",
        "example.com. 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"",
        "example.com.  IN  TXT  \"v=spf1 include:spf.protection.\" \"outlook.com -all\"",
        "@ IN TXT v=spf1 include:spf.protection.outlook.com -all",
        "\"google-site-verification=abc\"\n\"v=spf1   include:spf.protection.outlook.com   -all\"\n",
    ] {
        assert_eq!(record(pasted), expected, "{pasted}");
    }
}

#[test]
fn an_empty_paste_gets_mailroutes_record() {
    let report = check("  \n", false);
    assert_eq!(report.record.as_deref(), Some(NEW_RECORD));
    assert_eq!(NEW_RECORD, "v=spf1 include:spf.mailroute.net -all");
    assert!(said(&report, Level::Note, "no SPF record"));
}

#[test]
fn the_include_is_added_once() {
    let report = check("v=spf1 mx include:spf.mailroute.net -all", false);
    assert_eq!(report.record.as_deref(), Some("v=spf1 mx include:spf.mailroute.net -all"));
    assert!(said(&report, Level::Note, "already includes"));
    assert_eq!(record("v=spf1 +include:SPF.MailRoute.net ~all"), "v=spf1 +include:SPF.MailRoute.net ~all");
}

#[test]
fn more_than_one_spf_record_is_an_error() {
    let messages = errors("v=spf1 mx -all\nv=spf1 include:example.net ~all");
    assert!(messages[0].contains("2 records"), "{messages:?}");
}

#[test]
fn more_than_ten_lookups_is_an_error() {
    // RFC 7208 §4.6.4: beyond 10, every check ends in a permanent error.
    let pasted =
        format!("v=spf1 {} -all", (1..=10).map(|n| format!("include:s{n}.example.com")).collect::<Vec<_>>().join(" "));
    let report = check(&pasted, false);
    assert!(said(&report, Level::Error, "11 terms that need a DNS lookup"), "{:?}", report.findings);
    assert_eq!(report.record, None, "no record that would fail every check");
    let nine = "v=spf1 a mx ptr:example.com exists:%{i}.x.example include:a.example include:b.example include:c.example include:d.example redirect=e.example";
    let report = check(nine, false);
    assert!(said(&report, Level::Note, "10 terms that need a DNS lookup"), "{:?}", report.findings);
    assert!(!said(&report, Level::Warning, "DNS lookup"));
    assert!(
        !said(&check("v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -all", false), Level::Warning, "DNS lookup"),
        "ip4 and ip6 cost none"
    );
}

#[test]
fn a_record_too_long_for_one_dns_string_is_a_warning() {
    let long = format!("v=spf1 {} -all", (1..=16).map(|n| format!("ip4:198.51.100.{n}")).collect::<Vec<_>>().join(" "));
    let report = check(&long, false);
    assert!(said(&report, Level::Warning, "at most 255"), "{:?}", report.findings);
    let quoted = format!("\"{long}\"");
    assert!(said(&check(&quoted, false), Level::Warning, "One quoted string is"));
}

#[test]
fn plus_all_and_a_missing_all_are_warnings() {
    for (pasted, expected) in [
        ("v=spf1 mx +all", "v=spf1 mx include:spf.mailroute.net +all"),
        ("v=spf1 mx all", "v=spf1 mx include:spf.mailroute.net all"),
    ] {
        let report = check(pasted, false);
        assert!(said(&report, Level::Warning, "+all"), "{pasted}");
        assert_eq!(report.record.as_deref(), Some(expected));
    }
    let report = check("v=spf1 mx", false);
    assert!(said(&report, Level::Warning, "no all term"));
    assert_eq!(report.record.as_deref(), Some("v=spf1 mx include:spf.mailroute.net"));
    assert!(said(&check("v=spf1 -all mx", false), Level::Warning, "after \"all\""));
    assert!(said(&check("v=spf1 ptr -all", false), Level::Warning, "ptr"));
    assert!(said(&check("v=spf1 include:_spf.mailroute.net -all", false), Level::Warning, "without the underscore"));
}

#[test]
fn syntax_errors_name_the_term_and_what_is_wrong() {
    for (pasted, words) in [
        ("v=spf1 inlcude:spf.example.com -all", "\"inlcude:spf.example.com\": this is not an SPF mechanism"),
        ("v=spf1 include -all", "\"include\": this mechanism needs a domain"),
        ("v=spf1 ip4:300.1.1.1 -all", "ip4 needs an IPv4 address"),
        ("v=spf1 ip4:192.0.2.0/33 -all", "ip4 needs an IPv4 address"),
        ("v=spf1 ip6:2001:db8:::1 -all", "ip6 needs an IPv6 address"),
        ("v=spf1 mx/40 -all", "a prefix length is /0 to /32"),
        ("v=spf1 mx:example.com:x -all", "ends in a dot and a top-level name"),
        ("v=spf1 -all:x", "all takes nothing"),
        ("v=spf1 redirect= -all", "needs a domain after the ="),
        ("v=spf1 -redirect=a.example", "no qualifier"),
        ("v=spf1 redirect=a.example redirect=b.example", "more than once"),
        ("\"v=spf1 mx -all", "not closed"),
        ("txt: hello world", "no SPF record here"),
        ("v=spf10 mx", "no SPF record here"),
    ] {
        let messages = errors(pasted);
        assert!(messages.iter().any(|message| message.contains(words)), "{pasted}: {messages:?}");
    }
}

/// The issue on real-world input: records receivers reject are never offered with
/// MailRoute's include added (RFC 7208 §6, §7.1, §12).
#[test]
fn records_receivers_reject_are_not_offered() {
    for (pasted, words) in [
        ("v=spf1 redirect=-all ?all", "ends in a dot and a top-level name"),
        ("v=spf1 exp=-all", "ends in a dot and a top-level name"),
        ("v=spf1 ip4:1.2.3.4/032 -all", "no leading zero"),
        ("v=spf1 -all foo=%abc", "a % starts a macro"),
        ("v=spf1 exists:%{ir}.%{a}.example.com -all", "a macro's letter"),
        ("v=spf1 -all exp=%{r}.example.com", "belong in an explanation's text"),
        ("v=spf1 exists:foo%.sbl.example.com ?all", "a % starts a macro"),
        ("v=spf1 include:%{d.example.com -all", "must close with }"),
        ("\"v=spf1 a:ctrl.example.com\\013ptr -all\"", "not visible ASCII"),
        ("\"v=spf1 a:foo.example.com\\000\"", "not visible ASCII"),
        ("\"v=spf1 a:x\\999.example.com\"", "not a byte"),
    ] {
        let messages = errors(pasted);
        assert!(messages.iter().any(|message| message.contains(words)), "{pasted}: {messages:?}");
    }
}

/// Valid forms that look odd: a domain may hold `:` and `/` (RFC 7208 §12 `domain-spec`),
/// macros with transformers and delimiters, and `\DDD` escapes as `dig` prints them.
#[test]
fn valid_records_that_look_odd_are_accepted() {
    assert_eq!(
        record("v=spf1 a:foo:bar/baz.example.com"),
        "v=spf1 a:foo:bar/baz.example.com include:spf.mailroute.net"
    );
    assert_eq!(
        record("v=spf1 mx:example.com/24//64 -all"),
        "v=spf1 mx:example.com/24//64 include:spf.mailroute.net -all"
    );
    assert_eq!(
        record("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all"),
        "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} include:spf.mailroute.net -all"
    );
    assert_eq!(record("\"v=spf1 ip4:192.0.2.1\\032-all\""), "v=spf1 ip4:192.0.2.1 include:spf.mailroute.net -all");
    assert_eq!(record("v=spf1 ip4:192.0.2.0/0 -all"), "v=spf1 ip4:192.0.2.0/0 include:spf.mailroute.net -all");
}

/// A long record pasted across lines is read whole: as a zone file writes it in
/// parentheses, as bare text something wrapped, never cut to its first line.
#[test]
fn a_record_across_lines_is_read_whole() {
    let zone = "example.com. 3600 IN TXT ( \"v=spf1 ip4:192.0.2.0/24 \"\n        \"include:spf.protection.outlook.com -all\" )";
    let report = check(zone, false);
    assert_eq!(
        report.record.as_deref(),
        Some("v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:spf.mailroute.net -all")
    );
    let wrapped = "v=spf1 ip4:192.0.2.0/24\ninclude:spf.protection.outlook.com -all";
    let report = check(wrapped, false);
    assert_eq!(
        report.record.as_deref(),
        Some("v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:spf.mailroute.net -all")
    );
    assert!(said(&report, Level::Note, "on more than one line"));
    // Another TXT record after it is not part of it.
    let two = "\"v=spf1 mx -all\"\n\"google-site-verification=abc123\"";
    assert_eq!(record(two), "v=spf1 mx include:spf.mailroute.net -all");
}

/// What a record to publish lets send as the domain besides MailRoute is named; when the
/// record came from outside the admin's typing, as a warning (review F4).
#[test]
fn the_record_to_publish_names_what_else_it_lets_send() {
    let pasted = "v=spf1 include:_spf.attacker-mailer.example ip4:198.51.100.0/24 -include:bad.example ~all";
    let said = |outside: bool, level: Level| -> Vec<String> {
        check(pasted, outside)
            .findings
            .into_iter()
            .filter(|finding| finding.level == level)
            .map(|finding| finding.message)
            .collect()
    };
    let named = "include:_spf.attacker-mailer.example, ip4:198.51.100.0/24";
    let own = said(false, Level::Note);
    assert!(own.iter().any(|message| message.contains(named)), "{own:?}");
    assert!(said(false, Level::Warning).is_empty());
    let outside = said(true, Level::Warning);
    assert!(
        outside.iter().any(|message| message.contains("came from outside your own typing") && message.contains(named)),
        "{outside:?}"
    );
    // What does not let a server pass is not named, nor MailRoute's own include.
    assert!(!own.concat().contains("bad.example"));
    assert!(!check("v=spf1 include:spf.mailroute.net -all", true)
        .findings
        .iter()
        .any(|finding| finding.message.contains("Besides MailRoute")));
    assert_eq!(
        check(pasted, true).record.as_deref(),
        Some("v=spf1 include:_spf.attacker-mailer.example ip4:198.51.100.0/24 -include:bad.example include:spf.mailroute.net ~all")
    );
}
