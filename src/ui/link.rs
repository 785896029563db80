//! The page's link: its query's pairs, decoded by the browser, for `domain::link`.

/// The query's `key=value` pairs; a pair the browser cannot decode is skipped.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let decode =
        |text: &str| js_sys::decode_uri_component(&text.replace('+', " ")).ok().and_then(|text| text.as_string());
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(key)?, decode(value)?))
        })
        .collect()
}

/// Takes the query out of the page's address once the admin has applied or discarded what
/// it proposed, so that a reload does not propose it again.
pub fn forget_query() {
    let window = gloo::utils::window();
    if let (Ok(history), Ok(path)) = (window.history(), window.location().pathname()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
