//! The one state of the app, the actions that change it, and the reducer.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::checklist::steps;
use crate::domain::progress::Progress;
use crate::domain::saved::Unreadable;
use crate::domain::settings::{Connector, Field, Settings};
use crate::ui::storage::{self, Loaded};

/// What the admin should know about saving, said once.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageNotice {
    None,
    WillNotSave,
    CouldNotRestore(Unreadable),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub settings: Settings,
    pub progress: Progress,
    pub notice: StorageNotice,
    /// Whether the notice about saving has been shown, so that it is said only once.
    pub notice_said: bool,
    /// The latest message for screen readers (aria-live).
    pub announcement: String,
}

pub enum Action {
    Edit(Field, String),
    ChooseConnector(Connector),
    Toggle(&'static str),
    Reset,
    Announce(String),
    SaveFailed,
    DismissNotice,
}

pub type AppContext = UseReducerHandle<State>;

impl State {
    pub fn load() -> Self {
        let (settings, progress, notice) = match storage::load() {
            Loaded::Nothing => (
                Settings::default(),
                Progress::default(),
                StorageNotice::None,
            ),
            Loaded::Restored(settings, progress) => (settings, progress, StorageNotice::None),
            Loaded::Unreadable(why) => (
                Settings::default(),
                Progress::default(),
                StorageNotice::CouldNotRestore(why),
            ),
            Loaded::Unavailable => (
                Settings::default(),
                Progress::default(),
                StorageNotice::WillNotSave,
            ),
        };
        let notice_said = notice != StorageNotice::None;
        State {
            settings,
            progress,
            notice,
            notice_said,
            announcement: String::new(),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(field, value) => next.settings.set(field, value),
            Action::ChooseConnector(connector) => next.settings.connector = connector,
            Action::Toggle(id) => {
                let done = next.progress.toggle(id);
                let steps = steps(&next.settings);
                let count = next.progress.count(&steps);
                let total = steps.len();
                let title = steps
                    .iter()
                    .find(|step| step.id == id)
                    .map_or("", |step| step.title);
                next.announcement = match (done, count == total) {
                    (true, true) => format!("{title}: done. All {total} steps are done."),
                    (true, false) => format!("{title}: done. {count} of {total} steps done."),
                    (false, _) => format!("{title}: not done. {count} of {total} steps done."),
                };
            }
            Action::Reset => {
                next.progress = Progress::default();
                next.announcement = "Progress cleared. Your values are kept.".to_string();
            }
            Action::Announce(message) => next.announcement = message,
            Action::SaveFailed => {
                if next.notice_said {
                    return self;
                }
                next.notice = StorageNotice::WillNotSave;
                next.notice_said = true;
            }
            Action::DismissNotice => next.notice = StorageNotice::None,
        }
        Rc::new(next)
    }
}
