use yew::prelude::*;

/// A polite live region: screen readers read out each new announcement.
pub fn announcer(announcement: &str) -> Html {
    html! {
        <div class="sha-visually-hidden" role="status" aria-live="polite" id="sha-announcer">
            { announcement.to_string() }
        </div>
    }
}
