use stylist::css;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::saved::Theme;
use crate::ui::state::{Action, State};

const THEMES: [(Theme, &str, &str); 3] =
    [(Theme::System, "system", "As the system"), (Theme::Light, "light", "Light"), (Theme::Dark, "dark", "Dark")];

/// The colour theme: the system's unless the admin picks one; remembered with the rest.
pub fn theme_choice(current: Theme, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let onchange = dispatcher.to_callback().reform(move |event: Event| {
        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
        Action::ChooseTheme(THEMES.iter().find(|(_, value, _)| *value == id).map_or(current, |(theme, _, _)| *theme))
    });
    let style = css!(
        r#"
        float: right;
        display: flex;
        align-items: center;
        gap: .4rem;
        margin: 0 0 .5rem 1rem;
        font-size: .875rem;
        & select {
            font: inherit;
            padding: .2rem .4rem;
            color: var(--sha-text);
            background: var(--sha-surface);
            border: 1px solid var(--sha-line);
            border-radius: 6px;
        }
        @media print { display: none; }
        "#
    );
    html! {
        <div class={style}>
            <label for="sha-theme">{ "Theme" }</label>
            <select id="sha-theme" {onchange}>
                { for THEMES.iter().map(|(theme, value, label)| html! {
                    <option value={*value} selected={*theme == current}>{ *label }</option>
                }) }
            </select>
        </div>
    }
}
