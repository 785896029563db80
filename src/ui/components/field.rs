use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::guard::suspects;
use crate::domain::settings::Field;
use crate::domain::validate::{check, limit, Fix, Severity};
use crate::ui::focus::focus;
use crate::ui::state::{refusal, Action, Store};

/// A labelled text input with its hint and, next to it, what is wrong with the value.
///
/// Optional parts render as one child each (possibly empty): Yew flattens `{ for … }` into
/// the parent, and a changing child count would make it replace the input under the cursor.
pub fn field_input(store: &Store, field: Field) -> Html {
    let value = store.settings().get(field).to_string();
    // An empty required field says so once the admin has left it, not before.
    let problem = check(store.settings().platform, field, &value).filter(|problem| {
        problem.severity == Severity::Warning || !value.trim().is_empty() || store.touched.contains(&field)
    });
    let id = field.id();
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let dispatcher = store.dispatcher();
    // focusout, not blur: it bubbles to where Yew listens.
    let onfocusout = dispatcher.to_callback().reform(move |_: FocusEvent| Action::Touch(field));

    let oninput = {
        let kept = value.clone();
        dispatcher.to_callback().reform(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let typed = input.value();
            // A refused edit leaves the state as it was, so Yew would not touch the input.
            if typed.len() > limit(field) {
                input.set_value(&kept);
            }
            Action::Edit(field, typed)
        })
    };
    let mut described_by = if problem.is_some() { format!("{hint_id} {problem_id}") } else { hint_id.clone() };
    if let Some(refused_id) = refused_id(store, field) {
        described_by = format!("{described_by} {refused_id}");
    }
    let is_error = problem.as_ref().is_some_and(|problem| problem.severity == Severity::Error);

    let problem_html = problem.map(|problem| {
        // Severity is an attribute for the stylesheet: a class given as a variable would
        // bring in Yew's class-list code.
        let (severity, prefix) = match problem.severity {
            Severity::Error => ("error", "Error: "),
            Severity::Warning => ("warning", "Warning: "),
        };
        let fix = problem.fix.map(|fix| fix_button(store, field, fix, id.to_string()));
        html! {
            <p id={problem_id.clone()} class="sha-problem" data-severity={severity}>
                <span class="sha-visually-hidden">{ prefix }</span>
                { problem.message }
                { fix.unwrap_or_default() }
            </p>
        }
    });

    html! {
        <div class="sha-field">
            <label for={id}>{ field.label() }</label>
            <input
                {id}
                type="text"
                {value}
                {oninput}
                {onfocusout}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby={described_by}
                aria-invalid={is_error.to_string()}
            />
            <p id={hint_id} class="sha-hint">{ field.hint() }</p>
            { problem_html.unwrap_or_default() }
            { refused(store, field) }
            if !is_error { { confirm(store, field, &format!("{id}-confirm"), &problem_id) } }
        </div>
    }
}

/// The one-click fix for a field's problem. The button goes away with the problem, so the
/// keyboard goes to `then`, near it: the admin stays where they are.
pub fn fix_button(store: &Store, field: Field, fix: Fix, then: String) -> Html {
    let dispatcher = store.dispatcher();
    let onclick = Callback::from(move |_| {
        dispatcher.dispatch(Action::Edit(field, fix.value.clone()));
        dispatcher.dispatch(Action::Announce(format!("{} changed to {}", field.label(), fix.value)));
        focus(&then);
    });
    html! { <button type="button" class="sha-button sha-fix" {onclick}>{ fix.label }</button> }
}

/// For a routing value that is not MailRoute's host: the admin's own statement, without which
/// no file is made and no step shows it (review F2, F15). It holds for this value only. Said
/// beside each message that asks for it (`id`, unique on the page), the message `about`.
pub fn confirm(store: &Store, field: Field, id: &str, about: &str) -> Html {
    let statement = match field {
        Field::SmartHosts => "MailRoute support told me to use this host",
        Field::PreviousSmartHosts => "My connector has this smart host now",
        _ => return Html::default(),
    };
    if suspects(store.settings().get(field)).is_empty() {
        return Html::default();
    }
    let id = id.to_string();
    let onchange = store.dispatcher().to_callback().reform(move |event: Event| {
        Action::Confirm(field, event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <div class="sha-choice">
            <input type="checkbox" id={id.clone()} checked={store.confirmed().of(field)} {onchange} aria-describedby={about.to_string()} />
            <label for={id}>{ statement }</label>
        </div>
    }
}

/// The id of the message about a refused edit of this field, while there is one.
pub fn refused_id(store: &Store, field: Field) -> Option<String> {
    store.refused.filter(|(refused, _)| *refused == field).map(|_| format!("{}-refused", field.id()))
}

/// Next to the field: an edit longer than the field takes was not taken, and why.
pub fn refused(store: &Store, field: Field) -> Html {
    match (store.refused, refused_id(store, field)) {
        (Some((_, length)), Some(id)) => html! {
            <p {id} class="sha-problem" data-severity="error">
                <span class="sha-visually-hidden">{ "Error: " }</span>{ refusal(field, length) }
            </p>
        },
        _ => Html::default(),
    }
}
