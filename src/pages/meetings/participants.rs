//! A meeting's participants, picked from the people register (name, role,
//! organisation), each present, absent or invited; a new person added to
//! the register on the spot; and the note-taker (*Vid pennan*).

use leptos::prelude::*;
use radslag_core::{
    ids::{MeetingId, PersonId},
    meetings::person_line,
    model::{Attendance, Meeting, Participant, Person},
};

use super::{edit_meeting, use_register};
use crate::i18n::use_i18n;
use crate::state::use_workspace;

fn attendance_code(a: Attendance) -> &'static str {
    match a {
        Attendance::Present => "present",
        Attendance::Absent => "absent",
        Attendance::Invited => "invited",
    }
}

fn parse_attendance(code: &str) -> Attendance {
    match code {
        "absent" => Attendance::Absent,
        "invited" => Attendance::Invited,
        _ => Attendance::Present,
    }
}

#[component]
pub fn Participants(id: Signal<MeetingId>, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (people, _) = use_register();
    let t = move || i18n.t().meetings;
    let listed = Memo::new(move |_| {
        meeting.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.participants
                        .iter()
                        .map(|p| p.person.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let others = Memo::new(move |_| {
        let listed = listed.get();
        people
            .get()
            .into_iter()
            .filter(|p| !listed.contains(&p.id))
            .collect::<Vec<_>>()
    });
    let picked = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let person = PersonId::from(picked.get_untracked());
        if person.0.is_empty() {
            return;
        }
        edit_meeting(ws, &id.get_untracked(), |m| {
            if !m.participants.iter().any(|p| p.person == person) {
                m.participants.push(Participant {
                    person,
                    attendance: Attendance::Present,
                });
            }
        });
        picked.set(String::new());
    };
    let invite_groups = move |_| {
        let people = people.get_untracked();
        edit_meeting(ws, &id.get_untracked(), |m| {
            for p in people
                .iter()
                .filter(|p| p.groups.iter().any(|g| m.groups.contains(g)))
            {
                if !m.participants.iter().any(|x| x.person == p.id) {
                    m.participants.push(Participant {
                        person: p.id.clone(),
                        attendance: Attendance::Present,
                    });
                }
            }
        });
    };
    let note_taker = Memo::new(move |_| {
        meeting
            .with(|m| {
                m.as_ref()
                    .and_then(|m| m.note_taker.as_ref().map(|p| p.0.clone()))
            })
            .unwrap_or_default()
    });
    view! {
        <section class="participants" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{move || t().participants}</h2>
            <Show when=move || !listed.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().no_participants}</p> }>
                <ul class="participant-list">
                    <For each=move || listed.get() key=|p| p.clone() let:person>
                        <ParticipantRow id person meeting/>
                    </For>
                </ul>
            </Show>
            <form class="inline-form add-participant" on:submit=add>
                <label for="add-participant">{move || t().add_participant}</label>
                <select id="add-participant" prop:value=picked on:change=move |ev| picked.set(event_target_value(&ev))>
                    <option value="">{move || t().choose_person}</option>
                    <For each=move || others.get() key=|p| (p.id.clone(), person_line(p)) let:p>
                        <option value=p.id.0.clone()>{person_line(&p)}</option>
                    </For>
                </select>
                <button type="submit">{move || t().add}</button>
            </form>
            <button type="button" class="secondary" on:click=invite_groups>{move || t().invite_groups}</button>
            <NewPerson id meeting/>
            <div class="field note-taker">
                <label for="note-taker">{move || t().note_taker}</label>
                <select id="note-taker" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit_meeting(ws, &id.get_untracked(), |m| m.note_taker = Some(v).filter(|v| !v.is_empty()).map(PersonId::from));
                }>
                    <option value="" selected=move || note_taker.get().is_empty()>{move || t().nobody}</option>
                    <For each=move || people.get() key=|p| (p.id.clone(), person_line(p)) let:p>
                        {
                            let value = p.id.0.clone();
                            view! { <option value=p.id.0.clone() selected=move || note_taker.get() == value>{person_line(&p)}</option> }
                        }
                    </For>
                </select>
            </div>
        </section>
    }
}

