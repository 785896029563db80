//! The browser's localStorage, used with care: it may be missing, blocked (private modes,
//! sandboxed frames, file:// pages) or full, and every call to it can throw. gloo-storage
//! panics when storage is blocked, so this talks to web-sys directly and reports failures.
//!
//! The offline file also carries a state of its own (see `domain::link`): the first time
//! a copy opens, that state is taken, and what the browser held before is set aside.

use crate::domain::link::state_in;
use crate::domain::progress::Progress;
use crate::domain::saved::{self, Unreadable};
use crate::domain::settings::Settings;

const KEY: &str = "mailroute-smarthost-assistant";
/// Where data the app cannot read is set aside, rather than overwritten.
const UNREADABLE_KEY: &str = "mailroute-smarthost-assistant.unreadable";
/// Where the state an offline copy replaced is set aside.
const PREVIOUS_KEY: &str = "mailroute-smarthost-assistant.previous";
/// The stamp of the offline copy whose state was last taken.
const IMPORTED_KEY: &str = "mailroute-smarthost-assistant.imported";

pub enum Loaded {
    Nothing,
    Restored(Settings, Progress),
    Unreadable(Unreadable),
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The offline file's state block, when this page is one.
fn embedded() -> Option<(String, String)> {
    let block = web_sys::window()?.document()?.get_element_by_id("sha-state")?.text_content()?;
    state_in(&block)
}

pub fn load() -> Loaded {
    let storage = local_storage();
    if let Some((stamp, text)) = embedded() {
        let taken = storage.as_ref().and_then(|storage| storage.get_item(IMPORTED_KEY).ok().flatten());
        if taken.as_deref() != Some(stamp.as_str()) {
            if let Some(storage) = &storage {
                if let Ok(Some(before)) = storage.get_item(KEY) {
                    let _ = storage.set_item(PREVIOUS_KEY, &before);
                }
                let _ = storage.set_item(IMPORTED_KEY, &stamp);
            }
            return read(storage.as_ref(), &text);
        }
    }
    let Some(storage) = storage else {
        return Loaded::Unavailable;
    };
    match storage.get_item(KEY) {
        Err(_) => Loaded::Unavailable,
        Ok(None) => Loaded::Nothing,
        Ok(Some(text)) => read(Some(&storage), &text),
    }
}

fn read(storage: Option<&web_sys::Storage>, text: &str) -> Loaded {
    match saved::decode(text) {
        Ok((settings, progress)) => Loaded::Restored(settings, progress),
        Err(unreadable) => {
            // Best effort: if this fails too, saving will fail and say so.
            if let Some(storage) = storage {
                let _ = storage.set_item(UNREADABLE_KEY, text);
            }
            Loaded::Unreadable(unreadable)
        }
    }
}

/// Stores the state; false when the browser refused.
pub fn save(settings: &Settings, progress: &Progress) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(KEY, &saved::encode(settings, progress)).is_ok())
}
