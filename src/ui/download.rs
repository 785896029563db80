//! Saving bytes as a file: a blob (gloo-file) behind a temporary link.

use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Some browsers read the blob after the click returns; it is freed once the download has it.
const KEEP_MS: u32 = 60_000;

/// Starts a download; false when the browser refused.
pub fn download(name: &str, bytes: &[u8]) -> bool {
    let url = ObjectUrl::from(Blob::new_with_options(bytes, Some("application/octet-stream")));
    let Some(link) =
        gloo::utils::document().create_element("a").ok().and_then(|link| link.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Timeout::new(KEEP_MS, move || drop(url)).forget();
    true
}
