use yew::prelude::*;

use crate::domain::files::exchange2003::{archive_offer, missing, offers, ARCHIVE};
use crate::domain::files::zip::Stamp;
use crate::ui::components::file_card::{file_card, waiting_for};
use crate::ui::download;
use crate::ui::state::{Action, Store};

/// The files made from the admin's values, in the order they are used, and all of them at once.
pub fn files_panel(store: &Store) -> Html {
    let offers = offers(&store.settings);
    let missing = missing(&offers);
    let download_all = if missing.is_empty() {
        let (settings, dispatcher) = (store.settings.clone(), store.dispatcher());
        let onclick = Callback::from(move |_| {
            let saved = archive_offer(&settings, now()).is_ok_and(|zip| download::save(ARCHIVE, &zip));
            let said = if saved { "Downloaded" } else { "The browser refused to save" };
            dispatcher.dispatch(Action::Announce(format!("{said} {ARCHIVE}")));
        });
        html! { <button type="button" class="sha-button sha-primary" {onclick}>{ format!("Download all ({ARCHIVE})") }</button> }
    } else {
        html! { <p class="sha-waiting">{ "Download all is ready once every file is. " }{ waiting_for(&missing) }</p> }
    };
    html! {
        <section class="sha-files" aria-labelledby="sha-files-title">
            <h2 id="sha-files-title">{ "Scripts and files" }</h2>
            <p>{ "For admins who would rather run a script than click through the console, made from your values above. Back up first; keep the rollback at hand." }</p>
            { download_all }
            <ol class="sha-file-list">
                { for offers.into_iter().map(|offer| file_card(store, offer)) }
            </ol>
        </section>
    }
}

/// The local date and time, for the archive's entries.
fn now() -> Stamp {
    let date = js_sys::Date::new_0();
    Stamp {
        year: date.get_full_year() as u16,
        month: date.get_month() as u8 + 1,
        day: date.get_date() as u8,
        hour: date.get_hours() as u8,
        minute: date.get_minutes() as u8,
        second: date.get_seconds() as u8,
    }
}
