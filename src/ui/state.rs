//! The one state of the app, the actions that change it, and the reducer.
//!
//! Besides the admin's choices (settings, progress and theme, which are saved), it holds the
//! few passing facts of the page: which copy button just copied, whether Reset awaits
//! confirmation. Keeping them here, rather than in components of their own, leaves every part
//! of the page a plain function of this state: each component costs 1.7 to 3.6 KB of download
//! (README, "Design decisions"). A done step's details are the browser's own (`details`).

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::checklist;
use crate::domain::guard::Confirmed;
use crate::domain::link::{offered, Proposed, Source};
use crate::domain::platform::{Platform, Release2007};
use crate::domain::progress::Progress;
use crate::domain::saved::{Saved, Theme, Unreadable};
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::domain::validate::{limit, too_long};
use crate::ui::model::{Inputs, Model};

/// What the admin should know about saving, or about values from outside that could not be
/// read; said once, at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    None,
    WillNotSave,
    /// The browser's storage for the site is full.
    Full,
    CouldNotRestore(Unreadable),
    /// Values from outside that could not be read, and so changed nothing.
    NotTaken(Source, Unreadable),
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
    pub saved: Saved,
    /// Whether the app saves: not where the browser refuses storage, nor over stored data it
    /// could not read and could not keep aside.
    pub saves: bool,
    pub notice: Notice,
    /// Whether the notice about saving has been shown, so that it is said only once.
    pub notice_said: bool,
    /// The latest message for screen readers (aria-live).
    pub announcement: String,
    /// The copy button that just copied (by the id of what it copies), and how.
    pub copied: Option<(String, Copied)>,
    pub confirming_reset: bool,
    /// Why the last "Save for offline use" failed, shown next to its button.
    pub offline_error: Option<String>,
    /// An edit longer than its field takes, refused: the field and the length offered.
    pub refused: Option<(Field, usize)>,
    /// Values from outside (an offline copy, a link, a shared link, a settings file) that
    /// wait for the admin's Apply or Discard, each with where it came from; never saved.
    pub proposed: Vec<(Source, Proposed)>,
    /// While values from outside wait: the admin's own settings with them applied, which the
    /// page shows read-only until Apply or Discard (review: a colleague opening a shared link
    /// sees the sender's procedure at once). Never saved.
    pub preview: Option<Settings>,
    /// The fields whose values the admin applied from outside and has not typed over since.
    pub outside: Vec<Field>,
    /// Which values from outside the banner shows: each new set counts one up, and Apply
    /// applies only the set it was shown with (review F17).
    pub review: u32,
    /// The values to review were replaced while the banner was shown.
    pub review_changed: bool,
    /// The check marks of an imported settings file, taken with its values on Apply.
    pub offered_progress: Option<Progress>,
    /// The routing values the admin confirmed in so many words, though they are not
    /// MailRoute's host (`guard::routing`), the smart hosts first, then the smart host before
    /// the change. Never saved: each holds for its value, in this tab, only.
    pub confirmed: [Option<String>; 2],
    /// Whether the tools module (the generators and the SPF checker) is loaded.
    pub tools: Tools,
    /// Where the keyboard goes once the tools are there, if the button that asked is gone.
    pub tools_focus: String,
    /// The runbook is printed once the tools are there, so that it holds the commands and
    /// the files.
    pub printing: bool,
    /// The platforms to choose from are shown instead of a platform's steps.
    pub choosing: bool,
    /// The page the address shows: a platform's own, or the platform choice (None). The
    /// links between them are relative to it (`address::href`).
    pub at: Option<Platform>,
    /// The page is the offline copy, which has no address to share and no copy to save.
    pub offline_copy: bool,
    /// The admin asked for a link to these values.
    pub sharing: bool,
    /// The fields the admin has left, or all of them once files are asked for: only then
    /// does an empty required field say so.
    pub touched: Vec<Field>,
    /// What the page shows that is worked out from the rest, remade after each action where
    /// what it reads changed.
    pub model: Model,
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
    ChooseTheme(Theme),
    /// The admin confirms, or takes back, a routing value as it is now.
    Confirm(Field, bool),
    /// The admin takes the proposed values the banner showed (by their `review`) as their
    /// own, or leaves them.
    ApplyProposed(u32),
    DiscardProposed,
    ReplaceAddressSpace(bool),
    Toggle(&'static str),
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
    SaveFailed {
        full: bool,
    },
    DismissNotice,
    /// Another admin's values, from a shared link or a settings file, to review; or why
    /// they could not be read.
    Offered(Source, Result<Saved, Unreadable>),
    /// The admin asked for the printed runbook; `Printed` once the browser's print is done.
    Print,
    Printed,
    /// The admin asks to change the platform: the choice is shown.
    ShowPlatforms,
    /// The address now shows this page (`hooks::address`).
    Arrived(Option<Platform>),
    /// The browser's Back or Forward went to this page.
    Navigated(Option<Platform>),
    /// The admin asked for a link to these values.
    Share,
    /// The admin left this field.
    Touch(Field),
}

