use yew::prelude::*;

use crate::domain::checklist::{Block, Inline, Step};
use crate::domain::validate::Unusable;
use crate::ui::app::use_app;
use crate::ui::components::connector_question::connector_question;
use crate::ui::components::copy_value::CopyValue;
use crate::ui::state::{Action, AppContext};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub step: Step,
    pub number: usize,
    pub done: bool,
}

/// One step: a check box with the title, and the instructions, folded away once done.
#[component]
pub fn StepItem(props: &Props) -> Html {
    let state = use_app();
    let expanded = use_state(|| false);
    let Step { id, title, body } = &props.step;
    let id = *id;
    let checkbox_id = format!("step-{id}");
    let body_id = format!("step-{id}-body");
    let show_body = !props.done || *expanded;

    let onchange = state
        .dispatcher()
        .to_callback()
        .reform(move |_| Action::Toggle(id));
    let toggle_details = props.done.then(|| {
        let label = if *expanded { "Hide details" } else { "Show details" };
        let onclick = {
            let expanded = expanded.clone();
            Callback::from(move |_| expanded.set(!*expanded))
        };
        html! {
            <button type="button" class="sha-button sha-details" aria-expanded={expanded.to_string()}
                aria-controls={body_id.clone()} aria-label={format!("{label}: {title}")} {onclick}>
                { label }
            </button>
        }
    });
    let class = classes!("sha-step", props.done.then_some("sha-done"));
    html! {
        <li {class} data-step={id}>
            <div class="sha-step-head">
                <input type="checkbox" id={checkbox_id.clone()} checked={props.done} {onchange} />
                <label for={checkbox_id}>
                    <span class="sha-step-number">{ format!("Step {}", props.number) }</span>
                    <span class="sha-step-title">{ *title }</span>
                </label>
                { toggle_details.unwrap_or_default() }
            </div>
            if show_body {
                <div id={body_id} class="sha-step-body">
                    { for body.iter().map(|part| block(&state, part)) }
                </div>
            }
        </li>
    }
}

fn block(state: &AppContext, block: &Block) -> Html {
    match block {
        Block::Para(parts) => html! { <p>{ for parts.iter().map(|part| inline(part, None)) }</p> },
        Block::Note(parts) => {
            html! { <p class="sha-note">{ for parts.iter().map(|part| inline(part, None)) }</p> }
        }
        Block::Settings(rows) => html! {
            <table class="sha-settings">
                <tbody>
                    { for rows.iter().map(|(label, value)| html! {
                        <tr><th scope="row">{ *label }</th><td>{ inline(value, Some(label)) }</td></tr>
                    }) }
                </tbody>
            </table>
        },
        Block::ConnectorQuestion => connector_question(state),
    }
}

/// Renders one piece of text; `name` says what a copyable value is, for its button.
fn inline(part: &Inline, name: Option<&str>) -> Html {
    match part {
        Inline::Text(text) => html! { { *text } },
        Inline::Label(label) => html! { <strong class="sha-label">{ *label }</strong> },
        Inline::Literal(text) => {
            html! { <CopyValue text={*text} name={name.unwrap_or(text).to_string()} /> }
        }
        Inline::Value {
            field,
            value: Ok(value),
        } => {
            html! { <CopyValue text={value.clone()} name={field.noun()} /> }
        }
        Inline::Value {
            field,
            value: Err(why),
        } => {
            let verb = match why {
                Unusable::Empty => "enter",
                Unusable::Invalid => "correct",
            };
            html! {
                <a class="sha-missing" href={format!("#{}", field.id())}>
                    { format!("({verb} the {} under Your values)", field.noun()) }
                </a>
            }
        }
    }
}
