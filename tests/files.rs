#![cfg(not(target_arch = "wasm32"))]
//! The generated files, compared with reviewed golden copies in tests/golden/. After a
//! deliberate change, `UPDATE_GOLDEN=1 cargo test --test files` rewrites them (never under
//! CI, and no other value does); review the diff.

mod sets;
use sets::*;

use std::path::PathBuf;

use smarthost_assistant::domain::files::zip::Stamp;
use smarthost_assistant::domain::files::Command;
use smarthost_assistant::domain::files::{archive, listing, missing, offers, shell, Kind};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::settings::{Connector, Field, Settings};

/// Whether this run rewrites the golden files: only `UPDATE_GOLDEN=1`, and never under CI,
/// where a rewrite would pass whatever the generators made.
fn updating() -> bool {
    let update = std::env::var_os("UPDATE_GOLDEN");
    let ci = std::env::var_os("CI").is_some_and(|ci| !ci.is_empty() && ci != "false");
    match update.as_deref().and_then(|value| value.to_str()) {
        None => false,
        Some("1") if !ci => true,
        Some("1") => panic!("UPDATE_GOLDEN=1 under CI: golden files are rewritten only by hand, and reviewed"),
        Some(other) => panic!("UPDATE_GOLDEN={other:?}: set it to 1 to rewrite the golden files, or unset it"),
    }
}

fn golden_path(set: &str, name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "golden", set, name].iter().collect()
}

fn golden(set: &str, name: &str, bytes: &[u8]) {
    let path = golden_path(set, name);
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| panic!("no golden file {}", path.display()));
    assert!(expected == bytes, "{} differs from its golden copy", path.display());
}

/// The files each set makes, README included.
fn made(settings: &Settings) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = offers(settings, Confirmed::ALL)
        .into_iter()
        .map(|offer| {
            let file = offer.file.unwrap_or_else(|fields| panic!("{} waits for {fields:?}", offer.name));
            (file.name.clone(), file.bytes())
        })
        .collect();
    files.push(("README.txt".to_string(), readme_of(settings).unwrap()));
    files
}

#[test]
fn every_file_matches_its_reviewed_golden_copy() {
    for (set, settings) in sets() {
        for (name, bytes) in made(&settings) {
            golden(set, &name, &bytes);
        }
    }
}

/// Every golden file is one a set still makes: none is left behind unchecked (review N9).
#[test]
fn every_golden_file_is_still_made() {
    let sets = sets();
    let folder = golden_path("", "");
    let mut seen = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let set_folder = entry.unwrap().path();
        let set = set_folder.file_name().unwrap().to_str().unwrap().to_string();
        let settings = &sets.iter().find(|(name, _)| *name == set).unwrap_or_else(|| panic!("{set}: no such set")).1;
        let names: Vec<String> = made(settings).into_iter().map(|(name, _)| name).collect();
        for file in std::fs::read_dir(&set_folder).unwrap() {
            let name = file.unwrap().file_name().into_string().unwrap();
            assert!(names.contains(&name), "{set}/{name} is no longer made");
            seen += 1;
        }
    }
    assert!(seen >= sets.len() * 3, "{seen}");
}

#[test]
fn files_use_crlf_and_scripts_carry_a_bom() {
    for (set, settings) in sets() {
        for offer in offers(&settings, Confirmed::ALL) {
            let file = offer.file.unwrap();
            assert!(!file.text.replace("\r\n", "").contains(['\r', '\n']), "{set} {}: bare line ending", file.name);
            assert!(file.text.ends_with("\r\n"));
            let bom = file.bytes().starts_with(b"\xEF\xBB\xBF");
            assert_eq!(bom, file.kind == Kind::PowerShell, "{set} {}", file.name);
        }
    }
}

#[test]
fn files_wait_for_the_values_they_need() {
    let waiting: Vec<(String, Result<(), Vec<Field>>)> = offers(&new_connector(Settings::default()), Confirmed::ALL)
        .into_iter()
        .map(|offer| (offer.name, offer.file.map(|_| ())))
        .collect();
    assert_eq!(
        waiting,
        [
            ("backup-smtp-connectors.cmd".to_string(), Err(vec![Field::AdDomain])),
            (
                "create-mailroute-connector.ldf".to_string(),
                Err(vec![Field::Bridgehead, Field::AdDomain, Field::Organization])
            ),
            ("restart-services-and-test.ps1".to_string(), Ok(())),
            ("restart-services.cmd".to_string(), Ok(())),
            (
                "rollback-delete-connector.ldf".to_string(),
                Err(vec![Field::Bridgehead, Field::AdDomain, Field::Organization])
            ),
        ]
    );
    // What the files panel says they wait for: each field once, in the form's order.
    let offered = offers(&new_connector(Settings::default()), Confirmed::ALL);
    assert_eq!(missing(&offered), [Field::Bridgehead, Field::AdDomain, Field::Organization]);
    assert_eq!(missing(&offers(&defaults(), Confirmed::ALL)), []);
    let broken = defaults().with(Field::Cost, "0");
    assert_eq!(archive(&broken, STAMP, Confirmed::ALL), Err(vec![Field::Cost]));
    let broken = exchange_2016_new().with(Field::SourceServers, "EX 01").with(Field::SmartHosts, "[203.0.113.9]");
    for offer in offers(&broken, Confirmed::ALL) {
        assert_eq!(offer.file, Err(vec![Field::SmartHosts, Field::SourceServers]), "{}", offer.name);
    }
}

