//! A meeting's *Historik* (`/w/:ws/moten/:meeting/historik`): its versions,
//! newest first — each editing session with who and when, each approval and
//! reopening — read from the document's change history
//! (`WorkspaceDoc::meeting_versions`). Any version is shown read-only, as
//! the minutes read, and an agenda item's text can be brought back from it.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{
    DocError,
    doc::{Version, VersionKind},
    ids::MeetingId,
    model::{AgendaItem, Meeting},
    time::log_time,
};

use super::{minutes::Minutes, use_meeting};
use crate::components::focus::focus_later;
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;

/// "2023-02-07 13:00–13:20", or one time when the version is one moment.
fn span(version: &Version) -> String {
    let (from, to) = (log_time(version.from_ms), log_time(version.to_ms));
    match (from.split_once(' '), to.split_once(' ')) {
        _ if from == to => from,
        (Some((day, _)), Some((same, time))) if day == same => format!("{from}–{time}"),
        _ => format!("{from} – {to}"),
    }
}

#[component]
pub fn MeetingHistory() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().history;
    let (id, meeting) = use_meeting();
    // Decoding the history is slow in a large workspace: again when this
    // meeting changes, not at every keystroke elsewhere.
    let versions = Memo::new(move |_| {
        meeting.track();
        let id = id.get();
        let mut versions = untrack(|| ws.read(|d| d.meeting_versions(&id))).unwrap_or_default();
        versions.reverse();
        versions
    });
    let shown = RwSignal::new(None::<Version>);
    let back = move || routes::meeting(&ws.id.get().unwrap_or_default(), &id.get());
    let title = move || {
        meeting
            .with(|m| m.as_ref().map(|m| m.title.clone()))
            .unwrap_or_default()
    };
    view! {
        <p class="breadcrumb"><A href=back>{move || t().back}</A></p>
        <h1>{move || t().history}": "{title}</h1>
        <p class="lead">{move || t().intro}</p>
        <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">{move || t().versions}</h2>
            <Show when=move || !versions.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().none}</p> }>
                <ol class="versions">
                    <For each=move || versions.get() key=|version| version.clone() let:version>
                        <VersionEntry version shown/>
                    </For>
                </ol>
            </Show>
        </section>
        {move || shown.get().map(|version| view! { <VersionView id=id.get_untracked() version meeting/> })}
    }
}

/// One version in the list: when, who, how much, and *Visa*.
#[component]
fn VersionEntry(version: Version, shown: RwSignal<Option<Version>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().history;
    let person = version
        .person
        .as_ref()
        .and_then(|p| untrack(|| ws.read(|d| d.name_of(p))).flatten());
    let who = {
        let named = version.named.clone().or(person);
        move || named.clone().unwrap_or_else(|| t().unknown.to_owned())
    };
    let kind = version.kind;
    let what = move || match kind {
        VersionKind::Edited => t().edited_by,
        VersionKind::Approved => t().approved_by,
        VersionKind::Reopened => t().reopened_by,
    };
    let changes = version.changes;
    let count = move || (kind == VersionKind::Edited).then(|| format!(" · {}", t().count(changes)));
    let when = span(&version);
    let is_shown = {
        let version = version.clone();
        Memo::new(move |_| shown.with(|s| s.as_ref() == Some(&version)))
    };
    let label = {
        let when = when.clone();
        move || format!("{} {} {when}", t().show, t().version_of.to_lowercase())
    };
    let show = move |_| {
        shown.set(Some(version.clone()));
        focus_later("version-heading");
    };
    view! {
        <li class="version" class:shown=is_shown>
            <span class="version-facts">
                <span class="version-when">{when}</span>" · "
                <span class="version-who">{what}" "{who}</span>{count}
            </span>
            <button type="button" class="secondary" aria-pressed=move || is_shown.get().to_string()
                aria-label=label on:click=show>{move || t().show}</button>
        </li>
    }
}

/// A version read-only, as the minutes read, with the items' texts to
/// bring back.
#[component]
fn VersionView(id: MeetingId, version: Version, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().history;
    let past = {
        let (id, version) = (id.clone(), version.clone());
        Memo::new(move |_| untrack(|| ws.read(|d| d.meeting_at(&id, &version))).flatten())
    };
    let when = span(&version);
    view! {
        <section class="version-view" aria-labelledby="version-heading">
            <h2 id="version-heading" tabindex="-1">{move || t().version_of}" "{when.clone()}</h2>
            <Show when=move || past.with(Option::is_some) fallback=move || view! { <p class="empty">{move || t().missing}</p> }>
                <p class="note" role="note">{move || t().read_only}</p>
                <Minutes meeting=past heading_level=3/>
                <RestoreTexts id=id.clone() version=version.clone() past meeting/>
            </Show>
        </section>
    }
}

/// The version's agenda items whose text differs from today's (or that are
/// deleted now), each with *Återställ texten*.
#[component]
fn RestoreTexts(
    id: MeetingId,
    version: Version,
    past: Memo<Option<Meeting>>,
    meeting: Memo<Option<Meeting>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().history;
    let differing = Memo::new(move |_| {
        let then = past.get().map(|m| m.agenda).unwrap_or_default();
        meeting.with(|now| {
            let now = now
                .as_ref()
                .map(|m| m.agenda.as_slice())
                .unwrap_or_default();
            then.into_iter()
                .enumerate()
                .filter(|(_, item)| !now.contains(item))
                .map(|(index, item)| (index + 1, item))
                .collect::<Vec<(usize, AgendaItem)>>()
        })
    });
    let status = RwSignal::new(String::new());
    let from = StoredValue::new((id, version));
    let restore = move |item: AgendaItem| {
        let restored = from
            .with_value(|(id, version)| ws.change(|d| d.restore_item_text(id, version, &item.id)));
        let message = match restored {
            Ok(_) => format!("{} {}", t().restored, item.heading),
            Err(DocError::Approved) => t().approved.to_owned(),
            Err(_) => return,
        };
        status.set(message);
        // The item leaves the list with the focus: the heading takes it.
        focus_later("restore-heading");
    };
    view! {
        <section class="restore-texts" aria-labelledby="restore-heading">
            <h3 id="restore-heading" tabindex="-1">{move || t().restore_heading}</h3>
            <p role="status">{move || status.get()}</p>
            <Show when=move || !differing.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().all_same}</p> }>
                <ul class="restore-items">
                    <For each=move || differing.get() key=|(number, item)| (*number, item.id.clone()) let:entry>
                        {
                            let (number, item) = entry;
                            let name = format!("{number}. {}", item.heading);
                            let label = {
                                let name = name.clone();
                                move || format!("{}: {name}", t().restore_text)
                            };
                            view! {
                                <li>
                                    <span>{name}</span>" "
                                    <button type="button" class="secondary" aria-label=label
                                        on:click=move |_| restore(item.clone())>{move || t().restore_text}</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}
