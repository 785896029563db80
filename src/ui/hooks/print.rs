use yew::prelude::*;

use crate::ui::state::{Action, Store, Tools};

/// Prints the runbook once the admin asked and the tools module has answered (or failed:
/// the runbook then prints without the commands and the files).
#[hook]
pub fn use_print(store: &Store) {
    let dispatcher = store.dispatcher();
    let ready = store.printing && !matches!(store.tools, Tools::NotLoaded | Tools::Loading);
    use_effect_with(ready, move |ready| {
        if *ready {
            // The browser's print dialog returns once the admin has printed or cancelled.
            let _ = gloo::utils::window().print();
            dispatcher.dispatch(Action::Printed);
        }
    });
}
