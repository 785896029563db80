use yew::prelude::*;

use crate::domain::settings::Field;
use crate::ui::components::field::FieldInput;

/// The admin's own values, which the steps below quote.
#[component]
pub fn ValuesForm() -> Html {
    html! {
        <section class="sha-values" aria-labelledby="sha-values-title">
            <h2 id="sha-values-title">{ "Your values" }</h2>
            <p class="sha-hint">{ "The steps below use these. They are kept in this browser only." }</p>
            <div class="sha-fields">
                { for Field::ALL.into_iter().map(|field| html! { <FieldInput {field} /> }) }
            </div>
        </section>
    }
}
