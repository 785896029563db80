//! Copying text for the admin: the Clipboard API where the browser offers and allows it,
//! otherwise the text is selected on the page so that Ctrl+C copies it.

use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::state::{Action, Copied, State};

/// How long a copy button says "Copied".
const SHOWN_MS: u32 = 2_500;

/// Copies the text; false when it could only be selected (element `id`) for Ctrl+C.
async fn write(text: &str, id: &str) -> bool {
    let written = JsFuture::from(gloo::utils::window().navigator().clipboard().write_text(text)).await;
    if written.is_ok() {
        return true;
    }
    if let (Ok(Some(selection)), Some(node)) =
        (gloo::utils::window().get_selection(), gloo::utils::document().get_element_by_id(id))
    {
        let _ = selection.select_all_children(&node);
    }
    false
}

/// Copies `text` and says so. `id` names the element that shows the text (selected when the
/// clipboard is unavailable) and the button's state; `name` says what was copied.
pub fn copy(dispatcher: UseReducerDispatcher<State>, id: String, text: String, name: String) {
    spawn_local(async move {
        let (how, announcement) = if write(&text, &id).await {
            (Copied::Yes, format!("Copied {name}"))
        } else {
            (
                Copied::Selected,
                format!("Could not copy automatically. The {name} is selected: press Ctrl+C to copy it."),
            )
        };
        dispatcher.dispatch(Action::Copied { id: id.clone(), how, announcement });
        Timeout::new(SHOWN_MS, move || dispatcher.dispatch(Action::CopyExpired(id))).forget();
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
