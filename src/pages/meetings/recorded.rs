//! The actions under an agenda item of the minutes as they read and print:
//! those decided under it and, under the follow-up item, those the meeting
//! followed up; for approved minutes each with its status at approval
//! (`radslag_core::actions::record`). Read-only.

use leptos::prelude::*;
use radslag_core::actions::{
    record::{ItemRecord, RecordedAction},
    status_code,
};

use crate::i18n::use_i18n;

/// One action: "Text — Ansvarig: Namn, Organisation; klart senast
/// 2023-05-11 (Pågår)", as the Markdown export writes it.
#[component]
fn RecordedLine(action: RecordedAction) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().actions;
    let facts = move || {
        let mut facts = Vec::new();
        if !action.owners.is_empty() {
            facts.push(format!("{}: {}", t().owner, action.owners.join(", ")));
        }
        if let Some(due) = action.due {
            facts.push(format!("{} {}", t().record_due, due.format("%Y-%m-%d")));
        }
        (!facts.is_empty()).then(|| format!(" — {}", facts.join("; ")))
    };
    let status = action.status;
    view! {
        <li class="minutes-action">
            <span class="action-text">{action.text.clone()}</span>
            {facts}" "
            <span class=format!("action-status status-{}", status_code(status))>
                "("{move || t().status(status)}")"
            </span>
        </li>
    }
}

#[component]
pub fn RecordedActions(
    record: ItemRecord,
    /// Whether the minutes are approved (the statuses are then as at approval).
    approved: bool,
    #[prop(default = 3)] heading_level: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().actions;
    let heading = move |text: fn(&crate::i18n::actions::ActionTexts) -> &'static str| {
        let text = move || text(t());
        if heading_level <= 3 {
            view! { <h3>{text}</h3> }.into_any()
        } else {
            view! { <h4>{text}</h4> }.into_any()
        }
    };
    let list = |rows: Vec<RecordedAction>| {
        view! {
            <ul class="minutes-action-list">
                {rows.into_iter().map(|action| view! { <RecordedLine action/> }).collect_view()}
            </ul>
        }
    };
    let follow_up = record.follow_up.map(|rows| {
        let empty = rows.is_empty();
        view! {
            <section class="minutes-actions minutes-follow-up" aria-label=move || t().follow_up_caption>
                {heading(|t| t.follow_up_caption)}
                {approved.then(|| view! { <p class="hint">{move || t().record_as_approved}</p> })}
                {if empty {
                    view! { <p class="empty">{move || t().record_follow_up_empty}</p> }.into_any()
                } else {
                    list(rows).into_any()
                }}
            </section>
        }
    });
    let decided = (!record.decided.is_empty()).then(|| {
        view! {
            <section class="minutes-actions minutes-decided" aria-label=move || t().record_decided>
                {heading(|t| t.record_decided)}
                {list(record.decided)}
            </section>
        }
    });
    view! { {follow_up}{decided} }
}
