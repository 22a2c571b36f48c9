//! *Nytt sedan ditt senaste besök* on a meeting's page: what others changed
//! in it since this device last looked (who, and which items, details,
//! participants or approval), compared with the meeting as it was then.

use leptos::prelude::*;
use radslag_core::{doc::Kind, ids::MeetingId, meetings::news::MeetingNews, model::Meeting};

use crate::components::news::use_news;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

#[component]
pub fn MeetingNewsPanel(id: MeetingId, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().news;
    let news = use_news(Kind::Meeting, format!("meeting:{id}"));
    // The meeting as last seen: read once a visit (reading the past is slow).
    let then = StoredValue::new(None::<Option<Meeting>>);
    let then_id = id.clone();
    let read_then = move || {
        if then.with_value(Option::is_none) {
            let past = news.seen.get_value().and_then(|seen| {
                untrack(|| ws.read_history(|d| d.meeting_as_seen(&then_id, &seen))).flatten()
            });
            then.set_value(Some(past));
        }
        then.get_value().flatten()
    };
    let shown = Memo::new(move |_| {
        let by = news.by(id.as_str())?;
        let now = meeting.get()?;
        Some((
            by,
            read_then().map(|then| MeetingNews::between(&then, &now)),
        ))
    });
    let line = move |label: &'static str, headings: Vec<String>| {
        (!headings.is_empty()).then(|| view! { <li>{label}" "{headings.join(", ")}</li> })
    };
    let fact = move |shown: bool, text: &'static str| shown.then(|| view! { <li>{text}</li> });
    move || {
        shown.get().map(|(by, news)| {
            let who = if by.is_empty() {
                t().someone.to_owned()
            } else {
                by.join(", ")
            };
            let facts = match news {
                None => view! { <li>{t().new_meeting}</li> }.into_any(),
                Some(n) => view! {
                    {line(t().changed, n.changed)}
                    {line(t().added, n.added)}
                    {line(t().removed, n.removed)}
                    {fact(n.details, t().details)}
                    {fact(n.participants, t().participants)}
                    {fact(n.status, t().status)}
                }
                .into_any(),
            };
            view! {
                <section class="news" aria-labelledby="news-heading">
                    <h2 id="news-heading">{t().heading}</h2>
                    <p>{t().by}" "{who}"."</p>
                    <ul>{facts}</ul>
                </section>
            }
        })
    }
}
