//! Import of existing minutes (`/w/:ws/moten/importera`): files — `.pdf`,
//! `.docx`, `.txt`, several at once, read by the file reader worker — or
//! pasted text. The minutes parser (`radslag_core::minutes_import`) reads
//! each into a draft; every file shows what was read, what is missing and
//! what will be added, and can be corrected or skipped. Minutes already in
//! the workspace, or twice among the files (the same date and title), are
//! recognised and not added again. One *Importera alla* saves the rest:
//! meetings, the people the register lacked and the next meetings. Text
//! that is not minutes gets a clear message and imports nothing.

mod file;
mod preview;

use chrono::Datelike;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_navigate};
use radslag_core::{
    ids::MeetingId,
    meetings::import::{
        ImportDraft, KnownMeetings, SeenIn, date_in_name, import_into, people_from_lines,
        people_to_lines,
    },
    minutes_import::{Reading, parse_minutes},
    model::{Group, Meeting},
};

use super::use_register;
use crate::clock::today;
use crate::components::focus::focus_later;
use crate::i18n::{Lang, use_i18n};
use crate::routes::{self, Section};
use crate::state::{file_reader, use_workspace};
use file::FileCard;

/// One file, or the pasted text, being imported.
#[derive(Clone)]
struct Source {
    /// Unique on this page: the list's key and the fields' ids.
    key: usize,
    name: String,
    state: RwSignal<SourceState>,
}

#[derive(Clone)]
enum SourceState {
    Reading,
    /// Why it imports nothing, in "svenska / English".
    Refused(String),
    Scan,
    Draft(Draft),
}

/// A draft being corrected: the parser's reading and the member's edits.
#[derive(Clone, Copy)]
struct Draft {
    initial: StoredValue<ImportDraft>,
    draft: RwSignal<ImportDraft>,
    /// The participants as typed, a person per line.
    present: RwSignal<String>,
    absent: RwSignal<String>,
    with_next: RwSignal<bool>,
    include: RwSignal<bool>,
    /// Shown for correcting (several files start closed).
    open: RwSignal<bool>,
    date_missing: RwSignal<bool>,
}

impl Draft {
    fn new(initial: ImportDraft) -> Draft {
        Draft {
            present: RwSignal::new(people_to_lines(&initial.present)),
            absent: RwSignal::new(people_to_lines(&initial.absent)),
            draft: RwSignal::new(initial.clone()),
            initial: StoredValue::new(initial),
            with_next: RwSignal::new(true),
            include: RwSignal::new(true),
            open: RwSignal::new(false),
            date_missing: RwSignal::new(false),
        }
    }

    /// The draft as corrected, with the people as typed.
    fn corrected(&self) -> ImportDraft {
        let mut draft = self.draft.get_untracked();
        draft.present = people_from_lines(&self.present.get_untracked());
        draft.absent = people_from_lines(&self.absent.get_untracked());
        draft
    }
}

/// What a text gives: a draft (dated by the file's name when the text has
/// no date, as scans often lack the header), or why it is not minutes.
fn parse(text: &str, name: &str, groups: &[Group]) -> SourceState {
    match parse_minutes(text, Some(today().year())) {
        Ok(parsed) => {
            let mut draft = ImportDraft::from_parsed(&parsed, groups);
            if draft.date.is_none() {
                draft.set_date(date_in_name(name));
            }
            SourceState::Draft(Draft::new(draft))
        }
        Err(e) => SourceState::Refused(e.to_string()),
    }
}

/// A message the core gives as "svenska / English", in the current language.
fn in_lang(text: &str, lang: Lang) -> String {
    let (sv, en) = text.split_once(" / ").unwrap_or((text, text));
    match lang {
        Lang::Sv => sv.trim().to_owned(),
        Lang::En => en.trim().to_owned(),
    }
}

