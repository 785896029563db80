//! "Save for offline use": the self-contained page (dist/offline.html, built by
//! scripts/package.mjs), downloaded with the admin's values and progress inside it. The
//! hosted page offers it; an offline copy keeps its own progress in the browser instead.

use crate::domain::saved;
use crate::ui::host;
use crate::ui::state::State;

pub const FILE_NAME: &str = "smarthost-assistant-offline.html";

/// Downloads the offline page with this state inside; the error says what went wrong. The
/// tools module writes the state into the page (`domain::link::with_state`).
pub async fn save(state: &State) -> Result<(), String> {
    host::offline(&saved::encode(&state.settings, &state.progress), FILE_NAME).await
}
