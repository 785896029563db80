use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::saved::Theme;
use crate::ui::state::{Action, State};

const THEMES: [(Theme, &str, &str); 3] =
    [(Theme::System, "system", "As the system"), (Theme::Light, "light", "Light"), (Theme::Dark, "dark", "Dark")];

/// The colour theme: the system's unless the admin picks one; remembered with the rest. Its
/// look is in the theme's own stylist sheet (`ui::theme`).
pub fn theme_choice(current: Theme, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let onchange = dispatcher.to_callback().reform(move |event: Event| {
        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
        Action::ChooseTheme(THEMES.iter().find(|(_, value, _)| *value == id).map_or(current, |(theme, _, _)| *theme))
    });
    html! {
        <div class="sha-theme">
            <label for="sha-theme">{ "Theme" }</label>
            <select id="sha-theme" {onchange}>
                { for THEMES.iter().map(|(theme, value, label)| html! {
                    <option value={*value} selected={*theme == current}>{ *label }</option>
                }) }
            </select>
        </div>
    }
}
