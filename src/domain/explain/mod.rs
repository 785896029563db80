//! The error explainer: the admin pastes a bounce (NDR), a queue's last error or an SMTP
//! reply, and reads what went wrong, whose problem it is, and the step that fixes it.
//!
//! What was pasted is read for its structure first (bounce.rs): the diagnostic is taken from
//! where its format puts it, and only that is read. A cause is named only on its whole status
//! code (class, subject and detail) or on a phrase in the diagnostic; otherwise the error is
//! "not recognised", with what its code means. Causes are said for the admin's platform, and
//! each refusal is put at the door of whoever refused: MailRoute, Microsoft, Exchange itself,
//! or the recipient's side, which this change does not touch.
//!
//! Codes: RFC 3463 and RFC 7372; Exchange Online's own (4.4.315 to 4.4.318, 5.2.2 submission
//! quota, 5.4.1 recipient rejected, 5.7.64, 5.7.509) and Exchange's 5.7.54, from Microsoft's
//! "Email non-delivery reports and SMTP errors in Exchange Online" and "Mail flow
//! intelligence" (docs/facts.md §4, §6).

pub mod bounce;
pub mod status;

use crate::domain::checklist::{step_for, Topic};
use crate::domain::platform::Family;
use crate::domain::report::{Level, Report};
use bounce::Diagnostic;
use status::Status;

/// One error admins meet: what shows it, whose it is, its cause on each platform.
struct Known {
    /// Whole status codes: class (None for either), subject, detail.
    codes: &'static [(Option<u8>, u16, u16)],
    /// Phrases, in lower case, that count only in the diagnostic's lines.
    phrases: &'static [&'static str],
    /// Only when the diagnostic names MailRoute (`mailroute.net`), or only when it does not.
    mailroute: Option<bool>,
    /// Someone else's problem (the recipient's side, Microsoft's or Exchange's own refusal),
    /// not this change's: said as a warning.
    theirs: bool,
    /// The cause on Exchange 2007 to SE, and on the others unless said below.
    cause: &'static str,
    online: Option<&'static str>,
    exchange2003: Option<&'static str>,
    topic: Option<Topic>,
}

const fn known(
    codes: &'static [(Option<u8>, u16, u16)],
    phrases: &'static [&'static str],
    cause: &'static str,
) -> Known {
    Known { codes, phrases, mailroute: None, theirs: false, cause, online: None, exchange2003: None, topic: None }
}

const RELAY_PHRASES: &[&str] = &[
    "relay access denied",
    "relaying denied",
    "relay denied",
    "unable to relay",
    "relay not permitted",
    "not permitted to relay",
    "relaying not allowed",
    "relay not allowed",
    "we do not relay",
    "no relaying",
    "not configured to relay",
];
const LOOKUP_PHRASES: &[&str] = &[
    "host or domain name not found",
    "host unknown",
    "domain does not exist",
    "couldn't find any host named",
    "could not find any host named",
    "name or service not known",
    "no mx record",
    "domain not found",
];

