use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::platform::Platform;
use crate::ui::state::{Action, State};

/// Which Exchange the admin runs. The values typed so far carry over; each platform keeps
/// its own check marks.
pub fn platform_choice(current: Platform, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let onchange = dispatcher.to_callback().reform(move |event: Event| {
        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
        Action::ChoosePlatform(Platform::from_id(&id).unwrap_or(current))
    });
    html! {
        <div class="sha-platform sha-field">
            <label for="platform">{ "Your mail platform" }</label>
            <select id="platform" {onchange} aria-describedby="platform-hint">
                { for Platform::ALL.into_iter().map(|platform| html! {
                    <option value={platform.id()} selected={platform == current}>{ platform.label() }</option>
                }) }
            </select>
            <p id="platform-hint" class="sha-hint">{ "The steps and scripts below follow it. Your values carry over when you change it, and each platform keeps its own check marks." }</p>
        </div>
    }
}
