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

impl Level {
    /// The word a finding of this level starts with, heard or read.
    pub fn word(self) -> &'static str {
        match self {
            Level::Error => "Error",
            Level::Warning => "Warning",
            Level::Note => "Note",
            Level::Pass => "Passed",
        }
    }
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
    /// What it comes to (`with_verdict`), made with the report in the tools module; empty
    /// before.
    pub verdict: String,
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

    /// This report with what it comes to, in at most 25 words with its level's word: the
    /// first finding's first sentence, and where that introduces the next (a bounce), the
    /// next's. Screen readers hear this after a paste, not the whole report (review: 104 to
    /// 144 words); it stays in view where a done step folds, prints in its step, and the
    /// progress line states it. Made in the tools module with the report: the page's download
    /// does not carry it.
    pub fn with_verdict(mut self) -> Self {
        self.verdict = self.summed().unwrap_or_default();
        self
    }

    fn summed(&self) -> Option<String> {
        let mut findings = self.findings.iter();
        let mut finding = findings.next()?;
        let mut said = String::new();
        loop {
            let sentence = finding.message.split_inclusive(". ").next().unwrap_or_default();
            said.push_str(sentence.trim_end());
            match findings.next() {
                Some(next) if said.ends_with(':') => {
                    said.push(' ');
                    finding = next;
                }
                _ => break,
            }
        }
        let mut words = String::new();
        for (index, word) in said.split_whitespace().enumerate() {
            if index == 24 {
                words.push('…');
                break;
            }
            if index > 0 {
                words.push(' ');
            }
            words.push_str(word);
        }
        Some(format!("{}: {words}", finding.level.word()))
    }

    pub fn has(&self, level: Level) -> bool {
        self.findings.iter().any(|finding| finding.level == level)
    }
}
