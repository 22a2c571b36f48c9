//! The workspace's categories (the wheel's rings): name and colour, with a
//! contrast check against the white page; add, rename, recolour, delete.

use leptos::prelude::*;
use radslag_core::{
    WorkspaceDoc,
    doc::Deletable,
    ids::CategoryId,
    model::Category,
    wheel::category::{MIN_GRAPHICS_CONTRAST, contrast_ratio, default_categories, is_hex_colour},
};

use super::use_data;
use crate::components::undo::use_undo;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

/// A workspace made before categories were seeded shows the defaults; the
/// first edit stores them (their fixed ids make that safe to do twice).
fn seed_if_missing(d: &mut WorkspaceDoc) -> Result<(), radslag_core::DocError> {
    if d.list::<Category>().is_empty() {
        for c in default_categories() {
            d.put(&c)?;
        }
    }
    Ok(())
}

fn contrast_text(colour: &str, ok: &str, low: &str) -> (bool, String) {
    match contrast_ratio(colour, "#FFFFFF") {
        Some(r) if r >= MIN_GRAPHICS_CONTRAST => (true, format!("{ok} {r:.1}:1")),
        Some(r) => (false, format!("{low}: {r:.1}:1")),
        None => (false, low.to_owned()),
    }
}

#[component]
pub fn Categories() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let data = use_data();
    let t = move || i18n.t().wheel;
    let new_name = RwSignal::new(String::new());
    let new_colour = RwSignal::new("#0F766E".to_owned());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        let colour = new_colour.get_untracked();
        if name.is_empty() || !is_hex_colour(&colour) {
            return;
        }
        let _ = ws.change(|d| {
            seed_if_missing(d)?;
            d.put(&Category {
                id: CategoryId::random(),
                name,
                colour: colour.to_uppercase(),
            })
        });
        new_name.set(String::new());
    };
    view! {
        <details class="wheel-categories">
            <summary>{move || t().edit_categories}</summary>
            <p class="hint">{move || t().category_in_use}</p>
            <ul class="category-list">
                <For each=move || data.categories.get() key=|c| c.id.clone() let:category>
                    <CategoryRow category/>
                </For>
            </ul>
            <form class="inline-form category-add" on:submit=add>
                <label for="new-category-name">{move || t().add_category}</label>
                <input id="new-category-name" prop:value=new_name on:input=move |ev| new_name.set(event_target_value(&ev))
                    placeholder=move || t().category_name/>
                <input type="color" aria-label=move || t().colour prop:value=new_colour
                    on:input=move |ev| new_colour.set(event_target_value(&ev))/>
                <span class="contrast" class:low=move || !contrast_text(&new_colour.get(), "", "").0>
                    {move || contrast_text(&new_colour.get(), t().contrast_ok, t().contrast_low).1}
                </span>
                <button type="submit">{move || t().add_category}</button>
            </form>
        </details>
    }
}

#[component]
fn CategoryRow(category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let data = use_data();
    let t = move || i18n.t().wheel;
    let id = category.id.clone();
    let name = RwSignal::new(category.name.clone());
    let colour = RwSignal::new(category.colour.to_lowercase());
    // Another member's change arrives: follow it.
    {
        let id = id.clone();
        Effect::new(move |_| {
            if let Some(c) = data
                .categories
                .with(|cs| cs.iter().find(|c| c.id == id).cloned())
            {
                name.set(c.name);
                colour.set(c.colour.to_lowercase());
            }
        });
    }
    let save = {
        let id = id.clone();
        move || {
            let updated = Category {
                id: id.clone(),
                name: name.get_untracked().trim().to_owned(),
                colour: colour.get_untracked().to_uppercase(),
            };
            if updated.name.is_empty() || !is_hex_colour(&updated.colour) {
                return;
            }
            let _ = ws.change(|d| {
                seed_if_missing(d)?;
                d.put(&updated)
            });
        }
    };
    let save_name = save.clone();
    let label = category.name.clone();
    let delete = {
        let (id, label) = (id.clone(), label.clone());
        let undo = use_undo();
        move |_| {
            // A default shown but not stored yet must be stored to be deleted.
            let _ = ws.change(seed_if_missing);
            undo.delete(Deletable::entry::<Category>(&id), label.clone());
        }
    };
    view! {
        <li class="category-row">
            <span class="swatch" style:background-color=move || colour.get() aria-hidden="true"></span>
            <input class="category-name" aria-label=format!("{} ({})", t().category_name, label)
                prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) on:change=move |_| save_name()/>
            <input type="color" aria-label=format!("{} ({})", t().colour, label) prop:value=colour
                on:input=move |ev| colour.set(event_target_value(&ev)) on:change=move |_| save()/>
            <span class="contrast" class:low=move || !contrast_text(&colour.get(), "", "").0>
                {move || contrast_text(&colour.get(), t().contrast_ok, t().contrast_low).1}
            </span>
            <button type="button" class="secondary" aria-label=format!("{} {}", t().delete_category, label) on:click=delete>
                {move || t().delete_category}
            </button>
        </li>
    }
}
