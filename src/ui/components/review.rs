use yew::prelude::*;

use crate::domain::link::Source;
use crate::ui::components::warning::warning;
use crate::ui::link::forget_link;
use crate::ui::state::{Action, Store};
use crate::ui::storage::settle_offered;

/// The values from outside (an offline copy, a link, a shared link, a settings file), each
/// with what it sets and where it came from, waiting for the admin's Apply or Discard:
/// nothing from outside routes mail or changes the admin's values by itself.
pub fn review(store: &Store) -> Html {
    let (proposed, progress, settings) = (&store.proposed, store.offered_progress.as_ref(), store.settings());
    if proposed.is_empty() && progress.is_none() {
        return Html::default();
    }
    let review = store.review;
    let on = |action: fn(u32) -> Action| {
        store.dispatcher().to_callback().reform(move |_| {
            forget_link();
            settle_offered();
            action(review)
        })
    };
    html! {
        <section class="sha-notice sha-review" aria-labelledby="sha-review-title">
            <div>
                <h2 id="sha-review-title">{ "Values to review" }</h2>
                <p>
                    if store.review_changed {
                        <strong>{ "Changed while shown: these replace the earlier values. Read them again. " }</strong>
                    }
                    { "The page below shows its steps and files with them, read-only; nothing is saved or used until you apply them. Check each one: the smart host decides where all of your organization's mail goes." }
                </p>
                <table class="sha-settings">
                    <thead><tr><th scope="col">{ "Value" }</th><th scope="col">{ "Proposed" }</th><th scope="col">{ "From" }</th></tr></thead>
                    <tbody>
                        { for proposed.iter().map(|(source, change)| {
                            let (label, value) = change.describe(settings);
                            html! {
                                <tr>
                                    <th scope="row">{ label }</th>
                                    <td>
                                        <code class="sha-whole">{ value }</code>
                                        { warning(change.warning(settings.platform)) }
                                    </td>
                                    <td>{ source.label() }</td>
                                </tr>
                            }
                        }) }
                        { for progress.map(|progress| html! {
                            <tr><th scope="row">{ "Check marks" }</th><td>{ format!("{} steps done", progress.keys().count()) }</td><td>{ Source::SettingsFile.label() }</td></tr>
                        }) }
                    </tbody>
                </table>
                <button type="button" class="sha-button sha-primary" onclick={on(Action::ApplyProposed)}>{ "Apply these values" }</button>
                { " " }
                <button type="button" class="sha-button" onclick={on(|_| Action::DiscardProposed)}>{ "Discard" }</button>
            </div>
        </section>
    }
}
