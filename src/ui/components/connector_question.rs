use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::platform::Platform;
use crate::domain::settings::{Connector, Field};
use crate::ui::components::field::field_input;
use crate::ui::state::{Action, Store};

/// The seed's branch: create a connector, or change the one that exists. Nothing is chosen
/// for the admin; each answer asks for what it needs, here in the step.
pub fn connector_question(store: &Store) -> Html {
    let settings = store.settings();
    let option = |connector: Connector, id: &'static str, label: &'static str| {
        let onchange = store.dispatcher().to_callback().reform(move |_| Action::ChooseConnector(connector));
        html! {
            <div class="sha-choice">
                <input type="radio" name="sha-connector" {id} checked={settings.connector == connector} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let exchange2003 = settings.platform == Platform::Exchange2003;
    let question = if exchange2003 {
        "Is there an SMTP connector already?"
    } else {
        "Is there a send connector for mail to the internet already?"
    };
    let follow = match settings.connector {
        Connector::Unanswered => html! {
            <p class="sha-note" id="connector-follow">{ "Answer this first: the steps that follow and the files differ for a new connector and an existing one." }</p>
        },
        Connector::New => html! {
            <p class="sha-problem" data-severity="warning" id="connector-follow">
                { "Another enabled connector for all domains (*) at the same or a lower cost keeps taking mail: at equal cost Exchange 2003 splits it, and later versions do not say which wins. If there is one, answer Yes and change it, or disable it, or raise its cost." }
            </p>
        },
        Connector::Existing => {
            let onchange = store.dispatcher().to_callback().reform(|event: Event| {
                Action::ReplaceAddressSpace(event.target_unchecked_into::<HtmlInputElement>().checked())
            });
            html! {
                <div class="sha-group" id="connector-follow">
                    <p>{ "Its name, exactly as the console lists it:" }</p>
                    { field_input(store, Field::ConnectorName) }
                    if exchange2003 { { field_input(store, Field::PreviousSmartHosts) } }
                    <div class="sha-choice">
                        <input type="checkbox" id="replace-address-space" checked={settings.replace_address_space} {onchange} />
                        <label for="replace-address-space">{ "Also replace its address spaces with the recipient domains (address space) you set" }</label>
                    </div>
                </div>
            }
        }
    };
    html! {
        <>
            <fieldset class="sha-question">
                <legend>{ question }</legend>
                { option(Connector::New, "connector-new", "No, I will create one") }
                { option(Connector::Existing, "connector-existing", "Yes, I will change it") }
            </fieldset>
            { follow }
        </>
    }
}
