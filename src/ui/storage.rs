//! The admin's state in the browser's localStorage, through gloo-storage, and the state an
//! offline copy carries inside it.
//!
//! Storage may be missing, blocked (private modes, sandboxed frames, file:// pages) or full.
//! gloo-storage panics where it is missing, so `available` is asked first.

use gloo::storage::{LocalStorage, Storage};

use crate::domain::saved::{self, Found, OfflineState, Saved, Unreadable};

const KEY: &str = "mailroute-smarthost-assistant";
/// Stored data the app could not read, kept rather than overwritten.
const UNREADABLE: &str = "mailroute-smarthost-assistant.unreadable";
/// The stamp of the offline copy whose values the admin has applied or discarded here.
const SETTLED: &str = "mailroute-smarthost-assistant.imported";
/// The element of an offline copy that carries its state (`tools::STATE_ELEMENT`).
const STATE_ID: &str = "sha-state";

/// Made once at start-up and taken apart at once, so the size of its largest variant costs
/// nothing.
#[allow(clippy::large_enum_variant)]
pub enum Loaded {
    Nothing,
    Restored(Saved),
    /// Stored data that could not be read; `kept` says whether it is kept aside.
    Unreadable {
        why: Unreadable,
        kept: bool,
    },
    Unavailable,
}

fn available() -> bool {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten()).is_some()
}

/// Where the admin's state is kept. Chromium gives every `file://` page one storage, so any
/// local page could write the plain key: an offline copy keeps its state under its own stamp,
/// and what the plain key holds is only offered to it (review F10).
fn key() -> String {
    match stamp() {
        Some(stamp) => [KEY, ".", &stamp].concat(),
        None => KEY.to_string(),
    }
}

fn get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn set(key: &str, text: &str) -> bool {
    LocalStorage::raw().set_item(key, text).is_ok()
}

/// The state this browser saved.
pub fn load() -> Loaded {
    if !available() {
        return Loaded::Unavailable;
    }
    match saved::found(get(&key()).as_deref()) {
        Found::Nothing => Loaded::Nothing,
        Found::Restored(saved) => Loaded::Restored(saved),
        Found::KeepAside { text, why } => Loaded::Unreadable { why, kept: set(UNREADABLE, &text) },
    }
}

/// The state an offline copy carries, or why it cannot be read, until the admin has
/// applied or discarded its values in this browser (`settle_offered`); None on the hosted
/// page.
pub fn offered() -> Option<Result<Saved, Unreadable>> {
    Some(saved::decode(&unsettled()?.saved))
}

/// In an offline copy, until its values are settled here: what the plain key holds, which
/// this copy never writes (an earlier copy did, or any other local page); None where it
/// holds nothing this release can read, which, not being this copy's, is left as it is.
pub fn unstamped() -> Option<Saved> {
    unsettled()?;
    saved::decode(&get(KEY)?).ok()
}

fn unsettled() -> Option<OfflineState> {
    offline_state().filter(|state| get(SETTLED).as_ref() != Some(&state.stamp))
}

/// Marks the offline copy's values as settled here, so that a reload does not offer them
/// again.
pub fn settle_offered() {
    if let Some(state) = offline_state() {
        set(SETTLED, &state.stamp);
    }
}

/// Why the browser did not store the state.
pub enum Refused {
    Blocked,
    Full,
}

/// Stores the state in the saved format (`saved::encode`, which names its version, so it is
/// written as text rather than through gloo's own serde call).
pub fn save(saved: &Saved) -> Result<(), Refused> {
    if !available() {
        return Err(Refused::Blocked);
    }
    LocalStorage::raw().set_item(&key(), &saved::encode(saved)).map_err(|error| {
        // The one refusal that names itself: the Web Storage quota (HTML, "setItem").
        let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|name| name.as_string());
        if name.as_deref() == Some("QuotaExceededError") {
            Refused::Full
        } else {
            Refused::Blocked
        }
    })
}

/// Whether this page is an offline copy: it carries a state element.
pub fn is_offline_copy() -> bool {
    state_element().is_some()
}

fn state_element() -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(STATE_ID)
}

/// The stamp of the offline copy this page is; None on the hosted page, or in a copy saved
/// empty.
fn stamp() -> Option<String> {
    state_element()?.get_attribute("data-stamp")
}

/// The state an offline copy carries (src/tools.rs writes it): the saved state as the
/// element's text, and its stamp.
fn offline_state() -> Option<OfflineState> {
    Some(OfflineState { stamp: stamp()?, saved: state_element()?.text_content()? })
}
