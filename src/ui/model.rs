//! What the page shows that is worked out from the state: the steps, the files and shell
//! commands, and the three checks' reports. The reducer keeps it (`State::model`), remaking
//! after each action only the parts whose inputs changed, so the views take their part and
//! only render: no view works anything out, and no render calls the tools module (review,
//! "the views pull"). A keystroke in one field neither makes the files again for a pasted
//! header nor runs a check whose text did not change.

use std::rc::Rc;

use crate::domain::checklist::{steps, Step};
use crate::domain::files::{Command, Offer};
use crate::domain::guard::Confirmed;
use crate::domain::report::Report;
use crate::domain::settings::{Field, Settings};
use crate::ui::tools;

/// A shell command as the tools module made it, or the fields it waits for; None where the
/// platform has none, and until the tools module is loaded.
pub type Shell = Option<Result<String, Vec<Field>>>;

/// What the model is made from: the settings, the routing values' confirmation, whether
/// the tools module is loaded, and the values that came from outside the admin's typing.
pub struct Inputs<'a> {
    pub settings: &'a Settings,
    pub confirmed: Confirmed,
    pub ready: bool,
    pub outside: &'a [Field],
}

#[derive(Clone, Default, PartialEq)]
pub struct Model {
    /// The steps for the admin's choices and values.
    pub steps: Rc<Vec<&'static Step>>,
    pub files: Rc<Files>,
    /// The report on each paste box; None until the tools module is loaded.
    spf: Rc<Option<Report>>,
    header: Rc<Option<Report>>,
    error: Rc<Option<Report>>,
}

/// What the tools module makes from the settings, without the pasted evidence.
#[derive(Default, PartialEq)]
pub struct Files {
    /// The files on offer; None until the tools module is loaded, or if it failed.
    pub offers: Option<Vec<Offer>>,
    /// The change as one command, for the step that offers it.
    change: Shell,
    /// The way back for a new send connector.
    disable: Shell,
}

impl Model {
    /// The model for `now`, keeping each part of this one (made for `before`, if any) whose
    /// inputs did not change.
    pub fn after(&self, before: Option<Inputs>, now: Inputs) -> Model {
        let same_plan =
            before.as_ref().is_some_and(|before| before.settings.without_evidence() == now.settings.without_evidence());
        let same_files = same_plan
            && before.as_ref().is_some_and(|before| (before.confirmed, before.ready) == (now.confirmed, now.ready));
        let steps = if same_plan { self.steps.clone() } else { Rc::new(steps(now.settings)) };
        let report = |field: Field, old: &Rc<Option<Report>>| {
            let same_check = before.as_ref().is_some_and(|before| {
                (before.settings.platform, before.ready, before.settings.get(field), before.outside.contains(&field))
                    == (now.settings.platform, now.ready, now.settings.get(field), now.outside.contains(&field))
            });
            if same_check && same_plan {
                return old.clone();
            }
            let found = if same_check { old.as_ref().clone() } else { check(field, &now) };
            // Its findings name their steps as the page shows them.
            Rc::new(found.map(|report| report.name_steps(&steps, now.settings)))
        };
        Model {
            spf: report(Field::SpfRecord, &self.spf),
            header: report(Field::TestHeader, &self.header),
            error: report(Field::ErrorText, &self.error),
            files: if same_files { self.files.clone() } else { Rc::new(Files::made(&now)) },
            steps,
        }
    }

    pub fn shell(&self, command: Command) -> &Shell {
        match command {
            Command::Change => &self.files.change,
            Command::DisableSendConnector => &self.files.disable,
        }
    }

    pub fn report(&self, field: Field) -> Option<&Report> {
        match field {
            Field::SpfRecord => self.spf.as_ref().as_ref(),
            Field::TestHeader => self.header.as_ref().as_ref(),
            _ => self.error.as_ref().as_ref(),
        }
    }
}

impl Files {
    fn made(now: &Inputs) -> Files {
        if !now.ready {
            return Files::default();
        }
        let settings = now.settings.without_evidence();
        Files {
            offers: tools::offers(&settings, now.confirmed),
            change: tools::shell(&settings, Command::Change, now.confirmed),
            disable: tools::shell(&settings, Command::DisableSendConnector, now.confirmed),
        }
    }
}

/// The check of one paste box, once the tools module is loaded.
fn check(field: Field, now: &Inputs) -> Option<Report> {
    let outside = now.outside.contains(&field);
    now.ready.then(|| tools::check(field, now.settings.get(field), now.settings.platform, outside)).flatten()
}
