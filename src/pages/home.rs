//! `/`: the last workspace used, or the welcome when there is none.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::pages::welcome::Welcome;
use crate::routes::{self, Section};
use crate::state::{storage, use_app};

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let target = app.workspaces.with_untracked(|list| {
        let last = storage::last_workspace();
        list.iter()
            .find(|e| Some(&e.id) == last.as_ref())
            .or(list.first())
            .map(|e| e.id.clone())
    });
    match target {
        Some(id) => view! { <Redirect path=routes::section(&id, Section::Meetings)/> }.into_any(),
        None => view! { <Welcome/> }.into_any(),
    }
}
