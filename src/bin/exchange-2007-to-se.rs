//! The build for Exchange 2007 to Subscription Edition (see `ui::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount(&smarthost_assistant::ui::bundle::SEND_CONNECTOR);
}
