#![cfg(not(target_arch = "wasm32"))]
//! What the admin is told about each value, and the one-click fixes.

use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::settings::{Field, Settings};
use smarthost_assistant::domain::validate::{check, usable, Fix, Severity, Unusable};

fn error(field: Field, value: &str) -> String {
    let problem = check(Platform::Exchange2003, field, value).unwrap_or_else(|| panic!("{value:?} passed"));
    assert_eq!(problem.severity, Severity::Error, "{value:?}: {}", problem.message);
    problem.message
}

fn warning(field: Field, value: &str) -> String {
    let problem = check(Platform::Exchange2003, field, value).unwrap_or_else(|| panic!("{value:?} passed"));
    assert_eq!(problem.severity, Severity::Warning, "{value:?}: {}", problem.message);
    problem.message
}

#[test]
fn the_defaults_are_accepted() {
    let settings = Settings::default();
    for field in Field::ALL {
        let value = settings.get(field);
        let blank_to_fill = value.is_empty();
        assert!(blank_to_fill || check(Platform::Exchange2003, field, value).is_none(), "{field:?} default {value:?}");
    }
}

#[test]
fn connector_names_follow_active_directory() {
    assert!(error(Field::ConnectorName, "   ").contains("Enter a name"));
    assert!(error(Field::ConnectorName, "All\tOutgoing").contains("control character"));
    assert!(error(Field::ConnectorName, &"x".repeat(65)).contains("65 characters"));
    assert_eq!(check(Platform::Exchange2003, Field::ConnectorName, &"é".repeat(64)), None);
    assert_eq!(check(Platform::Exchange2003, Field::ConnectorName, "Out, via \"MailRoute\" + <#1>; a=b\\"), None);
}

#[test]
fn smart_hosts_accept_names_and_bracketed_addresses() {
    // Accepted: no error. An address beside MailRoute's host is still called out (guard.rs).
    for ok in ["outbound.mailroute.net", "outbound.mailroute.net; [203.0.113.9]", "OUTBOUND.mailroute.net,[10.0.0.1]"] {
        assert_ne!(
            check(Platform::Exchange2003, Field::SmartHosts, ok).map(|problem| problem.severity),
            Some(Severity::Error),
            "{ok}"
        );
    }
}

#[test]
fn a_bare_address_gets_brackets_in_one_click() {
    let problem = check(Platform::Exchange2003, Field::SmartHosts, "outbound.mailroute.net; 203.0.113.9").unwrap();
    assert_eq!(problem.severity, Severity::Error);
    assert!(problem.message.contains("square brackets"), "{}", problem.message);
    assert!(problem.message.starts_with("Entry 2 (203.0.113.9)"), "{}", problem.message);
    assert_eq!(
        problem.fix,
        Some(Fix {
            label: "Use [203.0.113.9]".to_string(),
            value: "outbound.mailroute.net, [203.0.113.9]".to_string()
        })
    );
}

#[test]
fn ports_and_ipv6_are_explained() {
    assert!(error(Field::SmartHosts, "outbound.mailroute.net:587").contains("Remove the port"));
    assert!(error(Field::SmartHosts, "2001:db8::25").contains("not an IPv6 address"));
    assert!(error(Field::SmartHosts, "[2001:db8::25]").contains("not an IPv6 address"));
}

#[test]
fn malformed_host_names_say_what_is_wrong() {
    assert!(error(Field::SmartHosts, "").contains("Enter at least one smart host"));
    assert!(error(Field::SmartHosts, "outbound.mailroute.net,,").contains("empty"));
    assert!(error(Field::SmartHosts, "out bound.mailroute.net").contains("A space is not allowed"));
    assert!(error(Field::SmartHosts, "mail_relay.example.com").contains("\"_\" is not allowed"));
    assert!(error(Field::SmartHosts, "-relay.example.com").contains("hyphen"));
    assert!(error(Field::SmartHosts, "relay..example.com").contains("empty part"));
    assert!(error(Field::SmartHosts, &format!("{}.com", "a".repeat(64))).contains("at most 63"));
    assert!(error(Field::SmartHosts, &format!("{}a", "abcdefghi.".repeat(26))).contains("limit is 253"));
    assert!(error(Field::SmartHosts, "203.0.113.256").contains("not a valid IPv4"));
    assert!(error(Field::SmartHosts, "[relay.example.com]").contains("IPv4 address only"));
}

