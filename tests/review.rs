#![cfg(not(target_arch = "wasm32"))]
//! The Exchange review's blockers and majors (shared/reviews/fidelity.md), each pinned so that
//! a regression fails, and the SPF cases of its m10 from RFC 7208's own text.

use smarthost_assistant::domain::files::Command;
use smarthost_assistant::domain::files::{archive, zip::Stamp};
use smarthost_assistant::domain::files::{offers, shell, Offer, README};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::report::Level;
use smarthost_assistant::domain::settings::{Connector, Field, Settings};
use smarthost_assistant::domain::spf::check;

fn on(platform: Platform, connector: Connector) -> Settings {
    let mut settings = Settings::default()
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::AdDomain, "corp.example.com")
        .with(Field::Organization, "Contoso")
        .with(Field::SourceServers, "EX01");
    settings.platform = platform;
    settings.connector = connector;
    settings
}

fn file(settings: &Settings, name: &str) -> String {
    let offers = offers(settings, Confirmed::ALL);
    let offer = offers.iter().find(|offer| offer.name == name).unwrap_or_else(|| panic!("no {name}"));
    offer.file.as_ref().unwrap().text.clone()
}

const CREATE: &str = "create-mailroute-outbound-connector.ps1";

/// B1: the connector is created turned off.
#[test]
fn the_exchange_online_script_creates_the_connector_turned_off() {
    let text = file(&on(Platform::ExchangeOnline, Connector::New), CREATE);
    let create = text.lines().find(|line| line.contains("New-OutboundConnector")).unwrap();
    assert!(create.contains("-Enabled $false") && !create.contains("-Enabled $true"), "{create}");
}

/// B1: turned on, and marked validated, only past the check of the validation's result,
/// which ends the script with an error otherwise.
#[test]
fn the_exchange_online_script_turns_it_on_only_after_a_successful_validation() {
    let text = file(&on(Platform::ExchangeOnline, Connector::New), CREATE);
    let validate = text.find("Validate-OutboundConnector").unwrap();
    let check = text.find("if ($validation.Count -eq 0").unwrap();
    let failure = &text[check..];
    let exit = check + failure.find("exit 1").unwrap();
    let enable = text.find("-Enabled $true").unwrap();
    assert!(validate < check && check < exit && exit < enable, "{text}");
    assert_eq!(text.matches("-Enabled $true").count(), 1);
    let enable_line = text[enable - 200..].lines().find(|line| line.contains("-Enabled $true")).unwrap();
    for part in [
        "Set-OutboundConnector",
        "-IsValidated $true",
        "-LastValidationTimestamp",
        "-ValidationRecipients 'test@mailroute.net'",
    ] {
        assert!(enable_line.contains(part), "{part}: {enable_line}");
    }
    // The shell command in the console step does the same, in the same order.
    let command =
        shell(&on(Platform::ExchangeOnline, Connector::New), Command::Change, Confirmed::ALL).unwrap().unwrap();
    let (new, validate, enable) = (
        command.find("-Enabled $false").unwrap(),
        command.find("Validate-OutboundConnector").unwrap(),
        command.find("-Enabled $true").unwrap(),
    );
    assert!(new < validate && validate < enable, "{command}");
    assert!(command[..enable].contains("} else {"), "turned on only in the branch where nothing failed: {command}");
}

/// M1: success is said only after reading the change back.
#[test]
fn each_script_reads_back_what_it_changed_before_it_says_so() {
    for (platform, name, change, success) in [
        (
            Platform::Exchange2016,
            "configure-mailroute-send-connector.ps1",
            "New-SendConnector",
            "Created the send connector",
        ),
        (
            Platform::Exchange2016,
            "rollback-mailroute-send-connector.ps1",
            "Remove-SendConnector",
            "Removed the send connector",
        ),
        (Platform::ExchangeOnline, CREATE, "Set-OutboundConnector", "Validated and turned on"),
        (
            Platform::ExchangeOnline,
            "rollback-remove-outbound-connector.ps1",
            "Remove-OutboundConnector",
            "Removed the outbound",
        ),
    ] {
        let text = file(&on(platform, Connector::New), name);
        let change = text.find(change).unwrap();
        let success = text.find(success).unwrap();
        let between = &text[change..success];
        assert!(between.contains("Get-SendConnector") || between.contains("Get-OutboundConnector"), "{name}");
        assert!(between.contains("exit 1"), "{name}: a failed read-back stops with an error");
    }
}

