//! The values a link presets, such as `?platform=exchange-2016&smart-hosts=…`: each choice
//! is read by serde under the name the saved format gives it, each typed value by its
//! field's id. The page hands over the query's pairs as the browser decoded them.

use serde::de::value::{Error, StrDeserializer};
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::domain::settings::{Field, Settings};

/// A choice as serde reads it from the link's text; None for one it does not know.
fn choice<'a, T: Deserialize<'a>>(value: &'a str) -> Option<T> {
    let text: StrDeserializer<'a, Error> = value.into_deserializer();
    T::deserialize(text).ok()
}

/// The settings a link presets, over the defaults. Only the keys README.md documents are
/// read; a part the assistant cannot use is skipped, so a damaged link still opens it.
pub fn presets<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Settings {
    let mut settings = Settings::default();
    for (key, value) in pairs {
        if value.chars().any(char::is_control) {
            continue;
        }
        match key {
            "platform" => settings.platform = choice(value).unwrap_or(settings.platform),
            "exchange-2007-release" => settings.release_2007 = choice(value).unwrap_or(settings.release_2007),
            "connector" => settings.connector = choice(value).unwrap_or(settings.connector),
            "scope" => settings.scope = choice(value).unwrap_or(settings.scope),
            key => {
                if let Some(field) = Field::from_id(key).filter(|field| *field != Field::PreviousSmartHosts) {
                    settings.set(field, value);
                }
            }
        }
    }
    settings
}
