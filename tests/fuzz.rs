#![cfg(not(target_arch = "wasm32"))]
//! Hostile input against every reader of text from outside the admin's own typing: links,
//! stored and imported state, the offline copy's state, the tools module's requests, the SPF
//! helper, the header check and the error explainer. None may panic, and each keeps to its
//! rules. The generators have their own property test with the parsers we did not write as oracles (tests/parsers.rs).
//! `PROPTEST_CASES` sets the number of cases; scripts/fuzz.sh runs 100,000 of each.

mod common;

use proptest::prelude::*;
use smarthost_assistant::domain::checklist::steps;
use smarthost_assistant::domain::explain::explain;
use smarthost_assistant::domain::headers;
use smarthost_assistant::domain::link::proposals;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::report::Level;
use smarthost_assistant::domain::saved::{decode, encode, OfflineState, Saved, Unreadable};
use smarthost_assistant::domain::settings::{Field, Settings};
use smarthost_assistant::domain::spf::{check, MAILROUTE_INCLUDE};
use smarthost_assistant::domain::validate::limit;
use smarthost_assistant::tools::{answer, offline_page, Answer, STATE_ELEMENT};

/// Text that looks like ours in part: fragments of our formats, of SPF and of JSON, mixed
/// with anything.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<String>(),
        Just("{\"format\":\"smarthost-assistant\",\"version\":".to_string()),
        Just("\"settings\":{\"values\":{\"smart-hosts\":".to_string()),
        Just("smarthost-assistant 2\nsmart-hosts=".to_string()),
        Just("v=spf1 ".to_string()),
        Just("include:spf.mailroute.net ".to_string()),
        Just("redirect=".to_string()),
        Just("\"".to_string()),
        Just("\\u0000".to_string()),
        Just("\u{202E}".to_string()),
        Just("{\"Offers\":".to_string()),
        Just("\nReceived: from gw1.lax01.mailroute.net (x [199.89.1.1]) by ".to_string()),
        Just(" (version=TLS1_3 (nested (comment)) \\( ".to_string()),
        Just("; Sat, 28 Nov 2026 10:00:00 -0500".to_string()),
        Just("\nAuthentication-Results: mx; spf=pass smtp.mailfrom=@".to_string()),
        Just("dkim=fail header.d=".to_string()),
        Just("\n\t".to_string()),
        Just(" 5.4.316 ".to_string()),
        Just("<".to_string()),
        Just("</script>".to_string()),
        Just("</SCRIPT ".to_string()),
        "[a-z0-9:=./ -]{0,40}",
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|pieces| pieces.concat())
}

/// A link's key: one it documents (every field's id and every choice's), or anything.
fn link_key() -> impl Strategy<Value = String> {
    let mut documented: Vec<String> = Field::ALL.iter().map(|field| field.id().to_string()).collect();
    documented.extend(["platform", "exchange-2007-release", "connector", "scope"].map(String::from));
    prop_oneof![3 => prop::sample::select(documented), 1 => hostile()]
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(256)
}

