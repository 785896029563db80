#![cfg(not(target_arch = "wasm32"))]
//! The stored form of the settings and progress, and what happens to data the app cannot read.

use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::saved::{decode, encode, Unreadable, VERSION};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

fn sample() -> (Settings, Progress) {
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
        .with(Field::Organization, "Contoso = Ltd")
        .with(Field::PreviousSmartHosts, "");
    let mut progress = Progress::default();
    progress.toggle(Platform::Exchange2003, "register-ip");
    progress.toggle(Platform::Exchange2016, "open-send-connector");
    (settings, progress)
}

#[test]
fn what_is_saved_comes_back_unchanged() {
    let (settings, progress) = sample();
    assert_eq!(decode(&encode(&settings, &progress)), Ok((settings, progress)));
}

#[test]
fn the_stored_text_names_its_version() {
    let (settings, progress) = sample();
    let text = encode(&settings, &progress);
    assert!(text.starts_with(&format!("smarthost-assistant {VERSION}\n")), "{text}");
    assert_eq!(text.lines().count(), 1 + 5 + Field::ALL.len() + 2, "a line for each value and each step done: {text}");
}

#[test]
fn fields_missing_from_older_data_take_their_defaults() {
    let (settings, progress) = decode("smarthost-assistant 2\nbridgehead=MAIL1\nfuture-setting=x").unwrap();
    assert_eq!(settings, Settings::default().with(Field::Bridgehead, "MAIL1"));
    assert_eq!(progress, Progress::default());
}

#[test]
fn version_1_data_was_exchange_2003_and_stays_so() {
    let text = "smarthost-assistant 1\nconnector=existing\nscope=routing-group\nbridgehead=MAIL1\ndone=register-ip\ndone=address-space";
    let (settings, progress) = decode(text).unwrap();
    assert_eq!(settings.platform, Platform::Exchange2003);
    assert_eq!(settings.scope, Scope::Local);
    assert_eq!(settings.connector, Connector::Existing);
    assert!(progress.is_done(Platform::Exchange2003, "register-ip"));
    assert!(progress.is_done(Platform::Exchange2003, "address-space"));
    assert!(!progress.is_done(Platform::Exchange2016, "register-ip"));
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
    let (_, back) = decode(&encode(&Settings::default(), &progress)).unwrap();
    assert_eq!(back, progress);
}

#[test]
fn steps_of_a_platform_from_a_later_release_are_skipped() {
    let (_, progress) =
        decode("smarthost-assistant 2\ndone=exchange-2031:register-ip\ndone=exchange-se:spf-record").unwrap();
    assert_eq!(progress.keys().collect::<Vec<_>>(), ["exchange-se:spf-record"]);
}

#[test]
fn values_with_line_breaks_and_backslashes_survive() {
    let settings = Settings::default().with(Field::ConnectorName, "a\\n\nb\r\\");
    let text = encode(&settings, &Progress::default());
    assert_eq!(decode(&text).unwrap().0, settings);
}

#[test]
fn garbage_is_reported_not_trusted() {
    for text in [
        "",
        "not ours",
        "{\"version\":1,\"settings\":{}}",
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
fn data_from_a_newer_release_is_recognised_as_such() {
    assert_eq!(decode("smarthost-assistant 7\nwhatever=1"), Err(Unreadable::Newer(7)));
}
