//! The browser services the app uses, and the tools module, through src/web/host.js.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/web/host.js")]
extern "C" {
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str, id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = download)]
    fn download_bytes(name: &str, bytes: &[u8]) -> bool;
    #[wasm_bindgen(js_name = saveOffline)]
    fn save_offline(saved: &str, file_name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = loadTools)]
    fn load_tools() -> js_sys::Promise;
    /// The tools' functions: None until the tools are loaded.
    pub fn offers(settings: &str) -> Option<String>;
    /// The archive, its entries dated now.
    pub fn archive(settings: &str) -> Option<Vec<u8>>;
    pub fn shell(settings: &str) -> Option<String>;
    #[wasm_bindgen(js_name = checkSpf)]
    pub fn check_spf(text: &str) -> Option<String>;
    /// Calls `callback` once, after `ms` milliseconds.
    pub fn later(ms: u32, callback: &JsValue);
    /// The page's query string, such as `?smart-hosts=…`.
    pub fn query() -> String;
    /// Whether this page is an offline copy: it carries a state block.
    #[wasm_bindgen(js_name = isOfflineCopy)]
    pub fn is_offline_copy() -> bool;
}

/// Copies the text; false when it could only be selected (element `id`) for Ctrl+C.
pub async fn copy(text: &str, id: &str) -> bool {
    JsFuture::from(copy_text(text, id)).await.is_ok_and(|copied| copied.is_truthy())
}

/// Starts a download; false when the browser refused.
pub fn download(name: &str, bytes: &[u8]) -> bool {
    download_bytes(name, bytes)
}

/// Downloads the offline page with this state (the saved format) inside; the error is a
/// sentence for the admin.
pub async fn offline(saved: &str, file_name: &str) -> Result<(), String> {
    sentence(JsFuture::from(save_offline(saved, file_name)).await)
}

fn sentence(outcome: Result<JsValue, JsValue>) -> Result<(), String> {
    outcome.map(|_| ()).map_err(|why| why.as_string().unwrap_or_default())
}

/// Loads the tools module; the error is a sentence for the admin.
pub async fn tools() -> Result<(), String> {
    sentence(JsFuture::from(load_tools()).await)
}
