#![cfg(not(target_arch = "wasm32"))]
//! What an admin needs to know at a glance (issue 15): the connector question unanswered
//! until they answer it, the values each step asks for, a backup first and a way back on
//! every console path, titles and words that say what the values do, DMARC starting at
//! p=none, and a finish that says how to tell it worked and where to get help.

use smarthost_assistant::domain::checklist::guide::{before, finish, undo, Section};
use smarthost_assistant::domain::checklist::mailroute::DKIM_DMARC;
use smarthost_assistant::domain::checklist::{asked, steps, title, Block, Inline};
use smarthost_assistant::domain::files::{archive, listing, offers, shell, unanswered, zip::Stamp, Command};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::{Family, Platform};
use smarthost_assistant::domain::settings::{Connector, Field, Settings};

fn on(platform: Platform, connector: Connector) -> Settings {
    let mut settings = Settings::default();
    settings.platform = platform;
    settings.connector = connector;
    settings
}

/// Every piece of text in the blocks, in order, as one string.
fn words(blocks: &[Block]) -> String {
    let inline = |part: &Inline| match part {
        Inline::Text(text) | Inline::Label(text) | Inline::Literal(text) | Inline::Link(text, _) => text.to_string(),
        Inline::Value(field) => format!("<{}>", field.id()),
        _ => String::new(),
    };
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Para(parts) | Block::Note(parts) | Block::NoteFor(_, parts) => parts.iter().map(inline).collect(),
            Block::Items(items) => items.iter().flat_map(|parts| parts.iter().map(inline)).collect(),
            Block::Settings(rows) => rows.iter().map(|(_, value)| inline(value)).collect(),
            _ => Vec::new(),
        })
        .collect::<Vec<_>>()
        .join("")
}

fn links(blocks: &[Block]) -> Vec<&'static str> {
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Para(parts) | Block::Note(parts) => parts.to_vec(),
            Block::Items(items) => items.iter().flat_map(|parts| parts.to_vec()).collect(),
            _ => Vec::new(),
        })
        .filter_map(|part| match part {
            Inline::Link(_, href) => Some(href),
            _ => None,
        })
        .collect()
}

#[test]
fn the_connector_question_is_unanswered_until_the_admin_answers_and_nothing_is_made_before() {
    let settings = Settings::default();
    assert_eq!(settings.connector, Connector::Unanswered);
    for platform in [Platform::Exchange2003, Platform::Exchange2010, Platform::Exchange2019] {
        let waiting = on(platform, Connector::Unanswered)
            .with(Field::Bridgehead, "EX01")
            .with(Field::AdDomain, "corp.example.com")
            .with(Field::Organization, "Contoso")
            .with(Field::SourceServers, "EX01");
        assert!(unanswered(&waiting), "{platform:?}");
        // But Exchange 2003's backup, which exports every connector whatever the answer: it is
        // in the step before the question.
        for offer in offers(&waiting, Confirmed::NONE) {
            let backup = offer.name == "backup-smtp-connectors.cmd";
            assert_eq!(offer.file.is_ok(), backup, "{platform:?} {}", offer.name);
            assert!(backup || offer.file == Err(Vec::new()), "{platform:?} {}", offer.name);
        }
        assert_eq!(archive(&waiting, Stamp::at(0), Confirmed::NONE).map(|_| ()), Err(Vec::new()));
        assert!(matches!(shell(&waiting, Command::Change, Confirmed::NONE), None | Some(Err(_))));
        // The pages list the files by name before the answer, as for a new connector.
        assert_eq!(listing(&waiting), listing(&on(platform, Connector::New)));
        let answered = on(platform, Connector::New)
            .with(Field::Bridgehead, "EX01")
            .with(Field::AdDomain, "corp.example.com")
            .with(Field::Organization, "Contoso")
            .with(Field::SourceServers, "EX01");
        assert!(offers(&answered, Confirmed::NONE).iter().all(|offer| offer.file.is_ok()), "{platform:?}");
    }
    // Exchange Online creates its own connector and asks nothing.
    assert!(!unanswered(&on(Platform::ExchangeOnline, Connector::Unanswered)));
}

