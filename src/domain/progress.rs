//! Which steps the admin has checked off.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::domain::checklist::Step;

/// The ids of the steps checked off. Ids of steps that the current branch does not show are
/// kept, so that switching between a new and an existing connector loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Progress(BTreeSet<String>);

impl Progress {
    pub fn is_done(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    /// Checks a step off, or on again; returns whether it is now done.
    pub fn toggle(&mut self, id: &str) -> bool {
        if self.0.remove(id) {
            false
        } else {
            self.0.insert(id.to_string());
            true
        }
    }

    /// How many of these steps are done.
    pub fn count(&self, steps: &[Step]) -> usize {
        steps.iter().filter(|step| self.is_done(step.id)).count()
    }
}
