#![cfg(not(target_arch = "wasm32"))]
//! The checklists: Exchange 2003's order, the new/existing branch and the admin's values in
//! it, and every later platform's steps with MailRoute's requirements on every path.

use smarthost_assistant::domain::checklist::guide::{finish, undo};
use smarthost_assistant::domain::checklist::{step_for, steps, Block, Inline, Step, Topic};
use smarthost_assistant::domain::files::listing;
use smarthost_assistant::domain::files::Command;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};
use smarthost_assistant::domain::validate::{usable, Unusable};

fn ids(steps: &[&Step]) -> Vec<&'static str> {
    steps.iter().map(|step| step.id).collect()
}

fn inlines(step: &Step) -> Vec<Inline> {
    step.body
        .iter()
        .flat_map(|block| match block {
            Block::Para(parts) | Block::Note(parts) | Block::NoteFor(_, parts) => parts.to_vec(),
            Block::Settings(rows) => rows.iter().map(|(_, value)| *value).collect(),
            Block::Items(items) => items.iter().flat_map(|parts| parts.to_vec()).collect(),
            Block::ConnectorQuestion
            | Block::Ask(_)
            | Block::Shell(_)
            | Block::SpfHelper
            | Block::TestCheck
            | Block::File(_) => Vec::new(),
        })
        .collect()
}

/// The step's text as the page shows it for these settings.
fn text(step: &Step, settings: &Settings) -> String {
    inlines(step)
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) | Inline::Label(text) | Inline::Literal(text) | Inline::Link(text, _) => {
                text.to_string()
            }
            Inline::Value(field) => usable(settings, field).unwrap_or_default(),
            Inline::Scope => settings.scope.label(settings.platform).to_string(),
            Inline::SourceRole => settings.platform.source_role().to_string(),
        })
        .collect()
}

/// The values the step shows for `field`.
fn bound(step: &Step, settings: &Settings, field: Field) -> Vec<Result<String, Unusable>> {
    inlines(step)
        .into_iter()
        .filter(|inline| *inline == Inline::Value(field))
        .map(|_| usable(settings, field))
        .collect()
}

/// The rows of the step's settings table.
fn rows(step: &Step) -> Vec<(&'static str, Inline)> {
    step.body
        .iter()
        .find_map(|block| match block {
            Block::Settings(rows) => Some(rows.to_vec()),
            _ => None,
        })
        .expect("a settings table")
}

fn step<'a>(steps: &[&'a Step], id: &str) -> &'a Step {
    steps.iter().find(|step| step.id == id).unwrap_or_else(|| panic!("no step {id}"))
}

fn with_connector(connector: Connector) -> Settings {
    let mut settings = Settings::default();
    settings.connector = connector;
    settings
}

#[test]
fn a_new_connector_follows_the_seed_in_order_after_registering_the_server() {
    let settings = Settings::default();
    let steps = steps(&settings);
    assert_eq!(
        ids(&steps),
        [
            "register-ip",
            "spf-record",
            "dkim-dmarc",
            "backup-connectors",
            "open-connectors",
            "create-connector",
            "general-name",
            "general-smart-host",
            "general-bridgehead",
            "address-space",
            "save-connector",
            "restart-services",
            "test-mail",
        ]
    );
    assert!(text(step(&steps, "register-ip"), &settings).contains("Outbound Servers"));
    assert!(text(step(&steps, "create-connector"), &settings).contains("SMTP Connector..."));
}

#[test]
fn an_existing_connector_is_opened_instead_of_created() {
    let settings = with_connector(Connector::Existing);
    let steps = steps(&settings);
    let ids = ids(&steps);
    assert!(ids.contains(&"open-connector"));
    assert!(!ids.contains(&"create-connector"));
    assert_eq!(ids.len(), 14);
    assert!(text(step(&steps, "open-connector"), &settings).contains("Properties"));
    assert!(text(step(&steps, "general-name"), &settings).contains("stays as it is"));
    assert!(text(step(&steps, "address-space"), &settings).contains("If an SMTP address space is listed"));
}

