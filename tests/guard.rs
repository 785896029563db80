#![cfg(not(target_arch = "wasm32"))]
//! Nothing but MailRoute's own host passes silently (review F2): a table of lookalikes and
//! of MailRoute's host as an admin may type it, and no file before the admin confirms.

use smarthost_assistant::domain::files::{archive, offers, shell, zip::Stamp, Command, Confirmed};
use smarthost_assistant::domain::guard::suspects;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::settings::{Connector, Field, Settings};
use smarthost_assistant::domain::validate::{check, Severity};

#[test]
fn mailroutes_own_host_passes_silently_however_it_is_typed() {
    for typed in ["outbound.mailroute.net", "OUTBOUND.MailRoute.NET"] {
        assert_eq!(suspects(typed), [], "{typed}");
        assert_eq!(check(Platform::Exchange2016, Field::SmartHosts, typed), None, "{typed}");
    }
    // The fully qualified form is MailRoute's too; validation asks for it without the dot.
    assert_eq!(suspects("outbound.mailroute.net."), []);
}

#[test]
fn every_lookalike_is_called_out_with_its_reason() {
    for (typed, because) in [
        ("outbound.mai1route.net", "swapped"),
        ("0utb0und.mailroute.net", "swapped"),
        ("outbound.rnailroute.net", "swapped"),
        ("outbound-mailroute.net", "swapped"),
        ("outbound.mailroute.net.attacker.example", "different domain"),
        ("outbound.mailroute-eu.net", "different domain"),
        ("mailroute.net.evil.example", "different domain"),
        ("outbound.xn--mailrute-8hf.net", "punycode"),
        ("outbound.mailrout.net", "one or two letters"),
        ("outbond.mailroute.com", "different domain"),
        ("outbound.malroute.net", "one or two letters"),
        ("203.0.113.9", "IP address"),
        ("[203.0.113.9]", "IP address"),
        ("relay.attacker.example", "not MailRoute's host"),
    ] {
        let found = suspects(typed);
        assert_eq!(found.len(), 1, "{typed}");
        assert_eq!(found[0].host, typed);
        assert!(found[0].why.contains(because), "{typed}: {}", found[0].why);
        let platform = if typed.starts_with('[') { Platform::Exchange2003 } else { Platform::Exchange2016 };
        let problem = check(platform, Field::SmartHosts, typed).unwrap_or_else(|| panic!("{typed}"));
        assert_eq!(problem.severity, Severity::Warning, "{typed}");
        assert!(problem.message.contains(typed) && problem.message.contains(found[0].why), "{}", problem.message);
    }
}

#[test]
fn a_second_host_beside_mailroutes_is_called_out() {
    let found = suspects("outbound.mailroute.net, relay.attacker.example");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].host, "relay.attacker.example");
    assert!(found[0].why.contains("beside MailRoute's"), "{}", found[0].why);
    let problem =
        check(Platform::Exchange2016, Field::SmartHosts, "outbound.mailroute.net, relay.attacker.example").unwrap();
    assert!(problem.message.contains("relay.attacker.example"), "{}", problem.message);
}

fn with_hosts(platform: Platform, hosts: &str) -> Settings {
    let mut settings = Settings::default()
        .with(Field::SmartHosts, hosts)
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::AdDomain, "corp.example.com")
        .with(Field::Organization, "Contoso")
        .with(Field::SourceServers, "EX01");
    settings.platform = platform;
    settings.connector = Connector::New;
    settings
}

#[test]
fn no_file_before_the_confirmation_and_every_file_names_the_host_after_it() {
    let stamp = Stamp { year: 2026, month: 11, day: 28, hour: 9, minute: 0, second: 0 };
    for platform in Platform::ALL {
        let settings = with_hosts(platform, "outbound.mailroute.net, relay.example.net");
        for offer in offers(&settings, Confirmed::No) {
            assert_eq!(offer.file, Err(vec![Field::SmartHosts]), "{platform:?} {}", offer.name);
        }
        assert_eq!(archive(&settings, stamp, Confirmed::No), Err(vec![Field::SmartHosts]));
        if let Some(command) = shell(&settings, Command::Change, Confirmed::No) {
            assert_eq!(command, Err(vec![Field::SmartHosts]));
        }
        for offer in offers(&settings, Confirmed::Yes) {
            let text = offer.file.unwrap().text;
            let first = text.lines().next().unwrap();
            assert!(first.contains("WARNING: relay.example.net is not MailRoute's smarthost"), "{platform:?}: {first}");
        }
        let (_, zip) = archive(&settings, stamp, Confirmed::Yes).unwrap();
        let count = String::from_utf8_lossy(&zip).matches("WARNING: relay.example.net").count();
        assert_eq!(count, offers(&settings, Confirmed::Yes).len() + 1, "every file in the archive, and its README");
        // MailRoute's own host needs no confirmation, and its files carry no warning.
        let own = with_hosts(platform, "outbound.mailroute.net");
        for offer in offers(&own, Confirmed::No) {
            assert!(!offer.file.unwrap().text.contains("WARNING"));
        }
    }
}

