#![cfg(not(target_arch = "wasm32"))]
//! The generated files, compared with reviewed golden copies in tests/golden/. After a
//! deliberate change, `UPDATE_GOLDEN=1 cargo test --test files` rewrites them; review the diff.

use std::path::PathBuf;

use smarthost_assistant::domain::files::zip::Stamp;
use smarthost_assistant::domain::files::Confirmed;
use smarthost_assistant::domain::files::{archive, offers, shell, Kind};
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

const STAMP: Stamp = Stamp { year: 2026, month: 11, day: 27, hour: 9, minute: 30, second: 0 };

/// The seed's defaults with the values every admin must type, for a new connector.
fn defaults() -> Settings {
    new_connector(
        Settings::default()
            .with(Field::Bridgehead, "EXCH01")
            .with(Field::AdDomain, "corp.example.com")
            .with(Field::Organization, "Contoso"),
    )
}

/// The admin answered that there is no connector yet.
fn new_connector(mut settings: Settings) -> Settings {
    settings.connector = Connector::New;
    settings
}

/// An existing connector with names that need DN escaping and base64.
fn existing_with_special_names() -> Settings {
    let mut settings = Settings::default()
        .with(Field::ConnectorName, "Ausgehend über MailRoute, \"alle\" + <Test>;#1")
        .with(Field::SmartHosts, "outbound.mailroute.net, [203.0.113.9]")
        .with(Field::Bridgehead, "MAIL-2003")
        .with(Field::AdDomain, "ad.example.org")
        .with(Field::Organization, "Fabrikam, Inc. = \\Mail\\")
        .with(Field::AdminGroup, "Zentrale")
        .with(Field::RoutingGroup, "Routing Zentrale")
        .with(Field::PreviousSmartHosts, "relay.isp.example.net");
    settings.connector = Connector::Existing;
    settings.replace_address_space = true;
    settings
}

/// A new connector scoped to its routing group, with long names that fold.
fn new_scoped_with_long_names() -> Settings {
    let mut settings = Settings::default()
        .with(Field::ConnectorName, "Outbound through MailRoute for the Northern Europe sites")
        .with(Field::Bridgehead, "mail01.emea.corp.example.co.uk")
        .with(Field::AddressSpace, "*.example.net")
        .with(Field::Cost, "20")
        .with(Field::AdDomain, "emea.corp.example.co.uk")
        .with(Field::Organization, "Example Holdings International Limited")
        .with(Field::AdminGroup, "Northern Europe Administrative Group")
        .with(Field::RoutingGroup, "Northern Europe Routing Group")
        .with(Field::VirtualServer, "2");
    settings.scope = Scope::Local;
    new_connector(settings)
}

fn on(platform: Platform) -> Settings {
    let mut settings = Settings::default();
    settings.platform = platform;
    new_connector(settings)
}

/// Exchange 2007 before Service Pack 1: scoped by a `Local:` address space.
fn exchange_2007_rtm_scoped() -> Settings {
    let mut settings = on(Platform::Exchange2007).with(Field::SourceServers, "HUB01");
    settings.release_2007 = Release2007::Rtm;
    settings.scope = Scope::Local;
    settings
}

fn exchange_2016_new() -> Settings {
    on(Platform::Exchange2016)
        .with(Field::ConnectorName, "MailRoute Outbound")
        .with(Field::SmartHosts, "outbound.mailroute.net, 203.0.113.9")
        .with(Field::SourceServers, "EX01, ex02.corp.example.com")
        .with(Field::Cost, "5")
}

/// An existing connector whose name needs quoting, with its address spaces replaced.
fn exchange_2019_existing() -> Settings {
    let mut settings =
        on(Platform::Exchange2019).with(Field::ConnectorName, "Internet 'Outbound' $(Get-Date) ‘quoted’");
    settings.connector = Connector::Existing;
    settings.replace_address_space = true;
    settings.scope = Scope::Local;
    settings
}

/// Exchange 2010 on the Hub Transport side: an existing connector, address spaces kept.
fn exchange_2010_existing() -> Settings {
    let mut settings = on(Platform::Exchange2010).with(Field::ConnectorName, "Internet");
    settings.connector = Connector::Existing;
    settings
}

fn exchange_2013_scoped() -> Settings {
    let mut settings = on(Platform::Exchange2013).with(Field::SourceServers, "MBX01");
    settings.scope = Scope::Local;
    settings
}

fn exchange_se_new() -> Settings {
    on(Platform::ExchangeSe)
        .with(Field::AddressSpace, "*.example.org")
        .with(Field::Cost, "10")
        .with(Field::SourceServers, "SE01")
}

fn exchange_online() -> Settings {
    on(Platform::ExchangeOnline).with(Field::ConnectorName, "MailRoute Outbound")
}