/// The files a page lists before the tools module loads (and its pre-rendered copy) are the
/// ones the module then makes, in the same order, on every platform and for every answer.
#[test]
fn the_listing_names_the_files_that_are_made() {
    for platform in Platform::ALL {
        for connector in [Connector::Unanswered, Connector::New, Connector::Existing] {
            let mut settings = on(platform);
            settings.connector = connector;
            let listed: Vec<&str> = listing(&settings).iter().map(|file| file.name).collect();
            let made: Vec<String> = offers(&settings, Confirmed::ALL).into_iter().map(|offer| offer.name).collect();
            assert!(!listed.is_empty(), "{platform:?} {connector:?}");
            assert_eq!(listed, made, "{platform:?} {connector:?}");
        }
    }
}

#[test]
fn files_resting_on_unconfirmed_facts_say_so() {
    for (set, settings) in sets() {
        for offer in offers(&settings, Confirmed::ALL) {
            let caution = offer.caution.unwrap_or_default();
            match offer.name.as_str() {
                "create-mailroute-connector.ldf"
                | "update-connector-smart-host.ldf"
                | "rollback-restore-smart-host.ldf" => {
                    assert!(caution.contains("lab first"), "{set}")
                }
                "create-mailroute-outbound-connector.ps1" => {
                    assert!(caution.contains("Validate-OutboundConnector"), "{set}")
                }
                "rollback-delete-connector.ldf" => assert!(caution.contains("right-click, Delete"), "{set}"),
                "rollback-mailroute-send-connector.ps1" if settings.connector == Connector::Existing => {
                    assert!(caution.contains("Export-Clixml"), "{set}")
                }
                "configure-mailroute-send-connector.ps1"
                    if settings.connector == Connector::Existing && settings.platform != Platform::Exchange2007 =>
                {
                    assert!(caution.contains("clears a TLS setting given $null"), "{set}")
                }
                name => assert_eq!(caution, "", "{set} {name}"),
            }
        }
    }
}

#[test]
fn the_send_connector_script_backs_up_changes_and_verifies() {
    let configure = |settings: &Settings| offers(settings, Confirmed::ALL).remove(0).file.unwrap().text;
    let new = configure(&exchange_2016_new());
    let backup = new.find("Export-Clixml").unwrap();
    let change = new.find("New-SendConnector").unwrap();
    let verify = new.find("Get-Queue").unwrap();
    assert!(backup < change && change < verify, "backup, then change, then verification");
    assert!(new.contains(
        "-DNSRoutingEnabled $false -SmartHosts 'outbound.mailroute.net','203.0.113.9' -SmartHostAuthMechanism None"
    ));
    assert!(new.contains(
        "-AddressSpaces 'SMTP:*;5' -IsScopedConnector $false -SourceTransportServers 'EX01','ex02.corp.example.com'"
    ));
    // Exchange 2007 before SP1 has no -IsScopedConnector: the scope is the address space's prefix.
    let rtm = configure(&exchange_2007_rtm_scoped());
    assert!(rtm.contains("-AddressSpaces 'Local:SMTP:*;1' -SourceTransportServers 'HUB01'"), "{rtm}");
    assert!(!rtm.contains("IsScopedConnector $"));
    let existing = configure(&exchange_2019_existing());
    assert!(
        existing.contains("Set-SendConnector -Identity 'Internet ''Outbound'' $(Get-Date) ‘‘quoted’’'"),
        "{existing}"
    );
    assert!(existing.contains("-IsScopedConnector $true"));
    let rollback = offers(&exchange_2019_existing(), Confirmed::ALL).remove(1).file.unwrap().text;
    assert!(rollback.contains("Import-Clixml") && rollback.contains("Set-SendConnector"));
    let rollback_new = offers(&exchange_2016_new(), Confirmed::ALL).remove(1).file.unwrap().text;
    assert!(rollback_new.contains("Remove-SendConnector"));
}

