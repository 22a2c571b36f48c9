//! Dialoger: small groups writing answers at the same time, the coordinator
//! compiling them into minutes, and citizen dialogues at events.

mod citizen;
mod compile;
mod form;
mod groups;
mod results;

pub use citizen::CitizenMode;
pub use compile::CompileView;
pub use groups::GroupWriting;
pub use results::Results;

use leptos::prelude::*;
use leptos_router::{
    components::{A, Outlet},
    hooks::use_params_map,
};
use radslag_core::{
    ids::{DialogueId, PersonId},
    model::{Dialogue, Meeting, WheelEvent},
};

use crate::i18n::use_i18n;
use crate::pages::meetings::use_register;
use crate::routes::{self, DialogueTab};
use crate::state::use_workspace;

/// The dialogue named in the path, kept current as the document changes.
pub fn use_dialogue() -> (Signal<DialogueId>, Memo<Option<Dialogue>>) {
    let params = use_params_map();
    let id = Signal::derive(move || {
        DialogueId::from(params.with(|p| p.get(routes::param::DIALOGUE).unwrap_or_default()))
    });
    let ws = use_workspace();
    let dialogue = Memo::new(move |_| ws.read(|d| d.get::<Dialogue>(&id.get())).flatten());
    (id, dialogue)
}

/// A small group's members as the register names them; nothing while it
/// has none.
#[component]
fn Members(#[prop(into)] members: Signal<Vec<PersonId>>) -> impl IntoView {
    let i18n = use_i18n();
    let (people, _) = use_register();
    let names = move || {
        let members = members.get();
        people.with(|all| {
            members
                .iter()
                .filter_map(|m| all.iter().find(|p| &p.id == m))
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
        })
    };
    move || {
        let names = names();
        (!names.is_empty()).then(|| {
            view! { <p class="members-line">{i18n.t().dialogues.members}": "{names.join(", ")}</p> }
        })
    }
}

#[component]
pub fn DialoguesPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let dialogues = Memo::new(move |_| {
        let mut list = ws.read(|d| d.list::<Dialogue>()).unwrap_or_default();
        radslag_core::order::sort_by(&mut list, |a, b| a.title.cmp(&b.title));
        list
    });
    view! {
        <h1>{move || i18n.t().nav_dialogues}</h1>
        <p class="lead">{move || i18n.t().dialogues.dialogues_intro}</p>
        <Show when=move || !dialogues.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || i18n.t().dialogues.no_dialogues}</p> }>
            <ul class="entry-list">
                <For each=move || dialogues.get() key=|d| (d.id.clone(), d.title.clone()) let:dialogue>
                    <li>
                        <A href=routes::dialogue(&ws.id.get_untracked().unwrap_or_default(), &dialogue.id)><strong>{dialogue.title.clone()}</strong></A>
                        <span class="detail">{dialogue.questions.iter().map(|q| q.text.clone()).collect::<Vec<_>>().join(" · ")}</span>
                    </li>
                </For>
            </ul>
        </Show>
        <form::NewDialogue/>
    }
}

/// A dialogue's title, the meeting or event it belongs to, and its views:
/// groups writing, the compilation, the citizen dialogue and its results.
#[component]
pub fn DialogueFrame() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (id, dialogue) = use_dialogue();
    let belongs_to = move || {
        let (meeting, event) = dialogue.with(|d| {
            d.as_ref()
                .map(|d| (d.meeting.clone(), d.wheel_event.clone()))
        })?;
        let dated = |date: Option<chrono::NaiveDate>, title: String| {
            format!(
                "{} {title}",
                date.map(|d| d.to_string()).unwrap_or_default()
            )
            .trim()
            .to_owned()
        };
        let meeting = meeting.and_then(|m| ws.read(|d| d.get::<Meeting>(&m)).flatten());
        let event = event.and_then(|e| ws.read(|d| d.get::<WheelEvent>(&e)).flatten());
        let mut parts = Vec::new();
        if let Some(m) = meeting {
            parts.push(format!(
                "{}: {}",
                i18n.t().dialogues.dialogue_at_meeting,
                dated(m.date, m.title)
            ));
        }
        if let Some(e) = event {
            parts.push(format!(
                "{}: {}",
                i18n.t().dialogues.dialogue_at_event,
                dated(e.start, e.title)
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    };
    let tabs = move || {
        let (ws, id) = (use_workspace().id.get().unwrap_or_default(), id.get());
        let tab = |tab| routes::dialogue_tab(&ws, &id, tab);
        [
            (tab(DialogueTab::Groups), i18n.t().dialogues.dialogue_groups),
            (
                tab(DialogueTab::Compile),
                i18n.t().dialogues.dialogue_compile,
            ),
            (
                tab(DialogueTab::Citizen),
                i18n.t().dialogues.citizen_dialogue,
            ),
            (
                tab(DialogueTab::Results),
                i18n.t().dialogues.dialogue_results,
            ),
        ]
    };
    view! {
        <Show when=move || dialogue.with(Option::is_some) fallback=move || view! { <p class="empty">{move || i18n.t().dialogues.dialogue_missing}</p> }>
            <h1>{move || dialogue.with(|d| d.as_ref().map(|d| d.title.clone()))}</h1>
            {move || belongs_to().map(|text| view! { <p class="lead dialogue-context">{text}</p> })}
            <nav class="tabs" aria-label=move || i18n.t().dialogues.dialogue_views>
                <ul>
                    {move || tabs().into_iter().map(|(href, label)| view! { <li><A href=href exact=true>{label}</A></li> }).collect_view()}
                </ul>
            </nav>
            <Outlet/>
        </Show>
    }
}
