//! Import of existing minutes (`/w/:ws/moten/importera`): paste text or pick
//! a `.txt` file; the minutes parser (`radslag_core::minutes_import`) reads
//! it into a draft shown for correcting — asking for what the text lacks —
//! and importing saves the meeting, the people the register lacked and the
//! next meetings. Text that is not minutes gets a clear message and imports
//! nothing.

use chrono::Datelike;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_navigate};
use radslag_core::{
    ids::{GroupId, TemplateId},
    meetings::{
        DEFAULT_TEMPLATE_ID,
        dates::{long_date, time_range},
        import::{ImportDraft, build, people_from_lines, people_to_lines},
    },
    minutes_import::{ImportError, MissingField, parse_minutes},
    model::{Group, Person, Template},
};
use wasm_bindgen_futures::JsFuture;

use super::use_register;
use crate::clock::today;
use crate::i18n::meetings::MeetingTexts;
use crate::i18n::{Lang, use_i18n};
use crate::routes::{self, Section};
use crate::state::use_workspace;
use radslag_core::time::{date_value, parse_date, parse_time, time_value};

/// A text file's contents: UTF-8 (a BOM dropped), or else Windows-1252 as
/// older Swedish Windows programs save it.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80 => '€',
                0x96 => '–',
                0x97 => '—',
                0x91 | 0x92 => '\'',
                0x93 | 0x94 => '"',
                0x95 => '•',
                b => char::from(b),
            })
            .collect(),
    }
}

async fn file_text(file: web_sys::File) -> Option<String> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(decode(&js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The parser's message in the current language (it gives "svenska / English").
fn message(error: &ImportError, lang: Lang) -> String {
    let text = error.to_string();
    let (sv, en) = text.split_once(" / ").unwrap_or((&text, &text));
    match lang {
        Lang::Sv => sv.trim().to_owned(),
        Lang::En => en.trim().to_owned(),
    }
}

fn field_name(field: MissingField, t: &MeetingTexts) -> &'static str {
    match field {
        MissingField::Date => t.field_date,
        MissingField::Place => t.field_place,
        MissingField::Participants => t.field_participants,
        MissingField::Title => t.field_title,
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (_, groups) = use_register();
    let t = move || i18n.t().meetings;
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ImportError>);
    let draft = RwSignal::new(None::<ImportDraft>);
    // Bumped for each parsed text, so the preview is drawn afresh only then.
    let generation = RwSignal::new(0_u32);
    let read = move || {
        let year = today().year();
        match parse_minutes(&text.get_untracked(), Some(year)) {
            Ok(parsed) => {
                error.set(None);
                draft.set(Some(
                    groups.with_untracked(|g| ImportDraft::from_parsed(&parsed, g)),
                ));
            }
            Err(e) => {
                error.set(Some(e));
                draft.set(None);
            }
        }
        generation.update(|g| *g += 1);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        spawn_local(async move {
            text.set(file_text(file).await.unwrap_or_default());
            read();
        });
    };
    let list_href = move || routes::section(&ws.id.get().unwrap_or_default(), Section::Meetings);
    view! {
        <div class="import-page">
            <p class="breadcrumb"><A href=list_href>{move || t().back_to_list}</A></p>
            <h1>{move || t().import_heading}</h1>
            <p class="lead">{move || t().import_intro}</p>
            <form class="import-source" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); read(); }>
                <div class="field">
                    <label for="import-text">{move || t().import_text}</label>
                    <textarea id="import-text" rows="12" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="import-file">{move || t().import_file}</label>
                    <input id="import-file" type="file" accept=".txt,text/plain" on:change=on_file/>
                </div>
                <button type="submit" class="primary">{move || t().read_text}</button>
            </form>
            <div role="alert" class="import-error">
                {move || error.get().map(|e| view! { <p class="error">{message(&e, i18n.0.get())}</p> })}
            </div>
            {move || {
                generation.track();
                untrack(move || draft.get()).map(|d| view! { <Preview initial=d draft/> })
            }}
        </div>
    }
}

