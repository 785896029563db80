#![cfg(not(target_arch = "wasm32"))]
//! The pre-rendered pages (`ui::prerender`): the platform choice, and each platform's page
//! holding every step, the default values and the files' names and purposes, readable
//! before the app starts. tests/e2e/prerender.test.mjs checks them in the browser, and that
//! the app renders the same.

use smarthost_assistant::domain::checklist::{steps, title};
use smarthost_assistant::domain::files::listing;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::settings::{Field, Settings};
use smarthost_assistant::ui::prerender::{site, Page};

/// The page's text as a reader sees it: no tags, entities decoded, spaces collapsed.
fn text(page: &Page) -> String {
    let mut plain = String::new();
    let mut in_tag = false;
    for c in page.body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let decoded = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_of(pages: &[Page], platform: Platform) -> &Page {
    pages.iter().find(|page| page.platform == Some(platform.id())).expect("every platform has a page")
}

#[test]
fn every_platform_has_its_own_page_in_its_own_folder_and_the_root_is_the_choice() {
    let site = site();
    let folders: Vec<&str> = site.pages.iter().map(|page| page.folder.as_str()).collect();
    let mut expected = vec![String::new()];
    expected.extend(Platform::ALL.iter().map(|platform| format!("{}/", platform.id())));
    assert_eq!(folders, expected);
    let root = &site.pages[0];
    assert_eq!(root.platform, None);
    let choice = text(root);
    assert!(choice.contains("Choose your mail platform"), "{choice}");
    for platform in Platform::ALL {
        assert!(
            root.body.contains(&format!(r#"<a href="{}/">{}</a>"#, platform.id(), platform.label())),
            "{platform:?}"
        );
    }
    assert!(!choice.contains("Step 1"), "nothing asks for anything before a platform is chosen");
}

#[test]
fn each_platform_page_holds_every_step_with_the_default_values_and_the_files() {
    let site = site();
    for platform in Platform::ALL {
        let page = page_of(&site.pages, platform);
        let shown = text(page);
        let mut settings = Settings::default();
        settings.platform = platform;
        let steps = steps(&settings);
        assert!(steps.len() >= 5);
        for (number, step) in steps.iter().enumerate() {
            assert!(shown.contains(&format!("Step {}", number + 1)), "{platform:?}: step {}", number + 1);
            assert!(shown.contains(&title(step, &settings)), "{platform:?}: {}", step.title);
        }
        assert!(shown.contains(&format!("Steps for {} . Change platform", platform.label())), "{platform:?}");
        assert!(shown.contains(settings.get(Field::SmartHosts)), "{platform:?}: the smart host");
        assert!(shown.contains(settings.get(Field::ConnectorName)), "{platform:?}: the connector's name");
        for file in listing(&settings) {
            // In the step that uses it, ready to be made.
            assert!(shown.contains(&format!("{} Make it from my values", file.name)), "{platform:?}: {}", file.name);
        }
        assert!(page.body.contains(r#"href="../""#), "{platform:?}: the way back to the choice is relative");
        assert!(page.title.starts_with(platform.label()), "{}", page.title);
    }
}

#[test]
fn the_pages_carry_the_themes_palettes_for_before_the_app_starts() {
    let site = site();
    assert!(site.light.contains("--sha-text: #1b1f24"), "{}", site.light);
    assert!(site.dark.contains("--sha-text: #e6edf3"), "{}", site.dark);
    assert!(site.light.starts_with(":root"), "the palette is on the page's root, as the app sets it");
}
