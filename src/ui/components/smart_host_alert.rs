use yew::prelude::*;

use crate::domain::settings::Field;
use crate::domain::validate::{check, Severity};
use crate::ui::components::field::{confirm, fix_button};
use crate::ui::state::Store;

/// What is wrong with the smart hosts, said again where they are used (the step that enters
/// them, and above the files), since a slip there sends the organization's mail astray; with
/// the field's one-click fix where it has one, and the confirmation a host that is not
/// MailRoute's waits for. `place` is the heading of where it is said: ids here are made from
/// it, and the keyboard goes back to it after the fix.
pub fn smart_host_alert(store: &Store, place: &str) -> Html {
    let settings = store.settings();
    let Some(problem) = check(settings.platform, Field::SmartHosts, settings.get(Field::SmartHosts)) else {
        return Html::default();
    };
    let severity = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let fix = problem.fix.map(|fix| fix_button(store, Field::SmartHosts, fix, place.to_string()));
    let id = format!("{place}-smart-host");
    let confirmation = (problem.severity == Severity::Warning)
        .then(|| confirm(store, Field::SmartHosts, &format!("{id}-confirm"), &id));
    html! {
        <div class="sha-smart-host-alert">
            <p {id} class="sha-problem" data-severity={severity}>
                <strong>{ "Smart host: " }</strong>{ problem.message }{ fix.unwrap_or_default() }
            </p>
            { confirmation.unwrap_or_default() }
        </div>
    }
}
