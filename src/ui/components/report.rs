use yew::prelude::*;

use crate::domain::checklist::steps;
use crate::domain::report::{Level, Report};
use crate::ui::state::Store;

/// What a check found, each with a link to the step that fixes it, and its lines.
pub fn report(store: &Store, report: &Report) -> Html {
    let steps = steps(store.settings());
    let findings: Html = report
        .findings
        .iter()
        .map(|finding| {
            let (level, prefix) = match finding.level {
                Level::Error => ("error", "Error: "),
                Level::Warning => ("warning", "Warning: "),
                Level::Note => ("note", "Note: "),
                Level::Pass => ("pass", "Passed: "),
            };
            let link = finding.step.as_deref().and_then(|id| {
                let number = steps.iter().position(|step| step.id == id)?;
                Some(html! {
                    <>{ " " }<a href={format!("#step-{id}")}>{ format!("Step {}: {}", number + 1, steps[number].title) }</a></>
                })
            });
            html! {
                <li class="sha-problem" data-severity={level}>
                    <span class="sha-visually-hidden">{ prefix }</span>{ finding.message.clone() }{ link }
                </li>
            }
        })
        .collect();
    let lines = (!report.lines.is_empty()).then(|| {
        html! {
            <>
                <p>{ "The way the message came, first hop first:" }</p>
                <ol class="sha-lines">{ for report.lines.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ol>
            </>
        }
    });
    html! { <><ul class="sha-findings">{ findings }</ul>{ lines }</> }
}
