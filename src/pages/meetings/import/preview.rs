//! One draft's form: the header fields, groups, participants, note-taker,
//! items and next meetings as read, each correctable; what the text lacked
//! is marked. The fields' ids carry the source's key, as several files'
//! forms share the page.

use leptos::prelude::*;
use radslag_core::{
    ids::GroupId,
    meetings::{
        dates::{long_date, time_range},
        import::{ImportDraft, people_from_lines},
        search::fold,
    },
    minutes_import::MissingField,
    model::Person,
};

use super::{Draft, use_register};
use crate::i18n::meetings::MeetingTexts;
use crate::i18n::use_i18n;
use radslag_core::time::{date_value, parse_date, parse_time, time_value};

fn field_name(field: MissingField, t: &MeetingTexts) -> &'static str {
    match field {
        MissingField::Date => t.field_date,
        MissingField::Place => t.field_place,
        MissingField::Participants => t.field_participants,
        MissingField::Title => t.field_title,
    }
}

/// The names among the draft's people (as typed) and note-taker that the
/// register does not have, each once.
pub(super) fn new_people(d: &Draft, register: &[Person]) -> Vec<String> {
    let mut names = people_from_lines(&d.present.get());
    names.extend(people_from_lines(&d.absent.get()));
    if let Some(n) = d.draft.with(|x| x.note_taker.clone()) {
        names.push(n);
    }
    let mut new: Vec<String> = Vec::new();
    for n in names {
        let key = fold(n.name.trim());
        if !key.is_empty()
            && !register.iter().any(|p| fold(p.name.trim()) == key)
            && !new.iter().any(|x| fold(x) == key)
        {
            new.push(n.name.trim().to_owned());
        }
    }
    new
}

