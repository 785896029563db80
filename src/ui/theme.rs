//! The colours of the page (stylist): a light and a dark palette, as CSS custom properties
//! on the page's root, which every rule in styles/app.css and in the views' own styles
//! reads. The admin's choice follows the system's `prefers-color-scheme` unless a theme is
//! picked (`components::theme_choice`); the choice is saved with the rest.

use stylist::{css, GlobalStyle, StyleSource};
use yew::prelude::*;

use crate::domain::saved::Theme;

struct Palette {
    text: &'static str,
    muted: &'static str,
    line: &'static str,
    surface: &'static str,
    subtle: &'static str,
    accent: &'static str,
    focus: &'static str,
    error: &'static str,
    warning: &'static str,
    done: &'static str,
    /// Form controls and scroll bars in the browser's own light or dark look.
    scheme: &'static str,
}

// Each pair of text and background colours keeps WCAG's 4.5:1 contrast (axe checks both).
const LIGHT: Palette = Palette {
    text: "#1b1f24",
    muted: "#57606a",
    line: "#d0d7de",
    surface: "#ffffff",
    subtle: "#f6f8fa",
    accent: "#0b5cad",
    focus: "#1a73e8",
    error: "#b42318",
    warning: "#8a5a00",
    done: "#1a7f37",
    scheme: "light",
};

const DARK: Palette = Palette {
    text: "#e6edf3",
    muted: "#9da7b3",
    line: "#3d444d",
    surface: "#0d1117",
    subtle: "#161b22",
    accent: "#58a6ff",
    focus: "#79c0ff",
    error: "#ff7b72",
    warning: "#e3b341",
    done: "#3fb950",
    scheme: "dark",
};

/// Sets the page's colours: the dark palette where the admin chose it, or chose the
/// system's and the system is dark (stylist's `use_media_query` follows it). They go on the
/// page's root, so the whole page is painted, and the assistant's rules inherit them. Print
/// is always light (styles/app.css). The theme choice's own look is in this sheet too.
/// Measured choices: a hook on stylist's `GlobalStyle` rather than its `Global` component
/// (a component costs 2.7 KB of download), and one global sheet rather than a scoped
/// `css!` class for a view (the scoped-style machinery costs 3.5 KB).
#[hook]
pub fn use_theme(choice: Theme, system_dark: bool) {
    let dark = match choice {
        Theme::System => system_dark,
        Theme::Light => false,
        Theme::Dark => true,
    };
    let css = sheet(dark);
    // Registered while it is the theme in use, and taken away when it no longer is.
    struct Mounted(Option<GlobalStyle>);
    impl Drop for Mounted {
        fn drop(&mut self) {
            if let Some(style) = &self.0 {
                style.unregister();
            }
        }
    }
    use_memo(css, |css| Mounted(GlobalStyle::new(css.clone()).ok()));
}

/// The sheet's text, for the pre-rendered pages, which show the system's theme before the
/// app starts (`ui::prerender`).
#[cfg(not(target_arch = "wasm32"))]
pub fn text(dark: bool) -> String {
    GlobalStyle::new(sheet(dark)).map(|style| style.get_style_str().to_string()).unwrap_or_default()
}

fn sheet(dark: bool) -> StyleSource {
    let p = if dark { &DARK } else { &LIGHT };
    css!(
        r#"
        background-color: ${surface};
        color-scheme: ${scheme};
        --sha-text: ${text};
        --sha-muted: ${muted};
        --sha-line: ${line};
        --sha-surface: ${surface};
        --sha-subtle: ${subtle};
        --sha-accent: ${accent};
        --sha-focus: ${focus};
        --sha-error: ${error};
        --sha-warning: ${warning};
        --sha-done: ${done};

        .sha-theme {
            float: right;
            display: flex;
            align-items: center;
            gap: .4rem;
            margin: 0 0 .5rem 1rem;
            font-size: .875rem;
        }
        .sha-theme select {
            font: inherit;
            padding: .2rem .4rem;
            color: var(--sha-text);
            background: var(--sha-surface);
            border: 1px solid var(--sha-line);
            border-radius: 6px;
        }
        @media print {
            .sha-theme { display: none; }
        }
        "#,
        surface = p.surface,
        scheme = p.scheme,
        text = p.text,
        muted = p.muted,
        line = p.line,
        subtle = p.subtle,
        accent = p.accent,
        focus = p.focus,
        error = p.error,
        warning = p.warning,
        done = p.done,
    )
}
