//! The browser front end: it renders the domain and turns the admin's input into actions.

pub mod address;
pub mod app;
pub mod clipboard;
pub mod components;
pub mod download;
pub mod focus;
pub mod hooks;
pub mod link;
pub mod model;
pub mod offline;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod storage;
pub mod theme;
pub mod tools;

pub use app::App;

/// The element the assistant mounts into; the page provides it.
pub const ROOT_ID: &str = "smarthost-assistant";

/// Starts the app on the page. The page is pre-rendered (`ui::prerender`): the app renders
/// into an element of its own, which then takes the page's place (`hooks::take_over`).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    let document = gloo::utils::document();
    let Some(shown) = document.get_element_by_id(ROOT_ID) else {
        yew::Renderer::<App>::new().render();
        return;
    };
    let Ok(root) = document.create_element("main") else { return };
    for name in shown.get_attribute_names().iter().filter_map(|name| name.as_string()) {
        let _ = root.set_attribute(&name, &shown.get_attribute(&name).unwrap_or_default());
    }
    // A page saved by the browser keeps the mark, and shows its note (styles/app.css).
    let _ = root.set_attribute("data-started", "");
    let props = app::Props { take_over: Some((shown, root.clone())) };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
