//! The page: the assistant for every platform, in one build.

fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount();
}