/// B2: a downloaded script is refused by the default execution policy.
#[test]
fn every_run_line_names_a_way_past_the_execution_policy() {
    let mut seen = 0;
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            for offer in offers(&on(platform, connector), Confirmed::ALL)
                .into_iter()
                .filter(|offer| offer.name.ends_with(".ps1"))
            {
                assert!(!offer.run.is_empty(), "{}", offer.name);
                for run in &offer.run {
                    seen += 1;
                    assert!(run.contains("Bypass") || run.contains("Unblock"), "{platform:?}: {run}");
                }
            }
        }
    }
    assert!(seen >= 16, "{seen}");
    // Exchange Online: PowerShell 7 and Windows PowerShell 5.1 each have their own.
    let exo = &offers(&on(Platform::ExchangeOnline, Connector::New), Confirmed::ALL)[0];
    assert!(
        exo.run.iter().any(|run| run.starts_with("pwsh "))
            && exo.run.iter().any(|run| run.starts_with("powershell.exe "))
    );
}

fn readme(settings: &Settings) -> String {
    let stamp = Stamp { year: 2026, month: 11, day: 28, hour: 9, minute: 0, second: 0 };
    let (_, zip) = archive(settings, stamp, Confirmed::ALL).unwrap();
    let text = String::from_utf8_lossy(&zip).to_string();
    let start = text.find("Routing outgoing mail through MailRoute").unwrap();
    text[start..start + text[start..].find("To undo").unwrap_or(2000).min(3000)].to_string()
}

/// M3: the 2003 rollback cannot put back replaced address spaces, and says so.
#[test]
fn the_2003_rollback_says_it_does_not_restore_replaced_address_spaces() {
    let mut settings = on(Platform::Exchange2003, Connector::Existing);
    settings.replace_address_space = true;
    let offers: Vec<Offer> = offers(&settings, Confirmed::ALL);
    let rollback = offers.iter().find(|offer| offer.name == "rollback-restore-smart-host.ldf").unwrap();
    assert!(rollback.purpose.contains("not the address spaces"), "{}", rollback.purpose);
    assert!(rollback.file.as_ref().unwrap().text.contains("does not put back the address spaces"));
    assert!(readme(&settings).contains("not the address spaces"));
}

/// M5: an existing connector's README lists only what the script changes.
#[test]
fn an_existing_connectors_readme_states_only_what_the_script_changes() {
    let kept = readme(&on(Platform::Exchange2010, Connector::Existing).with(Field::SourceServers, ""));
    assert!(kept.contains("Address spaces and scope: unchanged"), "{kept}");
    assert!(kept.contains("Source servers: unchanged"), "{kept}");
    assert!(!kept.contains("SMTP:*;1") && !kept.contains("Scope:"), "{kept}");
    let mut replaced = on(Platform::Exchange2019, Connector::Existing);
    replaced.replace_address_space = true;
    let replaced = readme(&replaced);
    assert!(replaced.contains("Address space: SMTP:*;1") && replaced.contains("Source servers: EX01"), "{replaced}");
    assert!(README.ends_with(".txt"));
}

/// M6: no source documents a default for -SourceTransportServers.
#[test]
fn a_new_send_connector_waits_for_its_source_servers() {
    for platform in [Platform::Exchange2007, Platform::Exchange2010, Platform::Exchange2016] {
        let settings = on(platform, Connector::New).with(Field::SourceServers, "");
        assert_eq!(offers(&settings, Confirmed::ALL)[0].file, Err(vec![Field::SourceServers]), "{platform:?}");
        assert!(offers(&on(platform, Connector::Existing).with(Field::SourceServers, ""), Confirmed::ALL)[0]
            .file
            .is_ok());
    }
}

fn findings(pasted: &str, level: Level) -> Vec<String> {
    check(pasted, false)
        .findings
        .into_iter()
        .filter(|finding| finding.level == level)
        .map(|finding| finding.message)
        .collect()
}

