//! A small group writes its answers, each question in its own collaborative
//! text, while the other groups write theirs; and who is in each group,
//! chosen from the people register.

use leptos::prelude::*;
use radslag_core::{
    ids::{DialogueId, PersonId, SmallGroupId},
    meetings::person_line,
    model::{Dialogue, SmallGroup},
};

use super::{Members, use_dialogue};
use crate::components::collab_text::CollabTextarea;
use crate::components::focus::focus_later;
use crate::i18n::use_i18n;
use crate::pages::meetings::use_register;
use crate::state::{Workspace, use_workspace};

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
        {move || group.get().map(|group| view! {
            <Members members=Signal::derive({
                let group = group.clone();
                move || dialogue.with(|d| d.iter().flat_map(|d| &d.small_groups).find(|g| g.id == group).map(|g| g.members.clone()).unwrap_or_default())
            })/>
            <GroupAnswers group/>
        })}
        <SmallGroupMembers/>
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
                    let _ = ws.type_text(|d| d.set_group_answer(&dialogue_id.get_untracked(), &group, &question_id, &text));
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

/// Changes one small group of a dialogue and writes back what changed.
fn edit_small_group(
    ws: Workspace,
    dialogue: &DialogueId,
    group: &SmallGroupId,
    f: impl FnOnce(&mut SmallGroup),
) {
    let _ = ws.change(|d| {
        let Some(mut dialogue) = d.get::<Dialogue>(dialogue) else {
            return Ok(());
        };
        if let Some(g) = dialogue.small_groups.iter_mut().find(|g| &g.id == group) {
            f(g);
        }
        d.put(&dialogue)
    });
}

/// Who is in each small group, chosen from the people register.
#[component]
fn SmallGroupMembers() -> impl IntoView {
    let i18n = use_i18n();
    let (_, dialogue) = use_dialogue();
    let (people, _) = use_register();
    let groups = move || {
        dialogue.with(|d| {
            d.iter()
                .flat_map(|d| &d.small_groups)
                .map(|g| g.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="group-members" aria-labelledby="group-members">
            <h2 id="group-members">{move || i18n.t().dialogues.group_members}</h2>
            <Show when=move || people.with(Vec::is_empty)>
                <p class="hint">{move || i18n.t().dialogues.register_empty}</p>
            </Show>
            <ul class="small-group-list">
                <For each=groups key=Clone::clone let:group>
                    <SmallGroupEntry group/>
                </For>
            </ul>
        </section>
    }
}

/// A small group: its members, each removable, and a person to add.
#[component]
fn SmallGroupEntry(group: SmallGroupId) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (dialogue_id, dialogue) = use_dialogue();
    let (people, _) = use_register();
    let picker = StoredValue::new(format!("add-member-{group}"));
    let group = StoredValue::new(group);
    let found = Memo::new(move |_| {
        dialogue.with(|d| {
            d.iter()
                .flat_map(|d| &d.small_groups)
                .find(|g| group.with_value(|id| &g.id == id))
                .map(|g| (g.name.clone(), g.members.clone()))
        })
    });
    let name = move || found.with(|g| g.as_ref().map(|(name, _)| name.clone()).unwrap_or_default());
    let members =
        Memo::new(move |_| found.with(|g| g.as_ref().map(|(_, m)| m.clone()).unwrap_or_default()));
    // The register split into members and the others; a member since
    // deleted from the register is not shown.
    let register = Memo::new(move |_| {
        members.with(|members| {
            people.with(|all| {
                all.iter()
                    .cloned()
                    .partition::<Vec<_>, _>(|p| members.contains(&p.id))
            })
        })
    });
    let listed = move || register.with(|(listed, _)| listed.clone());
    let others = move || register.with(|(_, others)| others.clone());
    let edit = move |f: &dyn Fn(&mut SmallGroup)| {
        edit_small_group(ws, &dialogue_id.get_untracked(), &group.get_value(), f);
    };
    let picked = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let person = PersonId::from(picked.get_untracked());
        if person.0.is_empty() {
            return;
        }
        edit(&|g| {
            if !g.members.contains(&person) {
                g.members.push(person.clone());
            }
        });
        picked.set(String::new());
    };
    let remove = move |person: &PersonId| {
        edit(&|g| g.members.retain(|m| m != person));
        // The row is gone: focus goes on to choosing someone else.
        focus_later(picker.get_value());
    };
    view! {
        <li class="small-group">
            <h3>{name}</h3>
            <Show when=move || register.with(|(listed, _)| !listed.is_empty()) fallback=move || view! { <p class="empty">{move || i18n.t().dialogues.no_members}</p> }>
                <ul class="member-list">
                    <For each=listed key=|p| (p.id.clone(), person_line(p)) let:person>
                        {
                            let id = person.id.clone();
                            let person_name = person.name.clone();
                            let label = move || format!("{} {}: {person_name}", i18n.t().dialogues.remove_member_from, name());
                            view! {
                                <li class="member">
                                    <span class="member-name">{person_line(&person)}</span>
                                    <button type="button" class="secondary" aria-label=label
                                        on:click=move |_| remove(&id)>"✕"</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <Show when=move || register.with(|(_, others)| !others.is_empty())>
                <form class="inline-form add-member" on:submit=add>
                    <label for=picker.get_value()>{move || format!("{} {}", i18n.t().dialogues.add_member_to, name())}</label>
                    <select id=picker.get_value() prop:value=picked on:change=move |ev| picked.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t().dialogues.choose_person}</option>
                        <For each=others key=|p| (p.id.clone(), person_line(p)) let:p>
                            <option value=p.id.0.clone()>{person_line(&p)}</option>
                        </For>
                    </select>
                    <button type="submit">{move || i18n.t().dialogues.add_member}</button>
                </form>
            </Show>
        </li>
    }
}
