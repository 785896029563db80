//! The root component: it owns the state, runs the effects, and renders the page from it.

use stylist::yew::use_media_query;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::domain::checklist::guide::{finish, undo};
use crate::domain::link::{offered, proposals, split, Source};
use crate::domain::platform::Platform;
use crate::domain::progress::Progress;
use crate::domain::saved::{Saved, Unreadable};
use crate::domain::settings::{Field, Settings};
use crate::ui::components::announcer::announcer;
use crate::ui::components::before_you_start::before_you_start;
use crate::ui::components::checklist::checklist;
use crate::ui::components::files_panel::files_panel;
use crate::ui::components::handover::handover;
use crate::ui::components::notice::notice;
use crate::ui::components::platform_choice::{current_platform, platform_choice};
use crate::ui::components::review::review;
use crate::ui::components::runbook::runbook;
use crate::ui::components::section::section;
use crate::ui::components::theme_choice::theme_choice;
use crate::ui::components::values_form::values_form;
use crate::ui::hooks::address::use_address;
use crate::ui::hooks::focus::{use_focus_after_tools, use_focus_on_swap};
use crate::ui::hooks::persistence::use_autosave;
use crate::ui::hooks::print::use_print;
use crate::ui::hooks::shared_link::use_shared_link;
use crate::ui::hooks::take_over::use_take_over;
use crate::ui::hooks::tools::use_tools;
use crate::ui::state::{Action, Notice, State, Store};
use crate::ui::storage::{self, Loaded};
use crate::ui::{address, link, offline, theme};

#[derive(Properties, PartialEq, Default)]
pub struct Props {
    /// The pre-rendered page, and the element the app renders into in its place
    /// (`hooks::take_over`); None where there is nothing to take over.
    #[prop_or_default]
    pub take_over: Option<(web_sys::Element, web_sys::Element)>,
}

/// The one component. Every part of the page is a view function of its state that
/// dispatches actions to its reducer.
#[component]
pub fn App(props: &Props) -> Html {
    let store = use_reducer(start);
    use_take_over(props.take_over.clone());
    use_address(&store);
    use_autosave(&store);
    use_tools(&store);
    use_print(&store);
    use_shared_link(&store);
    use_focus_after_tools(&store);
    use_focus_on_swap(store.confirming_reset, "sha-reset-cancel", "sha-reset");
    use_focus_on_swap(store.choosing, "sha-platform-title", "sha-platform-current");
    let system_dark = use_media_query("(prefers-color-scheme: dark)");
    theme::use_theme(store.saved.theme, system_dark);
    page(&store)
}

/// The page for the state: the platform choice, or the chosen platform's values, steps,
/// files and hand-over. The pre-rendered pages are this view of a first visit's state
/// (`ui::prerender`).
#[inline(always)]
pub fn page(store: &Store) -> Html {
    let dispatcher = store.dispatcher();
    let body = if store.choosing {
        platform_choice(store)
    } else {
        // While values wait for review, the page shows them, read-only.
        html! {
            <div class="sha-body" inert={store.preview.is_some()}>
                { current_platform(store) }
                { before_you_start(store) }
                // Print only: the pre-rendered pages leave it out (0.2 KB of every first load),
                // and the app adds it when it takes over.
                if cfg!(target_arch = "wasm32") { { runbook(store.settings(), store.model.report(Field::SpfRecord)) } }
                { values_form(store) }
                { checklist(store) }
                { section(store, finish(store.settings().platform)) }
                { section(store, undo(store.settings())) }
                { files_panel(store) }
                { handover(store) }
            </div>
        }
    };
    html! {
        <div class="sha">
            <header class="sha-header">
                <h1>{ "Send outgoing mail through MailRoute" }</h1>
                <p class="sha-lead">{ "Route all outgoing mail from Exchange through MailRoute's smarthost: a checklist for your version, and scripts made from your values." }</p>
            </header>
            { notice(&store.notice, &dispatcher) }
            { review(store) }
            { body }
            <footer class="sha-footer">
                { save_offline(store) }
                { theme_choice(store.saved.theme, &dispatcher) }
            </footer>
            { announcer(&store.announcement) }
        </div>
    }
}

