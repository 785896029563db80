use yew::prelude::*;

use crate::domain::report::Report;

/// What a check found, each with a link to the step that fixes it, and its lines.
pub fn report(report: &Report) -> Html {
    if report.findings.is_empty() {
        return Html::default();
    }
    let findings: Html = report
        .findings
        .iter()
        .map(|finding| {
            let link = finding.step.as_ref().zip(finding.step_name.as_ref()).map(|(id, name)| {
                html! { <>{ " " }<a href={format!("#step-{id}")}>{ name.clone() }</a></> }
            });
            html! {
                <li class="sha-problem" data-severity={<&str>::from(finding.level)}>
                    <span class="sha-visually-hidden">{ finding.level.word() }{ ": " }</span>{ finding.message.clone() }{ link }
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
