//! The root component: it owns the state, saves it, and hands it down by context.

use yew::prelude::*;

use crate::ui::components::announcer::announcer;
use crate::ui::components::checklist::checklist;
use crate::ui::components::storage_notice::storage_notice;
use crate::ui::components::values_form::values_form;
use crate::ui::state::{Action, AppContext, State};
use crate::ui::storage;

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::load);
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (state.settings.clone(), state.progress.clone()),
            move |(settings, progress)| {
                if !storage::save(settings, progress) {
                    dispatcher.dispatch(Action::SaveFailed);
                }
            },
        );
    }
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="sha">
                <header class="sha-header">
                    <h1>{ "Send outgoing mail through MailRoute" }</h1>
                    <p class="sha-lead">{ "Exchange Server 2003: an SMTP connector that forwards all outgoing mail to MailRoute's smarthost." }</p>
                </header>
                { storage_notice(&state) }
                { values_form(&state) }
                { checklist(&state) }
                { announcer(&state) }
            </div>
        </ContextProvider<AppContext>>
    }
}

/// The app's state, for components below `App`.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App")
}
