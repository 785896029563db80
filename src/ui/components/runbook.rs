use yew::prelude::*;

use crate::domain::guard::called_out;
use crate::domain::report::Report;
use crate::domain::settings::{Field, Settings};
use crate::ui::components::warning::warning;

/// The printed runbook's own part, shown only in print (styles/app.css): the platform and
/// the values its steps and files use, a routing value that is not MailRoute's host called
/// out beside it, the SPF record to publish where the helper made one, and room for the
/// change record. The test's verdict prints in its step.
pub fn runbook(settings: &Settings, spf: Option<&Report>) -> Html {
    let rows = settings.used().into_iter().map(|field| {
        let (mut label, mut value) = (field.label(), settings.get(field));
        if let (Field::SpfRecord, Some(record)) = (field, spf.and_then(|spf| spf.record.as_deref())) {
            (label, value) = ("SPF record to publish", record);
        }
        html! {
            <tr>
                <th scope="row">{ label }</th>
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
                    { for rows }
                </tbody>
            </table>
        </section>
    }
}
