#![cfg(not(target_arch = "wasm32"))]
//! The stored form of the settings, progress and theme: the JSON envelope, the migration
//! from the `key=value` text of earlier releases, and what happens to data that cannot be read.

mod common;

use proptest::prelude::*;
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::saved::{decode, encode, found, Found, Saved, Theme, Unreadable, VERSION};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};
use smarthost_assistant::domain::share;

fn sample() -> Saved {
    let mut settings = Settings::default();
    settings.platform = Platform::Exchange2016;
    settings.release_2007 = Release2007::Rtm;
    settings.connector = Connector::Existing;
    settings.scope = Scope::Local;
    settings.replace_address_space = true;
    let settings = settings
        .with(Field::ConnectorName, "Ausgehend \"alle\", über; MailRoute\\")
        .with(Field::SmartHosts, "outbound.mailroute.net, [203.0.113.9]")
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::Organization, "Contoso = Ltd </script>")
        .with(Field::PreviousSmartHosts, "");
    let mut progress = Progress::default();
    progress.toggle(Platform::Exchange2003, "register-ip");
    progress.toggle(Platform::Exchange2016, "open-send-connector");
    Saved { settings, progress, theme: Theme::Dark }
}

#[test]
fn what_is_saved_comes_back_unchanged() {
    let saved = sample();
    assert_eq!(decode(&encode(&saved)), Ok(saved));
}

#[test]
fn the_stored_text_is_json_that_names_its_format_and_version() {
    let text = encode(&sample());
    assert!(text.starts_with(&format!("{{\"format\":\"smarthost-assistant\",\"version\":{VERSION},")), "{text}");
    assert!(text.contains("\"platform\":\"exchange-2016\""), "{text}");
    assert!(text.contains("\"bridgehead\":\"EXCH01\""), "values are saved under their field ids: {text}");
    assert!(
        text.contains("\"progress\":[\"exchange-2003:register-ip\",\"exchange-2016:open-send-connector\"]"),
        "{text}"
    );
    assert!(text.contains("\"theme\":\"dark\""), "{text}");
}

#[test]
fn fields_missing_from_older_data_take_their_defaults_and_unknown_ones_are_skipped() {
    let text = r#"{"format":"smarthost-assistant","version":3,"settings":{"values":{"bridgehead":"MAIL1","future-field":"x"},"future-choice":1}}"#;
    let saved = decode(text).unwrap();
    assert_eq!(saved.settings, Settings::default().with(Field::Bridgehead, "MAIL1"));
    assert_eq!(saved.progress, Progress::default());
    assert_eq!(saved.theme, Theme::System);
}

/// Text exactly as the release before this one stored it (version 2, `key=value`).
const SAVED_BY_THE_LAST_RELEASE: &str = "smarthost-assistant 2\nplatform=exchange-2019\nexchange-2007-release=rtm\nconnector=existing\nscope=local\nreplace-address-space=true\nconnector-name=Ausgehend \"alle\" \\\\ MailRoute\nsmart-hosts=outbound.mailroute.net\nbridgehead=EXCH01\naddress-space=*\ncost=5\nad-domain=corp.example.com\norganization=Contoso\nadmin-group=First Administrative Group\nrouting-group=First Routing Group\nvirtual-server=1\nprevious-smart-hosts=old.relay.example\nsource-servers=EX01, EX02\nspf-record=v=spf1 mx -all\ndone=exchange-2003:register-ip\ndone=exchange-2019:spf-record";

#[test]
fn an_admin_upgrading_finds_every_value_and_check_mark() {
    let saved = decode(SAVED_BY_THE_LAST_RELEASE).unwrap();
    let settings = &saved.settings;
    assert_eq!(settings.platform, Platform::Exchange2019);
    assert_eq!(settings.release_2007, Release2007::Rtm);
    assert_eq!(settings.connector, Connector::Existing);
    assert_eq!(settings.scope, Scope::Local);
    assert!(settings.replace_address_space);
    assert_eq!(settings.get(Field::ConnectorName), "Ausgehend \"alle\" \\ MailRoute");
    assert_eq!(settings.get(Field::Cost), "5");
    assert_eq!(settings.get(Field::PreviousSmartHosts), "old.relay.example");
    assert_eq!(settings.get(Field::SourceServers), "EX01, EX02");
    assert_eq!(settings.get(Field::SpfRecord), "v=spf1 mx -all");
    assert!(saved.progress.is_done(Platform::Exchange2003, "register-ip"));
    assert!(saved.progress.is_done(Platform::Exchange2019, "spf-record"));
    assert_eq!(saved.progress.keys().count(), 2);
    // Saved again, it is in the new format and reads back the same.
    let text = encode(&saved);
    assert!(text.starts_with('{'));
    assert_eq!(decode(&text), Ok(saved));
}

