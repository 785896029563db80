use yew::prelude::*;

use crate::domain::checklist::guide::before;
use crate::ui::components::section::section;
use crate::ui::state::Store;

/// At the top of a platform's page: links to its parts in page order, for the admin who came for the
/// scripts or the way back, then what to have at hand before the first step.
pub fn before_you_start(store: &Store) -> Html {
    html! {
        <>
            <nav class="sha-jumps" aria-label="On this page">
                <ul>
                    <li><a href="#sha-steps-title">{ "The steps" }</a></li>
                    <li><a href="#sha-finish-title">{ "Check that it worked" }</a></li>
                    <li><a href="#sha-undo-title">{ "If something goes wrong" }</a></li>
                    <li><a href="#sha-files-title">{ "The scripts" }</a></li>
                </ul>
            </nav>
            { section(store, before(store.settings().platform)) }
        </>
    }
}
