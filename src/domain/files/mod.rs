//! Generators: pure functions from validated settings to the files an admin runs.

pub mod batch;
pub mod exchange2003;
pub mod ldif;
pub mod powershell;
pub mod zip;

use crate::domain::settings::Field;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Batch,
    Ldif,
    PowerShell,
    Text,
}

/// A generated file: its text has CRLF line endings, as Windows tools expect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub kind: Kind,
    pub text: String,
}

impl File {
    /// Joins lines with CRLF and ends the file with one.
    pub fn from_lines(name: &str, kind: Kind, lines: &[String]) -> Self {
        let mut text = lines.join("\r\n");
        text.push_str("\r\n");
        File { name: name.to_string(), kind, text }
    }

    /// The bytes to download. PowerShell scripts and text files are UTF-8 with a byte order
    /// mark, which Windows PowerShell 2.0 and Notepad need to read UTF-8 as UTF-8.
    pub fn bytes(&self) -> Vec<u8> {
        let bom: &[u8] = match self.kind {
            Kind::PowerShell | Kind::Text => b"\xEF\xBB\xBF",
            Kind::Batch | Kind::Ldif => b"",
        };
        [bom, self.text.as_bytes()].concat()
    }
}

/// A file as the page offers it: what it is for, and the file itself or why it must wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub name: &'static str,
    pub title: &'static str,
    pub purpose: &'static str,
    /// The command that runs it, where it is run rather than opened.
    pub run: Option<String>,
    /// What is not confirmed about it, said next to the file.
    pub caution: Option<&'static str>,
    pub file: Result<File, Vec<Field>>,
}
