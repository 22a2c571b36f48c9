//! The list view: the same items by month and ISO week, for screen readers
//! and phones; *Nytt* on events others changed since this device last
//! looked at the list.

use leptos::prelude::*;
use radslag_core::{
    doc::Kind,
    time::month_name,
    wheel::{
        dates::format_range,
        sources::{Source, timeline},
    },
};

use super::{locale, use_data, use_opener, use_ui};
use crate::components::news::{NewMark, use_news};
use crate::i18n::use_i18n;

#[component]
pub fn Timeline() -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_ui();
    let data = use_data();
    let opener = use_opener();
    let t = move || i18n.t().wheel;
    let changed = use_news(Kind::WheelEvent, "wheel".into()).changed;
    let months = Memo::new(move |_| {
        let (from, to) = ui.zoom.get().range(ui.year.get());
        data.items
            .with(|items| data.categories.with(|cats| timeline(items, cats, from, to)))
    });
    let group_names = move |ids: &[radslag_core::ids::GroupId]| {
        data.groups.with(|gs| {
            ids.iter()
                .filter_map(|id| gs.iter().find(|g| &g.id == id).map(|g| g.name.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <section class="wheel-timeline" aria-labelledby="wheel-timeline-heading">
            <h2 id="wheel-timeline-heading">{move || format!("{} {}", t().list_heading, ui.year.get())}</h2>
            <Show when=move || !months.with(Vec::is_empty) fallback=move || view! { <p class="empty">{t().list_empty}</p> }>
                {move || {
                    let loc = locale(i18n.0.get());
                    months.get().into_iter().map(|month| {
                        let heading = format!("{} {}", month_name(month.month, loc), month.year);
                        view! {
                            <section class="timeline-month">
                                <h3>{heading}</h3>
                                {month.weeks.into_iter().map(|week| view! {
                                    <div class="timeline-week">
                                        <h4>{format!("{} {}", t().week, week.week)}</h4>
                                        <ul class="timeline-entries">
                                            {week.entries.into_iter().map(|entry| {
                                                let key = entry.key.clone();
                                                let mut when = format_range(entry.start, entry.end, loc);
                                                if let Some(t0) = entry.start_time {
                                                    when.push_str(&format!(", {}", t0.format("%H:%M")));
                                                    if let Some(t1) = entry.end_time {
                                                        when.push_str(&format!("–{}", t1.format("%H:%M")));
                                                    }
                                                }
                                                let groups = group_names(&entry.groups);
                                                let recurring = entry.recurring.then(|| t().recurring);
                                                let new_by = match &entry.source {
                                                    Source::Event(id) => changed.with(|c| c.get(id.as_str()).cloned()),
                                                    _ => None,
                                                };
                                                view! {
                                                    <li class="timeline-entry" data-key=entry.key.clone()>
                                                        <span class="swatch" style:background-color=entry.colour.clone() aria-hidden="true"></span>
                                                        <div class="entry-text">
                                                            <button type="button" class="link entry-title" on:click=move |_| opener.open(&key)>{entry.title.clone()}</button>
                                                            {new_by.map(|by| view! { " "<NewMark by/> })}
                                                            <span class="detail entry-when">{when}</span>
                                                            <span class="detail entry-category">{entry.category_name.clone()}</span>
                                                            {(!groups.is_empty()).then(|| view! { <span class="detail entry-groups">{groups}</span> })}
                                                            {recurring.map(|r| view! { <span class="detail">{r}</span> })}
                                                        </div>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    </div>
                                }).collect_view()}
                            </section>
                        }
                    }).collect_view()
                }}
            </Show>
        </section>
    }
}
