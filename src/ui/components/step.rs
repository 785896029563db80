use yew::prelude::*;

use crate::domain::checklist::{self, Step};
use crate::domain::settings::Field;
use crate::ui::components::blocks::{block, part_id};
use crate::ui::components::smart_host_alert::smart_host_alert;
use crate::ui::state::{Action, Store};

/// One step: its title as a heading, the instructions, then the check box that confirms
/// them. Once done, the instructions fold away on screen, but for a check's verdict, until
/// the admin opens the step's details (styles/app.css); they stay in the page, so the
/// printed runbook holds them. The details' fold is the browser's own (`details`): it
/// changes nothing the app keeps.
pub fn step(store: &Store, step: &Step, number: usize) -> Html {
    let Step { id, body, .. } = step;
    let id = *id;
    let title = checklist::title(step, store.settings());
    let done = store.progress().is_done(store.settings().platform, id);
    let checkbox_id = format!("step-{id}-done");
    let onchange = store.dispatcher().to_callback().reform(move |_| Action::Toggle(id));
    let hidden_title = html! { <span class="sha-visually-hidden">{ ": " }{ title.clone() }</span> };
    html! {
        <li key={id} class="sha-step" data-step={id} data-done={done.then_some("true")}>
            <div class="sha-step-head">
                <h3 id={format!("step-{id}")} tabindex="-1">
                    <span class="sha-step-number">{ format!("Step {number}") }</span>
                    <span class="sha-step-title">{ title }</span>
                </h3>
                if done {
                    <details class="sha-details"><summary>{ "Details" }{ hidden_title.clone() }</summary></details>
                }
            </div>
            <div id={format!("step-{id}-body")} class="sha-step-body">
                { for body.iter().enumerate().map(|(index, part)| block(store, part, &part_id(id, index))) }
                if checklist::shows(step, Field::SmartHosts) { { smart_host_alert(store, &format!("step-{id}")) } }
            </div>
            <div class="sha-choice sha-step-done">
                <input type="checkbox" id={checkbox_id.clone()} checked={done} {onchange} />
                <label for={checkbox_id}>{ "Done" }{ hidden_title }</label>
            </div>
        </li>
    }
}
