use yew::prelude::*;

use crate::domain::files::{archive_name, listing, missing, unanswered};
use crate::domain::platform::Family;
use crate::ui::components::file_card::{file_card, waiting_for};
use crate::ui::components::smart_host_alert::smart_host_alert;
use crate::ui::download::download;
use crate::ui::model::Files;
use crate::ui::state::{request_tools, Action, Store, Tools};
use crate::ui::tools;

/// The files made from the admin's values, in the order they are used, and all of them at
/// once. The generators load when the admin first asks for them.
pub fn files_panel(store: &Store, made: &Files) -> Html {
    let content = match &store.tools {
        Tools::Ready if unanswered(store.settings()) => html! {
            <p class="sha-waiting">
                { "The files differ for a new connector and an existing one: " }
                <a href="#connector-new">{ "answer whether there is one" }</a>{ " first." }
            </p>
        },
        Tools::Ready => files(store, made),
        Tools::Loading => html! { <p class="sha-waiting">{ "Making the files…" }</p> },
        Tools::NotLoaded | Tools::Failed(_) => {
            let onclick = request_tools(store, "sha-files-title");
            let failed = match &store.tools {
                Tools::Failed(why) => html! { <p class="sha-problem" data-severity="error">{ why.clone() }</p> },
                _ => Html::default(),
            };
            html! {
                <>
                    <ol class="sha-file-names">
                        { for listing(store.settings()).into_iter().map(|file| html! {
                            <li><strong>{ file.title }</strong>{ ": " }<code>{ file.name }</code><br />{ file.purpose }</li>
                        }) }
                    </ol>
                    <button type="button" class="sha-button sha-primary" id="sha-show-files" {onclick}>{ "Show the files for my values" }</button>
                    { failed }
                </>
            }
        }
    };
    let intro = match store.settings().platform.family() {
        Family::ExchangeOnline => "For admins who would rather run a script than click through the admin center, made from your values. Keep the rollback at hand.",
        _ => "For admins who would rather run a script than click through the console, made from your values. Back up first; keep the rollback at hand.",
    };
    html! {
        <section class="sha-files" aria-labelledby="sha-files-title" aria-busy={(store.tools == Tools::Loading).to_string()}>
            <h2 id="sha-files-title" tabindex="-1">{ "Scripts and files" }</h2>
            <p>{ intro }</p>
            { smart_host_alert(store) }
            { content }
        </section>
    }
}

fn files(store: &Store, made: &Files) -> Html {
    let Some(offers) = made.offers.clone() else {
        return html! { <p class="sha-problem" data-severity="error">{ "The files could not be made. Reload the page and try again." }</p> };
    };
    let missing = missing(&offers);
    let archive = archive_name(store.settings().platform);
    let download_all = if missing.is_empty() {
        let (store, name) = (store.clone(), archive.clone());
        let onclick = Callback::from(move |_| {
            // Made on the click, from the settings without the pasted evidence.
            let settings = store.settings().without_evidence();
            let saved = tools::archive(&settings, store.confirmed()).is_some_and(|zip| download(&name, &zip));
            let said = if saved { "Downloaded" } else { "The browser refused to save" };
            store.dispatch(Action::Announce(format!("{said} {name}")));
        });
        html! { <button type="button" class="sha-button sha-primary" {onclick}>{ format!("Download all ({archive})") }</button> }
    } else {
        html! { <p class="sha-waiting">{ "Download all is ready once every file is. " }{ waiting_for(&missing) }</p> }
    };
    html! {
        <>
            { download_all }
            <ol class="sha-file-list">
                { for offers.into_iter().map(|offer| file_card(store, offer)) }
            </ol>
        </>
    }
}
