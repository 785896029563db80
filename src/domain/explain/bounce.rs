//! What was pasted, read for its structure before its words: a delivery status notification
//! (RFC 3464), an Exchange or Exchange Online NDR, a Postfix, Exim, Sendmail or Gmail bounce,
//! or a bare reply or queue error. Each format puts its diagnostic in its own place; only that
//! place is read for the cause, never an SMTP transcript's other lines, the original message's
//! header or a quoted text.

/// Where the diagnostic came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// RFC 3464: `Diagnostic-Code:` and `Status:` fields.
    Dsn,
    /// Exchange 2007 and later, and Exchange Online: "Diagnostic information for
    /// administrators", `Remote Server returned '…'`, or `#550 5.7.1 … ##` lines.
    Exchange,
    /// Exchange 2003: `<server #5.x.x>` after the recipient.
    Exchange2003,
    /// Postfix: "This is the mail system at host …", then `<address>: …`.
    Postfix,
    /// Exim: "This message was created automatically by mail delivery software".
    Exim,
    /// Sendmail: `<<<` lines of the transcript, and the `... User unknown` summary.
    Sendmail,
    /// Gmail: "The response from the remote server was:" or "The response was:".
    Gmail,
    /// Nothing recognised: the text is the reply or the queue's error itself.
    Reply,
}

