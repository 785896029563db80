use yew::prelude::*;

use crate::ui::app::use_app;
use crate::ui::state::Action;

/// Clears the check marks after the admin confirms; the values stay.
#[component]
pub fn ResetProgress() -> Html {
    let state = use_app();
    let confirming = use_state(|| false);
    let reset_ref = use_node_ref();
    let cancel_ref = use_node_ref();
    let first_render = use_mut_ref(|| true);
    {
        // Keep keyboard focus where the admin is as the buttons swap.
        let (reset_ref, cancel_ref) = (reset_ref.clone(), cancel_ref.clone());
        use_effect_with(*confirming, move |confirming| {
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
                let target = if *confirming { &cancel_ref } else { &reset_ref };
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let set = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(value))
    };
    let confirm = {
        let (state, confirming) = (state.clone(), confirming.clone());
        Callback::from(move |_| {
            state.dispatch(Action::Reset);
            confirming.set(false);
        })
    };
    if *confirming {
        html! {
            <div class="sha-reset sha-confirm" role="group" aria-labelledby="sha-reset-question">
                <p id="sha-reset-question">{ "Clear every check mark? Your values stay." }</p>
                <button type="button" class="sha-button sha-danger" onclick={confirm}>{ "Yes, clear progress" }</button>
                <button type="button" class="sha-button" ref={cancel_ref} onclick={set(false)}>{ "Cancel" }</button>
            </div>
        }
    } else {
        html! {
            <div class="sha-reset">
                <button type="button" class="sha-button" ref={reset_ref} onclick={set(true)}>{ "Reset progress" }</button>
            </div>
        }
    }
}
