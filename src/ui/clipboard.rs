//! Copying text for the admin: the Clipboard API where the browser offers and allows it,
//! otherwise the text is selected on the page so that Ctrl+C copies it.

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::state::{Action, Copied, State};

/// Copies `text` and says so. `id` names the element that shows the text (selected when the
/// clipboard is unavailable) and the button's state; `name` says what was copied.
pub fn copy(dispatcher: UseReducerDispatcher<State>, id: String, text: String, name: String) {
    spawn_local(async move {
        let (how, announcement) = if write_clipboard(&text).await {
            (Copied::Yes, format!("Copied {name}"))
        } else {
            select(&id);
            (
                Copied::Selected,
                format!("Could not copy automatically. The {name} is selected: press Ctrl+C to copy it."),
            )
        };
        dispatcher.dispatch(Action::Copied { id: id.clone(), how, announcement });
        Timeout::new(2_500, move || dispatcher.dispatch(Action::CopyExpired(id))).forget();
    });
}

/// The copy button's label for the state of copying this `id`.
pub fn label(state: &State, id: &str) -> &'static str {
    match state.copied(id) {
        None => "Copy",
        Some(Copied::Yes) => "Copied",
        Some(Copied::Selected) => "Press Ctrl+C",
    }
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    // The property is missing on insecure origins; calling through it would throw.
    let present =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|value| !value.is_undefined());
    present && JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

fn select(id: &str) {
    let document = web_sys::window().and_then(|window| window.document());
    let selection = web_sys::window().and_then(|window| window.get_selection().ok().flatten());
    if let (Some(selection), Some(node)) = (selection, document.and_then(|document| document.get_element_by_id(id))) {
        let _ = selection.select_all_children(node.unchecked_ref());
    }
}
