//! A meeting's minutes as they read and print: date, place, participants,
//! numbered items with their paragraphs and bullet points and the actions
//! recorded under them, *Vid pennan*. Read-only: used for approved minutes
//! and the print view.

use leptos::prelude::*;
use radslag_core::{
    actions::record::{self, ItemRecord, MinutesActions},
    meetings::{
        Register, attendance_lines,
        body::{Block, blocks},
        dates::{long_date, time_range},
        person_line,
    },
    model::{Action, Meeting, MeetingStatus},
};

use super::{recorded::RecordedActions, use_register};
use crate::i18n::use_i18n;
use crate::state::use_workspace;

/// What the minutes show, with names resolved.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shown {
    date: String,
    time: String,
    place: String,
    link: String,
    groups: String,
    present: Vec<String>,
    absent: Vec<String>,
    items: Vec<(String, Vec<Block>, ItemRecord)>,
    note_taker: Option<String>,
    approved: bool,
}

fn shown(
    meeting: &Meeting,
    register: &Register,
    actions: &MinutesActions,
    locale: radslag_core::time::Locale,
) -> Shown {
    let (present, absent) = attendance_lines(meeting, register);
    Shown {
        date: meeting
            .date
            .map(|d| format!("{} ({})", d.format("%Y-%m-%d"), long_date(d, locale)))
            .unwrap_or_default(),
        time: time_range(meeting.start_time, meeting.end_time),
        place: meeting.place.clone(),
        link: meeting.link.clone(),
        groups: register.group_names(&meeting.groups).join(", "),
        present,
        absent,
        items: meeting
            .agenda
            .iter()
            .map(|i| (i.heading.clone(), blocks(&i.body), actions.item(&i.id)))
            .collect(),
        note_taker: meeting
            .note_taker
            .as_ref()
            .and_then(|id| register.person(id))
            .map(person_line),
        approved: meeting.status == MeetingStatus::Approved,
    }
}

#[component]
pub fn Minutes(
    meeting: Memo<Option<Meeting>>,
    #[prop(default = 2)] heading_level: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    // The actions' record reads their status histories (the whole change
    // history, decoded once): redone when the meeting, an action or a name
    // changes, not at every keystroke elsewhere in the workspace.
    let actions = Memo::new(move |_| ws.list::<Action>());
    let (people, groups) = use_register();
    let recorded = Memo::new(move |_| {
        let m = meeting.get()?;
        actions.track();
        people.track();
        untrack(|| ws.read(|d| record::from_doc(d, &m)))
    });
    let content = Memo::new(move |_| {
        let locale = t().locale;
        let recorded = recorded.get().unwrap_or_default();
        meeting.with(|m| {
            m.as_ref().map(|m| {
                people.with(|people| {
                    groups
                        .with(|groups| shown(m, &Register::new(people, groups), &recorded, locale))
                })
            })
        })
    });
    let heading = move |level: u8, text: String| match level {
        1 => view! { <h1>{text}</h1> }.into_any(),
        2 => view! { <h2>{text}</h2> }.into_any(),
        _ => view! { <h3>{text}</h3> }.into_any(),
    };
    move || {
        content.get().map(|c| {
            let fact = |label: &'static str, value: String| {
                (!value.trim().is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
            };
            let link = (!c.link.trim().is_empty()).then(|| {
                let (href, shown) = (c.link.clone(), c.link.clone());
                view! { <dt>{t().link}</dt><dd><a href=href>{shown}</a></dd> }
            });
            view! {
                <div class="minutes">
                    <dl class="minutes-facts">
                        {fact(t().date, c.date)}
                        {fact(t().time, c.time)}
                        {fact(t().place, c.place)}
                        {link}
                        {fact(t().groups, c.groups)}
                        {fact(t().participants, c.present.join(", "))}
                        {fact(t().absent_heading, c.absent.join(", "))}
                    </dl>
                    <ol class="minutes-items">
                        {c.items.into_iter().enumerate().map(|(n, (title, blocks, actions))| view! {
                            <li class="minutes-item">
                                {heading(heading_level, format!("{}. {}", n + 1, title))}
                                {blocks.into_iter().map(|b| match b {
                                    Block::Paragraph(lines) => {
                                        let count = lines.len();
                                        view! {
                                            <p>{lines.into_iter().enumerate().map(|(i, l)| view! {
                                                {l}{(i + 1 < count).then(|| view! { <br/> })}
                                            }).collect_view()}</p>
                                        }.into_any()
                                    }
                                    Block::Bullets(items) => view! {
                                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                                    }.into_any(),
                                }).collect_view()}
                                <RecordedActions record=actions approved=c.approved heading_level=heading_level + 1/>
                            </li>
                        }).collect_view()}
                    </ol>
                    {c.note_taker.map(|n| view! {
                        <div class="pen">
                            {heading(heading_level, t().note_taker.to_owned())}
                            <p>{n}</p>
                        </div>
                    })}
                </div>
            }
        })
    }
}
