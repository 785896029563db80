use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ui::state::{Action, Store, Tools};
use crate::ui::tools;

/// Loads the tools module once the admin has asked for what it makes (`Tools::Loading`),
/// and says how it went.
#[hook]
pub fn use_tools(store: &Store) {
    let dispatcher = store.dispatcher();
    use_effect_with(store.tools == Tools::Loading, move |loading| {
        if *loading {
            spawn_local(async move {
                let loaded = tools::load().await;
                dispatcher.dispatch(Action::Tools(loaded.map_or_else(Tools::Failed, |()| Tools::Ready)));
            });
        }
    });
}
