use yew::prelude::*;

use crate::domain::checklist::asked;
use crate::domain::platform::{Family, Platform, Release2007};
use crate::domain::settings::{Field, Scope};
use crate::domain::valid::AdDomain;
use crate::ui::components::field::field_input;
use crate::ui::state::{Action, Store};

/// The values whose defaults suit nearly every organization, folded away until the admin
/// opens them: the steps ask for the values they need themselves (`Block::Ask`, and the
/// connector question for an existing connector), so none of those is here.
pub fn values_form(store: &Store) -> Html {
    let groups = match store.settings().platform.family() {
        Family::Exchange2003 => exchange2003(store),
        Family::SendConnector => send_connector(store),
        Family::ExchangeOnline => exchange_online(store),
    };
    html! {
        <details class="sha-values">
            <summary id="sha-values-title">{ "Change the defaults" }</summary>
            <p class="sha-hint">{ "The steps and files use these. The defaults suit nearly every organization; change one only when you know yours differs. Your values are kept in this browser only." }</p>
            { groups }
        </details>
    }
}

/// These fields, but for those a step or the connector question asks for.
fn fields(store: &Store, fields: &[Field]) -> Html {
    let asked = asked(store.settings());
    let mut shown = Vec::new();
    for field in fields {
        if !asked.contains(field) {
            shown.push(field_input(store, *field));
        }
    }
    shown.into_iter().collect()
}

fn radio(
    store: &Store,
    name: &'static str,
    id: &'static str,
    label: &'static str,
    checked: bool,
    action: fn() -> Action,
) -> Html {
    let onchange = store.dispatcher().to_callback().reform(move |_| action());
    html! {
        <div class="sha-choice">
            <input type="radio" {name} {id} {checked} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

fn scope(store: &Store) -> Html {
    let (platform, scope) = (store.settings().platform, store.settings().scope);
    html! {
        <fieldset class="sha-question">
            <legend>{ "Connector scope" }</legend>
            { radio(store, "sha-scope", "scope-organization", Scope::Organization.label(platform), scope == Scope::Organization, || Action::ChooseScope(Scope::Organization)) }
            { radio(store, "sha-scope", "scope-local", Scope::Local.label(platform), scope == Scope::Local, || Action::ChooseScope(Scope::Local)) }
        </fieldset>
    }
}

fn exchange2003(store: &Store) -> Html {
    let domain_dn = AdDomain::new(store.settings()).ok().map(|domain| {
        html! { <p class="sha-hint">{ "In directory paths: " }<code>{ domain.dn() }</code></p> }
    });
    html! {
        <>
            <fieldset class="sha-group">
                <legend>{ "The connector" }</legend>
                { fields(store, &[Field::ConnectorName, Field::SmartHosts, Field::AddressSpace, Field::Cost]) }
                { scope(store) }
            </fieldset>
            <fieldset class="sha-group">
                <legend>{ "Active Directory: for the LDIF files only" }</legend>
                { fields(store, &[Field::AdDomain]) }
                { domain_dn.unwrap_or_default() }
                { fields(store, &[Field::Organization, Field::AdminGroup, Field::ServerAdminGroup, Field::RoutingGroup, Field::VirtualServer]) }
            </fieldset>
        </>
    }
}

fn send_connector(store: &Store) -> Html {
    let settings = store.settings();
    // Exchange 2007's first release scopes differently (docs/facts.md §3.3).
    let release = (settings.platform == Platform::Exchange2007).then(|| {
        let rtm = settings.release_2007 == Release2007::Rtm;
        html! {
            <fieldset class="sha-question">
                <legend>{ "Exchange 2007 release" }</legend>
                { radio(store, "sha-release", "release-service-pack", "Service Pack 1 or later", !rtm, || Action::ChooseRelease(Release2007::ServicePack)) }
                { radio(store, "sha-release", "release-rtm", "The first release, before Service Pack 1", rtm, || Action::ChooseRelease(Release2007::Rtm)) }
            </fieldset>
        }
    });
    html! {
        <>
            <fieldset class="sha-group">
                <legend>{ "The send connector" }</legend>
                { fields(store, &[Field::ConnectorName, Field::SmartHosts, Field::AddressSpace, Field::Cost, Field::SourceServers]) }
                { scope(store) }
                { release.unwrap_or_default() }
            </fieldset>
        </>
    }
}

fn exchange_online(store: &Store) -> Html {
    html! {
        <fieldset class="sha-group">
            <legend>{ "The outbound connector" }</legend>
            { fields(store, &[Field::ConnectorName, Field::SmartHosts, Field::AddressSpace]) }
        </fieldset>
    }
}