#[test]
fn version_1_data_was_exchange_2003_and_stays_so() {
    let text = "smarthost-assistant 1\nconnector=existing\nscope=routing-group\nbridgehead=MAIL1\ndone=register-ip\ndone=address-space";
    let saved = decode(text).unwrap();
    assert_eq!(saved.settings.platform, Platform::Exchange2003);
    assert_eq!(saved.settings.scope, Scope::Local);
    assert_eq!(saved.settings.connector, Connector::Existing);
    assert!(saved.progress.is_done(Platform::Exchange2003, "register-ip"));
    assert!(saved.progress.is_done(Platform::Exchange2003, "address-space"));
    assert!(!saved.progress.is_done(Platform::Exchange2016, "register-ip"));
}

#[test]
fn each_platform_keeps_its_own_progress() {
    let mut progress = Progress::default();
    progress.toggle(Platform::Exchange2003, "spf-record");
    progress.toggle(Platform::ExchangeOnline, "spf-record");
    progress.toggle(Platform::Exchange2019, "register-ip");
    progress.clear(Platform::ExchangeOnline);
    assert!(progress.is_done(Platform::Exchange2003, "spf-record"));
    assert!(!progress.is_done(Platform::ExchangeOnline, "spf-record"));
    assert!(progress.is_done(Platform::Exchange2019, "register-ip"));
    let saved = Saved { progress: progress.clone(), ..Saved::default() };
    assert_eq!(decode(&encode(&saved)).unwrap().progress, progress);
}

#[test]
fn steps_of_a_platform_from_a_later_release_are_skipped() {
    for text in [
        "smarthost-assistant 2\ndone=exchange-2031:register-ip\ndone=exchange-se:spf-record",
        r#"{"format":"smarthost-assistant","version":3,"progress":["exchange-2031:register-ip","exchange-se:spf-record"]}"#,
    ] {
        assert_eq!(decode(text).unwrap().progress.keys().collect::<Vec<_>>(), ["exchange-se:spf-record"], "{text}");
    }
}

#[test]
fn garbage_is_reported_not_trusted() {
    for text in [
        "",
        "not ours",
        "{\"format\":\"smarthost-assistant\",\"version\":0}",
        "{\"format\":\"smarthost-assistant\",\"version\":3,\"settings\":{\"connector\":\"sideways\"}}",
        "{\"format\":\"smarthost-assistant\",\"version\":3,\"settings\":{\"platform\":\"exchange-2031\"}}",
        "{\"format\":\"smarthost-assistant\",\"version\":3,\"settings\":{\"values\":{\"cost\":5}}}",
        "{\"format\":\"smarthost-assistant\",\"version\":3",
        "smarthost-assistant",
        "smarthost-assistant one",
        "smarthost-assistant 0",
        "smarthost-assistant 1\nconnector=sideways",
        "smarthost-assistant 2\nscope=everywhere",
        "smarthost-assistant 1\nbridgehead",
        "smarthost-assistant 1\nbridgehead=bad\\escape",
        "smarthost-assistant 1\nbridgehead=ends in\\",
        "\u{feff}\u{0}\u{1}",
    ] {
        assert_eq!(decode(text), Err(Unreadable::Garbled), "{text:?}");
    }
}

#[test]
fn json_that_is_not_the_assistants_is_named_as_such() {
    for text in [
        "{\"version\":1,\"settings\":{}}",
        "{\"format\":\"someone-else\",\"version\":1}",
        "{}",
        "{\"name\":\"not-ours\",\"version\":\"1.0.0\"}",
        "{\"name\": \"cut off",
    ] {
        assert_eq!(decode(text), Err(Unreadable::Foreign), "{text:?}");
    }
}

