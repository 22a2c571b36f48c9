//! The meetings list: upcoming and past, per group, and search across all
//! minutes text; *Nytt* on those others changed since this device last
//! looked at the list.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{
    doc::Kind,
    ids::GroupId,
    meetings::{
        Register,
        dates::{long_date, time_range},
        search::{of_group, search, upcoming_and_past},
    },
    model::{Meeting, MeetingStatus},
};

use super::use_register;
use crate::clock::today;
use crate::components::news::{NewMark, use_news};
use crate::engine::{EngineView, Part};
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;

/// One line of the list.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    href: String,
    title: String,
    detail: String,
    context: Option<String>,
    approved: bool,
    /// Who else changed it since this device last looked.
    new_by: Option<Vec<String>>,
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (people, groups) = use_register();
    let query = RwSignal::new(String::new());
    let group = RwSignal::new(String::new());
    let meetings = Memo::new(move |_| ws.list::<Meeting>());
    let changed = use_news(Kind::Meeting, "meetings".into()).changed;
    let line = move |m: &Meeting, context: Option<String>| {
        let t = i18n.t().meetings;
        let names = groups.with(|g| people.with(|p| Register::new(p, g).group_names(&m.groups)));
        let mut when = m
            .date
            .map(|d| long_date(d, t.locale))
            .unwrap_or_else(|| t.no_date.to_owned());
        let times = time_range(m.start_time, m.end_time);
        if !times.is_empty() {
            when.push_str(&format!(" {times}"));
        }
        let detail = std::iter::once(when)
            .chain(names)
            .chain((!m.place.is_empty()).then(|| m.place.clone()));
        Line {
            href: routes::meeting(&ws.id.get_untracked().unwrap_or_default(), &m.id),
            title: if m.title.trim().is_empty() {
                t.untitled.to_owned()
            } else {
                m.title.clone()
            },
            detail: detail.collect::<Vec<_>>().join(" · "),
            context,
            approved: m.status == MeetingStatus::Approved,
            new_by: changed.with(|c| c.get(m.id.as_str()).cloned()),
        }
    };
    let shown = Memo::new(move |_| {
        let chosen = Some(group.get())
            .filter(|g| !g.is_empty())
            .map(GroupId::from);
        of_group(meetings.get(), chosen.as_ref())
    });
    let hits = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        let list = shown.get();
        let found = people.with(|p| groups.with(|g| search(&list, &Register::new(p, g), &q)));
        Some(
            found
                .into_iter()
                .filter_map(|hit| {
                    list.iter()
                        .find(|m| m.id == hit.meeting)
                        .map(|m| line(m, hit.context))
                })
                .collect::<Vec<_>>(),
        )
    });
    let split = Memo::new(move |_| {
        let (upcoming, past) = upcoming_and_past(shown.get(), today());
        (
            upcoming.iter().map(|m| line(m, None)).collect::<Vec<_>>(),
            past.iter().map(|m| line(m, None)).collect::<Vec<_>>(),
        )
    });
    let t = move || i18n.t().meetings;
    let import_href = move || routes::meetings_import(&ws.id.get().unwrap_or_default());
    view! {
        <div class="meetings-page">
            <h1>{move || i18n.t().nav_meetings}</h1>
            <p class="lead">{move || i18n.t().meetings.meetings_intro}</p>
            <div class="meetings-toolbar" role="search">
                <div class="field">
                    <label for="meeting-search">{move || t().search}</label>
                    <input id="meeting-search" type="search" aria-describedby="meeting-search-hint"
                        prop:value=query on:input=move |ev| query.set(event_target_value(&ev))/>
                    <p class="hint" id="meeting-search-hint">{move || t().search_hint}</p>
                </div>
                <div class="field">
                    <label for="meeting-group">{move || t().group}</label>
                    <select id="meeting-group" on:change=move |ev| group.set(event_target_value(&ev))>
                        <option value="">{move || t().all_groups}</option>
                        <For each=move || groups.get() key=|g| (g.id.clone(), g.name.clone()) let:g>
                            <option value=g.id.0.clone() selected=move || group.get() == g.id.0>{g.name.clone()}</option>
                        </For>
                    </select>
                </div>
            </div>
            {move || match hits.get() {
                Some(found) => view! {
                    <section aria-labelledby="found-heading">
                        <h2 id="found-heading">{move || t().found}</h2>
                        <p class="visually-hidden" role="status">{format!("{} {}", found.len(), t().found.to_lowercase())}</p>
                        <Lines lines=found empty=t().nothing_found/>
                    </section>
                }.into_any(),
                None => {
                    let (upcoming, past) = split.get();
                    view! {
                        <section aria-labelledby="upcoming-heading">
                            <h2 id="upcoming-heading">{move || t().upcoming}</h2>
                            <Lines lines=upcoming empty=if meetings.with(Vec::is_empty) { i18n.t().meetings.no_meetings } else { t().no_upcoming }/>
                        </section>
                        <section aria-labelledby="past-heading">
                            <h2 id="past-heading">{move || t().past}</h2>
                            <Lines lines=past empty=t().no_past/>
                        </section>
                    }.into_any()
                }
            }}
            <p class="import-link"><A href=import_href>{move || t().import_link}</A></p>
            <EngineView part=Part::NewMeetingForm/>
            <EngineView part=Part::TemplatesEditor/>
        </div>
    }
}

#[component]
fn Lines(lines: Vec<Line>, empty: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <ul class="entry-list meeting-list">
            {lines.into_iter().map(|l| view! {
                <li>
                    <A href=l.href><strong>{l.title}</strong></A>
                    {l.approved.then(|| view! { " "<span class="badge approved">{move || i18n.t().meetings.approved_badge}</span> })}
                    {l.new_by.map(|by| view! { " "<NewMark by/> })}
                    <span class="detail">{l.detail}</span>
                    {l.context.map(|c| view! { <span class="context">{c}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
