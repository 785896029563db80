//! The Exchange 2003 procedure as steps, with the admin's values bound in.
//!
//! Source: MailRoute's Exchange 2003 article (facts/exchange.md §0) for the order and the
//! labels; facts/exchange.md §5 for MailRoute's outbound server registration.

use crate::domain::settings::{Connector, Field, Settings};
use crate::domain::validate::{usable, Unusable};

/// One piece of a step's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    /// A label exactly as it appears on screen in Windows or MailRoute's control panel.
    Label(&'static str),
    /// A fixed value the admin types or picks, shown so it can be copied.
    Literal(&'static str),
    /// One of the admin's own values, or why it cannot be shown yet.
    Value {
        field: Field,
        value: Result<String, Unusable>,
    },
}

/// A block of a step's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(Vec<Inline>),
    /// Settings to make in a dialog: each row is a label and what to set it to.
    Settings(Vec<(&'static str, Inline)>),
    /// A remark that is not an instruction.
    Note(Vec<Inline>),
    /// Where the admin says whether an SMTP connector exists already.
    ConnectorQuestion,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable across releases: progress is saved under it.
    pub id: &'static str,
    pub title: &'static str,
    pub body: Vec<Block>,
}

use Inline::{Label, Literal, Text};

/// The steps for these settings, in order.
pub fn steps(settings: &Settings) -> Vec<Step> {
    let value = |field: Field| Inline::Value {
        field,
        value: usable(settings, field),
    };
    let new = settings.connector == Connector::New;
    let dialog_tabs = Block::Note(vec![
        Text("The properties dialog has eight tabs. A ninth, "),
        Label("Security"),
        Text(", shows only where it was turned on in the registry; nothing needs setting on it."),
    ]);
    vec![
        Step {
            id: "register-ip",
            title: "Register this server with MailRoute",
            body: vec![
                Block::Para(vec![
                    Text("MailRoute relays mail only from IP addresses it knows, so the server needs a static public IP address. In MailRoute's control panel, open "),
                    Label("Delivery"),
                    Text(" > "),
                    Label("Outbound Servers"),
                    Text(" and add the public IP address that this Exchange server sends from."),
                ]),
            ],
        },
        Step {
            id: "open-connectors",
            title: "Open Exchange System Manager and look for a connector",
            body: vec![
                Block::Para(vec![
                    Text("Start "),
                    Label("Exchange System Manager"),
                    Text(" and expand "),
                    Label("Connectors"),
                    Text(" (click the + beside it). Check whether an SMTP connector is listed."),
                ]),
                Block::Note(vec![
                    Text("Where administrative and routing groups are displayed, "),
                    Label("Connectors"),
                    Text(" sits under the routing group: "),
                    Label("Administrative Groups"),
                    Text(" > your group > "),
                    Label("Routing Groups"),
                    Text(" > your routing group."),
                ]),
                Block::ConnectorQuestion,
            ],
        },
        if new {
            Step {
                id: "create-connector",
                title: "Create the SMTP connector",
                body: vec![
                    Block::Para(vec![
                        Text("Right-click "),
                        Label("Connectors"),
                        Text(" and choose "),
                        Label("New"),
                        Text(" > "),
                        Label("SMTP Connector..."),
                        Text(". The connector's properties dialog opens."),
                    ]),
                    dialog_tabs,
                ],
            }
        } else {
            Step {
                id: "open-connector",
                title: "Open the existing SMTP connector",
                body: vec![
                    Block::Para(vec![
                        Text("Right-click the SMTP connector and choose "),
                        Label("Properties"),
                        Text("."),
                    ]),
                    dialog_tabs,
                ],
            }
        },
        Step {
            id: "general-name",
            title: "General tab: the connector's name",
            body: vec![if new {
                Block::Para(vec![Text("On the "), Label("General"), Text(" tab, type in "), Label("Name"), Text(": "), value(Field::ConnectorName)])
            } else {
                Block::Para(vec![
                    Text("On the "),
                    Label("General"),
                    Text(" tab, the "),
                    Label("Name"),
                    Text(" stays as it is. Make sure the connector name in your values above matches it exactly: "),
                    value(Field::ConnectorName),
                ])
            }],
        },
        Step {
            id: "general-smart-host",
            title: "General tab: forward all mail to MailRoute",
            body: vec![Block::Para(vec![
                Text("Select "),
                Label("Forward all mail through this connector to the following smart hosts"),
                Text(" and enter: "),
                value(Field::SmartHosts),
            ])],
        },
        Step {
            id: "general-bridgehead",
            title: "General tab: the bridgehead server",
            body: vec![
                Block::Para(if new {
                    vec![Text("In the bridgehead list, click "), Label("Add..."), Text(" and choose this server: "), value(Field::Bridgehead)]
                } else {
                    vec![
                        Text("Check that this server is in the bridgehead list: "),
                        value(Field::Bridgehead),
                        Text(". If it is not, click "),
                        Label("Add..."),
                        Text(" and choose it."),
                    ]
                }),
                Block::Note(vec![Text("In an organization with a single Exchange server, it is the only choice.")]),
            ],
        },
        Step {
            id: "address-space",
            title: "Address Space tab: the mail this connector takes",
            body: vec![
                Block::Para(if new {
                    vec![Text("Open the "), Label("Address Space"), Text(" tab, click "), Label("Add..."), Text(" and enter:")]
                } else {
                    vec![
                        Text("Open the "),
                        Label("Address Space"),
                        Text(" tab. If an SMTP address space is listed, open it and check it against the values below; otherwise click "),
                        Label("Add..."),
                        Text(" and enter them:"),
                    ]
                }),
                Block::Settings(vec![
                    ("Type", Literal("SMTP")),
                    ("Email domain", value(Field::AddressSpace)),
                    ("Cost", value(Field::Cost)),
                ]),
                Block::Para(vec![
                    Text("Below the list, set "),
                    Label("Connector scope"),
                    Text(" to "),
                    Label(settings.scope.label()),
                    Text(", and leave "),
                    Label("Allow messages to be relayed to these domains"),
                    Text(" cleared."),
                ]),
            ],
        },
        Step {
            id: "save-connector",
            title: "Save and close",
            body: vec![Block::Para(vec![
                Text("Click "),
                Label("OK"),
                Text(" to save the connector, then close Exchange System Manager."),
            ])],
        },
        Step {
            id: "restart-services",
            title: "Restart the routing and SMTP services",
            body: vec![
                // The seed says "Transport"; Windows names the service "Simple Mail Transfer
                // Protocol (SMTP)" (facts/exchange.md §0); short names from §2.
                Block::Para(vec![Text("Exchange uses the new route once these services have restarted, in "), Label("Services"), Text(":")]),
                Block::Settings(vec![
                    ("Microsoft Exchange Routing Engine", Literal("RESvc")),
                    ("Simple Mail Transfer Protocol (SMTP)", Literal("SMTPSVC")),
                ]),
                Block::Note(vec![Text("Restarting the whole server has the same effect, if that is easier.")]),
            ],
        },
        Step {
            id: "test-mail",
            title: "Send a test message",
            body: vec![Block::Para(vec![
                Text("From a mailbox on this server, send a message to an address outside your organization and check that it arrives. Its "),
                Label("Received"),
                Text(" headers show that it passed through MailRoute."),
            ])],
        },
    ]
}
