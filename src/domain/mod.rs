//! Everything the assistant knows about Exchange and MailRoute, with no web types.

pub mod calendar;
pub mod checklist;
pub mod explain;
pub mod files;
pub mod guard;
pub mod headers;
pub mod link;
mod named;
pub mod platform;
pub mod progress;
pub mod report;
pub mod saved;
pub mod settings;
pub mod share;
pub mod spf;
pub mod valid;
pub mod validate;
