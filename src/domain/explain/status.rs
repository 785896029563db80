//! Enhanced mail system status codes (RFC 3463): `class.subject.detail`, such as `5.7.1`,
//! with the meaning the RFC gives each, and the security codes RFC 7372 added for SPF and
//! DKIM.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl Status {
    pub fn text(self) -> String {
        format!("{}.{}.{}", self.class, self.subject, self.detail)
    }

    /// What the RFCs say it means, as one sentence.
    pub fn meaning(self) -> String {
        let class = match self.class {
            4 => "a temporary failure: the sender tries again",
            _ => "a permanent failure: the message is returned",
        };
        let subject = match self.subject {
            1 => "addressing",
            2 => "the mailbox",
            3 => "the mail system",
            4 => "network and routing",
            5 => "the mail delivery protocol",
            6 => "message content",
            7 => "security or policy",
            _ => "other or undefined",
        };
        let detail = match (self.subject, self.detail) {
            (_, 0) => "no more detail given",
            (1, 1) => "the recipient's address does not exist",
            (1, 2) => "the recipient's domain does not exist",
            (1, 3) => "the recipient's address is malformed",
            (1, 7) => "the sender's address is malformed",
            (1, 8) => "the sender's domain does not exist",
            (2, 1) => "the mailbox is disabled",
            (2, 2) => "the mailbox is full",
            (2, 3) => "the message is larger than the mailbox accepts",
            (3, 4) => "the message is larger than the system accepts",
            (4, 1) => "no answer from the host",
            (4, 2) => "the connection was lost",
            (4, 3) => "a directory server failed",
            (4, 4) => "no route to the destination",
            (4, 5) => "the mail system is congested",
            (4, 6) => "a routing loop",
            (4, 7) => "the delivery time expired",
            (5, 1) => "an invalid command",
            (5, 3) => "too many recipients",
            (7, 1) => "delivery not authorized, message refused",
            (7, 3) => "a security conversion is required but not possible",
            (7, 4) => "security features not supported",
            (7, 5) => "a cryptographic failure",
            (7, 7) => "the message's integrity check failed",
            (7, 20) => "no passing DKIM signature",
            (7, 21) => "no acceptable DKIM signature",
            (7, 22) => "no valid DKIM signature from the author's domain",
            (7, 23) => "SPF validation failed",
            (7, 24) => "SPF validation could not be completed",
            (7, 25) => "reverse DNS validation failed",
            (7, 26) => "several authentication checks failed",
            _ => "a detail code that the RFCs do not define; many are the receiving system's own",
        };
        // RFC 7372 added 7.20 to 7.26 to RFC 3463's codes (review n2).
        let rfc = if self.subject == 7 && (20..=26).contains(&self.detail) { "RFC 7372" } else { "RFC 3463" };
        format!("{}: {class}; {subject}; {detail} ({rfc}).", self.text())
    }
}

/// The first failure's enhanced status code in `text`: three dot-separated numbers, the
/// first 4 or 5, not inside a longer run of digits and dots (so not part of an IP address or version).
pub fn find(text: &str) -> Option<Status> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // The run of digits and dots from here.
        let end = bytes[start..]
            .iter()
            .position(|byte| !byte.is_ascii_digit() && *byte != b'.')
            .map_or(bytes.len(), |length| start + length);
        if end > start {
            let run = text[start..end].trim_end_matches('.');
            if let Some(status) = parse(run) {
                return Some(status);
            }
            start = end;
        } else {
            start += 1;
        }
    }
    None
}

fn parse(run: &str) -> Option<Status> {
    let mut parts = run.split('.');
    let (class, subject, detail) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || class.len() != 1
        || subject.is_empty()
        || subject.len() > 3
        || detail.is_empty()
        || detail.len() > 3
    {
        return None;
    }
    let class: u8 = class.parse().ok()?;
    matches!(class, 4 | 5).then_some(())?;
    Some(Status { class, subject: subject.parse().ok()?, detail: detail.parse().ok()? })
}
