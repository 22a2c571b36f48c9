//! Restoring a backup file: merged into its workspace (an older backup never
//! deletes newer work), or added as a workspace of its own.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_navigate;
use radslag_core::backup::RestoreError;
use wasm_bindgen_futures::JsFuture;

use crate::engine;
use crate::i18n::use_i18n;
use crate::routes::{self, Section};
use crate::state::{Notice, use_app};

async fn file_bytes(file: web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[component]
pub fn RestoreBackup() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let outcome = RwSignal::new(None::<Result<bool, RestoreError>>);
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let bytes = file_bytes(file).await.unwrap_or_default();
            let asked = || {
                window()
                    .confirm_with_message(i18n.t().restore_confirm_other)
                    .unwrap_or(false)
            };
            let Some(engine) = engine::load().await else {
                app.notify(Notice::NotLoaded);
                return;
            };
            if engine.is_other_workspace(app, &bytes) && !asked() {
                return;
            }
            match engine.restore_backup(app, &bytes) {
                Ok((id, brought_news)) => {
                    outcome.set(Some(Ok(brought_news)));
                    navigate(&routes::section(&id, Section::Settings), Default::default());
                }
                Err(error) => outcome.set(Some(Err(error))),
            }
        });
        input.set_value("");
    };
    let message = move || {
        outcome.with(|o| {
            o.as_ref().map(|result| match result {
                Ok(true) => i18n.t().restore_merged,
                Ok(false) => i18n.t().restore_nothing_new,
                Err(RestoreError::NotABackup(_)) => i18n.t().restore_not_a_backup,
                Err(RestoreError::OtherWorkspace) => i18n.t().restore_other_workspace,
            })
        })
    };
    let failed = move || outcome.with(|o| matches!(o, Some(Err(_))));
    view! {
        <div class="field restore">
            <label for="restore-file">{move || i18n.t().restore_backup}</label>
            <input id="restore-file" type="file" accept=".automerge,application/octet-stream" on:change=on_change
                aria-describedby="restore-hint restore-outcome"/>
            <p id="restore-hint" class="hint">{move || i18n.t().restore_hint}</p>
            <p id="restore-outcome" role="status" class:error=failed>{message}</p>
        </div>
    }
}
