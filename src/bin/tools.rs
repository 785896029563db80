//! The page's tools: the file generators and the SPF checker, in a module of their own that
//! the page loads the first time the admin asks for the files, a shell command or an SPF
//! check, so that they cost nothing on the first load (see src/ui/host.rs). Settings come in
//! as the saved format's text; the files go back as `files::wire` text.

#[cfg(target_arch = "wasm32")]
mod exports {
    use smarthost_assistant::domain::files::{self, wire, zip::Stamp};
    use smarthost_assistant::domain::spf;
    use smarthost_assistant::domain::{link, saved};
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    pub fn offers(settings: &str) -> String {
        saved::decode(settings).map(|(settings, _)| wire::encode(&files::offers(&settings))).unwrap_or_default()
    }

    /// The archive's bytes; empty while some file must wait.
    #[wasm_bindgen]
    pub fn archive(settings: &str, year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Vec<u8> {
        let stamp = Stamp { year, month, day, hour, minute, second };
        saved::decode(settings)
            .ok()
            .and_then(|(settings, _)| files::archive(&settings, stamp).ok())
            .map(|(_, bytes)| bytes)
            .unwrap_or_default()
    }

    #[wasm_bindgen]
    pub fn shell(settings: &str) -> String {
        saved::decode(settings).map(|(settings, _)| wire::encode_shell(files::shell(&settings))).unwrap_or_default()
    }

    /// The offline page with the admin's state (the saved format) inside, marked with `stamp`.
    #[wasm_bindgen]
    pub fn offline_page(page: &str, stamp: &str, saved: &str) -> Option<String> {
        link::with_state(page, stamp, saved)
    }

    #[wasm_bindgen]
    pub fn check_spf(pasted: &str) -> String {
        spf::check(pasted).encode()
    }
}

fn main() {}
