use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::domain::report::Report;
use crate::domain::settings::Field;
use crate::domain::validate::limit;
use crate::ui::components::copy_value::copy_value;
use crate::ui::components::field::{refused, refused_id};
use crate::ui::components::report::report;
use crate::ui::state::{request_tools, Action, Store, Tools};

/// A box the admin pastes into, read by its check in the tools module (the SPF helper, the
/// header check, the error explainer), with the check's report (`found`) under it, and for
/// the SPF helper the record to publish. The first edit loads the tools; `button`, when
/// given, loads them without one.
pub fn paste_check(store: &Store, field: Field, found: Option<&Report>, button: Option<&str>) -> Html {
    let pasted = store.settings().get(field).to_string();
    let id = field.id();
    let report_id = format!("{id}-report");
    let hint_id = format!("{id}-hint");
    let oninput = {
        let store = store.clone();
        let focus = report_id.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlTextAreaElement = event.target_unchecked_into();
            let typed = input.value();
            // A refused paste leaves the box as it was: the app sets the box only here.
            if typed.len() > limit(field) {
                input.set_value(store.settings().get(field));
            }
            store.dispatch(Action::Edit(field, typed));
            store.dispatch(Action::ToolsRequested { focus: focus.clone() });
        })
    };
    let shown = match (&store.tools, button) {
        (Tools::Ready, _) => match found {
            Some(found) if field == Field::SpfRecord => {
                html! { <>{ report(found) }{ spf_record(store, found.record.clone()) }</> }
            }
            Some(found) => report(found),
            None => Html::default(),
        },
        (Tools::Failed(why), _) => html! { <p class="sha-problem" data-severity="error">{ why.clone() }</p> },
        (Tools::Loading, _) => html! { <p class="sha-waiting">{ "Checking…" }</p> },
        (Tools::NotLoaded, Some(label)) => {
            html! { <button type="button" class="sha-button" onclick={request_tools(store, &report_id)}>{ label }</button> }
        }
        (Tools::NotLoaded, None) => Html::default(),
    };
    let described = refused_id(store, field).map_or(hint_id.clone(), |refused| format!("{hint_id} {refused}"));
    html! {
        <div class="sha-paste">
            <div class="sha-field">
                <label for={id}>{ field.label() }</label>
                // What the box holds changes only by its own input (this view and the take-over),
                // so it is given once, when it is made: as `value`, Yew would read the whole
                // box back from the page on every render, 64 KiB of it (scripts/bench.mjs).
                <textarea {id} defaultvalue={pasted} {oninput} rows="3" spellcheck="false" autocomplete="off" aria-describedby={described} />
                <p id={hint_id} class="sha-hint">{ field.hint() }</p>
                { refused(store, field) }
            </div>
            <div id={report_id} tabindex="-1">{ shown }</div>
            // What the check comes to: heard after a paste, the report staying on the page; seen
            // in place of the report where a done step folds and on paper (styles/app.css).
            <p class="sha-visually-hidden sha-verdict sha-problem" aria-live="polite">
                { found.map(|found| found.verdict.clone()).unwrap_or_default() }
            </p>
        </div>
    }
}

/// The SPF record to publish, or why there is none yet.
fn spf_record(store: &Store, record: Option<String>) -> Html {
    match record {
        Some(record) => html! {
            <div class="sha-spf-result">
                <p>{ "Publish this as the domain's SPF record, in place of the old one:" }</p>
                { copy_value(store, "spf-result".to_string(), record, "SPF record") }
            </div>
        },
        None => {
            html! { <p class="sha-waiting">{ "Correct the record as listed above, and the record to publish appears here." }</p> }
        }
    }
}
