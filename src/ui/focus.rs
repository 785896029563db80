use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the element with this id, if it is on the page.
pub fn focus(id: &str) {
    let element = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
