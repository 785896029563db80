#![cfg(not(target_arch = "wasm32"))]
//! Nothing but MailRoute's own host passes silently (review F2): a table of lookalikes and
//! of MailRoute's host as an admin may type it, and no file before the admin confirms.

use smarthost_assistant::domain::files::{archive, offers, shell, zip::Stamp, Command};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::guard::{called_out, suspects};
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
        for offer in offers(&settings, Confirmed::NONE) {
            assert_eq!(offer.file, Err(vec![Field::SmartHosts]), "{platform:?} {}", offer.name);
        }
        assert_eq!(archive(&settings, stamp, Confirmed::NONE), Err(vec![Field::SmartHosts]));
        if let Some(command) = shell(&settings, Command::Change, Confirmed::NONE) {
            assert_eq!(command, Err(vec![Field::SmartHosts]));
        }
        for offer in offers(&settings, Confirmed::ALL) {
            let text = offer.file.unwrap().text;
            let first = text.lines().next().unwrap();
            assert!(first.contains("WARNING: relay.example.net is not MailRoute's smarthost"), "{platform:?}: {first}");
        }
        let (_, zip) = archive(&settings, stamp, Confirmed::ALL).unwrap();
        let count = String::from_utf8_lossy(&zip).matches("WARNING: relay.example.net").count();
        assert_eq!(count, offers(&settings, Confirmed::ALL).len() + 1, "every file in the archive, and its README");
        // MailRoute's own host needs no confirmation, and its files carry no warning.
        let own = with_hosts(platform, "outbound.mailroute.net");
        for offer in offers(&own, Confirmed::NONE) {
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
    assert_eq!(waiting(Confirmed::NONE), Err(vec![Field::SmartHosts, Field::Bridgehead]));
    assert_eq!(waiting(Confirmed::ALL), Err(vec![Field::Bridgehead]));
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
            // Only the slip is replaced; a host it keeps is named on the button (review F16).
            let label = match fixed.split_once(", ") {
                Some((_, kept)) => format!(
                    "Use outbound.mailroute.net in place of {}, keeping {kept}",
                    typed.split(", ").next().unwrap()
                ),
                None => "Use outbound.mailroute.net".to_string(),
            };
            assert_eq!(fix.label, label);
            assert_eq!(fix.value, fixed, "{typed}");
            // The message says what MailRoute's host is, never that it is not MailRoute's.
            assert!(!problem.message.contains("Not MailRoute's"), "{typed}: {}", problem.message);
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

/// The smart host Exchange 2003's way back puts back is guarded like the smart host (review
/// F15): not MailRoute's, no file is made and the way back does not name it until the admin
/// confirms it; confirmed, the rollback file carries it exactly as typed.
#[test]
fn the_smart_host_the_way_back_puts_back_waits_for_its_own_confirmation() {
    let mut settings = with_hosts(Platform::Exchange2003, "outbound.mailroute.net")
        .with(Field::ConnectorName, "SMTP Out")
        .with(Field::PreviousSmartHosts, "relay.attacker.example");
    settings.connector = Connector::Existing;
    let stamp = Stamp { year: 2026, month: 12, day: 3, hour: 9, minute: 0, second: 0 };
    let smart_host_only = Confirmed { smart_hosts: true, previous_smart_hosts: false };
    for confirmed in [Confirmed::NONE, smart_host_only] {
        for offer in offers(&settings, confirmed) {
            assert_eq!(offer.file, Err(vec![Field::PreviousSmartHosts]), "{}", offer.name);
        }
        assert_eq!(archive(&settings, stamp, confirmed), Err(vec![Field::PreviousSmartHosts]));
    }
    let problem = check(Platform::Exchange2003, Field::PreviousSmartHosts, "relay.attacker.example").unwrap();
    assert_eq!(problem.severity, Severity::Warning);
    assert!(problem.message.contains("sends all mail to relay.attacker.example"), "{}", problem.message);
    assert_eq!(
        called_out(Field::PreviousSmartHosts, "relay.attacker.example").as_deref(),
        Some("Not MailRoute's host: the way back would send all mail to relay.attacker.example.")
    );
    let previous_only = Confirmed { smart_hosts: false, previous_smart_hosts: true };
    let rollback = offers(&settings, previous_only)
        .into_iter()
        .find(|offer| offer.name == "rollback-restore-smart-host.ldf")
        .unwrap()
        .file
        .unwrap()
        .text;
    assert!(rollback.contains("msExchSmtpSmartHost: relay.attacker.example\r\n"), "{rollback}");
    assert!(archive(&settings, stamp, previous_only).is_ok());
    // MailRoute's own host, or none (the connector used DNS), needs no confirmation.
    for own in ["outbound.mailroute.net", ""] {
        let settings = settings.clone().with(Field::PreviousSmartHosts, own);
        assert!(offers(&settings, Confirmed::NONE).into_iter().all(|offer| offer.file.is_ok()), "{own:?}");
    }
    // A new connector has no way back through this value, nor has any later platform.
    let mut new = settings.clone();
    new.connector = Connector::New;
    assert!(offers(&new, Confirmed::NONE).into_iter().all(|offer| offer.file.is_ok()));
    let later = with_hosts(Platform::Exchange2016, "outbound.mailroute.net")
        .with(Field::PreviousSmartHosts, "relay.attacker.example");
    assert!(offers(&later, Confirmed::NONE).into_iter().all(|offer| offer.file.is_ok()));
}

/// Checked as a host list (review F15, F21): an address needs its brackets on Exchange 2003,
/// and a no-break space is refused by its code point.
#[test]
fn the_smart_host_before_the_change_is_checked_as_a_host_list() {
    let error = |value: &str| {
        let problem = check(Platform::Exchange2003, Field::PreviousSmartHosts, value).unwrap();
        assert_eq!(problem.severity, Severity::Error, "{value:?}");
        problem.message
    };
    assert!(error("203.0.113.9").contains("square brackets"));
    assert!(error("old.isp.example\u{A0}\u{A0}, relay.attacker.example").contains("U+00A0"));
    assert!(error("old isp.example").contains("space"));
    for field in [Field::SmartHosts, Field::SourceServers] {
        let problem = check(Platform::Exchange2016, field, "outbound.mailroute.net\u{2007}").unwrap();
        assert!(problem.message.contains("U+2007"), "{field:?}: {}", problem.message);
    }
}
