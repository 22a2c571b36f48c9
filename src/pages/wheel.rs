//! Årshjul: the year's events, by date.

use leptos::prelude::*;
use radslag_core::model::WheelEvent;

use crate::components::entry_list::{Entry, EntryList};
use crate::state::use_workspace;

#[component]
pub fn WheelPage() -> impl IntoView {
    let ws = use_workspace();
    let entries = Memo::new(move |_| {
        let mut events = ws.read(|d| d.list::<WheelEvent>()).unwrap_or_default();
        events.sort_by_key(|e| e.start);
        events
            .into_iter()
            .map(|e| {
                let dates = match (e.start, e.end) {
                    (Some(start), Some(end)) if end != start => format!("{start} – {end}"),
                    (Some(start), _) => start.to_string(),
                    _ => String::new(),
                };
                Entry {
                    key: e.id.0,
                    title: e.title,
                    detail: dates,
                }
            })
            .collect()
    });
    view! { <EntryList title=|t| t.nav_wheel intro=|t| t.wheel_intro empty=|t| t.no_wheel_events entries/> }
}
