//! Each platform's procedure as steps: the console steps MailRoute documents, in our own
//! words, with MailRoute's own requirements (registration, SPF, DKIM and DMARC) first.
//!
//! The steps are static data: where they quote one of the admin's values they name the
//! field, and `validate::usable` gives its value when the page is drawn.

pub mod exchange2003;
pub mod exchange_online;
pub mod guide;
pub mod mailroute;
pub mod send_connector;

use crate::domain::files::Command;
use crate::domain::platform::{Family, Platform};
use crate::domain::settings::{Connector, Field, Settings};

/// One piece of a step's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    /// A label exactly as it appears on screen in Windows, Exchange or MailRoute's control panel.
    Label(&'static str),
    /// A fixed value the admin types or picks, shown so it can be copied.
    Literal(&'static str),
    /// One of the admin's own values.
    Value(Field),
    /// The label of the connector scope the admin chose.
    Scope,
    /// The name of the servers' role that sends mail on this platform.
    SourceRole,
    /// A page the admin opens, in MailRoute's or Microsoft's own tools: its text and address.
    Link(&'static str, &'static str),
}

/// A block of a step's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    Para(&'static [Inline]),
    /// Settings to make in a dialog: each row is a label and what to set it to.
    Settings(&'static [(&'static str, Inline)]),
    /// A remark that is not an instruction.
    Note(&'static [Inline]),
    /// Where the admin says whether a connector exists already.
    ConnectorQuestion,
    /// Where the step asks for the one value of the admin's it needs.
    Ask(Field),
    /// A note that holds on one platform only.
    NoteFor(Platform, &'static [Inline]),
    /// A list of points.
    Items(&'static [&'static [Inline]]),
    /// A shell command made from the admin's values: the step's change, or the way back.
    Shell(Command),
    /// Where the admin pastes the domain's SPF record and gets it back with MailRoute's.
    SpfHelper,
    /// Where the admin pastes a test message's header, or an error, to see what happened.
    TestCheck,
    /// A file the step uses, by its name (`files::listing`): shown, made from the admin's
    /// values, where the admin needs it.
    File(&'static str),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable across releases: progress is saved under it.
    pub id: &'static str,
    pub title: &'static str,
    pub body: &'static [Block],
}

/// How a step that sets the connector's address space ends its title: `title` says which
/// mail that is.
pub const ADDRESS_SPACE: &str = "the mail this connector takes";

/// A step's title for these settings: where the step sets the address space, the title says
/// which mail the connector takes, all of it or only some domains'.
pub fn title(step: &Step, settings: &Settings) -> String {
    let Some(start) = step.title.strip_suffix(ADDRESS_SPACE) else { return step.title.to_string() };
    match settings.get(Field::AddressSpace).trim() {
        "*" => format!("{start}all outgoing mail (*)"),
        space => format!("{start}only mail to {space}"),
    }
}

/// Whether the step shows this value of the admin's.
pub fn shows(step: &Step, field: Field) -> bool {
    step.body.iter().any(|block| {
        let parts: &[Inline] = match block {
            Block::Para(parts) | Block::Note(parts) | Block::NoteFor(_, parts) => parts,
            Block::Settings(rows) => return rows.iter().any(|(_, value)| *value == Inline::Value(field)),
            _ => &[],
        };
        parts.contains(&Inline::Value(field))
    })
}

/// The values that the steps ask for where they need them: a step's own (`Block::Ask`), and
/// for an existing connector, its name and, on Exchange 2003, its smart host before the
/// change (the connector question). The values form leaves them out.
pub fn asked(settings: &Settings) -> Vec<Field> {
    let mut asked: Vec<Field> = Vec::new();
    for step in steps(settings) {
        for block in step.body {
            if let Block::Ask(field) = block {
                asked.push(*field);
            }
        }
    }
    if settings.connector == Connector::Existing {
        asked.extend([Field::ConnectorName, Field::PreviousSmartHosts]);
    }
    asked
}

/// The steps for these settings, in order.
pub fn steps(settings: &Settings) -> Vec<&'static Step> {
    match settings.platform.family() {
        Family::Exchange2003 => exchange2003::steps(settings),
        Family::SendConnector => send_connector::steps(settings),
        Family::ExchangeOnline => exchange_online::steps(),
    }
}

/// What a check of the test message or of an error can find wrong, to be fixed in a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// MailRoute knows the sending server (or, on Exchange Online, the domain).
    Registration,
    Spf,
    DkimDmarc,
    /// The connector routes through the smart host.
    SmartHost,
    /// The connector takes the mail: its address space.
    AddressSpace,
    /// The change takes effect: services restarted on 2003, the queues read from 2007 on.
    TakesEffect,
}

/// The id of the step on this platform where the admin fixes `topic`; every platform's
/// steps hold it, whichever connector answer was given (tests/checklist.rs).
pub fn step_for(family: Family, topic: Topic) -> &'static str {
    match (family, topic) {
        (Family::ExchangeOnline, Topic::Registration) => "mailroute-inbound",
        (_, Topic::Registration) => mailroute::REGISTER.id,
        (_, Topic::Spf) => mailroute::SPF.id,
        (_, Topic::DkimDmarc) => mailroute::DKIM_DMARC.id,
        (Family::Exchange2003, Topic::SmartHost) => "general-smart-host",
        (Family::SendConnector, Topic::SmartHost) => "network-settings",
        (Family::ExchangeOnline, Topic::SmartHost) => "routing",
        (Family::ExchangeOnline, Topic::AddressSpace) => "use-of-connector",
        (_, Topic::AddressSpace) => "address-space",
        (Family::Exchange2003, Topic::TakesEffect) => "restart-services",
        (Family::SendConnector, Topic::TakesEffect) => "check-queues",
        (Family::ExchangeOnline, Topic::TakesEffect) => "validate",
    }
}
