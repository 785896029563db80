use yew::prelude::*;

use crate::domain::checklist::{Block, Inline, Step};
use crate::domain::settings::Field;
use crate::domain::validate::{usable, Unusable};
use crate::ui::components::connector_question::connector_question;
use crate::ui::components::copy_value::copy_value;
use crate::ui::components::file_card::waiting_for;
use crate::ui::components::paste_check::paste_check;
use crate::ui::components::test_check::test_check;
use crate::ui::state::{request_tools, Action, Store, Tools};
use crate::ui::tools;

/// One step: a check box with the title, and the instructions, folded away once done.
pub fn step(store: &Store, step: &Step, number: usize) -> Html {
    let Step { id, title, body } = step;
    let id = *id;
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
                { for body.iter().enumerate().map(|(index, part)| block(store, part, &format!("{id}-{index}"))) }
            </div>
        }
    });
    html! {
        <li key={id} class="sha-step" data-step={id} data-done={done.then_some("true")}>
            <div class="sha-step-head">
                <input type="checkbox" id={checkbox_id.clone()} checked={done} {onchange} />
                <label for={checkbox_id}>
                    <span class="sha-step-number">{ format!("Step {number}") }</span>
                    <span class="sha-step-title">{ *title }</span>
                </label>
                { toggle_details.unwrap_or_default() }
            </div>
            { body.unwrap_or_default() }
        </li>
    }
}

/// One block of a step; `id` is unique on the page, for the copy buttons inside.
fn block(store: &Store, block: &Block, id: &str) -> Html {
    let inlines = |parts: &[Inline]| -> Html {
        parts.iter().enumerate().map(|(index, part)| inline(store, part, None, format!("{id}-{index}"))).collect()
    };
    match block {
        Block::Para(parts) => html! { <p>{ inlines(parts) }</p> },
        Block::Note(parts) => html! { <p class="sha-note">{ inlines(parts) }</p> },
        Block::Settings(rows) => html! {
            <table class="sha-settings">
                <tbody>
                    { for rows.iter().enumerate().map(|(index, (label, value))| html! {
                        <tr><th scope="row">{ *label }</th><td>{ inline(store, value, Some(label), format!("{id}-{index}")) }</td></tr>
                    }) }
                </tbody>
            </table>
        },
        Block::ConnectorQuestion => connector_question(store),
        Block::SpfHelper => paste_check(store, Field::SpfRecord, Some("Check the record and add MailRoute")),
        Block::TestCheck => test_check(store),
        Block::Shell => shell(store, id),
    }
}

/// Renders one piece of text; `name` says what a copyable value is, for its button.
fn inline(store: &Store, part: &Inline, name: Option<&str>, id: String) -> Html {
    match part {
        Inline::Text(text) => html! { { *text } },
        Inline::Label(label) => html! { <strong class="sha-label">{ *label }</strong> },
        Inline::Literal(text) => copy_value(store, id, text.to_string(), name.unwrap_or(text)),
        Inline::Scope => {
            html! { <strong class="sha-label">{ store.settings().scope.label(store.settings().platform) }</strong> }
        }
        Inline::SourceRole => html! { { store.settings().platform.source_role() } },
        Inline::Link(text, href) => {
            html! { <a href={*href} target="_blank" rel="noopener noreferrer">{ *text }</a> }
        }
        Inline::Value(field) => match usable(store.settings(), *field) {
            Ok(value) => copy_value(store, id, value, field.noun()),
            Err(why) => missing(*field, why),
        },
    }
}

/// Where a value is not there yet: a link to its field that says what to do.
fn missing(field: Field, why: Unusable) -> Html {
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

/// The step's change as one shell command, made by the tools module once it is loaded.
fn shell(store: &Store, id: &str) -> Html {
    let intro = "Or make the same change with one command in the shell";
    let block_id = format!("{id}-shell-block");
    if store.tools != Tools::Ready {
        let onclick = request_tools(store, &block_id);
        return html! {
            <p class="sha-shell">
                { format!("{intro}. ") }
                <button type="button" class="sha-button" {onclick}>{ "Show the command" }</button>
            </p>
        };
    }
    match tools::shell(store.settings(), store.confirmed()) {
        Some(Ok(command)) => html! {
            <div class="sha-shell" id={block_id} tabindex="-1">
                <p>{ format!("{intro}:") }</p>
                { copy_value(store, format!("{id}-shell"), command, "command") }
            </div>
        },
        Some(Err(fields)) => {
            html! {
                <p class="sha-note" id={block_id} tabindex="-1">
                    { format!("{intro}, shown here once the values are ready. ") }{ waiting_for(&fields) }
                </p>
            }
        }
        None => Html::default(),
    }
}
