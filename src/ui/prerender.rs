//! The pre-rendered pages: the page view (`ui::app::page`) of a first visit's state,
//! rendered to HTML natively at build time by Yew's server renderer, so that the steps can
//! be read before the app's WebAssembly arrives, and without scripts at all.

use serde::Serialize;
use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::domain::platform::Platform;
use crate::ui::address::title;
use crate::ui::app::page;
use crate::ui::state::State;
use crate::ui::theme;

/// One page, for scripts/package.mjs to put into the built index.html.
#[derive(Serialize)]
pub struct Page {
    /// The page's folder, `exchange-2016/`; empty for the platform choice at the root.
    pub folder: String,
    pub platform: Option<&'static str>,
    pub title: String,
    /// What goes inside the page's `<main>`.
    pub body: String,
}

/// Every page and the theme's two sheets, as one JSON document.
#[derive(Serialize)]
pub struct Site {
    pub pages: Vec<Page>,
    pub light: String,
    pub dark: String,
}

#[derive(Properties, PartialEq)]
struct Props {
    at: Option<Platform>,
}

#[component]
fn FirstVisit(props: &Props) -> Html {
    let at = props.at;
    let store = use_reducer(move || State::first_visit(at));
    page(&store)
}

pub fn site() -> Site {
    let pages = std::iter::once(None)
        .chain(Platform::ALL.into_iter().map(Some))
        .map(|at| Page {
            folder: at.map(|platform| format!("{}/", platform.id())).unwrap_or_default(),
            platform: at.map(Platform::id),
            title: title(at),
            body: futures::executor::block_on(
                LocalServerRenderer::<FirstVisit>::with_props(Props { at }).hydratable(false).render(),
            ),
        })
        .collect();
    Site { pages, light: theme::text(false), dark: theme::text(true) }
}
