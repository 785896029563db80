//! The browser front end: it renders the domain and turns the admin's input into actions.

pub mod app;
pub mod clipboard;
pub mod components;
pub mod download;
pub mod focus;
pub mod hooks;
pub mod link;
pub mod offline;
pub mod state;
pub mod storage;
pub mod theme;
pub mod tools;

pub use app::App;

/// The element the assistant mounts into; the page provides it.
pub const ROOT_ID: &str = "smarthost-assistant";

pub fn mount() {
    match gloo::utils::document().get_element_by_id(ROOT_ID) {
        Some(root) => {
            // A page saved by the browser holds the app as it was drawn: start from empty,
            // so that there is never a second copy of it.
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render()
        }
        None => yew::Renderer::<App>::new().render(),
    };
}
