#![cfg(not(target_arch = "wasm32"))]
//! Settings a link presets, from its query's pairs as the browser decodes them.

use smarthost_assistant::domain::link::{offered, proposals, split, Proposed};
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

/// The defaults with everything a link proposes applied.
fn link(pairs: &[(&str, &str)]) -> Settings {
    let mut settings = Settings::default();
    for change in proposals(&Settings::default(), pairs.iter().copied()).unwrap() {
        change.apply(&mut settings);
    }
    settings
}

#[test]
fn a_first_visit_takes_the_platform_and_names_at_once_and_nothing_that_routes_mail() {
    let pairs = [
        ("platform", "exchange-2016"),
        ("connector-name", "Docs preset"),
        ("smart-hosts", "relay.attacker.example"),
        ("address-space", "example.com"),
        ("cost", "100"),
        ("scope", "local"),
        ("spf-record", "v=spf1 include:attacker.example -all"),
    ];
    let (now, later) = split(proposals(&Settings::default(), pairs).unwrap(), true);
    assert_eq!(
        now,
        [Proposed::Platform(Platform::Exchange2016), Proposed::Value(Field::ConnectorName, "Docs preset".to_string())]
    );
    assert_eq!(later.len(), 5, "{later:?}");
    assert!(later.iter().all(Proposed::routes));
    // With the admin's own values stored, nothing is taken at once.
    let (now, later) = split(proposals(&Settings::default(), pairs).unwrap(), false);
    assert_eq!((now.len(), later.len()), (0, 7));
}

#[test]
fn what_a_link_would_not_change_is_not_proposed() {
    let pairs = [("smart-hosts", "outbound.mailroute.net"), ("platform", "exchange-2003"), ("connector", "unanswered")];
    assert_eq!(proposals(&Settings::default(), pairs).unwrap(), []);
    assert_eq!(
        proposals(&Settings::default(), [("connector", "new")]).unwrap(),
        [Proposed::Connector(Connector::New)],
        "an answer to the connector question is a change"
    );
    let pairs = [("connector-name", "A"), ("connector-name", "B")];
    assert_eq!(
        proposals(&Settings::default(), pairs).unwrap(),
        [Proposed::Value(Field::ConnectorName, "B".to_string())],
        "the last of each"
    );
}

#[test]
fn a_link_presets_the_values_it_names() {
    let settings = link(&[
        ("platform", "exchange-2003"),
        ("smart-hosts", "relay.example.net"),
        ("connector", "existing"),
        ("connector-name", "Mail via MailRoute"),
        ("scope", "local"),
        ("exchange-2007-release", "rtm"),
    ]);
    assert_eq!(settings.get(Field::SmartHosts), "relay.example.net");
    assert_eq!(settings.get(Field::ConnectorName), "Mail via MailRoute");
    assert_eq!(settings.connector, Connector::Existing);
    assert_eq!(settings.scope, Scope::Local);
    assert_eq!(settings.release_2007, Release2007::Rtm);
    assert_eq!(settings.get(Field::AdminGroup), "First Administrative Group", "the rest keeps its defaults");
}

#[test]
fn a_link_chooses_the_platform() {
    assert_eq!(link(&[("platform", "exchange-online")]).platform, Platform::ExchangeOnline);
    assert_eq!(link(&[("platform", "exchange-2016"), ("source-servers", "EX01")]).get(Field::SourceServers), "EX01");
    assert_eq!(
        link(&[("platform", "exchange-2031")]).platform,
        Platform::Exchange2003,
        "an unknown platform is skipped"
    );
}

#[test]
fn a_damaged_link_still_opens_with_what_it_can_use() {
    let settings = link(&[
        ("connector", "sideways"),
        ("scope", ""),
        ("smart-hosts", ""),
        ("organization", "Contoso\n"),
        ("cost", "5"),
        ("", ""),
    ]);
    assert_eq!(settings.connector, Connector::Unanswered);
    assert_eq!(settings.scope, Scope::Organization);
    assert_eq!(settings.get(Field::SmartHosts), "", "a key without a value sets an empty value");
    assert_eq!(settings.get(Field::Organization), "", "control characters are skipped");
    assert_eq!(settings.get(Field::Cost), "5");
    assert_eq!(link(&[]), Settings::default());
}

