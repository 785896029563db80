//! The root component: it owns the state, saves it, and renders the page from it.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::components::announcer::announcer;
use crate::ui::components::checklist::checklist;
use crate::ui::components::files_panel::files_panel;
use crate::ui::components::storage_notice::storage_notice;
use crate::ui::components::values_form::values_form;
use crate::ui::focus::focus;
use crate::ui::offline;
use crate::ui::state::{Action, State, Store};
use crate::ui::storage;

/// The one component. Every part of the page is a view function of its state that
/// dispatches actions to its reducer; the handle is passed down as an argument, since no
/// component below would need a context to reach it.
#[component]
pub fn App() -> Html {
    let store = use_reducer(State::load);
    {
        let dispatcher = store.dispatcher();
        use_effect_with((store.settings.clone(), store.progress.clone()), move |(settings, progress)| {
            if !storage::save(settings, progress) {
                dispatcher.dispatch(Action::SaveFailed);
            }
        });
    }
    {
        // Keep the keyboard where the admin is as Reset's buttons swap.
        let first = use_mut_ref(|| true);
        use_effect_with(store.confirming_reset, move |confirming| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus(if *confirming { "sha-reset-cancel" } else { "sha-reset" });
            }
        });
    }
    html! {
        <div class="sha">
            <header class="sha-header">
                <h1>{ "Send outgoing mail through MailRoute" }</h1>
                <p class="sha-lead">{ "Exchange Server 2003: an SMTP connector that forwards all outgoing mail to MailRoute's smarthost, with the scripts to back up, apply, test and roll back the change." }</p>
                { save_offline(&store) }
            </header>
            { storage_notice(&store) }
            { values_form(&store) }
            { checklist(&store) }
            { files_panel(&store) }
            { announcer(&store) }
        </div>
    }
}

/// The button that downloads the page as one file for use without a network.
fn save_offline(store: &Store) -> Html {
    if offline::is_offline_copy() {
        return Html::default();
    }
    let onclick = {
        let store = store.clone();
        Callback::from(move |_| {
            let store = store.clone();
            spawn_local(async move {
                let outcome = offline::save(&store).await;
                store.dispatch(Action::OfflineSaved(outcome));
            });
        })
    };
    let error = store
        .offline_error
        .as_ref()
        .map(|why| html! { <p class="sha-problem" data-severity="error">{ why.clone() }</p> });
    html! {
        <div class="sha-offline">
            <button type="button" class="sha-button" {onclick} aria-describedby="sha-offline-hint">{ "Save for offline use" }</button>
            <span id="sha-offline-hint" class="sha-hint">{ format!(" One file, {}, with your values and progress inside: it opens without a network.", offline::FILE_NAME) }</span>
            { error.unwrap_or_default() }
        </div>
    }
}
