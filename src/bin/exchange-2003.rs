//! The build for Exchange 2003 (see `ui::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount(&smarthost_assistant::ui::bundle::EXCHANGE_2003);
}