#[test]
fn only_documented_keys_are_read() {
    let settings = link(&[
        ("previous-smart-hosts", "relay.attacker.example"),
        ("replace-address-space", "true"),
        ("done", "exchange-2003:register-ip"),
        ("values", "x"),
        (
            "test-header",
            "Received: from gw1.lax01.mailroute.net ([199.89.1.1]) by mx.example.org; Sat, 28 Nov 2026 10:00:00 +0000",
        ),
        ("error-text", "554 5.7.1 Relay access denied"),
    ]);
    assert_eq!(settings, Settings::default());
}

#[test]
fn an_offline_copy_offers_each_value_that_differs_and_routing_ones_wait() {
    let mut copy = Settings::default()
        .with(Field::SmartHosts, "relay.attacker.example")
        .with(Field::PreviousSmartHosts, "old.example.net")
        .with(Field::Bridgehead, "EXCH01");
    copy.platform = Platform::Exchange2016;
    copy.replace_address_space = true;
    let current = Settings::default().with(Field::Bridgehead, "EXCH01");
    let changes = offered(&current, &copy);
    assert_eq!(
        changes,
        [
            Proposed::Platform(Platform::Exchange2016),
            Proposed::ReplaceAddressSpace(true),
            Proposed::Value(Field::SmartHosts, "relay.attacker.example".to_string()),
            Proposed::Value(Field::PreviousSmartHosts, "old.example.net".to_string()),
        ],
        "what the admin has already is not offered"
    );
    // On a first visit the platform is taken; the smart hosts, the previous ones and the
    // address-space replacement wait for the admin.
    let (now, later) = split(changes.clone(), true);
    assert_eq!(now, [Proposed::Platform(Platform::Exchange2016)]);
    assert!(later.iter().all(Proposed::routes) && later.len() == 3, "{later:?}");
    assert_eq!(split(changes, false).0, [], "with values of the admin's own, everything waits");
    assert_eq!(offered(&copy, &copy), []);
}

/// What the review banner says of each value from outside: where it came from, and what it
/// sets to what, as the admin reads them (the banner's rows are these).
#[test]
fn the_review_banner_names_each_source_and_each_value() {
    use smarthost_assistant::domain::link::Source;
    let sources = [Source::OfflineCopy, Source::Link, Source::SharedLink, Source::SettingsFile];
    let labels: Vec<&str> = sources.iter().map(|source| source.label()).collect();
    assert_eq!(
        labels,
        [
            "the offline copy you opened",
            "the link you opened",
            "the shared link you opened",
            "the settings file you imported"
        ]
    );
    let mut settings = Settings::default();
    settings.platform = Platform::Exchange2003;
    let rows: Vec<(&str, String)> = [
        Proposed::Platform(Platform::Exchange2016),
        Proposed::Release(Release2007::Rtm),
        Proposed::Connector(Connector::Existing),
        Proposed::Scope(Scope::Local),
        Proposed::ReplaceAddressSpace(true),
        Proposed::Value(Field::SmartHosts, "relay.attacker.example".to_string()),
    ]
    .iter()
    .map(|proposed| proposed.describe(&settings))
    .collect();
    assert_eq!(
        rows,
        [
            ("Mail platform", Platform::Exchange2016.label().to_string()),
            ("Exchange 2007 release", <&str>::from(Release2007::Rtm).to_string()),
            ("Connector", Connector::Existing.describe().to_string()),
            ("Connector scope", "Routing group".to_string()),
            ("Replace the connector's address spaces", "yes".to_string()),
            (Field::SmartHosts.label(), "relay.attacker.example".to_string()),
        ]
    );
    assert!(rows.iter().all(|(label, value)| !label.is_empty() && !value.is_empty()));
}
