//! Dialoger: the workspace's dialogues.

use leptos::prelude::*;
use radslag_core::model::Dialogue;

use crate::components::entry_list::{Entry, EntryList};
use crate::state::use_workspace;

#[component]
pub fn DialoguesPage() -> impl IntoView {
    let ws = use_workspace();
    let entries = Memo::new(move |_| {
        let mut dialogues = ws.read(|d| d.list::<Dialogue>()).unwrap_or_default();
        dialogues.sort_by(|a, b| a.title.cmp(&b.title));
        dialogues
            .into_iter()
            .map(|d| {
                let questions = d
                    .questions
                    .iter()
                    .map(|q| q.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" · ");
                Entry {
                    key: d.id.0,
                    title: d.title,
                    detail: questions,
                }
            })
            .collect()
    });
    view! { <EntryList title=|t| t.nav_dialogues intro=|t| t.dialogues_intro empty=|t| t.no_dialogues entries/> }
}
