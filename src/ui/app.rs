//! The root component: it owns the state, saves it, and renders the page from it.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::domain::platform::Platform;
use crate::ui::bundle::Bundle;
use crate::ui::components::announcer::announcer;
use crate::ui::components::checklist::checklist;
use crate::ui::components::files_panel::files_panel;
use crate::ui::components::platform_choice::platform_choice;
use crate::ui::components::storage_notice::storage_notice;
use crate::ui::components::values_form::values_form;
use crate::ui::focus::focus;
use crate::ui::state::{Action, State, Store, Tools};
use crate::ui::storage;
use crate::ui::{host, offline};

#[derive(PartialEq, Properties)]
pub struct AppProps {
    pub bundle: &'static Bundle,
}

/// The one component. Every part of the page is a view function of its state that
/// dispatches actions to its reducer; the handle is passed down as an argument, since no
/// component below would need a context to reach it.
#[component]
pub fn App(props: &AppProps) -> Html {
    let bundle = props.bundle;
    let store = use_reducer(|| State::load(bundle));
    let served = bundle.serves(store.settings.platform);
    {
        // A platform of another build: reload into it with the state handed over. Were the
        // handed-over state still not this build's, the loader disagrees with it, so fall
        // back to this build's first platform rather than reload for ever.
        let (settings, progress, handed_over) = (store.settings.clone(), store.progress.clone(), store.handed_over);
        let dispatcher = store.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(served, move |served| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if first && handed_over && *served {
                // The admin was at the platform choice when the page reloaded: keep them there.
                focus("platform");
            }
            if !*served {
                match Platform::ALL.into_iter().find(|platform| bundle.serves(*platform)) {
                    Some(platform) if first && handed_over => dispatcher.dispatch(Action::ChoosePlatform(platform)),
                    _ => storage::hand_over(&settings, &progress),
                }
            }
        });
    }
    {
        let dispatcher = store.dispatcher();
        use_effect_with((store.settings.clone(), store.progress.clone()), move |(settings, progress)| {
            if !storage::save(settings, progress) {
                dispatcher.dispatch(Action::SaveFailed);
            }
        });
    }
    {
        // The button that asked for the tools is gone once they are there: take the keyboard
        // to what it asked for rather than leave it nowhere.
        let ready = store.tools == Tools::Ready;
        let target = store.tools_focus.clone();
        use_effect_with(ready, move |ready| {
            let lost = web_sys::window()
                .and_then(|window| window.document())
                .is_some_and(|document| document.active_element().is_none_or(|element| element.tag_name() == "BODY"));
            if *ready && lost {
                focus(&target);
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
    let body = if served {
        html! {
            <>
                { values_form(&store) }
                { checklist(&store) }
                { files_panel(&store) }
            </>
        }
    } else {
        html! { <p class="sha-loading">{ format!("Loading the steps for {}…", store.settings.platform.label()) }</p> }
    };
    html! {
        <div class="sha">
            <header class="sha-header">
                <h1>{ "Send outgoing mail through MailRoute" }</h1>
                <p class="sha-lead">{ "Route all outgoing mail from Exchange through MailRoute's smarthost: a checklist for your version, and scripts made from your values to back up, apply, check and roll back the change." }</p>
                { save_offline(&store) }
            </header>
            { storage_notice(&store) }
            { platform_choice(&store) }
            { body }
            { announcer(&store) }
        </div>
    }
}

/// The button that downloads the page as one file for use without a network.
fn save_offline(store: &Store) -> Html {
    if host::is_offline_copy() {
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
