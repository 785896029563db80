use yew::prelude::*;

use crate::domain::report::Report;

/// How many steps are done; with all of them, what the test message's check came to, once
/// there is one.
pub fn progress_bar(done: usize, total: usize, test: Option<&Report>) -> Html {
    let summary = match (done == total, test.filter(|test| !test.verdict.is_empty())) {
        (false, _) => format!("{done} of {total} steps done"),
        (true, None) => {
            format!("All {total} steps done. If your test message left through MailRoute, the change is complete.")
        }
        (true, Some(test)) => format!("All {total} steps done. The test message's check: {}", test.verdict),
    };
    html! {
        <div class="sha-progress">
            <progress id="sha-progress-bar" max={total.to_string()} value={done.to_string()} aria-labelledby="sha-progress-text" />
            <p id="sha-progress-text" class="sha-progress-text">{ summary }</p>
        </div>
    }
}
