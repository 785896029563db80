//! The page's link: its query's pairs and its fragment's shared settings, decoded by the
//! browser, for `domain::link` and `domain::share`.

use crate::domain::saved::{decode, Saved, Unreadable};
use crate::domain::settings::Settings;
use crate::domain::share::{fragment, FRAGMENT};

/// The query's `key=value` pairs; a pair the browser cannot decode is skipped.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let decode =
        |text: &str| js_sys::decode_uri_component(&text.replace('+', " ")).ok().and_then(|text| text.as_string());
    let mut pairs = Vec::new();
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if let (Some(key), Some(value)) = (decode(key), decode(value)) {
            pairs.push((key, value));
        }
    }
    pairs
}

/// What a shared link carries in its fragment (`#settings=…`), read by the saved format's
/// reader, or why it cannot be read; None without one.
pub fn shared() -> Option<Result<Saved, Unreadable>> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let encoded = hash.strip_prefix('#')?.strip_prefix(FRAGMENT)?;
    let text = js_sys::decode_uri_component(encoded).ok().and_then(|text| text.as_string());
    Some(text.ok_or(Unreadable::Garbled).and_then(|text| decode(&text)))
}

/// The page's address with a fragment that carries these settings (`share::fragment`).
pub fn share_url(settings: &Settings) -> String {
    let location = gloo::utils::window().location();
    let page = [location.origin().unwrap_or_default(), location.pathname().unwrap_or_default()].concat();
    let encoded: String = js_sys::encode_uri_component(&fragment(settings)).into();
    [page, "#".to_string(), FRAGMENT.to_string(), encoded].concat()
}

/// Takes the query and the fragment out of the page's address once the admin has applied
/// or discarded what they proposed, so that a reload does not propose it again.
pub fn forget_link() {
    let window = gloo::utils::window();
    if let (Ok(history), Ok(path)) = (window.history(), window.location().pathname()) {
        // The entry keeps the page it shows (`ui::address`), for Back and Forward.
        let page = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&page, "", Some(&path));
    }
}
