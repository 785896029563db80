use yew::prelude::*;

use crate::ui::app::use_app;

/// A polite live region: screen readers read out each new announcement.
#[component]
pub fn Announcer() -> Html {
    let state = use_app();
    html! {
        <div class="sha-visually-hidden" role="status" aria-live="polite" id="sha-announcer">
            { state.announcement.clone() }
        </div>
    }
}
