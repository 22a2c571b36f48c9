//! Åtgärder: the workspace's actions, by due date.

use leptos::prelude::*;
use radslag_core::model::Action;

use crate::components::entry_list::{Entry, EntryList};
use crate::state::use_workspace;

#[component]
pub fn ActionsPage() -> impl IntoView {
    let ws = use_workspace();
    let entries = Memo::new(move |_| {
        let mut actions = ws.read(|d| d.list::<Action>()).unwrap_or_default();
        actions.sort_by_key(|a| a.due);
        actions
            .into_iter()
            .map(|a| Entry {
                key: a.id.0,
                title: a.text,
                detail: a.due.map(|d| d.to_string()).unwrap_or_default(),
            })
            .collect()
    });
    view! { <EntryList title=|t| t.nav_actions intro=|t| t.actions_intro empty=|t| t.no_actions entries/> }
}
