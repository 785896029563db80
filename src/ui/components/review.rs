use yew::prelude::*;

use crate::domain::link::Proposed;
use crate::domain::settings::Settings;
use crate::ui::link::forget_query;
use crate::ui::state::{Action, State};
use crate::ui::storage::settle_offered;

/// The values an offline copy (the first `from_copy`) and a link propose, each with what it
/// sets and where it came from, waiting for the admin's Apply or Discard: nothing from
/// outside routes mail or changes the admin's values by itself.
pub fn review(
    proposed: &[Proposed],
    from_copy: usize,
    settings: &Settings,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    if proposed.is_empty() {
        return Html::default();
    }
    let on = |action: fn() -> Action| {
        dispatcher.to_callback().reform(move |_| {
            forget_query();
            settle_offered();
            action()
        })
    };
    html! {
        <section class="sha-notice sha-review" aria-labelledby="sha-review-title">
            <div>
                <h2 id="sha-review-title">{ "Values from outside your own typing" }</h2>
                <p>{ "They are not yours until you apply them. Check each one: the smart host decides where all of your organization's mail goes." }</p>
                <table class="sha-settings">
                    <thead><tr><th scope="col">{ "Value" }</th><th scope="col">{ "Proposed" }</th><th scope="col">{ "From" }</th></tr></thead>
                    <tbody>
                        { for proposed.iter().enumerate().map(|(index, change)| {
                            let (label, value) = change.describe(settings);
                            let source = if index < from_copy { "the offline copy you opened" } else { "the link you opened" };
                            html! { <tr><th scope="row">{ label }</th><td><code>{ value }</code></td><td>{ source }</td></tr> }
                        }) }
                    </tbody>
                </table>
                <button type="button" class="sha-button sha-primary" onclick={on(|| Action::ApplyProposed)}>{ "Apply these values" }</button>
                { " " }
                <button type="button" class="sha-button" onclick={on(|| Action::DiscardProposed)}>{ "Discard" }</button>
            </div>
        </section>
    }
}
