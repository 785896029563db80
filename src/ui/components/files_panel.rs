use yew::prelude::*;

use crate::domain::files::{archive_name, missing, unanswered};
use crate::ui::components::file_card::{answer_first, waiting_for};
use crate::ui::components::smart_host_alert::smart_host_alert;
use crate::ui::download::download;
use crate::ui::state::{request_tools, Action, Store, Tools};
use crate::ui::tools;

/// The files as a set, at the end: each is in the step that uses it (`Block::File`); here
/// the admin asks for all of them, and downloads them at once. The generators load when the
/// admin first asks for them.
pub fn files_panel(store: &Store) -> Html {
    let content = match &store.tools {
        Tools::Ready if unanswered(store.settings()) => answer_first(),
        Tools::Ready => download_all(store),
        Tools::Loading => html! { <p class="sha-waiting">{ "Making the files…" }</p> },
        Tools::NotLoaded | Tools::Failed(_) => {
            let onclick = request_tools(store, "sha-files-title");
            let failed = match &store.tools {
                Tools::Failed(why) => html! { <p class="sha-problem" data-severity="error">{ why.clone() }</p> },
                _ => Html::default(),
            };
            html! {
                <>
                    <button type="button" class="sha-button sha-primary" id="sha-show-files" {onclick}>{ "Show the files for my values" }</button>
                    { failed }
                </>
            }
        }
    };
    html! {
        <section class="sha-files" aria-labelledby="sha-files-title" aria-busy={(store.tools == Tools::Loading).to_string()}>
            <h2 id="sha-files-title" tabindex="-1">{ "Scripts and files" }</h2>
            <p>{ "Each file is in the step that uses it, made from your values; here are all of them at once." }</p>
            { smart_host_alert(store, "sha-files-title") }
            { content }
        </section>
    }
}

/// "Download all" once every file can be made, or what it waits for.
fn download_all(store: &Store) -> Html {
    let Some(offers) = &store.model.files.offers else {
        return html! { <p class="sha-problem" data-severity="error">{ "The files could not be made. Reload the page and try again." }</p> };
    };
    let missing = missing(offers);
    let archive = archive_name(store.settings().platform);
    if !missing.is_empty() {
        return html! { <p class="sha-waiting">{ "Download all is ready once every file is. " }{ waiting_for(&missing) }</p> };
    }
    let (store, name) = (store.clone(), archive.clone());
    let onclick = Callback::from(move |_| {
        // Made on the click, from the settings without the pasted evidence.
        let settings = store.settings().without_evidence();
        let saved = tools::archive(&settings, store.confirmed()).is_some_and(|zip| download(&name, &zip));
        let said = if saved { "Downloaded" } else { "The browser refused to save" };
        store.dispatch(Action::Announce(format!("{said} {name}")));
    });
    html! { <button type="button" class="sha-button sha-primary" {onclick}>{ format!("Download all ({archive})") }</button> }
}
