use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::PopStateEvent;
use yew::prelude::*;

use crate::ui::address::{self, title};
use crate::ui::state::{Action, Store};

/// Keeps the address and the title on the page the admin sees: choosing a platform moves to
/// its page's address, and Back and Forward go between the pages again, all without loading.
#[hook]
pub fn use_address(store: &Store) {
    let shown = (!store.choosing).then_some(store.settings().platform);
    let started = use_mut_ref(|| false);
    let (at, offline_copy, dispatcher) = (store.at, store.offline_copy, store.dispatcher());
    use_effect_with(shown, move |shown| {
        address::set_title(&title(*shown));
        let first = !std::mem::replace(&mut *started.borrow_mut(), true);
        if first {
            address::mark(at);
        }
        // The start's own move (a link that names the platform) replaces the entry.
        if *shown != at && !offline_copy && address::go(at, *shown, first) {
            dispatcher.dispatch(Action::Arrived(*shown));
        }
    });
    let dispatcher = store.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |event| {
            let state = event.unchecked_ref::<PopStateEvent>().state();
            if let Some(at) = address::recorded(&state) {
                dispatcher.dispatch(Action::Navigated(at));
            }
        });
        move || drop(listener)
    });
}
