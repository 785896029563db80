use stylist::{css, StyleSource};
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
        <li key={name.as_str()} class={classes!("sha-file", style())} data-file={name.clone()}>
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

/// The card's look, and its code view with line numbers that copying leaves out.
fn style() -> StyleSource {
    css!(
        r#"
        margin: 0 0 1rem;
        padding: .75rem 1rem;
        border: 1px solid var(--sha-line);
        border-radius: 8px;
        & h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
        & .sha-file-name code { font-weight: 600; }
        & .sha-file-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
        & .sha-caution {
            padding: .4rem .6rem;
            border-left: 4px solid var(--sha-warning);
            background: var(--sha-subtle);
            font-size: .9rem;
        }
        & summary { cursor: pointer; color: var(--sha-accent); }
        & .sha-code {
            counter-reset: sha-line;
            max-height: 28rem;
            overflow: auto;
            margin: .5rem 0 0;
            padding: .5rem 0;
            font: .8rem/1.45 ui-monospace, "Cascadia Mono", Consolas, monospace;
            background: var(--sha-subtle);
            border: 1px solid var(--sha-line);
            border-radius: 6px;
        }
        & .sha-line {
            display: block;
            padding: 0 .75rem 0 3.5rem;
            text-indent: -3.5rem;
            white-space: pre-wrap;
            word-break: break-all;
        }
        & .sha-line::before {
            counter-increment: sha-line;
            content: counter(sha-line);
            display: inline-block;
            width: 2.75rem;
            margin-right: .75rem;
            text-align: right;
            color: var(--sha-muted);
            -webkit-user-select: none;
            user-select: none;
        }
        "#
    )
}
