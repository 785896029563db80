//! Which steps the admin has checked off.

use crate::domain::checklist::Step;

/// The ids of the steps checked off. Ids of steps that the current branch does not show are
/// kept, so that switching between a new and an existing connector loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress(Vec<String>);

impl Progress {
    pub fn is_done(&self, id: &str) -> bool {
        self.0.iter().any(|done| done == id)
    }

    /// Checks a step off, or on again; returns whether it is now done.
    pub fn toggle(&mut self, id: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|done| done != id);
        let now_done = self.0.len() == before;
        if now_done {
            self.0.push(id.to_string());
        }
        now_done
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// How many of these steps are done.
    pub fn count(&self, steps: &[&Step]) -> usize {
        steps.iter().filter(|step| self.is_done(step.id)).count()
    }
}
