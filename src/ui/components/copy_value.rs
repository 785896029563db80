use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::app::use_app;
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    /// What the value is, for the button's accessible name and the announcement.
    pub name: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Selected,
}

/// A value to type, with a button that copies it and says so.
#[component]
pub fn CopyValue(props: &Props) -> Html {
    let state = use_app();
    let copied = use_state(|| Copied::Not);
    let timer = use_mut_ref(|| None::<Timeout>);
    let code_ref = use_node_ref();

    let onclick = {
        let (text, name) = (props.text.clone(), props.name.clone());
        let (copied, code_ref) = (copied.clone(), code_ref.clone());
        Callback::from(move |_| {
            let (text, name, copied, code_ref) =
                (text.clone(), name.clone(), copied.clone(), code_ref.clone());
            let (state, timer) = (state.clone(), timer.clone());
            spawn_local(async move {
                let outcome = if write_clipboard(&text).await {
                    state.dispatch(Action::Announce(format!("Copied {name}: {text}")));
                    Copied::Yes
                } else {
                    select(&code_ref);
                    state.dispatch(Action::Announce(format!(
                        "Could not copy automatically. The {name} is selected: press Ctrl+C to copy it."
                    )));
                    Copied::Selected
                };
                copied.set(outcome);
                let reset = copied.clone();
                *timer.borrow_mut() = Some(Timeout::new(2_500, move || reset.set(Copied::Not)));
            });
        })
    };
    let label = match *copied {
        Copied::Not => "Copy",
        Copied::Yes => "Copied",
        Copied::Selected => "Press Ctrl+C",
    };
    html! {
        <span class="sha-value">
            <code ref={code_ref}>{ props.text.clone() }</code>
            <button type="button" class="sha-button sha-copy" aria-label={format!("{label} {}", props.name)} {onclick}>
                { label }
            </button>
        </span>
    }
}

/// Writes to the clipboard if the browser offers and allows it.
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // The property is missing on insecure origins; calling through it would throw.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|value| !value.is_undefined());
    present
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
}

/// Selects the value so that the admin can copy it by hand.
fn select(code_ref: &NodeRef) {
    let selection = web_sys::window().and_then(|window| window.get_selection().ok().flatten());
    if let (Some(selection), Some(node)) = (selection, code_ref.get()) {
        let _ = selection.select_all_children(node.unchecked_ref());
    }
}
