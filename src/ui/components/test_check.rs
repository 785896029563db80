use yew::prelude::*;

use crate::domain::settings::Field;
use crate::ui::components::paste_check::paste_check;
use crate::ui::state::Store;

/// The last step's checks: a test message's header, read for its way out through MailRoute,
/// and an error, explained. Both run in the tools module; nothing leaves the browser. With
/// nothing pasted there is nothing to check, so no button asks for the tools.
pub fn test_check(store: &Store) -> Html {
    let button = |field: Field, label| (!store.settings().get(field).is_empty()).then_some(label);
    html! {
        <>
            { paste_check(store, Field::TestHeader, store.model.report(Field::TestHeader), button(Field::TestHeader, "Check the header")) }
            { paste_check(store, Field::ErrorText, store.model.report(Field::ErrorText), button(Field::ErrorText, "Explain the error")) }
        </>
    }
}
