use yew::prelude::*;

use crate::domain::settings::Field;
use crate::domain::validate::{check, Severity};
use crate::ui::components::field::fix_button;
use crate::ui::state::Store;

/// What is wrong with the smart hosts, said again where they are used (the step that enters
/// them, and above the files), since a slip there sends the organization's mail astray; with
/// the field's one-click fix where it has one.
pub fn smart_host_alert(store: &Store) -> Html {
    let settings = store.settings();
    let Some(problem) = check(settings.platform, Field::SmartHosts, settings.get(Field::SmartHosts)) else {
        return Html::default();
    };
    let severity = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let fix = problem.fix.map(|fix| fix_button(store, Field::SmartHosts, fix));
    html! {
        <p class="sha-problem sha-smart-host-alert" data-severity={severity}>
            <strong>{ "Smart host: " }</strong>{ problem.message }{ fix.unwrap_or_default() }
        </p>
    }
}
