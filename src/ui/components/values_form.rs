use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::settings::{Connector, Field, Scope};
use crate::domain::valid::AdDomain;
use crate::ui::components::field::field_input;
use crate::ui::state::{Action, Store};

/// The admin's own values, which the steps and the files use, in three groups.
pub fn values_form(store: &Store) -> Html {
    let fields = |fields: &[Field]| fields.iter().map(|field| field_input(store, *field)).collect::<Html>();
    let scope_option = |scope: Scope, id: &'static str| {
        let onchange = store.dispatcher().to_callback().reform(move |_| Action::ChooseScope(scope));
        html! {
            <div class="sha-choice">
                <input type="radio" name="sha-scope" {id} checked={store.settings.scope == scope} {onchange} />
                <label for={id}>{ scope.label() }</label>
            </div>
        }
    };
    let domain_dn = AdDomain::new(&store.settings).ok().map(|domain| {
        html! { <p class="sha-hint">{ "In directory paths: " }<code>{ domain.dn() }</code></p> }
    });
    let existing = (store.settings.connector == Connector::Existing).then(|| {
        let onchange = store.dispatcher().to_callback().reform(|event: Event| {
            Action::ReplaceAddressSpace(event.target_unchecked_into::<HtmlInputElement>().checked())
        });
        html! {
            <fieldset class="sha-group">
                <legend>{ "The existing connector" }</legend>
                { fields(&[Field::PreviousSmartHosts]) }
                <div class="sha-choice">
                    <input type="checkbox" id="replace-address-space" checked={store.settings.replace_address_space} {onchange} />
                    <label for="replace-address-space">{ "Also replace its address spaces with the one above" }</label>
                </div>
            </fieldset>
        }
    });
    html! {
        <section class="sha-values" aria-labelledby="sha-values-title">
            <h2 id="sha-values-title">{ "Your values" }</h2>
            <p class="sha-hint">{ "The steps and files below use these. They are kept in this browser only." }</p>
            <fieldset class="sha-group">
                <legend>{ "The connector" }</legend>
                { fields(&[Field::ConnectorName, Field::SmartHosts, Field::Bridgehead, Field::AddressSpace, Field::Cost]) }
                <fieldset class="sha-question">
                    <legend>{ "Connector scope" }</legend>
                    { scope_option(Scope::Organization, "scope-organization") }
                    { scope_option(Scope::RoutingGroup, "scope-routing-group") }
                </fieldset>
            </fieldset>
            <fieldset class="sha-group">
                <legend>{ "Active Directory, for the LDIF files" }</legend>
                { fields(&[Field::AdDomain]) }
                { domain_dn.unwrap_or_default() }
                { fields(&[Field::Organization, Field::AdminGroup, Field::RoutingGroup, Field::VirtualServer]) }
            </fieldset>
            { existing.unwrap_or_default() }
        </section>
    }
}
