//! Starting a dialogue: its questions, its small groups, the meeting or the
//! annual wheel event (a citizen dialogue at Kulturnatten) it belongs to.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use radslag_core::{ids::*, model::*};

use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn NewDialogue() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let questions = RwSignal::new(String::new());
    let groups = RwSignal::new(String::new());
    let meeting = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let meetings = Memo::new(move |_| {
        let mut list = ws.read(|d| d.list::<Meeting>()).unwrap_or_default();
        radslag_core::order::sort_by_key(&mut list, |m| std::cmp::Reverse(m.date));
        list
    });
    let events = Memo::new(move |_| {
        let mut list = ws.read(|d| d.list::<WheelEvent>()).unwrap_or_default();
        radslag_core::order::sort_by_key(&mut list, |e| std::cmp::Reverse(e.start));
        list
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let questions = lines(&questions.get_untracked());
        if title.get_untracked().trim().is_empty() || questions.is_empty() {
            error.set(true);
            return;
        }
        let dialogue = Dialogue {
            title: title.get_untracked().trim().to_owned(),
            meeting: Some(meeting.get_untracked())
                .filter(|m| !m.is_empty())
                .map(MeetingId::from),
            wheel_event: Some(event.get_untracked())
                .filter(|e| !e.is_empty())
                .map(WheelEventId::from),
            questions: questions
                .into_iter()
                .map(|text| Question {
                    id: QuestionId::random(),
                    text,
                    curation: Curation::default(),
                })
                .collect(),
            small_groups: lines(&groups.get_untracked())
                .into_iter()
                .map(|name| SmallGroup {
                    id: SmallGroupId::random(),
                    name,
                    members: vec![],
                    answers: vec![],
                })
                .collect(),
            ..Default::default()
        };
        if ws.change(|d| d.put(&dialogue)).is_ok() {
            navigate(
                &routes::dialogue(&ws.id.get_untracked().unwrap_or_default(), &dialogue.id),
                Default::default(),
            );
        }
    };
    view! {
        <h2>{move || i18n.t().dialogues.new_dialogue}</h2>
        <form class="dialogue-form" on:submit=submit novalidate>
            <div class="field">
                <label for="dialogue-title">{move || i18n.t().title}</label>
                <input id="dialogue-title" required prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="dialogue-questions">{move || i18n.t().dialogues.questions}</label>
                <textarea id="dialogue-questions" rows="4" aria-describedby="dialogue-questions-hint"
                    prop:value=questions on:input=move |ev| questions.set(event_target_value(&ev))></textarea>
                <p id="dialogue-questions-hint" class="hint">{move || i18n.t().one_per_line}</p>
            </div>
            <div class="field">
                <label for="dialogue-groups">{move || i18n.t().dialogues.small_groups}</label>
                <textarea id="dialogue-groups" rows="3" aria-describedby="dialogue-groups-hint"
                    prop:value=groups on:input=move |ev| groups.set(event_target_value(&ev))></textarea>
                <p id="dialogue-groups-hint" class="hint">{move || i18n.t().dialogues.small_groups_hint}</p>
            </div>
            <div class="field">
                <label for="dialogue-meeting">{move || i18n.t().dialogues.belongs_to_meeting}</label>
                <select id="dialogue-meeting" on:change=move |ev| meeting.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t().no_meeting}</option>
                    <For each=move || meetings.get() key=|m| m.id.clone() let:m>
                        <option value=m.id.0.clone()>{format!("{} {}", m.date.map(|d| d.to_string()).unwrap_or_default(), m.title)}</option>
                    </For>
                </select>
            </div>
            <div class="field">
                <label for="dialogue-event">{move || i18n.t().dialogues.belongs_to_event}</label>
                <select id="dialogue-event" on:change=move |ev| event.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t().dialogues.no_event}</option>
                    <For each=move || events.get() key=|e| (e.id.clone(), e.title.clone()) let:e>
                        <option value=e.id.to_string()>{format!("{} {}", e.start.map(|d| d.to_string()).unwrap_or_default(), e.title)}</option>
                    </For>
                </select>
            </div>
            <Show when=move || error.get()>
                <p class="error" role="alert">{move || i18n.t().dialogues.dialogue_needs_title_and_questions}</p>
            </Show>
            <button type="submit" class="primary">{move || i18n.t().dialogues.create_dialogue}</button>
        </form>
    }
}
