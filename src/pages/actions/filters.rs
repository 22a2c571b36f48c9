//! The overview's filters: group, owner, status, overdue, due this month and
//! "Mina åtgärder" (the person this device writes for).

use leptos::prelude::*;
use radslag_core::{
    actions::{ActionFilter, STATUSES, StatusFilter, owner_code, owner_from_code},
    ids::{GroupId, PersonId},
    model::{Action, Group, Owner, Person},
};

use crate::i18n::use_i18n;
use crate::state::use_workspace;

/// The filters as the form holds them.
#[derive(Clone, Copy)]
pub struct FilterState {
    /// A group id, or empty for all.
    pub group: RwSignal<String>,
    /// `person:<id>`, `org:<name>`, or empty for all.
    pub owner: RwSignal<String>,
    /// A [`StatusFilter::code`].
    pub status: RwSignal<String>,
    pub overdue: RwSignal<bool>,
    pub this_month: RwSignal<bool>,
    pub mine: RwSignal<bool>,
}

impl FilterState {
    pub fn new() -> FilterState {
        FilterState {
            group: RwSignal::new(String::new()),
            owner: RwSignal::new(String::new()),
            status: RwSignal::new("all".to_owned()),
            overdue: RwSignal::new(false),
            this_month: RwSignal::new(false),
            mine: RwSignal::new(false),
        }
    }

    /// The core filter, with `me` for "Mina åtgärder".
    pub fn filter(&self, me: Option<PersonId>) -> ActionFilter {
        let owner = self.owner.get();
        ActionFilter {
            group: Some(self.group.get())
                .filter(|g| !g.is_empty())
                .map(GroupId::from),
            owner: owner_from_code(&owner),
            mine: if self.mine.get() { me } else { None },
            status: StatusFilter::from_code(&self.status.get()),
            overdue: self.overdue.get(),
            due_this_month: self.this_month.get(),
        }
    }

    pub fn clear(&self) {
        self.group.set(String::new());
        self.owner.set(String::new());
        self.status.set("all".to_owned());
        self.overdue.set(false);
        self.this_month.set(false);
        self.mine.set(false);
    }
}

#[component]
pub fn ActionFilters(state: FilterState) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let groups = Memo::new(move |_| {
        let mut groups = ws.list::<Group>();
        radslag_core::order::sort_by_key(&mut groups, |g| g.name.to_lowercase());
        groups
    });
    // Everyone who owns an action, people by name, then organisations.
    let owners = Memo::new(move |_| {
        let people = ws.list::<Person>();
        let mut seen: Vec<(String, String)> = Vec::new();
        for action in ws.list::<Action>() {
            for owner in &action.owners {
                let value = owner_code(owner);
                if seen.iter().any(|(v, _)| v == &value) {
                    continue;
                }
                let label = match owner {
                    Owner::Person(id) => match people.iter().find(|p| &p.id == id) {
                        Some(p) => p.name.clone(),
                        None => continue,
                    },
                    Owner::Organisation(name) => name.clone(),
                };
                seen.push((value, label));
            }
        }
        radslag_core::order::sort_by_key(&mut seen, |(value, label)| {
            (value.starts_with("org:"), label.to_lowercase())
        });
        seen
    });
    let me_missing = move || state.mine.get() && ws.me.get().is_none();
    view! {
        <fieldset class="action-filters">
            <legend>{move || t().filters}</legend>
            <div class="filter-grid">
                <div class="field">
                    <label for="action-filter-group">{move || t().group}</label>
                    <select id="action-filter-group" on:change=move |ev| state.group.set(event_target_value(&ev))>
                        <option value="" selected=move || state.group.with(String::is_empty)>{move || t().all_groups}</option>
                        {move || groups.get().into_iter().map(|g| {
                            let value = g.id.to_string();
                            let selected = {
                                let value = value.clone();
                                move || state.group.get() == value
                            };
                            view! { <option value=value selected=selected>{g.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="action-filter-owner">{move || t().owner}</label>
                    <select id="action-filter-owner" on:change=move |ev| state.owner.set(event_target_value(&ev))>
                        <option value="" selected=move || state.owner.with(String::is_empty)>{move || t().all_owners}</option>
                        {move || owners.get().into_iter().map(|(value, label)| {
                            let selected = {
                                let value = value.clone();
                                move || state.owner.get() == value
                            };
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="action-filter-status">{move || t().status}</label>
                    <select id="action-filter-status" on:change=move |ev| state.status.set(event_target_value(&ev))>
                        <option value="all" selected=move || state.status.get() == "all">{move || t().all_statuses}</option>
                        <option value="open" selected=move || state.status.get() == "open">{move || t().open}</option>
                        {move || STATUSES.into_iter().map(|s| {
                            let code = StatusFilter::Is(s).code();
                            view! { <option value=code selected=move || state.status.get() == code>{t().status(s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="filter-toggles">
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || state.mine.get() on:change=move |ev| state.mine.set(event_target_checked(&ev))/>
                    {move || t().mine}
                </label>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || state.overdue.get() on:change=move |ev| state.overdue.set(event_target_checked(&ev))/>
                    {move || t().overdue}
                </label>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || state.this_month.get() on:change=move |ev| state.this_month.set(event_target_checked(&ev))/>
                    {move || t().due_this_month}
                </label>
                <button type="button" class="secondary" on:click=move |_| state.clear()>{move || t().clear_filters}</button>
            </div>
            <Show when=me_missing>
                <p class="hint" role="status">{move || t().choose_me_first}</p>
            </Show>
        </fieldset>
    }
}
