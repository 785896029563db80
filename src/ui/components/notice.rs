use yew::prelude::*;

use crate::domain::saved::Unreadable;
use crate::domain::validate::too_long;
use crate::ui::state::{Action, Notice, State};

/// Says, once, that progress cannot be saved or could not be restored, or that values from
/// outside could not be read and changed nothing.
pub fn notice(notice: &Notice, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let described;
    let message = match notice {
        Notice::None => return Html::default(),
        Notice::WillNotSave => {
            "This browser does not let the page store data, so your values and progress will be lost when the page is closed or reloaded. Everything else works."
        }
        Notice::Full => {
            "This browser's storage for this site is full, so your latest changes are not saved. Free some space, and the next change is."
        }
        Notice::CouldNotRestore(Unreadable::Garbled | Unreadable::Foreign | Unreadable::TooLarge) => {
            "Progress saved on an earlier visit could not be read, so the checklist starts afresh. The unreadable data is kept aside in this browser."
        }
        Notice::CouldNotRestore(Unreadable::TooLong(field, length)) => {
            described = format!(
                "Values saved on an earlier visit were not restored, so the checklist starts afresh: one is longer than its field takes. {} The saved data is kept aside in this browser.",
                too_long(*field, *length)
            );
            &described
        }
        Notice::CouldNotRestore(Unreadable::Newer(_)) => {
            "Progress was saved by a newer version of this assistant and cannot be read by this one, so the checklist starts afresh. The saved data is kept aside in this browser."
        }
        Notice::NotTaken(source, Unreadable::TooLong(field, length)) => {
            described = format!(
                "Nothing was changed: {} holds a value longer than its field takes. {} Your values are as they were.",
                source.label(),
                too_long(*field, *length)
            );
            &described
        }
        Notice::NotTaken(source, why) => {
            let what = match why {
                Unreadable::Garbled => "is damaged and could not be read",
                Unreadable::Foreign => "is not one of this assistant's",
                Unreadable::Newer(_) => "comes from a newer version of this assistant, which this one cannot read",
                Unreadable::TooLarge | Unreadable::TooLong(..) => "is larger than anything this assistant writes",
            };
            described = format!("Nothing was changed: {} {what}. Your values are as they were.", source.label());
            &described
        }
    };
    let dismiss = dispatcher.to_callback().reform(|_| Action::DismissNotice);
    html! {
        <div class="sha-notice" role="alert">
            <p>{ message.to_string() }</p>
            <button type="button" class="sha-button" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
