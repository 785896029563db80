//! Which steps the admin has checked off, on each platform.

use serde::{Deserialize, Deserializer, Serialize};

use crate::domain::checklist::Step;
use crate::domain::platform::Platform;

/// The steps checked off, as `platform:step` keys, sorted and each once: each platform keeps
/// its own progress. Keys of steps the current branch does not show are kept, so that
/// switching between a new and an existing connector, or between platforms, loses nothing.
/// Saved as the list of keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress(Vec<String>);

fn key(platform: Platform, id: &str) -> String {
    format!("{}:{id}", platform.id())
}

impl Progress {
    pub fn is_done(&self, platform: Platform, id: &str) -> bool {
        self.0.binary_search(&key(platform, id)).is_ok()
    }

    /// Checks a step off, or on again; returns whether it is now done.
    pub fn toggle(&mut self, platform: Platform, id: &str) -> bool {
        match self.0.binary_search(&key(platform, id)) {
            Ok(at) => {
                self.0.remove(at);
                false
            }
            Err(at) => {
                self.0.insert(at, key(platform, id));
                true
            }
        }
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

    /// The progress these saved keys name, in O(n log n) for n keys. A key whose platform
    /// this release does not know (one from a later release) is skipped rather than failing
    /// the whole restore.
    pub fn restore<'a>(keys: impl IntoIterator<Item = &'a str>) -> Progress {
        let known = |key: &&str| key.split_once(':').is_some_and(|(platform, _)| Platform::from_id(platform).is_some());
        let mut keys: Vec<String> = keys.into_iter().filter(known).map(str::to_string).collect();
        keys.sort_unstable();
        keys.dedup();
        Progress(keys)
    }

    /// How many of these steps are done on this platform.
    pub fn count(&self, platform: Platform, steps: &[&Step]) -> usize {
        steps.iter().filter(|step| self.is_done(platform, step.id)).count()
    }
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let keys = Vec::<String>::deserialize(deserializer)?;
        Ok(Progress::restore(keys.iter().map(String::as_str)))
    }
}
