//! The tools module: the file generators, the checks (SPF, a test message's header, an
//! error) and the offline copy, in a WebAssembly module of their own that the page loads the
//! first time the admin asks for one of them, so that they cost nothing on the first load.
//! `call` answers `tools::Request`s (see src/tools.rs); `save_offline` is the one piece of
//! work that waits on the network, which a call's answer cannot.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn call(request: &str) -> String {
    smarthost_assistant::tools::answer(request)
}

/// Downloads the offline page, fetched from `address`, with this saved state
/// (`saved::encode`'s text) inside; the error is a sentence for the admin.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn save_offline(saved: String, address: String) -> Result<(), String> {
    smarthost_assistant::ui::offline::download_page(saved, address).await
}

fn main() {}
