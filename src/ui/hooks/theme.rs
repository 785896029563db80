use gloo::events::EventListener;
use yew::prelude::*;

/// Whether the system asks for dark colours (`prefers-color-scheme`), following it as it
/// changes while the page is open.
#[hook]
pub fn use_system_dark() -> bool {
    let query = use_memo((), |()| gloo::utils::window().match_media("(prefers-color-scheme: dark)").ok().flatten());
    let dark = use_state(|| query.as_ref().as_ref().is_some_and(|query| query.matches()));
    {
        let dark = dark.setter();
        use_effect_with(query, move |query| {
            let listener = query.as_ref().as_ref().map(|list| {
                let list = list.clone();
                EventListener::new(&list.clone(), "change", move |_| dark.set(list.matches()))
            });
            move || drop(listener)
        });
    }
    *dark
}
