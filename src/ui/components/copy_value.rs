use yew::prelude::*;

use crate::ui::clipboard::{copy, label};
use crate::ui::state::Store;

/// A value to type, with a button that copies it and says so. `id` is unique on the page.
pub fn copy_value(store: &Store, id: String, text: String, name: &str) -> Html {
    let label = label(store, &id);
    let onclick = {
        let (dispatcher, id, text, name) = (store.dispatcher(), id.clone(), text.clone(), format!("{name}: {text}"));
        Callback::from(move |_| copy(dispatcher.clone(), id.clone(), text.clone(), name.clone()))
    };
    // Word by word, each with the space after it and kept whole on paper (styles/app.css:
    // a box of its own): a printed command breaks between its parameters, never after a
    // parameter's hyphen.
    let words = text.split_inclusive(' ').map(|word| html! { <span>{ word.to_string() }</span> });
    html! {
        <span class="sha-value">
            <code {id}>{ for words }</code>
            <button type="button" class="sha-button sha-copy" aria-label={format!("{label} {name}")} {onclick}>
                { label }
            </button>
        </span>
    }
}
