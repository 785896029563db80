#![cfg(not(target_arch = "wasm32"))]
//! A value as the review banner shows it: whatever shows nothing or passes for a plain space
//! is named in its place (review F21).

use smarthost_assistant::domain::visible::shown;

#[test]
fn runs_of_spaces_and_hidden_characters_are_named_with_their_count() {
    let padded = format!("outbound.mailroute.net{},relay.attacker.example", "\u{A0}".repeat(400));
    assert_eq!(shown(&padded), "outbound.mailroute.net⟨U+00A0 ×400⟩,relay.attacker.example");
    assert_eq!(shown("old.isp.example   , x"), "old.isp.example⟨space ×3⟩, x");
    assert_eq!(shown("All Outgoing Email\u{3164}"), "All Outgoing Email⟨U+3164⟩");
    assert_eq!(shown("a\u{200B}\u{200B}b\tc"), "a⟨U+200B ×2⟩b⟨U+0009⟩c");
    // What shows as itself stays as it is: single spaces, doubled letters, any script.
    assert_eq!(shown("Ausgehend über MailRoute, mail.example"), "Ausgehend über MailRoute, mail.example");
    assert_eq!(shown(""), "");
}
