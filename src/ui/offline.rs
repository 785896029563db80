//! "Save for offline use": the self-contained page (dist/offline.html, built by
//! scripts/package.mjs), downloaded with the admin's values and progress inside it. The
//! hosted page offers it; an offline copy keeps its own progress in the browser instead.
//! The work is the tools module's (`download_page`): the page only asks for it, so that
//! neither its code nor the 700 KB page text passes through the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::platform::Platform;
use crate::domain::saved::{self, OfflineState, Saved};
use crate::tools::offline_page;
use crate::ui::address::href;
use crate::ui::{download::download, tools};

pub const FILE_NAME: &str = "smarthost-assistant-offline.html";
const PAGE: &str = "offline.html";

/// Asks the tools module to download the offline page with this state inside; the error is
/// a sentence for the admin. The page lives at the assistant's root, beside the platform
/// choice, whichever page the address shows (`at`).
pub async fn save(saved: &Saved, at: Option<Platform>) -> Result<(), String> {
    tools::load().await?;
    tools::save_offline(saved::encode(saved), [href(at, None), PAGE.to_string()].concat()).await
}

/// In the tools module: fetches the offline page from its address, puts the saved state in
/// it, and downloads it.
pub async fn download_page(saved: String, address: String) -> Result<(), String> {
    let page = fetch_text(&address).await?;
    // Whole milliseconds: formatting a float would bring its code into the download.
    let state = OfflineState { stamp: (js_sys::Date::now() as u64).to_string(), saved };
    let filled = offline_page(&page, &state)
        .ok_or("The offline page has no place for your values; it may be from an older release.")?;
    if download(FILE_NAME, filled.as_bytes()) {
        Ok(())
    } else {
        Err("The browser refused to save the file.".to_string())
    }
}

/// The text of the offline page.
async fn fetch_text(path: &str) -> Result<String, String> {
    let unreachable = || "The offline copy could not be fetched. Check the connection, then try again.".to_string();
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_str(path)).await.map_err(|_| unreachable())?.unchecked_into();
    if !response.ok() {
        return Err(format!("The server answered {} for {PAGE}.", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| unreachable())?).await.map_err(|_| unreachable())?;
    text.as_string().ok_or_else(unreachable)
}
