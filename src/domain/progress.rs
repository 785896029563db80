//! Which steps the admin has checked off, on each platform.

use std::collections::BTreeSet;

use serde::{Deserialize, Deserializer, Serialize};

use crate::domain::checklist::Step;
use crate::domain::platform::Platform;

/// The steps checked off, as `platform:step` keys: each platform keeps its own progress.
/// Keys of steps the current branch does not show are kept, so that switching between a new
/// and an existing connector, or between platforms, loses nothing. Saved as a list of keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress(BTreeSet<String>);

fn key(platform: Platform, id: &str) -> String {
    format!("{}:{id}", platform.id())
}

impl Progress {
    pub fn is_done(&self, platform: Platform, id: &str) -> bool {
        self.0.contains(&key(platform, id))
    }

    /// Checks a step off, or on again; returns whether it is now done.
    pub fn toggle(&mut self, platform: Platform, id: &str) -> bool {
        let key = key(platform, id);
        let now_done = !self.0.remove(&key);
        if now_done {
            self.0.insert(key);
        }
        now_done
    }

    /// Clears one platform's check marks; the others stay.
    pub fn clear(&mut self, platform: Platform) {
        let prefix = key(platform, "");
        self.0.retain(|done| !done.starts_with(&prefix));
    }

    /// The saved keys, `platform:step`.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// Adds a saved key; false for a key that names no platform (one from a later release,
    /// which is skipped rather than failing the whole restore).
    pub fn restore(&mut self, saved: &str) -> bool {
        let known = saved.split_once(':').is_some_and(|(platform, _)| Platform::from_id(platform).is_some());
        if known {
            self.0.insert(saved.to_string());
        }
        known
    }

    /// How many of these steps are done on this platform.
    pub fn count(&self, platform: Platform, steps: &[&Step]) -> usize {
        steps.iter().filter(|step| self.is_done(platform, step.id)).count()
    }
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut progress = Progress::default();
        for key in Vec::<String>::deserialize(deserializer)? {
            progress.restore(&key);
        }
        Ok(progress)
    }
}
