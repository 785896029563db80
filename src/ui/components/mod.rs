//! The parts of the page, one per file: each a plain function from what it renders to its
//! HTML, not a Yew component (the root, `ui::app`, is the only one; see `ui::state`).

pub mod announcer;
pub mod before_you_start;
pub mod blocks;
pub mod checklist;
pub mod connector_question;
pub mod copy_value;
pub mod field;
pub mod file_card;
pub mod files_panel;
pub mod handover;
pub mod notice;
pub mod paste_check;
pub mod platform_choice;
pub mod progress_bar;
pub mod report;
pub mod review;
pub mod runbook;
pub mod section;
pub mod smart_host_alert;
pub mod step;
pub mod test_check;
pub mod theme_choice;
pub mod values_form;
pub mod warning;
