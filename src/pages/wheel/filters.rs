//! Filters (group, categories, meetings, actions) and the zoom choice.

use leptos::prelude::*;
use radslag_core::{ids::GroupId, time::month_name, wheel::sources::Zoom};

use super::{locale, use_data, use_ui};
use crate::i18n::use_i18n;

#[component]
pub fn Filters() -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_ui();
    let data = use_data();
    let t = move || i18n.t().wheel;
    // Open on wide screens; a phone starts with the wheel, filters folded.
    let wide = window()
        .match_media("(min-width: 48rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    view! {
        <details class="wheel-filters-box" open=wide>
        <summary>{move || t().filters}</summary>
        <fieldset class="wheel-filters">
            <legend class="visually-hidden">{move || t().filters}</legend>
            <div class="filter-row">
                <div class="field">
                    <label for="wheel-group">{move || t().group}</label>
                    <select id="wheel-group" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ui.group.set((!v.is_empty()).then(|| GroupId::from(v)));
                    }>
                        <option value="" selected=move || ui.group.get().is_none()>{move || t().all_groups}</option>
                        <For each=move || data.groups.get() key=|g| (g.id.clone(), g.name.clone()) let:group>
                            {
                                let id = group.id.clone();
                                view! {
                                    <option value=group.id.to_string() selected=move || ui.group.get().as_ref() == Some(&id)>{group.name.clone()}</option>
                                }
                            }
                        </For>
                    </select>
                </div>
                <fieldset class="checkboxes filter-categories">
                    <legend>{move || t().categories}</legend>
                    <For each=move || data.categories.get() key=|c| (c.id.clone(), c.name.clone(), c.colour.clone()) let:category>
                        {
                            let id = category.id.clone();
                            let checked = {
                                let id = id.clone();
                                move || !ui.hidden.with(|h| h.contains(&id))
                            };
                            view! {
                                <label class="checkbox">
                                    <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        ui.hidden.update(|h| {
                                            h.retain(|c| c != &id);
                                            if !on { h.push(id.clone()); }
                                        });
                                    }/>
                                    <span class="swatch" style:background-color=category.colour.clone() aria-hidden="true"></span>
                                    {category.name.clone()}
                                </label>
                            }
                        }
                    </For>
                </fieldset>
                <div class="checkboxes">
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=move || ui.meetings.get()
                            on:change=move |ev| ui.meetings.set(event_target_checked(&ev))/>
                        {move || t().show_meetings}
                    </label>
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=move || ui.actions.get()
                            on:change=move |ev| ui.actions.set(event_target_checked(&ev))/>
                        {move || t().show_actions}
                    </label>
                </div>
            </div>
            <button type="button" class="secondary" on:click=move |_| ui.clear_filters()>{move || t().clear_filters}</button>
        </fieldset>
        </details>
    }
}

#[component]
pub fn ZoomSelect() -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_ui();
    let t = move || i18n.t().wheel;
    let options = move || {
        let loc = locale(i18n.0.get());
        let mut list = vec![(Zoom::Year, t().whole_year.to_owned())];
        for q in 1..=4 {
            let first = month_name(3 * q - 2, loc);
            let last = month_name(3 * q, loc);
            list.push((
                Zoom::Quarter(q),
                format!("{} {q} ({first}–{last})", t().quarter),
            ));
        }
        for m in 1..=12 {
            let name = month_name(m, loc);
            let mut chars = name.chars();
            let capital = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default();
            list.push((Zoom::Month(m), capital));
        }
        list
    };
    view! {
        <div class="zoom-select">
            <label for="wheel-zoom">{move || t().period}</label>
            <select id="wheel-zoom" aria-describedby="wheel-zoom-note" on:change=move |ev| ui.zoom.set(Zoom::from_code(&event_target_value(&ev)))>
                {move || options().into_iter().map(|(zoom, label)| view! {
                    <option value=zoom.code() selected=move || ui.zoom.get() == zoom>{label}</option>
                }).collect_view()}
            </select>
            <span id="wheel-zoom-note" class="visually-hidden">{move || t().zoom_note}</span>
        </div>
    }
}
