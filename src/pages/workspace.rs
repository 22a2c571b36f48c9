//! `/w/:ws/…`: opens the workspace named in the path and shows its page, or
//! says why it cannot.

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, Redirect},
    hooks::{use_location, use_params_map},
};

use radslag_core::sync::DocumentId;

use crate::components::notices::offer_raw_backup;
use crate::i18n::use_i18n;
use crate::routes::{self, Section};
use crate::state::{OpenState, use_app};

#[component]
pub fn WorkspaceFrame() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    Effect::new(move |_| {
        if let Some(id) = params.with(|p| p.get(routes::param::WS)) {
            app.open_workspace(&id);
        }
    });
    let fetch = move |_| {
        if let Some(id) = params.with_untracked(|p| p.get(routes::param::WS)) {
            app.begin_join(&id);
        }
    };
    // While the document loads (see `OpenState::Opening`) only the meetings
    // list shows, from the workspace's first view; it stays on screen when
    // the document is there.
    let location = use_location();
    let shown = Memo::new(move |_| match app.workspace.state.get() {
        OpenState::Opening if app.workspace.shows_first_view() => {
            let list = app
                .workspace
                .id
                .get()
                .map(|id| routes::section(&id, Section::Meetings));
            if location
                .pathname
                .with(|path| Some(path.trim_end_matches('/')) == list.as_deref())
            {
                OpenState::Ready
            } else {
                OpenState::Opening
            }
        }
        state => state,
    });
    move || {
        match shown.get() {
        OpenState::Ready => view! { <Outlet/> }.into_any(),
        OpenState::Opening => view! {
            <section class="problem" aria-busy="true">
                <p role="status">{move || i18n.t().opening}</p>
            </section>
        }
        .into_any(),
        OpenState::Closed => ().into_any(),
        OpenState::Missing => view! {
            <section class="problem">
                <h1>{move || i18n.t().workspace_missing}</h1>
                <p>{move || i18n.t().fetch_from_server_hint}</p>
                <div class="actions">
                    <button type="button" on:click=fetch>{move || i18n.t().fetch_from_server}</button>
                    <a href=routes::HOME>{move || i18n.t().go_home}</a>
                </div>
            </section>
        }
        .into_any(),
        OpenState::Joining => view! {
            <section class="problem" aria-busy="true">
                <h1>{move || i18n.t().joining}</h1>
                <p role="status">{move || i18n.t().joining_hint}</p>
            </section>
        }
        .into_any(),
        OpenState::NotFound => view! {
            <section class="problem">
                <p role="alert">{move || i18n.t().join_not_found}</p>
                <a href=routes::HOME>{move || i18n.t().go_home}</a>
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

/// `/join/:doc`: an invitation link. Opens the workspace if this device has
/// it, else fetches it from the relay; a link that holds no workspace id
/// says so.
#[component]
pub fn Join() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let doc = use_params_map()
        .with_untracked(|p| p.get(routes::param::DOC))
        .unwrap_or_default();
    if DocumentId::parse(&doc).is_err() {
        return view! {
            <section class="problem">
                <p role="alert">{move || i18n.t().not_an_invitation}</p>
                <a href=routes::HOME>{move || i18n.t().go_home}</a>
            </section>
        }
        .into_any();
    }
    let known = app
        .workspaces
        .with_untracked(|list| list.iter().any(|e| e.id == doc));
    if !known {
        app.begin_join(&doc);
    }
    view! { <Redirect path=routes::section(&doc, Section::Meetings)/> }.into_any()
}