#[test]
fn each_step_asks_for_the_value_it_needs_and_the_defaults_form_leaves_it_out() {
    assert_eq!(asked(&on(Platform::Exchange2003, Connector::New)), [Field::AdDomain, Field::Bridgehead]);
    assert_eq!(asked(&on(Platform::Exchange2010, Connector::Unanswered)), [Field::SourceServers]);
    assert_eq!(asked(&on(Platform::Exchange2016, Connector::New)), [Field::SourceServers]);
    assert_eq!(
        asked(&on(Platform::Exchange2003, Connector::Existing)),
        [Field::AdDomain, Field::Bridgehead, Field::ConnectorName, Field::PreviousSmartHosts]
    );
    assert_eq!(asked(&on(Platform::ExchangeOnline, Connector::Unanswered)), []);
}

#[test]
fn every_console_path_backs_up_before_its_change_and_exchange_online_has_nothing_to_back_up() {
    for platform in Platform::ALL {
        for connector in [Connector::Unanswered, Connector::New, Connector::Existing] {
            let ids: Vec<&str> = steps(&on(platform, connector)).iter().map(|step| step.id).collect();
            let backup = ids.iter().position(|id| *id == "backup-connectors");
            if platform.family() == Family::ExchangeOnline {
                assert_eq!(backup, None);
                continue;
            }
            let question = ids.iter().position(|id| id.starts_with("open-")).unwrap();
            assert_eq!(backup, Some(question - 1), "{platform:?} {connector:?}: {ids:?}");
        }
    }
}

#[test]
fn every_path_ends_with_a_way_back_that_names_its_rollback_file() {
    for (platform, connector, file) in [
        (Platform::Exchange2003, Connector::New, "rollback-delete-connector.ldf"),
        (Platform::Exchange2003, Connector::Existing, "rollback-restore-smart-host.ldf"),
        (Platform::Exchange2010, Connector::New, "rollback-mailroute-send-connector.ps1"),
        (Platform::Exchange2016, Connector::Existing, "rollback-mailroute-send-connector.ps1"),
        (Platform::ExchangeOnline, Connector::Unanswered, "rollback-remove-outbound-connector.ps1"),
    ] {
        let section: Section = undo(&on(platform, connector));
        assert_eq!(section.title, "If something goes wrong");
        assert!(section.body.contains(&Block::File(file)), "{platform:?} {connector:?}");
    }
}

#[test]
fn the_sp1_remark_holds_on_exchange_2007_only() {
    let notes: Vec<Platform> = steps(&on(Platform::Exchange2010, Connector::New))
        .iter()
        .flat_map(|step| step.body.iter())
        .filter_map(|block| match block {
            Block::NoteFor(platform, _) => Some(*platform),
            _ => None,
        })
        .collect();
    assert_eq!(notes, [Platform::Exchange2007], "a note for 2007 only, which the page shows on 2007 only");
}

#[test]
fn the_address_space_step_says_which_mail_the_connector_takes() {
    for platform in [Platform::Exchange2003, Platform::Exchange2016, Platform::ExchangeOnline] {
        let all = on(platform, Connector::New);
        let some = on(platform, Connector::New).with(Field::AddressSpace, "contoso.com");
        let titled: Vec<(String, String)> = steps(&all)
            .iter()
            .filter(|step| title(step, &all) != step.title)
            .map(|step| (title(step, &all), title(step, &some)))
            .collect();
        assert_eq!(titled.len(), 1, "{platform:?}");
        assert!(titled[0].0.ends_with(": all outgoing mail (*)"), "{:?}", titled[0]);
        assert!(titled[0].1.ends_with(": only mail to contoso.com"), "{:?}", titled[0]);
    }
    assert_eq!(Field::AddressSpace.label(), "Recipient domains (address space)");
}

#[test]
fn dmarc_starts_by_watching_and_names_reject_as_the_goal() {
    let text = words(DKIM_DMARC.body);
    let none = text.find("v=DMARC1; p=none; rua=mailto:").expect("p=none first");
    let reject = text.find("p=reject").expect("reject as the goal");
    assert!(none < reject && text.find("p=quarantine").is_some_and(|at| none < at && at < reject), "{text}");
}

