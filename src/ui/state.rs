//! The one state of the app, the actions that change it, and the reducer.
//!
//! Besides the admin's choices (settings and progress, which are saved), it holds the few
//! passing facts of the page: which finished steps are opened, which copy button just
//! copied, whether Reset awaits confirmation. Keeping them here, rather than in components of
//! their own, leaves every part of the page a plain function of this state, and the
//! download about 15 KB smaller.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::link::presets;
use crate::domain::platform::{Platform, Release2007};
use crate::domain::progress::Progress;
use crate::domain::saved::{self, Unreadable};
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::ui::bundle::Bundle;
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

#[derive(Clone, PartialEq)]
pub struct State {
    /// The build this page runs: its steps and values form.
    pub bundle: &'static Bundle,
    /// Whether the state came from another build, which handed it over on a reload.
    pub handed_over: bool,
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
    /// Whether the tools module (the generators and the SPF checker) is loaded.
    pub tools: Tools,
    /// Where the keyboard goes once the tools are there, if the button that asked is gone.
    pub tools_focus: String,
}

/// The tools module loads the first time the admin asks for what it makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Tools {
    NotLoaded,
    Loading,
    Ready,
    Failed(String),
}

pub enum Action {
    Edit(Field, String),
    ChoosePlatform(Platform),
    ChooseRelease(Release2007),
    ChooseConnector(Connector),
    ChooseScope(Scope),
    ReplaceAddressSpace(bool),
    Toggle(&'static str),
    ToggleDetails(&'static str),
    AskReset,
    CancelReset,
    Reset,
    Copied {
        id: String,
        how: Copied,
        announcement: String,
    },
    CopyExpired(String),
    Announce(String),
    OfflineSaved(Result<(), String>),
    /// The admin asked for what the tools make; the keyboard goes to `focus` when it is there.
    ToolsRequested {
        focus: String,
    },
    Tools(Tools),
    SaveFailed,
    DismissNotice,
}

/// The state and its dispatcher, handed to every part of the page.
pub type Store = UseReducerHandle<State>;

impl State {
    pub fn load(bundle: &'static Bundle) -> Self {
        let (loaded, handed_over) = storage::load();
        let (settings, progress, notice) = match loaded {
            // A first visit takes what the page's link presets, such as a host page's smart host.
            Loaded::Nothing => (presets(&query()), Progress::default(), StorageNotice::None),
            Loaded::Restored(settings, progress) => (settings, progress, StorageNotice::None),
            Loaded::Unreadable(why) => (Settings::default(), Progress::default(), StorageNotice::CouldNotRestore(why)),
            // With storage blocked every visit is a first one, so the link's presets apply.
            Loaded::Unavailable => (presets(&query()), Progress::default(), StorageNotice::WillNotSave),
        };
        // After a reload into this build, say what changed.
        let announcement = if handed_over { platform_announcement(settings.platform) } else { String::new() };
        let notice_said = notice != StorageNotice::None;
        State {
            bundle,
            handed_over,
            settings,
            progress,
            notice,
            notice_said,
            announcement,
            expanded: Vec::new(),
            copied: None,
            confirming_reset: false,
            offline_error: None,
            tools: Tools::NotLoaded,
            tools_focus: String::new(),
        }
    }

    /// The settings as the tools module reads them.
    pub fn settings_text(&self) -> String {
        saved::encode(&self.settings, &Progress::default())
    }

    pub fn copied(&self, id: &str) -> Option<Copied> {
        self.copied.as_ref().filter(|(copied, _)| copied == id).map(|(_, how)| *how)
    }
}

fn platform_announcement(platform: Platform) -> String {
    format!("Steps and files for {}.", platform.label())
}

/// The page's query string, such as `?smart-hosts=…`.
fn query() -> String {
    crate::ui::host::query()
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(field, value) => next.settings.set(field, value),
            Action::ChoosePlatform(platform) => {
                next.settings.platform = platform;
                next.expanded.clear();
                next.announcement = platform_announcement(platform);
            }
            Action::ChooseRelease(release) => next.settings.release_2007 = release,
            Action::ChooseConnector(connector) => next.settings.connector = connector,
            Action::ChooseScope(scope) => next.settings.scope = scope,
            Action::ReplaceAddressSpace(replace) => next.settings.replace_address_space = replace,
            Action::Toggle(id) => {
                let platform = next.settings.platform;
                let done = next.progress.toggle(platform, id);
                next.expanded.retain(|open| *open != id);
                let steps = (self.bundle.steps)(&next.settings);
                let count = next.progress.count(platform, &steps);
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
                next.progress.clear(next.settings.platform);
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
            Action::ToolsRequested { focus } => {
                next.tools = Tools::Loading;
                next.tools_focus = focus;
            }
            Action::Tools(tools) => {
                if let Tools::Failed(why) = &tools {
                    next.announcement = why.clone();
                }
                next.tools = tools;
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

/// A button's click that loads the tools; `focus` as for `load_tools`.
pub fn load_tools_on_click(store: &Store, focus: String) -> Callback<MouseEvent> {
    let store = store.clone();
    Callback::from(move |_| load_tools(&store, &focus))
}

/// Loads the tools module unless it is loaded or loading, and says how it went; `focus` is
/// the id of what the keyboard should reach once they are there.
pub fn load_tools(store: &Store, focus: &str) {
    if matches!(store.tools, Tools::Ready | Tools::Loading) {
        return;
    }
    let dispatcher = store.dispatcher();
    dispatcher.dispatch(Action::ToolsRequested { focus: focus.to_string() });
    yew::platform::spawn_local(async move {
        let loaded = crate::ui::host::tools().await;
        dispatcher.dispatch(Action::Tools(loaded.map_or_else(Tools::Failed, |()| Tools::Ready)));
    });
}