/// Review N2: a connector set up for another relay keeps its sign-in, TLS and port unless
/// the admin clears them; the LDIF cannot, so a step says where they are.
#[test]
fn an_existing_2003_connector_loses_the_old_relays_security_and_port() {
    let settings = with_connector(Connector::Existing);
    let steps = steps(&settings);
    let ids = ids(&steps);
    let at = |id: &str| ids.iter().position(|each| *each == id).unwrap();
    assert_eq!(at("advanced-outbound"), at("address-space") + 1);
    let outbound = text(step(&steps, "advanced-outbound"), &settings);
    for words in ["Outbound Security...", "Anonymous access", "TLS encryption", "TCP port", "25"] {
        assert!(outbound.contains(words), "{words}: {outbound}");
    }
    assert!(!ids_of(Connector::New).contains(&"advanced-outbound"));
}

fn ids_of(connector: Connector) -> Vec<&'static str> {
    steps(&with_connector(connector)).iter().map(|step| step.id).collect()
}

#[test]
fn the_question_sits_in_the_step_where_the_admin_looks_at_connectors() {
    let steps = steps(&Settings::default());
    let with_question: Vec<_> =
        steps.iter().filter(|step| step.body.contains(&Block::ConnectorQuestion)).map(|step| step.id).collect();
    assert_eq!(with_question, ["open-connectors"]);
}

#[test]
fn the_security_tab_remark_follows_the_dialog_opening_in_both_branches() {
    for connector in [Connector::New, Connector::Existing] {
        let settings = with_connector(connector);
        let steps = steps(&settings);
        assert!(text(steps[5], &settings).contains("A ninth, Security"), "{connector:?}");
        assert_eq!(steps.iter().filter(|step| text(step, &settings).contains("A ninth")).count(), 1);
    }
}

#[test]
fn the_address_space_matches_the_seed() {
    let settings = Settings::default();
    let steps = steps(&settings);
    let space = step(&steps, "address-space");
    assert_eq!(
        rows(space),
        // The labels of Exchange System Manager's Internet Address Space Properties (review m2).
        vec![("E-mail domain", Inline::Value(Field::AddressSpace)), ("Cost", Inline::Value(Field::Cost))]
    );
    assert_eq!(bound(space, &settings, Field::AddressSpace), [Ok("*".to_string())]);
    assert_eq!(bound(space, &settings, Field::Cost), [Ok("1".to_string())]);
    let text = text(space, &settings);
    assert!(text.contains("Connector scope to Entire organization"), "{text}");
    assert!(text.contains("Allow messages to be relayed to these domains"));
    assert!(text.contains("cleared"));
}

#[test]
fn both_services_are_named_as_windows_shows_them() {
    let steps = steps(&Settings::default());
    assert_eq!(
        rows(step(&steps, "restart-services")),
        vec![
            ("Microsoft Exchange Routing Engine", Inline::Literal("RESvc")),
            ("Simple Mail Transfer Protocol (SMTP)", Inline::Literal("SMTPSVC")),
        ]
    );
}

#[test]
fn the_admins_values_appear_in_their_steps() {
    let settings = Settings::default()
        .with(Field::ConnectorName, "Via MailRoute")
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::AddressSpace, "*.example.net")
        .with(Field::Cost, "20");
    let steps = steps(&settings);
    assert_eq!(bound(step(&steps, "general-name"), &settings, Field::ConnectorName), [Ok("Via MailRoute".to_string())]);
    assert_eq!(
        bound(step(&steps, "general-smart-host"), &settings, Field::SmartHosts),
        [Ok("outbound.mailroute.net".to_string())]
    );
    assert_eq!(bound(step(&steps, "general-bridgehead"), &settings, Field::Bridgehead), [Ok("EXCH01".to_string())]);
    let space = step(&steps, "address-space");
    assert_eq!(bound(space, &settings, Field::AddressSpace), [Ok("*.example.net".to_string())]);
    assert_eq!(bound(space, &settings, Field::Cost), [Ok("20".to_string())]);
}

#[test]
fn the_scope_chosen_is_the_one_the_address_space_step_names() {
    let mut settings = Settings::default();
    settings.scope = Scope::Local;
    let text = text(step(&steps(&settings), "address-space"), &settings);
    assert!(text.contains("Connector scope to Routing group"), "{text}");
}

#[test]
fn an_empty_or_wrong_value_is_not_shown_as_if_it_were_usable() {
    let settings = Settings::default().with(Field::SmartHosts, "203.0.113.9");
    let steps = steps(&settings);
    assert_eq!(bound(step(&steps, "general-bridgehead"), &settings, Field::Bridgehead), [Err(Unusable::Empty)]);
    assert_eq!(bound(step(&steps, "general-smart-host"), &settings, Field::SmartHosts), [Err(Unusable::Invalid)]);
}

