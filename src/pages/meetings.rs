//! Möten: the workspace's meetings, newest first.

use leptos::prelude::*;
use radslag_core::model::{Group, Meeting};

use crate::components::entry_list::{Entry, EntryList};
use crate::state::use_workspace;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let ws = use_workspace();
    let entries = Memo::new(move |_| {
        ws.read(|d| {
            let mut meetings = d.list::<Meeting>();
            meetings.sort_by(|a, b| b.date.cmp(&a.date));
            meetings
                .into_iter()
                .map(|m| {
                    let groups: Vec<String> = m
                        .groups
                        .iter()
                        .filter_map(|g| d.get::<Group>(g))
                        .map(|g| g.name)
                        .collect();
                    let date = m.date.map(|d| d.to_string()).unwrap_or_default();
                    Entry {
                        key: m.id.0,
                        title: m.title,
                        detail: [date, groups.join(", ")].join(" · "),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
    });
    view! { <EntryList title=|t| t.nav_meetings intro=|t| t.meetings_intro empty=|t| t.no_meetings entries/> }
}
