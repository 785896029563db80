//! Each platform's procedure as steps: the console steps MailRoute documents, in our own
//! words, with MailRoute's own requirements (registration, SPF, DKIM and DMARC) first.
//!
//! The steps are static data: where they quote one of the admin's values they name the
//! field, and `validate::usable` gives its value when the page is drawn.

pub mod exchange2003;
pub mod exchange_online;
pub mod mailroute;
pub mod send_connector;

use crate::domain::platform::Family;
use crate::domain::settings::{Field, Settings};

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
    /// The same change as one shell command, made from the admin's values.
    Shell,
    /// Where the admin pastes the domain's SPF record and gets it back with MailRoute's.
    SpfHelper,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable across releases: progress is saved under it.
    pub id: &'static str,
    pub title: &'static str,
    pub body: &'static [Block],
}

/// The steps for these settings, in order.
pub fn steps(settings: &Settings) -> Vec<&'static Step> {
    match settings.platform.family() {
        Family::Exchange2003 => exchange2003::steps(settings),
        Family::SendConnector => send_connector::steps(settings),
        Family::ExchangeOnline => exchange_online::steps(),
    }
}
