#![cfg(not(target_arch = "wasm32"))]
//! The Exchange 2003 checklist: order, the new/existing branch, and the admin's values in it.

use smarthost_assistant::domain::checklist::{steps, Block, Inline, Step};
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
            Block::Para(parts) | Block::Note(parts) => parts.to_vec(),
            Block::Settings(rows) => rows.iter().map(|(_, value)| *value).collect(),
            Block::ConnectorQuestion => Vec::new(),
        })
        .collect()
}

/// The step's text as the page shows it for these settings.
fn text(step: &Step, settings: &Settings) -> String {
    inlines(step)
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) | Inline::Label(text) | Inline::Literal(text) => text.to_string(),
            Inline::Value(field) => usable(settings, field).unwrap_or_default(),
            Inline::Scope => settings.scope.label().to_string(),
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
    assert_eq!(ids.len(), 10);
    assert!(text(step(&steps, "open-connector"), &settings).contains("Properties"));
    assert!(text(step(&steps, "general-name"), &settings).contains("stays as it is"));
    assert!(text(step(&steps, "address-space"), &settings).contains("If an SMTP address space is listed"));
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
        assert!(text(steps[2], &settings).contains("Security"), "{connector:?}");
        assert_eq!(steps.iter().filter(|step| text(step, &settings).contains("Security")).count(), 1);
    }
}

#[test]
fn the_address_space_matches_the_seed() {
    let settings = Settings::default();
    let steps = steps(&settings);
    let space = step(&steps, "address-space");
    assert_eq!(
        rows(space),
        vec![
            ("Type", Inline::Literal("SMTP")),
            ("Email domain", Inline::Value(Field::AddressSpace)),
            ("Cost", Inline::Value(Field::Cost))
        ]
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
    settings.scope = Scope::RoutingGroup;
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
    let mut progress = Progress::default();
    assert!(progress.toggle("create-connector"));
    assert!(progress.toggle("register-ip"));
    let new = steps(&Settings::default());
    assert_eq!(progress.count(&new), 2);

    let existing = steps(&with_connector(Connector::Existing));
    assert_eq!(progress.count(&existing), 1);
    assert!(progress.is_done("create-connector"));

    assert!(!progress.toggle("register-ip"));
    assert_eq!(progress.count(&new), 1);
}
