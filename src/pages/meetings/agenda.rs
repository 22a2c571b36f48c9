//! The agenda and minutes: numbered items that can be added, moved (buttons
//! or Alt+↑/↓ on the item; focus follows the item) and removed (with
//! *Ångra*, and restorable from *Borttaget*), each with a
//! heading and a collaborative body where lines starting with "- " are
//! bullet points. Items are keyed by id, never by content, so typing in one
//! never redraws it and the caret stays put.

use leptos::prelude::*;
use radslag_core::{
    AgendaText,
    doc::Deletable,
    ids::{AgendaItemId, MeetingId},
    meetings::{move_item, new_item},
    model::Meeting,
};

use super::edit_meeting;
use crate::components::actions::{ActionFollowUp, NewActionButton, is_follow_up};
use crate::components::collab_text::CollabTextarea;
use crate::components::focus::focus_later;
use crate::components::undo::use_undo;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

#[component]
pub fn Agenda(id: Signal<MeetingId>, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let item_ids = Memo::new(move |_| {
        meeting.with(|m| {
            m.as_ref()
                .map(|m| m.agenda.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let announce = RwSignal::new(String::new());
    let new_heading = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let heading = new_heading.get_untracked().trim().to_owned();
        if heading.is_empty() {
            return;
        }
        let item = new_item(&heading);
        let item_id = item.id.clone();
        if edit_meeting(ws, &id.get_untracked(), move |m| m.agenda.push(item)) {
            new_heading.set(String::new());
            focus_later(format!("item-body-{item_id}"));
        }
    };
    view! {
        <section class="agenda" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{move || t().agenda}</h2>
            <p class="hint" id="agenda-hint">{move || t().agenda_hint}</p>
            <Show when=move || !item_ids.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().no_items}</p> }>
                <ol class="agenda-items">
                    <For each=move || item_ids.get() key=|id| id.clone() let:item>
                        <AgendaEntry id meeting item item_ids announce/>
                    </For>
                </ol>
            </Show>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            <form class="inline-form add-item" on:submit=add>
                <label for="new-item-heading">{move || t().new_item_heading}</label>
                <input id="new-item-heading" prop:value=new_heading on:input=move |ev| new_heading.set(event_target_value(&ev))/>
                <button type="submit">{move || t().add_item}</button>
            </form>
        </section>
    }
}

#[component]
fn AgendaEntry(
    id: Signal<MeetingId>,
    meeting: Memo<Option<Meeting>>,
    item: AgendaItemId,
    item_ids: Memo<Vec<AgendaItemId>>,
    announce: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let item = StoredValue::new(item);
    let index = Memo::new(move |_| {
        item_ids.with(|ids| item.with_value(|item| ids.iter().position(|i| i == item).unwrap_or(0)))
    });
    let count = Memo::new(move |_| item_ids.with(Vec::len));
    let number = move || index.get() + 1;
    let field = move |read: fn(&radslag_core::model::AgendaItem) -> String| {
        Memo::new(move |_| {
            meeting
                .with(|m| {
                    item.with_value(|item| {
                        m.as_ref()
                            .and_then(|m| m.agenda.iter().find(|i| &i.id == item))
                            .map(read)
                    })
                })
                .unwrap_or_default()
        })
    };
    let heading = field(|i| i.heading.clone());
    let body = field(|i| i.body.clone());
    let key = item.get_value().to_string();
    let (heading_id, body_id, up_id, down_id) = (
        format!("item-heading-{key}"),
        format!("item-body-{key}"),
        format!("item-up-{key}"),
        format!("item-down-{key}"),
    );

    // Typing writes the one text, reading nothing else of the meeting.
    let write = move |which: AgendaText, text: String| {
        let _ = ws
            .type_text(|d| d.put_agenda_text(&id.get_untracked(), &item.get_value(), which, &text));
    };
    let on_body = Callback::new(move |text: String| write(AgendaText::Body, text));

    // Moves the item by `by` places; focus goes back to the element that had
    // it (or the other move button when this one is now disabled).
    let step = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |by: isize, from_button: bool| {
            let from = index.get_untracked();
            let to = from as isize + by;
            if to < 0 || to as usize >= count.get_untracked() {
                return;
            }
            let focused = document()
                .active_element()
                .map(|e| e.id())
                .unwrap_or_default();
            let target = item.get_value();
            let moved = edit_meeting(ws, &id.get_untracked(), move |m| {
                if let Some(at) = m.agenda.iter().position(|i| i.id == target) {
                    move_item(&mut m.agenda, at, to as usize);
                }
            });
            if !moved {
                return;
            }
            let now = to as usize;
            announce.set(format!(
                "{}: {} {}",
                heading.get_untracked(),
                t().moved_to,
                now + 1
            ));
            let last = count.get_untracked().saturating_sub(1);
            let refocus = match (from_button, by < 0) {
                (true, true) if now == 0 => down_id.clone(),
                (true, false) if now == last => up_id.clone(),
                _ if focused.is_empty() => up_id.clone(),
                _ => focused,
            };
            focus_later(refocus);
        }
    };
    let keyboard_step = step.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let by = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        ev.prevent_default();
        keyboard_step(by, false);
    };
    let (up, down) = (step.clone(), step);

    let undo = use_undo();
    let remove = move |_| {
        let what = Deletable::AgendaItem {
            meeting: id.get_untracked(),
            item: item.get_value(),
        };
        undo.delete(what, heading.get_untracked());
    };
    let meeting_id = id.get_untracked();
    let item_id = item.get_value();
    let follow_up = Memo::new(move |_| is_follow_up(&heading.get()));
    let rows = move || (body.with(|b| b.lines().count()) + 2).clamp(3, 20) as u32;
    view! {
        <li class="agenda-item" on:keydown=on_key>
            <h3 class="visually-hidden">{move || format!("{}. {}", number(), heading.get())}</h3>
            <div class="item-head">
                <span class="item-number" aria-hidden="true">{move || format!("{}.", number())}</span>
                <input id=heading_id class="item-heading" aria-describedby="agenda-hint"
                    aria-label=move || format!("{}, {} {}", t().item_heading, t().item, number())
                    prop:value=heading
                    on:input=move |ev| write(AgendaText::Heading, event_target_value(&ev))/>
                <span class="item-tools">
                    <button type="button" id=up_id class="secondary" disabled=move || index.get() == 0
                        aria-label=move || format!("{}: {}", t().move_up, heading.get())
                        on:click=move |_| up(-1, true)>"↑"</button>
                    <button type="button" id=down_id class="secondary" disabled=move || { index.get() + 1 >= count.get() }
                        aria-label=move || format!("{}: {}", t().move_down, heading.get())
                        on:click=move |_| down(1, true)>"↓"</button>
                    <button type="button" class="secondary danger"
                        aria-label=move || format!("{}: {}", t().remove_item, heading.get())
                        on:click=remove>"✕"</button>
                </span>
            </div>
            <label for=body_id.clone() class="body-label">
                {move || t().item_body}<span class="visually-hidden">{move || format!(", {} {}", t().item, number())}</span>
            </label>
            <CollabTextarea value=body on_edit=on_body id=body_id rows=rows() describedby="agenda-hint"/>
            {
                let meeting_id = meeting_id.clone();
                move || follow_up.get().then(|| view! { <ActionFollowUp meeting=meeting_id.clone()/> })
            }
            <NewActionButton meeting=meeting_id item=item_id/>
        </li>
    }
}
