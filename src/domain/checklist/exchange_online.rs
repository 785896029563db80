//! Exchange Online: an outbound connector to MailRoute, made in the Exchange admin center.
//!
//! Source: MailRoute's Microsoft 365 article (the wizard's labels, the TLS name and the
//! validation address), facts/exchange.md §4 and §5.

use crate::domain::checklist::mailroute::{DKIM_DMARC, SPF, TEST};
use crate::domain::checklist::Inline::{Label, Literal, Text, Value};
use crate::domain::checklist::{Block, Step};
use crate::domain::settings::Field;

/// MailRoute recognises Microsoft 365 by itself, so there is no server to register
/// (facts/exchange.md §5).
pub fn steps() -> Vec<&'static Step> {
    vec![&SPF, &DKIM_DMARC, &START, &USE, &ROUTING, &SECURITY, &VALIDATE, &TEST]
}

static START: Step = Step {
    id: "add-connector",
    title: "Add an outbound connector",
    body: &[
        Block::Note(&[Text("MailRoute recognises mail from Microsoft 365 by itself: there is no outbound server to register in its control panel.")]),
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
            Text("."),
        ]),
        Block::Shell,
    ],
};

static USE: Step = Step {
    id: "use-of-connector",
    title: "Use of connector: all outgoing mail",
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
