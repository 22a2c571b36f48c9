//! A meeting's page: while a draft, its details, participants, agenda and
//! minutes, and next meeting, all editable; once approved, the minutes as
//! they print, read-only. Approval, print view and Markdown export either way.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{
    actions::record,
    meetings::{Register, markdown},
    model::{Group, MeetingStatus, Person},
};

use super::{
    agenda::Agenda, approval::Approval, details::Details, minutes::Minutes, news::MeetingNewsPanel,
    next::NextMeeting, participants::Participants, use_meeting,
};
use crate::i18n::use_i18n;
use crate::routes::{self, Section};
use crate::state::{download, use_workspace};

#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let (id, meeting) = use_meeting();
    let exists = Memo::new(move |_| meeting.with(Option::is_some));
    let approved = Memo::new(move |_| {
        meeting.with(|m| {
            m.as_ref()
                .is_some_and(|m| m.status == MeetingStatus::Approved)
        })
    });
    let title = Memo::new(move |_| {
        meeting
            .with(|m| {
                m.as_ref()
                    .map(|m| m.title.clone())
                    .filter(|t| !t.trim().is_empty())
            })
            .unwrap_or_else(|| t().untitled.to_owned())
    });
    let list_href = move || routes::section(&ws.id.get().unwrap_or_default(), Section::Meetings);
    let print_href = move || routes::meeting_print(&ws.id.get().unwrap_or_default(), &id.get());
    let history_href = move || routes::meeting_history(&ws.id.get().unwrap_or_default(), &id.get());
    let export = move |_| {
        let Some(m) = meeting.get_untracked() else {
            return;
        };
        let text = ws
            .read(|d| {
                let (people, groups) = (d.list::<Person>(), d.list::<Group>());
                let actions = record::from_doc(d, &m);
                markdown::to_markdown(&m, &Register::new(&people, &groups), &actions)
            })
            .unwrap_or_default();
        download::offer(
            &markdown::file_name(&m),
            "text/markdown;charset=utf-8",
            text.as_bytes(),
        );
    };
    view! {
        <Show when=move || exists.get() fallback=move || view! {
            <p class="empty">{move || t().meeting_missing}</p>
            <p><A href=list_href>{move || t().back_to_list}</A></p>
        }>
            <div class="meeting-page">
                <p class="breadcrumb"><A href=list_href>{move || t().back_to_list}</A></p>
                <h1>{move || title.get()}
                    " "<span class=move || if approved.get() { "badge approved" } else { "badge draft" }>
                        {move || if approved.get() { t().approved_badge } else { t().draft_badge }}
                    </span>
                </h1>
                <div class="meeting-tools">
                    <a href=print_href class="button-link">{move || t().print_view}</a>
                    <A href=history_href attr:class="button-link">{move || i18n.t().history.history}</A>
                    <button type="button" class="secondary" on:click=export>{move || t().export_markdown}</button>
                </div>
                {move || view! { <MeetingNewsPanel id=id.get() meeting/> }}
                <Show when=move || !approved.get() fallback=move || view! {
                    <p class="note" role="note">{move || t().read_only_note}</p>
                    <Minutes meeting heading_level=2/>
                }>
                    <Details id meeting/>
                    <Participants id meeting/>
                    <Agenda id meeting/>
                    <NextMeeting id meeting/>
                </Show>
                <Approval id meeting/>
            </div>
        </Show>
    }
}
