use yew::prelude::*;

use crate::domain::guard::called_out;
use crate::domain::link::{Proposed, Source};
use crate::domain::visible::{pieces, Piece};
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
    let shown = store.review;
    let on = |action: fn(u32) -> Action| {
        store.dispatcher().to_callback().reform(move |_| {
            forget_link();
            settle_offered();
            action(shown)
        })
    };
    html! {
        <section class="sha-notice sha-review" aria-labelledby="sha-review-title">
            <div>
                <h2 id="sha-review-title">{ "Values from outside your own typing" }</h2>
                if store.review_changed {
                    <p class="sha-problem" data-severity="warning">
                        { "These values changed while they were shown: the page's address changed. None of the earlier ones is kept. Read these from the start." }
                    </p>
                }
                <p>{ "They are not yours until you apply them. Check each one: the smart host decides where all of your organization's mail goes." }</p>
                <table class="sha-settings">
                    <thead><tr><th scope="col">{ "Value" }</th><th scope="col">{ "Proposed" }</th><th scope="col">{ "From" }</th></tr></thead>
                    <tbody>
                        { for proposed.iter().map(|(source, change)| {
                            let (label, value) = change.describe(settings);
                            let warning = match change {
                                Proposed::Value(field, value) => called_out(*field, value),
                                _ => None,
                            };
                            html! {
                                <tr>
                                    <th scope="row">{ label }</th>
                                    <td>
                                        <code class="sha-whole">{ for pieces(&value).into_iter().map(piece) }</code>
                                        { for warning.map(|warning| html! { <p class="sha-problem" data-severity="warning">{ warning }</p> }) }
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

/// A part of a value: a mark names what would show nothing or pass for a space.
fn piece(piece: Piece) -> Html {
    match piece {
        Piece::Text(text) => html! { { text } },
        Piece::Mark(name) => html! { <mark>{ name }</mark> },
    }
}