impl Format {
    /// Whether it is a bounce message, rather than a reply or an error copied alone.
    pub fn is_bounce(self) -> bool {
        self != Format::Reply
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub format: Format,
    /// The lines that hold the reason: each reply, diagnostic code or queue error, joined where
    /// the format folds them.
    pub lines: Vec<String>,
}

impl Diagnostic {
    /// The diagnostic lines in lower case, joined by newlines, for matching phrases.
    pub fn text(&self) -> String {
        self.lines.join("\n").to_ascii_lowercase()
    }
}

/// The diagnostic of `pasted`, found where its format puts it.
pub fn read(pasted: &str) -> Diagnostic {
    let lines: Vec<&str> = pasted.lines().map(str::trim_end).collect();
    let lower = pasted.to_ascii_lowercase();
    let has = |words: &str| lower.contains(words);
    let found = if lines.iter().any(|line| starts(line, "diagnostic-code:") || starts(line, "final-recipient:")) {
        (Format::Dsn, dsn(&lines))
    } else if has("remote server returned") || has("diagnostic information for administrators") {
        (Format::Exchange, exchange(&lines))
    } else if has("this is the mail system at host") {
        (Format::Postfix, postfix(&lines))
    } else if has("created automatically by mail delivery software") {
        (Format::Exim, exim(&lines))
    } else if lines.iter().any(|line| line.starts_with("<<< ")) {
        // The server's replies that refused, not its greeting or its EHLO list.
        let refusals =
            lines.iter().filter_map(|line| line.strip_prefix("<<< ")).filter(|reply| reply.starts_with(['4', '5']));
        (Format::Sendmail, refusals.map(str::to_string).collect())
    } else if has("the response from the remote server was:") || has("the response was:") {
        (Format::Gmail, gmail(&lines))
    } else if lines.iter().any(|line| exchange_2003(line).is_some()) {
        (Format::Exchange2003, lines.iter().filter_map(|line| exchange_2003(line)).collect())
    } else {
        (Format::Reply, reply(&lines))
    };
    let (format, mut found) = found;
    found.retain(|line| !line.trim().is_empty());
    if found.is_empty() && format != Format::Reply {
        // A bounce whose reason is not where its format puts it: read what is not transcript.
        found = reply(&lines);
    }
    Diagnostic { format, lines: found }
}

fn starts(line: &str, name: &str) -> bool {
    line.get(..name.len()).is_some_and(|start| start.eq_ignore_ascii_case(name))
}

/// RFC 3464 §2.3.6: `Diagnostic-Code: smtp; 550 5.1.1 …`, folded onto the lines that start
/// with white space, with the `Remote-MTA:` that gave it (§2.3.5), which says whose reply it
/// is; `Status:` (§2.3.4) when there is no diagnostic code.
fn dsn(lines: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for line in lines {
        if let Some(text) = current.as_mut() {
            if line.starts_with([' ', '\t']) && !line.trim().is_empty() {
                text.push(' ');
                text.push_str(line.trim());
                continue;
            }
            found.extend(current.take());
        }
        if starts(line, "remote-mta:") {
            found.push(line.trim().to_string());
        }
        if starts(line, "diagnostic-code:") {
            let value = &line["diagnostic-code:".len()..];
            // The type before the semicolon, `smtp` or `X-Postfix`, is not the reason.
            current = Some(value.split_once(';').map_or(value, |(_, reply)| reply).trim().to_string());
        }
    }
    found.extend(current);
    if !found.iter().any(|line| !starts(line, "remote-mta:")) {
        found.extend(lines.iter().filter(|line| starts(line, "status:")).map(|line| line.trim().to_string()));
    }
    found
}

/// Exchange 2007 and later: `Remote Server returned '…'` and the `#… ##` lines of the
/// diagnostic section; the original message's header, after "Original message headers", is
/// not read.
fn exchange(lines: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in lines {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("original message headers") {
            break;
        }
        if let Some(at) = lower.find("remote server returned") {
            found.push(line[at + "remote server returned".len()..].trim().trim_matches(['\'', '"']).to_string());
        } else if let Some(at) = line.find(" #").or_else(|| line.starts_with('#').then_some(0)) {
            let reply = line[at..].trim().trim_start_matches('#');
            if super::status::find(reply).is_some() {
                found.push(format!("{} {}", line[..at].trim(), reply.trim_end_matches('#').trim()).trim().to_string());
            }
        }
    }
    found
}

/// Exchange 2003: `<mail.example.com #5.7.1>` names the server and the code.
fn exchange_2003(line: &str) -> Option<String> {
    let start = line.find('<')?;
    let inside = &line[start + 1..line[start..].find('>')? + start];
    let (server, code) = inside.split_once(" #")?;
    code.starts_with(['4', '5']).then(|| format!("{server} #{code}"))
}

/// Postfix: after the first `<address>:` line, up to the blank line, the reason, which
/// Postfix folds onto indented lines.
fn postfix(lines: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut inside = false;
    for line in lines {
        let trimmed = line.trim();
        // An address starts its line; an indented `<…>:` continues the reason before it.
        if line.starts_with('<') && trimmed.contains(">:") {
            inside = true;
            found.push(trimmed.split_once(">:").map_or(trimmed, |(_, reason)| reason).trim().to_string());
        } else if inside && !trimmed.is_empty() && line.starts_with([' ', '\t']) {
            if let Some(last) = found.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            inside = false;
        }
    }
    found
}

/// Exim: the indented lines under each failed address, up to the blank line: the remote
/// server's reply or Exim's own reason, such as "retry timeout exceeded".
fn exim(lines: &[&str]) -> Vec<String> {
    let start = lines.iter().position(|line| {
        let lower = line.to_ascii_lowercase();
        lower.contains("address(es) failed") || lower.contains("delivery attempts will continue")
    });
    let Some(start) = start else { return Vec::new() };
    let mut found = Vec::new();
    for line in &lines[start + 1..] {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("------") || lower.contains("this is a copy of the message") {
            break;
        }
        if line.starts_with([' ', '\t']) && !line.trim().is_empty() {
            found.push(line.trim().to_string());
        }
    }
    found
}

/// Gmail: the lines after "The response from the remote server was:" or "The response
/// was:", up to the blank line.
fn gmail(lines: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut inside = false;
    for line in lines {
        let lower = line.to_ascii_lowercase();
        if lower.contains("the response from the remote server was:") || lower.contains("the response was:") {
            inside = true;
            let after = lower.rsplit_once("was:").map_or("", |(_, after)| after).trim().len();
            if after > 0 {
                found.push(line[line.len() - after..].trim().to_string());
            }
        } else if inside && line.trim().is_empty() && !found.is_empty() {
            inside = false;
        } else if inside && !line.trim().is_empty() {
            found.push(line.trim().to_string());
        }
    }
    found
}

/// A bare reply or error: every line but those of an SMTP transcript the server did not
/// refuse with (commands, greetings, EHLO's list, success replies).
fn reply(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .filter(|line| {
            let transcript = line.starts_with(">>>")
                || line.starts_with("220")
                || line.starts_with("250")
                || line.starts_with("354")
                || line.starts_with("221");
            !transcript
        })
        .map(str::to_string)
        .collect()
}
