//! Handing the change to a colleague or a change board: a link that carries the settings in
//! its fragment, and a settings file that carries the progress too. Both are the saved
//! format (`saved::encode`), so one reader, `saved::decode`, reads them back, and a newer
//! release's or another program's data is named as such. What they carry comes back through
//! the review banner, never straight into the admin's state.
//!
//! Neither carries the admin's pasted evidence (a test message's header, an error): it is
//! theirs, it may be long, and it holds addresses.

use crate::domain::saved::{encode, Saved, Theme};
use crate::domain::settings::Settings;

/// What the page's fragment starts with when it carries settings: `#settings=…`.
pub const FRAGMENT: &str = "settings=";
pub const FILE_NAME: &str = "smarthost-assistant-settings.json";

/// The settings file: the settings and the progress.
pub fn file(saved: &Saved) -> String {
    encode(&Saved {
        settings: saved.settings.without_evidence(),
        progress: saved.progress.clone(),
        theme: Theme::default(),
    })
}

/// What a shared link's fragment carries after `FRAGMENT`, before the browser
/// percent-encodes it: the settings alone. Progress belongs to whoever does the work.
pub fn fragment(settings: &Settings) -> String {
    encode(&Saved { settings: settings.without_evidence(), ..Saved::default() })
}
