#![cfg(not(target_arch = "wasm32"))]
//! Values from outside the admin's typing meet the limits of typing (review F18): a query
//! link, a shared link, a settings file, an offline copy and this browser's storage. At its
//! field's limit a value is taken; one character over, nothing of its source is taken, and
//! what is said names the field and the lengths as a refused edit does.

use smarthost_assistant::domain::link::proposals;
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::saved::{decode, encode, found, Found, OfflineState, Saved, Unreadable};
use smarthost_assistant::domain::settings::{Field, Settings};
use smarthost_assistant::domain::share;
use smarthost_assistant::domain::validate::{limit, too_long};
use smarthost_assistant::tools::{offline_page, STATE_ELEMENT};

/// A value of `length` characters that every check of its field would otherwise take.
fn value(length: usize) -> String {
    "a".repeat(length)
}

fn with(field: Field, length: usize) -> Saved {
    let mut progress = Progress::default();
    progress.toggle(Default::default(), "register-ip");
    Saved { settings: Settings::default().with(field, value(length)), progress, ..Saved::default() }
}

/// The saved state an offline copy carries, read back out of the page the tools module
/// writes, as the copy's start-up reads its state element's text.
fn carried_by_offline_copy(saved: &Saved) -> String {
    let state = OfflineState { stamp: "1".to_string(), saved: encode(saved) };
    let page = offline_page(&format!("<html><body>{STATE_ELEMENT}</body></html>"), &state).expect("a page to fill");
    let start = page.find("data-stamp=\"1\">").expect("the copy carries its state") + "data-stamp=\"1\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    page[start..end].to_string()
}

#[test]
fn storage_a_settings_file_a_shared_link_and_an_offline_copy_take_a_value_at_its_limit_and_refuse_one_over() {
    for field in Field::ALL {
        let at = with(field, limit(field));
        let over = with(field, limit(field) + 1);
        let refused = Err(Unreadable::TooLong(field, limit(field) + 1));
        // This browser's storage, and an offline copy's state: the saved format whole.
        assert_eq!(decode(&encode(&at)), Ok(at.clone()), "{field:?} at its limit, from storage");
        assert_eq!(decode(&encode(&over)), refused, "{field:?} over its limit, from storage");
        assert_eq!(
            found(Some(&encode(&over))),
            Found::KeepAside { text: encode(&over), why: Unreadable::TooLong(field, limit(field) + 1) },
            "{field:?}: stored text over a limit is kept aside, never restored"
        );
        // A settings file and a shared link carry no evidence; a crafted one that does is
        // held to the same limits, as is any other.
        if !field.is_evidence() {
            assert_eq!(
                decode(&share::file(&at)).map(|saved| saved.settings),
                Ok(at.settings.clone()),
                "{field:?}: file"
            );
            assert_eq!(decode(&share::file(&over)), refused, "{field:?} over its limit, from a settings file");
            assert_eq!(
                decode(&share::fragment(&over.settings)),
                refused,
                "{field:?} over its limit, from a shared link"
            );
        }
    }
}

#[test]
fn the_state_inside_an_offline_copy_is_held_to_the_limits() {
    let over = with(Field::SmartHosts, 1_025);
    let carried = carried_by_offline_copy(&over);
    assert_eq!(decode(&carried), Err(Unreadable::TooLong(Field::SmartHosts, 1_025)));
    let at = with(Field::SmartHosts, 1_024);
    assert_eq!(decode(&carried_by_offline_copy(&at)), Ok(at));
}

#[test]
fn the_earlier_releases_format_is_held_to_the_limits() {
    let text = format!("smarthost-assistant 2\nplatform=exchange-2016\nconnector-name={}", value(256));
    assert_eq!(decode(&text), Err(Unreadable::TooLong(Field::ConnectorName, 256)));
    let text = format!("smarthost-assistant 2\nplatform=exchange-2016\nconnector-name={}", value(255));
    assert_eq!(decode(&text).map(|saved| saved.settings.get(Field::ConnectorName).len()), Ok(255));
}

#[test]
fn a_query_link_with_a_value_over_its_limit_is_refused_whole() {
    for field in Field::ALL.into_iter().filter(|field| *field != Field::PreviousSmartHosts && !field.is_evidence()) {
        let at = value(limit(field));
        let over = value(limit(field) + 1);
        let taken = proposals(&Settings::default(), [("platform", "exchange-2016"), (field.id(), at.as_str())]);
        assert_eq!(taken.map(|changes| changes.len()), Ok(2), "{field:?} at its limit");
        let refused = proposals(&Settings::default(), [("platform", "exchange-2016"), (field.id(), over.as_str())]);
        assert_eq!(refused, Err(Unreadable::TooLong(field, limit(field) + 1)), "{field:?} over its limit");
    }
}

#[test]
fn what_is_said_of_a_value_from_outside_is_what_is_said_of_a_paste() {
    assert_eq!(too_long(Field::SmartHosts, 1_025), "That was 1025 characters; the smart host takes at most 1024.");
    assert_eq!(too_long(Field::ConnectorName, 256), "That was 256 characters; the connector name takes at most 255.");
}
