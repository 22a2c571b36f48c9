//! `/w/:ws/…`: opens the workspace named in the path and shows its page, or
//! says why it cannot.

use leptos::prelude::*;
use leptos_router::{components::Outlet, hooks::use_params_map};

use crate::components::notices::offer_raw_backup;
use crate::i18n::use_i18n;
use crate::state::{OpenState, use_app};

#[component]
pub fn WorkspaceFrame() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    Effect::new(move |_| {
        if let Some(id) = params.with(|p| p.get("ws")) {
            app.open_workspace(&id);
        }
    });
    move || {
        match app.workspace.state.get() {
        OpenState::Ready => view! { <Outlet/> }.into_any(),
        OpenState::Closed => ().into_any(),
        OpenState::Missing => view! {
            <section class="problem">
                <h1>{move || i18n.t().workspace_missing}</h1>
                <a href="/">{move || i18n.t().go_home}</a>
            </section>
        }
        .into_any(),
        OpenState::Newer => view! {
            <section class="problem"><p role="alert">{move || i18n.t().storage_newer}</p></section>
        }
        .into_any(),
        OpenState::Unreadable { backup_key, reason } => view! {
            <section class="problem">
                <p role="alert">{move || i18n.t().storage_unreadable}</p>
                <p class="hint">{reason}</p>
                {backup_key.map(|key| view! {
                    <button type="button" on:click=move |_| offer_raw_backup(&key)>{move || i18n.t().download_backup}</button>
                })}
            </section>
        }
        .into_any(),
    }
    }
}