/// What the saved format's reader gives back for `saved`: itself, or the first value over
/// its field's limit.
fn read_back(saved: Saved) -> Result<Saved, Unreadable> {
    match saved.settings.too_long() {
        Some((field, length)) => Err(Unreadable::TooLong(field, length)),
        None => Ok(saved),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// A link sets only documented values, each exactly as the link gave it, and never the
    /// smart host before the change nor the admin's own evidence.
    #[test]
    fn links(pairs in proptest::collection::vec((link_key(), hostile()), 0..8)) {
        let defaults = Settings::default();
        let mut settings = Settings::default();
        let Ok(changes) = proposals(&defaults, pairs.iter().map(|(key, value)| (key.as_str(), value.as_str()))) else {
            // Refused whole only for a value longer than its field takes.
            prop_assert!(pairs.iter().any(|(key, value)| Field::from_id(key).is_some_and(|field| value.len() > limit(field))));
            return Ok(());
        };
        for change in changes {
            change.apply(&mut settings);
        }
        for field in Field::ALL {
            // The last value the link gave for this field, where the link may set it.
            let given = pairs
                .iter()
                .rev()
                .find(|(key, value)| key == field.id() && !value.chars().any(char::is_control))
                .map(|(_, value)| value.as_str());
            let settable = field != Field::PreviousSmartHosts && !field.is_evidence();
            match given {
                Some(value) if settable => prop_assert_eq!(settings.get(field), value, "{:?}", field),
                _ => prop_assert_eq!(settings.get(field), defaults.get(field), "{:?}", field),
            }
        }
    }

    /// Stored or imported state: any state the app saves reads back exactly (one with a
    /// value over its field's limit, which the app never holds, not at all), and text that
    /// is partly ours reads back as what it says, or not at all, never with a panic.
    #[test]
    fn stored_state(saved in common::any_saved_of(hostile()), cut in any::<prop::sample::Index>(), insert in hostile()) {
        let text = encode(&saved);
        prop_assert_eq!(decode(&text), read_back(saved));
        let at = cut.index(text.len() + 1);
        let at = (0..=at).rev().find(|at| text.is_char_boundary(*at)).unwrap();
        let damaged = format!("{}{insert}{}", &text[..at], &text[at..]);
        if let Ok(read) = decode(&damaged) {
            prop_assert_eq!(decode(&encode(&read)), Ok(read));
        }
    }

    /// The offline page carries any saved state in one element that nothing in it can close,
    /// and gives it back exactly.
    #[test]
    fn offline_state(saved in common::any_saved_of(hostile()), stamp in hostile()) {
        let page = format!("<main></main>{STATE_ELEMENT}<script>x</script>");
        let text = encode(&saved);
        let out = offline_page(&page, &OfflineState { stamp, saved: text }).unwrap();
        let start = out.find("<script id=\"sha-state\"").unwrap();
        let open = start + out[start..].find('>').unwrap() + 1;
        let end = open + out[open..].find("</script>").unwrap();
        prop_assert!(out.ends_with("</script><script>x</script>"));
        prop_assert!(!out[open..end].contains('<'), "nothing inside can open or close an element");
        prop_assert_eq!(decode(&out[open..end]), read_back(saved));
    }

    /// The tools module answers anything it is sent, and what it cannot read it says so.
    #[test]
    fn tools_requests(text in hostile()) {
        let reply: Answer = serde_json::from_str(&answer(&text)).unwrap();
        if serde_json::from_str::<serde_json::Value>(&text).is_err() {
            prop_assert_eq!(reply, Answer::Unreadable);
        }
    }

    /// The SPF helper: a record it offers is an SPF record with MailRoute's include, and none
    /// is offered beside an error.
    #[test]
    fn spf(text in hostile()) {
        let report = check(&text, false);
        if let Some(record) = &report.record {
            prop_assert!(record.to_ascii_lowercase().starts_with("v=spf1"), "{}", record);
            prop_assert!(record.split(' ').any(|term| term == MAILROUTE_INCLUDE), "{}", record);
            prop_assert!(!report.findings.iter().any(|finding| finding.level == Level::Error));
        }
    }

    /// The header check and the error explainer read anything without a panic, and every
    /// step they point at is on the platform's page.
    #[test]
    fn header_check_and_error_explainer(text in hostile(), platform in 0..Platform::ALL.len()) {
        let platform = Platform::ALL[platform];
        let mut settings = Settings::default();
        settings.platform = platform;
        let ids: Vec<&str> = steps(&settings).iter().map(|step| step.id).collect();
        for report in [headers::check(&text, platform.family()), explain(&text, platform.family())] {
            prop_assert_eq!(report.findings.is_empty(), text.trim().is_empty());
            for step in report.findings.iter().filter_map(|finding| finding.step.as_deref()) {
                prop_assert!(ids.contains(&step), "{}", step);
            }
        }
    }

    /// Settings of any shape round-trip through what the page sends the tools.
    #[test]
    fn settings_reach_the_tools_unchanged(values in proptest::collection::vec(hostile(), Field::ALL.len())) {
        let mut settings = Settings::default();
        for (field, value) in Field::ALL.into_iter().zip(values) {
            settings.set(field, value);
        }
        let text = serde_json::to_string(&settings).unwrap();
        prop_assert_eq!(serde_json::from_str::<Settings>(&text).unwrap(), settings);
    }
}