#[test]
fn questionable_lists_get_warnings() {
    assert!(warning(Field::SmartHosts, "[203.0.113.9], outbound.mailroute.net").contains("before IP addresses"));
    assert!(warning(Field::SmartHosts, "outbound.mailroute.net, Outbound.MailRoute.net").contains("twice"));
    assert!(warning(Field::SmartHosts, "relay.example.com").contains("outbound.mailroute.net"));
}

#[test]
fn bridgeheads_are_netbios_or_dns_names() {
    assert_eq!(check(Platform::Exchange2003, Field::Bridgehead, "EXCH-01"), None);
    assert_eq!(check(Platform::Exchange2003, Field::Bridgehead, "exch01.corp.example.com"), None);
    assert!(error(Field::Bridgehead, "EXCHANGESERVER2003").contains("at most 15"));
    assert!(error(Field::Bridgehead, "EXCH_01").contains("\"_\" is not allowed in a server name"));
    assert!(error(Field::Bridgehead, "exch01..example.com").contains("empty part"));
}

#[test]
fn only_usable_values_reach_the_steps() {
    let mut settings = Settings::default().with(Field::Bridgehead, "EXCH01");
    assert_eq!(usable(&settings, Field::Bridgehead), Ok("EXCH01".to_string()));
    settings.set(Field::Bridgehead, "EXCH 01");
    assert_eq!(usable(&settings, Field::Bridgehead), Err(Unusable::Invalid));
    settings.set(Field::Bridgehead, "  ");
    assert_eq!(usable(&settings, Field::Bridgehead), Err(Unusable::Empty));
    settings.set(Field::SmartHosts, "relay.example.com");
    assert_eq!(usable(&settings, Field::SmartHosts), Ok("relay.example.com".to_string()), "a warning does not block");
}

#[test]
fn spaces_at_the_ends_are_refused_with_a_fix_not_trimmed_away() {
    // Every value that reaches a file; the pasted ones are only read by their checks.
    let pasted = [Field::SpfRecord, Field::TestHeader, Field::ErrorText];
    for field in Field::ALL.into_iter().filter(|field| !pasted.contains(field)) {
        let problem = check(Platform::Exchange2003, field, " EXCH01 ").unwrap_or_else(|| panic!("{field:?}"));
        assert_eq!(problem.severity, Severity::Error);
        assert!(problem.message.starts_with("Remove the space"), "{}", problem.message);
        assert_eq!(problem.fix.map(|fix| fix.value), Some("EXCH01".to_string()));
    }
    let settings = Settings::default().with(Field::ConnectorName, "All Outgoing Email ");
    assert_eq!(usable(&settings, Field::ConnectorName), Err(Unusable::Invalid));
}

#[test]
fn directory_values_follow_their_rules() {
    assert_eq!(check(Platform::Exchange2003, Field::AddressSpace, "*"), None);
    // A domain is valid, and limits the connector to mail for it: the admin is told so.
    for space in ["*.example.com", "example.com"] {
        let problem = check(Platform::Exchange2003, Field::AddressSpace, space).expect(space);
        assert_eq!(problem.severity, Severity::Warning);
        assert_eq!(
            problem.message,
            format!("Only mail to {space} will go through MailRoute; the rest leaves as it does now. Enter * to send all outgoing mail through MailRoute.")
        );
    }
    assert!(error(Field::AddressSpace, "*example.com").contains("not inside a name"));
    assert!(error(Field::AddressSpace, "").contains("Enter *"));
    for cost in ["0", "101", "1.5", "-1", "ten", "", "99999999999"] {
        assert!(error(Field::Cost, cost).contains("1 to 100"), "{cost}");
    }
    assert_eq!(check(Platform::Exchange2003, Field::Cost, "100"), None);
    assert_eq!(check(Platform::Exchange2003, Field::AdDomain, "corp.example.com"), None);
    assert!(error(Field::AdDomain, "").contains("corp.example.com"));
    assert!(error(Field::AdDomain, "corp_example.com").contains("\"_\" is not allowed"));
    assert!(error(Field::Organization, "").contains("organization"));
    assert_eq!(check(Platform::Exchange2003, Field::Organization, "Contoso, Ltd. + \"Mail\" <#1>"), None);
    assert!(error(Field::VirtualServer, "0").contains("whole number"));
    assert_eq!(check(Platform::Exchange2003, Field::VirtualServer, "2"), None);
    assert_eq!(check(Platform::Exchange2003, Field::PreviousSmartHosts, ""), None, "empty: the connector used DNS");
    assert!(error(Field::PreviousSmartHosts, "a\nb").contains("U+000A"));
}

