//! The print view (`/w/:ws/moten/:meeting/utskrift`), laid out like Swedish
//! minutes: MINNESANTECKNINGAR and the date (`Datum 230207`), page *x (n)*
//! in each printed page's top right margin, the title, place and
//! participants, the numbered items and *Vid pennan*. The browser prints it
//! to a clean A4 PDF (style/meetings.css: a named A4 page, no navigation).

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{meetings::dates::compact_date, model::MeetingStatus, time::log_time};

use super::{minutes::Minutes, use_meeting};
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;

#[component]
pub fn PrintView() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let (id, meeting) = use_meeting();
    let organisation = Memo::new(move |_| {
        ws.read(|d| d.info())
            .map(|i| i.organisation)
            .unwrap_or_default()
    });
    let title = move || {
        meeting
            .with(|m| m.as_ref().map(|m| m.title.clone()))
            .unwrap_or_default()
    };
    let date = move || {
        meeting
            .with(|m| m.as_ref().and_then(|m| m.date))
            .map(compact_date)
            .unwrap_or_default()
    };
    let approved = move || {
        meeting.with(|m| {
            m.as_ref()
                .filter(|m| m.status == MeetingStatus::Approved)
                .and_then(|m| m.status_log.last())
                .map(|c| format!("{} {} {}", t().approved_by, c.by, log_time(c.at_ms)))
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    let back = move || routes::meeting(&ws.id.get().unwrap_or_default(), &id.get());
    view! {
        <Show when=move || meeting.with(Option::is_some) fallback=move || view! { <p class="empty">{move || t().meeting_missing}</p> }>
            <div class="print-tools">
                <button type="button" class="primary" on:click=print>{move || t().print}</button>
                <A href=back>{move || t().back_to_meeting}</A>
                <p class="hint">{move || t().print_hint}</p>
            </div>
            // The page number goes in the printed page's top right margin.
            <style>{move || format!(
                "@page minutes {{ @top-right {{ content: \"{} \" counter(page) \" (\" counter(pages) \")\"; }} }}",
                t().page
            )}</style>
            <article class="minutes-print">
                <header class="minutes-header">
                    <div class="minutes-org">{move || organisation.get()}</div>
                    <div class="minutes-kind"><strong>{move || t().minutes}</strong></div>
                    <div class="minutes-date">{move || t().date}" "{date}</div>
                </header>
                <h1>{title}</h1>
                <Minutes meeting heading_level=2/>
                {move || approved().map(|line| view! { <p class="minutes-approved">{line}</p> })}
            </article>
        </Show>
    }
}