/// The state and its dispatcher.
pub type Store = UseReducerHandle<State>;

impl State {
    /// The state at start-up: what was saved or a first visit's defaults, with the values
    /// from outside that wait for the admin.
    pub fn new(
        saved: Saved,
        saves: bool,
        notice: Notice,
        proposed: Vec<(Source, Proposed)>,
        at: Option<Platform>,
    ) -> Self {
        let announcement = if proposed.is_empty() {
            String::new()
        } else {
            "Values from outside wait for your review at the top of the page.".to_string()
        };
        let mut state = State {
            model: Model::default(),
            preview: None,
            saved,
            saves,
            notice_said: notice != Notice::None,
            notice,
            announcement,
            proposed,
            offered_progress: None,
            outside: Vec::new(),
            review: 0,
            review_changed: false,
            copied: None,
            confirming_reset: false,
            offline_error: None,
            refused: None,
            confirmed: [None, None],
            tools: Tools::NotLoaded,
            tools_focus: String::new(),
            printing: false,
            choosing: at.is_none(),
            at,
            offline_copy: false,
            sharing: false,
            touched: Vec::new(),
        };
        state.preview();
        state.model = Model::default().after(None, state.inputs());
        state
    }

    /// A first visit's state on a page: what the pre-rendered pages show.
    pub fn first_visit(at: Option<Platform>) -> Self {
        let mut saved = Saved::default();
        saved.settings.platform = at.unwrap_or_default();
        State::new(saved, true, Notice::None, Vec::new(), at)
    }

    /// The settings the page shows: the admin's own, or the preview of values to review.
    pub fn settings(&self) -> &Settings {
        self.preview.as_ref().unwrap_or(&self.saved.settings)
    }

    /// Remade after every action, from the admin's own settings and the values that wait.
    fn preview(&mut self) {
        self.preview = (!self.proposed.is_empty()).then(|| {
            let mut shown = self.saved.settings.clone();
            for (_, change) in &self.proposed {
                change.apply(&mut shown);
            }
            shown
        });
    }

    pub fn progress(&self) -> &Progress {
        &self.saved.progress
    }

