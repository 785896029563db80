use yew::prelude::*;

use crate::domain::checklist::steps;
use crate::ui::components::progress_bar::progress_bar;
use crate::ui::components::reset_progress::ResetProgress;
use crate::ui::components::step::StepItem;
use crate::ui::state::State;

/// The steps for the admin's choices, with progress and reset.
pub fn checklist(state: &State) -> Html {
    let steps = steps(&state.settings);
    let done = state.progress.count(&steps);
    let total = steps.len();
    html! {
        <section class="sha-checklist" aria-labelledby="sha-steps-title">
            <h2 id="sha-steps-title">{ "Steps" }</h2>
            { progress_bar(done, total) }
            <ol class="sha-steps">
                { for steps.into_iter().enumerate().map(|(index, step)| {
                    let (id, done) = (step.id, state.progress.is_done(step.id));
                    html! { <StepItem key={id} number={index + 1} {step} {done} /> }
                }) }
            </ol>
            <ResetProgress />
        </section>
    }
}
