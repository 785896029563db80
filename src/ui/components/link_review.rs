use yew::prelude::*;

use crate::domain::link::Proposed;
use crate::domain::settings::Settings;
use crate::ui::link::forget_query;
use crate::ui::state::{Action, State};

/// The values a link proposes, each with what it sets, waiting for the admin's Apply or
/// Discard: nothing from a link routes mail or changes the admin's values by itself.
pub fn link_review(proposed: &[Proposed], settings: &Settings, dispatcher: &UseReducerDispatcher<State>) -> Html {
    if proposed.is_empty() {
        return Html::default();
    }
    let on = |action: fn() -> Action| {
        dispatcher.to_callback().reform(move |_| {
            forget_query();
            action()
        })
    };
    html! {
        <section class="sha-notice sha-review" aria-labelledby="sha-review-title">
            <div>
                <h2 id="sha-review-title">{ "Values from the link you opened" }</h2>
                <p>{ "They are not yours until you apply them. Check each one: the smart host decides where all of your organization's mail goes." }</p>
                <table class="sha-settings">
                    <tbody>
                        { for proposed.iter().map(|change| {
                            let (label, value) = change.describe(settings);
                            html! { <tr><th scope="row">{ label }</th><td><code>{ value }</code></td></tr> }
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
