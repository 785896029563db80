use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::domain::link::Source;
use crate::domain::saved::{decode, Unreadable, LIMIT};
use crate::domain::share::{file, FILE_NAME};
use crate::ui::components::copy_value::copy_value;
use crate::ui::download::download;
use crate::ui::link::share_url;
use crate::ui::state::{Action, Store};

/// Handing the change on: a link to these values, the settings file out and back in, and
/// the printed runbook. What comes back in waits in the review banner.
pub fn handover(store: &Store) -> Html {
    // A link to a file on this computer would open nothing anywhere else. The link is made
    // when asked for, from the page's address then.
    let share = (!store.offline_copy).then(|| {
        let onclick = store.dispatcher().to_callback().reform(|_| Action::Share);
        let link = store.sharing.then(|| {
            copy_value(store, "share-link".to_string(), share_url(store.settings()), "link to these values")
        });
        html! {
            <p>{ "A link to these values, for a colleague to review. It holds no progress, and nothing in it reaches a server: it is all after the #. " }
                <button type="button" class="sha-button" {onclick}>{ "Make a link to these values" }</button><br />
                { link }
            </p>
        }
    });
    let export = {
        let store = store.clone();
        Callback::from(move |_| {
            let saved = download(FILE_NAME, file(&store.saved).as_bytes());
            let said = if saved { "Exported" } else { "The browser refused to save" };
            store.dispatch(Action::Announce(format!("{said} {FILE_NAME}.")));
        })
    };
    let import = {
        let dispatcher = store.dispatcher();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(chosen) = input.files().and_then(|files| files.get(0)) else { return };
            // Chosen again later, the same file must fire a change.
            input.set_value("");
            let dispatcher = dispatcher.clone();
            if chosen.size() > LIMIT as f64 {
                dispatcher.dispatch(Action::Offered(Source::SettingsFile, Err(Unreadable::TooLarge)));
                return;
            }
            // The file's own `text()`: gloo-file's reader would cost the page 1.4 KB more.
            let reading = JsFuture::from(chosen.text());
            spawn_local(async move {
                let text = reading.await.ok().and_then(|text| text.as_string());
                let read = text.ok_or(Unreadable::Garbled).and_then(|text| decode(&text));
                dispatcher.dispatch(Action::Offered(Source::SettingsFile, read));
            });
        })
    };
    let print = store.dispatcher().to_callback().reform(|_| Action::Print);
    html! {
        <section class="sha-handover" aria-labelledby="sha-handover-title">
            <h2 id="sha-handover-title">{ "Hand the change on" }</h2>
            { share }
            <div class="sha-handover-actions">
                <button type="button" class="sha-button" onclick={export}>{ "Export settings" }</button>
                <label for="sha-import">{ "Import settings" }</label>
                <input id="sha-import" type="file" accept=".json,application/json" onchange={import} />
                <button type="button" class="sha-button" onclick={print}>{ "Print runbook" }</button>
            </div>
            <p class="sha-hint">{ "The settings file holds your values and progress; what you import waits for your review at the top of the page. The runbook lists every step, command and file, with room for the change number and a sign-off." }</p>
        </section>
    }
}
