//! Exchange 2007 to Subscription Edition: a send connector that routes all mail through
//! MailRoute's smarthost.
//!
//! Sources: MailRoute's 2007/2010 article (the Exchange Management Console path) and its
//! 2013, 2016 and 2019 articles (the Exchange admin center path), docs/facts.md §3.3 for
//! the wizard's labels, and §3.4 for what to check afterwards. MailRoute's 2007/2010 article
//! says the change needs no restart; its 2016 article says a restart of the transport
//! service may be needed (review M4), so the last step says what is true for each console.

use crate::domain::checklist::mailroute::{DKIM_DMARC, REGISTER, SPF, TEST};
use crate::domain::checklist::Inline::{Label, Literal, Scope, SourceRole, Text, Value};
use crate::domain::checklist::{Block, Step};
use crate::domain::files::{send_connector as files, Command};
use crate::domain::platform::Platform;
use crate::domain::settings::{Connector, Field, Settings};

pub fn steps(settings: &Settings) -> Vec<&'static Step> {
    let new = settings.connector != Connector::Existing;
    let steps: [&'static Step; 5] = match (settings.platform.has_console(), new) {
        (true, true) => [&CONSOLE_OPEN, &CONSOLE_CREATE, &CONSOLE_ADDRESS_SPACE, &CONSOLE_NETWORK, &CONSOLE_SOURCE],
        (true, false) => [
            &CONSOLE_OPEN,
            &CONSOLE_PROPERTIES,
            &CONSOLE_NETWORK_EXISTING,
            &CONSOLE_ADDRESS_SPACE_EXISTING,
            &CONSOLE_SAVE,
        ],
        (false, true) => [&CENTER_OPEN, &CENTER_CREATE, &CENTER_NETWORK, &CENTER_ADDRESS_SPACE, &CENTER_SOURCE],
        (false, false) => [&CENTER_OPEN, &CENTER_EDIT, &CENTER_DELIVERY, &CENTER_SCOPING, &CENTER_SAVE],
    };
    let mut all = vec![&REGISTER, &SPF, &DKIM_DMARC, &BACKUP];
    all.extend(steps);
    all.extend([if settings.platform.has_console() { &CHECK_CONSOLE } else { &CHECK_CENTER }, &TEST]);
    all
}

const SHELL: Block = Block::Shell(Command::Change);

/// Export-Clixml keeps the connectors' settings as the shell reads them, in the file the
/// scripts use (src/domain/files/send_connector.rs; tests/review.rs checks the name).
pub const BACKUP_COMMAND: &str = "Get-SendConnector | Export-Clixml -Path .\\send-connectors-before-mailroute.xml";

static BACKUP: Step = Step {
    id: "backup-connectors",
    title: "Back up the send connectors",
    body: &[
        Block::Para(&[
            Text("Before changing anything, keep the send connectors' settings as they are. In the "),
            Label("Exchange Management Shell"),
            Text(", run:"),
        ]),
        Block::Settings(&[("Backup", Literal(BACKUP_COMMAND))]),
        Block::Note(&[Text("Run it in the folder where you will keep the scripts: the rollback script reads this file there. The script below keeps it rather than write its own, and makes the whole change after it, for admins who would rather run a script than click through the console.")]),
        Block::File(files::CONFIGURE),
    ],
};

static CONSOLE_OPEN: Step = Step {
    id: "open-send-connectors",
    title: "Open the send connectors",
    body: &[
        Block::Para(&[
            Text("In the "),
            Label("Exchange Management Console"),
            Text(", expand "),
            Label("Organization Configuration"),
            Text(", select "),
            Label("Hub Transport"),
            Text(" and open the "),
            Label("Send Connectors"),
            Text(" tab. Most servers that already send mail to the internet have a send connector for it."),
        ]),
        Block::Note(&[Text("With an Edge Transport server, internet mail leaves through EdgeSync's send connector, from the Edge's address: answer Yes and change that connector here. A new connector sends from the Hub Transport servers instead: register their address.")]),
        Block::ConnectorQuestion,
    ],
};

static CONSOLE_CREATE: Step = Step {
    id: "create-send-connector",
    title: "Start a new send connector",
    body: &[
        Block::Para(&[
            Text("Right-click "),
            Label("Send Connectors"),
            Text(" and choose "),
            Label("New Send Connector"),
            Text(". Name it "),
            Value(Field::ConnectorName),
            Text(", set the intended use to "),
            Label("Custom"),
            Text(" and click "),
            Label("Next"),
            Text("."),
        ]),
        SHELL,
    ],
};

/// The Exchange admin center's "add domain" dialog (MailRoute's 2013 and 2016 articles).
const ADDRESS_SPACE_ROWS: Block = Block::Settings(&[
    ("Type", Literal("SMTP")),
    ("Fully Qualified Domain Name (FQDN)", Value(Field::AddressSpace)),
    ("Cost", Value(Field::Cost)),
]);

