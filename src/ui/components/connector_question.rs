use yew::prelude::*;

use crate::domain::platform::Platform;
use crate::domain::settings::Connector;
use crate::ui::state::{Action, Store};

/// The seed's branch: create a connector, or change the one that exists.
pub fn connector_question(store: &Store) -> Html {
    let option = |connector: Connector, id: &'static str, label: &'static str| {
        let onchange = store.dispatcher().to_callback().reform(move |_| Action::ChooseConnector(connector));
        html! {
            <div class="sha-choice">
                <input type="radio" name="sha-connector" {id} checked={store.settings().connector == connector} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let question = if store.settings().platform == Platform::Exchange2003 {
        "Is there an SMTP connector already?"
    } else {
        "Is there a send connector for mail to the internet already?"
    };
    html! {
        <fieldset class="sha-question">
            <legend>{ question }</legend>
            { option(Connector::New, "connector-new", "No, I will create one") }
            { option(Connector::Existing, "connector-existing", "Yes, I will change it") }
        </fieldset>
    }
}
