#![cfg(not(target_arch = "wasm32"))]
//! The generated files, compared with reviewed golden copies in tests/golden/. After a
//! deliberate change, `UPDATE_GOLDEN=1 cargo test --test files` rewrites them; review the diff.

use std::path::PathBuf;

use smarthost_assistant::domain::files::exchange2003::{archive_offer, offers};
use smarthost_assistant::domain::files::zip::Stamp;
use smarthost_assistant::domain::files::Kind;
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

const STAMP: Stamp = Stamp { year: 2026, month: 11, day: 27, hour: 9, minute: 30, second: 0 };

/// The seed's defaults with the values every admin must type.
fn defaults() -> Settings {
    Settings::default()
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::AdDomain, "corp.example.com")
        .with(Field::Organization, "Contoso")
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
    settings.scope = Scope::RoutingGroup;
    settings
}

pub fn sets() -> [(&'static str, Settings); 3] {
    [
        ("default", defaults()),
        ("existing-special-names", existing_with_special_names()),
        ("new-scoped-long-names", new_scoped_with_long_names()),
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
        for offer in offers(&settings) {
            let file = offer.file.unwrap_or_else(|fields| panic!("{set}: {} waits for {fields:?}", offer.name));
            golden(set, &file.name, &file.bytes());
        }
        golden(set, "README.txt", &readme_of(&settings));
    }
}

fn readme_of(settings: &Settings) -> Vec<u8> {
    let zip = archive_offer(settings, STAMP).unwrap();
    // The README is the archive's first entry: 30-byte header, then name, then data.
    let name_len = u16::from_le_bytes([zip[26], zip[27]]) as usize;
    let size = u32::from_le_bytes([zip[18], zip[19], zip[20], zip[21]]) as usize;
    zip[30 + name_len..30 + name_len + size].to_vec()
}

#[test]
fn files_use_crlf_and_scripts_carry_a_bom() {
    for (set, settings) in sets() {
        for offer in offers(&settings) {
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
    let offers = offers(&Settings::default());
    let waiting: Vec<(&str, Result<(), Vec<Field>>)> =
        offers.iter().map(|offer| (offer.name, offer.file.as_ref().map(|_| ()).map_err(Clone::clone))).collect();
    assert_eq!(
        waiting,
        [
            ("backup-smtp-connectors.cmd", Err(vec![Field::AdDomain])),
            ("create-mailroute-connector.ldf", Err(vec![Field::Bridgehead, Field::AdDomain, Field::Organization])),
            ("restart-services-and-test.ps1", Ok(())),
            ("restart-services.cmd", Ok(())),
            ("rollback-delete-connector.ldf", Err(vec![Field::Bridgehead, Field::AdDomain, Field::Organization])),
        ]
    );
    let broken = defaults().with(Field::Cost, "0");
    assert_eq!(archive_offer(&broken, STAMP), Err(vec![Field::Cost]));
}

#[test]
fn files_resting_on_unconfirmed_facts_say_so() {
    for (set, settings) in sets() {
        for offer in offers(&settings) {
            let caution = offer.caution.unwrap_or_default();
            match offer.name {
                "create-mailroute-connector.ldf" => assert!(caution.contains("lab first"), "{set}"),
                "rollback-delete-connector.ldf" => assert!(caution.contains("right-click, Delete"), "{set}"),
                name => assert_eq!(caution, "", "{set} {name}"),
            }
        }
    }
}
