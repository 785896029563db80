//! "Save for offline use": the self-contained page (dist/offline.html, built by
//! scripts/package.mjs), downloaded with the admin's values and progress inside it. The
//! hosted page offers it; an offline copy keeps its own progress in the browser instead.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::link::with_state;
use crate::domain::saved;
use crate::ui::download;
use crate::ui::state::State;

pub const FILE_NAME: &str = "smarthost-assistant-offline.html";

/// Builds the offline page for this state and downloads it; the error says what went wrong.
pub async fn save(state: &State) -> Result<(), String> {
    let page = offline_page().await?;
    // As an integer: formatting an f64 would add its float printer, 10 KB, to the download.
    let stamp = (js_sys::Date::now() as u64).to_string();
    let page = with_state(&page, &stamp, &saved::encode(&state.settings, &state.progress))
        .ok_or("The offline page has no place for your values; it may be from an older release.")?;
    download::save(FILE_NAME, page.as_bytes())
        .then_some(())
        .ok_or_else(|| "The browser refused to save the file.".into())
}

/// The offline page, fetched from beside the hosted one.
async fn offline_page() -> Result<String, String> {
    let window = web_sys::window().ok_or("There is no browser window.")?;
    let unreachable = || "The offline copy could not be fetched. Check the connection, then try again.".to_string();
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str("offline.html")).await.map_err(|_| unreachable())?.unchecked_into();
    if !response.ok() {
        return Err(format!("The server answered {} for offline.html.", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| unreachable())?).await.map_err(|_| unreachable())?;
    text.as_string().ok_or_else(unreachable)
}

/// Whether this page is an offline copy: the wasm is inside it.
pub fn is_offline_copy() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("sha-wasm"))
        .is_some()
}