/// For each source, where minutes of its date and title already are: in the
/// workspace, or in an earlier file that is imported.
fn duplicates(meetings: &[Meeting], sources: &[Source]) -> Vec<Option<SeenIn>> {
    let mut known = KnownMeetings::of_workspace(meetings);
    sources
        .iter()
        .map(|source| {
            let SourceState::Draft(d) = source.state.get() else {
                return None;
            };
            let (date, title) = d.draft.with(|d| (d.date, d.title.clone()));
            let date = date?;
            let seen = known.find(date, &title).cloned();
            if seen.is_none() && d.include.get() {
                known.add(date, &title, SeenIn::File(source.name.clone()));
            }
            seen
        })
        .collect()
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let navigate = StoredValue::new_local(use_navigate());
    let (_, groups) = use_register();
    let t = move || i18n.t().meetings;
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sources = RwSignal::new(Vec::<Source>::new());
    let imported = RwSignal::new(Vec::<(MeetingId, String)>::new());
    let nothing_chosen = RwSignal::new(false);
    let last_key = StoredValue::new(0_usize);
    let new_source = move |name: String, state: SourceState| {
        last_key.update_value(|k| *k += 1);
        Source {
            key: last_key.get_value(),
            name,
            state: RwSignal::new(state),
        }
    };
    let start = move || {
        error.set(None);
        imported.set(Vec::new());
        nothing_chosen.set(false);
    };
    let read_text = move || {
        start();
        let name = t().pasted_text.to_owned();
        match groups.with_untracked(|g| parse(&text.get_untracked(), &name, g)) {
            SourceState::Refused(why) => {
                error.set(Some(why));
                sources.set(Vec::new());
            }
            state => sources.set(vec![new_source(name, state)]),
        }
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(list) = input.files() else {
            return;
        };
        start();
        let chosen: Vec<(Source, web_sys::File)> = (0..list.length())
            .filter_map(|i| list.get(i))
            .map(|file| (new_source(file.name(), SourceState::Reading), file))
            .collect();
        sources.set(chosen.iter().map(|(source, _)| source.clone()).collect());
        spawn_local(async move {
            // One at a time, in order: one worker reads them all.
            for (source, file) in chosen {
                let state = match file_reader::read(file).await {
                    Reading::Text(text) => {
                        groups.try_with_untracked(|g| parse(&text, &source.name, g))
                    }
                    Reading::Scan => Some(SourceState::Scan),
                    Reading::Refused(why) => Some(SourceState::Refused(why)),
                };
                // The page may have been left meanwhile.
                let Some(state) = state else { return };
                if source.state.try_set(state).is_some() {
                    return;
                }
            }
        });
    };
    let meetings = Memo::new(move |_| ws.list::<Meeting>());
    let duplicates = Memo::new(move |_| duplicates(&meetings.get(), &sources.get()));
    // The drafts "Importera alla" saves: included, not there already.
    let chosen = move || {
        sources.with(|list| {
            list.iter()
                .zip(duplicates.get())
                .filter_map(|(source, seen)| match source.state.get() {
                    SourceState::Draft(d) if d.include.get() && seen.is_none() => {
                        Some((source.key, d))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let import_all = move |_| {
        let drafts = untrack(chosen);
        nothing_chosen.set(drafts.is_empty());
        let mut undated = None;
        for (key, d) in &drafts {
            let lacks_date = d.draft.with_untracked(|d| !d.blocking().is_empty());
            d.date_missing.set(lacks_date);
            if lacks_date && undated.is_none() {
                d.open.set(true);
                undated = Some(*key);
            }
        }
        if let Some(key) = undated {
            focus_later(format!("import-{key}-date"));
            return;
        }
        if drafts.is_empty() {
            return;
        }
        let saved = ws.change(|doc| {
            drafts
                .iter()
                .map(|(_, d)| {
                    let imported = import_into(doc, &d.corrected(), d.with_next.get_untracked())?;
                    Ok((imported.meeting.id, imported.meeting.title))
                })
                .collect::<Result<Vec<_>, _>>()
        });
        let ws_id = ws.id.get_untracked().unwrap_or_default();
        match saved {
            Ok(saved) if saved.len() == 1 => navigate
                .with_value(|go| go(&routes::meeting(&ws_id, &saved[0].0), Default::default())),
            Ok(saved) => {
                sources.set(Vec::new());
                imported.set(saved);
            }
            Err(_) => {}
        }
    };
    let several = Signal::derive(move || sources.with(|s| s.len() > 1));
    let button_label = move || {
        if several.get() {
            format!("{} ({})", t().import_all, chosen().len())
        } else {
            t().do_import.to_owned()
        }
    };
    let ws_id = move || ws.id.get().unwrap_or_default();
    let list_href = move || routes::section(&ws_id(), Section::Meetings);
    view! {
        <div class="import-page">
            <p class="breadcrumb"><A href=list_href>{move || t().back_to_list}</A></p>
            <h1>{move || t().import_heading}</h1>
            <p class="lead">{move || t().import_intro}</p>
            <form class="import-source" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); read_text(); }>
                <div class="field">
                    <label for="import-files">{move || t().import_file}</label>
                    <input id="import-files" type="file" multiple
                        accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
                        on:change=on_files/>
                </div>
                <div class="field">
                    <label for="import-text">{move || t().import_text}</label>
                    <textarea id="import-text" rows="8" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit">{move || t().read_text}</button>
            </form>
            <div role="alert" class="import-error">
                {move || error.get().map(|e| view! { <p class="error">{in_lang(&e, i18n.0.get())}</p> })}
            </div>
            <div role="status" class="import-done">
                {move || (!imported.with(Vec::is_empty)).then(|| view! {
                    <p>{format!("{} {}", imported.with(Vec::len), t().imported_count)}</p>
                    <ul class="import-done-list">
                        {imported.get().into_iter().map(|(id, title)| {
                            let href = routes::meeting(&ws_id(), &id);
                            view! { <li><A href=href>{title}</A></li> }
                        }).collect_view()}
                    </ul>
                })}
            </div>
            <Show when=move || !sources.with(Vec::is_empty)>
                <section class="import-preview" aria-labelledby="preview-heading">
                    <h2 id="preview-heading">{move || t().preview}</h2>
                    <p class="hint">{move || t().preview_intro}</p>
                    <For each=move || sources.get().into_iter().enumerate() key=|(_, s)| s.key
                        children=move |(i, source)| {
                            let duplicate = Signal::derive(move || duplicates.with(|d| d.get(i).cloned().flatten()));
                            view! { <FileCard source several duplicate/> }
                        }/>
                    <p class="error" role="alert">{move || nothing_chosen.get().then(|| t().nothing_to_import)}</p>
                    <button type="button" class="primary" on:click=import_all>{button_label}</button>
                </section>
            </Show>
        </div>
    }
}
