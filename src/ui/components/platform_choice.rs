use yew::prelude::*;

use crate::domain::platform::Platform;
use crate::ui::address::href;
use crate::ui::state::{Action, Store};

/// The platforms by how they are managed, newest first: the group's id and name, and its
/// platforms.
const GROUPS: [(&str, &str, &[Platform]); 4] = [
    ("sha-group-online", "Microsoft 365", &[Platform::ExchangeOnline]),
    (
        "sha-group-admin-center",
        "Exchange admin center",
        &[Platform::ExchangeSe, Platform::Exchange2019, Platform::Exchange2016, Platform::Exchange2013],
    ),
    ("sha-group-console", "Exchange Management Console", &[Platform::Exchange2010, Platform::Exchange2007]),
    ("sha-group-system-manager", "Exchange System Manager", &[Platform::Exchange2003]),
];

/// The first thing on the assistant's own page: which Exchange the admin runs. Each choice
/// is a link to that platform's page, which reads without scripts; with them, the app
/// takes the click and changes the page without loading another.
pub fn platform_choice(store: &Store) -> Html {
    html! {
        <section class="sha-platforms" aria-labelledby="sha-platform-title">
            <h2 id="sha-platform-title" tabindex="-1">{ "Choose your mail platform" }</h2>
            <div class="sha-platform-groups">
                { for GROUPS.iter().map(|(id, name, platforms)| group(store, id, name, platforms)) }
            </div>
            <p class="sha-hint">
                { "Not sure which you run? In the Exchange Management Shell, " }
                <code>{ "Get-ExchangeServer | Format-Table Name, AdminDisplayVersion" }</code>
                // Microsoft's "Exchange Server build numbers and release dates".
                { " shows it: Version 8 is 2007, 14 is 2010, 15.0 is 2013, 15.1 is 2016, and 15.2 is 2019 or Subscription Edition. Exchange 2003 has no shell: System Manager's Help > About shows its version. If your mailboxes are in Microsoft 365, choose Exchange Online." }
            </p>
        </section>
    }
}

fn group(store: &Store, id: &'static str, name: &'static str, platforms: &[Platform]) -> Html {
    html! {
        <div class="sha-platform-group">
            <h3 {id}>{ name }</h3>
            <ul aria-labelledby={id}>
                { for platforms.iter().map(|platform| html! {
                    <li>{ {
                        let platform = *platform;
                        link(store, Some(platform), platform.label(), move || Action::ChoosePlatform(platform))
                    } }</li>
                }) }
            </ul>
        </div>
    }
}

/// On a platform's page: which platform the steps are for, and the way back to the choice.
pub fn current_platform(store: &Store) -> Html {
    let platform = store.settings().platform;
    html! {
        <nav class="sha-platform" aria-label="Mail platform" data-platform={platform.id()}>
            <p id="sha-platform-current" tabindex="-1">
                { "Steps for " }<strong>{ platform.label() }</strong>{ ". " }
                { link(store, None, "Change platform", || Action::ShowPlatforms) }
            </p>
        </nav>
    }
}

/// A link to another page that the app follows without loading it; a click that asks for a
/// new tab or window is left to the browser.
fn link(store: &Store, to: Option<Platform>, text: &str, action: impl Fn() -> Action + 'static) -> Html {
    let dispatcher = store.dispatcher();
    let onclick = Callback::from(move |event: MouseEvent| {
        if event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()) {
            event.prevent_default();
            dispatcher.dispatch(action());
        }
    });
    html! { <a href={href(store.at, to)} {onclick}>{ text }</a> }
}
