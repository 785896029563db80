use yew::prelude::*;

use crate::domain::saved::Unreadable;
use crate::ui::app::use_app;
use crate::ui::state::{Action, StorageNotice as Notice};

/// Says, once, that progress cannot be saved or could not be restored.
#[component]
pub fn StorageNotice() -> Html {
    let state = use_app();
    let message = match &state.notice {
        Notice::None => return Html::default(),
        Notice::WillNotSave => {
            "This browser does not let the page store data, so your values and progress will be lost when the page is closed or reloaded. Everything else works."
        }
        Notice::CouldNotRestore(Unreadable::Garbled) => {
            "Progress saved on an earlier visit could not be read, so the checklist starts afresh. The unreadable data is kept aside in this browser."
        }
        Notice::CouldNotRestore(Unreadable::Newer(_)) => {
            "Progress was saved by a newer version of this assistant and cannot be read by this one, so the checklist starts afresh. The saved data is kept aside in this browser."
        }
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="sha-notice" role="alert">
            <p>{ message }</p>
            <button type="button" class="sha-button" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