#[test]
fn data_from_a_newer_release_is_recognised_as_such() {
    assert_eq!(
        decode(r#"{"format":"smarthost-assistant","version":7,"settings":"a shape this release cannot know"}"#),
        Err(Unreadable::Newer(7))
    );
}

#[test]
fn what_cannot_be_read_is_kept_aside_exactly_as_it_was() {
    let newer = r#"{"format":"smarthost-assistant","version":7,"settings":"a shape this release cannot know"}"#;
    assert_eq!(found(Some(newer)), Found::KeepAside { text: newer.to_string(), why: Unreadable::Newer(7) });
    let damaged = "smarthost-assistant 2\nbridgehead=EXCH01\nconnector=sideways";
    assert_eq!(found(Some(damaged)), Found::KeepAside { text: damaged.to_string(), why: Unreadable::Garbled });
    assert_eq!(found(None), Found::Nothing);
    assert_eq!(found(Some(&encode(&sample()))), Found::Restored(sample()));
}

fn any_settings() -> impl Strategy<Value = Settings> {
    common::any_settings_of(any::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn any_settings_and_progress_round_trip(saved in common::any_saved_of(any::<String>())) {
        prop_assert_eq!(decode(&encode(&saved)), Ok(saved));
    }

    #[test]
    fn no_text_makes_the_reader_panic(text in any::<String>()) {
        let _ = decode(&text);
    }

    /// A settings file gives back the settings and progress; a shared link the settings.
    /// Neither carries the pasted header or error, nor the theme.
    #[test]
    fn the_settings_file_and_the_shared_link_round_trip(settings in any_settings(), progress in common::any_progress()) {
        let saved = Saved { settings: settings.clone(), progress: progress.clone(), theme: Theme::Dark };
        let evidence_free = settings.with(Field::TestHeader, "").with(Field::ErrorText, "");
        prop_assert_eq!(decode(&share::file(&saved)), Ok(Saved { settings: evidence_free.clone(), progress, theme: Theme::System }));
        prop_assert_eq!(decode(&share::fragment(&saved.settings)), Ok(Saved { settings: evidence_free, ..Saved::default() }));
    }
}

/// The length of `text` once the browser's `encodeURIComponent` has written it.
fn uri_component_length(text: &str) -> usize {
    text.bytes().map(|byte| if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) { 1 } else { 3 }).sum()
}

#[test]
fn a_shared_link_stays_under_2000_characters_for_the_largest_realistic_settings() {
    let name = "Outbound mail through MailRoute for Contoso Europe and Americas";
    let mut settings = Settings::default()
        .with(Field::ConnectorName, name)
        .with(Field::SmartHosts, "outbound.mailroute.net")
        .with(Field::Bridgehead, "EXCHANGE-HUB-01")
        .with(Field::AddressSpace, "*")
        .with(Field::Cost, "10")
        .with(Field::AdDomain, "corp.emea.contoso-international.example.com")
        .with(Field::Organization, name)
        .with(Field::AdminGroup, name)
        .with(Field::ServerAdminGroup, name)
        .with(Field::RoutingGroup, name)
        .with(Field::VirtualServer, "2")
        .with(Field::PreviousSmartHosts, "smtp.isp-relay.example.net, [203.0.113.25]")
        .with(Field::SourceServers, "EX01, EX02, EX03, EX04, EX05, EX06, EX07, EX08")
        .with(
            Field::SpfRecord,
            "v=spf1 ip4:203.0.113.0/24 ip4:198.51.100.0/24 include:spf.protection.outlook.com include:_spf.google.com include:sendgrid.net include:servers.mcsv.net -all",
        )
        .with(Field::TestHeader, "Received: from x ".repeat(1000));
    settings.connector = Connector::Existing;
    settings.scope = Scope::Local;
    settings.replace_address_space = true;
    let link = format!("https://help.mailroute.net/docs/smarthost-assistant/#{}", share::FRAGMENT);
    let length = link.len() + uri_component_length(&share::fragment(&settings));
    assert!(length < 2000, "{length} characters");
    let default = link.len() + uri_component_length(&share::fragment(&Settings::default()));
    assert!(default < 1000, "{default} characters for the defaults");
    println!("shared link: {default} characters for the defaults, {length} for the largest realistic settings");
}