#[test]
fn before_you_start_and_the_finish_hold_what_an_admin_needs_and_where_to_get_help() {
    for platform in Platform::ALL {
        let needs = words(&before(platform).body);
        assert!(
            needs.contains("MailRoute account") && needs.contains("DNS") && needs.contains("change window"),
            "{platform:?}"
        );
        assert!(needs.contains("Rights to") || needs.contains("An Exchange administrator"), "{platform:?}");
        assert_eq!(needs.contains("public IP address"), platform != Platform::ExchangeOnline, "{platform:?}");
        assert!(needs.contains("half an hour"));
        let finish = finish(platform);
        let text = words(&finish.body);
        assert!(text.starts_with("If your test message's header shows"), "{text}");
        assert!(text.contains("support@mailroute.net") && text.contains("888.485.7726"));
        let links = links(&finish.body);
        assert!(
            links.iter().filter(|href| href.starts_with("https://support.mailroute.net/")).count() >= 3,
            "{links:?}"
        );
        assert!(links.contains(&"mailto:support@mailroute.net"));
        let Block::Items(failures) = finish.body[2] else { panic!("the common failures as a list") };
        assert_eq!(failures.len(), 3);
    }
}

/// The fidelity review's third round, on the page: the likeliest causes of a failed
/// Exchange Online validation (n3), MailRoute's error log on every platform (n3), each
/// sending server registered (n12), the test sent outside MailRoute's filtering (n9), and
/// the equal-cost case named where mail still leaves directly (N4).
#[test]
fn the_finish_names_the_likeliest_causes_for_each_platform() {
    for platform in Platform::ALL {
        let text = words(&finish(platform).body);
        assert!(text.contains("Account Usage") && text.contains("Error Log"), "{platform:?}");
        match platform.family() {
            Family::ExchangeOnline => {
                for cause in ["server type Office 365", "test@mailroute.net", "smart host or TLS"] {
                    assert!(text.contains(cause), "{cause}: {text}");
                }
            }
            _ => assert!(text.contains("at the same or a lower cost"), "{platform:?}: {text}"),
        }
    }
    for platform in [Platform::Exchange2003, Platform::Exchange2016] {
        let settings = on(platform, Connector::New);
        let all: Vec<Block> = steps(&settings).iter().flat_map(|step| step.body.iter().cloned()).collect();
        let text = words(&all);
        assert!(text.contains("each Exchange server that sends mail out"), "{platform:?}");
        assert!(text.contains("whose mail MailRoute does not filter"), "{platform:?}");
        assert!(!text.contains("this Exchange server sends from"), "{platform:?}");
        assert!(words(&before(platform).body).contains("each server that sends mail out"));
    }
}

/// n7: with an Edge server on 2007 and 2010, a new connector sends from the Hub Transport
/// servers, not the Edge: the note says which to change or register.
#[test]
fn the_edge_note_says_what_a_new_connector_sends_from() {
    let settings = on(Platform::Exchange2010, Connector::New);
    let open = steps(&settings).into_iter().find(|step| step.id == "open-send-connectors").unwrap();
    let text = words(open.body);
    assert!(text.contains("answer Yes and change that connector"), "{text}");
    assert!(text.contains("A new connector sends from the Hub Transport servers instead: register their address"));
}

/// The printed runbook lists the values the platform's steps and files use, and no other
/// platform's (issue #23: later platforms' runbooks listed Exchange 2003's groups).
#[test]
fn the_runbook_lists_only_the_platforms_own_values() {
    let exchange_2003_only = [
        Field::Bridgehead,
        Field::AdDomain,
        Field::Organization,
        Field::AdminGroup,
        Field::ServerAdminGroup,
        Field::RoutingGroup,
        Field::VirtualServer,
        Field::PreviousSmartHosts,
    ];
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            let used = on(platform, connector).used();
            assert_eq!(used[..2], [Field::ConnectorName, Field::SmartHosts], "{platform:?}");
            assert_eq!(used.last(), Some(&Field::SpfRecord));
            assert!(!used.iter().any(|field| field.is_evidence()));
            let own_2003 = used.iter().filter(|field| exchange_2003_only.contains(field)).count();
            match (platform.family(), connector) {
                (Family::Exchange2003, Connector::Existing) => assert_eq!(own_2003, 8),
                (Family::Exchange2003, _) => assert_eq!(own_2003, 7),
                _ => assert_eq!(own_2003, 0, "{platform:?}"),
            }
            assert_eq!(used.contains(&Field::Cost), platform.family() != Family::ExchangeOnline);
            assert_eq!(used.contains(&Field::SourceServers), platform.family() == Family::SendConnector);
        }
    }
}
