use yew::prelude::*;

use crate::domain::files::Offer;
use crate::domain::settings::Field;
use crate::ui::clipboard::{copy, label};
use crate::ui::components::copy_value::copy_value;
use crate::ui::download::download;
use crate::ui::state::{Action, Store};

/// One generated file: what it is for, how to run it, its text with line numbers, and
/// buttons to download or copy it. While a value it needs is missing, says which.
pub fn file_card(store: &Store, offer: Offer) -> Html {
    let Offer { name, title, purpose, run, caution, file } = offer;
    let name = AttrValue::from(name);
    let caution =
        caution.map(|caution| html! { <p class="sha-caution"><strong>{ "Unconfirmed. " }</strong>{ caution }</p> });
    let body = match file {
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
        <li key={name.as_str()} class="sha-file" data-file={name.clone()}>
            <h3>{ title }</h3>
            <p class="sha-file-name"><code>{ name.clone() }</code>{ " " }{ purpose }</p>
            { caution.unwrap_or_default() }
            { body }
        </li>
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
            { ". Enter or correct them under Your values." }
        </>
    }
}
