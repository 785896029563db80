use yew::prelude::*;

use crate::domain::saved::Unreadable;
use crate::ui::state::{Action, State, StorageNotice};

/// Says, once, that progress cannot be saved or could not be restored.
pub fn storage_notice(notice: &StorageNotice, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let message = match notice {
        StorageNotice::None => return Html::default(),
        StorageNotice::WillNotSave => {
            "This browser does not let the page store data, so your values and progress will be lost when the page is closed or reloaded. Everything else works."
        }
        StorageNotice::Full => {
            "This browser's storage for this site is full, so your latest changes are not saved. Free some space, and the next change is."
        }
        StorageNotice::CouldNotRestore(Unreadable::Garbled) => {
            "Progress saved on an earlier visit could not be read, so the checklist starts afresh. The unreadable data is kept aside in this browser."
        }
        StorageNotice::CouldNotRestore(Unreadable::Newer(_)) => {
            "Progress was saved by a newer version of this assistant and cannot be read by this one, so the checklist starts afresh. The saved data is kept aside in this browser."
        }
    };
    let dismiss = dispatcher.to_callback().reform(|_| Action::DismissNotice);
    html! {
        <div class="sha-notice" role="alert">
            <p>{ message }</p>
            <button type="button" class="sha-button" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
