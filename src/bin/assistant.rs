//! The page: the assistant for every platform, in one build.

fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount();
}

// The page's allocator, declared here so that the tools module keeps Rust's default.
// talc, measured against lol_alloc and the default dlmalloc (README, "The allocator"): a
// keystroke's work in the page took a quarter to two fifths less time than with lol_alloc,
// about what dlmalloc takes, for 817 B less download than dlmalloc. `WasmDynamicTalc` is for wasm without the
// atomics feature, as the page is built: one thread allocates.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
