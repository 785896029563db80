use web_sys::Element;
use yew::prelude::*;

/// The pre-rendered page and the element the app renders into, away from the document
/// (`ui::mount`). Once the first render is done, the app's element takes the page's place
/// in one step, before the browser paints again: there is never a second copy on screen,
/// and the default state does not move.
#[hook]
pub fn use_take_over(take_over: Option<(Element, Element)>) {
    use_effect_with((), move |_| {
        if let Some((shown, app)) = take_over {
            let _ = shown.replace_with_with_node_1(&app);
        }
    });
}