/// m10, RFC 7208 §6: modifiers may stand anywhere; only mechanisms after all are unread.
#[test]
fn an_exp_modifier_after_all_is_not_a_term_that_goes_unread() {
    let report = check("v=spf1 mx -all exp=explain.example.com", false);
    assert!(report.findings.iter().all(|finding| !finding.message.contains("after \"all\"")), "{report:?}");
    assert_eq!(report.record.as_deref(), Some("v=spf1 mx include:spf.mailroute.net -all exp=explain.example.com"));
    assert!(findings("v=spf1 -all mx", Level::Warning).iter().any(|message| message.contains("after \"all\"")));
}

/// m10, RFC 7208 §7.1: `domain-end = ( "." toplabel [ "." ] ) / macro-expand`.
#[test]
fn a_domain_may_end_in_a_dot_but_a_top_label_is_not_all_digits() {
    let report = check("v=spf1 include:_spf.google.com. ~all", false);
    assert_eq!(report.record.as_deref(), Some("v=spf1 include:_spf.google.com. include:spf.mailroute.net ~all"));
    assert!(!findings("v=spf1 include:1.2.3.4 -all", Level::Error).is_empty());
    assert!(check("v=spf1 include:spf.mailroute.net. -all", false)
        .findings
        .iter()
        .any(|finding| finding.message.contains("already includes")));
}

/// m10, RFC 7208 §4.6.2: a qualifier gives the matched servers that result.
#[test]
fn a_failing_include_of_mailroute_is_not_taken_for_mailroutes_include() {
    let report = check("v=spf1 mx -include:spf.mailroute.net ~all", false);
    assert!(report
        .findings
        .iter()
        .any(|finding| finding.level == Level::Warning && finding.message.contains("-include:spf.mailroute.net")));
    assert!(!report.findings.iter().any(|finding| finding.message.contains("already includes")));
    assert_eq!(report.record.as_deref(), Some("v=spf1 mx include:spf.mailroute.net ~all"));
}

/// m10, RFC 7208 §4.6.4: beyond 10 lookups every check is a permanent error.
#[test]
fn more_than_ten_lookups_is_an_error_with_no_record_offered() {
    let own = "v=spf1 a mx include:a.example include:b.example include:c.example include:d.example include:e.example include:f.example include:g.example include:h.example include:i.example -all";
    let report = check(own, false);
    assert_eq!(report.record, None);
    assert!(findings(own, Level::Error).iter().any(|message| message.contains("11 terms")), "{report:?}");
    let with_mailroute = "v=spf1 a mx include:a.example include:b.example include:c.example include:d.example include:e.example include:f.example include:g.example include:h.example -all";
    assert_eq!(check(with_mailroute, false).record, None);
    assert!(findings(with_mailroute, Level::Error)
        .iter()
        .any(|message| message.starts_with("With MailRoute's include")));
}

/// m10, RFC 7208 §6.1: with all in the record, redirect= is never followed.
#[test]
fn a_redirect_beside_all_is_flagged_and_not_counted() {
    let report = check("v=spf1 a mx include:a.example include:b.example include:c.example include:d.example include:e.example include:f.example include:g.example -all redirect=_spf.example.com", false);
    assert!(
        report.findings.iter().any(|finding| finding.message.contains("redirect= modifier is ignored")),
        "{report:?}"
    );
    assert!(report.record.is_some(), "9 lookups with MailRoute's, the redirect not counted: {report:?}");
}

/// m3: a bridgehead in another administrative group than the routing group's.
#[test]
fn the_bridgeheads_virtual_server_is_found_under_its_own_administrative_group() {
    let settings = on(Platform::Exchange2003, Connector::New).with(Field::ServerAdminGroup, "Servers AG");
    let create = file(&settings, "create-mailroute-connector.ldf").replace("\r\n ", "");
    assert!(
        create.contains("CN=1,CN=SMTP,CN=Protocols,CN=EXCH01,CN=Servers,CN=Servers AG,CN=Administrative Groups"),
        "{create}"
    );
    assert!(
        create.contains(
            "CN=First Routing Group,CN=Routing Groups,CN=First Administrative Group,CN=Administrative Groups"
        ),
        "{create}"
    );
    let same = file(&on(Platform::Exchange2003, Connector::New), "create-mailroute-connector.ldf").replace("\r\n ", "");
    assert!(same.contains("CN=EXCH01,CN=Servers,CN=First Administrative Group"), "empty: the routing group's: {same}");
}

