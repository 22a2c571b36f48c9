//! The coordinator's view: every group's answers side by side, live; the
//! points to mark, merge and reorder; and compiling them into the minutes.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{
    dialogue::Compilation,
    ids::{AgendaItemId, MeetingId},
    model::{AgendaItem, CompiledInto, Dialogue, Meeting},
};

use super::use_dialogue;
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::{now_ms, use_workspace};

#[component]
pub fn CompileView() -> impl IntoView {
    view! {
        <SideBySide/>
        <Curation/>
    }
}

/// Each question with what every group has written so far.
#[component]
fn SideBySide() -> impl IntoView {
    let i18n = use_i18n();
    let (_, dialogue) = use_dialogue();
    let rows = move || {
        dialogue.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.questions
                        .iter()
                        .map(|q| {
                            let answers: Vec<(String, String)> = d
                                .small_groups
                                .iter()
                                .map(|g| {
                                    let text = g
                                        .answers
                                        .iter()
                                        .find(|a| a.question == q.id)
                                        .map(|a| a.text.clone());
                                    (g.name.clone(), text.unwrap_or_default())
                                })
                                .collect();
                            (q.text.clone(), answers)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="side-by-side">
            <h2 id="side-by-side">{move || i18n.t().dialogues.answers_side_by_side}</h2>
            {move || rows().into_iter().map(|(question, answers)| view! {
                <h3>{question}</h3>
                <div class="side-by-side">
                    {answers.into_iter().map(|(group, text)| view! {
                        <div class="group-answer">
                            <h4>{group}</h4>
                            <p class="answer-text">{text}</p>
                        </div>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </section>
    }
}

/// The points per question, curated, then compiled into a meeting's minutes.
#[component]
fn Curation() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (dialogue_id, dialogue) = use_dialogue();
    let compilation = RwSignal::new(dialogue.get_untracked().as_ref().map(Compilation::gather));
    let gather =
        move |_| compilation.set(dialogue.get_untracked().as_ref().map(Compilation::gather));
    let meetings = Memo::new(move |_| {
        let mut list = ws.read(|d| d.list::<Meeting>()).unwrap_or_default();
        list.sort_by_key(|m| std::cmp::Reverse(m.date));
        list
    });
    let target = RwSignal::new(String::new());
    Effect::new(move |_| {
        if target.get_untracked().is_empty()
            && let Some(meeting) = dialogue.with(|d| d.as_ref().and_then(|d| d.meeting.clone()))
        {
            target.set(meeting.0);
        }
    });
    let failed = RwSignal::new(false);
    let compile = move |_| {
        let Some(curated) = compilation.get_untracked() else {
            return;
        };
        let id = dialogue_id.get_untracked();
        let chosen = target.get_untracked();
        let outcome = ws.change(|d| {
            let mut dialogue = d
                .get::<Dialogue>(&id)
                .ok_or(radslag_core::DocError::NotFound {
                    collection: "dialogues",
                    id: id.to_string(),
                })?;
            let (heading, body) = curated.to_minutes(&dialogue);
            let mut meeting = match d.get::<Meeting>(&MeetingId::from(chosen.as_str())) {
                Some(meeting) => meeting,
                None => Meeting {
                    title: dialogue.title.clone(),
                    date: chrono::DateTime::from_timestamp_millis(now_ms()).map(|t| t.date_naive()),
                    ..Default::default()
                },
            };
            let item = AgendaItem {
                id: AgendaItemId::random(),
                heading,
                body,
            };
            dialogue.compiled_into = Some(CompiledInto {
                meeting: meeting.id.clone(),
                item: item.id.clone(),
            });
            meeting.agenda.push(item);
            d.put(&meeting)?;
            d.put(&dialogue)
        });
        failed.set(outcome.is_err());
    };
    let compiled_link = move || {
        dialogue.with(|d| d.as_ref().and_then(|d| d.compiled_into.clone())).map(|into| {
            let title = ws.read(|d| d.get::<Meeting>(&into.meeting).map(|m| m.title)).flatten().unwrap_or_default();
            let href = routes::meeting(&ws.id.get().unwrap_or_default(), &into.meeting);
            view! { <p class="compiled" role="status">{i18n.t().dialogues.compiled_into}" "<A href=href>{title}</A></p> }
        })
    };
    view! {
        <section aria-labelledby="curation">
            <h2 id="curation">{move || i18n.t().dialogues.points_to_minutes}</h2>
            <p class="hint">{move || i18n.t().dialogues.curation_hint}</p>
            <button type="button" class="secondary" on:click=gather>{move || i18n.t().dialogues.gather_again}</button>
            {move || compilation.get().map(|c| c.questions.into_iter().enumerate().map(|(q, (question, points))| {
                let count = points.len();
                view! {
                    <h3>{question.text}</h3>
                    <ol class="points">
                        {points.into_iter().enumerate().map(|(p, point)| {
                            let label = point.text.clone();
                            view! {
                                <li class="point">
                                    <label class="checkbox">
                                        <input type="checkbox" prop:checked=point.included
                                            on:change=move |_| compilation.update(|c| if let Some(c) = c { c.toggle(q, p) })/>
                                        <span class="point-text">{point.text}</span>
                                        " "<span class="detail">"("{point.sources.join(", ")}")"</span>
                                    </label>
                                    <span class="actions">
                                        <button type="button" class="secondary" disabled=p == 0
                                            aria-label=format!("{}: {label}", i18n.t().move_up)
                                            on:click=move |_| compilation.update(|c| if let Some(c) = c { c.move_point(q, p, p - 1) })>"↑"</button>
                                        <button type="button" class="secondary" disabled=p + 1 == count
                                            aria-label=format!("{}: {label}", i18n.t().move_down)
                                            on:click=move |_| compilation.update(|c| if let Some(c) = c { c.move_point(q, p, p + 1) })>"↓"</button>
                                        <button type="button" class="secondary" disabled=p == 0
                                            aria-label=format!("{}: {label}", i18n.t().dialogues.merge_with_above)
                                            on:click=move |_| compilation.update(|c| if let Some(c) = c { c.merge(q, p - 1, p) })>{i18n.t().dialogues.merge}</button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
            }).collect_view())}
            <div class="field">
                <label for="compile-target">{move || i18n.t().dialogues.compile_into_meeting}</label>
                <select id="compile-target" prop:value=target on:change=move |ev| target.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t().new_meeting}</option>
                    <For each=move || meetings.get() key=|m| (m.id.clone(), m.title.clone()) let:m>
                        <option value=m.id.0.clone()>{format!("{} {}", m.date.map(|d| d.to_string()).unwrap_or_default(), m.title)}</option>
                    </For>
                </select>
            </div>
            <button type="button" class="primary" on:click=compile>{move || i18n.t().dialogues.compile}</button>
            <Show when=move || failed.get()>
                <p class="error" role="alert">{move || i18n.t().dialogues.compile_failed}</p>
            </Show>
            {compiled_link}
        </section>
    }
}
