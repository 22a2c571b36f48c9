//! The header: skip link, workspace switcher, main navigation, language.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use radslag_core::{ids::PersonId, model::Person};

use crate::components::sync_status::{Invite, Presence, SyncIndicator};
use crate::i18n::{Lang, Texts, use_i18n};
use crate::routes::{self, Section};
use crate::state::{OpenState, storage, use_app};
use crate::sync::{SyncStatus, use_sync};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href=routes::HOME>{move || i18n.t().app_name}</a>
            <WorkspaceSwitcher/>
            <Show when=move || use_app().workspace.state.get() == OpenState::Ready>
                <SyncIndicator/>
                <Presence/>
                <Invite/>
            </Show>
            <MeSelector/>
            <LanguageToggle/>
        </header>
        <MainNav/>
    }
}

/// Choosing a workspace navigates to it; the last option starts a new one.
#[component]
fn WorkspaceSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        if value == "new" {
            navigate(routes::NEW_WORKSPACE, Default::default());
        } else {
            navigate(
                &routes::section(&value, Section::Meetings),
                Default::default(),
            );
        }
    };
    view! {
        <Show when=move || !app.workspaces.with(Vec::is_empty)>
            <label class="switcher">
                <span class="visually-hidden">{move || i18n.t().workspace_switcher}</span>
                <select on:change=on_change.clone() prop:value=move || app.workspace.id.get().unwrap_or_default()>
                    <For each=move || app.workspaces.get() key=|entry| (entry.id.clone(), entry.name.clone()) let:entry>
                        <option value=entry.id.clone()>{entry.name.clone()}<SyncState id=entry.id.clone()/></option>
                    </For>
                    <option value="new">{move || i18n.t().new_workspace}</option>
                </select>
            </label>
        </Show>
    }
}

/// A workspace's own sync state, after its name in the switcher: every
/// workspace on the device syncs, open or not.
#[component]
fn SyncState(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    move || {
        sync.states.with(|states| {
            let t = i18n.t();
            let words = match states.get(&id)? {
                SyncStatus::Offline => t.workspace_offline,
                SyncStatus::Connecting | SyncStatus::Syncing => t.workspace_syncing,
                SyncStatus::Synced => t.workspace_synced,
            };
            Some(format!(" — {words}"))
        })
    }
}

/// Whom this device writes for: named in history, approvals and presence.
#[component]
fn MeSelector() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_app().workspace;
    let people = Memo::new(move |_| {
        let mut people = ws.list::<Person>();
        radslag_core::order::sort_by_key(&mut people, |p| p.name.to_lowercase());
        people
    });
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        if !value.is_empty() {
            ws.set_me(PersonId::from(value));
        }
    };
    view! {
        <Show when=move || !people.with(Vec::is_empty)>
            <label class="me">
                <span>{move || i18n.t().you_are}</span>
                <select on:change=on_change prop:value=move || ws.me.get().map(|p| p.0).unwrap_or_default()>
                    <option value="" disabled>{move || i18n.t().choose_yourself}</option>
                    <For each=move || people.get() key=|p| (p.id.clone(), p.name.clone()) let:person>
                        <option value=person.id.0.clone()>{person.name.clone()}</option>
                    </For>
                </select>
            </label>
        </Show>
    }
}

#[component]
fn LanguageToggle() -> impl IntoView {
    let i18n = use_i18n();
    let toggle = move |_| {
        let next = if i18n.0.get_untracked() == Lang::Sv {
            Lang::En
        } else {
            Lang::Sv
        };
        storage::set_language(next.code());
        i18n.0.set(next);
    };
    let other = move || if i18n.0.get() == Lang::Sv { "en" } else { "sv" };
    view! {
        <button type="button" class="lang-toggle" lang=other on:click=toggle>
            {move || i18n.t().switch_language}
        </button>
    }
}

/// A text picked from the current language's texts.
type Label = fn(&Texts) -> &'static str;

/// The sections of a workspace; shown once one is open.
#[component]
fn MainNav() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let sections: [(Section, Label); 7] = [
        (Section::Meetings, |t| t.nav_meetings),
        (Section::Actions, |t| t.nav_actions),
        (Section::Wheel, |t| t.nav_wheel),
        (Section::Dialogues, |t| t.nav_dialogues),
        (Section::People, |t| t.nav_people),
        (Section::Trash, |t| t.trash.heading),
        (Section::Settings, |t| t.nav_settings),
    ];
    move || {
        app.workspace.id.get().map(|ws| {
            view! {
                <nav class="main-nav" aria-label=move || i18n.t().nav_label>
                    <ul>
                        {sections
                            .into_iter()
                            .map(|(section, label)| {
                                view! {
                                    <li>
                                        <A href=routes::section(&ws, section)>{move || label(i18n.t())}</A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}
