//! One small component per file.

pub mod announcer;
pub mod checklist;
pub mod connector_question;
pub mod copy_value;
pub mod field;
pub mod progress_bar;
pub mod reset_progress;
pub mod step;
pub mod storage_notice;
pub mod values_form;
