//! The format of releases before version 3: a header line, then `key=value` lines. It is
//! only read, so that an admin who upgrades keeps their values and progress; the app writes
//! the JSON envelope (`saved::encode`).

use crate::domain::platform::{Platform, Release2007};
use crate::domain::progress::Progress;
use crate::domain::saved::{Saved, Unreadable};
use crate::domain::settings::{Connector, Field, Scope, Settings};

pub const HEADER: &str = "smarthost-assistant ";

pub fn decode(text: &str) -> Result<Saved, Unreadable> {
    let mut lines = text.split('\n');
    let version = lines
        .next()
        .and_then(|header| header.strip_prefix(HEADER))
        .and_then(|number| number.parse::<u32>().ok())
        .ok_or(Unreadable::Garbled)?;
    if version == 0 || version > 2 {
        return Err(Unreadable::Garbled);
    }
    let mut settings = Settings::default();
    let mut done = Vec::new();
    for line in lines {
        let (key, raw) = line.split_once('=').ok_or(Unreadable::Garbled)?;
        let value = unescape(raw).ok_or(Unreadable::Garbled)?;
        match (key, value.as_str()) {
            // Version 1 had Exchange 2003 only: step ids without a platform.
            ("done", id) if version == 1 => done.push(format!("{}:{id}", Platform::Exchange2003.id())),
            ("done", key) => done.push(key.to_string()),
            (key, value) => {
                if !apply(&mut settings, key, value) && matches!(key, "connector" | "scope" | "replace-address-space") {
                    return Err(Unreadable::Garbled);
                }
            }
        }
    }
    let progress = Progress::restore(done.iter().map(String::as_str));
    Ok(Saved { settings, progress, ..Saved::default() })
}

/// Sets one setting from its key and value; false for a key or choice it does not know.
fn apply(settings: &mut Settings, key: &str, value: &str) -> bool {
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

/// Undoes the escapes the format used: backslash, line feed and carriage return.
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
