//! The page's address: which page the document is (a platform's own or the platform
//! choice), and moving it when the admin changes platform in the page, so that the address
//! can be shared, reloaded and bookmarked, and Back returns to the page before.

use wasm_bindgen::JsValue;

use crate::domain::platform::Platform;
use crate::ui::ROOT_ID;

/// The link from the page at `from` to the page at `to`: a platform's folder, or the
/// platform choice at the assistant's root. Relative, so that it works on any host and path.
pub fn href(from: Option<Platform>, to: Option<Platform>) -> String {
    let up = if from.is_some() { "../" } else { "" };
    match to {
        Some(platform) => format!("{up}{}/", platform.id()),
        None if up.is_empty() => "./".to_string(),
        None => up.to_string(),
    }
}

/// The page's title, for the document and the pre-rendered pages.
pub fn title(at: Option<Platform>) -> String {
    match at {
        Some(platform) => format!("{}: send outgoing mail through MailRoute", platform.label()),
        None => "Smarthost assistant: Exchange to MailRoute".to_string(),
    }
}

/// The platform whose page this is, from the pre-rendered page's `data-platform`; None for
/// the platform choice and the offline copy.
pub fn page() -> Option<Platform> {
    let root = gloo::utils::document().get_element_by_id(ROOT_ID)?;
    Platform::from_id(&root.get_attribute("data-platform")?)
}

/// The page an entry of the session history shows, as `mark` and `go` recorded it; None for
/// an entry they did not make (such as a pasted shared link's).
pub fn recorded(state: &JsValue) -> Option<Option<Platform>> {
    let id = state.as_string()?;
    Some(Platform::from_id(&id))
}

/// Records which page the current entry shows, so that Back to it returns there.
pub fn mark(at: Option<Platform>) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state(&entry(at), "");
    }
}

/// Moves the address from the page at `from` to the page at `to`, keeping a link's query
/// and fragment; a new entry of the history unless `replace`. False where the address
/// cannot move: a file on the computer has no pages beside it.
pub fn go(from: Option<Platform>, to: Option<Platform>, replace: bool) -> bool {
    let window = gloo::utils::window();
    let location = window.location();
    if !location.protocol().is_ok_and(|protocol| protocol.starts_with("http")) {
        return false;
    }
    let Ok(history) = window.history() else { return false };
    let url = [href(from, to), location.search().unwrap_or_default(), location.hash().unwrap_or_default()].concat();
    let moved = if replace {
        history.replace_state_with_url(&entry(to), "", Some(&url))
    } else {
        history.push_state_with_url(&entry(to), "", Some(&url))
    };
    moved.is_ok()
}

pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

fn entry(at: Option<Platform>) -> JsValue {
    JsValue::from_str(at.map_or("", Platform::id))
}
