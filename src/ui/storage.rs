//! The browser's localStorage, used with care: it may be missing, blocked (private modes,
//! sandboxed frames, file:// pages) or full, and every call to it can throw. gloo-storage
//! panics when storage is blocked, so this talks to web-sys directly and reports failures.

use crate::domain::progress::Progress;
use crate::domain::saved::{self, Unreadable};
use crate::domain::settings::Settings;

const KEY: &str = "mailroute-smarthost-assistant";
/// Where data the app cannot read is set aside, rather than overwritten.
const UNREADABLE_KEY: &str = "mailroute-smarthost-assistant.unreadable";

pub enum Loaded {
    Nothing,
    Restored(Settings, Progress),
    Unreadable(Unreadable),
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    match storage.get_item(KEY) {
        Err(_) => Loaded::Unavailable,
        Ok(None) => Loaded::Nothing,
        Ok(Some(text)) => match saved::decode(&text) {
            Ok((settings, progress)) => Loaded::Restored(settings, progress),
            Err(unreadable) => {
                // Best effort: if this fails too, saving will fail and say so.
                let _ = storage.set_item(UNREADABLE_KEY, &text);
                Loaded::Unreadable(unreadable)
            }
        },
    }
}

/// Stores the state; false when the browser refused.
pub fn save(settings: &Settings, progress: &Progress) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(KEY, &saved::encode(settings, progress)).is_ok())
}