/// The draft for correcting, then importing.
#[component]
fn Preview(initial: ImportDraft, draft: RwSignal<Option<ImportDraft>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let navigate = use_navigate();
    let (people, groups) = use_register();
    let t = move || i18n.t().meetings;
    let edit = move |f: Box<dyn FnOnce(&mut ImportDraft)>| {
        draft.update(|d| {
            if let Some(d) = d {
                f(d)
            }
        })
    };
    let lacked = StoredValue::new(initial.missing.clone());
    let lacks = move |field: MissingField| lacked.with_value(|l| l.contains(&field));
    let present = RwSignal::new(people_to_lines(&initial.present));
    let absent = RwSignal::new(people_to_lines(&initial.absent));
    let with_next = RwSignal::new(true);
    let date_missing = RwSignal::new(false);
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
    let marker = move |field: MissingField, id: &'static str| {
        lacks(field)
            .then(|| view! { <p class="missing-note" id=id>{move || t().missing_in_text}</p> })
    };
    let new_people = move || {
        let register = people.get();
        let mut names = people_from_lines(&present.get());
        names.extend(people_from_lines(&absent.get()));
        if let Some(n) = draft.with(|d| d.as_ref().and_then(|d| d.note_taker.clone())) {
            names.push(n);
        }
        let fold = radslag_core::meetings::search::fold;
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
    };
    let next_lines = move || {
        let locale = t().locale;
        draft.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.next
                        .iter()
                        .map(|n| {
                            let group = n.group.as_ref().and_then(|g| {
                                groups.with(|gs| {
                                    gs.iter().find(|x| &x.id == g).map(|x| x.name.clone())
                                })
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
                .unwrap_or_default()
        })
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut d) = draft.get_untracked() else {
            return;
        };
        d.present = people_from_lines(&present.get_untracked());
        d.absent = people_from_lines(&absent.get_untracked());
        if !d.blocking().is_empty() {
            date_missing.set(true);
            super::focus_later("import-date".to_owned());
            return;
        }
        date_missing.set(false);
        let next = with_next.get_untracked();
        let imported = ws.change(|doc| {
            let (people, groups) = (doc.list::<Person>(), doc.list::<Group>());
            let template = doc.get::<Template>(&TemplateId::from(DEFAULT_TEMPLATE_ID));
            let imported = build(&d, &people, &groups, template.as_ref(), next);
            for p in &imported.new_people {
                doc.put(p)?;
            }
            for m in &imported.next_meetings {
                doc.put(m)?;
            }
            doc.put(&imported.meeting)?;
            Ok(imported.meeting.id)
        });
        if let Ok(id) = imported {
            navigate(
                &routes::meeting(&ws.id.get_untracked().unwrap_or_default(), &id),
                Default::default(),
            );
        }
    };
    let items = initial.items.clone();
    let item_count = items.len();
    view! {
        <section class="import-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{move || t().preview}</h2>
            <p class="hint">{move || t().preview_intro}</p>
            {summary().map(|s| view! { <p class="missing-summary" role="status">{s}</p> })}
            {initial.ocr_repaired.then(|| view! { <p class="note">{move || t().ocr_note}</p> })}
            <form on:submit=import novalidate>
                <div class="field">
                    <label for="import-title">{move || t().title}</label>
                    <input id="import-title" value=initial.title.clone() aria-describedby="import-title-missing"
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.title = v)); }/>
                    {marker(MissingField::Title, "import-title-missing")}
                </div>
                <div class="field-row">
                    <div class="field" class:missing=lacks(MissingField::Date)>
                        <label for="import-date">{move || t().date}</label>
                        <input id="import-date" type="date" value=date_value(initial.date) required
                            aria-describedby="import-date-missing import-date-error" aria-invalid=move || date_missing.get().to_string()
                            on:input=move |ev| { let v = parse_date(&event_target_value(&ev)); edit(Box::new(move |d| d.set_date(v))); }/>
                        {marker(MissingField::Date, "import-date-missing")}
                        <p class="error" id="import-date-error" role="alert">{move || date_missing.get().then(|| t().date_required)}</p>
                    </div>
                    <div class="field">
                        <label for="import-start">{move || t().start}</label>
                        <input id="import-start" type="time" value=time_value(initial.start_time)
                            on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); edit(Box::new(move |d| d.start_time = v)); }/>
                    </div>
                    <div class="field">
                        <label for="import-end">{move || t().end}</label>
                        <input id="import-end" type="time" value=time_value(initial.end_time)
                            on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); edit(Box::new(move |d| d.end_time = v)); }/>
                    </div>
                </div>
                <div class="field" class:missing=lacks(MissingField::Place)>
                    <label for="import-place">{move || t().place}</label>
                    <input id="import-place" value=initial.place.clone() aria-describedby="import-place-missing"
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.place = v)); }/>
                    {marker(MissingField::Place, "import-place-missing")}
                </div>
                <fieldset class="checkboxes">
                    <legend>{move || t().groups}</legend>
                    <For each=move || groups.get() key=|g| (g.id.clone(), g.name.clone()) let:g>
                        {
                            let (id, checked_id) = (g.id.clone(), g.id.clone());
                            let checked = move || draft.with(|d| d.as_ref().is_some_and(|d| d.groups.contains(&checked_id)));
                            view! {
                                <label class="checkbox">
                                    <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id: GroupId = id.clone();
                                        edit(Box::new(move |d| { d.groups.retain(|x| x != &id); if on { d.groups.push(id); } }));
                                    }/>
                                    {g.name.clone()}
                                </label>
                            }
                        }
                    </For>
                </fieldset>
                <div class="field" class:missing=lacks(MissingField::Participants)>
                    <label for="import-present">{move || t().participants}</label>
                    <textarea id="import-present" rows="6" aria-describedby="import-people-hint import-present-missing"
                        prop:value=present on:input=move |ev| present.set(event_target_value(&ev))></textarea>
                    {marker(MissingField::Participants, "import-present-missing")}
                </div>
                <div class="field">
                    <label for="import-absent">{move || t().absent_people}</label>
                    <textarea id="import-absent" rows="2" aria-describedby="import-people-hint"
                        prop:value=absent on:input=move |ev| absent.set(event_target_value(&ev))></textarea>
                    <p class="hint" id="import-people-hint">{move || t().people_lines_hint}</p>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="import-note-taker">{move || t().note_taker}</label>
                        <input id="import-note-taker" value=initial.note_taker.as_ref().map(|n| n.name.clone()).unwrap_or_default()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit(Box::new(move |d| d.note_taker.get_or_insert_with(Default::default).name = v));
                            }/>
                    </div>
                    <div class="field">
                        <label for="import-note-taker-role">{move || t().note_taker_role}</label>
                        <input id="import-note-taker-role" value=initial.note_taker.as_ref().map(|n| n.role.clone()).unwrap_or_default()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit(Box::new(move |d| d.note_taker.get_or_insert_with(Default::default).role = v));
                            }/>
                    </div>
                </div>
                {move || {
                    let new = new_people();
                    (!new.is_empty()).then(|| view! { <p class="hint">{format!("{} {}: {}", new.len(), t().new_people_note, new.join(", "))}</p> })
                }}
                <h3>{move || format!("{} ({})", t().items_found, item_count)}</h3>
                <ol class="import-items">
                    {items.into_iter().enumerate().map(|(n, item)| {
                        let (heading_id, body_id) = (format!("import-item-{n}"), format!("import-body-{n}"));
                        view! {
                            <li class="import-item">
                                <div class="field">
                                    <label for=heading_id.clone()>{move || format!("{}, {} {}", t().item_heading, t().item, n + 1)}</label>
                                    <input id=heading_id value=item.heading.clone() on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit(Box::new(move |d| if let Some(i) = d.items.get_mut(n) { i.heading = v }));
                                    }/>
                                </div>
                                <div class="field">
                                    <label for=body_id.clone()>{move || format!("{}, {} {}", t().item_body, t().item, n + 1)}</label>
                                    <textarea id=body_id rows=((item.body.lines().count() + 1).clamp(2, 14)).to_string()
                                        prop:value=item.body.clone() on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit(Box::new(move |d| if let Some(i) = d.items.get_mut(n) { i.body = v }));
                                    }></textarea>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <Show when=move || !next_lines().is_empty()>
                    <h3>{move || t().next_meeting}</h3>
                    <ul class="import-next">
                        {move || next_lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=with_next on:change=move |ev| with_next.set(event_target_checked(&ev))/>
                        {move || t().create_next_on_import}
                    </label>
                </Show>
                <button type="submit" class="primary">{move || t().do_import}</button>
            </form>
        </section>
    }
}
