//! Citizen dialogue mode: one question at a time in large type, no names,
//! handed around on a phone or tablet at an event. Each answer is stored the
//! moment it is given, with or without a network.

use leptos::prelude::*;
use radslag_core::{ids::CitizenAnswerId, model::CitizenAnswer};

use super::use_dialogue;
use crate::i18n::use_i18n;
use crate::state::{now_ms, use_workspace};

const AGE_GROUPS: [&str; 5] = ["under 16", "16–25", "26–45", "46–65", "över 65"];

#[component]
pub fn CitizenMode() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (dialogue_id, dialogue) = use_dialogue();
    let index = RwSignal::new(0_usize);
    let text = RwSignal::new(String::new());
    let age_group = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let thanked = RwSignal::new(false);
    let given_here = RwSignal::new(0_usize);
    let questions =
        move || dialogue.with(|d| d.as_ref().map(|d| d.questions.clone()).unwrap_or_default());
    let current = move || {
        let questions = questions();
        let count = questions.len();
        questions.into_iter().nth(index.get() % count.max(1))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(question) = current() else { return };
        let answer_text = text.get_untracked().trim().to_owned();
        if answer_text.is_empty() {
            return;
        }
        let optional = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let answer = CitizenAnswer {
            id: CitizenAnswerId::random(),
            question: question.id,
            text: answer_text,
            age_group: optional(age_group.get_untracked()),
            area: optional(area.get_untracked()),
            at_ms: now_ms(),
        };
        if ws
            .change(|d| d.add_citizen_answer(&dialogue_id.get_untracked(), &answer))
            .is_ok()
        {
            // Stored now, not in a moment: the tablet may be switched off.
            ws.flush();
            text.set(String::new());
            age_group.set(String::new());
            area.set(String::new());
            given_here.update(|n| *n += 1);
            thanked.set(true);
            index.update(|i| *i += 1);
        }
    };
    view! {
        <section class="citizen" aria-labelledby="citizen-question">
            <p class="hint">{move || i18n.t().dialogues.citizen_intro}</p>
            {move || current().map(|q| view! { <h2 id="citizen-question" class="citizen-question">{q.text}</h2> })}
            <form on:submit=submit>
                <label for="citizen-answer" class="visually-hidden">{move || i18n.t().dialogues.your_answer}</label>
                <textarea id="citizen-answer" rows="5" prop:value=text placeholder=move || i18n.t().dialogues.your_answer
                    on:input=move |ev| { thanked.set(false); text.set(event_target_value(&ev)); }></textarea>
                <div class="citizen-optional">
                    <label for="citizen-age">{move || i18n.t().dialogues.age_group_optional}</label>
                    <select id="citizen-age" prop:value=age_group on:change=move |ev| age_group.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t().dialogues.not_given}</option>
                        {AGE_GROUPS.map(|age| view! { <option value=age>{age}</option> }).collect_view()}
                    </select>
                    <label for="citizen-area">{move || i18n.t().dialogues.area_optional}</label>
                    <input id="citizen-area" prop:value=area on:input=move |ev| area.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary citizen-submit">{move || i18n.t().dialogues.send_answer}</button>
            </form>
            <p role="status" class="citizen-thanks">{move || thanked.get().then(|| i18n.t().dialogues.thanks_saved)}</p>
            <p class="hint">{move || format!("{} {}", i18n.t().dialogues.answers_on_this_device, given_here.get())}</p>
        </section>
    }
}
