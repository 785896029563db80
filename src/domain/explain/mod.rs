//! The error explainer: the admin pastes a bounce (NDR), a queue's last error or an SMTP
//! reply, and reads what went wrong on the way to MailRoute and the step that fixes it.
//! Errors are recognised by their status code and their wording, in the forms Exchange,
//! Exchange Online and the common mail servers write them; anything else is called
//! unrecognised, with what its status code means.

pub mod status;

use crate::domain::checklist::{step_for, Topic};
use crate::domain::platform::Family;
use crate::domain::report::{Level, Report};

/// One error admins meet on this change: what shows it, what causes it, what fixes it.
struct Known {
    /// Status codes by subject and detail, either class: `(4, 316)` is 4.4.316 and 5.4.316.
    codes: &'static [(u16, u16)],
    /// Words, in lower case. One code or one word is enough.
    words: &'static [&'static str],
    cause: &'static str,
    topic: Option<Topic>,
}

/// Most specific first: the first that matches explains the error.
const KNOWN: &[Known] = &[
    // MailRoute's quota reply (MailRoute, "Outbound Email Quotas": 2000 messages, 2000
    // recipients or 1 GB an hour for each mailbox).
    Known {
        codes: &[],
        words: &["quota exceeded"],
        cause: "The sending mailbox went over MailRoute's outbound quota: 2,000 messages or 2,000 recipients an hour, or 1 GB. If the mail is legitimate, ask support@mailroute.net to raise it; if not, the mailbox may be compromised.",
        topic: None,
    },
    // MailRoute relays only for the addresses registered under Outbound Servers (MailRoute,
    // "Outbound Mail Servers (SmartHost/Relay)"; docs/facts.md §5).
    Known {
        codes: &[],
        words: &[
            "relay access denied",
            "relaying denied",
            "relay denied",
            "unable to relay",
            "relay not permitted",
            "not permitted to relay",
            "relaying not allowed",
            "we do not relay",
        ],
        cause: "The server refused to relay: MailRoute relays only from the public IP addresses registered under Outbound Servers. Register the address your Exchange server sends from; behind NAT that is the firewall's public address.",
        topic: Some(Topic::Registration),
    },
    // Exchange's name-lookup failures (SMTPSEND.DNS.NonExistentDomain) and other servers'.
    Known {
        codes: &[],
        words: &["nonexistentdomain", "dns query failed", "host not found", "name or service not known", "could not be resolved", "unable to resolve"],
        cause: "The smart host's name could not be looked up. Check its spelling on the connector: outbound.mailroute.net. If the spelling is right, the server's DNS cannot resolve outside names.",
        topic: Some(Topic::SmartHost),
    },
    // TLS: Exchange Online's 4.4.317 and certificate checks against *.mailroute.net
    // (docs/facts.md §4), STARTTLS refusals, handshake failures.
    Known {
        codes: &[(4, 317), (7, 3), (7, 4), (7, 5)],
        words: &["starttls", "tls negotiation", "tlsnegotiation", "handshake", "certificate"],
        cause: "The two servers could not agree on an encrypted connection. On Exchange Online, the connector's TLS settings must name *.mailroute.net as the certificate domain. On an older Exchange server, check that Windows offers TLS 1.2.",
        topic: Some(Topic::SmartHost),
    },
    // Connection refused or timed out: Winsock 10061 and 10060, Exchange's 4.4.316 and 4.4.1
    // (Microsoft Learn, "Mail flow intelligence"); MailRoute listens on port 25
    // (docs/facts.md §5).
    Known {
        codes: &[(4, 316), (4, 1), (4, 2)],
        words: &[
            "10061",
            "10060",
            "connection refused",
            "actively refused",
            "timed out",
            "timeout",
            "did not respond",
            "failed to connect",
            "unable to connect",
            "no connection could be made",
        ],
        cause: "The server could not open a connection to the smart host on port 25. An ISP or a firewall often blocks outgoing port 25: test it from the Exchange server to outbound.mailroute.net, and ask for it to be opened. Check the smart host's name on the connector too.",
        topic: Some(Topic::SmartHost),
    },
    // Expired in the queue after retries: 4.4.7. The queue's last error names the cause; no
    // step fixes it as such (review n11: a restart does not).
    Known {
        codes: &[(4, 7)],
        words: &["expired"],
        cause: "The server kept the message in its queue, kept failing to hand it on, and gave up. The reason is the queue's last error (Queues in Exchange System Manager, Get-Queue in the shell, a message trace on Exchange Online): paste that here too. It is usually the connection to the smart host.",
        topic: None,
    },
    // RFC 7372's X.7.24: the receiver's SPF check ended in an error, temporary or permanent,
    // not in a fail; another include could even push the record past its lookup limit
    // (review n1).
    Known {
        codes: &[(7, 24)],
        words: &["spf permerror", "spf=permerror", "spf temperror", "spf=temperror"],
        cause: "The receiver could not complete its check of the domain's SPF record: a DNS failure, which passes on a later try, or a broken record, such as one with more than 10 DNS lookups. Check the record in the SPF step before adding anything to it.",
        topic: Some(Topic::Spf),
    },
    // RFC 7372's SPF fail, and receivers' own wording.
    Known {
        codes: &[(7, 23)],
        words: &["spf validation", "spf check", "spf=fail", "spf=softfail", "sender policy framework"],
        cause: "The receiver checked the domain's SPF record and it does not allow MailRoute's servers. Add include:spf.mailroute.net to it.",
        topic: Some(Topic::Spf),
    },
    // RFC 7372's DKIM and combined codes (5.7.26, which Gmail also uses), Exchange Online's
    // 5.7.509 for a DMARC reject.
    Known {
        codes: &[(7, 20), (7, 21), (7, 22), (7, 26), (7, 509)],
        words: &["dkim=fail", "dmarc=fail", "dmarc policy", "dmarc verification", "unauthenticated"],
        cause: "The receiver found no valid DKIM signature for the sender's domain, or the domain's DMARC policy refused the message. Add the three mr0N._domainkey CNAME records so that MailRoute signs for the domain, and check SPF.",
        topic: Some(Topic::DkimDmarc),
    },
    // A refusal from MailRoute itself that is none of the above.
    Known {
        codes: &[],
        words: &["mailroute.net"],
        cause: "MailRoute's server refused the message. Check that the sending server's address is registered under Outbound Servers; if it is, send the full text of this error to support@mailroute.net.",
        topic: Some(Topic::Registration),
    },
];

pub fn explain(pasted: &str, family: Family) -> Report {
    let mut report = Report::default();
    let lower = pasted.to_ascii_lowercase();
    if lower.trim().is_empty() {
        return report;
    }
    let code = status::find(pasted);
    let shows = |known: &&Known| {
        code.is_some_and(|code| known.codes.contains(&(code.subject, code.detail)))
            || known.words.iter().any(|word| lower.contains(word))
    };
    match KNOWN.iter().find(shows) {
        Some(known) => match known.topic {
            Some(topic) => report.point(Level::Error, known.cause, step_for(family, topic)),
            None => report.say(Level::Error, known.cause),
        },
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
