use yew::prelude::*;

use crate::domain::checklist::guide::Section;
use crate::ui::components::blocks::{block, part_id};
use crate::ui::state::Store;

/// A part of the page around the steps (`checklist::guide`), under its heading, which links
/// can reach.
pub fn section(store: &Store, section: Section) -> Html {
    let title_id = format!("{}-title", section.id);
    html! {
        // The id, not a class from a variable: that would bring in Yew's class-list code.
        <section id={section.id} class="sha-section" aria-labelledby={title_id.clone()}>
            <h2 id={title_id} tabindex="-1">{ section.title }</h2>
            { for section.body.iter().enumerate().map(|(index, part)| block(store, part, &part_id(section.id, index))) }
        </section>
    }
}