    /// Which routing values, as they are now, are the ones the admin confirmed.
    pub fn confirmed(&self) -> Confirmed {
        let [hosts, previous] = &self.confirmed;
        let holds = |confirmed: &Option<String>, field: Field| confirmed.as_deref() == Some(self.settings().get(field));
        Confirmed {
            smart_hosts: holds(hosts, Field::SmartHosts),
            previous_smart_hosts: holds(previous, Field::PreviousSmartHosts),
        }
    }

    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            settings: self.settings(),
            confirmed: self.confirmed(),
            ready: self.tools == Tools::Ready,
            outside: &self.outside,
        }
    }

    pub fn copied(&self, id: &str) -> Option<Copied> {
        self.copied.as_ref().filter(|(copied, _)| copied == id).map(|(_, how)| *how)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let settings = &mut next.saved.settings;
        match action {
            Action::Edit(field, value) => {
                // Refused whole, not cut: a cut paste would look like the admin's own value.
                if value.len() > limit(field) {
                    next.refused = Some((field, value.len()));
                    next.announcement = refusal(field, value.len());
                } else {
                    settings.set(field, value);
                    next.refused = None;
                    next.outside.retain(|outside| *outside != field);
                }
            }
            Action::ChoosePlatform(platform) => {
                settings.platform = platform;
                next.choosing = false;
                next.announcement = format!("Steps and files for {}.", platform.label());
            }
            Action::ChooseRelease(release) => settings.release_2007 = release,
            Action::ChooseConnector(connector) => {
                // An existing connector has its own name, which only the admin knows; ours
                // is the default for a new one.
                let name = settings.get(Field::ConnectorName);
                let default = Field::ConnectorName.default_value();
                match connector {
                    Connector::Existing if name == default => settings.set(Field::ConnectorName, ""),
                    Connector::New if name.is_empty() => settings.set(Field::ConnectorName, default),
                    _ => {}
                }
                settings.connector = connector;
            }
            Action::ChooseScope(scope) => settings.scope = scope,
            Action::ChooseTheme(theme) => next.saved.theme = theme,
            // Values replaced after the banner was drawn were not the ones read.
            Action::ApplyProposed(review) if review != self.review => return self,
            Action::ApplyProposed(_) => {
                // The values applied are shown on their platform's page.
                next.choosing = false;
                for (_, change) in std::mem::take(&mut next.proposed) {
                    change.apply(&mut next.saved.settings);
                    if let Proposed::Value(field, _) = change {
                        next.outside.push(field);
                    }
                }
                if let Some(progress) = next.offered_progress.take() {
                    next.saved.progress = progress;
                }
                next.announcement = "Applied the values: they are yours now.".to_string();
            }
            Action::DiscardProposed => {
                next.proposed.clear();
                next.offered_progress = None;
                next.announcement = "Discarded the values: yours are as they were.".to_string();
            }
            Action::Confirm(field, yes) => {
                next.confirmed[usize::from(field == Field::PreviousSmartHosts)] =
                    yes.then(|| settings.get(field).to_string());
            }
            Action::ReplaceAddressSpace(replace) => settings.replace_address_space = replace,
            Action::Toggle(id) => {
                let platform = settings.platform;
                let done = next.saved.progress.toggle(platform, id);
                // A check mark changes no setting: the steps are the model's.
                let steps = &self.model.steps;
                let count = next.saved.progress.count(platform, steps);
                let total = steps.len();
                let settings = &next.saved.settings;
                let title = steps
                    .iter()
                    .find(|step| step.id == id)
                    .map_or(String::new(), |step| checklist::title(step, settings));
                next.announcement = match (done, count == total) {
                    (true, true) => format!("{title}: done. All {total} steps are done."),
                    (true, false) => format!("{title}: done. {count} of {total} steps done."),
                    (false, _) => format!("{title}: not done. {count} of {total} steps done."),
                };
            }
            Action::AskReset => next.confirming_reset = true,
            Action::CancelReset => next.confirming_reset = false,
            Action::Reset => {
                next.saved.progress.clear(settings.platform);
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
                next.touched = Field::ALL.to_vec();
                if matches!(self.tools, Tools::Ready | Tools::Loading) {
                    return Rc::new(next);
                }
                next.tools = Tools::Loading;
                next.tools_focus = focus;
            }
            Action::Tools(tools) => {
                if let Tools::Failed(why) = &tools {
                    next.announcement = why.clone();
                }
                next.tools = tools;
            }
            Action::SaveFailed { full } => {
                if next.notice_said {
                    return self;
                }
                next.notice = if full { Notice::Full } else { Notice::WillNotSave };
                next.notice_said = true;
            }
            Action::DismissNotice => next.notice = Notice::None,
            Action::Offered(source, Ok(theirs)) => {
                let shown = !self.proposed.is_empty() || self.offered_progress.is_some();
                next.proposed =
                    offered(settings, &theirs.settings).into_iter().map(|change| (source, change)).collect();
                next.review += 1;
                next.review_changed = shown;
                // A shared link carries no progress; a settings file's comes with its values.
                next.offered_progress = (source == Source::SettingsFile && theirs.progress != next.saved.progress)
                    .then_some(theirs.progress);
                next.announcement = if next.proposed.is_empty() && next.offered_progress.is_none() {
                    format!("Nothing to apply: the values from {} are the same as yours.", source.label())
                } else if shown {
                    "The values to review changed: read them again.".to_string()
                } else {
                    format!("The values from {} wait for your review at the top of the page.", source.label())
                };
            }
            Action::Offered(source, Err(why)) => next.notice = Notice::NotTaken(source, why),
            Action::Print => {
                next.printing = true;
                next.touched = Field::ALL.to_vec();
                if next.tools == Tools::NotLoaded {
                    next.tools = Tools::Loading;
                }
            }
            Action::Printed => next.printing = false,
            Action::ShowPlatforms => {
                next.choosing = true;
                next.announcement = "Choose your mail platform.".to_string();
            }
            Action::Arrived(at) => next.at = at,
            Action::Navigated(at) => {
                next.at = at;
                next.choosing = at.is_none();
                if let Some(platform) = at {
                    next.saved.settings.platform = platform;
                }
            }
            Action::Touch(field) if self.touched.contains(&field) => return self,
            Action::Touch(field) => next.touched.push(field),
            Action::Share => {
                next.sharing = true;
                next.announcement = "The link to these values is below the button.".to_string();
            }
        }
        next.preview();
        next.model = self.model.after(Some(self.inputs()), next.inputs());
        Rc::new(next)
    }
}

/// Why an edit was refused, for the field and for screen readers.
pub fn refusal(field: Field, length: usize) -> String {
    format!("{} The value before stays.", too_long(field, length))
}

/// A button's click that asks for the tools; the keyboard goes to the element `focus` once
/// they are there (`hooks::tools` loads them).
pub fn request_tools(store: &Store, focus: &str) -> Callback<MouseEvent> {
    let focus = focus.to_string();
    store.dispatcher().to_callback().reform(move |_| Action::ToolsRequested { focus: focus.clone() })
}
