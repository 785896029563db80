//! What surrounds the steps on a platform's page: what to have before starting, how to tell
//! that it worked, with where to get help, and how to go back if something goes wrong.
//!
//! Sources: MailRoute's articles (shared/reference/mailroute/: registered outbound IPs,
//! SPF, DKIM, DMARC, and support's address and number at the end of the Exchange 2003
//! article), docs/facts.md §1.5 (ldifde), §3 (send connectors), §4 (Exchange Online).

use crate::domain::checklist::mailroute::{DKIM_ARTICLE, DMARC_ARTICLE, SPF_ARTICLE};
use crate::domain::checklist::Inline::{Label, Link, Literal, Text, Value};
use crate::domain::checklist::{Block, Inline};
use crate::domain::files::{exchange2003, exchange_online, send_connector, Command};
use crate::domain::platform::{Family, Platform};
use crate::domain::settings::{Connector, Field, Settings};

/// A part of the page around the steps: its id (for links to it), its title and its text,
/// put together from the parts below for the platform.
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub body: Vec<Block>,
}

const ACCOUNT: &[Inline] = &[
    Text("A MailRoute account, with access to its "),
    Link("control panel", "https://admin.mailroute.net"),
    Text("."),
];
const ADDRESS: &[Inline] =
    &[Text("The public IP address of each server that sends mail out, to register with MailRoute.")];
const DNS: &[Inline] = &[Text("Access to your domain's DNS, for SPF, DKIM and DMARC.")];
const WINDOW: &[Inline] = &[Text("A change window: mail may queue while the connector changes.")];

const NEEDS_2003: Block = Block::Items(&[
    ACCOUNT,
    ADDRESS,
    &[Text("Rights to change connectors in "), Label("Exchange System Manager"), Text(" and restart its services.")],
    DNS,
    WINDOW,
]);
const NEEDS_SEND_CONNECTOR: Block = Block::Items(&[
    ACCOUNT,
    ADDRESS,
    &[Text("Rights to manage send connectors, in the console or the "), Label("Exchange Management Shell"), Text(".")],
    DNS,
    WINDOW,
]);
const NEEDS_ONLINE: Block = Block::Items(&[
    ACCOUNT,
    // MailRoute relays only for domains whose inbound mail it filters (docs/facts.md §5).
    &[
        Text("MailRoute already filtering the domain's inbound mail: its MX record at "),
        Literal("mail.mailroute.net"),
        Text(
            ", an inbound connector from MailRoute. If not, that is a project of its own, before this one: see step 1.",
        ),
    ],
    &[
        Text("An Exchange administrator in Microsoft 365; for the script, the "),
        Literal("ExchangeOnlineManagement"),
        Text(" module."),
    ],
    DNS,
    WINDOW,
]);
const WAYS: Block = Block::Para(&[Text("About half an hour, plus the time DNS changes take to spread (the records' TTL). Follow the steps in the console, or run the scripts made from your values: back up, apply, check. Either way, keep the rollback at hand.")]);
const WAYS_ONLINE: Block = Block::Para(&[Text("About half an hour, plus the time DNS changes take to spread (the records' TTL). Follow the steps in the Exchange admin center, or run the script made from your values, which turns the connector on only once it validates. Either way, keep the rollback at hand.")]);

/// What to have at hand before the first step, how long it takes, and the two ways through.
pub fn before(platform: Platform) -> Section {
    let body = match platform.family() {
        Family::Exchange2003 => vec![NEEDS_2003, WAYS],
        Family::SendConnector => vec![NEEDS_SEND_CONNECTOR, WAYS],
        Family::ExchangeOnline => vec![NEEDS_ONLINE, WAYS_ONLINE],
    };
    Section { id: "sha-before", title: "Before you start", body }
}