fn problem_on(platform: Platform, field: Field, value: &str) -> (Severity, String, Option<Fix>) {
    let problem = check(platform, field, value).unwrap_or_else(|| panic!("{platform:?} {value:?} passed"));
    (problem.severity, problem.message, problem.fix)
}

#[test]
fn from_2007_on_smart_hosts_are_names_or_addresses_without_brackets() {
    for platform in [Platform::Exchange2007, Platform::Exchange2013, Platform::ExchangeSe, Platform::ExchangeOnline] {
        for ok in
            ["outbound.mailroute.net", "outbound.mailroute.net, 203.0.113.9", "203.0.113.9, outbound.mailroute.net"]
        {
            assert_ne!(
                check(platform, Field::SmartHosts, ok).map(|problem| problem.severity),
                Some(Severity::Error),
                "{platform:?} {ok}"
            );
        }
        let (severity, message, fix) = problem_on(platform, Field::SmartHosts, "outbound.mailroute.net, [203.0.113.9]");
        assert_eq!(severity, Severity::Error);
        assert!(message.contains("without square brackets"), "{message}");
        assert_eq!(fix.map(|fix| fix.value), Some("outbound.mailroute.net, 203.0.113.9".to_string()));
        assert!(problem_on(platform, Field::SmartHosts, "outbound.mailroute.net:25").1.contains("Remove the port"));
        assert!(problem_on(platform, Field::SmartHosts, "2001:db8::25").1.contains("IPv4"));
    }
    // Exchange 2003 wants brackets, and keeps names before addresses for load sharing.
    assert!(problem_on(Platform::Exchange2003, Field::SmartHosts, "203.0.113.9").1.contains("square brackets"));
    assert!(problem_on(Platform::Exchange2016, Field::SmartHosts, "203.0.113.9, outbound.mailroute.net")
        .1
        .contains("an IP address"));
}

#[test]
fn only_exchange_online_takes_address_ranges() {
    let range = problem_on(Platform::ExchangeOnline, Field::SmartHosts, "outbound.mailroute.net, 203.0.113.0/24");
    assert_eq!(range.0, Severity::Warning, "accepted, and called out: {}", range.1);
    assert!(range.1.contains("203.0.113.0/24: an IP address"), "{}", range.1);
    assert!(problem_on(Platform::ExchangeOnline, Field::SmartHosts, "203.0.113.0/33").1.contains("0 to 32"));
    assert!(problem_on(Platform::Exchange2019, Field::SmartHosts, "203.0.113.0/24").1.contains("not address ranges"));
}

#[test]
fn source_servers_are_server_names_separated_by_commas() {
    for ok in ["", "EX01", "EX01, EX02", "mail01.corp.example.com, EX-02"] {
        assert_eq!(check(Platform::Exchange2016, Field::SourceServers, ok), None, "{ok}");
    }
    assert!(problem_on(Platform::Exchange2016, Field::SourceServers, "EX01,, EX02").1.contains("Entry 2"));
    assert!(problem_on(Platform::Exchange2016, Field::SourceServers, "EX01, EX 02").1.contains("A space"));
    assert!(problem_on(Platform::Exchange2016, Field::SourceServers, "AVERYLONGSERVERNAME")
        .1
        .contains("15 characters"));
}

#[test]
fn names_stop_at_64_characters_on_every_platform() {
    for platform in Platform::ALL {
        assert_eq!(check(platform, Field::ConnectorName, &"x".repeat(64)), None);
        assert!(problem_on(platform, Field::ConnectorName, &"x".repeat(65)).1.contains("at most 64"));
    }
}

#[test]
fn the_pasted_fields_are_left_to_their_checks() {
    assert_eq!(check(Platform::Exchange2016, Field::SpfRecord, "  v=spf1 -all\n"), None);
    assert_eq!(check(Platform::Exchange2016, Field::TestHeader, " Received: from a\u{200B}\n"), None);
    assert_eq!(check(Platform::Exchange2016, Field::ErrorText, "\t554 5.7.1 "), None);
}

