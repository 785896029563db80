//! What is kept between visits: the settings and the progress, with a format version.
//! Derived things (problems, steps) are never stored, so they cannot disagree with the state.

use serde::{Deserialize, Serialize};

use crate::domain::progress::Progress;
use crate::domain::settings::Settings;

pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub progress: Progress,
}

/// Why stored text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not in the format this app writes (damaged, or written by something else).
    Garbled,
    /// Written by a newer release of the assistant.
    Newer(u32),
}

pub fn encode(settings: &Settings, progress: &Progress) -> String {
    let saved = Saved {
        version: VERSION,
        settings: settings.clone(),
        progress: progress.clone(),
    };
    serde_json::to_string(&saved).expect("settings and progress always serialise")
}

pub fn decode(text: &str) -> Result<(Settings, Progress), Unreadable> {
    let saved: Saved = serde_json::from_str(text).map_err(|_| Unreadable::Garbled)?;
    match saved.version {
        VERSION => Ok((saved.settings, saved.progress)),
        version if version > VERSION => Err(Unreadable::Newer(version)),
        _ => Err(Unreadable::Garbled),
    }
}
