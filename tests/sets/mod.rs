//! The reviewed sets of settings whose files are kept as golden copies (tests/golden/) and
//! read back by the parsers we did not write (tests/parsers.rs).

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use smarthost_assistant::domain::files::archive;
use smarthost_assistant::domain::files::zip::Stamp;
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

pub const STAMP: Stamp = Stamp { year: 2026, month: 11, day: 27, hour: 9, minute: 30, second: 0 };

/// The seed's defaults with the values every admin must type, for a new connector.
pub fn defaults() -> Settings {
    new_connector(
        Settings::default()
            .with(Field::Bridgehead, "EXCH01")
            .with(Field::AdDomain, "corp.example.com")
            .with(Field::Organization, "Contoso"),
    )
}

/// The admin answered that there is no connector yet.
pub fn new_connector(mut settings: Settings) -> Settings {
    settings.connector = Connector::New;
    settings
}

/// An existing connector with names that need DN escaping and base64.
pub fn existing_with_special_names() -> Settings {
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
pub fn new_scoped_with_long_names() -> Settings {
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

pub fn on(platform: Platform) -> Settings {
    let mut settings = Settings::default();
    settings.platform = platform;
    new_connector(settings)
}

/// Exchange 2007 before Service Pack 1: scoped by a `Local:` address space.
pub fn exchange_2007_rtm_scoped() -> Settings {
    let mut settings = on(Platform::Exchange2007).with(Field::SourceServers, "HUB01");
    settings.release_2007 = Release2007::Rtm;
    settings.scope = Scope::Local;
    settings
}

pub fn exchange_2016_new() -> Settings {
    on(Platform::Exchange2016)
        .with(Field::ConnectorName, "MailRoute Outbound")
        .with(Field::SmartHosts, "outbound.mailroute.net, 203.0.113.9")
        .with(Field::SourceServers, "EX01, ex02.corp.example.com")
        .with(Field::Cost, "5")
}

/// An existing connector whose name needs quoting, with its address spaces replaced.
pub fn exchange_2019_existing() -> Settings {
    let mut settings =
        on(Platform::Exchange2019).with(Field::ConnectorName, "Internet 'Outbound' $(Get-Date) ‘quoted’");
    settings.connector = Connector::Existing;
    settings.replace_address_space = true;
    settings.scope = Scope::Local;
    settings
}

/// Exchange 2010 on the Hub Transport side: an existing connector, address spaces kept.
pub fn exchange_2010_existing() -> Settings {
    let mut settings = on(Platform::Exchange2010).with(Field::ConnectorName, "Internet");
    settings.connector = Connector::Existing;
    settings
}

pub fn exchange_2013_scoped() -> Settings {
    let mut settings = on(Platform::Exchange2013).with(Field::SourceServers, "MBX01");
    settings.scope = Scope::Local;
    settings
}

pub fn exchange_se_new() -> Settings {
    on(Platform::ExchangeSe)
        .with(Field::AddressSpace, "*.example.org")
        .with(Field::Cost, "10")
        .with(Field::SourceServers, "SE01")
}

pub fn exchange_online() -> Settings {
    on(Platform::ExchangeOnline).with(Field::ConnectorName, "MailRoute Outbound")
}

/// Exchange 2003, an existing connector that routed by DNS before: its rollback deletes the
/// smart host again (review W2).
pub fn existing_routed_by_dns() -> Settings {
    let mut settings = defaults().with(Field::ConnectorName, "Internet Mail").with(Field::PreviousSmartHosts, "");
    settings.connector = Connector::Existing;
    settings
}

pub fn sets() -> [(&'static str, Settings); 11] {
    [
        ("default", defaults()),
        ("existing-special-names", existing_with_special_names()),
        ("existing-routed-by-dns", existing_routed_by_dns()),
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

/// The README of these settings' archive, its first entry (stored: 30-byte header, then the
/// name, then the data); None while the archive waits for values.
pub fn readme_of(settings: &Settings) -> Option<Vec<u8>> {
    let (name, zip) = archive(settings, STAMP, Confirmed::ALL).ok()?;
    assert_eq!(name, format!("mailroute-{}.zip", settings.platform.id()));
    let name_len = u16::from_le_bytes([zip[26], zip[27]]) as usize;
    let size = u32::from_le_bytes([zip[18], zip[19], zip[20], zip[21]]) as usize;
    Some(zip[30 + name_len..30 + name_len + size].to_vec())
}
