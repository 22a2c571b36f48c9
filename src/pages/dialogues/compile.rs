//! The coordinator's view: every group's answers side by side, live; the
//! points to mark, merge and reorder, stored in the dialogue; and compiling
//! them into the minutes.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{
    dialogue::{Compilation, QuestionPoints},
    ids::{AgendaItemId, MeetingId, PersonId, PointKey, QuestionId},
    model::{AgendaItem, CompiledInto, CurationEdit, Dialogue, Meeting},
};

use super::{Members, use_dialogue};
use crate::components::focus::focus_later;
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
                            let answers: Vec<(String, Vec<PersonId>, String)> = d
                                .small_groups
                                .iter()
                                .map(|g| {
                                    let text = g
                                        .answers
                                        .iter()
                                        .find(|a| a.question == q.id)
                                        .map(|a| a.text.clone());
                                    (g.name.clone(), g.members.clone(), text.unwrap_or_default())
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
                    {answers.into_iter().map(|(group, members, text)| view! {
                        <div class="group-answer">
                            <h4>{group}</h4>
                            <Members members/>
                            <p class="answer-text">{text}</p>
                        </div>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </section>
    }
}

/// The points per question as curated (stored in the dialogue, so a reload
/// and every other coordinator show the same), then compiled into a
/// meeting's minutes.
#[component]
fn Curation() -> impl IntoView {
    let i18n = use_i18n();
    let (_, dialogue) = use_dialogue();
    // Gathered from the answers as they are now: new points appear as they
    // are written, and each keeps the decisions stored for its words.
    let compilation = Memo::new(move |_| dialogue.with(|d| d.as_ref().map(Compilation::gather)));
    let questions = move || {
        compilation.with(|c| {
            c.iter()
                .flat_map(|c| &c.questions)
                .map(|q| q.question.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let announce = RwSignal::new(String::new());
    view! {
        <section aria-labelledby="curation">
            <h2 id="curation">{move || i18n.t().dialogues.points_to_minutes}</h2>
            <p class="hint">{move || i18n.t().dialogues.curation_hint}</p>
            <For each=questions key=Clone::clone let:question>
                <QuestionPointsList question compilation announce/>
            </For>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            <CompileInto/>
        </section>
    }
}

#[component]
fn QuestionPointsList(
    question: QuestionId,
    compilation: Memo<Option<Compilation>>,
    announce: RwSignal<String>,
) -> impl IntoView {
    let question = StoredValue::new(question);
    let points = Memo::new(move |_| {
        compilation.with(|c| {
            c.iter()
                .flat_map(|c| &c.questions)
                .find(|q| question.with_value(|id| &q.question.id == id))
                .cloned()
        })
    });
    let keys = move || {
        points.with(|q| {
            q.iter()
                .flat_map(|q| &q.points)
                .map(|p| p.key.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h3>{move || points.with(|q| q.as_ref().map(|q| q.question.text.clone()))}</h3>
        <ol class="points">
            <For each=keys key=Clone::clone let:key>
                <PointRow question=question.get_value() key points announce/>
            </For>
        </ol>
    }
}

/// An element id within a point's row.
fn point_element(question: &QuestionId, key: &PointKey, part: &str) -> String {
    format!("point-{question}-{key}-{part}")
}

/// One point: marked in or out, moved, merged with the one above or split
/// again. Each decision is stored at once; the row stays while its point
/// does, so the keyboard focus stays too.
#[component]
fn PointRow(
    question: QuestionId,
    key: PointKey,
    points: Memo<Option<QuestionPoints>>,
    announce: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (dialogue_id, _) = use_dialogue();
    let element = {
        let (question, key) = (question.clone(), key.clone());
        move |part: &str| point_element(&question, &key, part)
    };
    let key = StoredValue::new(key);
    let position = Memo::new(move |_| {
        points.with(|q| {
            q.as_ref()?
                .points
                .iter()
                .position(|p| key.with_value(|k| &p.key == k))
        })
    });
    let point =
        Memo::new(move |_| points.with(|q| Some(q.as_ref()?.points.get(position.get()?)?.clone())));
    let count = Memo::new(move |_| points.with(|q| q.as_ref().map_or(0, |q| q.points.len())));
    let text = move || point.with(|p| p.as_ref().map(|p| p.text.clone()).unwrap_or_default());
    let first = move || position.get() == Some(0);
    let last = move || position.get().map(|p| p + 1) == Some(count.get());

    // Stores the edits `decision` makes of the points as they are now.
    let decide = move |decision: &dyn Fn(&QuestionPoints, usize) -> Vec<CurationEdit>| {
        let (Some(points), Some(at)) = (points.get_untracked(), position.get_untracked()) else {
            return false;
        };
        let edits = decision(&points, at);
        !edits.is_empty()
            && ws
                .change(|d| d.curate(&dialogue_id.get_untracked(), &points.question.id, &edits))
                .is_ok()
    };
    let toggle = move |_| {
        decide(&|q, at| q.toggle(at));
    };
    // Moves the point; focus goes back to the button pressed, or to the
    // other one when this one is now disabled.
    let step = {
        let element = element.clone();
        move |by: isize| {
            let Some(to) = position
                .get_untracked()
                .and_then(|from| from.checked_add_signed(by))
            else {
                return;
            };
            if !decide(&|q, at| q.move_point(at, to)) {
                return;
            }
            announce.set(format!(
                "{}: {} {}",
                point.with_untracked(|p| p.as_ref().map(|p| p.text.clone()).unwrap_or_default()),
                i18n.t().dialogues.point_moved_to,
                to + 1
            ));
            let at_end = if by < 0 {
                to == 0
            } else {
                to + 1 == count.get_untracked()
            };
            let button = match (by < 0, at_end) {
                (true, false) | (false, true) => "up",
                _ => "down",
            };
            focus_later(element(button));
        }
    };
    let (up, down) = (step.clone(), step);
    let merge_with_above = {
        let question = question.clone();
        move |_| {
            let above = points.with_untracked(|q| {
                let at = position.get_untracked()?.checked_sub(1)?;
                Some(q.as_ref()?.points.get(at)?.key.clone())
            });
            if let Some(above) = above
                && decide(&|q, at| {
                    at.checked_sub(1)
                        .map(|into| q.merge(into, at))
                        .unwrap_or_default()
                })
            {
                focus_later(point_element(&question, &above, "mark"));
            }
        }
    };
    let split = {
        let element = element.clone();
        move |_| {
            if decide(&|q, at| q.split(at)) {
                focus_later(element("mark"));
            }
        }
    };
    let merged = move || point.with(|p| p.as_ref().is_some_and(|p| !p.merged.is_empty()));
    let labelled = move |action: &'static str| format!("{action}: {}", text());
    view! {
        <li class="point">
            <label class="checkbox">
                <input type="checkbox" id=element("mark") prop:checked=move || point.with(|p| p.as_ref().is_some_and(|p| p.included))
                    on:change=toggle/>
                <span class="point-text">{text}</span>
                " "<span class="detail">"("{move || point.with(|p| p.as_ref().map(|p| p.sources.join(", ")))}")"</span>
            </label>
            <span class="actions">
                <button type="button" class="secondary" id=element("up") disabled=first
                    aria-label=move || labelled(i18n.t().move_up)
                    on:click=move |_| up(-1)>"↑"</button>
                <button type="button" class="secondary" id=element("down") disabled=last
                    aria-label=move || labelled(i18n.t().move_down)
                    on:click=move |_| down(1)>"↓"</button>
                <button type="button" class="secondary" disabled=first
                    aria-label=move || labelled(i18n.t().dialogues.merge_with_above)
                    on:click=merge_with_above>{move || i18n.t().dialogues.merge}</button>
                <Show when=merged>
                    <button type="button" class="secondary"
                        aria-label=move || labelled(i18n.t().dialogues.split_point)
                        on:click=split.clone()>{move || i18n.t().dialogues.split}</button>
                </Show>
            </span>
        </li>
    }
}

/// Compiling the curated points into a meeting's minutes, as an agenda item.
#[component]
fn CompileInto() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (dialogue_id, dialogue) = use_dialogue();
    let meetings = Memo::new(move |_| {
        let mut list = ws.read(|d| d.list::<Meeting>()).unwrap_or_default();
        radslag_core::order::sort_by_key(&mut list, |m| std::cmp::Reverse(m.date));
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
        let id = dialogue_id.get_untracked();
        let chosen = target.get_untracked();
        let outcome = ws.change(|d| {
            let mut dialogue = d
                .get::<Dialogue>(&id)
                .ok_or(radslag_core::DocError::NotFound {
                    collection: "dialogues",
                    id: id.to_string(),
                })?;
            // The points as stored now, with every coordinator's decisions.
            let (heading, body) = Compilation::gather(&dialogue).to_minutes(&dialogue);
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
    }
}
