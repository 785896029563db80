//! What is kept between visits: the settings, the progress and the colour theme, in one
//! JSON envelope that names its format and version. Derived things (problems, steps, files)
//! are never stored, so they cannot disagree with the state.

mod legacy;

use std::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::domain::named::by_name;
use crate::domain::progress::Progress;
use crate::domain::settings::{Field, Settings};

/// Version 1 (Exchange 2003 only) and 2 were lines of `key=value`; 3 is JSON.
pub const VERSION: u32 = 3;
const FORMAT: &str = "smarthost-assistant";

/// The colours the admin chose: the system's, or one theme whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

by_name!(Theme { Theme::System => "system", Theme::Light => "light", Theme::Dark => "dark" });

/// Everything the admin chose, as it is saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub settings: Settings,
    pub progress: Progress,
    pub theme: Theme,
}

/// Why stored text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Damaged: not JSON, or not in the shape this app writes.
    Garbled,
    /// JSON, but not the assistant's: another program's file.
    Foreign,
    /// Written by a newer release of the assistant.
    Newer(u32),
    /// Larger than anything the assistant writes (`LIMIT`).
    TooLarge,
    /// A value longer than its field takes: the field and the value's length. Nothing of
    /// it is taken, as an edit that long is refused (`validate::limit`, review F18).
    TooLong(Field, usize),
}

/// More than any saved state, settings file or shared link holds: every field at its limit
/// comes to about 210 KB.
pub const LIMIT: usize = 262_144;

#[derive(Default, Serialize)]
struct Envelope {
    format: String,
    version: u32,
    settings: Settings,
    progress: Progress,
    theme: Theme,
}

/// Read in one pass: the format and version come first (`encode` writes them so), and once
/// the version is newer than this release's, the rest is skipped unread, since a newer
/// release may give it a shape this one cannot know. (One reader, not a header's and then
/// an envelope's: a second reader cost the page's download 2 KB.)
impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Envelope;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("the assistant's saved state")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
                let mut envelope = Envelope::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => envelope.format = map.next_value()?,
                        "version" => envelope.version = map.next_value()?,
                        "settings" if envelope.version <= VERSION => envelope.settings = map.next_value()?,
                        "progress" if envelope.version <= VERSION => envelope.progress = map.next_value()?,
                        "theme" if envelope.version <= VERSION => envelope.theme = map.next_value()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(envelope)
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

pub fn encode(saved: &Saved) -> String {
    let Saved { settings, progress, theme } = saved.clone();
    let envelope = Envelope { format: FORMAT.to_string(), version: VERSION, settings, progress, theme };
    // Serializing these types to a string cannot fail: every map key is a string.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads what `encode` wrote, or what an earlier release wrote (see `legacy`).
pub fn decode(text: &str) -> Result<Saved, Unreadable> {
    if text.len() > LIMIT {
        return Err(Unreadable::TooLarge);
    }
    if text.starts_with(legacy::HEADER) {
        return legacy::decode(text).and_then(bounded);
    }
    let Envelope { format, version, settings, progress, theme } = serde_json::from_str(text).map_err(|_| {
        // Ours if it names our format, however damaged; another program's if it does not.
        // Bytes compared in windows: a substring search would add its code to the download.
        let named = format!("\"{FORMAT}\"");
        if text.as_bytes().windows(named.len()).any(|window| window == named.as_bytes())
            || !text.trim_start().starts_with('{')
        {
            Unreadable::Garbled
        } else {
            Unreadable::Foreign
        }
    })?;
    if format != FORMAT {
        return Err(Unreadable::Foreign);
    }
    if version == 0 {
        return Err(Unreadable::Garbled);
    }
    if version > VERSION {
        return Err(Unreadable::Newer(version));
    }
    bounded(Saved { settings, progress, theme })
}

/// The one check of what was read against the limits of typing: every reader of saved
/// text ends here, so a link, a file, an offline copy and storage meet the same limits as
/// the admin's keyboard.
fn bounded(saved: Saved) -> Result<Saved, Unreadable> {
    match saved.settings.too_long() {
        Some((field, length)) => Err(Unreadable::TooLong(field, length)),
        None => Ok(saved),
    }
}

/// What start-up makes of the text found in storage. Made once, and taken apart at once,
/// so the size of its largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    Nothing,
    Restored(Saved),
    /// Text the app cannot read: it is kept aside, under another key, before anything is
    /// saved, and nothing is saved where that fails, so it is never written over.
    KeepAside {
        text: String,
        why: Unreadable,
    },
}

pub fn found(stored: Option<&str>) -> Found {
    match stored.map(|text| (text, decode(text))) {
        None => Found::Nothing,
        Some((_, Ok(saved))) => Found::Restored(saved),
        Some((text, Err(why))) => Found::KeepAside { text: text.to_string(), why },
    }
}

/// The state an offline copy carries inside it, marked with when it was saved so that a
/// browser takes it once (`stamp`, digits), in the saved format (`saved`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfflineState {
    pub stamp: String,
    pub saved: String,
}
