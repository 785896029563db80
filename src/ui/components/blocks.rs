use yew::prelude::*;

use crate::domain::checklist::{Block, Inline};
use crate::domain::files::{unanswered, Command};
use crate::domain::guard::waits;
use crate::domain::settings::Field;
use crate::domain::validate::{usable, Unusable};
use crate::ui::components::connector_question::connector_question;
use crate::ui::components::copy_value::copy_value;
use crate::ui::components::field::field_input;
use crate::ui::components::file_card::{file_block, waiting_for};
use crate::ui::components::paste_check::paste_check;
use crate::ui::components::test_check::test_check;
use crate::ui::model::Shell;
use crate::ui::state::{request_tools, Store, Tools};

/// One block of a step or of a section; `id` is unique on the page, for the copy buttons
/// inside.
pub fn block(store: &Store, block: &Block, id: &str) -> Html {
    let inlines = |parts: &[Inline]| inlines_of(store, parts, id);
    match block {
        Block::Para(parts) => html! { <p>{ inlines(parts) }</p> },
        Block::Note(parts) => html! { <p class="sha-note">{ inlines(parts) }</p> },
        Block::NoteFor(platform, parts) if *platform == store.settings().platform => {
            html! { <p class="sha-note">{ inlines(parts) }</p> }
        }
        Block::NoteFor(..) => Html::default(),
        Block::Settings(rows) => html! {
            <table class="sha-settings">
                <tbody>
                    { for rows.iter().enumerate().map(|(index, (label, value))| html! {
                        <tr><th scope="row">{ *label }</th><td>{ inline(store, value, Some(label), part_id(id, index)) }</td></tr>
                    }) }
                </tbody>
            </table>
        },
        Block::ConnectorQuestion => connector_question(store),
        Block::Ask(field) => field_input(store, *field),
        Block::SpfHelper => paste_check(
            store,
            Field::SpfRecord,
            store.model.report(Field::SpfRecord),
            Some("Check the record and add MailRoute"),
        ),
        Block::TestCheck => test_check(store),
        Block::Shell(command) => shell(store, store.model.shell(*command), *command, id),
        Block::File(name) => file_block(store, name),
        Block::Items(items) => html! {
            <ul>
                { for items.iter().enumerate().map(|(index, parts)| html! { <li>{ inlines_of(store, parts, &part_id(id, index)) }</li> }) }
            </ul>
        },
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
        // Where a value is not there yet, a link to its field that says what to do. A routing
        // value that is not MailRoute's is offered to copy only once confirmed.
        Inline::Value(field) => {
            let verb = match usable(store.settings(), *field) {
                Ok(_) if waits(store.settings(), store.confirmed(), *field) => "confirm",
                Ok(value) => return copy_value(store, id, value, field.noun()),
                Err(Unusable::Empty) => "enter",
                Err(Unusable::Invalid) => "correct",
            };
            html! {
                <a class="sha-missing" href={format!("#{}", field.id())}>
                    { format!("({verb} the {})", field.noun()) }
                </a>
            }
        }
    }
}

/// The id of the `index`th part of what has the id `id`: unique on the page as `id` is. One
/// function for every part, since each `format!` costs the download its own code.
pub fn part_id(id: &str, index: usize) -> String {
    format!("{id}-{index}")
}

/// A run of text; `id` is unique on the page.
fn inlines_of(store: &Store, parts: &[Inline], id: &str) -> Html {
    parts.iter().enumerate().map(|(index, part)| inline(store, part, None, part_id(id, index))).collect()
}

/// A shell command, made by the tools module once it is loaded (`made`).
fn shell(store: &Store, made: &Shell, command: Command, id: &str) -> Html {
    let intro = match command {
        Command::Change => "Or make the same change with one command in the shell",
        Command::DisableSendConnector => "The same in the shell",
    };
    let block_id = format!("{id}-shell-block");
    if store.tools != Tools::Ready {
        let onclick = request_tools(store, &block_id);
        return html! {
            <p class="sha-shell">
                { intro }{ ". " }
                <button type="button" class="sha-button" {onclick}>{ "Show the command" }</button>
            </p>
        };
    }
    if command.routes_mail() && unanswered(store.settings()) {
        return html! {
            <p class="sha-note" id={block_id} tabindex="-1">
                { intro }{ ", shown here once you answer whether there is a connector already." }
            </p>
        };
    }
    match made.clone() {
        Some(Ok(command)) => html! {
            <div class="sha-shell" id={block_id} tabindex="-1">
                <p>{ intro }{ ":" }</p>
                { copy_value(store, format!("{id}-shell"), command, "command") }
            </div>
        },
        Some(Err(fields)) => {
            html! {
                <p class="sha-note" id={block_id} tabindex="-1">
                    { intro }{ ", shown here once the values are ready. " }{ waiting_for(&fields) }
                </p>
            }
        }
        None => Html::default(),
    }
}
