//! A small group writes its answers, each question in its own collaborative
//! text, while the other groups write theirs.

use leptos::prelude::*;
use radslag_core::ids::SmallGroupId;

use super::use_dialogue;
use crate::components::collab_text::CollabTextarea;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

#[component]
pub fn GroupWriting() -> impl IntoView {
    let i18n = use_i18n();
    let (_, dialogue) = use_dialogue();
    let group = RwSignal::new(None::<SmallGroupId>);
    let groups = move || {
        dialogue.with(|d| {
            d.as_ref()
                .map(|d| d.small_groups.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="field">
            <label for="which-group">{move || i18n.t().dialogues.which_group}</label>
            <select id="which-group" on:change=move |ev| {
                let value = event_target_value(&ev);
                group.set(Some(value).filter(|v| !v.is_empty()).map(SmallGroupId::from));
            }>
                <option value="">{move || i18n.t().dialogues.choose_group}</option>
                <For each=groups key=|g| (g.id.clone(), g.name.clone()) let:g>
                    <option value=g.id.0.clone()>{g.name.clone()}</option>
                </For>
            </select>
        </div>
        {move || group.get().map(|group| view! { <GroupAnswers group/> })}
    }
}

#[component]
fn GroupAnswers(group: SmallGroupId) -> impl IntoView {
    let ws = use_workspace();
    let (dialogue_id, dialogue) = use_dialogue();
    let questions =
        move || dialogue.with(|d| d.as_ref().map(|d| d.questions.clone()).unwrap_or_default());
    view! {
        <For each=questions key=|q| q.id.clone() let:question>
            {
                let group = group.clone();
                let field = format!("answer-{}-{}", group, question.id);
                let asked = question.id.clone();
                let answer = Signal::derive({
                    let group = group.clone();
                    move || {
                        dialogue.with(|d| {
                            d.as_ref()
                                .and_then(|d| d.small_groups.iter().find(|g| g.id == group))
                                .and_then(|g| g.answers.iter().find(|a| a.question == asked))
                                .map(|a| a.text.clone())
                                .unwrap_or_default()
                        })
                    }
                });
                let question_id = question.id.clone();
                let on_edit = Callback::new(move |text: String| {
                    let _ = ws.change(|d| d.set_group_answer(&dialogue_id.get_untracked(), &group, &question_id, &text));
                });
                view! {
                    <div class="field">
                        <label for=field.clone()>{question.text.clone()}</label>
                        <CollabTextarea id=field value=answer on_edit rows=6/>
                    </div>
                }
            }
        </For>
    }
}
