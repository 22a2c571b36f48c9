//! Åtgärder: the overview of the workspace's actions — counts per status,
//! filters (group, owner, status, overdue, due this month, Mina åtgärder),
//! the table by due date with the status changeable in place, a form for a
//! new or changed action, an action's status history and the CSV export.
//! The logic is in `radslag_core::actions`.

pub mod export;
pub mod filters;
pub mod history;
pub mod overview;

use leptos::prelude::*;
use radslag_core::{
    actions::{ActionFilter, STATUSES, StatusFilter, counts},
    ids::ActionId,
    model::Action,
};

use crate::clock::today;
use crate::components::actions::form::ActionForm;
use crate::components::focus::focus_later;
use crate::i18n::use_i18n;
use crate::state::{lookups::use_lookups, use_workspace};
use export::ExportButton;
use filters::{ActionFilters, FilterState};
use history::ActionHistory;
use overview::{ActionTable, RowRequest};

/// What the form above the table is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Editing {
    New,
    Action(ActionId),
}

#[component]
pub fn ActionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let state = FilterState::new();
    let editing = RwSignal::new(None::<Editing>);
    let history = RwSignal::new(None::<ActionId>);
    let announce = RwSignal::new(String::new());

    let all = Memo::new(move |_| ws.list::<Action>());
    // Meetings' and people's groups, for the group filter and "Mina åtgärder".
    let register = use_lookups().register;
    let filter = Memo::new(move |_| state.filter(ws.me.get()));
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        register.with(|register| all.with(|actions| filter.apply(actions, register, today())))
    });
    // Counts per status over the other filters, so they add up whatever
    // status is chosen.
    let status_counts = Memo::new(move |_| {
        let filter = ActionFilter {
            status: StatusFilter::All,
            ..filter.get()
        };
        register.with(|register| {
            all.with(|actions| counts(&filter.apply(actions, register, today()), today()))
        })
    });
    let total = Memo::new(move |_| all.with(Vec::len));

    let close_form = Callback::new(move |saved: Option<ActionId>| {
        editing.set(None);
        announce.set(if saved.is_some() { t().saved } else { "" }.to_owned());
    });
    let on_request = Callback::new(move |request: RowRequest| match request {
        RowRequest::Edit(id) => {
            editing.set(Some(Editing::Action(id)));
            focus_later("action-form-anchor");
        }
        RowRequest::History(id) => {
            history.set(Some(id));
            focus_later("action-history-heading");
        }
    });

    view! {
        <h1>{move || i18n.t().nav_actions}</h1>
        <p class="lead">{move || i18n.t().actions.actions_intro}</p>
        <section class="action-counts" aria-labelledby="action-counts-heading">
            <h2 id="action-counts-heading" class="visually-hidden">{move || t().counts}</h2>
            <ul class="status-counts">
                {move || STATUSES.into_iter().map(|s| view! {
                    <li class=format!("count status-{}", radslag_core::actions::status_code(s))>
                        <span class="count-number">{move || status_counts.get().of(s)}</span>
                        " "<span class="count-label">{t().status(s)}</span>
                    </li>
                }).collect_view()}
                <li class="count count-overdue">
                    <span class="count-number">{move || status_counts.get().overdue}</span>
                    " "<span class="count-label">{move || t().overdue}</span>
                </li>
                <li class="count count-total">
                    <span class="count-number">{move || status_counts.get().total()}</span>
                    " "<span class="count-label">{move || t().total}</span>
                </li>
            </ul>
        </section>
        <div id="action-form-anchor" tabindex="-1">
            {move || match editing.get() {
                None => view! {
                    <button type="button" class="primary new-action" aria-expanded="false"
                        on:click=move |_| editing.set(Some(Editing::New))>{move || t().new_action}</button>
                }.into_any(),
                Some(Editing::New) => view! { <ActionForm on_close=close_form/> }.into_any(),
                Some(Editing::Action(id)) => view! { <ActionForm existing=id on_close=close_form/> }.into_any(),
            }}
        </div>
        <p class="visually-hidden" role="status">{move || announce.get()}</p>
        <Show when=move || { total.get() > 0 } fallback=move || view! { <p class="empty">{move || i18n.t().actions.no_actions}</p> }>
            <ActionFilters state/>
            <p class="shown-count" role="status">
                {move || format!("{} {} {} {}", shown.with(Vec::len), t().shown_of, total.get(), t().shown_suffix)}
            </p>
            <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().no_match}</p> }>
                <ActionTable actions=shown announce on_request/>
            </Show>
            {move || history.get().map(|id| view! { <ActionHistory id on_close=move |_| history.set(None)/> })}
            <ExportButton actions=shown/>
        </Show>
    }
}
