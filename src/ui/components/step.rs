use yew::prelude::*;

use crate::domain::checklist::{self, Step};
use crate::domain::settings::Field;
use crate::ui::components::blocks::{block, part_id};
use crate::ui::components::smart_host_alert::smart_host_alert;
use crate::ui::state::{Action, Store};

/// One step: a check box with the title, and the instructions, folded away once done.
pub fn step(store: &Store, step: &Step, number: usize) -> Html {
    let Step { id, body, .. } = step;
    let id = *id;
    let title = checklist::title(step, store.settings());
    let done = store.progress().is_done(store.settings().platform, id);
    let expanded = store.expanded.contains(&id);
    let checkbox_id = format!("step-{id}");
    let body_id = format!("step-{id}-body");
    let onchange = store.dispatcher().to_callback().reform(move |_| Action::Toggle(id));
    let toggle_details = done.then(|| {
        let label = if expanded { "Hide details" } else { "Show details" };
        let onclick = store.dispatcher().to_callback().reform(move |_| Action::ToggleDetails(id));
        html! {
            <button type="button" class="sha-button sha-details" aria-expanded={expanded.to_string()}
                aria-controls={body_id.clone()} aria-label={format!("{label}: {title}")} {onclick}>
                { label }
            </button>
        }
    });
    let body = (!done || expanded).then(|| {
        html! {
            <div id={body_id.clone()} class="sha-step-body">
                { for body.iter().enumerate().map(|(index, part)| block(store, part, &part_id(id, index))) }
                if checklist::shows(step, Field::SmartHosts) { { smart_host_alert(store) } }
            </div>
        }
    });
    html! {
        <li key={id} class="sha-step" data-step={id} data-done={done.then_some("true")}>
            <div class="sha-step-head">
                <input type="checkbox" id={checkbox_id.clone()} checked={done} {onchange} />
                <label for={checkbox_id}>
                    <span class="sha-step-number">{ format!("Step {number}") }</span>
                    <span class="sha-step-title">{ title }</span>
                </label>
                { toggle_details.unwrap_or_default() }
            </div>
            { body.unwrap_or_default() }
        </li>
    }
}
