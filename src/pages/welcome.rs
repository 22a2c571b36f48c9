//! Creating a workspace: the council's name, its groups and first people.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_navigate;
use radslag_core::{
    ids::{GroupId, PersonId},
    model::{Group, Person, WorkspaceInfo},
};

use crate::components::restore::RestoreBackup;
use crate::engine;
use crate::i18n::use_i18n;
use crate::routes::{self, Section};
use crate::state::{Notice, use_app};

/// A person typed into the welcome form.
#[derive(Clone, Copy)]
struct PersonRow {
    key: usize,
    name: RwSignal<String>,
    role: RwSignal<String>,
    organisation: RwSignal<String>,
}

#[component]
pub fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let groups: RwSignal<Vec<(usize, RwSignal<String>)>> =
        RwSignal::new(vec![(0, RwSignal::new(String::new()))]);
    let people: RwSignal<Vec<PersonRow>> = RwSignal::new(Vec::new());
    let next_key = StoredValue::new(1_usize);
    let fresh_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    let error = RwSignal::new(None::<&'static str>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let council = name.get_untracked().trim().to_owned();
        if council.is_empty() {
            error.set(Some(i18n.t().name_required));
            return;
        }
        let info = WorkspaceInfo {
            name: council,
            organisation: organisation.get_untracked().trim().to_owned(),
        };
        let group_names: Vec<String> = groups
            .get_untracked()
            .iter()
            .map(|(_, n)| n.get_untracked().trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        let new_groups = group_names
            .into_iter()
            .map(|name| Group {
                id: GroupId::random(),
                name,
                description: String::new(),
            })
            .collect();
        let new_people = people
            .get_untracked()
            .iter()
            .filter(|r| !r.name.get_untracked().trim().is_empty())
            .map(|row| Person {
                id: PersonId::random(),
                name: row.name.get_untracked().trim().to_owned(),
                role: row.role.get_untracked().trim().to_owned(),
                organisation: row.organisation.get_untracked().trim().to_owned(),
                groups: Vec::new(),
            })
            .collect();
        let navigate = navigate.clone();
        spawn_local(async move {
            let Some(engine) = engine::load().await else {
                app.notify(Notice::NotLoaded);
                return;
            };
            match engine.create_workspace(app, info, new_groups, new_people) {
                Ok(id) => navigate(&routes::section(&id, Section::Meetings), Default::default()),
                Err(e) => leptos::logging::error!("could not create the workspace: {e}"),
            }
        });
    };

    view! {
        <section class="welcome">
            <h1>{move || i18n.t().welcome.welcome_title}</h1>
            <p class="lead">{move || i18n.t().welcome.welcome_intro}</p>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="ws-name">{move || i18n.t().workspace_name}</label>
                    <input id="ws-name" name="name" required autocomplete="organization" aria-describedby="ws-name-hint ws-name-error"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) aria-invalid=move || error.get().is_some().to_string()/>
                    <p id="ws-name-hint" class="hint">{move || i18n.t().welcome.workspace_name_hint}</p>
                    <p id="ws-name-error" class="error" role="alert">{move || error.get()}</p>
                </div>
                <div class="field">
                    <label for="ws-org">{move || i18n.t().organisation}</label>
                    <input id="ws-org" name="organisation" aria-describedby="ws-org-hint"
                        prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev))/>
                    <p id="ws-org-hint" class="hint">{move || i18n.t().organisation_hint}</p>
                </div>
                <fieldset>
                    <legend>{move || i18n.t().groups}</legend>
                    <p class="hint">{move || i18n.t().welcome.groups_hint}</p>
                    <For each=move || groups.get() key=|(key, _)| *key let:row>
                        <div class="row">
                            <label>
                                <span class="visually-hidden">{move || i18n.t().group_name}</span>
                                <input class="group-name" prop:value=row.1 on:input=move |ev| row.1.set(event_target_value(&ev))
                                    placeholder=move || i18n.t().group_name/>
                            </label>
                            <button type="button" class="secondary" on:click=move |_| groups.update(|g| g.retain(|(k, _)| *k != row.0))>
                                {move || i18n.t().welcome.remove}
                            </button>
                        </div>
                    </For>
                    <button type="button" class="secondary" on:click=move |_| groups.update(|g| g.push((fresh_key(), RwSignal::new(String::new()))))>
                        {move || i18n.t().add_group}
                    </button>
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t().people_heading}</legend>
                    <For each=move || people.get() key=|row| row.key let:row>
                        <div class="row person-row">
                            <input aria-label=move || i18n.t().person_name placeholder=move || i18n.t().person_name
                                prop:value=row.name on:input=move |ev| row.name.set(event_target_value(&ev))/>
                            <input aria-label=move || i18n.t().role placeholder=move || i18n.t().role
                                prop:value=row.role on:input=move |ev| row.role.set(event_target_value(&ev))/>
                            <input aria-label=move || i18n.t().organisation placeholder=move || i18n.t().organisation
                                prop:value=row.organisation on:input=move |ev| row.organisation.set(event_target_value(&ev))/>
                            <button type="button" class="secondary" on:click=move |_| people.update(|p| p.retain(|r| r.key != row.key))>
                                {move || i18n.t().welcome.remove}
                            </button>
                        </div>
                    </For>
                    <button type="button" class="secondary" on:click=move |_| people.update(|p| p.push(PersonRow {
                        key: fresh_key(),
                        name: RwSignal::new(String::new()),
                        role: RwSignal::new(String::new()),
                        organisation: RwSignal::new(String::new()),
                    }))>
                        {move || i18n.t().add_person}
                    </button>
                </fieldset>
                <button type="submit" class="primary">{move || i18n.t().welcome.create_workspace}</button>
            </form>
            <h2>{move || i18n.t().welcome.have_backup}</h2>
            <RestoreBackup/>
        </section>
    }
}
