use yew::prelude::*;

use crate::ui::state::{Action, Store};
use crate::ui::storage::{self, Refused};

/// Saves the admin's choices whenever they change; a refused save is said once.
#[hook]
pub fn use_autosave(store: &Store) {
    let dispatcher = store.dispatcher();
    let saves = store.saves;
    use_effect_with(store.saved.clone(), move |saved| {
        if !saves {
            return;
        }
        if let Err(refused) = storage::save(saved) {
            dispatcher.dispatch(Action::SaveFailed { full: matches!(refused, Refused::Full) });
        }
    });
}
