#![cfg(target_arch = "wasm32")]
//! The components in a real browser (headless Chromium through wasm-bindgen-test).

use smarthost_assistant::domain::checklist::{steps, title};
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::saved::{self, Saved};
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

/// Mounts a fresh app; the handle unmounts it when the test is done, and the address the
/// app moved goes back.
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
    address: String,
}

impl Mounted {
    /// On Exchange 2003's page, as the build pre-renders it (src/ui/prerender.rs).
    async fn new() -> Self {
        Self::on(Some("exchange-2003")).await
    }

    /// On the platform choice, the assistant's own address.
    async fn root() -> Self {
        Self::on(None).await
    }

    async fn on(platform: Option<&str>) -> Self {
        let root = document().create_element("main").unwrap();
        root.set_id("smarthost-assistant");
        if let Some(platform) = platform {
            root.set_attribute("data-platform", platform).unwrap();
        }
        document().body().unwrap().append_child(&root).unwrap();
        let address = web_sys::window().unwrap().location().href().unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Mounted { root, handle: Some(handle), address }
    }

    /// Changes the platform as the admin does: "Change platform", then its link.
    async fn choose(&self, platform: &str) {
        if self.root.query_selector(".sha-platform a").unwrap().is_some() {
            self.click(".sha-platform a").await;
        }
        self.click(&format!(".sha-platforms a[href$='{platform}/']")).await;
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
        let history = web_sys::window().unwrap().history().unwrap();
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.address)).unwrap();
    }
}

#[wasm_bindgen_test]
async fn the_checklist_renders_every_step_in_order() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    let expected = titles(&Settings::default());
    assert_eq!(app.texts(".sha-step-title"), expected);
    let numbers = app.texts(".sha-step-number");
    assert_eq!(numbers.first().map(String::as_str), Some("Step 1"));
    assert_eq!(numbers.last().map(String::as_str), Some("Step 13"));
    assert_eq!(app.progress(), (0.0, "0 of 13 steps done".to_string()));
}

#[wasm_bindgen_test]
async fn checking_a_step_off_updates_the_progress_and_folds_the_step() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    assert!(app.root.query_selector("#step-register-ip-body").unwrap().is_some());

    app.click("#step-register-ip-done").await;
    assert_eq!(app.progress(), (1.0, "1 of 13 steps done".to_string()));
    // Marked done, which folds it on screen (styles/app.css); its instructions stay for print.
    assert!(app.find("[data-step='register-ip']").has_attribute("data-done"), "a done step folds");
    assert!(app.root.query_selector("#step-register-ip-body").unwrap().is_some(), "kept for the runbook");
    assert!(app.find("#sha-announcer").text_content().unwrap().contains("1 of 13 steps done"));

    app.click("[data-step='register-ip'] summary").await;
    assert!(app.find("[data-step='register-ip'] details").has_attribute("open"), "details open again");

    app.click("#step-register-ip-done").await;
    assert_eq!(app.progress(), (0.0, "0 of 13 steps done".to_string()));
}

#[wasm_bindgen_test]
async fn an_existing_connector_changes_the_steps() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    app.click("#connector-existing").await;
    let expected = titles(&with_connector(Connector::Existing));
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
    assert_eq!(app.texts(".sha-step-title").len(), 13);
    let fresh = storage().get_item(KEY).unwrap().unwrap();
    assert_eq!(saved::decode(&fresh), Ok(Saved::default()), "a fresh state is saved, the old one kept aside");
}

