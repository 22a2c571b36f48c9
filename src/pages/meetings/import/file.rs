//! One file of an import: being read, refused and why, a scan, or its draft
//! — what was read, what is missing, what will be added, whether it is there
//! already — with the form to correct it.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::meetings::{dates::long_date, import::SeenIn};

use super::preview::{Preview, new_people};
use super::{Draft, Source, SourceState, in_lang, use_register};
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;

#[component]
pub(super) fn FileCard(
    source: Source,
    several: Signal<bool>,
    duplicate: Signal<Option<SeenIn>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().meetings;
    let key = source.key;
    let heading_id = format!("import-{key}-name");
    view! {
        <article class="import-file" aria-labelledby=format!("import-{key}-name")>
            <h3 id=heading_id>{source.name.clone()}</h3>
            {move || match source.state.get() {
                SourceState::Reading => view! { <p class="hint">{move || t().file_reading}</p> }.into_any(),
                SourceState::Refused(why) => view! {
                    <p class="error">{move || in_lang(&why, i18n.0.get())}</p>
                }.into_any(),
                SourceState::Scan => view! { <p class="error">{move || t().file_scan}</p> }.into_any(),
                SourceState::Draft(d) => view! { <DraftCard key d several duplicate/> }.into_any(),
            }}
        </article>
    }
}

/// "Läst: 6 punkter, 3 personer, 2 nästa möten".
fn what_was_read(d: &Draft, t: &crate::i18n::meetings::MeetingTexts) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let [item, person, next] = t.read_one;
    d.initial.with_value(|i| {
        let items = t.items_found.to_lowercase();
        let mut parts = vec![
            count(i.items.len(), item, &items),
            count(i.present.len() + i.absent.len(), person, t.read_people),
        ];
        if !i.next.is_empty() {
            parts.push(count(i.next.len(), next, t.read_next));
        }
        format!("{}: {}.", t.read_found, parts.join(", "))
    })
}

#[component]
fn DraftCard(
    key: usize,
    d: Draft,
    several: Signal<bool>,
    duplicate: Signal<Option<SeenIn>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (people, _) = use_register();
    let t = move || i18n.t().meetings;
    // "Läggs till: «Titel», tisdag 7 februari 2023, 3 nya personer".
    let will_add = move || {
        let (title, date) = d.draft.with(|x| (x.title.trim().to_owned(), x.date));
        let mut parts = Vec::new();
        if !title.is_empty() {
            parts.push(format!("«{title}»"));
        }
        if let Some(date) = date {
            parts.push(long_date(date, t().locale));
        }
        let new = people.with(|register| new_people(&d, register)).len();
        if new > 0 {
            parts.push(format!("{new} {}", t().new_people_count));
        }
        format!("{}: {}.", t().will_add, parts.join(", "))
    };
    let seen = move || {
        duplicate.get().map(|seen| match seen {
            SeenIn::Workspace(id) => {
                let href = routes::meeting(&ws.id.get().unwrap_or_default(), &id);
                let title = ws
                    .read(|doc| doc.get::<radslag_core::model::Meeting>(&id))
                    .flatten()
                    .map(|m| m.title)
                    .unwrap_or_default();
                view! {
                    <p class="duplicate">
                        {t().already_in_workspace}" "<A href=href>{title}</A>". "{t().skipped}
                    </p>
                }
                .into_any()
            }
            SeenIn::File(name) => view! {
                <p class="duplicate">{format!("{} {name}. {}", t().same_as_file, t().skipped)}</p>
            }
            .into_any(),
        })
    };
    let include_id = format!("import-{key}-include");
    view! {
        <p class="import-read">{move || what_was_read(&d, t())}</p>
        {seen}
        <Show when=move || duplicate.with(Option::is_none)>
            <p class="import-adds">{will_add}</p>
        </Show>
        <Show when=move || several.get()>
            <label class="checkbox" for=include_id.clone()>
                <input id=include_id.clone() type="checkbox" prop:checked=d.include
                    on:change=move |ev| d.include.set(event_target_checked(&ev))/>
                {move || t().include_file}
            </label>
        </Show>
        <Show when=move || several.get() fallback=move || view! { <Preview key d/> }>
            <details class="import-review" prop:open=d.open
                on:toggle=move |ev| d.open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{move || t().review}</summary>
                <Preview key d/>
            </details>
        </Show>
    }
}
