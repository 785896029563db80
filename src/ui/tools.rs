//! The tools module from the page's side: loading it, and asking it for what it makes
//! through the typed interface of `crate::tools`.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::files::{Command, Offer};
use crate::domain::guard::Confirmed;
use crate::domain::platform::Platform;
use crate::domain::report::Report;
use crate::domain::settings::{Field, Settings};
use crate::tools::{Answer, Request};

#[wasm_bindgen]
extern "C" {
    /// The loaded tools module: its wasm-bindgen glue, with `call` and `save_offline`
    /// (src/bin/tools.rs).
    pub type Module;
    #[wasm_bindgen(method, catch)]
    fn call(this: &Module, request: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch, js_name = save_offline)]
    fn save_offline_page(this: &Module, saved: &str, address: &str) -> Result<js_sys::Promise, JsValue>;
    /// The loader's function that fetches the tools module (src/web/loader.js). A dynamic
    /// `import()` of another module is the one thing here that Rust cannot express.
    #[wasm_bindgen(catch, js_namespace = smarthostAssistant, js_name = loadTools)]
    fn load_tools() -> Result<js_sys::Promise, JsValue>;
    /// The tools module once `loadTools` has loaded it; the loader keeps it.
    #[wasm_bindgen(catch, js_namespace = smarthostAssistant, js_name = tools)]
    fn loaded() -> Result<Option<Module>, JsValue>;
}

/// Loads the tools module; the error is a sentence for the admin.
pub async fn load() -> Result<(), String> {
    // A browser does not fetch a module again once it failed, so only a reload retries.
    let failed = || {
        "The scripts and the checks could not be loaded. Check the network connection, then reload the page: your values are kept.".to_string()
    };
    JsFuture::from(load_tools().map_err(|_| failed())?).await.map_err(|_| failed())?;
    Ok(())
}

/// The tools module's answer; None until it is loaded, or if it failed.
fn ask(request: &Request) -> Option<Answer> {
    let request = serde_json::to_string(request).ok()?;
    let answer = loaded().ok()??.call(&request).ok()?;
    serde_json::from_str(&answer).ok()
}

pub fn offers(settings: &Settings, confirmed: Confirmed) -> Option<Vec<Offer>> {
    match ask(&Request::Offers(settings.clone(), confirmed))? {
        Answer::Offers(offers) => Some(offers),
        _ => None,
    }
}

/// The archive's bytes, its entries dated now in local time.
pub fn archive(settings: &Settings, confirmed: Confirmed) -> Option<Vec<u8>> {
    // The offset is UTC minus local time, in minutes.
    let now = js_sys::Date::new_0();
    let local = (now.get_time() / 1000.0 - now.get_timezone_offset() * 60.0) as i64;
    match ask(&Request::Archive(settings.clone(), local, confirmed))? {
        Answer::Archive(bytes) => Some(bytes),
        _ => None,
    }
}

/// A shell command: None where the platform has none, or the fields it waits for.
pub fn shell(settings: &Settings, command: Command, confirmed: Confirmed) -> Option<Result<String, Vec<Field>>> {
    match ask(&Request::Shell(command, settings.clone(), confirmed))? {
        Answer::Shell(shell) => shell.map(Ok),
        Answer::Missing(missing) => Some(Err(missing)),
        _ => None,
    }
}

/// The check of what the admin pasted into `field`: the SPF helper's, the header check's or
/// the error explainer's; `outside` as in `Request::Check`.
pub fn check(field: Field, pasted: &str, platform: Platform, outside: bool) -> Option<Report> {
    match ask(&Request::Check(field, pasted.to_string(), platform, outside))? {
        Answer::Report(report) => Some(report),
        _ => None,
    }
}

/// Has the tools module download the offline page with this saved state inside; the error
/// is a sentence for the admin.
pub async fn save_offline(saved: String, address: String) -> Result<(), String> {
    let failed = || "The offline copy could not be made. Reload the page and try again.".to_string();
    let module = loaded().ok().flatten().ok_or_else(failed)?;
    let promise = module.save_offline_page(&saved, &address).map_err(|_| failed())?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|why| why.as_string().unwrap_or_else(failed))
}
