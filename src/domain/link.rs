//! The values that come from outside the admin's own typing, and wait for their Apply: a
//! link's, such as `?platform=exchange-2016&smart-hosts=…` (each choice read by serde under
//! the name the saved format gives it, each typed value by its field's id, from the query's
//! pairs as the browser decoded them), and an offline copy's (`offered`).
//!
//! Nothing from outside is taken silently (review F3, F4, F10): on a first visit it may set
//! the platform and the names that do not route mail; anything that would route mail, or
//! change what the admin already has, waits for the admin's Apply.

use serde::de::value::{Error, StrDeserializer};
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::domain::guard::called_out;
use crate::domain::platform::{Platform, Release2007};
use crate::domain::saved::Unreadable;
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::domain::validate::{check, limit, Severity};

/// Where values from outside came from, as the review banner names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    OfflineCopy,
    Link,
    SharedLink,
    /// The page's fragment changed while it was open: the admin may have pasted a shared
    /// link, or a page that opened or frames this one set it (review F17).
    AddressChanged,
    SettingsFile,
    /// What another local page, or an earlier offline copy, stored in this browser's one
    /// storage for `file://` pages (review F10).
    Stored,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::OfflineCopy => "the offline copy you opened",
            Source::Link => "the link you opened",
            Source::SharedLink => "the shared link you opened",
            Source::AddressChanged => "a change to this page's address",
            Source::SettingsFile => "the settings file you imported",
            Source::Stored => "this browser's storage, not this copy",
        }
    }
}

/// One value a link proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proposed {
    Platform(Platform),
    Release(Release2007),
    Connector(Connector),
    Scope(Scope),
    ReplaceAddressSpace(bool),
    Value(Field, String),
}

impl Proposed {
    /// Whether it decides where mail goes or which mail goes: never taken without an Apply.
    pub fn routes(&self) -> bool {
        matches!(
            self,
            Proposed::Scope(_)
                | Proposed::ReplaceAddressSpace(_)
                | Proposed::Value(
                    Field::SmartHosts
                        | Field::PreviousSmartHosts
                        | Field::AddressSpace
                        | Field::Cost
                        | Field::SpfRecord,
                    _
                )
        )
    }

    pub fn apply(&self, settings: &mut Settings) {
        match self {
            Proposed::Platform(platform) => settings.platform = *platform,
            Proposed::Release(release) => settings.release_2007 = *release,
            Proposed::Connector(connector) => settings.connector = *connector,
            Proposed::Scope(scope) => settings.scope = *scope,
            Proposed::ReplaceAddressSpace(replace) => settings.replace_address_space = *replace,
            Proposed::Value(field, value) => settings.set(*field, value.as_str()),
        }
    }

    /// What to say beside it where it is reviewed: an error in the value first, then a routing
    /// value that is not MailRoute's host, then any other problem, so that what does not show
    /// is named by its code point (review F15, F21).
    pub fn warning(&self, platform: Platform) -> Option<String> {
        let Proposed::Value(field, value) = self else { return None };
        match check(platform, *field, value) {
            Some(problem) if problem.severity == Severity::Error => Some(problem.message),
            problem => called_out(*field, value).or(problem.map(|problem| problem.message)),
        }
    }

    /// What it sets, and to what, as the admin reads it.
    pub fn describe(&self, settings: &Settings) -> (&'static str, String) {
        match self {
            Proposed::Platform(platform) => ("Mail platform", platform.label().to_string()),
            Proposed::Release(release) => ("Exchange 2007 release", <&str>::from(*release).to_string()),
            Proposed::Connector(connector) => ("Connector", connector.describe().to_string()),
            Proposed::Scope(scope) => ("Connector scope", scope.label(settings.platform).to_string()),
            Proposed::ReplaceAddressSpace(replace) => {
                ("Replace the connector's address spaces", if *replace { "yes" } else { "no" }.to_string())
            }
            Proposed::Value(field, value) => (field.label(), value.clone()),
        }
    }
}

/// A choice as serde reads it from the link's text; None for one it does not know.
fn choice<'a, T: Deserialize<'a>>(value: &'a str) -> Option<T> {
    let text: StrDeserializer<'a, Error> = value.into_deserializer();
    T::deserialize(text).ok()
}

/// What a link proposes that would change `current`: only the keys README.md documents,
/// the last of each; a part the assistant cannot use is skipped, so a damaged link still
/// opens it. A value longer than its field takes refuses the whole link, as it would a
/// shared link (review F18).
pub fn proposals<'a>(
    current: &Settings,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<Proposed>, Unreadable> {
    let mut changes: Vec<Proposed> = Vec::new();
    for (key, value) in pairs {
        if value.chars().any(char::is_control) {
            continue;
        }
        let change = match key {
            "platform" => choice(value).map(Proposed::Platform),
            "exchange-2007-release" => choice(value).map(Proposed::Release),
            "connector" => choice(value).map(Proposed::Connector),
            "scope" => choice(value).map(Proposed::Scope),
            // The smart host before the change is read from the admin's own connector.
            key => Field::from_id(key)
                .filter(|field| *field != Field::PreviousSmartHosts && !field.is_evidence())
                .map(|field| Proposed::Value(field, value.to_string())),
        };
        if let Some(Proposed::Value(field, value)) = &change {
            if value.len() > limit(*field) {
                return Err(Unreadable::TooLong(*field, value.len()));
            }
        }
        if let Some(change) = change {
            changes.retain(|earlier| !same_target(earlier, &change));
            changes.push(change);
        }
    }
    Ok(changing(current, changes))
}

/// What another admin's settings (an offline copy's, a shared link's, a settings file's)
/// would change in `current`: every choice and value that differs, in form order, but for
/// the admin's own evidence (`Field::is_evidence`).
pub fn offered(current: &Settings, copy: &Settings) -> Vec<Proposed> {
    let mut changes = vec![
        Proposed::Platform(copy.platform),
        Proposed::Release(copy.release_2007),
        Proposed::Connector(copy.connector),
        Proposed::Scope(copy.scope),
        Proposed::ReplaceAddressSpace(copy.replace_address_space),
    ];
    for field in Field::ALL {
        if !field.is_evidence() {
            changes.push(Proposed::Value(field, copy.get(field).to_string()));
        }
    }
    changing(current, changes)
}

/// Those of `changes` that would change `current`.
fn changing(current: &Settings, mut changes: Vec<Proposed>) -> Vec<Proposed> {
    changes.retain(|change| {
        let mut after = current.clone();
        change.apply(&mut after);
        after != *current
    });
    changes
}

/// Whether two proposals set the same thing: the same choice, or the same field.
fn same_target(a: &Proposed, b: &Proposed) -> bool {
    match (a, b) {
        (Proposed::Value(a, _), Proposed::Value(b, _)) => a == b,
        (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// Splits a link's proposals into what may be taken at once and what waits for an Apply:
/// at once only on a first visit (nothing of the admin's to change), and only what does
/// not route mail.
pub fn split(proposals: Vec<Proposed>, first_visit: bool) -> (Vec<Proposed>, Vec<Proposed>) {
    proposals.into_iter().partition(|change| first_visit && !change.routes())
}
