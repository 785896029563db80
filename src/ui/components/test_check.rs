use yew::prelude::*;

use crate::domain::settings::Field;
use crate::ui::components::paste_check::paste_check;
use crate::ui::components::report::report;
use crate::ui::state::Store;
use crate::ui::tools;

/// The last step's checks: a test message's header, read for its way out through MailRoute,
/// and an error, explained. Both run in the tools module; nothing leaves the browser.
pub fn test_check(store: &Store) -> Html {
    let platform = store.settings().platform;
    let check = |field: Field, button: &str| {
        let pasted = store.settings().get(field);
        paste_check(store, field, (!pasted.is_empty()).then_some(button), &|pasted| {
            if pasted.trim().is_empty() {
                return Html::default();
            }
            let found = match field {
                Field::TestHeader => tools::check_headers(pasted, platform),
                _ => tools::explain_error(pasted, platform),
            };
            found.map(|found| report(store, &found)).unwrap_or_default()
        })
    };
    html! {
        <>
            { check(Field::TestHeader, "Check the header") }
            { check(Field::ErrorText, "Explain the error") }
        </>
    }
}