/// The draft's fields for correcting; nothing is saved here.
#[component]
pub(super) fn Preview(key: usize, d: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let (people, groups) = use_register();
    let t = move || i18n.t().meetings;
    let id = move |name: &str| format!("import-{key}-{name}");
    let edit = move |f: Box<dyn FnOnce(&mut ImportDraft)>| d.draft.update(|x| f(x));
    let initial = d.initial.get_value();
    let lacked = StoredValue::new(initial.missing.clone());
    let lacks = move |field: MissingField| lacked.with_value(|l| l.contains(&field));
    let summary = {
        let lacked: Vec<MissingField> = initial
            .missing
            .iter()
            .copied()
            .filter(|f| *f != MissingField::Title)
            .collect();
        move || {
            (!lacked.is_empty()).then(|| {
                let names: Vec<&str> = lacked.iter().map(|f| field_name(*f, t())).collect();
                format!(
                    "{}: {}. {}",
                    t().text_lacks,
                    names.join(", "),
                    t().fill_in_below
                )
            })
        }
    };
    let marker = move |field: MissingField, name: &str| {
        let marker_id = id(name);
        lacks(field).then(
            || view! { <p class="missing-note" id=marker_id>{move || t().missing_in_text}</p> },
        )
    };
    let next_lines = move || {
        let locale = t().locale;
        d.draft.with(|x| {
            x.next
                .iter()
                .map(|n| {
                    let group = n.group.as_ref().and_then(|g| {
                        groups.with(|gs| gs.iter().find(|x| &x.id == g).map(|x| x.name.clone()))
                    });
                    [
                        group.unwrap_or_default(),
                        n.date.map(|d| long_date(d, locale)).unwrap_or_default(),
                        time_range(n.start_time, n.end_time),
                        [n.place.clone(), n.link.clone()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ")
                })
                .collect::<Vec<_>>()
        })
    };
    let described = |names: &[&str]| names.iter().map(|n| id(n)).collect::<Vec<_>>().join(" ");
    let items = initial.items.clone();
    let item_count = items.len();
    view! {
        <div class="import-draft">
            {summary().map(|s| view! { <p class="missing-summary" role="status">{s}</p> })}
            {initial.ocr_repaired.then(|| view! { <p class="note">{move || t().ocr_note}</p> })}
            <div class="field">
                <label for=id("title")>{move || t().title}</label>
                <input id=id("title") value=initial.title.clone() aria-describedby=id("title-missing")
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |x| x.title = v)); }/>
                {marker(MissingField::Title, "title-missing")}
            </div>
            <div class="field-row">
                <div class="field" class:missing=lacks(MissingField::Date)>
                    <label for=id("date")>{move || t().date}</label>
                    <input id=id("date") type="date" value=date_value(initial.date) required
                        aria-describedby=described(&["date-missing", "date-error"]) aria-invalid=move || d.date_missing.get().to_string()
                        on:input=move |ev| { let v = parse_date(&event_target_value(&ev)); edit(Box::new(move |x| x.set_date(v))); }/>
                    {marker(MissingField::Date, "date-missing")}
                    <p class="error" id=id("date-error") role="alert">{move || d.date_missing.get().then(|| t().date_required)}</p>
                </div>
                <div class="field">
                    <label for=id("start")>{move || t().start}</label>
                    <input id=id("start") type="time" value=time_value(initial.start_time)
                        on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); edit(Box::new(move |x| x.start_time = v)); }/>
                </div>
                <div class="field">
                    <label for=id("end")>{move || t().end}</label>
                    <input id=id("end") type="time" value=time_value(initial.end_time)
                        on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); edit(Box::new(move |x| x.end_time = v)); }/>
                </div>
            </div>
            <div class="field" class:missing=lacks(MissingField::Place)>
                <label for=id("place")>{move || t().place}</label>
                <input id=id("place") value=initial.place.clone() aria-describedby=id("place-missing")
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |x| x.place = v)); }/>
                {marker(MissingField::Place, "place-missing")}
            </div>
            <fieldset class="checkboxes">
                <legend>{move || t().groups}</legend>
                <For each=move || groups.get() key=|g| (g.id.clone(), g.name.clone()) let:g>
                    {
                        let (group, checked_id) = (g.id.clone(), g.id.clone());
                        let checked = move || d.draft.with(|x| x.groups.contains(&checked_id));
                        view! {
                            <label class="checkbox">
                                <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let group: GroupId = group.clone();
                                    edit(Box::new(move |x| { x.groups.retain(|g| g != &group); if on { x.groups.push(group); } }));
                                }/>
                                {g.name.clone()}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            <div class="field" class:missing=lacks(MissingField::Participants)>
                <label for=id("present")>{move || t().participants}</label>
                <textarea id=id("present") rows="6" aria-describedby=described(&["people-hint", "present-missing"])
                    prop:value=d.present on:input=move |ev| d.present.set(event_target_value(&ev))></textarea>
                {marker(MissingField::Participants, "present-missing")}
            </div>
            <div class="field">
                <label for=id("absent")>{move || t().absent_people}</label>
                <textarea id=id("absent") rows="2" aria-describedby=id("people-hint")
                    prop:value=d.absent on:input=move |ev| d.absent.set(event_target_value(&ev))></textarea>
                <p class="hint" id=id("people-hint")>{move || t().people_lines_hint}</p>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=id("note-taker")>{move || t().note_taker}</label>
                    <input id=id("note-taker") value=initial.note_taker.as_ref().map(|n| n.name.clone()).unwrap_or_default()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            edit(Box::new(move |x| x.note_taker.get_or_insert_with(Default::default).name = v));
                        }/>
                </div>
                <div class="field">
                    <label for=id("note-taker-role")>{move || t().note_taker_role}</label>
                    <input id=id("note-taker-role") value=initial.note_taker.as_ref().map(|n| n.role.clone()).unwrap_or_default()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            edit(Box::new(move |x| x.note_taker.get_or_insert_with(Default::default).role = v));
                        }/>
                </div>
            </div>
            {move || {
                let new = people.with(|register| new_people(&d, register));
                (!new.is_empty()).then(|| view! { <p class="hint">{format!("{} {}: {}", new.len(), t().new_people_note, new.join(", "))}</p> })
            }}
            <h4>{move || format!("{} ({})", t().items_found, item_count)}</h4>
            <ol class="import-items">
                {items.into_iter().enumerate().map(|(n, item)| {
                    let (heading_id, body_id) = (id(&format!("item-{n}")), id(&format!("body-{n}")));
                    view! {
                        <li class="import-item">
                            <div class="field">
                                <label for=heading_id.clone()>{move || format!("{}, {} {}", t().item_heading, t().item, n + 1)}</label>
                                <input id=heading_id value=item.heading.clone() on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(Box::new(move |x| if let Some(i) = x.items.get_mut(n) { i.heading = v }));
                                }/>
                            </div>
                            <div class="field">
                                <label for=body_id.clone()>{move || format!("{}, {} {}", t().item_body, t().item, n + 1)}</label>
                                <textarea id=body_id rows=((item.body.lines().count() + 1).clamp(2, 14)).to_string()
                                    prop:value=item.body.clone() on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(Box::new(move |x| if let Some(i) = x.items.get_mut(n) { i.body = v }));
                                }></textarea>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || !next_lines().is_empty()>
                <h4>{move || t().next_meeting}</h4>
                <ul class="import-next">
                    {move || next_lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=d.with_next on:change=move |ev| d.with_next.set(event_target_checked(&ev))/>
                    {move || t().create_next_on_import}
                </label>
            </Show>
        </div>
    }
}
