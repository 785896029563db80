#![cfg(not(target_arch = "wasm32"))]
//! Settings a link presets, from its query's pairs as the browser decodes them.

use smarthost_assistant::domain::link::presets;
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

fn link(pairs: &[(&str, &str)]) -> Settings {
    presets(pairs.iter().copied())
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
    assert_eq!(settings.connector, Connector::New);
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
    ]);
    assert_eq!(settings, Settings::default());
}