// ---------- The third round (fidelity.md N1, N2, N4 and the minors) ----------

/// The condition of the first `if` at or after `from` in `text`: what stands between its
/// parentheses, counted so that nested ones do not end it.
fn condition_at(text: &str, from: usize) -> &str {
    let start = from + text[from..].find("if (").unwrap() + "if (".len();
    let mut depth = 1;
    for (at, c) in text[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return &text[start..start + at];
        }
    }
    panic!("unclosed condition after {start}");
}

/// N1: a failed validation reports `IsTaskSuccessful` False, which contains no "fail". The
/// connector is turned on only when every result has it as the boolean True: PowerShell's
/// `-isnot [bool]` is true for a missing property ($null) and for a string such as "True",
/// and `-not` for False, so each of the three lands in the failing branch; no result at
/// all does too.
#[test]
fn a_validation_is_a_success_only_when_every_result_says_so_as_a_boolean() {
    let settings = on(Platform::ExchangeOnline, Connector::New);
    let script = file(&settings, CREATE);
    let command = shell(&settings, Command::Change, Confirmed::ALL).unwrap().unwrap();
    for text in [script.as_str(), command.as_str()] {
        let at = text.find("$validation = @(").unwrap();
        let condition = condition_at(text, at);
        let alternatives: Vec<&str> = condition.split(" -or @(").collect();
        assert_eq!(alternatives[0], "$validation.Count -eq 0", "no result fails: {condition}");
        assert!(
            alternatives[1].starts_with(
                "$validation | Where-Object { $_.IsTaskSuccessful -isnot [bool] -or -not $_.IsTaskSuccessful }).Count -gt 0"
            ),
            "a result that is not the boolean True fails: {condition}"
        );
        assert!(alternatives[2].contains("-match 'fail'"), "the text match stays as an extra guard: {condition}");
        // The failing branch keeps the connector off; turning it on comes only after it.
        let after = &text[at + condition.len()..];
        let enable = after.find("-Enabled $true").unwrap();
        let failing = &after[..enable];
        assert!(failing.contains("exit 1") || failing.contains("} else {"), "{text}");
    }
    let readme = readme(&settings);
    assert!(readme.contains("every one has IsTaskSuccessful True"), "{readme}");
}

/// N2: an existing connector set up for another relay loses its port and TLS settings: port
/// 25, TLS not required, the TLS settings the version has cleared, each read back, and put
/// back by the rollback. Exchange 2007's Set-SendConnector has no TlsAuthLevel or TlsDomain.
#[test]
fn an_existing_connector_gets_port_25_and_no_tls_setting_of_the_old_relay() {
    let cases: [(Platform, &[&str]); 5] = [
        (Platform::Exchange2007, &[]),
        (Platform::Exchange2010, &["TlsAuthLevel", "TlsDomain"]),
        (Platform::Exchange2016, &["TlsAuthLevel", "TlsDomain", "TlsCertificateName"]),
        (Platform::Exchange2019, &["TlsAuthLevel", "TlsDomain", "TlsCertificateName"]),
        (Platform::ExchangeSe, &["TlsAuthLevel", "TlsDomain", "TlsCertificateName"]),
    ];
    for (platform, cleared) in cases {
        let settings = on(platform, Connector::Existing).with(Field::ConnectorName, "Internet");
        let configure = file(&settings, CONFIGURE);
        let change = configure.lines().find(|line| line.starts_with("Set-SendConnector -Identity 'Internet'")).unwrap();
        assert!(change.contains("-Port 25 -RequireTLS $false"), "{platform:?}: {change}");
        for setting in ["TlsAuthLevel", "TlsDomain", "TlsCertificateName"] {
            assert_eq!(
                change.contains(&format!("-{setting} $null")),
                cleared.contains(&setting),
                "{platform:?} {setting}"
            );
        }
        let shown = configure.find("Port and TLS settings, before and after").unwrap();
        let check = condition_at(&configure, shown);
        assert!(check.starts_with("$after.Port -ne 25 -or $after.RequireTLS"), "{platform:?}: {check}");
        for setting in cleared {
            assert!(check.contains(&format!("$after.{setting}")), "{platform:?}: {setting} read back");
        }
        let rollback = file(&settings, ROLLBACK);
        let restore = rollback.lines().find(|line| line.contains("-Port $before.Port")).unwrap();
        assert!(restore.contains("-RequireTLS ([bool]$before.RequireTLS)"), "{platform:?}: {restore}");
        for setting in cleared {
            assert!(restore.contains(&format!("-{setting} ${setting}")), "{platform:?}: {restore}");
        }
        let readme = readme(&settings);
        assert!(readme.contains("  Port: 25 (the script shows the one before)"), "{platform:?}: {readme}");
        assert!(readme.contains("  TLS: RequireTLS False"), "{platform:?}: {readme}");
    }
    // A new connector is made with the defaults, so it has nothing to clear.
    let new = file(&on(Platform::Exchange2016, Connector::New), CONFIGURE);
    assert!(!new.contains("-Port") && !new.contains("RequireTLS"), "{new}");
}

