use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// The pre-rendered page and the element the app renders into, away from the document
/// (`ui::mount`). Once the first render is done, the app's element takes the page's place
/// in one step, before the browser paints again: there is never a second copy on screen,
/// and the default state does not move.
///
/// Whatever the admin did on the pre-rendered page before the app arrived is then done
/// again to the app's own controls, as the same events, so that it meets the same checks
/// and limits as typing and is saved: each value typed, box ticked, answer chosen. The
/// sections opened, the field with the focus and its caret, and the scroll position stay.
#[hook]
pub fn use_take_over(take_over: Option<(Element, Element)>) {
    use_effect_with((), move |_| {
        let Some((shown, app)) = take_over else { return };
        let (window, document) = (gloo::utils::window(), gloo::utils::document());
        let scroll = (window.scroll_x().unwrap_or_default(), window.scroll_y().unwrap_or_default());
        let focus = document.active_element().filter(|active| shown.contains(Some(active)));
        let _ = shown.replace_with_with_node_1(&app);
        // Away from the document, the page's controls still hold what the admin left in them.
        for (old, new) in each(&shown, "details").zip(each(&app, "details")) {
            if old.has_attribute("open") {
                let _ = new.set_attribute("open", "");
            }
        }
        for old in each(&shown, "input[id], textarea[id], select[id]") {
            if let Some(new) = document.get_element_by_id(&old.id()) {
                replay(control(&old), &new);
            }
        }
        if let Some(old) = focus {
            if let Some(new) = document.get_element_by_id(&old.id()) {
                let _ = new.unchecked_ref::<HtmlElement>().focus();
                let old = control(&old);
                if let (Ok(Some(start)), Ok(Some(end))) = (old.selection_start(), old.selection_end()) {
                    let _ = control(&new).set_selection_range(start, end);
                }
            }
        }
        window.scroll_to_with_x_and_y(scroll.0, scroll.1);
    });
}

/// Input, textarea and select share the properties read here (`type`, `value`, `checked`,
/// the selection), and wasm-bindgen reads a property by its name on whatever element it is
/// given: one typed view serves the three, for a fraction of the download of three.
fn control(element: &Element) -> &HtmlInputElement {
    element.unchecked_ref()
}

/// The elements under `root` that match `selector`.
fn each(root: &Element, selector: &str) -> impl Iterator<Item = Element> {
    let found = root.query_selector_all(selector).ok();
    let count = found.as_ref().map_or(0, |list| list.length());
    (0..count).filter_map(move |index| Some(found.as_ref()?.item(index)?.unchecked_into()))
}

/// Gives the app's control `new` what the admin left in the page's control `old`, if it is
/// not what the page was built with, and the event that typing or clicking would give.
/// Yew listens in the capture phase, so the event reaches it without bubbling.
fn replay(old: &HtmlInputElement, new: &Element) {
    let kind = old.type_();
    let (value, checked) = (old.value(), old.checked());
    let event = match kind.as_str() {
        // A box the app already shows so (from what was saved) is not turned back.
        "checkbox" | "radio" if checked == old.default_checked() || checked == control(new).checked() => return,
        "checkbox" | "radio" => {
            control(new).set_checked(checked);
            "change"
        }
        _ if value == built(old, &kind) => return,
        _ => {
            control(new).set_value(&value);
            if kind.starts_with("select") {
                "change"
            } else {
                "input"
            }
        }
    };
    if let Ok(event) = Event::new(event) {
        let _ = new.dispatch_event(&event);
    }
}

/// The value a text control or a list was built with.
fn built(control: &HtmlInputElement, kind: &str) -> String {
    if kind.starts_with("select") {
        let chosen = control.query_selector("option[selected]").ok().flatten();
        chosen.and_then(|option| option.get_attribute("value")).unwrap_or_default()
    } else {
        control.default_value()
    }
}
