use yew::prelude::*;

use crate::domain::guard::called_out;
use crate::domain::settings::{Field, Settings};
use crate::ui::components::warning::warning;

/// The printed runbook's own part, shown only in print (styles/app.css): the platform and
/// every value the admin set, a routing value that is not MailRoute's host called out beside
/// it, and room for the change record.
pub fn runbook(settings: &Settings) -> Html {
    let values =
        Field::ALL.into_iter().filter(|field| !field.is_evidence() && !settings.get(*field).is_empty()).map(|field| {
            let value = settings.get(field);
            html! {
                <tr>
                    <th scope="row">{ field.label() }</th>
                    <td>
                        <code>{ value.to_string() }</code>
                        { warning(called_out(field, value)) }
                    </td>
                </tr>
            }
        });
    html! {
        <section class="sha-runbook" aria-labelledby="sha-runbook-title">
            <h2 id="sha-runbook-title">{ "Change record" }</h2>
            <table class="sha-settings sha-signoff">
                <tbody>
                    <tr><th scope="row">{ "Change number" }</th><td></td></tr>
                    <tr><th scope="row">{ "Operator" }</th><td></td></tr>
                    <tr><th scope="row">{ "Date and time" }</th><td></td></tr>
                    <tr><th scope="row">{ "Approved by (sign-off)" }</th><td></td></tr>
                </tbody>
            </table>
            <h3>{ "Values" }</h3>
            <table class="sha-settings">
                <tbody>
                    <tr><th scope="row">{ "Mail platform" }</th><td>{ settings.platform.label() }</td></tr>
                    { for values }
                </tbody>
            </table>
        </section>
    }
}
