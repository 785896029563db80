use yew::prelude::*;

use crate::ui::state::State;

/// A polite live region: screen readers read out each new announcement.
pub fn announcer(state: &State) -> Html {
    html! {
        <div class="sha-visually-hidden" role="status" aria-live="polite" id="sha-announcer">
            { state.announcement.clone() }
        </div>
    }
}
