use yew::prelude::*;

use crate::domain::settings::Field;
use crate::ui::components::copy_value::copy_value;
use crate::ui::components::paste_check::paste_check;
use crate::ui::state::Store;

/// The SPF helper: the admin pastes the record, and reads it back with MailRoute's include,
/// with what else needs attention listed above it.
pub fn spf_helper(store: &Store) -> Html {
    paste_check(store, Field::SpfRecord, Some("Check the record and add MailRoute"))
}

/// The record to publish, or why there is none yet.
pub fn spf_record(store: &Store, record: Option<String>) -> Html {
    match record {
        Some(record) => html! {
            <div class="sha-spf-result">
                <p>{ "Publish this as the domain's SPF record, in place of the old one:" }</p>
                { copy_value(store, "spf-result".to_string(), record, "SPF record") }
            </div>
        },
        None => html! { <p class="sha-waiting">{ "Correct the record as listed above, and the record to publish appears here." }</p> },
    }
}
