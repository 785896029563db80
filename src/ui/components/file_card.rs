use yew::prelude::*;

use crate::domain::files::Offer;
use crate::domain::settings::Field;
use crate::ui::clipboard::{copy, label};
use crate::ui::components::copy_value::copy_value;
use crate::ui::download::download;
use crate::ui::state::{request_tools, Action, Store, Tools};

/// A file in the step that uses it (`Block::File`): made from the admin's values once the
/// tools module is loaded; before that, its name and a button that makes it. What it is for
/// comes with it: the page's download holds no list of the files (about 0.9 KB).
pub fn file_block(store: &Store, name: &str) -> Html {
    let offer = store.model.files.offers.iter().flatten().find(|offer| offer.name == name);
    if let (Tools::Ready, Some(offer)) = (&store.tools, offer) {
        return file_card(store, offer.clone());
    }
    let card = format!("card-{name}");
    html! {
        <div id={card.clone()} class="sha-file" data-file={name.to_string()} tabindex="-1">
            <p class="sha-file-name">
                <code>{ name.to_string() }</code>{ " " }
                <button type="button" class="sha-button" onclick={request_tools(store, &card)} aria-label={format!("Make it from my values: {name}")}>
                    { "Make it from my values" }
                </button>
            </p>
        </div>
    }
}

/// One generated file: what it is for, how to run it, its text with line numbers, and
/// buttons to download or copy it. While a value it needs is missing, says which.
pub fn file_card(store: &Store, offer: Offer) -> Html {
    let Offer { name, title, purpose, run, caution, file } = offer;
    let name = AttrValue::from(name);
    let caution =
        caution.map(|caution| html! { <p class="sha-caution"><strong>{ "Unconfirmed. " }</strong>{ caution }</p> });
    let body = match file {
        // Nothing typed is missing: the connector question is not answered yet.
        Err(fields) if fields.is_empty() => answer_first(),
        Err(fields) => html! { <p class="sha-waiting">{ waiting_for(&fields) }</p> },
        Ok(file) => {
            let text_id = format!("file-{name}");
            let copy_label = label(store, &text_id);
            let copy_file = {
                let (dispatcher, id, text) = (store.dispatcher(), text_id.clone(), file.text.clone());
                let what = format!("contents of {name}");
                Callback::from(move |_| copy(dispatcher.clone(), id.clone(), text.clone(), what.clone()))
            };
            let run: Html = run
                .into_iter()
                .enumerate()
                .map(|(index, run)| html! { <p>{ "Run: " }{ copy_value(store, format!("run-{index}-{name}"), run, "command") }</p> })
                .collect();
            let lines: Html =
                file.text.lines().map(|line| html! { <span class="sha-line">{ line }{ "\n" }</span> }).collect();
            let dispatcher = store.dispatcher();
            let download = Callback::from(move |_| {
                let said =
                    if download(&file.name, &file.bytes()) { "Downloaded" } else { "The browser refused to save" };
                dispatcher.dispatch(Action::Announce(format!("{said} {}", file.name)));
            });
            html! {
                <>
                    { run }
                    <div class="sha-file-actions">
                        <button type="button" class="sha-button sha-primary" onclick={download}>{ format!("Download {name}") }</button>
                        <button type="button" class="sha-button" onclick={copy_file} aria-label={format!("{copy_label} contents of {name}")}>
                            { copy_label }
                        </button>
                    </div>
                    <details>
                        <summary>{ format!("Show {name}") }</summary>
                        <pre class="sha-code" tabindex="0" aria-label={format!("Contents of {name}")}><code id={text_id}>{ lines }</code></pre>
                    </details>
                </>
            }
        }
    };
    html! {
        <div id={format!("card-{name}")} class="sha-file" data-file={name.clone()} tabindex="-1">
            <h3>{ title }</h3>
            <p class="sha-file-name"><code>{ name.clone() }</code>{ " " }{ purpose }</p>
            { caution.unwrap_or_default() }
            { body }
        </div>
    }
}

/// What waits for the answer to the connector question, and a link to it.
pub fn answer_first() -> Html {
    html! {
        <p class="sha-waiting">
            { "The files differ for a new connector and an existing one: " }
            <a href="#connector-new">{ "answer whether there is one" }</a>{ " first." }
        </p>
    }
}

/// Which values a file waits for, each a link to its field.
pub fn waiting_for(fields: &[Field]) -> Html {
    html! {
        <>
            { "Waiting for: " }
            { for fields.iter().enumerate().map(|(i, field)| html! {
                <>
                    { if i > 0 { ", " } else { "" } }
                    <a href={format!("#{}", field.id())}>{ field.label() }</a>
                </>
            }) }
            { ". Enter or correct each at its link." }
        </>
    }
}