/// Most specific first: the first that matches explains the error.
const KNOWN: &[Known] = &[
    // MailRoute's quota reply, "Policy Rejection- Quota Exceeded" (docs/facts.md §5).
    Known {
        mailroute: Some(true),
        ..known(
            &[],
            &["policy rejection- quota exceeded", "policy rejection - quota exceeded"],
            "The sending mailbox went over MailRoute's outbound quota: 2,000 messages or 2,000 recipients an hour, or 1 GB. If the mail is legitimate, ask support@mailroute.net to raise it; if not, the mailbox may be compromised.",
        )
    },
    // Exchange Online's own sending limit (5.2.2 "Submission quota exceeded").
    Known {
        theirs: true,
        ..known(
            &[],
            &["submission quota exceeded"],
            "Microsoft 365 refused the message: the sending mailbox went over Microsoft's own sending limits. This is not MailRoute's quota and not caused by this change; the mailbox can send again once the limit resets, or see Microsoft's sending limits.",
        )
    },
    // The recipient's mailbox is full (X.2.2).
    Known {
        theirs: true,
        ..known(
            &[(None, 2, 2)],
            &["mailbox full", "mailbox is full", "over quota", "quota exceeded", "storage quota", "disk quota", "insufficient storage", "mailbox size limit"],
            "The recipient's mailbox is full. This is on the recipient's side and not caused by this change: the message went out; the recipient must make room, and a later message will arrive.",
        )
    },
    // The smart host's own name does not resolve: Exchange's SMTPSEND.DNS.NonExistentDomain,
    // or any lookup failure that names MailRoute.
    Known {
        topic: Some(Topic::SmartHost),
        ..known(
            &[],
            &[
                "nonexistentdomain",
                "dns query failed",
                "name service error for name=outbound.mailroute.net",
                "outbound.mailroute.net: host",
                "host named outbound.mailroute.net",
            ],
            "The smart host's name could not be looked up. Check its spelling on the connector: outbound.mailroute.net. If the spelling is right, the server's DNS cannot resolve outside names.",
        )
    },
    // The recipient's domain does not exist (X.1.2; Exchange Online's 5.4.310).
    Known {
        theirs: true,
        ..known(
            &[(Some(5), 1, 2), (None, 4, 310)],
            LOOKUP_PHRASES,
            "The recipient's domain does not exist, or has no mail server in DNS. This is not caused by this change: check the spelling of the address after the @.",
        )
    },
    // The recipient's address does not exist (X.1.1; Exchange Online's 5.4.1 "Recipient
    // address rejected: Access denied", its directory-based blocking). A refusal in
    // MailRoute's own name is not the recipient's: it relays, and knows no mailboxes.
    Known {
        theirs: true,
        mailroute: Some(false),
        ..known(
            &[(Some(5), 1, 1)],
            &[
                "user unknown",
                "unknown user",
                "no such user",
                "recipient not found",
                "recipient address rejected: access denied",
                "invalid recipient",
                "no mailbox here by that name",
                "address not found",
                "does not exist",
            ],
            "The recipient's address does not exist on the receiving side. This is not caused by this change: the message reached the recipient's servers, which refused the address. Check its spelling.",
        )
    },
    // MailRoute refuses to relay for addresses it does not know (docs/facts.md §5).
    Known {
        mailroute: Some(true),
        topic: Some(Topic::Registration),
        online: Some("MailRoute refused to relay for Microsoft 365: it relays only for domains set up in its control panel, whose inbound server is your *.mail.protection.outlook.com host with server type Office 365 and whose MX points to MailRoute. Check the domain's set-up there."),
        ..known(
            &[],
            RELAY_PHRASES,
            "MailRoute refused to relay: it relays only from the public IP addresses registered under Outbound Servers. Register the address your sending servers use; behind NAT that is the firewall's public address.",
        )
    },
    // Exchange's own refusals: 5.7.54 on premises, for an application relaying through an
    // Exchange receive connector; Exchange Online's 5.7.64 (TenantAttribution).
    Known {
        theirs: true,
        ..known(
            &[(Some(5), 7, 54), (Some(5), 7, 64)],
            &["non-accepted domain", "tenantattribution"],
            "Exchange itself refused to relay, not MailRoute: a device or application sent through Exchange without being allowed to relay to outside domains (5.7.54 on your servers, 5.7.64 in Exchange Online). This is the receive side of Exchange, not this change.",
        )
    },
    // A relay refusal from a server the text does not name as MailRoute's.
    Known {
        mailroute: Some(false),
        ..known(
            &[],
            RELAY_PHRASES,
            "A server refused to relay, and the text does not say it is MailRoute's. If the refusal came from a mailroute.net server, register your sending servers' public IP address with MailRoute; if it came from another server, that server is not the smart host: check the connector's smart host.",
        )
    },
    // TLS: Exchange Online's 4.4.317, STARTTLS refusals, certificate checks.
    Known {
        topic: Some(Topic::SmartHost),
        online: Some("Exchange Online and MailRoute's server could not agree on an encrypted connection: the connector's TLS settings must name *.mailroute.net as the certificate domain (DomainValidation)."),
        exchange2003: Some("The two servers could not agree on an encrypted connection. Windows Server 2003 offers TLS 1.0 at most; if the connector requires TLS (its Advanced tab, Outbound Security, TLS encryption), clear it so that the connector sends as MailRoute's articles set it up."),
        ..known(
            &[(Some(4), 4, 317), (None, 7, 10)],
            &["starttls command first", "must issue a starttls", "tls negotiation", "tlsnegotiation", "tls handshake", "handshake failed", "certificate verify failed", "certificate has expired", "subjectmismatch", "tls is required", "tls required"],
            "The two servers could not agree on an encrypted connection. Check that the connector's TLS settings name no other relay (TlsDomain empty, or *.mailroute.net) and that Windows offers TLS 1.2.",
        )
    },
    // Connection refused or timed out: Winsock 10061 and 10060, Exchange's 4.4.1 and 4.4.2,
    // Exchange Online's 4.4.315, 4.4.316 and 4.4.318 (docs/facts.md §4). MailRoute listens
    // on port 25 (§5).
    Known {
        topic: Some(Topic::SmartHost),
        online: Some("Exchange Online could not connect to the smart host (4.4.315 timed out, 4.4.316 refused, 4.4.318 closed: Microsoft puts the fault at the receiving side). Check that the connector's smart host is outbound.mailroute.net, then ask support@mailroute.net."),
        ..known(
            &[(Some(4), 4, 1), (Some(4), 4, 2), (None, 4, 315), (None, 4, 316), (None, 4, 318)],
            &[
                "10061",
                "10060",
                "connection refused",
                "actively refused",
                "connection timed out",
                "failed to connect",
                "unable to connect",
                "no connection could be made",
                "did not accept our requests to connect",
            ],
            "A server could not open a connection to the next one: it was refused or timed out. From your Exchange server the next one is the smart host, on port 25, which an ISP or a firewall often blocks: test it from the Exchange server to outbound.mailroute.net, ask for it to be opened, and check the smart host's name on the connector. If the error names another server, that one did not answer: a later try usually gets through.",
        )
    },
    // Expired in the queue after retries: X.4.7, and the MTAs' own words. The queue's last
    // error names the cause; no step fixes it as such (review n11: a restart does not).
    known(
        &[(None, 4, 7)],
        &["message expired", "retry timeout exceeded", "failing for a long time", "in the queue too long", "in the time limit specified", "delivery time expired"],
        "The server kept the message in its queue, kept failing to hand it on, and gave up. The reason is the queue's last error (Queues in Exchange System Manager, Get-Queue in the shell, a message trace on Exchange Online): paste that here too. It is usually the connection to the smart host.",
    ),
    // RFC 7372's X.7.24: the receiver's SPF check ended in an error, temporary or permanent,
    // not in a fail; another include could even push the record past its lookup limit
    // (review n1).
    Known {
        topic: Some(Topic::Spf),
        ..known(
            &[(None, 7, 24)],
            &["spf permerror", "spf=permerror", "spf temperror", "spf=temperror", "spf validation error"],
            "The receiver could not complete its check of the domain's SPF record: a DNS failure, which passes on a later try, or a broken record, such as one with more than 10 DNS lookups. Check the record in the SPF step before adding anything to it.",
        )
    },
    // RFC 7372's X.7.23, and receivers' own wording of an SPF fail.
    Known {
        topic: Some(Topic::Spf),
        ..known(
            &[(None, 7, 23)],
            &[
                "spf validation failed",
                "spf check failed",
                "spf=fail",
                "spf=softfail",
                "per it's spf record",
                "per its spf record",
                "bad spf records for",
                "sender policy framework",
            ],
            "The receiver checked the domain's SPF record and it does not allow MailRoute's servers. Add include:spf.mailroute.net to it.",
        )
    },
    // RFC 7372's DKIM and combined codes (X.7.26, which Gmail also uses), Exchange Online's
    // 5.7.509 for a DMARC reject, and receivers' wording.
    Known {
        topic: Some(Topic::DkimDmarc),
        ..known(
            &[(None, 7, 20), (None, 7, 21), (None, 7, 22), (None, 7, 26), (Some(5), 7, 509)],
            &[
                "dkim=fail",
                "dmarc=fail",
                "dmarc policy",
                "dmarc verification",
                "dmarc check failed",
                "fails to pass authentication checks",
                "does not have authentication information",
                "unauthenticated email from",
            ],
            "The receiver found no valid DKIM signature for the sender's domain, or the domain's DMARC policy refused the message. Add the three mr0N._domainkey CNAME records so that MailRoute signs for the domain, and check SPF.",
        )
    },
    // A refusal from MailRoute itself that is none of the above: its phrase is MailRoute's name.
    Known {
        topic: Some(Topic::Registration),
        online: Some("MailRoute's server refused the message. Check the domain's set-up in MailRoute's control panel (its inbound server, with server type Office 365, and its MX), and the error log under Account Usage; if all is right, send the full text of this error to support@mailroute.net."),
        ..known(
            &[],
            &["mailroute.net"],
            "MailRoute's server refused the message. Check that the sending servers' addresses are registered under Outbound Servers, and the error log under Account Usage; if all is right, send the full text of this error to support@mailroute.net.",
        )
    },
];

