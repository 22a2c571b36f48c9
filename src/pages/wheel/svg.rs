//! The wheel itself: the core's SVG (viewBox, so it scales from a phone to a
//! projector) with one delegated listener for hover, focus, click and Enter,
//! and a details panel beside it.

use leptos::prelude::*;
use radslag_core::{
    time::Locale,
    wheel::{
        dates::format_range,
        sources::{Source, WheelItem, Zoom},
        svg::{SvgOptions, render},
    },
};
use wasm_bindgen::JsCast;

use super::{locale, use_data, use_opener, use_ui};
use crate::i18n::use_i18n;

/// The SVG document of the wheel as shown (and downloaded).
pub fn svg_text(
    i18n: crate::i18n::I18n,
    ui: super::WheelUi,
    data: super::WheelData,
    legend: bool,
) -> String {
    let t = i18n.t().wheel;
    let group = ui.group.get().and_then(|id| {
        data.groups
            .with(|gs| gs.iter().find(|g| g.id == id).map(|g| g.name.clone()))
    });
    let mut title = format!("{} {}", t.heading, ui.year.get());
    if let Some(group) = group {
        title.push_str(&format!(" – {group}"));
    }
    data.layout.with(|layout| {
        render(
            layout,
            &SvgOptions {
                locale: locale(i18n.0.get()),
                title: &title,
                today_label: t.today,
                zoom: ui.zoom.get(),
                legend,
            },
        )
    })
}

/// The source key of the wheel item an event happened on, if any.
fn item_key(target: Option<web_sys::EventTarget>) -> Option<String> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element
        .closest("[data-key]")
        .ok()??
        .get_attribute("data-key")
}

#[component]
pub fn Wheel() -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_ui();
    let data = use_data();
    let opener = use_opener();
    // The legend beside the wheel, except on a phone (the filters show the colours).
    let wide = window()
        .match_media("(min-width: 40rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let svg = Memo::new(move |_| svg_text(i18n, ui, data, wide && ui.zoom.get() == Zoom::Year));
    let show = move |target: Option<web_sys::EventTarget>| {
        if let Some(key) = item_key(target)
            && ui.shown.get_untracked().as_deref() != Some(key.as_str())
        {
            ui.shown.set(Some(key));
        }
    };
    let t = move || i18n.t().wheel;
    view! {
        <div class="wheel-area">
            <figure class="wheel-figure" aria-label=move || t().wheel_label
                on:mouseover=move |ev| show(ev.target())
                on:focusin=move |ev| show(ev.target())
                on:click=move |ev| {
                    if let Some(key) = item_key(ev.target()) {
                        opener.open(&key);
                    }
                }
                on:keydown=move |ev| {
                    if (ev.key() == "Enter" || ev.key() == " ")
                        && let Some(key) = item_key(ev.target())
                    {
                        ev.prevent_default();
                        opener.open(&key);
                    }
                }
                inner_html=move || svg.get()>
            </figure>
            <Details/>
        </div>
        <button type="button" class="secondary full-screen" on:click=move |_| {
            // For a projector in a meeting room (Esc leaves).
            if let Some(figure) = document().query_selector(".wheel-figure").ok().flatten() {
                let _ = figure.request_fullscreen();
            }
        }>{move || t().full_screen}</button>
        <Unplaced/>
    }
}

/// What the details panel says about an item.
pub fn describe(
    item: &WheelItem,
    loc: Locale,
    categories: &[radslag_core::model::Category],
    groups: &[radslag_core::model::Group],
) -> (String, Vec<String>) {
    let start = item.event.start.unwrap_or_default();
    let end = item.event.end.unwrap_or(start).max(start);
    let mut dates = format_range(start, end, loc);
    if let Some(t0) = item.start_time {
        dates.push_str(&format!(", {}", t0.format("%H:%M")));
        if let Some(t1) = item.end_time {
            dates.push_str(&format!("–{}", t1.format("%H:%M")));
        }
    }
    let mut lines = vec![dates];
    if let Some(rule) = item.recurrence() {
        lines.push(rule.describe_sv(start));
    }
    let category = item
        .event
        .category
        .as_ref()
        .and_then(|id| categories.iter().find(|c| &c.id == id))
        .map_or(
            radslag_core::wheel::category::UNCATEGORISED_NAME.to_owned(),
            |c| c.name.clone(),
        );
    lines.push(category);
    let group_names: Vec<String> = item
        .event
        .groups
        .iter()
        .filter_map(|id| groups.iter().find(|g| &g.id == id).map(|g| g.name.clone()))
        .collect();
    if !group_names.is_empty() {
        lines.push(group_names.join(", "));
    }
    if !item.place.trim().is_empty() {
        lines.push(item.place.trim().to_owned());
    }
    (item.event.title.clone(), lines)
}

