//! A section's heading, introduction and its entries as a simple list, or a
//! note that there are none yet.

use leptos::prelude::*;

use crate::i18n::{Texts, use_i18n};

/// One line of a list: a title and a detail line.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub title: String,
    pub detail: String,
}

#[component]
pub fn EntryList(
    title: fn(&Texts) -> &'static str,
    intro: fn(&Texts) -> &'static str,
    empty: fn(&Texts) -> &'static str,
    entries: Memo<Vec<Entry>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || title(i18n.t())}</h1>
        <p class="lead">{move || intro(i18n.t())}</p>
        <Show when=move || !entries.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || empty(i18n.t())}</p> }>
            <ul class="entry-list">
                <For each=move || entries.get() key=|e| (e.key.clone(), e.title.clone(), e.detail.clone()) let:entry>
                    <li>
                        <strong>{entry.title}</strong>
                        <span class="detail">{entry.detail}</span>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
