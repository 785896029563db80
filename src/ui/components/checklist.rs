use yew::prelude::*;

use crate::domain::settings::Field;
use crate::ui::components::progress_bar::progress_bar;
use crate::ui::components::step::step;
use crate::ui::state::{Action, Store};

/// The steps for the admin's choices, with progress and reset.
pub fn checklist(store: &Store) -> Html {
    let steps = &store.model.steps;
    let done = store.progress().count(store.settings().platform, steps);
    let total = steps.len();
    html! {
        <section class="sha-checklist" aria-labelledby="sha-steps-title">
            <h2 id="sha-steps-title">{ "Steps" }</h2>
            { progress_bar(done, total, store.model.report(Field::TestHeader)) }
            <ol class="sha-steps">
                { for steps.iter().enumerate().map(|(index, item)| step(store, item, index + 1)) }
            </ol>
            { reset_progress(store) }
        </section>
    }
}

/// Clears the check marks after the admin confirms; the values stay. The app moves the
/// keyboard focus between the two states (`hooks::focus`).
fn reset_progress(store: &Store) -> Html {
    let on = |action: fn() -> Action| store.dispatcher().to_callback().reform(move |_| action());
    if store.confirming_reset {
        html! {
            <div class="sha-reset sha-confirm" role="group" aria-labelledby="sha-reset-question">
                <p id="sha-reset-question">{ "Clear every check mark? Your values stay." }</p>
                <button type="button" class="sha-button sha-danger" onclick={on(|| Action::Reset)}>{ "Yes, clear progress" }</button>
                <button type="button" class="sha-button" id="sha-reset-cancel" onclick={on(|| Action::CancelReset)}>{ "Cancel" }</button>
            </div>
        }
    } else {
        html! {
            <div class="sha-reset">
                <button type="button" class="sha-button" id="sha-reset" onclick={on(|| Action::AskReset)}>{ "Reset progress" }</button>
            </div>
        }
    }
}
