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

/// Keeps the keyboard where the admin is as Reset's buttons swap.
#[hook]
pub fn use_reset_focus(confirming: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(confirming, move |confirming| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            focus(if *confirming { "sha-reset-cancel" } else { "sha-reset" });
        }
    });
}

/// Takes the keyboard to the top of what the platform choice shows, when it opens or closes.
#[hook]
pub fn use_choice_focus(choosing: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(choosing, move |choosing| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            focus(if *choosing { "sha-platform-title" } else { "sha-platform-current" });
        }
    });
}
