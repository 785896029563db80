//! The smarthost assistant: `domain` is plain Rust (settings, validation, the checklist,
//! persistence) and tested natively; `ui` renders it with Yew in the browser.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod ui;
