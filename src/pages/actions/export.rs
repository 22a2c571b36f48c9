//! Downloads the actions shown as CSV for Excel (see
//! `radslag_core::actions::export`).

use leptos::prelude::*;
use radslag_core::{
    actions::{
        Register,
        export::{Names, file_name, to_csv},
    },
    model::Action,
};

use crate::clock::today;
use crate::i18n::use_i18n;
use crate::state::{download, use_workspace};

#[component]
pub fn ExportButton(#[prop(into)] actions: Signal<Vec<Action>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let export = move |_| {
        let today = today();
        let shown = actions.get_untracked();
        let bytes = untrack(|| {
            ws.read(|d| to_csv(&shown, &Names::from_doc(d), &Register::from_doc(d), today))
        });
        if let Some(bytes) = bytes {
            download::offer(&file_name(today), "text/csv;charset=utf-8", &bytes);
        }
    };
    view! {
        <div class="action-export">
            <button type="button" class="secondary" aria-describedby="action-export-hint" on:click=export>{move || t().export_csv}</button>
            <p id="action-export-hint" class="hint">{move || t().export_hint}</p>
        </div>
    }
}
