#![cfg(not(target_arch = "wasm32"))]
//! Settings carried in links and inside the offline file.

use proptest::prelude::*;
use smarthost_assistant::domain::link::{decode, encode, presets, with_state};
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::saved;
use smarthost_assistant::domain::settings::{Connector, Field, Settings};

#[test]
fn a_link_presets_the_values_it_names() {
    let settings = presets(
        "?platform=exchange-2003&smart-hosts=relay.example.net&connector=existing&connector-name=Mail+via%20MailRoute",
    );
    assert_eq!(settings.get(Field::SmartHosts), "relay.example.net");
    assert_eq!(settings.get(Field::ConnectorName), "Mail via MailRoute");
    assert_eq!(settings.connector, Connector::Existing);
    assert_eq!(settings.get(Field::AdminGroup), "First Administrative Group", "the rest keeps its defaults");
}

#[test]
fn a_link_chooses_the_platform() {
    assert_eq!(presets("?platform=exchange-online").platform, Platform::ExchangeOnline);
    assert_eq!(presets("?platform=exchange-2016&source-servers=EX01").get(Field::SourceServers), "EX01");
    assert_eq!(presets("?platform=exchange-2031").platform, Platform::Exchange2003, "an unknown platform is skipped");
}

#[test]
fn a_damaged_link_still_opens_with_what_it_can_use() {
    let settings = presets("?connector=sideways&%ZZ=1&bridgehead=%E2%28&smart-hosts&organization=Contoso%0A&cost=5&&=");
    assert_eq!(settings.connector, Connector::New);
    assert_eq!(settings.get(Field::Bridgehead), "", "bytes that are not UTF-8 are skipped");
    assert_eq!(settings.get(Field::SmartHosts), "", "a key without a value sets an empty value");
    assert_eq!(settings.get(Field::Organization), "", "control characters are skipped");
    assert_eq!(settings.get(Field::Cost), "5");
    assert_eq!(presets(""), Settings::default());
}

#[test]
fn malformed_escapes_are_refused() {
    for text in ["%", "%4", "%G1", "%FF", "a%2"] {
        assert_eq!(decode(text), None, "{text}");
    }
}

#[test]
fn the_offline_page_carries_the_state_in_its_data_block() {
    let page =
        r#"<main></main><script id="sha-state" type="application/x-smarthost-state"></script><script>x</script>"#;
    let mut progress = Progress::default();
    progress.toggle(Platform::Exchange2003, "register-ip");
    let settings = Settings::default().with(Field::Organization, "</script><script>alert(1)</script> & \"Ü\"");
    let text = saved::encode(&settings, &progress);
    let out = with_state(page, "1700000000000", &text).unwrap();
    let start = out.find("x-smarthost-state\">").unwrap() + "x-smarthost-state\">".len();
    let block = &out[start..start + out[start..].find("</script>").unwrap()];
    assert!(!block.contains(['<', '>', '&', '"']), "{block}");
    // The page reads the block as two lines, the stamp and the saved text (src/web/host.js).
    let (stamp, saved_text) = block.trim().split_once('\n').unwrap();
    assert_eq!(stamp, "1700000000000");
    assert_eq!(decode(saved_text), Some(text.clone()));
    assert_eq!(saved::decode(&text), Ok((settings, progress)));
    assert!(out.ends_with("</script><script>x</script>"));

    let again = with_state(&out, "1700000000001", "smarthost-assistant 1").unwrap();
    assert_eq!(again.matches("x-smarthost-state").count(), 1, "the block is replaced, not added");
    assert_eq!(with_state("<html></html>", "1", "x"), None);
}

proptest! {
    #[test]
    fn encoding_round_trips_any_text(text in any::<String>()) {
        let encoded = encode(&text);
        prop_assert!(encoded.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"-_.~%".contains(&byte)));
        prop_assert_eq!(decode(&encoded), Some(text));
    }
}