#[test]
fn exchange_online_connects_creates_validates_and_rolls_back() {
    let files = offers(&exchange_online(), Confirmed::ALL);
    let create = &files[0].file.as_ref().unwrap().text;
    let connect = create.find("Connect-ExchangeOnline").unwrap();
    let new = create.find("New-OutboundConnector -Name $ConnectorName -ConnectorType Partner -RecipientDomains '*' -SmartHosts 'outbound.mailroute.net' -UseMXRecord $false -TlsSettings DomainValidation -TlsDomain '*.mailroute.net' -Enabled $false").unwrap();
    let validate =
        create.find("Validate-OutboundConnector -Identity $ConnectorName -Recipients 'test@mailroute.net'").unwrap();
    assert!(connect < new && new < validate);
    assert!(files[1]
        .file
        .as_ref()
        .unwrap()
        .text
        .contains("Remove-OutboundConnector -Identity $ConnectorName -Confirm:$false"));
}

#[test]
fn the_shell_command_is_the_scripts_change() {
    let settings = exchange_2016_new();
    let command = shell(&settings, Command::Change, Confirmed::ALL).unwrap().unwrap();
    assert!(command.starts_with("New-SendConnector -Name 'MailRoute Outbound' -Usage Custom"));
    assert!(offers(&settings, Confirmed::ALL)[0]
        .file
        .as_ref()
        .unwrap()
        .text
        .contains(&format!("{command} | Out-Null")));
    assert_eq!(shell(&defaults(), Command::Change, Confirmed::ALL), None, "Exchange 2003 has no shell");
    assert_eq!(
        shell(&exchange_2016_new().with(Field::Cost, "0"), Command::Change, Confirmed::ALL),
        Some(Err(vec![Field::Cost]))
    );
}

#[test]
fn the_archive_is_dated_by_the_admins_clock() {
    use smarthost_assistant::domain::calendar::days_from_civil;
    let at = |year, month, day, seconds| Stamp::at(days_from_civil(year, month, day) * 86_400 + seconds);
    assert_eq!(at(2024, 2, 29, 86_399), Stamp { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 });
    assert_eq!(at(2026, 12, 31, 0), Stamp { year: 2026, month: 12, day: 31, hour: 0, minute: 0, second: 0 });
    // The archive format starts in 1980: a clock set earlier still makes an archive.
    assert_eq!(Stamp::at(0).year, 1980);
}

/// The archive as a parser we did not write reads it (Python's `zipfile`): every entry's
/// CRC checks, each is dated at the admin's local time, and holds the file the page offers.
#[test]
fn the_archive_reads_back_in_pythons_zipfile() {
    let settings = exchange_2016_new();
    let stamp = Stamp { year: 2026, month: 11, day: 27, hour: 9, minute: 30, second: 58 };
    let (name, zip) = archive(&settings, stamp, Confirmed::ALL).unwrap();
    let path = std::env::temp_dir().join(format!("smarthost-{}-{name}", std::process::id()));
    std::fs::write(&path, zip).unwrap();
    let script = "import sys, zipfile\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        assert z.testzip() is None, 'a CRC does not match'\n\
        for i in z.infolist(): print(i.filename, i.date_time, i.compress_type, i.flag_bits, len(z.read(i)))";
    let output =
        std::process::Command::new("python3").args(["-c", script]).arg(&path).output().expect("python3 is installed");
    std::fs::remove_file(&path).unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = String::from_utf8(output.stdout).unwrap();
    // Stored (method 0), names flagged as UTF-8 (bit 11).
    let mut expected =
        vec![format!("README.txt (2026, 11, 27, 9, 30, 58) 0 2048 {}", readme_of(&settings).unwrap().len())];
    for offer in offers(&settings, Confirmed::ALL) {
        let file = offer.file.unwrap();
        expected.push(format!("{} (2026, 11, 27, 9, 30, 58) 0 2048 {}", file.name, file.bytes().len()));
    }
    assert_eq!(listed.lines().collect::<Vec<_>>(), expected);
}

/// A second connector for all domains would keep taking mail: the scripts that create one
/// list any such connector first (issue 15).
#[test]
fn the_scripts_list_connectors_for_all_domains_before_they_create_one() {
    for (platform, list, create) in [
        (
            Platform::Exchange2016,
            "Get-SendConnector -ErrorAction Stop | Where-Object { $_.Enabled -and",
            "New-SendConnector",
        ),
        (
            Platform::Exchange2007,
            "Get-SendConnector -ErrorAction Stop | Where-Object { $_.Enabled -and",
            "New-SendConnector",
        ),
        (Platform::ExchangeOnline, "$_.RecipientDomains -contains '*'", "New-OutboundConnector"),
    ] {
        let settings = on(platform).with(Field::SourceServers, "EX01");
        let script = offers(&settings, Confirmed::NONE).remove(0).file.expect("the script is made").text;
        let listed = script.find(list).unwrap_or_else(|| panic!("{platform:?}: no list"));
        assert!(listed < script.find(create).unwrap(), "{platform:?}: listed before the connector is made");
    }
}