const DONE: Block = Block::Para(&[
    Text("If your test message's header shows a hop from one of MailRoute's servers (the check in the last step says "),
    Label("The message left through MailRoute"),
    Text("), outgoing mail goes through MailRoute and the change is done."),
]);
const QUEUES_2003: Block = Block::Para(&[
    Text("The server's queues in "),
    Label("Exchange System Manager"),
    Text(" should empty within minutes. The most common failures:"),
]);
const QUEUES_SEND_CONNECTOR: Block = Block::Para(&[
    Text("In the "),
    Label("Exchange Management Shell"),
    Text(", "),
    Literal("Get-Queue"),
    Text(" should show no messages waiting for the smart host. The most common failures:"),
]);
const TRACE_ONLINE: Block = Block::Para(&[Text("A message trace in the Exchange admin center shows each message handed to the connector. The most common failures:")]);
const SPF_FAILURE: &[Inline] = &[
    Text("Receivers mark mail as spam or refuse it for SPF or DMARC: the SPF record does not name "),
    Literal("include:spf.mailroute.net"),
    Text(" yet, or the DNS change has not reached them; see the SPF step."),
];
const FAILURES: Block = Block::Items(&[
    &[Text("MailRoute refuses to relay (a 5.7.1 error naming mailroute.net): the server's public IP address is not registered with MailRoute yet; see the first step.")],
    &[Text("Mail still leaves directly: another connector for all domains (*) at the same or a lower cost takes some or all of it; disable it, or raise its cost above this one's.")],
    SPF_FAILURE,
]);
const FAILURES_ONLINE: Block = Block::Items(&[
    &[Text("The validation fails: the domain is not set up in MailRoute (inbound server of server type Office 365, MX), the test address is not test@mailroute.net, or the smart host or TLS settings differ from the steps.")],
    &[Text("Mail still leaves directly: the connector is off, or takes only some recipient domains; check its "), Label("Use of connector"), Text(".")],
    SPF_FAILURE,
]);
const HELP: Block = Block::Para(&[
    Text("MailRoute logs its refusals in the control panel under "),
    Label("Account Usage"),
    Text(" > "),
    Label("Error Log"),
    Text(". Help: MailRoute's articles on "),
    Link("SPF", SPF_ARTICLE),
    Text(", "),
    Link("DKIM", DKIM_ARTICLE),
    Text(" and "),
    Link("DMARC", DMARC_ARTICLE),
    Text("; MailRoute support at "),
    Link("support@mailroute.net", "mailto:support@mailroute.net"),
    Text(" or 888.485.7726."),
]);

/// After the last step: what a good test shows, where to look, the usual failures and where
/// to get help.
pub fn finish(platform: Platform) -> Section {
    let (look, failures) = match platform.family() {
        Family::Exchange2003 => (QUEUES_2003, FAILURES),
        Family::SendConnector => (QUEUES_SEND_CONNECTOR, FAILURES),
        Family::ExchangeOnline => (TRACE_ONLINE, FAILURES_ONLINE),
    };
    Section { id: "sha-finish", title: "Check that it worked", body: vec![DONE, look, failures, HELP] }
}

const UNDO_2003_NEW: Block = Block::Para(&[
    Text("Mail goes out the way it went before once the new connector is gone: in "),
    Label("Exchange System Manager"),
    Text(", right-click it under "),
    Label("Connectors"),
    Text(" and choose "),
    Label("Delete"),
    Text(", then restart the two services as in the restart step. The script way is the file below."),
]);
const UNDO_2003_EXISTING: Block = Block::Para(&[
    Text("Open the connector's properties and, on the "),
    Label("General"),
    Text(" tab, put back the smart host it had: "),
    Value(Field::PreviousSmartHosts),
    Text(" (empty: it used DNS). Then restart the two services as in the restart step. The script way is the file below."),
]);
const BACKUP_2003: Block = Block::Para(&[Text(
    "The backup file from the backup step holds every connector as it was, address spaces included.",
)]);
const UNDO_SEND_CONNECTOR_NEW: Block = Block::Para(&[
    Text("Turn the new connector off, and mail leaves through the connectors it used before: disable "),
    Value(Field::ConnectorName),
    Text(" among the send connectors (the console's "),
    Label("Disable"),
    Text("), or delete it. The script way is the file below."),
]);
const UNDO_SEND_CONNECTOR_EXISTING: Block = Block::Para(&[
    Text("Put back the connector's smart hosts and address spaces as the backup holds them, in the connector's properties or with the file below, which reads the backup the first script saved."),
]);
const UNDO_ONLINE: Block = Block::Para(&[
    Text("In the Exchange admin center, open "),
    Link("connectors", "https://admin.exchange.microsoft.com/#/connectors"),
    Text(", and turn the connector off or remove it: mail then leaves Microsoft 365 directly again. The script way is the file below."),
]);

/// How to go back, in the console and with the scripts.
pub fn undo(settings: &Settings) -> Section {
    let existing = settings.connector == Connector::Existing;
    let body = match (settings.platform.family(), existing) {
        (Family::Exchange2003, false) => vec![UNDO_2003_NEW, Block::File(exchange2003::ROLLBACK_DELETE), BACKUP_2003],
        (Family::Exchange2003, true) => {
            vec![UNDO_2003_EXISTING, Block::File(exchange2003::ROLLBACK_RESTORE), BACKUP_2003]
        }
        (Family::SendConnector, false) => vec![
            UNDO_SEND_CONNECTOR_NEW,
            Block::Shell(Command::DisableSendConnector),
            Block::File(send_connector::ROLLBACK),
        ],
        (Family::SendConnector, true) => vec![UNDO_SEND_CONNECTOR_EXISTING, Block::File(send_connector::ROLLBACK)],
        (Family::ExchangeOnline, _) => vec![UNDO_ONLINE, Block::File(exchange_online::ROLLBACK)],
    };
    Section { id: "sha-undo", title: "If something goes wrong", body }
}
