//! The tools module: the file generators and the SPF checker, in a WebAssembly module of
//! their own that the page loads the first time the admin asks for the files, a shell
//! command, an SPF check or the offline copy, so that they cost nothing on the first load.
//! It answers `tools::Request`s (see src/tools.rs).

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn call(request: &str) -> String {
    smarthost_assistant::tools::answer(request)
}

fn main() {}