impl Known {
    fn shows(&self, code: Option<Status>, text: &str) -> bool {
        let names_mailroute = text.contains("mailroute.net");
        if self.mailroute.is_some_and(|wanted| wanted != names_mailroute) {
            return false;
        }
        let by_code = code.is_some_and(|code| {
            self.codes.iter().any(|&(class, subject, detail)| {
                class.is_none_or(|class| class == code.class) && subject == code.subject && detail == code.detail
            })
        });
        by_code || self.phrases.iter().any(|phrase| text.contains(phrase))
    }

    fn cause(&self, family: Family) -> &'static str {
        match family {
            Family::ExchangeOnline => self.online.unwrap_or(self.cause),
            Family::Exchange2003 => self.exchange2003.unwrap_or(self.cause),
            Family::SendConnector => self.cause,
        }
    }
}

pub fn explain(pasted: &str, family: Family) -> Report {
    if pasted.trim().is_empty() {
        return Report::default();
    }
    explained(&bounce::read(pasted), family)
}

/// The explanation of `pasted` when it is a bounce: for the header check, which explains a
/// bounce pasted into it rather than read the original header inside.
pub fn bounce(pasted: &str, family: Family) -> Option<Report> {
    let diagnostic = bounce::read(pasted);
    diagnostic.format.is_bounce().then(|| explained(&diagnostic, family))
}

fn explained(diagnostic: &Diagnostic, family: Family) -> Report {
    let mut report = Report::default();
    let text = diagnostic.text();
    let code = status::find(&diagnostic.lines.join("\n"));
    match KNOWN.iter().find(|known| known.shows(code, &text)) {
        Some(known) => {
            let level = if known.theirs { Level::Warning } else { Level::Error };
            match known.topic {
                Some(topic) => report.point(level, known.cause(family), step_for(family, topic)),
                None => report.say(level, known.cause(family)),
            }
        }
        None => report.say(
            Level::Warning,
            "Not recognised: this is not one of the errors this change usually meets. Its status code, below, says what kind of failure it is.",
        ),
    }
    match code {
        Some(code) => report.say(Level::Note, code.meaning()),
        None => report.say(Level::Note, "There is no enhanced status code (such as 5.7.1) in the text."),
    }
    report
}
