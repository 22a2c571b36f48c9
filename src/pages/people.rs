//! Personer: the workspace's groups and its people register.

use leptos::prelude::*;
use radslag_core::{
    doc::Deletable,
    ids::{GroupId, PersonId},
    model::{Group, Person},
};

use crate::components::id_checklist::{Choice, IdChecklist};
use crate::components::undo::use_undo;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

fn by_name<T>(mut items: Vec<T>, name: impl Fn(&T) -> &str) -> Vec<T> {
    radslag_core::order::sort_by_key(&mut items, |item| name(item).to_lowercase());
    items
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t().nav_people}</h1>
        <Groups/>
        <People/>
    }
}

#[component]
fn Groups() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let undo = use_undo();
    let groups = Memo::new(move |_| by_name(ws.list::<Group>(), |g| &g.name));
    let new_name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let _ = ws.change(|d| {
            d.put(&Group {
                id: GroupId::random(),
                name,
                description: String::new(),
            })
        });
        new_name.set(String::new());
    };
    view! {
        <section aria-labelledby="groups-heading">
            <h2 id="groups-heading">{move || i18n.t().groups}</h2>
            <Show when=move || !groups.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || i18n.t().people.no_groups}</p> }>
                <ul class="group-list">
                    <For each=move || groups.get() key=|g| g.id.clone() let:group>
                        <li>
                            <span class="group-name">{group.name.clone()}</span>
                            <button type="button" class="secondary" aria-label=format!("{} {}", i18n.t().delete, group.name)
                                on:click=move |_| { undo.delete(Deletable::entry::<Group>(&group.id), group.name.clone()); }>
                                {move || i18n.t().delete}
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
            <form class="inline-form" on:submit=add>
                <label for="new-group">{move || i18n.t().group_name}</label>
                <input id="new-group" prop:value=new_name on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="submit">{move || i18n.t().add_group}</button>
            </form>
        </section>
    }
}

#[component]
fn People() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let people = Memo::new(move |_| by_name(ws.list::<Person>(), |p| &p.name));
    let editing = RwSignal::new(None::<PersonId>);
    view! {
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{move || i18n.t().people_heading}</h2>
            <Show when=move || !people.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || i18n.t().people.no_people}</p> }>
                <ul class="people-list">
                    <For each=move || people.get() key=|p| format!("{p:?}") let:person>
                        <PersonEntry person editing/>
                    </For>
                </ul>
            </Show>
            <h3>{move || i18n.t().add_person}</h3>
            <PersonForm person=None on_done=move || ()/>
        </section>
    }
}

#[component]
fn PersonEntry(person: Person, editing: RwSignal<Option<PersonId>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let id = person.id.clone();
    let is_editing = {
        let id = id.clone();
        move || editing.get().as_ref() == Some(&id)
    };
    let group_names = {
        let groups = person.groups.clone();
        move || {
            groups
                .iter()
                .filter_map(|g| ws.get::<Group>(g))
                .map(|g| g.name)
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let details = [person.role.clone(), person.organisation.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let name = person.name.clone();
    let delete = {
        let (id, name) = (id.clone(), name.clone());
        let undo = use_undo();
        move |_| {
            undo.delete(Deletable::entry::<Person>(&id), name.clone());
        }
    };
    view! {
        <li class="person">
            <Show when=is_editing.clone() fallback={
                let id = id.clone();
                let name = name.clone();
                let details = details.clone();
                let delete = delete.clone();
                move || {
                    let id = id.clone();
                    view! {
                        <div class="person-summary">
                            <strong class="person-name">{name.clone()}</strong>
                            <span class="person-details">{details.clone()}</span>
                            <span class="person-groups">{group_names.clone()}</span>
                        </div>
                        <div class="actions">
                            <button type="button" class="secondary" aria-label=format!("{} {}", i18n.t().edit, name)
                                on:click=move |_| editing.set(Some(id.clone()))>{move || i18n.t().edit}</button>
                            <button type="button" class="secondary" aria-label=format!("{} {}", i18n.t().delete, name)
                                on:click=delete.clone()>{move || i18n.t().delete}</button>
                        </div>
                    }
                }
            }>
                <PersonForm person=Some(person.clone()) on_done=move || editing.set(None)/>
            </Show>
        </li>
    }
}

/// Adds a person (`person` is `None`) or edits one.
#[component]
fn PersonForm(
    person: Option<Person>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let editing = person.is_some();
    let original = StoredValue::new(person.clone());
    let name = RwSignal::new(person.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let role = RwSignal::new(person.as_ref().map(|p| p.role.clone()).unwrap_or_default());
    let organisation = RwSignal::new(
        person
            .as_ref()
            .map(|p| p.organisation.clone())
            .unwrap_or_default(),
    );
    let groups = RwSignal::new(
        person
            .as_ref()
            .map(|p| p.groups.clone())
            .unwrap_or_default(),
    );
    let all_groups = Memo::new(move |_| ws.list::<Group>());
    let group_choices = Signal::derive(move || {
        all_groups.with(|all| {
            all.iter()
                .map(|g| Choice::new(g.id.clone(), g.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let prefix = person
        .as_ref()
        .map_or("new-person".to_owned(), |p| format!("person-{}", p.id));
    let error = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let trimmed = name.get_untracked().trim().to_owned();
        if trimmed.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let id = original
            .with_value(|p| p.as_ref().map(|p| p.id.clone()))
            .unwrap_or_else(PersonId::random);
        let updated = Person {
            id,
            name: trimmed,
            role: role.get_untracked().trim().to_owned(),
            organisation: organisation.get_untracked().trim().to_owned(),
            groups: groups.get_untracked(),
        };
        let _ = ws.change(|d| d.put(&updated));
        if !editing {
            name.set(String::new());
            role.set(String::new());
            organisation.set(String::new());
            groups.set(Vec::new());
        }
        on_done();
    };
    let field = move |suffix: &str| format!("{prefix}-{suffix}");
    view! {
        <form class="person-form" on:submit=submit novalidate>
            <div class="field">
                <label for=field("name")>{move || i18n.t().person_name}</label>
                <input id=field("name") required prop:value=name on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.get().to_string()/>
                <Show when=move || error.get()>
                    <p class="error" role="alert">{move || i18n.t().person_name}</p>
                </Show>
            </div>
            <div class="field">
                <label for=field("role")>{move || i18n.t().role}</label>
                <input id=field("role") prop:value=role on:input=move |ev| role.set(event_target_value(&ev)) placeholder=move || i18n.t().people.role_hint/>
            </div>
            <div class="field">
                <label for=field("org")>{move || i18n.t().organisation}</label>
                <input id=field("org") prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev))/>
            </div>
            <Show when=move || !all_groups.with(Vec::is_empty)>
                <fieldset class="checkboxes">
                    <legend>{move || i18n.t().people.member_of}</legend>
                    <IdChecklist options=group_choices chosen=groups/>
                </fieldset>
            </Show>
            <div class="actions">
                <button type="submit" class="primary">{move || if editing { i18n.t().save } else { i18n.t().add_person }}</button>
                <Show when=move || editing>
                    <button type="button" class="secondary" on:click=move |_| on_done()>{move || i18n.t().cancel}</button>
                </Show>
            </div>
        </form>
    }
}
