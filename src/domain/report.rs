//! What a check in the tools module gives back for the page to show: the SPF helper, the
//! header check and the error explainer all answer with a `Report`, so one view shows them.

use serde::{Deserialize, Serialize};

use crate::domain::named::by_name;

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
        self.findings.push(Finding { level, message: message.into(), step: None });
    }

    /// Says it, with the step that fixes it.
    pub fn point(&mut self, level: Level, message: impl Into<String>, step: &str) {
        self.findings.push(Finding { level, message: message.into(), step: Some(step.to_string()) });
    }

    pub fn has(&self, level: Level) -> bool {
        self.findings.iter().any(|finding| finding.level == level)
    }
}