pub fn sets() -> [(&'static str, Settings); 10] {
    [
        ("default", defaults()),
        ("existing-special-names", existing_with_special_names()),
        ("new-scoped-long-names", new_scoped_with_long_names()),
        ("exchange-2007-rtm-scoped", exchange_2007_rtm_scoped()),
        ("exchange-2010-existing", exchange_2010_existing()),
        ("exchange-2013-scoped", exchange_2013_scoped()),
        ("exchange-2016-new", exchange_2016_new()),
        ("exchange-2019-existing", exchange_2019_existing()),
        ("exchange-se-new", exchange_se_new()),
        ("exchange-online", exchange_online()),
    ]
}

fn golden(set: &str, name: &str, bytes: &[u8]) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "golden", set, name].iter().collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| panic!("no golden file {}", path.display()));
    assert!(expected == bytes, "{} differs from its golden copy", path.display());
}

#[test]
fn every_file_matches_its_reviewed_golden_copy() {
    for (set, settings) in sets() {
        for offer in offers(&settings, Confirmed::Yes) {
            let file = offer.file.unwrap_or_else(|fields| panic!("{set}: {} waits for {fields:?}", offer.name));
            golden(set, &file.name, &file.bytes());
        }
        golden(set, "README.txt", &readme_of(&settings));
    }
}

fn readme_of(settings: &Settings) -> Vec<u8> {
    let (name, zip) = archive(settings, STAMP, Confirmed::Yes).unwrap();
    assert_eq!(name, format!("mailroute-{}.zip", settings.platform.id()));
    // The README is the archive's first entry: 30-byte header, then name, then data.
    let name_len = u16::from_le_bytes([zip[26], zip[27]]) as usize;
    let size = u32::from_le_bytes([zip[18], zip[19], zip[20], zip[21]]) as usize;
    zip[30 + name_len..30 + name_len + size].to_vec()
}

#[test]
fn files_use_crlf_and_scripts_carry_a_bom() {
    for (set, settings) in sets() {
        for offer in offers(&settings, Confirmed::Yes) {
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
    let waiting: Vec<(String, Result<(), Vec<Field>>)> = offers(&new_connector(Settings::default()), Confirmed::Yes)
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
    let broken = defaults().with(Field::Cost, "0");
    assert_eq!(archive(&broken, STAMP, Confirmed::Yes), Err(vec![Field::Cost]));
    let broken = exchange_2016_new().with(Field::SourceServers, "EX 01").with(Field::SmartHosts, "[203.0.113.9]");
    for offer in offers(&broken, Confirmed::Yes) {
        assert_eq!(offer.file, Err(vec![Field::SmartHosts, Field::SourceServers]), "{}", offer.name);
    }
}

#[test]
fn files_resting_on_unconfirmed_facts_say_so() {
    for (set, settings) in sets() {
        for offer in offers(&settings, Confirmed::Yes) {
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
                name => assert_eq!(caution, "", "{set} {name}"),
            }
        }
    }
}

#[test]
fn the_send_connector_script_backs_up_changes_and_verifies() {
    let configure = |settings: &Settings| offers(settings, Confirmed::Yes).remove(0).file.unwrap().text;
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
    let rollback = offers(&exchange_2019_existing(), Confirmed::Yes).remove(1).file.unwrap().text;
    assert!(rollback.contains("Import-Clixml") && rollback.contains("Set-SendConnector"));
    let rollback_new = offers(&exchange_2016_new(), Confirmed::Yes).remove(1).file.unwrap().text;
    assert!(rollback_new.contains("Remove-SendConnector"));
}

#[test]
fn exchange_online_connects_creates_validates_and_rolls_back() {
    let files = offers(&exchange_online(), Confirmed::Yes);
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
    let command = shell(&settings, Confirmed::Yes).unwrap().unwrap();
    assert!(command.starts_with("New-SendConnector -Name 'MailRoute Outbound' -Usage Custom"));
    assert!(offers(&settings, Confirmed::Yes)[0]
        .file
        .as_ref()
        .unwrap()
        .text
        .contains(&format!("{command} | Out-Null")));
    assert_eq!(shell(&defaults(), Confirmed::Yes), None, "Exchange 2003 has no shell");
    assert_eq!(shell(&exchange_2016_new().with(Field::Cost, "0"), Confirmed::Yes), Some(Err(vec![Field::Cost])));
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
        let script = offers(&settings, Confirmed::No).remove(0).file.expect("the script is made").text;
        let listed = script.find(list).unwrap_or_else(|| panic!("{platform:?}: no list"));
        assert!(listed < script.find(create).unwrap(), "{platform:?}: listed before the connector is made");
    }
}
