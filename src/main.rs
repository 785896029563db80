fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount();
}
