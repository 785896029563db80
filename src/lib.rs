//! The smarthost assistant: `domain` is plain Rust (settings, validation, the checklists,
//! the generators, persistence) and tested natively; `ui` renders it with Yew in the
//! browser; `tools` is the typed interface to the module that holds the generators.

pub mod domain;
pub mod tools;

pub mod ui;