/// n6: where the change set the source servers, the rollback puts them back.
#[test]
fn the_rollback_puts_back_the_source_servers_the_change_set() {
    let with = on(Platform::Exchange2016, Connector::Existing).with(Field::ConnectorName, "Internet");
    let restore = file(&with, ROLLBACK);
    assert!(restore.contains("$sourceServers = @($before.SourceTransportServers"), "{restore}");
    assert!(restore.contains("-SourceTransportServers $sourceServers"));
    let without = with.with(Field::SourceServers, "");
    assert!(!file(&without, ROLLBACK).contains("SourceTransportServers $sourceServers"));
}

/// N4: a new connector does not compete with another enabled one for the same address space
/// at the same or a lower cost: the script stops before it changes anything.
#[test]
fn a_new_connector_stops_while_another_takes_the_same_mail_as_cheaply() {
    for platform in [Platform::Exchange2007, Platform::Exchange2013, Platform::ExchangeSe] {
        let settings = on(platform, Connector::New).with(Field::Cost, "7").with(Field::AddressSpace, "*.example.net");
        let configure = file(&settings, CONFIGURE);
        assert!(configure.contains("$space = '*.example.net'\r\n$cost = 7\r\n"), "{platform:?}");
        let rivals = configure.find("$rivals = ").unwrap();
        let filter = &configure[rivals..configure[rivals..].find('\n').unwrap() + rivals];
        assert!(filter.contains("$_.Enabled"), "{filter}");
        assert!(filter.contains("$Matches[2] -eq $space -and [int]$Matches[3] -le $cost"), "{filter}");
        let stop = rivals + configure[rivals..].find("exit 1").unwrap();
        let backup = configure.find("Export-Clixml").unwrap();
        let change = configure.find("New-SendConnector").unwrap();
        assert!(stop < backup && stop < change, "{platform:?}: stops before anything changes");
    }
    let online = file(&on(Platform::ExchangeOnline, Connector::New), CREATE);
    let others = online.find("$others = ").unwrap();
    let stop = others + online[others..].find("exit 1").unwrap();
    assert!(stop < online.find("New-OutboundConnector").unwrap(), "{online}");
}

/// n5: the backup step and the scripts use one file name.
#[test]
fn the_backup_step_writes_the_file_the_rollback_reads() {
    use smarthost_assistant::domain::checklist::send_connector::BACKUP_COMMAND;
    use smarthost_assistant::domain::files::send_connector::BACKUP;
    assert!(BACKUP_COMMAND.ends_with(&format!("\\{BACKUP}")), "{BACKUP_COMMAND}");
    let rollback =
        file(&on(Platform::Exchange2016, Connector::Existing).with(Field::ConnectorName, "Internet"), ROLLBACK);
    assert!(rollback.contains(&format!("'{BACKUP}'")));
}

/// n8: no method call with several arguments, which Windows PowerShell 1.0 may not bind, in
/// any PowerShell file.
#[test]
fn no_script_trims_with_a_method_call() {
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            for offer in offers(&on(platform, connector).with(Field::ConnectorName, "Internet"), Confirmed::ALL) {
                if let Ok(file) = offer.file {
                    assert!(!file.text.contains(".Trim("), "{platform:?} {}", file.name);
                }
            }
        }
    }
}

const CONFIGURE: &str = "configure-mailroute-send-connector.ps1";
const ROLLBACK: &str = "rollback-mailroute-send-connector.ps1";
