//! Årshjul: the year as a wheel (SVG) or as a list by month and week, with
//! filters, zoom, an event form, the categories' colours and exports.
//!
//! The page's state lives in [`WheelUi`] (signals) and [`WheelData`] (memos
//! derived from the document), both provided as context to the parts:
//! [`svg`] (the wheel), [`timeline`] (the list), [`event_form`],
//! [`categories`], [`filters`] and [`export`]. The drawing and everything
//! else that can be is pure code in `radslag_core::wheel`.
//!
//! Zoom: a quarter or a month enlarges that part of the wheel (the SVG's view
//! box is cropped to the sector, the rest of the year is dimmed) and the
//! list shows only that period.

pub mod categories;
pub mod event_form;
pub mod export;
pub mod filters;
pub mod svg;
pub mod timeline;

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use radslag_core::{
    ids::{CategoryId, GroupId, WheelEventId},
    model::{Action, Category, Group, Meeting, WheelEvent},
    time::Locale,
    wheel::{
        WheelDims, WheelLayout,
        sources::{Filter, Source, WheelItem, Zoom, as_events, gather, workspace_categories},
    },
};

use crate::clock::today;
use crate::i18n::{Lang, use_i18n};
use crate::routes::{self, Section};
use crate::state::use_workspace;

/// Wheel or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Wheel,
    List,
}

/// What the event form is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    New,
    Event(WheelEventId),
}

/// The page's choices.
#[derive(Clone, Copy)]
pub struct WheelUi {
    pub year: RwSignal<i32>,
    pub mode: RwSignal<Mode>,
    pub zoom: RwSignal<Zoom>,
    pub group: RwSignal<Option<GroupId>>,
    pub hidden: RwSignal<Vec<CategoryId>>,
    pub meetings: RwSignal<bool>,
    pub actions: RwSignal<bool>,
    /// The item (source key) shown in the details panel.
    pub shown: RwSignal<Option<String>>,
    pub editing: RwSignal<Option<Editing>>,
}

impl WheelUi {
    pub fn filter(&self) -> Filter {
        Filter {
            groups: self.group.get().into_iter().collect(),
            hidden_categories: self.hidden.get(),
            meetings: self.meetings.get(),
            actions: self.actions.get(),
        }
    }

    pub fn clear_filters(&self) {
        self.group.set(None);
        self.hidden.set(Vec::new());
        self.meetings.set(true);
        self.actions.set(false);
    }
}

/// What the page shows, derived from the document and the choices.
#[derive(Clone, Copy)]
pub struct WheelData {
    /// Every category of the workspace, in wheel order (defaults for an old
    /// workspace without any).
    pub categories: Memo<Vec<Category>>,
    pub groups: Memo<Vec<Group>>,
    /// The filtered items.
    pub items: Memo<Vec<WheelItem>>,
    pub layout: Memo<WheelLayout>,
}

pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Sv => Locale::Sv,
        Lang::En => Locale::En,
    }
}

pub fn use_ui() -> WheelUi {
    expect_context::<WheelUi>()
}

pub fn use_data() -> WheelData {
    expect_context::<WheelData>()
}

/// Goes to a path of the app (the router's navigate, kept for later clicks).
type Navigate = Box<dyn Fn(&str)>;

/// Opens an item: a wheel event in the form, a meeting or an action on its
/// page. Made once by the page (where the router is at hand) and shared.
#[derive(Clone, Copy)]
pub struct Opener {
    ui: WheelUi,
    ws: crate::state::Workspace,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl Opener {
    fn new(ui: WheelUi) -> Self {
        let navigate = use_navigate();
        Opener {
            ui,
            ws: use_workspace(),
            navigate: StoredValue::new_local(Box::new(move |path: &str| {
                navigate(path, Default::default())
            })),
        }
    }

    pub fn open(&self, key: &str) {
        match Source::from_key(key) {
            Some(Source::Event(id)) => {
                self.ui.editing.set(Some(Editing::Event(id)));
                focus_form();
            }
            Some(source) => {
                if let Some(ws) = self.ws.id.get_untracked() {
                    let path = match &source {
                        Source::Meeting(meeting) => routes::meeting(&ws, meeting),
                        _ => routes::section(&ws, Section::Actions),
                    };
                    self.navigate.with_value(|go| go(&path));
                }
            }
            None => {}
        }
    }
}

pub fn use_opener() -> Opener {
    expect_context::<Opener>()
}

/// Moves focus to the event form's title once it is drawn.
pub fn focus_form() {
    request_animation_frame(|| {
        if let Some(input) = document()
            .get_element_by_id("wheel-event-title")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = input.focus();
        }
    });
}

fn zoom_code(zoom: Zoom) -> (u8, u32) {
    match zoom {
        Zoom::Year => (0, 0),
        Zoom::Quarter(q) => (1, q),
        Zoom::Month(m) => (2, m),
    }
}

/// Restores what this tab last chose on the wheel of workspace `ws`.
fn restore_view(ui: WheelUi, ws: Option<String>) {
    use gloo_storage::Storage as _;
    let Some(ws) = ws else { return };
    let Ok((year, list, (kind, n))) =
        gloo_storage::SessionStorage::get::<(i32, bool, (u8, u32))>(format!("radslag.wheel.{ws}"))
    else {
        return;
    };
    if (1900..=2200).contains(&year) {
        ui.year.set(year);
    }
    ui.mode.set(if list { Mode::List } else { Mode::Wheel });
    ui.zoom.set(match kind {
        1 => Zoom::Quarter(n.clamp(1, 4)),
        2 => Zoom::Month(n.clamp(1, 12)),
        _ => Zoom::Year,
    });
}

