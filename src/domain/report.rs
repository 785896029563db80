//! What a check in the tools module gives back for the page to show: the SPF helper, the
//! header check and the error explainer all answer with a `Report`, so one view shows them.

use serde::{Deserialize, Serialize};

use crate::domain::checklist::{title, Step};
use crate::domain::named::by_name;
use crate::domain::settings::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Level {
    /// Something is broken and must be fixed.
    Error,
    /// It works, but not as well as it should.
    Warning,
    /// Something the admin should know; nothing is wrong.
    Note,
    /// What the admin hoped to see.
    Pass,
}

by_name!(Level { Level::Error => "error", Level::Warning => "warning", Level::Note => "note", Level::Pass => "pass" });

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub level: Level,
    pub message: String,
    /// The id of the checklist step that fixes it, when one does.
    pub step: Option<String>,
    /// That step as the page numbers and titles it, such as `Step 2: …`: named by the page
    /// (`name_steps`), so it never crosses from the tools module.
    #[serde(skip)]
    pub step_name: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// A value to copy: the SPF record to publish, or None while it has errors.
    pub record: Option<String>,
    /// Lines to show in order under the findings: the hops of a test message.
    pub lines: Vec<String>,
}

impl Report {
    pub fn say(&mut self, level: Level, message: impl Into<String>) {
        self.findings.push(Finding { level, message: message.into(), step: None, step_name: None });
    }

    /// Says it, with the step that fixes it.
    pub fn point(&mut self, level: Level, message: impl Into<String>, step: &str) {
        self.findings.push(Finding { level, message: message.into(), step: Some(step.to_string()), step_name: None });
    }

    /// Names each finding's step as the page shows it: its number and title among `steps`,
    /// the steps for these settings.
    pub fn name_steps(mut self, steps: &[&Step], settings: &Settings) -> Self {
        for finding in &mut self.findings {
            let place = finding.step.as_deref().and_then(|id| steps.iter().position(|step| step.id == id));
            finding.step_name = place.map(|index| format!("Step {}: {}", index + 1, title(steps[index], settings)));
        }
        self
    }

    pub fn has(&self, level: Level) -> bool {
        self.findings.iter().any(|finding| finding.level == level)
    }
}
