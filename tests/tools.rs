#![cfg(not(target_arch = "wasm32"))]
//! The typed interface between the page and the tools module: every request and answer
//! crosses as JSON and comes back unchanged, and the offline page carries the state safely.

use smarthost_assistant::domain::checklist::steps;
use smarthost_assistant::domain::files::Command;
use smarthost_assistant::domain::files::{self, zip::Stamp};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::report::Report;
use smarthost_assistant::domain::saved::{self, OfflineState, Saved};
use smarthost_assistant::domain::settings::{Connector, Field, Settings};
use smarthost_assistant::domain::spf;
use smarthost_assistant::tools::{answer, offline_page, Answer, Request, STATE_ELEMENT};

fn ask(request: &Request) -> Answer {
    serde_json::from_str(&answer(&serde_json::to_string(request).unwrap())).unwrap()
}

fn settings_for(platform: Platform) -> Settings {
    let mut settings = Settings::default()
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::AdDomain, "corp.example.com")
        .with(Field::Organization, "Contoso 'Ltd' ‘quoted’")
        .with(Field::SourceServers, "EX01, EX02");
    settings.platform = platform;
    settings.connector = Connector::New;
    settings
}

#[test]
fn the_tools_answer_what_the_generators_make_for_every_platform() {
    // 2026-11-28 09:30:00 on the admin's clock.
    const LOCAL: i64 = 1_795_858_200;
    let stamp = Stamp { year: 2026, month: 11, day: 28, hour: 9, minute: 30, second: 0 };
    assert_eq!(Stamp::at(LOCAL), stamp);
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            let mut settings = settings_for(platform);
            settings.connector = connector;
            assert_eq!(
                ask(&Request::Offers(settings.clone(), Confirmed::ALL)),
                Answer::Offers(files::offers(&settings, Confirmed::ALL)),
                "{platform:?}"
            );
            let shell = match files::shell(&settings, Command::Change, Confirmed::ALL) {
                Some(Err(missing)) => Answer::Missing(missing),
                shell => Answer::Shell(shell.map(|command| command.unwrap())),
            };
            assert_eq!(ask(&Request::Shell(Command::Change, settings.clone(), Confirmed::ALL)), shell, "{platform:?}");
            let (_, archive) = files::archive(&settings, stamp, Confirmed::ALL).unwrap();
            assert_eq!(
                ask(&Request::Archive(settings, LOCAL, Confirmed::ALL)),
                Answer::Archive(archive),
                "{platform:?}"
            );
        }
    }
    let mut waiting = Settings::default();
    assert_eq!(
        ask(&Request::Archive(waiting.clone(), LOCAL, Confirmed::ALL)),
        Answer::Missing(Vec::new()),
        "nothing is made before the connector question is answered, though no value is missing"
    );
    waiting.connector = Connector::New;
    assert_eq!(
        ask(&Request::Offers(waiting.clone(), Confirmed::ALL)),
        Answer::Offers(files::offers(&waiting, Confirmed::ALL))
    );
    assert_eq!(
        ask(&Request::Archive(waiting, LOCAL, Confirmed::ALL)),
        Answer::Missing(vec![Field::Bridgehead, Field::AdDomain, Field::Organization])
    );
    assert_eq!(
        ask(&Request::Shell(
            Command::Change,
            settings_for(Platform::Exchange2016).with(Field::SourceServers, ""),
            Confirmed::ALL
        )),
        Answer::Missing(vec![Field::SourceServers])
    );
}

#[test]
fn the_spf_report_crosses_unchanged_with_its_verdict() {
    for pasted in ["", "v=spf1 mx -all", "v=spf1 bogus", "v=spf1 a\nv=spf1 b", "\"v=spf1 \" \"ip4:192.0.2.1 ~all\""] {
        let request = Request::Check(Field::SpfRecord, pasted.to_string(), Platform::Exchange2016, false);
        assert_eq!(ask(&request), Answer::Report(spf::check(pasted, false).with_verdict()), "{pasted}");
    }
}

