//! Everything the assistant knows about Exchange and MailRoute, with no web types.

pub mod checklist;
pub mod files;
pub mod guard;
pub mod link;
mod named;
pub mod platform;
pub mod progress;
pub mod saved;
pub mod settings;
pub mod spf;
pub mod valid;
pub mod validate;
