//! Adds or edits a wheel event: title, category, dates, groups, notes, the
//! meeting it belongs to, linked actions, and how it repeats (with
//! exceptions).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use radslag_core::{
    actions,
    doc::Deletable,
    ids::{ActionId, CategoryId, MeetingId, WheelEventId},
    model::{Action, Meeting, WheelEvent},
    time::{iso_week, parse_date},
    wheel::recurrence::{Recurrence, RepeatKind, expand},
};

use super::{Editing, use_data, use_ui};
use crate::components::id_checklist::{Choice, IdChecklist};
use crate::components::undo::use_undo;
use crate::i18n::use_i18n;
use crate::i18n::wheel::WheelTexts;
use crate::state::use_workspace;

#[component]
pub fn EventForm(editing: Editing) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let ui = use_ui();
    let data = use_data();
    let t = move || i18n.t().wheel;

    let existing = match &editing {
        Editing::Event(id) => untrack(|| ws.read(|d| d.get::<WheelEvent>(id))).flatten(),
        Editing::New => None,
    };
    let is_new = existing.is_none();
    let original = existing.clone().unwrap_or_else(|| WheelEvent {
        id: WheelEventId::random(),
        category: data.categories.with_untracked(|cats| {
            cats.iter()
                .find(|c| c.id.as_str() == "evenemang")
                .or(cats.first())
                .map(|c| c.id.clone())
        }),
        groups: ui.group.get_untracked().into_iter().collect(),
        ..Default::default()
    });
    let id = original.id.clone();
    let rule = Recurrence::from_json(&original.recurrence).ok().flatten();
    let original_rule = StoredValue::new(rule.clone());
    let date_text = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();

    let title = RwSignal::new(original.title.clone());
    let category = RwSignal::new(
        original
            .category
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let start = RwSignal::new(date_text(original.start));
    let end = RwSignal::new(if original.end == original.start {
        String::new()
    } else {
        date_text(original.end)
    });
    let groups = RwSignal::new(original.groups.clone());
    let notes = RwSignal::new(original.notes.clone());
    let meeting = RwSignal::new(
        original
            .meeting
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(RepeatKind::of(rule.as_ref()));
    let week = RwSignal::new(
        rule.as_ref()
            .and_then(|r| r.by_iso_week)
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    let until = RwSignal::new(date_text(rule.as_ref().and_then(|r| r.until)));
    let exceptions = RwSignal::new(
        rule.as_ref()
            .map(|r| {
                r.exceptions
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
    );
    let all_actions = Memo::new(move |_| {
        let mut actions = ws.list::<Action>();
        radslag_core::order::sort_by_key(&mut actions, |a| (a.due.is_none(), a.due));
        actions
    });
    let linked = RwSignal::new(all_actions.with_untracked(|all| {
        all.iter()
            .filter(|a| a.wheel_event.as_ref() == Some(&id))
            .map(|a| a.id.clone())
            .collect::<Vec<ActionId>>()
    }));
    let meetings = Memo::new(move |_| {
        let mut meetings = ws.list::<Meeting>();
        radslag_core::order::sort_by_key(&mut meetings, |m| std::cmp::Reverse(m.date));
        meetings
    });
    let error = RwSignal::new(None::<fn(&WheelTexts) -> &'static str>);
    let group_choices = Signal::derive(move || {
        data.groups.with(|all| {
            all.iter()
                .map(|g| Choice::new(g.id.clone(), g.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let action_choices = Signal::derive(move || {
        all_actions.with(|all| {
            all.iter()
                .map(|a| {
                    let label = match a.due {
                        Some(due) => format!("{} ({due})", actions::label(&a.text)),
                        None => actions::label(&a.text),
                    };
                    Choice::new(a.id.clone(), label)
                })
                .collect::<Vec<_>>()
        })
    });
    // The week follows the start date until it is set by hand.
    let week_shown = move || {
        let w = week.get();
        if w.trim().is_empty() {
            parse_date(&start.get())
                .map(|d| iso_week(d).1.to_string())
                .unwrap_or_default()
        } else {
            w
        }
    };

    let event_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = title.get_untracked().trim().to_owned();
        if name.is_empty() {
            error.set(Some(|t| t.title_required));
            return;
        }
        let Some(first) = parse_date(&start.get_untracked()) else {
            error.set(Some(|t| t.start_required));
            return;
        };
        let last = match end.get_untracked().trim() {
            "" => first,
            text => match parse_date(text) {
                Some(d) => d,
                None => {
                    error.set(Some(|t| t.end_before_start));
                    return;
                }
            },
        };
        if last < first {
            error.set(Some(|t| t.end_before_start));
            return;
        }
        let mut excepted = Vec::new();
        for line in exceptions.get_untracked().split(['\n', ',', ';']) {
            if line.trim().is_empty() {
                continue;
            }
            match parse_date(line) {
                Some(d) => excepted.push(d),
                None => {
                    error.set(Some(|t| t.bad_exception));
                    return;
                }
            }
        }
        error.set(None);
        let chosen = kind.get_untracked();
        let rule = chosen.rule().map(|fresh| {
            // The same kind keeps what the form does not show (interval, count).
            let mut rule = original_rule
                .get_value()
                .filter(|r| RepeatKind::of(Some(r)) == chosen)
                .unwrap_or(fresh);
            rule.until = parse_date(&until.get_untracked());
            rule.exceptions = excepted;
            rule.by_iso_week = (chosen == RepeatKind::YearlyWeek)
                .then(|| {
                    week_shown()
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|w| (1..=53).contains(w))
                })
                .flatten();
            rule
        });
        let event = WheelEvent {
            id: event_id.clone(),
            title: name,
            category: Some(category.get_untracked())
                .filter(|c| !c.is_empty())
                .map(CategoryId::from),
            start: Some(first),
            end: Some(last),
            groups: groups.get_untracked(),
            recurrence: rule.as_ref().map(Recurrence::to_json).unwrap_or_default(),
            notes: notes.get_untracked(),
            meeting: Some(meeting.get_untracked())
                .filter(|m| !m.is_empty())
                .map(MeetingId::from),
        };
        let chosen_actions = linked.get_untracked();
        let _ = ws.change(|d| {
            d.put(&event)?;
            for mut action in d.list::<Action>() {
                let want = chosen_actions.contains(&action.id);
                let has = action.wheel_event.as_ref() == Some(&event.id);
                if want != has {
                    action.wheel_event = want.then(|| event.id.clone());
                    d.put(&action)?;
                }
            }
            Ok(())
        });
        // Show the event: go to its year unless it occurs in the one shown.
        let year = ui.year.get_untracked();
        let (jan1, dec31) = (
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(first),
            NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(first),
        );
        let visible = match &rule {
            Some(rule) => !expand(first, last, rule, jan1, dec31).is_empty(),
            None => first <= dec31 && last >= jan1,
        };
        if !visible {
            ui.year.set(first.year());
        }
        ui.shown.set(Some(format!("event:{}", event.id)));
        ui.editing.set(None);
    };
    // Actions tied to the event keep it: restored, it is theirs again.
    let delete_id = id.clone();
    let undo = use_undo();
    let delete = move |_| {
        undo.delete(
            Deletable::entry::<WheelEvent>(&delete_id),
            title.get_untracked(),
        );
        ui.shown.set(None);
        ui.editing.set(None);
    };

    view! {
        <section class="wheel-form" aria-labelledby="wheel-form-heading">
            <h2 id="wheel-form-heading">{move || if is_new { t().new_event } else { t().edit_event }}</h2>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="wheel-event-title">{move || t().event_title}</label>
                    <input id="wheel-event-title" required prop:value=title on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=move || (error.get().is_some() && title.with(|t| t.trim().is_empty())).to_string()/>
                </div>
                <div class="field">
                    <label for="wheel-event-category">{move || t().category}</label>
                    <select id="wheel-event-category" on:change=move |ev| category.set(event_target_value(&ev))>
                        {move || data.categories.get().into_iter().map(|c| {
                            let value = c.id.to_string();
                            let selected = {
                                let value = value.clone();
                                move || category.get() == value
                            };
                            view! { <option value=value selected=selected>{c.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="wheel-event-start">{move || t().start}</label>
                        <input id="wheel-event-start" type="date" required prop:value=start on:input=move |ev| start.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="wheel-event-end">{move || t().end}</label>
                        <input id="wheel-event-end" type="date" aria-describedby="wheel-event-end-hint" prop:value=end on:input=move |ev| end.set(event_target_value(&ev))/>
                        <p id="wheel-event-end-hint" class="hint">{move || t().end_hint}</p>
                    </div>
                </div>
                <Show when=move || !data.groups.with(Vec::is_empty)>
                    <fieldset class="checkboxes">
                        <legend>{move || t().groups}</legend>
                        <IdChecklist options=group_choices chosen=groups/>
                    </fieldset>
                </Show>
                <fieldset class="repeat">
                    <legend>{move || t().repeats}</legend>
                    <div class="field">
                        <label for="wheel-event-repeat" class="visually-hidden">{move || t().repeats}</label>
                        <select id="wheel-event-repeat" on:change=move |ev| kind.set(RepeatKind::from_code(&event_target_value(&ev)))>
                            {move || RepeatKind::ALL.into_iter().map(|k| view! {
                                <option value=k.code() selected=move || kind.get() == k>{t().repeat(k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=move || kind.get() == RepeatKind::YearlyWeek>
                        <div class="field">
                            <label for="wheel-event-week">{move || t().iso_week}</label>
                            <input id="wheel-event-week" type="number" min="1" max="53" inputmode="numeric"
                                prop:value=week_shown on:input=move |ev| week.set(event_target_value(&ev))/>
                        </div>
                    </Show>
                    <Show when=move || kind.get() != RepeatKind::Once>
                        <div class="field">
                            <label for="wheel-event-until">{move || t().until}</label>
                            <input id="wheel-event-until" type="date" prop:value=until on:input=move |ev| until.set(event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="wheel-event-exceptions">{move || t().exceptions}</label>
                            <textarea id="wheel-event-exceptions" rows="3" aria-describedby="wheel-event-exceptions-hint"
                                prop:value=exceptions on:input=move |ev| exceptions.set(event_target_value(&ev))></textarea>
                            <p id="wheel-event-exceptions-hint" class="hint">{move || t().exceptions_hint}</p>
                        </div>
                    </Show>
                </fieldset>
                <div class="field">
                    <label for="wheel-event-notes">{move || t().notes}</label>
                    <textarea id="wheel-event-notes" rows="3" prop:value=notes on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="wheel-event-meeting">{move || t().linked_meeting}</label>
                    <select id="wheel-event-meeting" on:change=move |ev| meeting.set(event_target_value(&ev))>
                        <option value="" selected=move || meeting.with(String::is_empty)>{move || t().no_meeting}</option>
                        {move || meetings.get().into_iter().map(|m| {
                            let value = m.id.to_string();
                            let selected = {
                                let value = value.clone();
                                move || meeting.get() == value
                            };
                            let label = format!("{} {}", m.date.map(|d| d.to_string()).unwrap_or_default(), m.title).trim().to_owned();
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || !all_actions.with(Vec::is_empty)>
                    <fieldset class="checkboxes linked-actions">
                        <legend>{move || t().linked_actions}</legend>
                        <IdChecklist options=action_choices chosen=linked/>
                    </fieldset>
                </Show>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e(t())}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">{move || t().save}</button>
                    <button type="button" class="secondary" on:click=move |_| ui.editing.set(None)>{move || t().cancel}</button>
                    <Show when=move || !is_new>
                        <button type="button" class="secondary danger" on:click=delete.clone()>{move || t().delete_event}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}
