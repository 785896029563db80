//! The build for Exchange Online (see `ui::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount(&smarthost_assistant::ui::bundle::EXCHANGE_ONLINE);
}
