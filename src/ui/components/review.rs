use yew::prelude::*;

use crate::domain::link::{Proposed, Source};
use crate::domain::progress::Progress;
use crate::domain::settings::Settings;
use crate::ui::link::forget_link;
use crate::ui::state::{Action, State};
use crate::ui::storage::settle_offered;

/// The values from outside (an offline copy, a link, a shared link, a settings file), each
/// with what it sets and where it came from, waiting for the admin's Apply or Discard:
/// nothing from outside routes mail or changes the admin's values by itself.
pub fn review(
    proposed: &[(Source, Proposed)],
    progress: Option<&Progress>,
    settings: &Settings,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    if proposed.is_empty() && progress.is_none() {
        return Html::default();
    }
    let on = |action: fn() -> Action| {
        dispatcher.to_callback().reform(move |_| {
            forget_link();
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
                        { for proposed.iter().map(|(source, change)| {
                            let (label, value) = change.describe(settings);
                            html! { <tr><th scope="row">{ label }</th><td><code>{ value }</code></td><td>{ source.label() }</td></tr> }
                        }) }
                        { for progress.map(|progress| html! {
                            <tr><th scope="row">{ "Check marks" }</th><td>{ format!("{} steps done", progress.keys().count()) }</td><td>{ Source::SettingsFile.label() }</td></tr>
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
