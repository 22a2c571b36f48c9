//! The header's view of sync: its state in words and an icon, who else is
//! here now (and where), and the invitation link.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use radslag_core::{ids::MeetingId, model::Meeting};

use crate::i18n::{Texts, use_i18n};
use crate::routes::{self, Section};
use crate::state::{Workspace, use_workspace};
use crate::sync::{Peer, SyncStatus, use_sync};

#[component]
pub fn SyncIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let words = move || match sync.status.get() {
        SyncStatus::Offline => i18n.t().sync_offline,
        SyncStatus::Connecting => i18n.t().sync_connecting,
        SyncStatus::Syncing => i18n.t().sync_syncing,
        SyncStatus::Synced => i18n.t().sync_synced,
    };
    let icon = move || match sync.status.get() {
        SyncStatus::Offline => "⨯",
        SyncStatus::Connecting | SyncStatus::Syncing => "↻",
        SyncStatus::Synced => "✓",
    };
    let class = move || format!("sync-status sync-{:?}", sync.status.get()).to_lowercase();
    view! {
        <p class=class role="status">
            <span class="sync-icon" aria-hidden="true">{icon}</span>
            <span class="sync-words">{words}</span>
        </p>
    }
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

/// Where a peer is, in words: the part of the app, and on a meeting's page
/// the meeting and the agenda item it writes in ("Möten: Trygghetsrådet,
/// punkt 4 Lägesbild").
fn place_in_words(peer: &Peer, t: &Texts, ws: Workspace) -> String {
    let mut parts = peer.place.split('/').skip(3);
    let section = match parts.next().and_then(Section::from_segment) {
        Some(Section::Meetings) => t.nav_meetings,
        Some(Section::Actions) => t.nav_actions,
        Some(Section::Wheel) => t.nav_wheel,
        Some(Section::Dialogues) => t.nav_dialogues,
        Some(Section::People) => t.nav_people,
        Some(Section::Settings) => t.nav_settings,
        Some(Section::Trash) => t.trash.heading,
        None => t.app_name,
    };
    let meeting = parts
        .next()
        .filter(|_| section == t.nav_meetings)
        .and_then(|id| ws.get::<Meeting>(&MeetingId::from(id)));
    let Some(meeting) = meeting else {
        return section.to_owned();
    };
    let mut words = format!("{section}: {}", meeting.title);
    if let Some((index, item)) = meeting
        .agenda
        .iter()
        .enumerate()
        .find(|(_, i)| i.id.as_str() == peer.item)
    {
        words.push_str(&format!(
            ", {} {} {}",
            t.meetings.item,
            index + 1,
            item.heading
        ));
    }
    words
}

#[component]
pub fn Presence() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let ws = use_workspace();
    view! {
        <Show when=move || !sync.peers.with(Vec::is_empty)>
            <div class="presence">
                <span class="visually-hidden">{move || i18n.t().others_here}</span>
                <ul>
                    <For each=move || sync.peers.get() key=|p| (p.id.clone(), p.name.clone(), p.place.clone(), p.item.clone()) let:peer>
                        {
                            let name = if peer.name.is_empty() { i18n.t().unknown_person.to_owned() } else { peer.name.clone() };
                            let place = move || place_in_words(&peer, i18n.t(), ws);
                            let initials = initials(&name);
                            let title = { let (name, place) = (name.clone(), place.clone()); move || format!("{name} — {}", place()) };
                            view! {
                                <li class="avatar" title=title>
                                    <span aria-hidden="true">{initials}</span>
                                    <span class="visually-hidden">{move || format!("{name} ({})", place())}</span>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </Show>
    }
}

#[component]
pub fn Invite() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let copied = RwSignal::new(None::<&'static str>);
    let link = move || {
        let origin = window().location().origin().unwrap_or_default();
        ws.id
            .get()
            .map(|id| routes::join(&origin, &id))
            .unwrap_or_default()
    };
    let copy = move |_| {
        let navigator = window().navigator();
        // The Clipboard API exists only in secure contexts (https, localhost):
        // a relay on a LAN over plain http has none, so select the link for Ctrl+C.
        let has_clipboard =
            js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
        if has_clipboard {
            let _ = navigator.clipboard().write_text(&link());
            copied.set(Some(i18n.t().copied));
        } else if let Some(input) = document()
            .get_element_by_id("invite-link")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
            copied.set(Some(i18n.t().copy_by_hand));
        }
    };
    view! {
        <details class="invite">
            <summary>{move || i18n.t().invite}</summary>
            <div class="invite-panel">
                <p>{move || i18n.t().invite_hint}</p>
                <label for="invite-link">{move || i18n.t().invite_link}</label>
                <input id="invite-link" readonly prop:value=link on:focus=move |ev| {
                    event_target::<web_sys::HtmlInputElement>(&ev).select();
                }/>
                <button type="button" on:click=copy>{move || i18n.t().copy_link}</button>
                <p role="status">{move || copied.get()}</p>
            </div>
        </details>
    }
}
