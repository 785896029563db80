//! A message's header, as pasted, split into its fields (RFC 5322 §2.2).

/// One header field with its folds undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// The fields of the message's header in `pasted`, in order, top first. Lines that start
/// with a space or tab continue the field before (unfolding, §2.2.3). The header ends at the
/// first blank line after a `Received:` field; lines that are not fields, such as an mbox
/// `From ` line or Outlook's "Microsoft Mail Internet Headers Version 2.0", are skipped, and so
/// is what comes before the header proper, such as the summary Gmail shows above the message
/// when the whole page is copied.
pub fn fields(pasted: &str) -> Vec<Header> {
    let mut found: Vec<Header> = Vec::new();
    // Whether the line before belonged to a field, so a folded line continues it.
    let mut in_field = false;
    let mut received = false;
    for line in pasted.lines() {
        if line.trim().is_empty() {
            if received {
                break;
            }
            in_field = false;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let (true, Some(last)) = (in_field, found.last_mut()) {
                last.value.push_str(line);
            }
            continue;
        }
        in_field = match line.split_once(':') {
            Some((name, value)) if is_name(name) => {
                received |= name.eq_ignore_ascii_case("Received");
                found.push(Header { name: name.to_string(), value: value.to_string() });
                true
            }
            _ => false,
        };
    }
    for header in &mut found {
        header.value = header.value.trim().to_string();
    }
    found
}

/// A field name: printable ASCII other than the colon (§3.6.8).
fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|byte| (33..=126).contains(&byte) && byte != b':')
}

/// The values of the fields called `name`, top first.
pub fn named<'a>(headers: &'a [Header], name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    headers.iter().filter(move |header| header.name.eq_ignore_ascii_case(name)).map(|header| header.value.as_str())
}

/// `text` without its comments (RFC 5322 §3.2.2: nested parentheses, `\` escapes) and
/// without what they enclose; each comment becomes one space.
pub fn uncommented(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut escaped = false;
    let mut quoted = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                plain.push(c);
            }
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                if depth == 0 {
                    plain.push(c);
                }
            }
            '"' if depth == 0 => {
                quoted = !quoted;
                plain.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    plain.push(' ');
                }
            }
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
}

/// The comments of `text`, outermost ones, without their parentheses.
pub fn comments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth > 0 {
                current.push(c);
            }
            continue;
        }
        match c {
            '\\' => escaped = true,
            '(' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    found.push(std::mem::take(&mut current));
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => {}
        }
    }
    found
}

/// The domain of the address in a `From:` value: the last `<…>` when there is one, or else
/// the word with an `@`. The display name, encoded (RFC 2047) or quoted, is skipped.
pub fn address_domain(value: &str) -> Option<String> {
    let plain = uncommented(value);
    let address = match (plain.rfind('<'), plain.rfind('>')) {
        (Some(open), Some(close)) if open < close => plain[open + 1..close].trim().to_string(),
        _ => plain.split_whitespace().rev().find(|word| word.contains('@'))?.to_string(),
    };
    let (_, domain) = address.rsplit_once('@')?;
    let domain = domain.trim_matches(|c: char| c == '>' || c == '.' || c.is_whitespace()).to_ascii_lowercase();
    (!domain.is_empty()).then_some(domain)
}
