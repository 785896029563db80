//! The one interface between the page and the tools module (`src/bin/tools.rs`), which holds
//! the generators and the checks (SPF, a test message's header, an error) and loads the
//! first time the admin asks for them. The two are separate WebAssembly modules, so a
//! `Request` and its `Answer` cross between them as JSON text; both sides read and write
//! them with serde, through these types only.

use serde::{Deserialize, Serialize};

use crate::domain::files::{self, zip::Stamp, Confirmed, Offer};
use crate::domain::platform::Platform;
use crate::domain::{explain, headers};
use crate::domain::saved::OfflineState;
use crate::domain::settings::{Field, Settings};
use crate::domain::report::Report;
use crate::domain::spf;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// The files for these settings.
    Offers(Settings, Confirmed),
    /// The archive of every file, its entries dated `Stamp`.
    Archive(Settings, Stamp, Confirmed),
    /// The one shell command of the step that offers it.
    Shell(Settings, Confirmed),
    /// The SPF helper's report on what the admin pasted.
    CheckSpf(String),
    /// The header check's report on a test message's pasted header, with links to this
    /// platform's steps.
    CheckHeaders(String, Platform),
    /// The error explainer's report on a pasted bounce, queue error or SMTP reply.
    ExplainError(String, Platform),
    /// The offline page (`dist/offline.html`, as fetched) with this state inside.
    OfflinePage { page: String, state: OfflineState },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Offers(Vec<Offer>),
    Archive(Result<Vec<u8>, Vec<Field>>),
    Shell(Option<Result<String, Vec<Field>>>),
    /// The SPF helper's, the header check's or the error explainer's report.
    Report(Report),
    /// None when the page has no place for the state.
    OfflinePage(Option<String>),
    /// The request could not be read.
    Unreadable,
}

/// What the tools module answers to a request, as JSON text.
pub fn answer(request: &str) -> String {
    let answer = match serde_json::from_str(request) {
        Ok(Request::Offers(settings, confirmed)) => Answer::Offers(files::offers(&settings, confirmed)),
        Ok(Request::Archive(settings, stamp, confirmed)) => {
            Answer::Archive(files::archive(&settings, stamp, confirmed).map(|(_, bytes)| bytes))
        }
        Ok(Request::Shell(settings, confirmed)) => Answer::Shell(files::shell(&settings, confirmed)),
        Ok(Request::CheckSpf(pasted)) => Answer::Report(spf::check(&pasted)),
        Ok(Request::CheckHeaders(pasted, platform)) => Answer::Report(headers::check(&pasted, platform.family())),
        Ok(Request::ExplainError(pasted, platform)) => Answer::Report(explain::explain(&pasted, platform.family())),
        Ok(Request::OfflinePage { page, state }) => Answer::OfflinePage(offline_page(&page, &state)),
        Err(_) => Answer::Unreadable,
    };
    serde_json::to_string(&answer).unwrap_or_default()
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
