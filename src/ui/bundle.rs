//! The page is built once per platform family: Exchange 2003, Exchange 2007 to Subscription
//! Edition, and Exchange Online. Each build holds its own family's steps and values form
//! only, so that each first load stays small (the generators are in the tools module, loaded
//! on demand: `ui::host`). The loader fetches the build for the admin's platform; choosing
//! a platform of another family reloads the page with the values handed over.

use yew::Html;

use crate::domain::checklist::{exchange2003, exchange_online, send_connector, Step};
use crate::domain::platform::{Family, Platform};
use crate::domain::settings::Settings;
use crate::ui::components::values_form;
use crate::ui::state::Store;

pub struct Bundle {
    /// The build's name; the loader knows it by the same name (src/web/choose.js).
    pub id: &'static str,
    pub family: Family,
    pub steps: fn(&Settings) -> Vec<&'static Step>,
    /// The groups of the values form.
    pub values: fn(&Store) -> Html,
}

impl Bundle {
    pub fn serves(&self, platform: Platform) -> bool {
        platform.family() == self.family
    }
}

impl PartialEq for Bundle {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

pub static EXCHANGE_2003: Bundle = Bundle {
    id: "exchange-2003",
    family: Family::Exchange2003,
    steps: exchange2003::steps,
    values: values_form::exchange2003,
};

pub static SEND_CONNECTOR: Bundle = Bundle {
    id: "exchange-2007-to-se",
    family: Family::SendConnector,
    steps: send_connector::steps,
    values: values_form::send_connector,
};

pub static EXCHANGE_ONLINE: Bundle = Bundle {
    id: "exchange-online",
    family: Family::ExchangeOnline,
    steps: |_| exchange_online::steps(),
    values: values_form::exchange_online,
};
