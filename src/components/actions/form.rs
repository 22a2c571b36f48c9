//! Creates or edits an action: what is to be done, its owners (people from
//! the register and/or organisations such as "Polisen Ånge"), the due date,
//! the status and the wheel event it belongs to. Opened from the overview or
//! from an agenda item (then prefilled with that meeting and item).

use leptos::prelude::*;
use radslag_core::{
    actions::{STATUSES, parse_status_code, status_code},
    doc::Deletable,
    ids::{ActionId, AgendaItemId, MeetingId, WheelEventId},
    model::{Action, ActionStatus, Meeting, Owner, Person, WheelEvent},
    time::parse_date,
};

use crate::components::id_checklist::{Choice, IdChecklist};
use crate::components::undo::use_undo;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

/// Organisation names from a comma-separated field, each once.
fn organisations(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in text.split([',', ';', '\n']) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty()
            && !names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name);
        }
    }
    names
}

/// A short random prefix, so several forms on one page keep unique ids.
fn form_prefix() -> String {
    format!(
        "action-form-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    )
}

/// The action form. `existing` edits that action; otherwise a new one is
/// created, tied to `meeting` and `item` when given. `on_close` gets the
/// saved action's id, or `None` when cancelled or deleted.
#[component]
pub fn ActionForm(
    #[prop(optional)] existing: Option<ActionId>,
    #[prop(optional)] meeting: Option<MeetingId>,
    #[prop(optional)] item: Option<AgendaItemId>,
    #[prop(into)] on_close: Callback<Option<ActionId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let prefix = form_prefix();
    let field = {
        let prefix = prefix.clone();
        move |name: &str| format!("{prefix}-{name}")
    };

    let found = existing
        .as_ref()
        .and_then(|id| untrack(|| ws.read(|d| d.get::<Action>(id))).flatten());
    let is_new = found.is_none();
    let original = found.unwrap_or_else(|| Action {
        id: ActionId::random(),
        source_meeting: meeting.clone(),
        source_item: item.clone(),
        ..Default::default()
    });
    let id = original.id.clone();
    let text = RwSignal::new(original.text.clone());
    let people_owners = RwSignal::new(
        original
            .owners
            .iter()
            .filter_map(|o| match o {
                Owner::Person(p) => Some(p.clone()),
                Owner::Organisation(_) => None,
            })
            .collect::<Vec<_>>(),
    );
    let org_owners = RwSignal::new(
        original
            .owners
            .iter()
            .filter_map(|o| match o {
                Owner::Organisation(name) => Some(name.clone()),
                Owner::Person(_) => None,
            })
            .collect::<Vec<_>>()
            .join(", "),
    );
    let due = RwSignal::new(original.due.map(|d| d.to_string()).unwrap_or_default());
    let status = RwSignal::new(original.status);
    let wheel_event = RwSignal::new(
        original
            .wheel_event
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(false);

    let people = Memo::new(move |_| {
        let mut people = ws.list::<Person>();
        radslag_core::order::sort_by_key(&mut people, |p| p.name.to_lowercase());
        people
    });
    let people_choices = Signal::derive(move || {
        people.with(|all| {
            all.iter()
                .map(|p| {
                    let detail = [p.role.clone(), p.organisation.clone()]
                        .into_iter()
                        .filter(|s| !s.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    Choice::new(p.id.clone(), p.name.clone()).with_detail(detail)
                })
                .collect::<Vec<_>>()
        })
    });
    // Organisations known from the register and from earlier actions.
    let known_organisations = Memo::new(move |_| {
        let mut names: Vec<String> = ws
            .list::<Person>()
            .into_iter()
            .map(|p| p.organisation)
            .collect();
        for action in ws.list::<Action>() {
            for owner in action.owners {
                if let Owner::Organisation(name) = owner {
                    names.push(name);
                }
            }
        }
        names.retain(|n| !n.trim().is_empty());
        radslag_core::order::sort_by_key(&mut names, |n| n.to_lowercase());
        names.dedup_by_key(|n| n.to_lowercase());
        names
    });
    let events = Memo::new(move |_| {
        let mut events = ws.list::<WheelEvent>();
        radslag_core::order::sort_by_key(&mut events, |e| (e.start, e.title.to_lowercase()));
        events
    });
    let source_title = original.source_meeting.as_ref().and_then(|m| {
        untrack(|| ws.read(|d| d.get::<Meeting>(m)))
            .flatten()
            .map(|m| {
                let heading = original
                    .source_item
                    .as_ref()
                    .and_then(|i| m.agenda.iter().find(|a| &a.id == i))
                    .map(|a| format!(" – {}", a.heading))
                    .unwrap_or_default();
                format!(
                    "{} {}{heading}",
                    m.date.map(|d| d.to_string()).unwrap_or_default(),
                    m.title
                )
                .trim()
                .to_owned()
            })
    });

    let save_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let what = text.get_untracked().trim().to_owned();
        if what.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let mut owners: Vec<Owner> = people_owners
            .get_untracked()
            .into_iter()
            .map(Owner::Person)
            .collect();
        owners.extend(
            organisations(&org_owners.get_untracked())
                .into_iter()
                .map(Owner::Organisation),
        );
        let event = wheel_event.get_untracked();
        let id = save_id.clone();
        let saved = ws.change(|d| {
            // Start from what is stored now, so fields this form does not
            // show (and edits that arrived meanwhile) are kept.
            let mut action = d.get::<Action>(&id).unwrap_or_else(|| original.clone());
            action.text = what;
            action.owners = owners;
            action.due = parse_date(&due.get_untracked());
            action.status = status.get_untracked();
            action.wheel_event = (!event.is_empty()).then(|| WheelEventId::from(event.as_str()));
            d.put(&action)
        });
        if saved.is_ok() {
            on_close.run(Some(id));
        }
    };
    let delete_id = id.clone();
    let undo = use_undo();
    let delete = move |_| {
        let label = radslag_core::text::first_line(&text.get_untracked(), 60);
        undo.delete(Deletable::entry::<Action>(&delete_id), label);
        on_close.run(None);
    };

    let heading_id = field("heading");
    let text_id = field("text");
    let text_error_id = field("text-error");
    let org_id = field("org");
    let org_hint_id = field("org-hint");
    let org_list_id = field("org-list");
    let due_id = field("due");
    let status_id = field("status");
    let event_id = field("event");
    view! {
        <section class="action-form" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{move || if is_new { t().new_action } else { t().edit_action }}</h3>
            {source_title.map(|title| view! { <p class="hint">{move || t().from_meeting}": "{title}</p> })}
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for=text_id.clone()>{move || t().action_text}</label>
                    <textarea id=text_id rows="2" required prop:value=text on:input=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=move || (error.get() && text.with(|t| t.trim().is_empty())).to_string()
                        aria-describedby=text_error_id.clone()></textarea>
                    <p id=text_error_id class="error" role="alert">{move || error.get().then(|| t().text_required)}</p>
                </div>
                <fieldset class="owners">
                    <legend>{move || t().owners}</legend>
                    <Show when=move || !people.with(Vec::is_empty)>
                        <fieldset class="checkboxes owner-people">
                            <legend>{move || t().people_owners}</legend>
                            <IdChecklist options=people_choices chosen=people_owners/>
                        </fieldset>
                    </Show>
                    <div class="field">
                        <label for=org_id.clone()>{move || t().organisation_owners}</label>
                        <input id=org_id list=org_list_id.clone() aria-describedby=org_hint_id.clone() autocomplete="organization"
                            prop:value=org_owners on:input=move |ev| org_owners.set(event_target_value(&ev))/>
                        <datalist id=org_list_id>
                            {move || known_organisations.get().into_iter().map(|name| view! { <option value=name/> }).collect_view()}
                        </datalist>
                        <p id=org_hint_id class="hint">{move || t().organisation_hint}</p>
                    </div>
                </fieldset>
                <div class="field-row">
                    <div class="field">
                        <label for=due_id.clone()>{move || t().due}</label>
                        <input id=due_id type="date" prop:value=due on:input=move |ev| due.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for=status_id.clone()>{move || t().status}</label>
                        <select id=status_id on:change=move |ev| {
                            status.set(parse_status_code(&event_target_value(&ev)).unwrap_or(ActionStatus::NotStarted))
                        }>
                            {move || STATUSES.into_iter().map(|s| view! {
                                <option value=status_code(s) selected=move || status.get() == s>{t().status(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for=event_id.clone()>{move || t().wheel_event}</label>
                    <select id=event_id on:change=move |ev| wheel_event.set(event_target_value(&ev))>
                        <option value="" selected=move || wheel_event.with(String::is_empty)>{move || t().no_wheel_event}</option>
                        {move || events.get().into_iter().map(|e| {
                            let value = e.id.to_string();
                            let selected = {
                                let value = value.clone();
                                move || wheel_event.get() == value
                            };
                            let label = format!("{} {}", e.start.map(|d| d.to_string()).unwrap_or_default(), e.title).trim().to_owned();
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{move || t().save}</button>
                    <button type="button" class="secondary" on:click=move |_| on_close.run(None)>{move || t().cancel}</button>
                    <Show when=move || !is_new>
                        <button type="button" class="secondary danger" on:click=delete.clone()>{move || t().delete}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}
