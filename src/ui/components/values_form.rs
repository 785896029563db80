use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::platform::{Family, Platform, Release2007};
use crate::domain::settings::{Connector, Field, Scope};
use crate::domain::valid::AdDomain;
use crate::ui::components::field::field_input;
use crate::ui::state::{Action, Store};

/// The admin's own values, which the steps and the files use, grouped as the platform's
/// family needs them.
pub fn values_form(store: &Store) -> Html {
    let groups = match store.settings().platform.family() {
        Family::Exchange2003 => exchange2003(store),
        Family::SendConnector => send_connector(store),
        Family::ExchangeOnline => exchange_online(store),
    };
    html! {
        <section class="sha-values" aria-labelledby="sha-values-title">
            <h2 id="sha-values-title">{ "Your values" }</h2>
            <p class="sha-hint">{ "The steps and files below use these. They are kept in this browser only." }</p>
            { groups }
        </section>
    }
}

fn fields(store: &Store, fields: &[Field]) -> Html {
    fields.iter().map(|field| field_input(store, *field)).collect()
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

/// For an existing connector: these fields, and whether to replace its address spaces.
fn existing(store: &Store, extra: &[Field]) -> Html {
    if store.settings().connector != Connector::Existing {
        return Html::default();
    }
    let onchange = store.dispatcher().to_callback().reform(|event: Event| {
        Action::ReplaceAddressSpace(event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <fieldset class="sha-group">
            <legend>{ "The existing connector" }</legend>
            { fields(store, extra) }
            <div class="sha-choice">
                <input type="checkbox" id="replace-address-space" checked={store.settings().replace_address_space} {onchange} />
                <label for="replace-address-space">{ "Also replace its address spaces with the one above" }</label>
            </div>
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
                { fields(store, &[Field::ConnectorName, Field::SmartHosts, Field::Bridgehead, Field::AddressSpace, Field::Cost]) }
                { scope(store) }
            </fieldset>
            <fieldset class="sha-group">
                <legend>{ "Active Directory, for the LDIF files" }</legend>
                { fields(store, &[Field::AdDomain]) }
                { domain_dn.unwrap_or_default() }
                { fields(store, &[Field::Organization, Field::AdminGroup, Field::ServerAdminGroup, Field::RoutingGroup, Field::VirtualServer]) }
            </fieldset>
            { existing(store, &[Field::PreviousSmartHosts]) }
        </>
    }
}

fn send_connector(store: &Store) -> Html {
    let settings = store.settings();
    // Exchange 2007's first release scopes differently (facts/exchange.md §3.3).
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
            { existing(store, &[]) }
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