#[wasm_bindgen_test]
async fn data_from_a_newer_release_is_kept_aside_and_said_so() {
    storage().clear().unwrap();
    let newer = r#"{"format":"smarthost-assistant","version":99,"settings":{}}"#;
    storage().set_item(KEY, newer).unwrap();
    let app = Mounted::new().await;
    assert!(app.find("[role='alert']").text_content().unwrap().contains("newer version"));
    assert_eq!(storage().get_item(&format!("{KEY}.unreadable")).unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
async fn values_saved_by_the_last_release_are_found_after_the_upgrade() {
    storage().clear().unwrap();
    storage()
        .set_item(
            KEY,
            "smarthost-assistant 2\nplatform=exchange-2010\nsource-servers=HUB01\ndone=exchange-2010:register-ip",
        )
        .unwrap();
    let app = Mounted::root().await;
    assert_eq!(app.find(".sha-platform").get_attribute("data-platform").as_deref(), Some("exchange-2010"));
    let servers: HtmlInputElement = app.find("#source-servers").unchecked_into();
    assert_eq!(servers.value(), "HUB01");
    assert!(app.find("#step-register-ip-done").unchecked_into::<HtmlInputElement>().checked());
    assert!(storage().get_item(KEY).unwrap().unwrap().starts_with('{'), "saved again in the new format");
}

#[wasm_bindgen_test]
async fn the_theme_choice_is_applied_and_remembered() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    let root_background = || {
        let root = document().document_element().unwrap();
        web_sys::window()
            .unwrap()
            .get_computed_style(&root)
            .unwrap()
            .unwrap()
            .get_property_value("background-color")
            .unwrap()
    };
    let select: web_sys::HtmlSelectElement = app.find("#sha-theme").unchecked_into();
    select.set_value("dark");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(root_background(), "rgb(13, 17, 23)");
    assert!(storage().get_item(KEY).unwrap().unwrap().contains("\"theme\":\"dark\""));
    select.set_value("light");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(root_background(), "rgb(255, 255, 255)");
}

/// The steps' titles as the page shows them for these settings.
fn titles(settings: &Settings) -> Vec<String> {
    steps(settings).iter().map(|step| title(step, settings)).collect()
}

fn with_connector(connector: Connector) -> Settings {
    let mut settings = Settings::default();
    settings.connector = connector;
    settings
}

#[wasm_bindgen_test]
async fn every_platform_is_one_choice_away_and_keeps_its_progress_apart() {
    storage().clear().unwrap();
    let mut settings = Settings::default();
    settings.platform = Platform::Exchange2016;
    let mut progress = Progress::default();
    progress.toggle(Platform::Exchange2003, "register-ip");
    storage()
        .set_item(KEY, &saved::encode(&Saved { settings: settings.clone(), progress, ..Saved::default() }))
        .unwrap();
    let app = Mounted::root().await;
    let expected = titles(&settings);
    assert_eq!(app.texts(".sha-step-title"), expected);
    assert_eq!(app.progress().0, 0.0, "Exchange 2003's check mark is not 2016's");
    assert!(app.find("[data-step='source-servers']").text_content().unwrap().contains("Mailbox"));

    // Another platform of the same build: its steps, at once.
    app.choose("exchange-2010").await;
    assert!(app
        .find("[data-step='open-send-connectors']")
        .text_content()
        .unwrap()
        .contains("Exchange Management Console"));
    assert!(app.find("[data-step='source-servers']").text_content().unwrap().contains("Hub Transport"));
    assert!(storage().get_item(KEY).unwrap().unwrap().contains("\"platform\":\"exchange-2010\""));

    // Another family altogether, on the same page: Exchange Online, then Exchange 2003.
    app.choose("exchange-online").await;
    let mut online = settings.clone();
    online.platform = Platform::ExchangeOnline;
    let online = titles(&online);
    assert_eq!(app.texts(".sha-step-title"), online);
    app.choose("exchange-2003").await;
    assert_eq!(app.progress().0, 1.0, "Exchange 2003's own check mark is back");
}

#[wasm_bindgen_test]
async fn when_the_tools_cannot_load_the_admin_is_told_and_nothing_is_lost() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    let input: HtmlInputElement = app.find("#bridgehead").unchecked_into();
    input.set_value("EXCH01");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    // No loader runs in this test page, so the tools module cannot be fetched.
    app.click("#sha-show-files").await;
    for _ in 0..20 {
        if app.root.query_selector(".sha-files .sha-problem").unwrap().is_some() {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
        yew::scheduler::flush().await;
    }
    assert!(app.find(".sha-files .sha-problem").text_content().unwrap().contains("could not be loaded"));
    assert!(app.find("#sha-show-files").text_content().unwrap().contains("Show the files"), "the admin can try again");
    assert_eq!(input.value(), "EXCH01");
}

#[wasm_bindgen_test]
async fn the_last_step_holds_the_header_check_and_the_error_explainer() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    let last = app.find("[data-step='test-mail']");
    for (id, label) in [("test-header", "Header of the test message"), ("error-text", "Error message")] {
        let box_ = last.query_selector(&format!("textarea#{id}")).unwrap().unwrap_or_else(|| panic!("no {id}"));
        let label_for = last.query_selector(&format!("label[for='{id}']")).unwrap().unwrap();
        assert_eq!(label_for.text_content().unwrap(), label);
        assert_eq!(box_.get_attribute("aria-describedby").unwrap(), format!("{id}-hint"));
        // The report stays on the page; screen readers hear only its verdict.
        let paste = box_.closest(".sha-paste").unwrap().unwrap();
        assert!(paste.query_selector(&format!("#{id}-report")).unwrap().is_some());
        assert!(paste.query_selector(".sha-verdict[aria-live='polite']").unwrap().is_some());
    }
    // Nothing pasted: nothing to check, so no button asks for the checks yet.
    assert_eq!(last.query_selector_all("button").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn the_hand_over_offers_a_link_a_file_and_the_runbook_and_the_runbook_holds_the_values() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    let section = app.find(".sha-handover");
    assert!(app.root.query_selector("#share-link").unwrap().is_none(), "the link is made when asked for");
    for i in 0..section.query_selector_all("button").unwrap().length() {
        let button = section.query_selector_all("button").unwrap().item(i).unwrap();
        if button.text_content().unwrap() == "Make a link to these values" {
            button.unchecked_into::<HtmlElement>().click();
        }
    }
    yew::scheduler::flush().await;
    let link = app.find("#share-link").text_content().unwrap();
    assert!(link.contains("#settings="), "{link}");
    let labels: Vec<String> = (0..section.query_selector_all("button").unwrap().length())
        .map(|i| section.query_selector_all("button").unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(
        labels.contains(&"Export settings".to_string()) && labels.contains(&"Print runbook".to_string()),
        "{labels:?}"
    );
    assert_eq!(app.find("label[for='sha-import']").text_content().unwrap(), "Import settings");
    assert_eq!(app.find("#sha-import").get_attribute("type").as_deref(), Some("file"));
    // The runbook's own part (shown in print only, by the stylesheet) names the platform
    // and the values, and has room for the change record.
    let text = app.find(".sha-runbook").text_content().unwrap();
    for words in ["Change number", "Approved by (sign-off)", "Exchange Server 2003", "outbound.mailroute.net"] {
        assert!(text.contains(words), "{words} in {text}");
    }
}

#[wasm_bindgen_test]
async fn a_first_visit_to_the_assistant_shows_the_platforms_and_nothing_chosen() {
    storage().clear().unwrap();
    let app = Mounted::root().await;
    let links = app.texts(".sha-platforms a");
    assert_eq!(links.len(), Platform::ALL.len());
    for platform in Platform::ALL {
        assert!(links.contains(&platform.label().to_string()), "{platform:?}");
    }
    assert!(app.root.query_selector(".sha-step").unwrap().is_none(), "no steps before a platform is chosen");
    assert!(
        app.root.query_selector("input, textarea, [role='alert']").unwrap().is_none(),
        "nothing asks, nothing is wrong"
    );
    app.choose("exchange-2016").await;
    assert_eq!(app.find(".sha-platform").get_attribute("data-platform").as_deref(), Some("exchange-2016"));
    assert!(
        web_sys::window().unwrap().location().pathname().unwrap().ends_with("/exchange-2016/"),
        "the address is the platform's page"
    );
    assert_eq!(document().title(), "Exchange Server 2016: send outgoing mail through MailRoute");
}