#[test]
fn a_confirmed_host_is_not_listed_among_the_values_a_file_waits_for() {
    let settings = with_hosts(Platform::Exchange2003, "relay.example.net").with(Field::Bridgehead, "");
    let waiting = |confirmed| {
        offers(&settings, confirmed)
            .into_iter()
            .find(|offer| offer.name == "create-mailroute-connector.ldf")
            .unwrap()
            .file
    };
    assert_eq!(waiting(Confirmed::No), Err(vec![Field::SmartHosts, Field::Bridgehead]));
    assert_eq!(waiting(Confirmed::Yes), Err(vec![Field::Bridgehead]));
}

/// The everyday slip gets MailRoute's host in one click (issue 15): the fix puts it in
/// place of the slip, and what it makes passes silently.
#[test]
fn a_near_miss_of_mailroutes_host_offers_it_in_one_click() {
    for (typed, fixed) in [
        ("outbound.mailrout.net", "outbound.mailroute.net"),
        ("outbound.mailroutte.net", "outbound.mailroute.net"),
        ("outbond.mailroute.net", "outbound.mailroute.net"),
        ("outbound.mialroute.net", "outbound.mailroute.net"),
        ("outbound.mailroute.ne", "outbound.mailroute.net"),
        ("outbound.mailroute.com", "outbound.mailroute.net"),
        ("outbound.mailroute.org", "outbound.mailroute.net"),
        ("https://outbound.mailroute.net", "outbound.mailroute.net"),
        ("smtp://outbound.mailroute.net/", "outbound.mailroute.net"),
        ("outbound.mailroute.net:25", "outbound.mailroute.net"),
        ("0utbound.mailroute.net", "outbound.mailroute.net"),
        ("outbound-mailroute.net", "outbound.mailroute.net"),
        ("outbound.mailrout.net, relay.example.net", "outbound.mailroute.net, relay.example.net"),
        ("outbound.mailroute.net, outbound.mailrout.net", "outbound.mailroute.net"),
    ] {
        for platform in [Platform::Exchange2003, Platform::Exchange2016, Platform::ExchangeOnline] {
            let problem =
                check(platform, Field::SmartHosts, typed).unwrap_or_else(|| panic!("{typed} passes on {platform:?}"));
            assert!(
                problem.message.starts_with("Did you mean outbound.mailroute.net?"),
                "{typed}: {}",
                problem.message
            );
            let fix = problem.fix.unwrap_or_else(|| panic!("{typed}: no fix"));
            assert_eq!(fix.label, "Use outbound.mailroute.net");
            assert_eq!(fix.value, fixed, "{typed}");
            let after = check(platform, Field::SmartHosts, &fix.value);
            assert!(after.is_none() || fixed.contains("relay.example.net"), "{typed}: {after:?}");
        }
    }
}

#[test]
fn a_host_that_is_not_a_slip_for_mailroutes_gets_no_such_offer() {
    for typed in [
        "smtp.office365.com",
        "relay.example.net",
        "mail.contoso.com",
        "inbound.mailroute.net",
        "outbound.mailroute.net.attacker.example",
        "mailroute.net.evil.example",
        "203.0.113.9",
        "smarthost.example.org",
    ] {
        let problem = check(Platform::Exchange2016, Field::SmartHosts, typed);
        assert!(
            problem.as_ref().is_none_or(|problem| !problem.message.starts_with("Did you mean")
                && problem.fix.as_ref().is_none_or(|fix| fix.label != "Use outbound.mailroute.net")),
            "{typed}: {problem:?}"
        );
    }
}