/// "Hör till möte: …" and "Kopplade åtgärder: …" for a wheel event.
fn links_of(
    ws: crate::state::Workspace,
    item: &WheelItem,
    t: &crate::i18n::wheel::WheelTexts,
) -> Vec<String> {
    use radslag_core::model::{Action, Meeting};
    let Source::Event(id) = &item.source else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(m) = item
        .event
        .meeting
        .as_ref()
        .and_then(|m| ws.get::<Meeting>(m))
    {
        let date = m.date.map(|d| d.to_string()).unwrap_or_default();
        lines.push(
            format!("{}: {} {}", t.linked_meeting, m.title, date)
                .trim()
                .to_owned(),
        );
    }
    let actions: Vec<String> = ws
        .list::<Action>()
        .into_iter()
        .filter(|a| a.wheel_event.as_ref() == Some(id))
        .map(|a| a.text.lines().next().unwrap_or("").trim().to_owned())
        .collect();
    if !actions.is_empty() {
        lines.push(format!("{}: {}", t.linked_actions, actions.join("; ")));
    }
    lines
}

#[component]
fn Details() -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_ui();
    let data = use_data();
    let opener = use_opener();
    let ws = crate::state::use_workspace();
    let t = move || i18n.t().wheel;
    let shown = Memo::new(move |_| {
        let key = ui.shown.get()?;
        data.items
            .with(|items| items.iter().find(|i| i.key() == key).cloned())
    });
    view! {
        <aside class="wheel-details" aria-labelledby="wheel-details-heading">
            <h2 id="wheel-details-heading">{move || t().details}</h2>
            {move || match shown.get() {
                None => view! { <p class="hint">{t().details_hint}</p> }.into_any(),
                Some(item) => {
                    let (title, lines) = data.categories.with(|c| data.groups.with(|g| describe(&item, locale(i18n.0.get()), c, g)));
                    let key = item.key();
                    let notes = item.event.notes.trim().to_owned();
                    let links = links_of(ws, &item, t());
                    let open_label = match item.source {
                        Source::Event(_) => t().open,
                        Source::Meeting(_) => t().open_meeting,
                        Source::Action(_) => t().open_actions,
                    };
                    view! {
                        <div class="details-body">
                            <p class="details-title"><strong>{title}</strong></p>
                            <ul class="details-lines">
                                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                            </ul>
                            {(!notes.is_empty()).then(|| view! { <p class="details-notes">{notes}</p> })}
                            {links.into_iter().map(|l| view! { <p class="details-link">{l}</p> }).collect_view()}
                            <button type="button" class="secondary" on:click=move |_| opener.open(&key)>{open_label}</button>
                        </div>
                    }.into_any()
                }
            }}
        </aside>
    }
}

/// Events the wheel cannot place (no start date), so they are not lost.
#[component]
fn Unplaced() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let opener = use_opener();
    let unplaced = Memo::new(move |_| {
        data.items.with(|items| {
            items
                .iter()
                .filter(|i| i.event.start.is_none())
                .map(|i| (i.key(), i.event.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !unplaced.with(Vec::is_empty)>
            <p class="hint">{move || i18n.t().wheel.unplaced}</p>
            <ul class="unplaced">
                {move || unplaced.get().into_iter().map(|(key, title)| view! {
                    <li><button type="button" class="link" on:click=move |_| opener.open(&key)>{title}</button></li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
