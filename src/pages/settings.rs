//! Inställningar: the workspace's details, backups and storage health.

use leptos::prelude::*;
use radslag_core::{backup, model::WorkspaceInfo};
use std::time::Duration;

use crate::components::{
    notices::{offer_raw_backup, offer_workspace_backup},
    restore::RestoreBackup,
};
use crate::i18n::use_i18n;
use crate::state::{download, storage, use_app, use_workspace};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t().nav_settings}</h1>
        <WorkspaceDetails/>
        <Backups/>
        <StorageHealth/>
        <SetAsideCopies/>
    }
}

#[component]
fn WorkspaceDetails() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let info = ws.read(|d| d.info()).unwrap_or_default();
    let name = RwSignal::new(info.name);
    let organisation = RwSignal::new(info.organisation);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let info = WorkspaceInfo {
            name: name.get_untracked().trim().to_owned(),
            organisation: organisation.get_untracked().trim().to_owned(),
        };
        if info.name.is_empty() {
            return;
        }
        saved.set(ws.change(|d| d.set_info(&info)).is_ok());
    };
    view! {
        <section aria-labelledby="details-heading">
            <h2 id="details-heading">{move || i18n.t().settings.workspace_details}</h2>
            <form on:submit=submit>
                <div class="field">
                    <label for="settings-name">{move || i18n.t().workspace_name}</label>
                    <input id="settings-name" required prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="settings-org">{move || i18n.t().organisation}</label>
                    <input id="settings-org" prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev))/>
                </div>
                <button type="submit">{move || i18n.t().save}</button>
                <p role="status">{move || saved.get().then(|| i18n.t().saved)}</p>
            </form>
        </section>
    }
}

#[component]
fn Backups() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let download_json = move |_| {
        if let Some(json) = ws.read(backup::to_json) {
            let name = ws.id.get_untracked().unwrap_or_default();
            download::offer(
                &format!("radslag-{name}.json"),
                "application/json",
                json.as_bytes(),
            );
        }
    };
    view! {
        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">{move || i18n.t().settings.backups}</h2>
            <p class="lead">{move || i18n.t().settings.backups_intro}</p>
            <div class="actions">
                <button type="button" on:click=move |_| offer_workspace_backup()>{move || i18n.t().download_backup}</button>
                <button type="button" class="secondary" on:click=download_json>{move || i18n.t().settings.download_json}</button>
            </div>
            <RestoreBackup/>
        </section>
    }
}

fn kilobytes(chars: usize) -> String {
    format!("{:.0} kB", chars as f64 / 1024.0)
}

#[component]
fn StorageHealth() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    // Saves land a moment after each change: look again now and then.
    let tick = RwSignal::new(0_u32);
    if let Ok(handle) =
        set_interval_with_handle(move || tick.update(|t| *t += 1), Duration::from_secs(2))
    {
        on_cleanup(move || handle.clear());
    }
    let usage = Memo::new(move |_| {
        tick.track();
        ws.read(|_| ())
            .and(ws.id.get())
            .map(|id| storage::usage(&id))
            .unwrap_or_default()
    });
    let share = move || usage.get().1 as f64 / storage::QUOTA_CHARS as f64;
    let compacted = RwSignal::new(false);
    view! {
        <section aria-labelledby="storage-heading">
            <h2 id="storage-heading">{move || i18n.t().settings.storage}</h2>
            <p>
                {move || i18n.t().settings.storage_workspace_uses}" "<strong class="storage-workspace">{move || kilobytes(usage.get().0)}</strong>". "
                {move || i18n.t().settings.storage_all_use}" "<strong class="storage-total">{move || kilobytes(usage.get().1)}</strong>" "
                {move || i18n.t().settings.storage_of_quota}" "{kilobytes(storage::QUOTA_CHARS)}"."
            </p>
            <label for="storage-meter">{move || i18n.t().settings.storage_used}</label>
            <meter id="storage-meter" min="0" max="1" low="0.7" high="0.9" optimum="0" value=share>
                {move || format!("{:.0} %", share() * 100.0)}
            </meter>
            <Show when=move || { share() > 0.8 }>
                <p class="error" role="alert">{move || i18n.t().settings.storage_nearly_full}</p>
            </Show>
            <p class="hint">{move || i18n.t().settings.compact_hint}</p>
            <button type="button" class="secondary" on:click=move |_| { ws.compact(); compacted.set(true); tick.update(|t| *t += 1); }>
                {move || i18n.t().settings.compact}
            </button>
            <p role="status">{move || compacted.get().then(|| i18n.t().settings.compacted)}</p>
        </section>
    }
}

/// Values that could not be read, kept aside as they were instead of being
/// overwritten: each can be downloaded (to keep, or to send for help) and
/// deleted when no longer needed.
#[component]
fn SetAsideCopies() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let copies = RwSignal::new(storage::set_aside());
    let what = move |copy: &storage::SetAside| {
        let name = copy.workspace().and_then(|id| {
            app.workspaces
                .with_untracked(|list| list.iter().find(|e| e.id == id).map(|e| e.name.clone()))
        });
        name.or_else(|| copy.workspace().map(str::to_owned))
            .unwrap_or_else(|| copy.original_key.clone())
    };
    let delete = move |key: String| {
        if window()
            .confirm_with_message(i18n.t().settings.set_aside_delete_confirm)
            .unwrap_or(false)
        {
            storage::delete_set_aside(&key);
            copies.set(storage::set_aside());
        }
    };
    view! {
        <section aria-labelledby="set-aside-heading">
            <h2 id="set-aside-heading">{move || i18n.t().settings.set_aside}</h2>
            <p class="hint">{move || i18n.t().settings.set_aside_intro}</p>
            <Show when=move || !copies.with(Vec::is_empty) fallback=move || view! { <p class="set-aside-none">{move || i18n.t().settings.set_aside_none}</p> }>
                <table class="set-aside">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().settings.set_aside_what}</th>
                            <th scope="col">{move || i18n.t().settings.set_aside_when}</th>
                            <th scope="col">{move || i18n.t().settings.set_aside_size}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t().settings.set_aside_actions}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || copies.get() key=|copy| copy.key.clone() let:copy>
                            {
                                let when = radslag_core::time::log_time(copy.at_ms);
                                let what = what(&copy);
                                let (download_key, delete_key) = (copy.key.clone(), copy.key.clone());
                                let label = what.clone();
                                view! {
                                    <tr>
                                        <td>{what}</td>
                                        <td><time datetime=when.clone()>{when.clone()}</time></td>
                                        <td>{kilobytes(copy.chars)}</td>
                                        <td class="row-actions">
                                            <button type="button" class="secondary" aria-label=move || format!("{} {label}", i18n.t().settings.download_copy) on:click=move |_| offer_raw_backup(&download_key)>
                                                {move || i18n.t().settings.download_copy}
                                            </button>
                                            <button type="button" class="secondary" on:click=move |_| delete(delete_key.clone())>
                                                {move || i18n.t().delete}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
