#![cfg(target_arch = "wasm32")]
//! The components in a real browser (headless Chromium through wasm-bindgen-test).

use smarthost_assistant::domain::checklist::steps;
use smarthost_assistant::domain::settings::{Connector, Settings};
use smarthost_assistant::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlProgressElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "mailroute-smarthost-assistant";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts a fresh app; the handle unmounts it when the test is done.
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Self {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Mounted { root, handle: Some(handle) }
    }

    fn find(&self, selector: &str) -> Element {
        self.root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    }

    async fn click(&self, selector: &str) {
        self.find(selector).unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }

    fn progress(&self) -> (f64, String) {
        let bar: HtmlProgressElement = self.find("progress").unchecked_into();
        (bar.value(), self.find(".sha-progress-text").text_content().unwrap())
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_checklist_renders_every_step_in_order() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    let expected: Vec<String> = steps(&Settings::default()).iter().map(|step| step.title.to_string()).collect();
    assert_eq!(app.texts(".sha-step-title"), expected);
    let numbers = app.texts(".sha-step-number");
    assert_eq!(numbers.first().map(String::as_str), Some("Step 1"));
    assert_eq!(numbers.last().map(String::as_str), Some("Step 10"));
    assert_eq!(app.progress(), (0.0, "0 of 10 steps done".to_string()));
}

#[wasm_bindgen_test]
async fn checking_a_step_off_updates_the_progress_and_folds_the_step() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    assert!(app.root.query_selector("#step-register-ip-body").unwrap().is_some());

    app.click("#step-register-ip").await;
    assert_eq!(app.progress(), (1.0, "1 of 10 steps done".to_string()));
    assert!(app.root.query_selector("#step-register-ip-body").unwrap().is_none(), "a done step folds");
    assert!(app.find("#sha-announcer").text_content().unwrap().contains("1 of 10 steps done"));

    app.click("[aria-controls='step-register-ip-body']").await;
    assert!(app.root.query_selector("#step-register-ip-body").unwrap().is_some(), "details open again");

    app.click("#step-register-ip").await;
    assert_eq!(app.progress(), (0.0, "0 of 10 steps done".to_string()));
}

#[wasm_bindgen_test]
async fn an_existing_connector_changes_the_steps() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    app.click("#connector-existing").await;
    let expected: Vec<String> =
        steps(&with_connector(Connector::Existing)).iter().map(|step| step.title.to_string()).collect();
    assert_eq!(app.texts(".sha-step-title"), expected);
    assert!(app.texts(".sha-step-title").contains(&"Open the existing SMTP connector".to_string()));
}

#[wasm_bindgen_test]
async fn a_typed_value_appears_in_its_step_and_problems_show_next_to_the_field() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    assert!(app.find("[data-step='general-bridgehead'] .sha-missing").text_content().unwrap().contains("bridgehead"));

    let input: HtmlInputElement = app.find("#bridgehead").unchecked_into();
    input.set_value("EXCH01");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(app.texts("[data-step='general-bridgehead'] code"), ["EXCH01"]);

    let hosts: HtmlInputElement = app.find("#smart-hosts").unchecked_into();
    hosts.set_value("203.0.113.9");
    hosts.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert!(app.find("#smart-hosts-problem").text_content().unwrap().contains("square brackets"));
    assert!(hosts.is_connected(), "the input the admin types in stays in place");
    assert_eq!(hosts.get_attribute("aria-invalid").as_deref(), Some("true"));
    app.click("#smart-hosts-problem button").await;
    assert_eq!(hosts.value(), "[203.0.113.9]");
    assert!(app.root.query_selector("#smart-hosts-problem[data-severity=error]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_reported_and_kept_aside() {
    storage().clear().unwrap();
    storage().set_item(KEY, "{not json").unwrap();
    let app = Mounted::new().await;
    assert!(app.find("[role='alert']").text_content().unwrap().contains("could not be read"));
    assert_eq!(storage().get_item(&format!("{KEY}.unreadable")).unwrap().as_deref(), Some("{not json"));
    assert_eq!(app.texts(".sha-step-title").len(), 10);
    assert!(storage().get_item(KEY).unwrap().unwrap().starts_with("smarthost-assistant 1\n"), "a fresh state is saved");
}

fn with_connector(connector: Connector) -> Settings {
    let mut settings = Settings::default();
    settings.connector = connector;
    settings
}
