//! A new meeting: a template's standing items, a title, a date and groups.
//! Creating it opens its page.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use radslag_core::{
    actions::{Register as ActionRegister, add_follow_up_item, follow_up_for_meeting},
    ids::{GroupId, TemplateId},
    meetings::{
        DEFAULT_TEMPLATE_ID,
        templates::{NewMeeting, new_meeting, sorted},
    },
    model::{Action, Template},
};

use super::use_register;
use crate::components::id_checklist::{Choice, IdChecklist};
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;
use radslag_core::time::parse_date;

#[component]
pub fn NewMeetingForm() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let navigate = use_navigate();
    let (_, groups) = use_register();
    let t = move || i18n.t().meetings;
    let templates = Memo::new(move |_| sorted(ws.list::<Template>()));
    let template = RwSignal::new(DEFAULT_TEMPLATE_ID.to_owned());
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<GroupId>::new());
    let group_choices = Signal::derive(move || {
        groups.with(|all| {
            all.iter()
                .map(|g| Choice::new(g.id.clone(), g.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = title.get_untracked().trim().to_owned();
        if name.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let template = ws
            .read(|d| d.get::<Template>(&TemplateId::from(template.get_untracked())))
            .flatten();
        let mut meeting = new_meeting(
            NewMeeting {
                title: name,
                groups: chosen.get_untracked(),
                date: parse_date(&date.get_untracked()),
                ..Default::default()
            },
            template.as_ref(),
        );
        let created = ws.change(|d| {
            // Open actions of the meeting's groups are followed up first.
            let actions = d.list::<Action>();
            if !follow_up_for_meeting(&actions, &meeting, &ActionRegister::from_doc(d)).is_empty() {
                add_follow_up_item(&mut meeting);
            }
            d.put(&meeting)
        });
        if created.is_ok() {
            navigate(
                &routes::meeting(&ws.id.get_untracked().unwrap_or_default(), &meeting.id),
                Default::default(),
            );
        }
    };
    view! {
        <section class="new-meeting" aria-labelledby="new-meeting-heading">
            <h2 id="new-meeting-heading">{move || t().new_meeting}</h2>
            <form on:submit=create novalidate>
                <div class="field">
                    <label for="new-meeting-template">{move || t().template}</label>
                    <select id="new-meeting-template" on:change=move |ev| template.set(event_target_value(&ev))>
                        <For each=move || templates.get() key=|tpl| (tpl.id.clone(), tpl.name.clone()) let:tpl>
                            <option value=tpl.id.0.clone() selected=move || template.get() == tpl.id.0>
                                {format!("{} ({})", tpl.name, tpl.items.join(", "))}
                            </option>
                        </For>
                        <option value="" selected=move || template.get().is_empty()>{move || t().empty_agenda}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="new-meeting-title">{move || t().title}</label>
                    <input id="new-meeting-title" required aria-invalid=move || error.get().to_string()
                        aria-describedby="new-meeting-error"
                        prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
                    <p class="error" id="new-meeting-error" role="alert">{move || error.get().then(|| t().title_required)}</p>
                </div>
                <div class="field">
                    <label for="new-meeting-date">{move || t().date}</label>
                    <input id="new-meeting-date" type="date" prop:value=date on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <fieldset class="checkboxes">
                    <legend>{move || t().groups}</legend>
                    <IdChecklist options=group_choices chosen=chosen/>
                </fieldset>
                <button type="submit" class="primary">{move || t().create}</button>
            </form>
        </section>
    }
}
