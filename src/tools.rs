//! The interface between the page and the tools module (`src/bin/tools.rs`), which holds
//! the generators and the checks (SPF, a test message's header, an error) and loads the
//! first time the admin asks for them. The two are separate WebAssembly modules, so a
//! `Request` and its `Answer` cross between them as JSON text; both sides read and write
//! them with serde, through these types only. The module's one other export makes the
//! offline copy, with `offline_page` below (`ui::offline`).

use serde::{Deserialize, Serialize};

use crate::domain::files::{self, zip::Stamp, Command, Offer};
use crate::domain::guard::Confirmed;
use crate::domain::platform::Platform;
use crate::domain::report::Report;
use crate::domain::saved::OfflineState;
use crate::domain::settings::{Field, Settings};
use crate::domain::{explain, headers, spf};

/// What the page asks. The settings of the files and commands never carry the admin's
/// pasted evidence (`share::without_evidence`): none of them uses it, and it may be long.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// The files for these settings.
    Offers(Settings, Confirmed),
    /// The archive of every file, its entries dated at this local time: seconds since 1970
    /// as the admin's clock reads them.
    Archive(Settings, i64, Confirmed),
    /// A shell command: the change of the step that offers it, or the way back.
    Shell(Command, Settings, Confirmed),
    /// The report on what the admin pasted into this field, this text, on this platform: the
    /// SPF record (the SPF helper), a test message's header (the header check) or an error
    /// (the error explainer). The page names the steps its findings point at
    /// (`Report::name_steps`). The flag says the text came from outside the admin's own
    /// typing (applied from the review banner) and was not typed over since.
    Check(Field, String, Platform, bool),
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
        Ok(Request::Check(field, pasted, platform, outside)) => {
            Answer::Report(check(field, &pasted, platform, outside).with_verdict())
        }
        Err(_) => Answer::Unreadable,
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

/// The check of the field's pasted text; nothing for a field no check reads.
fn check(field: Field, pasted: &str, platform: Platform, outside: bool) -> Report {
    let family = platform.family();
    match field {
        Field::SpfRecord => spf::check(pasted, outside),
        Field::TestHeader => headers::check(pasted, family),
        Field::ErrorText => explain::explain(pasted, family),
        _ => Report::default(),
    }
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
