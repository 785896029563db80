//! The browser front end: it renders the domain and turns the admin's input into actions.

pub mod app;
pub mod bundle;
pub mod clipboard;
pub mod components;
pub mod focus;
pub mod host;
pub mod offline;
pub mod state;
pub mod storage;

pub use app::{App, AppProps};

use crate::ui::bundle::Bundle;

/// The element the assistant mounts into; the page provides it.
pub const ROOT_ID: &str = "smarthost-assistant";

pub fn mount(bundle: &'static Bundle) {
    let props = AppProps { bundle };
    let root =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id(ROOT_ID));
    match root {
        Some(root) => {
            // A page saved by the browser holds the app as it was drawn: start from empty,
            // so that there is never a second copy of it.
            root.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(root, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
