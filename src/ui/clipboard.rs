//! Copying text for the admin: the Clipboard API where the browser offers and allows it,
//! otherwise the text is selected on the page so that Ctrl+C copies it.

use wasm_bindgen::closure::Closure;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::host;
use crate::ui::state::{Action, Copied, State};

/// Copies `text` and says so. `id` names the element that shows the text (selected when the
/// clipboard is unavailable) and the button's state; `name` says what was copied.
pub fn copy(dispatcher: UseReducerDispatcher<State>, id: String, text: String, name: String) {
    spawn_local(async move {
        let (how, announcement) = if host::copy(&text, &id).await {
            (Copied::Yes, format!("Copied {name}"))
        } else {
            (
                Copied::Selected,
                format!("Could not copy automatically. The {name} is selected: press Ctrl+C to copy it."),
            )
        };
        dispatcher.dispatch(Action::Copied { id: id.clone(), how, announcement });
        host::later(2_500, &Closure::once_into_js(move || dispatcher.dispatch(Action::CopyExpired(id))));
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
