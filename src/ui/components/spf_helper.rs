use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::domain::settings::Field;
use crate::domain::spf::{Level, Report};
use crate::domain::validate::limit;
use crate::ui::components::copy_value::copy_value;
use crate::ui::components::field::{refused, refused_id};
use crate::ui::state::{request_tools, Action, Store, Tools};
use crate::ui::tools;

/// The SPF helper: the admin pastes the record, and reads it back with MailRoute's include,
/// with what else needs attention listed under it. The checker is in the tools module,
/// which the first edit or the button loads.
pub fn spf_helper(store: &Store) -> Html {
    let field = Field::SpfRecord;
    let pasted = store.settings().get(field).to_string();
    let oninput = {
        let dispatcher = store.dispatcher();
        let kept = pasted.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlTextAreaElement = event.target_unchecked_into();
            let typed = input.value();
            // A refused paste leaves the state as it was, so Yew would not touch the box.
            if typed.len() > limit(field) {
                input.set_value(&kept);
            }
            dispatcher.dispatch(Action::Edit(field, typed));
            dispatcher.dispatch(Action::ToolsRequested { focus: "spf-report".to_string() });
        })
    };
    let result = match (&store.tools, tools::check_spf(&pasted)) {
        (Tools::Ready, Some(found)) => report(store, found),
        (Tools::Failed(why), _) => html! { <p class="sha-problem" data-severity="error">{ why.clone() }</p> },
        (Tools::Loading, _) => html! { <p class="sha-waiting">{ "Checking…" }</p> },
        _ => {
            let onclick = request_tools(store, "spf-report");
            html! { <button type="button" class="sha-button" {onclick}>{ "Check the record and add MailRoute" }</button> }
        }
    };
    html! {
        <div class="sha-spf">
            <div class="sha-field">
                <label for={field.id()}>{ field.label() }</label>
                <textarea id={field.id()} value={pasted} {oninput} rows="3" spellcheck="false" autocomplete="off"
                    aria-describedby={refused_id(store, field).map_or("spf-record-hint".to_string(), |id| format!("spf-record-hint {id}"))} />
                <p id="spf-record-hint" class="sha-hint">{ field.hint() }</p>
                { refused(store, field) }
            </div>
            <div id="spf-report" tabindex="-1" aria-live="polite">{ result }</div>
        </div>
    }
}

fn report(store: &Store, report: Report) -> Html {
    let findings: Html = report
        .findings
        .into_iter()
        .map(|finding| {
            let (level, prefix) = match finding.level {
                Level::Error => ("error", "Error: "),
                Level::Warning => ("warning", "Warning: "),
                Level::Note => ("note", "Note: "),
            };
            html! {
                <li class="sha-problem" data-severity={level}>
                    <span class="sha-visually-hidden">{ prefix }</span>{ finding.message }
                </li>
            }
        })
        .collect();
    let record = match report.record {
        Some(record) => html! {
            <div class="sha-spf-result">
                <p>{ "Publish this as the domain's SPF record, in place of the old one:" }</p>
                { copy_value(store, "spf-result".to_string(), record, "SPF record") }
            </div>
        },
        None => {
            html! { <p class="sha-waiting">{ "Correct the record as listed above, and the record to publish appears here." }</p> }
        }
    };
    html! { <><ul class="sha-spf-findings">{ findings }</ul>{ record }</> }
}
