use yew::prelude::*;

use crate::ui::focus::focus;
use crate::ui::state::{Store, Tools};

/// The button that asked for the tools is gone once they are there: takes the keyboard to
/// what it asked for rather than leave it nowhere.
#[hook]
pub fn use_focus_after_tools(store: &Store) {
    let target = store.tools_focus.clone();
    use_effect_with(store.tools == Tools::Ready, move |ready| {
        let lost = gloo::utils::document().active_element().is_none_or(|element| element.tag_name() == "BODY");
        if *ready && lost {
            focus(&target);
        }
    });
}

/// Keeps the keyboard where the admin is when a part of the page swaps for another: on
/// `on` when `flag` turns true, on `off` when it turns false; not at the first render.
/// Reset's confirmation uses it, and the platform choice opening and closing.
#[hook]
pub fn use_focus_on_swap(flag: bool, on: &'static str, off: &'static str) {
    let first = use_mut_ref(|| true);
    use_effect_with(flag, move |flag| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            focus(if *flag { on } else { off });
        }
    });
}
