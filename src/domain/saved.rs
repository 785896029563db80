//! What is kept between visits: the settings and the progress, with a format version.
//! Derived things (problems, steps) are never stored, so they cannot disagree with the state.
//!
//! The format is a few lines of `key=value` after a header line, written by hand rather than
//! with serde_json, whose parser and error messages would add about a tenth to the download.

use crate::domain::platform::{Platform, Release2007};
use crate::domain::progress::Progress;
use crate::domain::settings::{Connector, Field, Scope, Settings};

/// Version 1 had Exchange 2003 only: no platform, and step ids without one.
pub const VERSION: u32 = 2;
const MAGIC: &str = "smarthost-assistant";

/// Why stored text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not in the format this app writes (damaged, or written by something else).
    Garbled,
    /// Written by a newer release of the assistant.
    Newer(u32),
}

pub fn encode(settings: &Settings, progress: &Progress) -> String {
    let connector = match settings.connector {
        Connector::New => "new",
        Connector::Existing => "existing",
    };
    let scope = match settings.scope {
        Scope::Organization => "organization",
        Scope::Local => "local",
    };
    let release = match settings.release_2007 {
        Release2007::Rtm => "rtm",
        Release2007::ServicePack => "service-pack",
    };
    let mut lines = vec![
        format!("{MAGIC} {VERSION}"),
        format!("platform={}", settings.platform.id()),
        format!("exchange-2007-release={release}"),
        format!("connector={connector}"),
        format!("scope={scope}"),
        format!("replace-address-space={}", settings.replace_address_space),
    ];
    lines.extend(Field::ALL.map(|field| format!("{}={}", field.id(), escape(settings.get(field)))));
    lines.extend(progress.keys().map(|key| format!("done={}", escape(key))));
    lines.join("\n")
}

pub fn decode(text: &str) -> Result<(Settings, Progress), Unreadable> {
    let mut lines = text.split('\n');
    let version = lines
        .next()
        .and_then(|header| header.strip_prefix(MAGIC))
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(|number| number.parse::<u32>().ok())
        .ok_or(Unreadable::Garbled)?;
    if version > VERSION {
        return Err(Unreadable::Newer(version));
    }
    if version == 0 {
        return Err(Unreadable::Garbled);
    }
    let mut settings = Settings::default();
    let mut progress = Progress::default();
    for line in lines {
        let (key, raw) = line.split_once('=').ok_or(Unreadable::Garbled)?;
        let value = unescape(raw).ok_or(Unreadable::Garbled)?;
        match (key, value.as_str()) {
            ("done", id) if version == 1 => {
                progress.restore(&format!("{}:{id}", Platform::Exchange2003.id()));
            }
            ("done", key) => {
                // A platform from a later release is skipped, like any other unknown key.
                progress.restore(key);
            }
            (key, value) => {
                if !apply(&mut settings, key, value) && matches!(key, "connector" | "scope" | "replace-address-space") {
                    return Err(Unreadable::Garbled);
                }
            }
        }
    }
    Ok((settings, progress))
}

/// Sets one setting from its saved key and value (the keys of `encode`, which links use too);
/// false for a key it does not know or a choice it does not recognise. Keys from a later
/// release are skipped this way rather than failing.
pub fn apply(settings: &mut Settings, key: &str, value: &str) -> bool {
    match (key, value) {
        ("platform", id) => match Platform::from_id(id) {
            Some(platform) => settings.platform = platform,
            None => return false,
        },
        ("exchange-2007-release", "rtm") => settings.release_2007 = Release2007::Rtm,
        ("exchange-2007-release", "service-pack") => settings.release_2007 = Release2007::ServicePack,
        ("connector", "new") => settings.connector = Connector::New,
        ("connector", "existing") => settings.connector = Connector::Existing,
        ("scope", "organization") => settings.scope = Scope::Organization,
        // Version 1 named the 2003 scope by its label.
        ("scope", "local" | "routing-group") => settings.scope = Scope::Local,
        ("replace-address-space", "true") => settings.replace_address_space = true,
        ("replace-address-space", "false") => settings.replace_address_space = false,
        (key, value) => match Field::from_id(key) {
            Some(field) => settings.set(field, value),
            None => return false,
        },
    }
    true
}

/// Keeps every value on one line: backslash, line feed and carriage return are escaped.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            });
        } else {
            out.push(c);
        }
    }
    Some(out)
}
