//! The Exchange 2003 procedure as steps.
//!
//! Source: MailRoute's Exchange 2003 article (docs/facts.md §0) for the order and the
//! labels; docs/facts.md §5 for MailRoute's requirements.

use crate::domain::checklist::mailroute::{DKIM_DMARC, REGISTER, SPF, TEST};
use crate::domain::checklist::{Block, Inline, Step};
use crate::domain::files::exchange2003 as files;
use crate::domain::settings::{Connector, Field, Settings};

use Inline::{Label, Literal, Text, Value};

/// The steps for these settings, in order.
pub fn steps(settings: &Settings) -> Vec<&'static Step> {
    let new = settings.connector != Connector::Existing;
    let pick = |for_new: &'static Step, for_existing: &'static Step| if new { for_new } else { for_existing };
    let mut steps = vec![
        &REGISTER,
        &SPF,
        &DKIM_DMARC,
        &BACKUP,
        &OPEN_CONNECTORS,
        pick(&CREATE, &OPEN),
        pick(&NAME_NEW, &NAME_EXISTING),
        &SMART_HOST,
        pick(&BRIDGEHEAD_NEW, &BRIDGEHEAD_EXISTING),
        pick(&ADDRESS_SPACE_NEW, &ADDRESS_SPACE_EXISTING),
    ];
    if !new {
        steps.push(&OUTBOUND_EXISTING);
    }
    steps.extend([&SAVE, &RESTART, &TEST]);
    steps
}

/// ldifde exports directory objects to an LDIF file (docs/facts.md §1.5); the backup
/// file does it for every SMTP connector (src/domain/files/exchange2003.rs).
static BACKUP: Step = Step {
    id: "backup-connectors",
    title: "Back up the SMTP connectors",
    body: &[
        Block::Para(&[
            Text("Before changing anything, keep the connectors as they are: run the file below on this server. It exports every SMTP connector with "),
            Label("ldifde"),
            Text(" to a dated LDIF file, which the rollback puts back if something goes wrong. Without it, note each connector's smart host and address space from its properties."),
        ]),
        Block::Ask(Field::AdDomain),
        Block::File(files::BACKUP),
    ],
};

