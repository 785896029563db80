//! Generators: pure functions from validated settings to the files an admin runs.

pub mod batch;
pub mod exchange2003;
pub mod exchange_online;
pub mod ldif;
pub mod powershell;
pub mod send_connector;
pub mod zip;

use serde::{Deserialize, Serialize};

use crate::domain::files::zip::Stamp;
use crate::domain::guard::{self, Confirmed};
use crate::domain::named::by_name;
use crate::domain::platform::{Family, Platform};
use crate::domain::settings::{Connector, Field, Settings, MAILROUTE_SMART_HOST};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Kind {
    Batch,
    Ldif,
    PowerShell,
    Text,
}

by_name!(Kind { Kind::Batch => "batch", Kind::Ldif => "ldif", Kind::PowerShell => "powershell", Kind::Text => "text" });

/// A generated file: its text has CRLF line endings, as Windows tools expect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    pub name: String,
    pub kind: Kind,
    pub text: String,
}

impl File {
    /// Joins lines with CRLF and ends the file with one.
    pub fn from_lines(name: &str, kind: Kind, lines: &[String]) -> Self {
        let mut text = lines.join("\r\n");
        text.push_str("\r\n");
        File { name: name.to_string(), kind, text }
    }

    /// This file opening with a comment, of its own kind, that names the smart hosts that
    /// are not MailRoute's: whoever opens or runs it sees where the mail will go (review F2).
    fn marked(self, hosts: &str) -> File {
        let comment = match self.kind {
            Kind::PowerShell | Kind::Ldif => "# ",
            // `@` keeps cmd.exe from echoing the line before `@echo off` has run.
            Kind::Batch => "@rem ",
            Kind::Text => "",
        };
        let warning = format!(
            "{comment}WARNING: {hosts} is not MailRoute's smarthost, {MAILROUTE_SMART_HOST}. The administrator confirmed that MailRoute support asked for it."
        );
        File { text: format!("{warning}\r\n{}", self.text), ..self }
    }

    /// The bytes to download. PowerShell scripts and text files are UTF-8 with a byte order
    /// mark, which Windows PowerShell 2.0 and Notepad need to read UTF-8 as UTF-8.
    pub fn bytes(&self) -> Vec<u8> {
        let bom: &[u8] = match self.kind {
            Kind::PowerShell | Kind::Text => b"\xEF\xBB\xBF",
            Kind::Batch | Kind::Ldif => b"",
        };
        [bom, self.text.as_bytes()].concat()
    }
}

/// A file as the page lists it before any is made: its name, its title and what it is for.
/// The choices decide it (the platform, a new or existing connector), never a typed value,
/// so the pre-rendered pages list the files too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listing {
    pub name: &'static str,
    pub title: &'static str,
    pub purpose: &'static str,
    /// Made before the connector question is answered: the file is the same either way, and
    /// the step that uses it comes before the question.
    pub before_the_answer: bool,
}

/// The files for these choices, in the order an admin uses them.
pub fn listing(settings: &Settings) -> Vec<Listing> {
    match settings.platform.family() {
        Family::Exchange2003 => exchange2003::listing(settings).to_vec(),
        Family::SendConnector => send_connector::listing(settings).to_vec(),
        Family::ExchangeOnline => exchange_online::listing().to_vec(),
    }
}

/// A file as the page offers it: what it is for, and the file itself or why it must wait.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub name: String,
    pub title: String,
    pub purpose: String,
    /// The commands that run it, where it is run rather than opened: each a way that works
    /// under the execution policy of a server that received the file as a download.
    pub run: Vec<String>,
    /// What is not confirmed about it, said next to the file.
    pub caution: Option<String>,
    pub file: Result<File, Vec<Field>>,
}

impl Offer {
    pub fn new(listing: Listing, run: Vec<String>, file: Result<File, Vec<Field>>) -> Self {
        let Listing { name, title, purpose, .. } = listing;
        Offer { name: name.into(), title: title.into(), purpose: purpose.into(), run, caution: None, file }
    }

    pub fn caution(mut self, caution: Option<&str>) -> Self {
        self.caution = caution.map(str::to_string);
        self
    }
}

/// The fields that keep some file from being made; empty once every file can be.
pub fn missing(offers: &[Offer]) -> Vec<Field> {
    let missing: Vec<Field> = offers.iter().filter_map(|offer| offer.file.as_ref().err()).flatten().copied().collect();
    Field::in_order(&missing)
}

/// The name of the archive that holds every file for this platform.
pub fn archive_name(platform: Platform) -> String {
    format!("mailroute-{}.zip", platform.id())
}

/// Whether the admin still has to say if the connector is new or existing, where the
/// platform asks: the files and the commands differ, so none is made until then. Nothing
/// typed is missing, so what waits names no field (`Err` of an empty list).
pub fn unanswered(settings: &Settings) -> bool {
    settings.connector == Connector::Unanswered && settings.platform.family() != Family::ExchangeOnline
}

fn answered(settings: &Settings) -> Result<(), Vec<Field>> {
    if unanswered(settings) {
        Err(Vec::new())
    } else {
        Ok(())
    }
}

