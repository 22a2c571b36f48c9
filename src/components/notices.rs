//! Storage notices: a full quota or a value that could not be read. Each says
//! what happened, that nothing was lost, and offers a backup download.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::state::{Notice, download, storage, use_app};

#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices" role="region" aria-live="assertive">
            <For each=move || app.notices.get() key=|notice| format!("{notice:?}") let:notice>
                <NoticeBanner notice/>
            </For>
        </div>
    }
}

#[component]
fn NoticeBanner(notice: Notice) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let message = {
        let notice = notice.clone();
        move || match &notice {
            Notice::StorageFull => i18n.t().storage_full.to_owned(),
            Notice::Unreadable { .. } => i18n.t().storage_unreadable.to_owned(),
            Notice::UpdateReady => i18n.t().update_ready.to_owned(),
            Notice::NotLoaded => i18n.t().page_not_loaded.to_owned(),
            Notice::HeldBack {
                by,
                at_ms,
                newer_schema,
            } => {
                let t = i18n.t();
                let who = by.as_deref().unwrap_or(t.held_back_unknown_device);
                let when = radslag_core::time::log_time(*at_ms);
                let newer = if newer_schema.is_some() {
                    t.held_back_newer
                } else {
                    ""
                };
                format!("{} {} {who}, {when}. {newer}", t.held_back, t.held_back_by)
            }
        }
    };
    let act = {
        let notice = notice.clone();
        move |_| match &notice {
            Notice::StorageFull => offer_workspace_backup(),
            Notice::Unreadable {
                backup_key: Some(key),
            } => offer_raw_backup(key),
            // The damaged value could not be copied aside (storage full): the
            // readable workspace, then.
            Notice::Unreadable { backup_key: None } | Notice::HeldBack { .. } => {
                offer_workspace_backup()
            }
            Notice::UpdateReady | Notice::NotLoaded => {
                let _ = window().location().reload();
            }
        }
    };
    let is_update = notice == Notice::UpdateReady;
    let reloads = is_update || notice == Notice::NotLoaded;
    let action_label = move || {
        if reloads {
            i18n.t().reload
        } else {
            i18n.t().download_backup
        }
    };
    let dismiss = move |_| app.dismiss(&notice);
    view! {
        <div class="notice" role=if is_update { "status" } else { "alert" }>
            <p>{message}</p>
            <button type="button" on:click=act>{action_label}</button>
            <button type="button" class="secondary" on:click=dismiss>{move || i18n.t().dismiss}</button>
        </div>
    }
}

/// Downloads the open workspace as an Automerge file.
pub fn offer_workspace_backup() {
    let workspace = use_app().workspace;
    if let Some(bytes) = workspace.export() {
        let name = workspace.id.get_untracked().unwrap_or_default();
        download::offer(
            &format!("radslag-{name}.automerge"),
            "application/octet-stream",
            &bytes,
        );
    }
}

/// Downloads a stored value that could not be read, exactly as it is stored.
pub fn offer_raw_backup(key: &str) {
    if let Some(text) = storage::backup_contents(key) {
        download::offer(&format!("{key}.txt"), "text/plain", text.as_bytes());
    }
}
