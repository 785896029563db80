//! The one state of the app, the actions that change it, and the reducer.
//!
//! Besides the admin's choices (settings and progress, which are saved), it holds the few
//! passing facts of the page: which finished steps are opened, which copy button just
//! copied, whether Reset awaits confirmation. Keeping them here, rather than in components of
//! their own, leaves every part of the page a plain function of this state, and the
//! download about 15 KB smaller.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::checklist::steps;
use crate::domain::link::presets;
use crate::domain::progress::Progress;
use crate::domain::saved::Unreadable;
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::ui::storage::{self, Loaded};

/// What the admin should know about saving, said once.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageNotice {
    None,
    WillNotSave,
    CouldNotRestore(Unreadable),
}

/// How the latest copy went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Copied {
    Yes,
    /// The clipboard was refused; the text is selected for Ctrl+C.
    Selected,
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
    /// Finished steps whose details the admin opened again.
    pub expanded: Vec<&'static str>,
    /// The copy button that just copied (by the id of what it copies), and how.
    pub copied: Option<(String, Copied)>,
    pub confirming_reset: bool,
    /// Why the last "Save for offline use" failed, shown next to its button.
    pub offline_error: Option<String>,
}

pub enum Action {
    Edit(Field, String),
    ChooseConnector(Connector),
    ChooseScope(Scope),
    ReplaceAddressSpace(bool),
    Toggle(&'static str),
    ToggleDetails(&'static str),
    AskReset,
    CancelReset,
    Reset,
    Copied { id: String, how: Copied, announcement: String },
    CopyExpired(String),
    Announce(String),
    OfflineSaved(Result<(), String>),
    SaveFailed,
    DismissNotice,
}

/// The state and its dispatcher, handed to every part of the page.
pub type Store = UseReducerHandle<State>;

impl State {
    pub fn load() -> Self {
        let (settings, progress, notice) = match storage::load() {
            // A first visit takes what the page's link presets, such as a host page's smart host.
            Loaded::Nothing => (presets(&query()), Progress::default(), StorageNotice::None),
            Loaded::Restored(settings, progress) => (settings, progress, StorageNotice::None),
            Loaded::Unreadable(why) => (Settings::default(), Progress::default(), StorageNotice::CouldNotRestore(why)),
            Loaded::Unavailable => (Settings::default(), Progress::default(), StorageNotice::WillNotSave),
        };
        let notice_said = notice != StorageNotice::None;
        State {
            settings,
            progress,
            notice,
            notice_said,
            announcement: String::new(),
            expanded: Vec::new(),
            copied: None,
            confirming_reset: false,
            offline_error: None,
        }
    }

    pub fn copied(&self, id: &str) -> Option<Copied> {
        self.copied.as_ref().filter(|(copied, _)| copied == id).map(|(_, how)| *how)
    }
}

/// The page's query string, such as `?smart-hosts=…`.
fn query() -> String {
    web_sys::window().and_then(|window| window.location().search().ok()).unwrap_or_default()
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(field, value) => next.settings.set(field, value),
            Action::ChooseConnector(connector) => next.settings.connector = connector,
            Action::ChooseScope(scope) => next.settings.scope = scope,
            Action::ReplaceAddressSpace(replace) => next.settings.replace_address_space = replace,
            Action::Toggle(id) => {
                let done = next.progress.toggle(id);
                next.expanded.retain(|open| *open != id);
                let steps = steps(&next.settings);
                let count = next.progress.count(&steps);
                let total = steps.len();
                let title = steps.iter().find(|step| step.id == id).map_or("", |step| step.title);
                next.announcement = match (done, count == total) {
                    (true, true) => format!("{title}: done. All {total} steps are done."),
                    (true, false) => format!("{title}: done. {count} of {total} steps done."),
                    (false, _) => format!("{title}: not done. {count} of {total} steps done."),
                };
            }
            Action::ToggleDetails(id) => {
                if next.expanded.contains(&id) {
                    next.expanded.retain(|open| *open != id);
                } else {
                    next.expanded.push(id);
                }
            }
            Action::AskReset => next.confirming_reset = true,
            Action::CancelReset => next.confirming_reset = false,
            Action::Reset => {
                next.progress = Progress::default();
                next.expanded.clear();
                next.confirming_reset = false;
                next.announcement = "Progress cleared. Your values are kept.".to_string();
            }
            Action::Copied { id, how, announcement } => {
                next.copied = Some((id, how));
                next.announcement = announcement;
            }
            Action::CopyExpired(id) => {
                if self.copied(&id).is_none() {
                    return self;
                }
                next.copied = None;
            }
            Action::Announce(message) => next.announcement = message,
            Action::OfflineSaved(outcome) => {
                next.announcement = match &outcome {
                    Ok(()) => "Saved the offline copy, with your values and progress inside.".to_string(),
                    Err(why) => why.clone(),
                };
                next.offline_error = outcome.err();
            }
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
