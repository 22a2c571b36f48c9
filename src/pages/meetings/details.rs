//! A meeting's title, groups, date, start and end time, place and online link.
//! Each field is written as it is typed; values that arrive from elsewhere
//! replace what is shown (an input given its own value keeps the caret).

use leptos::prelude::*;
use radslag_core::{ids::MeetingId, meetings::dates::long_date, model::Meeting};

use super::{edit_meeting, use_register};
use crate::i18n::use_i18n;
use crate::state::use_workspace;
use radslag_core::time::{date_value, parse_date, parse_time, time_value};

#[component]
pub fn Details(id: Signal<MeetingId>, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (_, groups) = use_register();
    let t = move || i18n.t().meetings;
    let field = move |read: fn(&Meeting) -> String| {
        Memo::new(move |_| meeting.with(|m| m.as_ref().map(read).unwrap_or_default()))
    };
    let title = field(|m| m.title.clone());
    let date = field(|m| date_value(m.date));
    let start = field(|m| time_value(m.start_time));
    let end = field(|m| time_value(m.end_time));
    let place = field(|m| m.place.clone());
    let link = field(|m| m.link.clone());
    let chosen = Memo::new(move |_| {
        meeting.with(|m| m.as_ref().map(|m| m.groups.clone()).unwrap_or_default())
    });
    let edit = move |f: Box<dyn FnOnce(&mut Meeting)>| {
        edit_meeting(ws, &id.get_untracked(), f);
    };
    let spoken_date = move || {
        meeting
            .with(|m| m.as_ref().and_then(|m| m.date))
            .map(|d| long_date(d, t().locale))
            .unwrap_or_default()
    };
    view! {
        <section class="meeting-details" aria-labelledby="details-heading">
            <h2 id="details-heading" class="visually-hidden">{move || t().details}</h2>
            <div class="field">
                <label for="meeting-title">{move || t().title}</label>
                <input id="meeting-title" prop:value=title
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.title = v)); }/>
            </div>
            <fieldset class="checkboxes">
                <legend>{move || t().groups}</legend>
                <For each=move || groups.get() key=|g| (g.id.clone(), g.name.clone()) let:g>
                    {
                        let (group, checked_group) = (g.id.clone(), g.id.clone());
                        view! {
                            <label class="checkbox">
                                <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&checked_group))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let group = group.clone();
                                        edit(Box::new(move |m| {
                                            m.groups.retain(|x| x != &group);
                                            if on { m.groups.push(group); }
                                        }));
                                    }/>
                                {g.name.clone()}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="meeting-date">{move || t().date}</label>
                    <input id="meeting-date" type="date" prop:value=date aria-describedby="meeting-date-spoken"
                        on:input=move |ev| { let v = parse_date(&event_target_value(&ev)); edit(Box::new(move |m| m.date = v)); }/>
                    <p class="hint" id="meeting-date-spoken">{spoken_date}</p>
                </div>
                <div class="field">
                    <label for="meeting-start">{move || t().start}</label>
                    <input id="meeting-start" type="time" prop:value=start
                        on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); edit(Box::new(move |m| m.start_time = v)); }/>
                </div>
                <div class="field">
                    <label for="meeting-end">{move || t().end}</label>
                    <input id="meeting-end" type="time" prop:value=end
                        on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); edit(Box::new(move |m| m.end_time = v)); }/>
                </div>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="meeting-place">{move || t().place}</label>
                    <input id="meeting-place" prop:value=place
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.place = v)); }/>
                </div>
                <div class="field">
                    <label for="meeting-link">{move || t().link}</label>
                    <input id="meeting-link" type="url" inputmode="url" prop:value=link aria-describedby="meeting-link-hint"
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.link = v)); }/>
                    <p class="hint" id="meeting-link-hint">{move || t().link_hint}</p>
                </div>
            </div>
        </section>
    }
}
