//! *Borttaget*: everything deleted in the workspace, newest first — what,
//! by whom and when — each with *Återställ*, which brings it back as it was
//! (deleting only marks; see `radslag_core::doc::Deletable`).

use leptos::prelude::*;
use radslag_core::{
    DocError,
    doc::{Deletable, Deleted},
    model::Meeting,
    time::log_time,
};

use crate::components::focus::focus_by_id;
use crate::i18n::use_i18n;
use crate::state::{Workspace, use_workspace};

/// A deleted thing as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    deleted: Deleted,
    /// An agenda item's meeting, in words.
    meeting: Option<String>,
    by: Option<String>,
}

fn rows(ws: Workspace) -> Vec<Row> {
    ws.read(|d| {
        d.deleted()
            .into_iter()
            .map(|deleted| Row {
                meeting: match &deleted.what {
                    Deletable::AgendaItem { meeting, .. } => d.get::<Meeting>(meeting).map(|m| {
                        let date = m.date.map(|d| format!(" {d}")).unwrap_or_default();
                        format!("{}{date}", m.title)
                    }),
                    Deletable::Entry { .. } => None,
                },
                by: deleted.by.as_ref().and_then(|p| d.name_of(p)),
                deleted,
            })
            .collect()
    })
    .unwrap_or_default()
}

#[component]
pub fn TrashPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().trash;
    let rows = Memo::new(move |_| rows(ws));
    let status = RwSignal::new(String::new());
    view! {
        <h1 id="trash-heading" tabindex="-1">{move || t().heading}</h1>
        <p class="lead">{move || t().intro}</p>
        <p role="status">{move || status.get()}</p>
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().empty}</p> }>
            <ul class="trash-list">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <TrashEntry row status/>
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn TrashEntry(row: Row, status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().trash;
    let Row {
        deleted,
        meeting,
        by,
    } = row;
    let what = deleted.what.clone();
    let label = {
        let (label, what) = (deleted.label.clone(), what.clone());
        move || {
            if label.is_empty() {
                t().kind(&what).to_owned()
            } else {
                label.clone()
            }
        }
    };
    let kind = {
        let what = what.clone();
        move || match &meeting {
            Some(meeting) => format!("{} {} {meeting}", t().kind(&what), t().in_meeting),
            None => t().kind(&what).to_owned(),
        }
    };
    let when = log_time(deleted.at_ms);
    let by = move || by.clone().unwrap_or_else(|| t().unknown_person.to_owned());
    let restore = {
        let label = label.clone();
        move |_| {
            let message = match ws.change(|d| d.restore(&what)) {
                Ok(_) => format!("{} {}", t().restored, label()),
                Err(DocError::Approved) => t().approved.to_owned(),
                Err(_) => return,
            };
            status.set(message);
            // The entry leaves the list with the focus: the heading takes it.
            focus_by_id("trash-heading");
        }
    };
    let button_label = {
        let label = label.clone();
        move || format!("{} {}", t().restore, label())
    };
    view! {
        <li class="trash-entry">
            <div class="trash-what">
                <strong class="trash-label">{label}</strong>
                <span class="trash-kind">{kind}</span>
                <span class="trash-when">{move || format!("{} {}, {when}", t().deleted_by, by())}</span>
            </div>
            <button type="button" class="secondary" aria-label=button_label on:click=restore>
                {move || t().restore}
            </button>
        </li>
    }
}