#[component]
pub fn WheelPage() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let params = use_params_map();
    let ui = WheelUi {
        year: RwSignal::new(today().year()),
        mode: RwSignal::new(Mode::Wheel),
        zoom: RwSignal::new(Zoom::Year),
        group: RwSignal::new(None),
        hidden: RwSignal::new(Vec::new()),
        meetings: RwSignal::new(true),
        actions: RwSignal::new(false),
        shown: RwSignal::new(None),
        editing: RwSignal::new(None),
    };
    let categories = Memo::new(move |_| workspace_categories(ws.list::<Category>()));
    let groups = Memo::new(move |_| {
        let mut groups = ws.list::<Group>();
        radslag_core::order::sort_by_key(&mut groups, |g| g.name.to_lowercase());
        groups
    });
    let items = Memo::new(move |_| {
        let filter = ui.filter();
        let actions = if filter.actions {
            ws.list::<Action>()
        } else {
            Vec::new()
        };
        gather(
            &ws.list::<WheelEvent>(),
            &ws.list::<Meeting>(),
            &actions,
            &filter,
        )
    });
    let layout = Memo::new(move |_| {
        let filter = ui.filter();
        let visible = filter.visible_categories(&categories.get());
        let (from, to) = ui.zoom.get().range(ui.year.get());
        // Zoomed in, only the period's items are drawn.
        let events: Vec<_> = items.with(|items| {
            items
                .iter()
                .filter(|i| !i.occurrences(from, to).is_empty())
                .cloned()
                .collect::<Vec<_>>()
        });
        WheelLayout::build(
            ui.year.get(),
            &visible,
            &as_events(&events),
            Some(today()),
            WheelDims::default(),
        )
    });
    restore_view(ui, params.with_untracked(|p| p.get(routes::param::WS)));
    // The year, view and period chosen are kept for this tab, so coming back
    // from a meeting opened on the wheel finds the wheel as it was left.
    Effect::new(move |_| {
        let state = (
            ui.year.get(),
            ui.mode.get() == Mode::List,
            zoom_code(ui.zoom.get()),
        );
        if let Some(ws) = params.with_untracked(|p| p.get(routes::param::WS)) {
            let _ = <gloo_storage::SessionStorage as gloo_storage::Storage>::set(
                format!("radslag.wheel.{ws}"),
                state,
            );
        }
    });
    provide_context(ui);
    provide_context(Opener::new(ui));
    provide_context(WheelData {
        categories,
        groups,
        items,
        layout,
    });
    // Another workspace: start afresh.
    Effect::new(move |prev: Option<Option<String>>| {
        let current = params.with(|p| p.get(routes::param::WS));
        if prev.is_some_and(|p| p != current) {
            ui.clear_filters();
            ui.editing.set(None);
            ui.shown.set(None);
            restore_view(ui, current.clone());
        }
        current
    });

    let t = move || i18n.t().wheel;
    let year_input = move |ev| {
        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>()
            && (1900..=2200).contains(&y)
        {
            ui.year.set(y);
        }
    };
    view! {
        <div class="wheel-page" class:list-mode=move || ui.mode.get() == Mode::List>
            <h1>{move || format!("{} {}", t().heading, ui.year.get())}</h1>
            <p class="lead">{move || t().intro}</p>
            <div class="wheel-toolbar">
                <div class="year-nav">
                    <button type="button" class="secondary" aria-label=move || t().prev_year
                        on:click=move |_| ui.year.update(|y| *y -= 1)>"←"</button>
                    <label class="visually-hidden" for="wheel-year">{move || t().year}</label>
                    <input id="wheel-year" type="number" min="1900" max="2200" inputmode="numeric"
                        prop:value=move || ui.year.get().to_string() on:change=year_input/>
                    <button type="button" class="secondary" aria-label=move || t().next_year
                        on:click=move |_| ui.year.update(|y| *y += 1)>"→"</button>
                    <button type="button" class="secondary" on:click=move |_| ui.year.set(today().year())>{move || t().this_year}</button>
                </div>
                <div class="view-toggle" role="group" aria-label=move || t().show_as>
                    <button type="button" class="secondary" aria-pressed=move || (ui.mode.get() == Mode::Wheel).to_string()
                        on:click=move |_| ui.mode.set(Mode::Wheel)>{move || t().as_wheel}</button>
                    <button type="button" class="secondary" aria-pressed=move || (ui.mode.get() == Mode::List).to_string()
                        on:click=move |_| ui.mode.set(Mode::List)>{move || t().as_list}</button>
                </div>
                <filters::ZoomSelect/>
                <button type="button" class="primary" on:click=move |_| { ui.editing.set(Some(Editing::New)); focus_form(); }>
                    {move || t().new_event}
                </button>
            </div>
            <filters::Filters/>
            {move || ui.editing.get().map(|editing| view! { <event_form::EventForm editing/> })}
            <Show when=move || ui.mode.get() == Mode::Wheel fallback=|| view! { <timeline::Timeline/> }>
                <svg::Wheel/>
            </Show>
            <export::Export/>
            <categories::Categories/>
        </div>
    }
}