#[test]
fn every_field_has_a_limit_and_the_pasted_ones_the_largest() {
    use smarthost_assistant::domain::validate::limit;
    for field in Field::ALL {
        assert!((255..=65_536).contains(&limit(field)), "{field:?}");
    }
    assert_eq!(limit(Field::TestHeader), 65_536);
    assert_eq!(limit(Field::ErrorText), 65_536);
    assert_eq!(limit(Field::SpfRecord), 4_096);
    assert_eq!(limit(Field::SmartHosts), 1_024);
    assert_eq!(limit(Field::ConnectorName), 255);
}

#[test]
fn invisible_characters_are_refused_in_every_name_and_shown_by_code_point() {
    for (typed, shown) in [
        ("All\u{202E}liaM", "U+202E"),
        ("All\u{200B}Outgoing", "U+200B"),
        ("\u{FEFF}Internet", "U+FEFF"),
        ("Mail\u{2028}Route", "U+2028"),
        ("A\u{2066}B\u{2069}", "U+2066, U+2069"),
        ("tag\u{E0041}", "U+E0041"),
    ] {
        for field in [
            Field::ConnectorName,
            Field::Organization,
            Field::AdminGroup,
            Field::RoutingGroup,
            Field::Bridgehead,
            Field::SmartHosts,
            Field::SourceServers,
        ] {
            let problem = check(Platform::Exchange2003, field, typed).unwrap_or_else(|| panic!("{field:?} {typed:?}"));
            assert_eq!(problem.severity, Severity::Error);
            assert!(problem.message.contains(shown), "{field:?}: {}", problem.message);
        }
    }
    assert_eq!(
        check(Platform::Exchange2016, Field::ConnectorName, "Ausgehend über MailRoute"),
        None,
        "letters are not invisible"
    );
}

/// Every code point of Unicode's Default_Ignorable_Code_Point, as Unicode 17.0 lists it
/// (tests/samples/unicode/default-ignorable.txt), is refused in a name and named by its code
/// point (review F11); so are the blank Braille pattern and the format characters the
/// property leaves out.
#[test]
fn every_default_ignorable_code_point_is_refused_by_its_code_point() {
    let table = std::fs::read_to_string("tests/samples/unicode/default-ignorable.txt").unwrap();
    let mut count = 0;
    for line in table.lines().filter(|line| line.contains("; Default_Ignorable_Code_Point")) {
        let range = line.split(';').next().unwrap().trim();
        let (first, last) = range.split_once("..").unwrap_or((range, range));
        let [first, last] = [first, last].map(|hex| u32::from_str_radix(hex, 16).unwrap());
        for code in first..=last {
            let c = char::from_u32(code).unwrap();
            let shown = format!("U+{code:04X}");
            let problem = check(Platform::Exchange2016, Field::ConnectorName, &format!("All Outgoing{c}Email"))
                .unwrap_or_else(|| panic!("{shown} passed"));
            assert_eq!(problem.severity, Severity::Error, "{shown}");
            assert!(problem.message.contains(&shown), "{shown}: {}", problem.message);
            count += 1;
        }
    }
    // The property's total, as the file states it.
    assert!(table.contains(&format!("# Total code points: {count}")), "{count} code points read");
    for c in ['\u{2800}', '\u{600}', '\u{FFF9}', '\u{110BD}'] {
        let problem = check(Platform::Exchange2016, Field::Organization, &format!("Contoso{c}")).unwrap();
        assert!(problem.message.contains(&format!("U+{:04X}", c as u32)), "{}", problem.message);
    }
}

#[test]
fn a_connector_name_with_a_wildcard_is_refused() {
    let problem = check(Platform::Exchange2016, Field::ConnectorName, "Internet*").unwrap();
    assert_eq!(problem.severity, Severity::Error);
    assert!(problem.message.contains("match other connectors"));
}

#[test]
fn a_smart_host_listed_twice_is_named_as_typed() {
    let problem =
        check(Platform::Exchange2016, Field::SmartHosts, "outbound.mailroute.net, OUTBOUND.mailroute.net").unwrap();
    assert!(
        problem.message.contains("outbound.mailroute.net is listed twice")
            || problem.message.contains("OUTBOUND.mailroute.net is listed twice"),
        "{}",
        problem.message
    );
}