#[test]
fn progress_counts_only_the_steps_on_screen_and_keeps_the_other_branch() {
    let platform = Platform::Exchange2003;
    let mut progress = Progress::default();
    assert!(progress.toggle(platform, "create-connector"));
    assert!(progress.toggle(platform, "register-ip"));
    let new = steps(&Settings::default());
    assert_eq!(progress.count(platform, &new), 2);

    let existing = steps(&with_connector(Connector::Existing));
    assert_eq!(progress.count(platform, &existing), 1);
    assert!(progress.is_done(platform, "create-connector"));

    assert!(!progress.toggle(platform, "register-ip"));
    assert_eq!(progress.count(platform, &new), 1);
    assert_eq!(progress.count(Platform::Exchange2016, &new), 0, "another platform's progress is its own");
}

fn on(platform: Platform, connector: Connector) -> Settings {
    let mut settings = with_connector(connector);
    settings.platform = platform;
    settings
}

#[test]
fn every_path_starts_with_mailroutes_requirements() {
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            let settings = on(platform, connector);
            let ids = ids(&steps(&settings));
            // MailRoute recognises Microsoft 365 itself once it filters the domain's inbound
            // mail: that comes first, and there is no server to register (review M2).
            let first: &[&str] = if platform == Platform::ExchangeOnline {
                &["mailroute-inbound", "spf-record", "dkim-dmarc"]
            } else {
                &["register-ip", "spf-record", "dkim-dmarc"]
            };
            assert_eq!(&ids[..first.len()], first, "{platform:?} {connector:?}");
            assert_eq!(ids.last(), Some(&"test-mail"));
            let unique: std::collections::HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "step ids are unique: {ids:?}");
            let spf = step(&steps(&settings), "spf-record");
            assert!(spf.body.contains(&Block::SpfHelper));
            assert!(text(spf, &settings).contains("include:spf.mailroute.net"));
            let dkim = text(step(&steps(&settings), "dkim-dmarc"), &settings);
            assert!(dkim.contains("mr01.dkim.mailroute.net") && dkim.contains("_dmarc"), "{dkim}");
        }
    }
}

#[test]
fn the_console_matches_the_version() {
    for platform in [Platform::Exchange2007, Platform::Exchange2010] {
        let settings = on(platform, Connector::New);
        let steps = steps(&settings);
        assert!(text(step(&steps, "open-send-connectors"), &settings).contains("Exchange Management Console"));
        assert!(text(step(&steps, "source-servers"), &settings).contains("Hub Transport"));
    }
    for platform in [Platform::Exchange2013, Platform::Exchange2016, Platform::Exchange2019, Platform::ExchangeSe] {
        let settings = on(platform, Connector::New);
        let steps = steps(&settings);
        assert!(text(step(&steps, "open-send-connectors"), &settings).contains("Exchange admin center"));
        assert!(text(step(&steps, "source-servers"), &settings).contains("Mailbox"));
        assert!(text(step(&steps, "network-settings"), &settings).contains("Route mail through smart hosts"));
    }
}

#[test]
fn send_connector_steps_carry_the_values_and_the_shell_alternative() {
    for connector in [Connector::New, Connector::Existing] {
        let settings = on(Platform::Exchange2016, connector).with(Field::SourceServers, "EX01, EX02");
        let steps = steps(&settings);
        assert!(steps.iter().any(|step| step.body.contains(&Block::Shell(Command::Change))), "{connector:?}");
        assert_eq!(
            bound(step(&steps, "network-settings"), &settings, Field::SmartHosts),
            [Ok("outbound.mailroute.net".to_string())]
        );
        let check = text(step(&steps, "check-queues"), &settings);
        assert!(check.contains("Get-SendConnector") && check.contains("Get-Queue"), "{check}");
        // MailRoute's 2016 article: a restart may be needed (review M4).
        assert!(check.contains("Microsoft Exchange Transport") && !check.contains("without a restart"), "{check}");
    }
    for platform in [Platform::Exchange2007, Platform::Exchange2010] {
        let settings = on(platform, Connector::New);
        assert!(text(step(&steps(&settings), "check-queues"), &settings).contains("without a restart"), "{platform:?}");
    }
    let settings = on(Platform::Exchange2016, Connector::New).with(Field::SourceServers, "EX01, EX02");
    assert_eq!(
        bound(step(&steps(&settings), "source-servers"), &settings, Field::SourceServers),
        [Ok("EX01, EX02".to_string())]
    );
}

