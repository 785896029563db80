//! The pieces of the page, one per file. Those with local state (a folded step, a copy
//! button's "Copied", the reset confirmation) are components; the rest are plain functions
//! of the app state, because every Yew component adds about 3 KB of code to the download.

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