/// The console's SMTP address space dialog has no type field; its domain field is labelled
/// Domain on 2007 before Service Pack 1, and reportedly Address later (unconfirmed).
const CONSOLE_ADDRESS_SPACE_ROWS: Block =
    Block::Settings(&[("Domain, or Address", Value(Field::AddressSpace)), ("Cost", Value(Field::Cost))]);

const SCOPE_ROW: Block = Block::Para(&[Text("Connector scope: "), Scope, Text(".")]);

static CONSOLE_ADDRESS_SPACE: Step = Step {
    id: "address-space",
    title: "Address space: the mail this connector takes",
    body: &[
        Block::Para(&[Text("Click "), Label("Add"), Text(" (on later releases, choose "), Label("SMTP Address Space"), Text(") and enter:")]),
        CONSOLE_ADDRESS_SPACE_ROWS,
        SCOPE_ROW,
        Block::NoteFor(
            Platform::Exchange2007,
            &[Text("Exchange 2007 before Service Pack 1 has no scope check box; the script below scopes the connector with its address space instead.")],
        ),
    ],
};

static CONSOLE_NETWORK: Step = Step {
    id: "network-settings",
    title: "Network settings: route through MailRoute",
    body: &[Block::Para(&[
        Text("Select "),
        Label("Route mail through the following smart hosts"),
        Text(", click "),
        Label("Add"),
        Text(", choose "),
        Label("Fully qualified domain name (FQDN)"),
        Text(" and enter "),
        Value(Field::SmartHosts),
        Text(". On the next page, "),
        Label("Configure smart host authentication settings"),
        Text(", choose "),
        Label("None"),
        Text(": MailRoute knows your server by its IP address."),
    ])],
};

static CONSOLE_SOURCE: Step = Step {
    id: "source-servers",
    title: "Source servers, then create it",
    body: &[
        Block::Para(&[
            Text("Add the "),
            SourceRole,
            Text(" servers that send mail out: "),
            Value(Field::SourceServers),
            Text(". Click "),
            Label("Next"),
            Text(", then "),
            Label("New"),
            Text(" and "),
            Label("Finish"),
            Text("."),
        ]),
        Block::Ask(Field::SourceServers),
    ],
};

static CONSOLE_PROPERTIES: Step = Step {
    id: "open-send-connector",
    title: "Open the existing send connector",
    body: &[
        Block::Para(&[
            Text("Right-click the send connector named "),
            Value(Field::ConnectorName),
            Text(" and choose "),
            Label("Properties"),
            Text("."),
        ]),
        SHELL,
    ],
};

static CONSOLE_NETWORK_EXISTING: Step = Step {
    id: "network-settings",
    title: "Network tab: route through MailRoute",
    body: &[
        Block::Para(&[
            Text("On the "),
            Label("Network"),
            Text(" tab, select "),
            Label("Route mail through the following smart hosts"),
            Text(", click "),
            Label("Add"),
            Text(", choose "),
            Label("Fully qualified domain name (FQDN)"),
            Text(" and enter "),
            Value(Field::SmartHosts),
            Text(". Remove any other smart host from the list."),
        ]),
        Block::Para(&[Text("Set the smart host authentication to "), Label("None"), Text(".")]),
        PORT_AND_TLS,
    ],
};

/// A connector set up for another relay can keep its port and TLS settings, which the
/// shell sets (review N2).
const PORT_AND_TLS: Block = Block::Note(&[
    Text("The port must be 25, and no TLS setting may name the old relay: the shell command above sets both. To see them: "),
    Literal("Get-SendConnector | Format-List Name,Port,RequireTLS,TlsAuthLevel,TlsDomain"),
]);

static CONSOLE_ADDRESS_SPACE_EXISTING: Step = Step {
    id: "address-space",
    title: "Address Space tab: check it",
    body: &[
        Block::Para(&[
            Text("On the "),
            Label("Address Space"),
            Text(" tab, check that the connector takes the mail you want to send through MailRoute:"),
        ]),
        CONSOLE_ADDRESS_SPACE_ROWS,
    ],
};

static CONSOLE_SAVE: Step = Step {
    id: "save-connector",
    title: "Save the connector",
    body: &[Block::Para(&[Text("Click "), Label("OK"), Text(".")])],
};

static CENTER_OPEN: Step = Step {
    id: "open-send-connectors",
    title: "Open the send connectors",
    body: &[
        Block::Para(&[
            Text("In the "),
            Label("Exchange admin center"),
            Text(", go to "),
            Label("Mail flow"),
            Text(" > "),
            Label("Send connectors"),
            Text(". Most servers that already send mail to the internet have a send connector for it."),
        ]),
        Block::Note(&[Text("With an Edge Transport server subscribed to the organization, internet mail leaves through the send connector that EdgeSync made: change that one, from the Mailbox server's side, and register the Edge server's public IP address with MailRoute.")]),
        Block::ConnectorQuestion,
    ],
};