/// The files for these settings, whatever the platform. With a routing value that is not
/// MailRoute's, none is made until the admin confirms it, and then each names a foreign
/// smart host first.
pub fn offers(settings: &Settings, confirmed: Confirmed) -> Vec<Offer> {
    let mut offers = match settings.platform.family() {
        Family::Exchange2003 => exchange2003::offers(settings),
        Family::SendConnector => send_connector::offers(settings),
        Family::ExchangeOnline => exchange_online::offers(settings),
    };
    if unanswered(settings) {
        let listed = listing(settings);
        for offer in &mut offers {
            if !listed.iter().any(|file| file.name == offer.name && file.before_the_answer) {
                offer.file = Err(Vec::new());
            }
        }
    }
    let waiting = guard::waiting(settings, confirmed);
    let hosts = guard::foreign(settings.get(Field::SmartHosts));
    offers
        .into_iter()
        .map(|mut offer| {
            offer.file = match (offer.file, &hosts) {
                (Ok(_), _) if !waiting.is_empty() => Err(waiting.clone()),
                (Ok(file), Some(hosts)) => Ok(file.marked(hosts)),
                (Ok(file), None) => Ok(file),
                (Err(fields), _) => Err(Field::in_order(&[fields, waiting.clone()].concat())),
            };
            offer
        })
        .collect()
}

/// Whether files may be made for these routing values: MailRoute's, or others the admin
/// confirmed.
fn allowed(settings: &Settings, confirmed: Confirmed) -> Result<(), Vec<Field>> {
    let waiting = guard::waiting(settings, confirmed);
    if waiting.is_empty() {
        Ok(())
    } else {
        Err(waiting)
    }
}

/// The archive of every file for these settings, whatever the platform: its name and bytes.
pub fn archive(settings: &Settings, stamp: Stamp, confirmed: Confirmed) -> Result<(String, Vec<u8>), Vec<Field>> {
    answered(settings)?;
    allowed(settings, confirmed)?;
    match settings.platform.family() {
        Family::Exchange2003 => exchange2003::archive_offer(settings, stamp),
        Family::SendConnector => send_connector::archive_offer(settings, stamp),
        Family::ExchangeOnline => exchange_online::archive_offer(settings, stamp),
    }
}

/// A shell command the page shows, made from the admin's values like the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// The change of the step that offers it, as one command.
    Change,
    /// The way back for a new send connector, 2007 to SE: turn it off.
    DisableSendConnector,
}

impl Command {
    /// Whether it changes where mail goes. Such a command waits, like the files, for the answer
    /// to "Is there a connector already?" and for a foreign smart host's confirmation; the way
    /// back for a new connector only turns it off.
    pub fn routes_mail(self) -> bool {
        self == Command::Change
    }
}

/// The command for these settings, or the values it waits for; None where the platform has
/// none (Exchange 2003 has no shell, Exchange Online no send connector).
pub fn shell(settings: &Settings, command: Command, confirmed: Confirmed) -> Option<Result<String, Vec<Field>>> {
    let made = match (command, settings.platform.family()) {
        (_, Family::Exchange2003) | (Command::DisableSendConnector, Family::ExchangeOnline) => return None,
        (Command::DisableSendConnector, Family::SendConnector) => send_connector::disable(settings),
        (Command::Change, Family::SendConnector) => send_connector::shell(settings),
        (Command::Change, Family::ExchangeOnline) => exchange_online::shell(settings),
    };
    let ready = if command.routes_mail() { answered(settings).and(allowed(settings, confirmed)) } else { Ok(()) };
    Some(ready.and(made))
}

/// A README for the archive: the admin's values, what to do first, and each file in order.
pub struct Readme<'a> {
    pub title: &'a str,
    pub values: Vec<(&'a str, String)>,
    pub before: &'a [&'a str],
    pub after: &'a [&'a str],
}

impl Readme<'_> {
    pub fn file(&self, offers: &[Offer]) -> File {
        let mut text =
            vec![self.title.to_string(), "Made by the MailRoute smarthost assistant.".to_string(), String::new()];
        text.push("Your values".to_string());
        text.extend(self.values.iter().map(|(label, value)| format!("  {label}: {value}")));
        text.push(String::new());
        text.extend(self.before.iter().map(|line| line.to_string()));
        text.push(String::new());
        text.push("The files, in the order to use them".to_string());
        for (number, offer) in offers.iter().enumerate() {
            text.push(format!("{}. {}: {}", number + 1, offer.name, offer.purpose));
            text.extend(offer.run.iter().map(|run| format!("   Run: {run}")));
            if let Some(caution) = &offer.caution {
                text.push(format!("   Caution: {caution}"));
            }
        }
        text.push(String::new());
        text.extend(self.after.iter().map(|line| line.to_string()));
        File::from_lines(README, Kind::Text, &text)
    }
}

pub const README: &str = "README.txt";

/// The README and every file in one archive, each marked as `offers` marks it.
pub fn zipped(settings: &Settings, readme: File, offers: Vec<Offer>, stamp: Stamp) -> Vec<u8> {
    let foreign = guard::foreign(settings.get(Field::SmartHosts));
    let entries: Vec<(String, Vec<u8>)> = std::iter::once(readme)
        .chain(offers.into_iter().filter_map(|offer| offer.file.ok()))
        .map(|file| match &foreign {
            Some(hosts) => file.marked(hosts),
            None => file,
        })
        .map(|file| (file.name.clone(), file.bytes()))
        .collect();
    zip::archive(&entries, stamp)
}

/// Text lines as owned strings, for the generators' fixed parts.
pub fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|line| line.to_string()).collect()
}
