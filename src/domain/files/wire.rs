//! The files as text, to cross from the page's tools module (src/bin/tools.rs), which
//! holds the generators and loads when the admin asks for the files, to the page.
//!
//! Each piece is its length in bytes, a colon and the text itself, so no character in a
//! file or a value needs escaping.

use crate::domain::files::{File, Kind, Offer};
use crate::domain::settings::Field;

struct Writer(String);

impl Writer {
    fn piece(&mut self, text: &str) {
        self.0.push_str(&text.len().to_string());
        self.0.push(':');
        self.0.push_str(text);
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.piece(&format!("+{text}")),
            None => self.piece("-"),
        }
    }
}

struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    fn piece(&mut self) -> Option<&'a str> {
        let (length, rest) = self.0.split_once(':')?;
        let length: usize = length.parse().ok()?;
        let piece = rest.get(..length)?;
        self.0 = rest.get(length..)?;
        Some(piece)
    }

    fn optional(&mut self) -> Option<Option<String>> {
        let piece = self.piece()?;
        match piece.strip_prefix('+') {
            Some(text) => Some(Some(text.to_string())),
            None if piece == "-" => Some(None),
            None => None,
        }
    }
}

fn kind_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Batch => "batch",
        Kind::Ldif => "ldif",
        Kind::PowerShell => "powershell",
        Kind::Text => "text",
    }
}

pub fn encode(offers: &[Offer]) -> String {
    let mut out = Writer(String::new());
    for offer in offers {
        out.piece(&offer.name);
        out.piece(&offer.title);
        out.piece(&offer.purpose);
        out.optional(offer.run.as_deref());
        out.optional(offer.caution.as_deref());
        match &offer.file {
            Ok(file) => {
                out.piece(kind_tag(file.kind));
                out.piece(&file.text);
            }
            Err(fields) => {
                out.piece("waiting");
                out.piece(&fields.iter().map(|field| field.id()).collect::<Vec<_>>().join(","));
            }
        }
    }
    out.0
}

/// The offers `encode` wrote; None for text it did not write.
pub fn decode(text: &str) -> Option<Vec<Offer>> {
    let mut input = Reader(text);
    let mut offers = Vec::new();
    while !input.0.is_empty() {
        let name = input.piece()?.to_string();
        let title = input.piece()?.to_string();
        let purpose = input.piece()?.to_string();
        let run = input.optional()?;
        let caution = input.optional()?;
        let tag = input.piece()?;
        let content = input.piece()?;
        let file = match tag {
            "waiting" => Err(fields(content)?),
            tag => {
                let kind = [Kind::Batch, Kind::Ldif, Kind::PowerShell, Kind::Text]
                    .into_iter()
                    .find(|kind| kind_tag(*kind) == tag)?;
                Ok(File { name: name.clone(), kind, text: content.to_string() })
            }
        };
        offers.push(Offer { name, title, purpose, run, caution, file });
    }
    Some(offers)
}

fn fields(ids: &str) -> Option<Vec<Field>> {
    if ids.is_empty() {
        return Some(Vec::new());
    }
    ids.split(',').map(Field::from_id).collect()
}

/// The shell command of a step: empty where there is none, `=` and the command, or `!`
/// and the ids of the fields it waits for.
pub fn encode_shell(shell: Option<Result<String, Vec<Field>>>) -> String {
    match shell {
        None => String::new(),
        Some(Ok(command)) => format!("={command}"),
        Some(Err(fields)) => format!("!{}", fields.iter().map(|field| field.id()).collect::<Vec<_>>().join(",")),
    }
}

pub fn decode_shell(text: &str) -> Option<Result<String, Vec<Field>>> {
    if let Some(command) = text.strip_prefix('=') {
        return Some(Ok(command.to_string()));
    }
    Some(Err(fields(text.strip_prefix('!')?)?))
}
