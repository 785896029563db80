//! Prints the pre-rendered pages as JSON (`ui::prerender`); scripts/package.mjs, Trunk's
//! post_build hook, runs it and writes each page into the build.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    println!("{}", serde_json::to_string(&smarthost_assistant::ui::prerender::site()).expect("the pages serialize"));
}
