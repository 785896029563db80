use yew::prelude::*;

pub fn progress_bar(done: usize, total: usize) -> Html {
    let summary = if done == total {
        format!("All {total} steps done. If your test message left through MailRoute, the change is complete.")
    } else {
        format!("{done} of {total} steps done")
    };
    html! {
        <div class="sha-progress">
            <progress id="sha-progress-bar" max={total.to_string()} value={done.to_string()} aria-labelledby="sha-progress-text" />
            <p id="sha-progress-text" class="sha-progress-text">{ summary }</p>
        </div>
    }
}