#[test]
fn exchange_online_validates_with_mailroutes_test_address() {
    let settings = on(Platform::ExchangeOnline, Connector::New);
    let steps = steps(&settings);
    assert!(text(step(&steps, "add-connector"), &settings).contains("Partner organization"));
    assert!(text(step(&steps, "security"), &settings).contains("*.mailroute.net"));
    assert!(text(step(&steps, "validate"), &settings).contains("test@mailroute.net"));
    assert!(!steps.iter().any(|step| step.body.contains(&Block::ConnectorQuestion)));
}

#[test]
fn exchange_online_starts_with_mailroutes_prerequisites_linked() {
    let settings = on(Platform::ExchangeOnline, Connector::New);
    let first = steps(&settings)[0];
    let said = text(first, &settings);
    for needed in ["Office 365", "Inbound Servers", "mail.mailroute.net", "*.mailroute.net", "199.89.0.0/21"] {
        assert!(said.contains(needed), "{needed}: {said}");
    }
    let links: Vec<&str> = first
        .body
        .iter()
        .flat_map(|block| match block {
            Block::Para(parts) | Block::Note(parts) => parts.to_vec(),
            _ => Vec::new(),
        })
        .filter_map(|inline| match inline {
            Inline::Link(_, href) => Some(href),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "https://admin.mailroute.net",
            "https://admin.exchange.microsoft.com/#/connectors",
            "https://security.microsoft.com/skiplisting",
            "mailto:support@mailroute.net"
        ]
    );
}

#[test]
fn every_step_a_check_points_at_is_on_the_page_for_every_platform_and_answer() {
    let topics =
        [Topic::Registration, Topic::Spf, Topic::DkimDmarc, Topic::SmartHost, Topic::AddressSpace, Topic::TakesEffect];
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            let mut settings = Settings::default();
            settings.platform = platform;
            settings.connector = connector;
            let ids: Vec<&str> = steps(&settings).iter().map(|step| step.id).collect();
            for topic in topics {
                let id = step_for(platform.family(), topic);
                assert!(ids.contains(&id), "{platform:?} {connector:?} {topic:?}: {id} is not among {ids:?}");
            }
        }
    }
}

/// Each file the page lists is in exactly one place where the admin uses it (review: the files
/// were 3,877 px below the step that runs them), on every platform and for either answer; on
/// Exchange 2003 the backup is in the backup step beside the value it needs, and on the later
/// platforms the script that saves the connectors first is in the backup step.
#[test]
fn every_file_is_in_the_step_that_uses_it() {
    for platform in Platform::ALL {
        for connector in [Connector::Unanswered, Connector::New, Connector::Existing] {
            let mut settings = Settings::default();
            (settings.platform, settings.connector) = (platform, connector);
            let mut placed: Vec<(&str, &str)> = Vec::new();
            for step in steps(&settings) {
                for block in step.body {
                    if let Block::File(name) = block {
                        placed.push((name, step.id));
                    }
                }
            }
            for section in [finish(platform), undo(&settings)] {
                for block in &section.body {
                    if let Block::File(name) = block {
                        placed.push((name, section.id));
                    }
                }
            }
            let mut listed: Vec<&str> = listing(&settings).iter().map(|file| file.name).collect();
            let mut names: Vec<&str> = placed.iter().map(|(name, _)| *name).collect();
            listed.sort_unstable();
            names.sort_unstable();
            assert_eq!(names, listed, "{platform:?} {connector:?}: every listed file placed once, and no other");
            let rollback = listing(&settings).last().unwrap().name;
            assert!(placed.contains(&(rollback, "sha-undo")), "{platform:?}: the rollback is in the way back");
            if platform != Platform::ExchangeOnline {
                let first = listing(&settings)[0].name;
                assert!(placed.contains(&(first, "backup-connectors")), "{platform:?}: {first} in the backup step");
            }
        }
    }
    let mut settings = Settings::default();
    settings.platform = Platform::Exchange2003;
    let backup = steps(&settings).into_iter().find(|step| step.id == "backup-connectors").unwrap();
    let at = |wanted: Block| backup.body.iter().position(|block| *block == wanted).unwrap();
    assert!(at(Block::Ask(Field::AdDomain)) < at(Block::File("backup-smtp-connectors.cmd")));
}