/// The report on a paste box, as the page asks for it and names its steps (`ui::model`).
fn checked(field: Field, settings: &Settings) -> Report {
    match ask(&Request::Check(field, settings.get(field).to_string(), settings.platform, false)) {
        Answer::Report(report) => report.name_steps(&steps(settings), settings),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_header_check_and_the_error_explainer_name_the_steps_the_page_shows() {
    let header = "Received: from mail.example.com ([203.0.113.25]) by mx.google.com with ESMTP; Sat, 28 Nov 2026 10:00:00 +0000\n";
    let mut settings = Settings::default().with(Field::TestHeader, header);
    let report = checked(Field::TestHeader, &settings);
    let direct = report.findings.iter().find(|finding| finding.message.contains("went direct")).unwrap();
    assert_eq!(direct.step.as_deref(), Some("general-smart-host"));
    assert_eq!(direct.step_name.as_deref(), Some("Step 8: General tab: forward all mail to MailRoute"));

    // The same step on an existing 2010 connector has its own title and place.
    settings.platform = Platform::Exchange2010;
    settings.connector = Connector::Existing;
    let report = checked(Field::TestHeader, &settings);
    let direct = report.findings.iter().find(|finding| finding.message.contains("went direct")).unwrap();
    assert_eq!(direct.step_name.as_deref(), Some("Step 7: Network tab: route through MailRoute"));

    let settings = settings.with(Field::ErrorText, "gw3.lax01.mailroute.net #554 5.7.1 Relay access denied ##");
    let report = checked(Field::ErrorText, &settings);
    assert_eq!(report.findings[0].step_name.as_deref(), Some("Step 1: Register your sending servers with MailRoute"));
    assert_eq!(checked(Field::TestHeader, &Settings::default()), Report::default(), "nothing pasted, nothing said");
}

/// What crosses to the tools module is what each answer needs: a check carries its own
/// text and the platform, and the files' settings carry no pasted evidence, however long.
#[test]
fn a_check_carries_its_own_text_and_the_files_carry_no_evidence() {
    let header = format!("Received: from a by b; Sat, 28 Nov 2026 10:00:00 +0000\n{}", "X-Filler: y\n".repeat(5_000));
    let settings =
        settings_for(Platform::Exchange2016).with(Field::TestHeader, header.as_str()).with(Field::ErrorText, "5.7.1");
    let check = serde_json::to_string(&Request::Check(Field::ErrorText, "5.7.1".to_string(), settings.platform, false))
        .unwrap();
    assert!(check.len() < 100, "{check}");
    let plain = settings.without_evidence();
    assert_eq!((plain.get(Field::TestHeader), plain.get(Field::ErrorText)), ("", ""));
    assert_eq!(plain.get(Field::SourceServers), "EX01, EX02", "every other value stays");
    let offers = serde_json::to_string(&Request::Offers(plain.clone(), Confirmed::NONE)).unwrap();
    assert!(!offers.contains("X-Filler") && offers.len() < 1_000, "{} characters", offers.len());
    assert_eq!(
        ask(&Request::Offers(plain, Confirmed::NONE)),
        ask(&Request::Offers(settings, Confirmed::NONE)),
        "the files do not read the evidence"
    );
}

#[test]
fn a_request_the_tools_cannot_read_gets_an_answer_that_says_so() {
    for request in ["", "{", "\"Offers\"", "{\"Unknown\":1}", "{\"Offers\":{\"platform\":7}}"] {
        assert_eq!(serde_json::from_str::<Answer>(&answer(request)).unwrap(), Answer::Unreadable, "{request}");
    }
}

#[test]
fn the_offline_page_carries_the_state_where_no_value_can_end_it() {
    let page = format!("<main></main>{STATE_ELEMENT}<script>x</script>");
    let mut progress = Progress::default();
    progress.toggle(Platform::Exchange2003, "register-ip");
    let settings = Settings::default().with(Field::Organization, "</script><script>alert(1)</script> & \"Ü\" <!--");
    let saved = Saved { settings, progress, ..Saved::default() };
    let state = OfflineState { stamp: "1700000000000".to_string(), saved: saved::encode(&saved) };
    let out = offline_page(&page, &state).unwrap();

    let open = r#"<script id="sha-state" type="application/json" data-stamp="1700000000000">"#;
    let start = out.find(open).unwrap() + open.len();
    let block = &out[start..start + out[start..].find("</script>").unwrap()];
    assert!(!block.contains('<'), "nothing in the block can close the element: {block}");
    assert_eq!(saved::decode(block), Ok(saved), "the element's text is the saved state");
    let stamped = offline_page(&page, &OfflineState { stamp: "1\"><script>x".to_string(), ..state.clone() }).unwrap();
    assert!(stamped.contains(r#"data-stamp="1">"#), "the stamp keeps its digits only: {stamped}");
    assert!(out.ends_with("</script><script>x</script>"));
    assert_eq!(offline_page("<html></html>", &state), None, "a page without the element");
}
