//! The admin's state in the browser, through src/web/host.js: stored in localStorage when
//! the browser allows it, handed from one build to the other on a reload, or taken once from
//! an offline copy's own data block (see `domain::link`).

use wasm_bindgen::prelude::*;

use crate::domain::link;
use crate::domain::progress::Progress;
use crate::domain::saved::{self, Unreadable};
use crate::domain::settings::Settings;

#[wasm_bindgen(module = "/src/web/host.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadState)]
    fn load_state() -> Vec<String>;
    #[wasm_bindgen(js_name = saveState)]
    fn save_state(text: &str) -> bool;
    #[wasm_bindgen(js_name = keepAside)]
    fn keep_aside(text: &str);
    #[wasm_bindgen(js_name = handOver)]
    fn hand_over_state(text: &str);
}

pub enum Loaded {
    Nothing,
    Restored(Settings, Progress),
    Unreadable(Unreadable),
    Unavailable,
}

/// The state, and whether the other build handed it over.
pub fn load() -> (Loaded, bool) {
    let found = load_state();
    let text = found.get(1).map(String::as_str).unwrap_or_default();
    match found.first().map(String::as_str) {
        Some("handoff") => (read(text), true),
        Some("offline") => {
            (link::decode(text).map_or(Loaded::Unreadable(Unreadable::Garbled), |text| read(&text)), false)
        }
        Some("stored") => (read(text), false),
        Some("none") => (Loaded::Nothing, false),
        _ => (Loaded::Unavailable, false),
    }
}

fn read(text: &str) -> Loaded {
    match saved::decode(text) {
        Ok((settings, progress)) => Loaded::Restored(settings, progress),
        Err(unreadable) => {
            // Best effort: if this fails too, saving will fail and say so.
            keep_aside(text);
            Loaded::Unreadable(unreadable)
        }
    }
}

/// Stores the state; false when the browser refused.
pub fn save(settings: &Settings, progress: &Progress) -> bool {
    save_state(&saved::encode(settings, progress))
}

/// Reloads the page with the state handed over, for the loader to start the build that
/// serves the admin's platform (see `ui::bundle`).
pub fn hand_over(settings: &Settings, progress: &Progress) {
    hand_over_state(&saved::encode(settings, progress));
}
