//! The overview table: one row per action, by due date, with its owners,
//! status (changeable in place), groups and the meeting it came from;
//! *Nytt* on those others changed since this device last looked.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{actions::is_overdue, doc::Kind, ids::ActionId, model::Action};

use crate::clock::today;
use crate::components::actions::StatusSelect;
use crate::components::news::{NewMark, use_news};
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::{
    lookups::{Lookups, use_lookups},
    use_workspace,
};

/// What the page wants to do with a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRequest {
    Edit(ActionId),
    History(ActionId),
}

#[component]
pub fn ActionTable(
    #[prop(into)] actions: Signal<Vec<Action>>,
    announce: RwSignal<String>,
    #[prop(into)] on_request: Callback<RowRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().actions;
    let ids = Memo::new(move |_| {
        actions.with(|list| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
    });
    let changed = use_news(Kind::Action, "actions".into()).changed;
    view! {
        <div class="table-scroll" role="region" aria-labelledby="actions-caption" tabindex="0">
            <table class="actions-table">
                <caption id="actions-caption">{move || t().caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().nav_actions}</th>
                        <th scope="col">{move || t().owners}</th>
                        <th scope="col">{move || t().due}</th>
                        <th scope="col">{move || t().status}</th>
                        <th scope="col">{move || t().col_groups}</th>
                        <th scope="col">{move || t().from_meeting}</th>
                        <th scope="col">{move || t().col_more}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <ActionRow id announce on_request changed/>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// What a row shows, read from the document.
#[derive(Debug, Clone, PartialEq, Default)]
struct RowData {
    text: String,
    owners: String,
    due: Option<chrono::NaiveDate>,
    overdue: bool,
    groups: String,
    meeting: Option<(String, String)>,
    wheel_event: Option<String>,
}

#[component]
fn ActionRow(
    id: ActionId,
    announce: RwSignal<String>,
    on_request: Callback<RowRequest>,
    changed: Memo<std::collections::HashMap<String, Vec<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let read_id = id.clone();
    let Lookups { names, register } = use_lookups();
    let new_by = {
        let id = id.clone();
        move || changed.with(|c| c.get(id.as_str()).cloned())
    };
    let row = Memo::new(move |_| {
        let Some(action) = ws.get::<Action>(&read_id) else {
            return RowData::default();
        };
        names.with(|names| {
            let mut groups: Vec<String> = register.with(|register| {
                register
                    .groups_of(&action)
                    .iter()
                    .filter_map(|g| names.groups.get(g).cloned())
                    .collect()
            });
            radslag_core::order::sort(&mut groups);
            RowData {
                text: action.text.clone(),
                owners: names.owners(&action),
                due: action.due,
                overdue: is_overdue(&action, today()),
                groups: groups.join(", "),
                meeting: action.source_meeting.as_ref().and_then(|m| {
                    names
                        .meetings
                        .get(m)
                        .map(|name| (m.to_string(), name.clone()))
                }),
                wheel_event: action
                    .wheel_event
                    .as_ref()
                    .and_then(|e| names.events.get(e).cloned()),
            }
        })
    });
    let edit_id = id.clone();
    let history_id = id.clone();
    let label = move || row.with(|r| radslag_core::actions::label(&r.text));
    view! {
        <tr class:overdue=move || row.with(|r| r.overdue)>
            <th scope="row" class="action-cell">
                <span class="action-text">{move || row.with(|r| r.text.clone())}</span>
                {move || new_by().map(|by| view! { " "<NewMark by/> })}
                {move || row.with(|r| r.wheel_event.clone()).map(|e| view! { <span class="detail">{format!("{}: {e}", t().wheel_event)}</span> })}
            </th>
            <td>{move || row.with(|r| r.owners.clone())}</td>
            <td class="due">
                {move || match row.with(|r| r.due) {
                    Some(due) => view! { <time datetime=due.to_string()>{due.to_string()}</time> }.into_any(),
                    None => view! { <span class="detail">{t().no_date}</span> }.into_any(),
                }}
                {move || row.with(|r| r.overdue).then(|| view! { " " <strong class="badge overdue-badge">{t().overdue_badge}</strong> })}
            </td>
            <td><StatusSelect id=id.clone() announce/></td>
            <td>{move || row.with(|r| r.groups.clone())}</td>
            <td>
                {move || row.with(|r| r.meeting.clone()).map(|(meeting, name)| {
                    let href = routes::meeting(&ws.id.get().unwrap_or_default(), &meeting.as_str().into());
                    view! { <A href=href>{name}</A> }
                })}
            </td>
            <td class="row-actions">
                <button type="button" class="secondary" aria-label=move || format!("{} ”{}”", t().edit, label())
                    on:click=move |_| on_request.run(RowRequest::Edit(edit_id.clone()))>{move || t().edit}</button>
                <button type="button" class="secondary" aria-label=move || format!("{} ”{}”", t().history_of, label())
                    on:click=move |_| on_request.run(RowRequest::History(history_id.clone()))>{move || t().history}</button>
            </td>
        </tr>
    }
}