#[component]
fn ParticipantRow(
    id: Signal<MeetingId>,
    person: PersonId,
    meeting: Memo<Option<Meeting>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let read_person = person.clone();
    let info = Memo::new(move |_| ws.get::<Person>(&read_person));
    let name = move || info.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let details = move || {
        info.with(|p| {
            p.as_ref()
                .map(|p| {
                    [p.role.as_str(), p.organisation.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        })
    };
    let attendance_person = person.clone();
    let attendance = Memo::new(move |_| {
        meeting.with(|m| {
            m.as_ref()
                .and_then(|m| {
                    m.participants
                        .iter()
                        .find(|p| p.person == attendance_person)
                        .map(|p| p.attendance)
                })
                .unwrap_or_default()
        })
    });
    let (set_person, remove_person) = (person.clone(), person.clone());
    let options = move || {
        [Attendance::Present, Attendance::Absent, Attendance::Invited].into_iter().map(|a| {
            let label = match a {
                Attendance::Present => t().present,
                Attendance::Absent => t().absent,
                Attendance::Invited => t().invited,
            };
            view! { <option value=attendance_code(a) selected=move || attendance.get() == a>{label}</option> }
        }).collect_view()
    };
    view! {
        <li class="participant">
            <span class="participant-name">{name}</span>
            <span class="detail">{details}</span>
            <select class="attendance" aria-label=move || format!("{}: {}", t().attendance_of, name())
                on:change=move |ev| {
                    let a = parse_attendance(&event_target_value(&ev));
                    let person = set_person.clone();
                    edit_meeting(ws, &id.get_untracked(), |m| {
                        if let Some(p) = m.participants.iter_mut().find(|p| p.person == person) { p.attendance = a; }
                    });
                }>
                {options}
            </select>
            <button type="button" class="secondary" aria-label=move || format!("{}: {}", t().remove_participant, name())
                on:click=move |_| {
                    let person = remove_person.clone();
                    edit_meeting(ws, &id.get_untracked(), |m| m.participants.retain(|p| p.person != person));
                }>
                "✕"
            </button>
        </li>
    }
}

/// A person not yet in the register: added to it (in the meeting's groups)
/// and to the meeting.
#[component]
fn NewPerson(id: Signal<MeetingId>, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let (name, role, organisation) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = name.get_untracked().trim().to_owned();
        if chosen.is_empty() {
            return;
        }
        let groups =
            meeting.with_untracked(|m| m.as_ref().map(|m| m.groups.clone()).unwrap_or_default());
        let person = Person {
            id: PersonId::random(),
            name: chosen,
            role: role.get_untracked().trim().to_owned(),
            organisation: organisation.get_untracked().trim().to_owned(),
            groups,
        };
        let meeting_id = id.get_untracked();
        let added = ws.change(|d| {
            d.put(&person)?;
            let Some(mut m) = d.get::<Meeting>(&meeting_id) else {
                return Ok(());
            };
            m.participants.push(Participant {
                person: person.id.clone(),
                attendance: Attendance::Present,
            });
            d.put(&m)
        });
        if added.is_ok() {
            for s in [name, role, organisation] {
                s.set(String::new());
            }
        }
    };
    view! {
        <details class="new-person">
            <summary>{move || t().new_person}</summary>
            <form on:submit=add>
                <div class="field-row">
                    <div class="field">
                        <label for="new-participant-name">{move || t().name}</label>
                        <input id="new-participant-name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="new-participant-role">{move || t().role}</label>
                        <input id="new-participant-role" prop:value=role on:input=move |ev| role.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="new-participant-organisation">{move || t().organisation}</label>
                        <input id="new-participant-organisation" prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="submit">{move || t().add_new_person}</button>
            </form>
        </details>
    }
}