static CENTER_CREATE: Step = Step {
    id: "create-send-connector",
    title: "Start a new send connector",
    body: &[
        Block::Para(&[
            Text("Click "),
            Label("Add"),
            Text(" (+). Name the connector "),
            Value(Field::ConnectorName),
            Text(", set "),
            Label("Type"),
            Text(" to "),
            Label("Custom"),
            Text(" and click "),
            Label("Next"),
            Text("."),
        ]),
        SHELL,
    ],
};

static CENTER_NETWORK: Step = Step {
    id: "network-settings",
    title: "Network settings: route through MailRoute",
    body: &[Block::Para(&[
        Text("Choose "),
        Label("Route mail through smart hosts"),
        Text(", click "),
        Label("Add"),
        Text(" (+) and enter "),
        Value(Field::SmartHosts),
        Text(", then "),
        Label("Save"),
        Text(". Set "),
        Label("Smart host authentication"),
        Text(" to "),
        Label("None"),
        Text(" and click "),
        Label("Next"),
        Text("."),
    ])],
};

static CENTER_ADDRESS_SPACE: Step = Step {
    id: "address-space",
    title: "Address space: the mail this connector takes",
    body: &[
        Block::Para(&[Text("Under "), Label("Address space"), Text(", click "), Label("Add"), Text(" (+) and enter:")]),
        ADDRESS_SPACE_ROWS,
        Block::Para(&[
            Text("Click "),
            Label("Save"),
            Text(". Leave "),
            Label("Scoped send connector"),
            Text(" cleared, or select it to keep the connector to its Active Directory site: "),
            Scope,
            Text(". Click "),
            Label("Next"),
            Text("."),
        ]),
    ],
};

static CENTER_SOURCE: Step = Step {
    id: "source-servers",
    title: "Source servers, then create it",
    body: &[
        Block::Para(&[
            Text("Under "),
            Label("Source server"),
            Text(", click "),
            Label("Add"),
            Text(" (+) and add the "),
            SourceRole,
            Text(" servers that send mail out: "),
            Value(Field::SourceServers),
            Text(". Click "),
            Label("OK"),
            Text(", then "),
            Label("Finish"),
            Text("."),
        ]),
        Block::Ask(Field::SourceServers),
    ],
};

static CENTER_EDIT: Step = Step {
    id: "open-send-connector",
    title: "Open the existing send connector",
    body: &[
        Block::Para(&[
            Text("Select the send connector named "),
            Value(Field::ConnectorName),
            Text(" and click "),
            Label("Edit"),
            Text(" (the pencil)."),
        ]),
        SHELL,
    ],
};

static CENTER_DELIVERY: Step = Step {
    id: "network-settings",
    title: "Delivery: route through MailRoute",
    body: &[
        Block::Para(&[
            Text("Under "),
            Label("Delivery"),
            Text(", choose "),
            Label("Route mail through smart hosts"),
            Text(", add "),
            Value(Field::SmartHosts),
            Text(" and remove any other smart host. Set "),
            Label("Smart host authentication"),
            Text(" to "),
            Label("None"),
            Text("."),
        ]),
        PORT_AND_TLS,
    ],
};

static CENTER_SCOPING: Step = Step {
    id: "address-space",
    title: "Scoping: check the address space",
    body: &[
        Block::Para(&[
            Text("Under "),
            Label("Scoping"),
            Text(", check that the connector takes the mail you want to send through MailRoute:"),
        ]),
        ADDRESS_SPACE_ROWS,
    ],
};

static CENTER_SAVE: Step = Step {
    id: "save-connector",
    title: "Save the connector",
    body: &[Block::Para(&[Text("Click "), Label("Save"), Text(".")])],
};

const CHECK_COMMANDS: Block = Block::Settings(&[
    (
        "The connector",
        Literal(
            "Get-SendConnector | Format-List Name,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,Port,RequireTLS",
        ),
    ),
    ("The queues", Literal("Get-Queue")),
]);

static CHECK_CONSOLE: Step = Step {
    id: "check-queues",
    title: "Check the connector and the queues",
    body: &[
        Block::Para(&[Text("Exchange uses the changed connector without a restart. In the Exchange Management Shell, check it and watch the queues empty:")]),
        CHECK_COMMANDS,
    ],
};

static CHECK_CENTER: Step = Step {
    id: "check-queues",
    title: "Check the connector and the queues",
    body: &[
        Block::Para(&[
            Text("Exchange normally uses the change within a few minutes, once Active Directory has replicated it. In the Exchange Management Shell, check the connector and watch the queues empty:"),
        ]),
        CHECK_COMMANDS,
        Block::Note(&[
            Text("If mail still leaves directly after that, restart the "),
            Label("Microsoft Exchange Transport"),
            Text(" service on the source servers."),
        ]),
    ],
};
