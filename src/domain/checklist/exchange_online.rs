//! Exchange Online: an outbound connector to MailRoute, made in the Exchange admin center.
//!
//! Source: MailRoute's Microsoft 365 article (its order of steps, the wizard's labels, the TLS
//! name and the validation address), its Outbound Mail Servers article (the relay comes with
//! inbound filtering), docs/facts.md §4 and §5.

use crate::domain::checklist::mailroute::{DKIM_DMARC, SPF, TEST};
use crate::domain::checklist::Inline::{Label, Link, Literal, Text, Value};
use crate::domain::checklist::{Block, Step};
use crate::domain::files::{exchange_online as files, Command};
use crate::domain::settings::Field;

/// MailRoute's own set-up comes first: it relays for a Microsoft 365 domain whose inbound
/// mail it filters, and then recognises the tenant without a server to register
/// (MailRoute's Microsoft 365 article, steps 1 to 6; review M2).
pub fn steps() -> Vec<&'static Step> {
    vec![&PREREQUISITES, &SPF, &DKIM_DMARC, &START, &USE, &ROUTING, &SECURITY, &VALIDATE, &TEST]
}

static PREREQUISITES: Step = Step {
    id: "mailroute-inbound",
    title: "Have MailRoute filter the domain's inbound mail first",
    body: &[
        Block::Para(&[Text("MailRoute relays outbound mail only for domains whose inbound mail it filters. Before the outbound connector, check these, in this order:")]),
        Block::Para(&[
            Text("1. In "),
            Link("MailRoute's control panel", "https://admin.mailroute.net"),
            Text(", under "),
            Label("Domains"),
            Text(", your domain has your Microsoft 365 mail server (the "),
            Literal("*.mail.protection.outlook.com"),
            Text(" host of its MX record) as its "),
            Label("Inbound Servers"),
            Text(" entry, and its "),
            Label("Server Type"),
            Text(" is "),
            Label("Office 365"),
            Text(". MailRoute then recognises mail from your tenant by itself: there is no outbound server to register."),
        ]),
        Block::Para(&[Text("2. The domain's MX record points to "), Literal("mail.mailroute.net"), Text(".")]),
        Block::Para(&[
            Text("3. In the Exchange admin center's "),
            Link("connectors", "https://admin.exchange.microsoft.com/#/connectors"),
            Text(", an inbound connector from "),
            Label("Partner organization"),
            Text(" accepts mail from "),
            Literal("*.mailroute.net"),
            Text(" over TLS."),
        ]),
        Block::Para(&[
            Text("4. "),
            Link("Enhanced Filtering for Connectors", "https://security.microsoft.com/skiplisting"),
            Text(" skips MailRoute's addresses, "),
            Literal("199.89.0.0/21"),
            Text(", on that inbound connector, with "),
            Label("Apply to the entire organization"),
            Text("."),
        ]),
        Block::Note(&[
            Text("MailRoute's support, at "),
            Link("support@mailroute.net", "mailto:support@mailroute.net"),
            Text(", can check the domain's set-up for you."),
        ]),
    ],
};

static START: Step = Step {
    id: "add-connector",
    title: "Add an outbound connector",
    body: &[
        Block::Para(&[
            Text("In the "),
            Label("Exchange admin center"),
            Text(", go to "),
            Label("Mail flow"),
            Text(" > "),
            Label("Connectors"),
            Text(" and click "),
            Label("Add a connector"),
            Text(". Choose "),
            Label("Connection from"),
            Text(" "),
            Label("Office 365"),
            Text(" and "),
            Label("Connection to"),
            Text(" "),
            Label("Partner organization"),
            Text(". Name it "),
            Value(Field::ConnectorName),
            Text(", keep "),
            Label("Turn it on"),
            Text(" selected and click "),
            Label("Next"),
            Text(": the wizard validates the connector before it creates it."),
        ]),
        Block::Shell(Command::Change),
        Block::File(files::CREATE),
    ],
};

static USE: Step = Step {
    id: "use-of-connector",
    title: "Use of connector: the mail this connector takes",
    body: &[Block::Para(&[
        Text("Choose "),
        Label("Only when email messages are sent to these domains"),
        Text(", enter "),
        Value(Field::AddressSpace),
        Text(", click + and then "),
        Label("Next"),
        Text("."),
    ])],
};

static ROUTING: Step = Step {
    id: "routing",
    title: "Routing: MailRoute's smarthost",
    body: &[Block::Para(&[
        Text("Choose "),
        Label("Route email through these smart hosts"),
        Text(", enter "),
        Value(Field::SmartHosts),
        Text(", click + and then "),
        Label("Next"),
        Text("."),
    ])],
};

static SECURITY: Step = Step {
    id: "security",
    title: "Security restrictions: TLS to MailRoute",
    body: &[
        Block::Para(&[
            Text("Select "),
            Label("Always use Transport Layer Security (TLS) to secure the connection"),
            Text(", then "),
            Label("Issued by a trusted certificate authority (CA)"),
            Text(", and have the subject name or subject alternative name match:"),
        ]),
        Block::Settings(&[("Domain name", Literal("*.mailroute.net"))]),
    ],
};

static VALIDATE: Step = Step {
    id: "validate",
    title: "Validate, then create the connector",
    body: &[
        Block::Para(&[
            Text("Under "),
            Label("Validation email"),
            Text(", add "),
            Literal("test@mailroute.net"),
            Text(" and click "),
            Label("Validate"),
            Text(". When the test succeeds, click "),
            Label("Next"),
            Text(" and "),
            Label("Create connector"),
            Text("."),
        ]),
        Block::Note(&[Text(
            "MailRoute accepts this test for that one address only; another address fails validation.",
        )]),
    ],
};
