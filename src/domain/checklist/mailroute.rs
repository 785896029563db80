//! MailRoute's own requirements, the same on every platform (docs/facts.md §5;
//! MailRoute's SPF, DKIM and DMARC articles in shared/reference/mailroute/).

use crate::domain::checklist::Inline::{Label, Link, Literal, Text};
use crate::domain::checklist::{Block, Step};

/// MailRoute's articles on what every sender publishes in DNS.
pub const SPF_ARTICLE: &str = "https://support.mailroute.net/hc/en-us/articles/360021568194-Setting-Your-SPF";
pub const DKIM_ARTICLE: &str = "https://support.mailroute.net/hc/en-us/articles/115009100687-Implementing-DKIM";
pub const DMARC_ARTICLE: &str =
    "https://support.mailroute.net/hc/en-us/articles/360062946093-Implementing-DMARC-for-the-MailRoute-Outbound-SmartHost-Service";

pub static REGISTER: Step = Step {
    id: "register-ip",
    title: "Register your sending servers with MailRoute",
    body: &[Block::Para(&[
        Text("MailRoute relays mail only from IP addresses it knows, so the server needs a static public IP address. In MailRoute's control panel, open "),
        Label("Delivery"),
        Text(" > "),
        Label("Outbound Servers"),
        Text(" and add the public IP address of each Exchange server that sends mail out."),
    ])],
};

pub static SPF: Step = Step {
    id: "spf-record",
    title: "Let MailRoute send for your domain (SPF)",
    body: &[
        Block::Para(&[
            Text("Receiving servers check the domain's SPF record, a DNS TXT record, to see who may send its mail. It must name MailRoute's servers with "),
            Literal("include:spf.mailroute.net"),
            Text(", placed before the record's final "),
            Label("all"),
            Text(" term. Change it at your DNS host before mail starts to leave through MailRoute; MailRoute's "),
            Link("SPF article", SPF_ARTICLE),
            Text(" has the details."),
        ]),
        Block::SpfHelper,
    ],
};

pub static DKIM_DMARC: Step = Step {
    id: "dkim-dmarc",
    title: "Sign your mail (DKIM) and publish a policy (DMARC)",
    body: &[
        Block::Para(&[Text("MailRoute signs outgoing mail with DKIM. At your DNS host, add three CNAME records to each domain you send from:")]),
        Block::Settings(&[
            ("mr01._domainkey", Literal("mr01.dkim.mailroute.net")),
            ("mr02._domainkey", Literal("mr02.dkim.mailroute.net")),
            ("mr03._domainkey", Literal("mr03.dkim.mailroute.net")),
        ]),
        Block::Para(&[
            Text("Once SPF and DKIM are in place, a DMARC record tells receivers what to do with mail that fails them: a TXT record named "),
            Literal("_dmarc"),
            Text(". Start by watching, which changes nothing for delivery: "),
            Literal("v=DMARC1; p=none; rua=mailto:"),
            Text(" followed by a mailbox of yours that collects the receivers' reports."),
        ]),
        Block::Para(&[
            // Values for later, not to copy now: plain text keeps the step's keyboard path short.
            Text("Once the reports show every sender of your domain passing, tighten it to p=quarantine and then to p=reject, the goal that MailRoute's "),
            Link("DMARC article", DMARC_ARTICLE),
            Text(" sets. See also its "),
            Link("DKIM article", DKIM_ARTICLE),
            Text("."),
        ]),
    ],
};

pub static TEST: Step = Step {
    id: "test-mail",
    title: "Send a test message",
    body: &[
        Block::Para(&[
            Text("From a mailbox in your organization, send a message to an address outside it whose mail MailRoute does not filter, such as a Gmail or Outlook.com mailbox, and check that it arrives. Then open the message's full header there (Gmail: "),
            Label("Show original"),
            Text("; Outlook: "),
            Label("View message source"),
            Text(") and paste it below: its "),
            Label("Received"),
            Text(" fields show whether it left through MailRoute. If the message bounced or sits in a queue, paste the error instead."),
        ]),
        Block::TestCheck,
    ],
};
