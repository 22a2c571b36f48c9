//! Actions on other pages: an agenda item's **Ny åtgärd** button (with the
//! actions decided under that item), a meeting's follow-up of the open
//! actions of its groups, and the status select both use. A status changed
//! anywhere is written to the one action in the document, so every view of
//! it follows.
//!
//! For the meeting page: under each agenda item `<NewActionButton meeting item/>`;
//! under the item whose heading [`is_follow_up`] (`Uppföljning av åtgärder`,
//! the first item of the default template) `<ActionFollowUp meeting/>`.

pub mod form;

use leptos::prelude::*;
use radslag_core::{
    actions::{
        self as core_actions, STATUSES, follow_up_for_meeting, parse_status_code, status_code,
    },
    ids::{ActionId, AgendaItemId, MeetingId},
    model::{Action, ActionStatus, Meeting},
};

use crate::clock::today;
use crate::i18n::use_i18n;
use crate::state::{lookups::use_lookups, use_workspace};
use form::ActionForm;

/// Sets an action's status; returns whether it was written.
pub fn set_status(ws: crate::state::Workspace, id: &ActionId, status: ActionStatus) -> bool {
    ws.change(|d| {
        let Some(mut action) = d.get::<Action>(id) else {
            return Ok(false);
        };
        if action.status == status {
            return Ok(false);
        }
        action.status = status;
        d.put(&action)?;
        Ok(true)
    })
    .unwrap_or(false)
}

/// A select for an action's status, named "Status för <action>". The change
/// is announced in `announce` (a polite live region of the caller).
#[component]
pub fn StatusSelect(id: ActionId, announce: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let read_id = id.clone();
    let current = Memo::new(move |_| {
        ws.get::<Action>(&read_id)
            .map(|a| (a.status, core_actions::label(&a.text)))
            .unwrap_or_default()
    });
    let change = move |ev: leptos::ev::Event| {
        let Some(status) = parse_status_code(&event_target_value(&ev)) else {
            return;
        };
        if set_status(ws, &id, status) {
            let name = current.with_untracked(|(_, name)| name.clone());
            announce.set(format!(
                "{} ”{}”: {}",
                t().status_changed,
                name,
                t().status(status)
            ));
        }
    };
    view! {
        <select class=move || format!("status-select status-{}", status_code(current.get().0))
            aria-label=move || format!("{} {}", t().status_of, current.with(|(_, name)| name.clone()))
            on:change=change>
            {move || STATUSES.into_iter().map(|s| view! {
                <option value=status_code(s) selected=move || current.get().0 == s>{t().status(s)}</option>
            }).collect_view()}
        </select>
    }
}

/// One action as a list entry: text, owners, due date (flagged when
/// overdue) and its status select. Keyed by id, so the select keeps focus
/// while the document changes.
#[component]
fn ActionLine(id: ActionId, announce: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let read_id = id.clone();
    let names = use_lookups().names;
    let line = Memo::new(move |_| {
        ws.get::<Action>(&read_id)
            .map(|a| {
                (
                    a.text.clone(),
                    names.with(|names| names.owners(&a)),
                    a.due,
                    core_actions::is_overdue(&a, today()),
                )
            })
            .unwrap_or_default()
    });
    view! {
        <li class="action-line" class:overdue=move || line.get().3>
            <div class="action-line-text">
                <span class="action-text">{move || line.get().0}</span>
                <span class="detail">
                    {move || {
                        let (_, owners, due, _) = line.get();
                        let due = due.map(|d| d.to_string()).unwrap_or_else(|| t().no_date.to_owned());
                        if owners.is_empty() { due } else { format!("{owners} · {due}") }
                    }}
                    {move || line.get().3.then(|| view! { " " <strong class="badge overdue-badge">{t().overdue_badge}</strong> })}
                </span>
            </div>
            <StatusSelect id=id.clone() announce/>
        </li>
    }
}

/// An agenda item's **Ny åtgärd**: opens the action form prefilled with the
/// meeting and item, and lists the actions already decided under the item.
#[component]
pub fn NewActionButton(meeting: MeetingId, item: AgendaItemId) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let open = RwSignal::new(false);
    let announce = RwSignal::new(String::new());
    let item_for_list = item.clone();
    let decided = Memo::new(move |_| {
        let mut actions: Vec<Action> = ws
            .list::<Action>()
            .into_iter()
            .filter(|a| a.source_item.as_ref() == Some(&item_for_list))
            .collect();
        core_actions::sort_by_due(&mut actions);
        actions.into_iter().map(|a| a.id).collect::<Vec<ActionId>>()
    });
    let close = Callback::new(move |saved: Option<ActionId>| {
        open.set(false);
        if saved.is_some() {
            announce.set(t().saved.to_owned());
        }
    });
    view! {
        <div class="item-actions">
            <Show when=move || !decided.with(Vec::is_empty)>
                <h4 class="item-actions-heading">{move || t().from_this_item}</h4>
                <ul class="action-lines">
                    <For each=move || decided.get() key=|id| id.clone() let:id>
                        <ActionLine id announce/>
                    </For>
                </ul>
            </Show>
            <button type="button" class="secondary new-action" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || t().new_action}
            </button>
            {
                let meeting = meeting.clone();
                let item = item.clone();
                move || open.get().then(|| view! {
                    <ActionForm meeting=meeting.clone() item=item.clone() on_close=close/>
                })
            }
            <p class="visually-hidden" role="status">{move || announce.get()}</p>
        </div>
    }
}

/// The follow-up under a meeting's "Uppföljning av åtgärder" item: the open
/// actions of the meeting's groups, each with its status. An action closed
/// here stays listed (as Klar) while the page is open, so the meeting sees
/// what it has done.
#[component]
pub fn ActionFollowUp(meeting: MeetingId) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let announce = RwSignal::new(String::new());
    let listed = StoredValue::new(Vec::<ActionId>::new());
    let register = use_lookups().register;
    let follow_up = Memo::new(move |_| {
        let Some(m) = ws.get::<Meeting>(&meeting) else {
            return Vec::new();
        };
        let all = ws.list::<Action>();
        let open = register.with(|register| follow_up_for_meeting(&all, &m, register));
        listed.update_value(|ids| {
            for a in &open {
                if !ids.contains(&a.id) {
                    ids.push(a.id.clone());
                }
            }
        });
        let ids = listed.get_value();
        let mut shown: Vec<Action> = all.into_iter().filter(|a| ids.contains(&a.id)).collect();
        core_actions::sort_by_due(&mut shown);
        shown.into_iter().map(|a| a.id).collect::<Vec<ActionId>>()
    });
    view! {
        <section class="action-follow-up" aria-label=move || t().follow_up_caption>
            <p class="hint">{move || t().follow_up_intro}</p>
            <Show when=move || !follow_up.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{move || t().follow_up_empty}</p> }>
                <ul class="action-lines">
                    <For each=move || follow_up.get() key=|id| id.clone() let:id>
                        <ActionLine id announce/>
                    </For>
                </ul>
            </Show>
            <p class="visually-hidden" role="status">{move || announce.get()}</p>
        </section>
    }
}

/// Whether an agenda item is the follow-up item (by its heading).
pub fn is_follow_up(heading: &str) -> bool {
    core_actions::is_follow_up_heading(heading)
}
