use yew::prelude::*;

use crate::domain::settings::Field;
use crate::ui::components::field::field_input;
use crate::ui::state::AppContext;

/// The admin's own values, which the steps below quote.
pub fn values_form(state: &AppContext) -> Html {
    html! {
        <section class="sha-values" aria-labelledby="sha-values-title">
            <h2 id="sha-values-title">{ "Your values" }</h2>
            <p class="sha-hint">{ "The steps below use these. They are kept in this browser only." }</p>
            <div class="sha-fields">
                { for Field::ALL.into_iter().map(|field| field_input(state, field)) }
            </div>
        </section>
    }
}