/// The state at start-up: what this browser saved, or a first visit's defaults, with what
/// an offline copy carries and what the page's link proposes (such as a documentation page's
/// platform): taken at once only on a first visit and only where it routes no mail, the
/// rest waiting for the admin.
fn start() -> State {
    let at = address::page();
    let offline_copy = storage::is_offline_copy();
    let (mut saved, saves, notice, first_visit) = match storage::load() {
        Loaded::Nothing => (Saved::default(), true, Notice::None, true),
        Loaded::Restored(saved) => (saved, true, Notice::None, false),
        // What could not be read is never overwritten: without a copy kept aside, nothing is saved.
        Loaded::Unreadable { why, kept } => (Saved::default(), kept, Notice::CouldNotRestore(why), false),
        Loaded::Unavailable => (Saved::default(), false, Notice::WillNotSave, true),
    };
    // The admin's own values and progress, before this page: they come back on their platform.
    let own = saved.settings != Settings::default() || saved.progress != Progress::default();
    // A platform's own page shows that platform: opening it is the admin's choice, and what
    // comes from outside is offered against it.
    if let Some(platform) = at {
        saved.settings.platform = platform;
    }
    // What could not be read from outside changes nothing, and says so.
    let mut notice = notice;
    let mut refused = |source: Source, why: Unreadable| notice = Notice::NotTaken(source, why);
    let mut from_copy = Vec::new();
    match storage::offered() {
        // Its progress and theme route no mail: a browser with nothing of the admin's takes them.
        Some(Ok(copy)) => {
            if first_visit {
                (saved.progress, saved.theme) = (copy.progress, copy.theme);
            }
            from_copy = offered(&saved.settings, &copy.settings);
        }
        Some(Err(why)) => refused(Source::OfflineCopy, why),
        None => {}
    }
    // In an offline copy, what it did not store itself is everyone's to write: it all waits.
    let from_stored = storage::unstamped().map_or(Vec::new(), |theirs| offered(&saved.settings, &theirs.settings));
    let pairs = link::query_pairs();
    let from_link = proposals(&saved.settings, pairs.iter().map(|(key, value)| (key.as_str(), value.as_str())))
        .unwrap_or_else(|why| {
            refused(Source::Link, why);
            Vec::new()
        });
    // A shared link hands over another admin's settings: every one of them waits.
    let from_shared = match link::shared() {
        Some(Ok(theirs)) => offered(&saved.settings, &theirs.settings),
        Some(Err(why)) => {
            refused(Source::SharedLink, why);
            Vec::new()
        }
        None => Vec::new(),
    };
    let (now, from_copy) = split(from_copy, first_visit);
    if from_copy.is_empty() {
        // Nothing of the copy's waits for the admin: it is not offered again.
        storage::settle_offered();
    }
    let (now_too, from_link) = split(from_link, first_visit);
    // The platform choice opens, unless a platform's page, a link's platform or the
    // offline copy's says which, or the admin has values or progress of their own here.
    let mut choosing = at.is_none() && !offline_copy && !own;
    for change in now.iter().chain(&now_too) {
        change.apply(&mut saved.settings);
    }
    let named = pairs.iter().find(|(key, _)| key == "platform").and_then(|(_, id)| Platform::from_id(id));
    choosing &= named != Some(saved.settings.platform);
    let mut proposed = Vec::new();
    for (source, changes) in [
        (Source::OfflineCopy, from_copy),
        (Source::Link, from_link),
        (Source::SharedLink, from_shared),
        (Source::Stored, from_stored),
    ] {
        proposed.extend(changes.into_iter().map(|change| (source, change)));
    }
    State { choosing, offline_copy, ..State::new(saved, saves, notice, proposed, at) }
}

/// The button that downloads the page as one file for use without a network.
fn save_offline(store: &Store) -> Html {
    if store.offline_copy {
        return Html::default();
    }
    let onclick = {
        let store = store.clone();
        Callback::from(move |_| {
            let store = store.clone();
            spawn_local(async move {
                let outcome = offline::save(&store.saved, store.at).await;
                store.dispatch(Action::OfflineSaved(outcome));
            });
        })
    };
    let error = store
        .offline_error
        .as_ref()
        .map(|why| html! { <p class="sha-problem" data-severity="error">{ why.clone() }</p> });
    html! {
        <div class="sha-offline">
            <button type="button" class="sha-button" {onclick} aria-describedby="sha-offline-hint">{ "Save for offline use" }</button>
            <span id="sha-offline-hint" class="sha-hint">{ format!(" One file, {}, with your values and progress inside: it opens without a network.", offline::FILE_NAME) }</span>
            { error.unwrap_or_default() }
        </div>
    }
}
