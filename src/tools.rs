//! The interface between the page and the tools module (`src/bin/tools.rs`), which holds
//! the generators and the checks (SPF, a test message's header, an error) and loads the
//! first time the admin asks for them. The two are separate WebAssembly modules, so a
//! `Request` and its `Answer` cross between them as JSON text; both sides read and write
//! them with serde, through these types only. The module's one other export makes the
//! offline copy, with `offline_page` below (`ui::offline`).

use serde::{Deserialize, Serialize};

use crate::domain::files::{self, zip::Stamp, Command, Confirmed, Offer};
use crate::domain::platform::Platform;
use crate::domain::report::Report;
use crate::domain::saved::OfflineState;
use crate::domain::settings::{Connector, Field, Settings};
use crate::domain::{explain, headers, spf};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// The files for these settings.
    Offers(Settings, Confirmed),
    /// The archive of every file, its entries dated at this local time: seconds since 1970
    /// as the admin's clock reads them.
    Archive(Settings, i64, Confirmed),
    /// A shell command: the change of the step that offers it, or the way back.
    Shell(Command, Settings, Confirmed),
    /// The report on what the admin pasted into this field: the SPF record (the SPF
    /// helper), a test message's header (the header check) or an error (the error
    /// explainer), with links to the steps these settings show.
    Check(Field, Settings),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Offers(Vec<Offer>),
    Archive(Vec<u8>),
    /// The command; None where the platform has none.
    Shell(Option<String>),
    /// The archive or the command waits for these values. (No `Result` here: its reader
    /// would cost the page's download more than this variant.)
    Missing(Vec<Field>),
    /// The SPF helper's, the header check's or the error explainer's report.
    Report(Report),
    /// The request could not be read.
    Unreadable,
}

/// What the tools module answers to a request, as JSON text.
pub fn answer(request: &str) -> String {
    let answer = match serde_json::from_str(request) {
        Ok(Request::Offers(settings, confirmed)) => Answer::Offers(files::offers(&settings, confirmed)),
        Ok(Request::Archive(settings, local, confirmed)) => {
            match files::archive(&settings, Stamp::at(local), confirmed) {
                Ok((_, bytes)) => Answer::Archive(bytes),
                Err(missing) => Answer::Missing(missing),
            }
        }
        Ok(Request::Shell(command, settings, confirmed)) => match files::shell(&settings, command, confirmed) {
            Some(Err(missing)) => Answer::Missing(missing),
            Some(Ok(command)) => Answer::Shell(Some(command)),
            None => Answer::Shell(None),
        },
        Ok(Request::Check(field, settings)) => Answer::Report(check(field, &settings)),
        Err(_) => Answer::Unreadable,
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

/// A check's report, with what decided it: its own pasted text, the platform and the
/// connector answer (which name the steps it links to).
struct Checked {
    field: Field,
    pasted: String,
    platform: Platform,
    connector: Connector,
    report: Report,
}

thread_local! {
    /// Each check's last report. The page asks on every render; a check runs again only
    /// when what decided it changes, not on every keystroke elsewhere (review F19).
    static CHECKED: std::cell::RefCell<Vec<Checked>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The check of the field's pasted text, its findings pointing at the steps these settings
/// show; nothing for a field no check reads.
fn check(field: Field, settings: &Settings) -> Report {
    let (pasted, platform, connector) = (settings.get(field), settings.platform, settings.connector);
    let same = |found: &&Checked| {
        (found.field, found.platform, found.connector) == (field, platform, connector) && found.pasted == pasted
    };
    if let Some(report) = CHECKED.with(|checked| checked.borrow().iter().find(same).map(|found| found.report.clone())) {
        return report;
    }
    let report = run_check(field, settings);
    CHECKED.with(|checked| {
        let mut checked = checked.borrow_mut();
        checked.retain(|found| found.field != field);
        checked.push(Checked { field, pasted: pasted.to_string(), platform, connector, report: report.clone() });
    });
    report
}

fn run_check(field: Field, settings: &Settings) -> Report {
    let pasted = settings.get(field);
    let family = settings.platform.family();
    let report = match field {
        Field::SpfRecord => spf::check(pasted),
        Field::TestHeader => headers::check(pasted, family),
        Field::ErrorText => explain::explain(pasted, family),
        _ => Report::default(),
    };
    report.name_steps(settings)
}

/// The element of the offline page that carries its state (scripts/package.mjs writes it
/// empty); the page reads it at start-up (`ui::storage`).
pub const STATE_ELEMENT: &str = r#"<script id="sha-state" type="application/json"></script>"#;

/// The offline page with `state` inside its state element: the saved state (JSON) as the
/// element's text, the stamp as its `data-stamp`. None when the page has no such element.
/// Inside a script element only `</script` could end the data early, so every `<` is
/// written as the JSON escape `\u003c`, which reads back as `<`; the stamp keeps its digits
/// only, so nothing can leave the attribute.
pub fn offline_page(page: &str, state: &OfflineState) -> Option<String> {
    let json = state.saved.replace('<', "\\u003c");
    let stamp: String = state.stamp.chars().filter(char::is_ascii_digit).collect();
    let filled = format!(r#"<script id="sha-state" type="application/json" data-stamp="{stamp}">{json}</script>"#);
    page.contains(STATE_ELEMENT).then(|| page.replacen(STATE_ELEMENT, &filled, 1))
}
