use gloo::events::EventListener;
use yew::prelude::*;

use crate::domain::link::Source;
use crate::ui::link::shared;
use crate::ui::state::{Action, Store};

/// A shared link pasted into this tab's address bar changes only the fragment, and the page
/// does not load again: its values are offered for review when the fragment changes. A page
/// that opened or frames this one can change it too, so the banner names the change for what
/// it is, not as a link the admin opened (review F17). (The page's own start reads the
/// fragment it opened with.)
#[hook]
pub fn use_shared_link(store: &Store) {
    let dispatcher = store.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            if let Some(read) = shared() {
                dispatcher.dispatch(Action::Offered(Source::AddressChanged, read));
            }
        });
        move || drop(listener)
    });
}
