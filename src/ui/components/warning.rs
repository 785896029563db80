use yew::prelude::*;

/// A warning beside a value shown for review or sign-off, where there is one.
pub fn warning(text: Option<String>) -> Html {
    text.map(|text| html! { <p class="sha-problem" data-severity="warning">{ text }</p> }).unwrap_or_default()
}