static OPEN_CONNECTORS: Step = Step {
    id: "open-connectors",
    title: "Open Exchange System Manager and look for a connector",
    body: &[
        Block::Para(&[
            Text("Start "),
            Label("Exchange System Manager"),
            Text(" and expand "),
            Label("Connectors"),
            Text(" (click the + beside it). Check whether an SMTP connector is listed."),
        ]),
        Block::Note(&[
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
};

const DIALOG_TABS: Block = Block::Note(&[
    Text("The properties dialog has eight tabs. A ninth, "),
    Label("Security"),
    Text(", shows only where it was turned on in the registry; nothing needs setting on it."),
]);

static CREATE: Step = Step {
    id: "create-connector",
    title: "Create the SMTP connector",
    body: &[
        Block::Para(&[
            Text("Right-click "),
            Label("Connectors"),
            Text(" and choose "),
            Label("New"),
            Text(" > "),
            Label("SMTP Connector..."),
            Text(". The connector's properties dialog opens."),
        ]),
        DIALOG_TABS,
        Block::File(files::CREATE),
    ],
};

static OPEN: Step = Step {
    id: "open-connector",
    title: "Open the existing SMTP connector",
    body: &[
        Block::Para(&[Text("Right-click the SMTP connector and choose "), Label("Properties"), Text(".")]),
        DIALOG_TABS,
        Block::File(files::UPDATE),
    ],
};

const NAME_TITLE: &str = "General tab: the connector's name";

static NAME_NEW: Step = Step {
    id: "general-name",
    title: NAME_TITLE,
    body: &[Block::Para(&[
        Text("On the "),
        Label("General"),
        Text(" tab, type in "),
        Label("Name"),
        Text(": "),
        Value(Field::ConnectorName),
    ])],
};

static NAME_EXISTING: Step = Step {
    id: "general-name",
    title: NAME_TITLE,
    body: &[Block::Para(&[
        Text("On the "),
        Label("General"),
        Text(" tab, the "),
        Label("Name"),
        Text(" stays as it is. Make sure the connector name in your values above matches it exactly: "),
        Value(Field::ConnectorName),
    ])],
};

static SMART_HOST: Step = Step {
    id: "general-smart-host",
    title: "General tab: forward all mail to MailRoute",
    body: &[Block::Para(&[
        Text("Select "),
        Label("Forward all mail through this connector to the following smart hosts"),
        Text(" and enter: "),
        Value(Field::SmartHosts),
    ])],
};

/// A connector set up for another relay may sign in to it or require TLS (the connector's
/// Advanced tab), and its bridgehead's virtual server sets the port (Exchange 2003 help,
/// docs/facts.md §2). The LDIF does not touch them: how the Advanced tab is stored is not
/// confirmed (§1.2).
static OUTBOUND_EXISTING: Step = Step {
    id: "advanced-outbound",
    title: "Advanced tab: outbound security",
    body: &[
        Block::Para(&[
            Text("On the "),
            Label("Advanced"),
            Text(" tab, click "),
            Label("Outbound Security..."),
            Text(", choose "),
            Label("Anonymous access"),
            Text(" and clear "),
            Label("TLS encryption"),
            Text(", as on a new connector."),
        ]),
        Block::Note(&[
            Text("The port is the bridgehead's SMTP virtual server's: in its properties, "),
            Label("Delivery"),
            Text(" > "),
            Label("Outbound connections..."),
            Text(", "),
            Label("TCP port"),
            Text(" must be 25."),
        ]),
    ],
};

const BRIDGEHEAD_TITLE: &str = "General tab: the bridgehead server";
const SINGLE_SERVER: Block =
    Block::Note(&[Text("In an organization with a single Exchange server, it is the only choice.")]);

static BRIDGEHEAD_NEW: Step = Step {
    id: "general-bridgehead",
    title: BRIDGEHEAD_TITLE,
    body: &[
        Block::Para(&[
            Text("In the bridgehead list, click "),
            Label("Add..."),
            Text(" and choose this server: "),
            Value(Field::Bridgehead),
        ]),
        Block::Ask(Field::Bridgehead),
        SINGLE_SERVER,
    ],
};

static BRIDGEHEAD_EXISTING: Step = Step {
    id: "general-bridgehead",
    title: BRIDGEHEAD_TITLE,
    body: &[
        Block::Para(&[
            Text("Check that this server is in the bridgehead list: "),
            Value(Field::Bridgehead),
            Text(". If it is not, click "),
            Label("Add..."),
            Text(" and choose it."),
        ]),
        Block::Ask(Field::Bridgehead),
        SINGLE_SERVER,
    ],
};

const ADDRESS_SPACE_TITLE: &str = "Address Space tab: the mail this connector takes";
/// The Internet Address Space Properties dialog (Exchange 2003 help; review m2).
const ADDRESS_SPACE_ROWS: Block =
    Block::Settings(&[("E-mail domain", Value(Field::AddressSpace)), ("Cost", Value(Field::Cost))]);
const SCOPE_AND_RELAY: Block = Block::Para(&[
    Text("Below the list, set "),
    Label("Connector scope"),
    Text(" to "),
    Inline::Scope,
    Text(", and leave "),
    Label("Allow messages to be relayed to these domains"),
    Text(" cleared."),
]);

static ADDRESS_SPACE_NEW: Step = Step {
    id: "address-space",
    title: ADDRESS_SPACE_TITLE,
    body: &[
        Block::Para(&[
            Text("Open the "),
            Label("Address Space"),
            Text(" tab, click "),
            Label("Add..."),
            Text(", select "),
            Label("SMTP"),
            Text(" and click "),
            Label("OK"),
            Text(". In "),
            Label("Internet Address Space Properties"),
            Text(", enter:"),
        ]),
        ADDRESS_SPACE_ROWS,
        SCOPE_AND_RELAY,
    ],
};

static ADDRESS_SPACE_EXISTING: Step = Step {
    id: "address-space",
    title: ADDRESS_SPACE_TITLE,
    body: &[
        Block::Para(&[
            Text("Open the "),
            Label("Address Space"),
            Text(" tab. If an SMTP address space is listed, select it, click "),
            Label("Modify..."),
            Text(" and check it against the values below; otherwise click "),
            Label("Add..."),
            Text(", select "),
            Label("SMTP"),
            Text(" and enter them:"),
        ]),
        ADDRESS_SPACE_ROWS,
        SCOPE_AND_RELAY,
    ],
};

static SAVE: Step = Step {
    id: "save-connector",
    title: "Save and close",
    body: &[Block::Para(&[
        Text("Click "),
        Label("OK"),
        Text(" to save the connector, then close Exchange System Manager."),
    ])],
};

static RESTART: Step = Step {
    id: "restart-services",
    title: "Restart the routing and SMTP services",
    body: &[
        // The seed says "Transport"; Windows names the service "Simple Mail Transfer
        // Protocol (SMTP)" (docs/facts.md §0); short names from §2.
        Block::Para(&[Text("Exchange uses the new route once these services have restarted, in "), Label("Services"), Text(":")]),
        Block::Settings(&[
            ("Microsoft Exchange Routing Engine", Literal("RESvc")),
            ("Simple Mail Transfer Protocol (SMTP)", Literal("SMTPSVC")),
        ]),
        Block::Note(&[Text("Restarting the whole server has the same effect, if that is easier. Either file below restarts them; the PowerShell one also tests the connection to MailRoute.")]),
        Block::File(files::RESTART_PS1),
        Block::File(files::RESTART_CMD),
    ],
};
