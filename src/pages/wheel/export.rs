//! Exports: the wheel as an `.ics` calendar (all, or one group), as SVG and
//! PNG for a presentation, and printed on one page.

use leptos::prelude::*;
use radslag_core::{ids::GroupId, wheel::sources::workspace_ics};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::{svg::svg_text, use_data, use_ui};
use crate::i18n::use_i18n;
use crate::state::{download, now_ms, use_workspace};

/// The wheel's feed address on `radslag serve`: a read-only token of its
/// own, not the document id (which is the workspace's write key). `renew`
/// replaces the token; the old address then answers 404.
async fn feed_path(id: String, renew: bool) -> Option<String> {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&id));
    let url = if renew {
        "/ics/feeds?renew=1"
    } else {
        "/ics/feeds"
    };
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let answer: serde_json::Value = serde_json::from_str(&text).ok()?;
    answer["path"].as_str().map(str::to_owned)
}

/// A file name part: lower case ASCII letters and digits joined by dashes.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ó' | 'ø' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Draws the SVG on a canvas (through an image of a blob URL) and offers
/// the canvas as a PNG.
fn offer_png(svg: &str, file_name: String) -> Option<()> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let canvas = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width(loaded.natural_width().max(1));
        canvas.set_height(loaded.natural_height().max(1));
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return };
        context.set_fill_style_str("#FFFFFF");
        context.fill_rect(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let done = Closure::once(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                download::offer_blob(&blob, &file_name);
            }
        });
        let _ = canvas.to_blob(done.as_ref().unchecked_ref());
        done.forget();
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
    Some(())
}

#[component]
pub fn Export() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let ui = use_ui();
    let data = use_data();
    let t = move || i18n.t().wheel;
    let calendar_group = RwSignal::new(None::<GroupId>);
    let workspace_slug = move || slug(&ws.read(|d| d.info().name).unwrap_or_default());

    let download_ics = move |_| {
        let group = calendar_group.get_untracked();
        let actions = ui.actions.get_untracked();
        let Some(stamp) = chrono::DateTime::from_timestamp_millis(now_ms()) else {
            return;
        };
        let Some(text) = ws.read(|d| workspace_ics(d, group.as_ref(), actions, stamp)) else {
            return;
        };
        let group_part = group
            .and_then(|id| {
                data.groups
                    .with_untracked(|gs| gs.iter().find(|g| g.id == id).map(|g| slug(&g.name)))
            })
            .map(|g| format!("-{g}"))
            .unwrap_or_default();
        let name = format!("arshjul-{}{group_part}.ics", untrack(workspace_slug));
        download::offer(&name, "text/calendar;charset=utf-8", text.as_bytes());
    };
    // Workspaces synced through `radslag serve` get their wheel as a feed
    // under a read-only token the server hands out (none offline, or for a
    // workspace the server does not store yet).
    let feed = RwSignal::new(None::<(String, String)>);
    let fetch_feed = move |renew: bool| {
        let Some(id) = ws.id.get_untracked() else {
            return;
        };
        if radslag_core::sync::DocumentId::parse(&id).is_err() {
            return;
        }
        spawn_local(async move {
            if let Some(path) = feed_path(id.clone(), renew).await {
                feed.set(Some((id, path)));
            }
        });
    };
    // Asked once everything is synced: a new workspace is on the server
    // only then.
    let sync = crate::sync::use_sync();
    let synced = Memo::new(move |_| sync.status.get() == crate::sync::SyncStatus::Synced);
    let feed_of_open = move || {
        let id = ws.id.get()?;
        feed.get().filter(|(of, _)| *of == id).map(|(_, path)| path)
    };
    Effect::new(move || {
        ws.id.track();
        if synced.get() && untrack(feed_of_open).is_none() {
            fetch_feed(false);
        }
    });
    let subscribe_url = move || {
        let path = feed_of_open()?;
        let origin = window().location().origin().ok()?;
        let group = calendar_group
            .get()
            .map(|g| format!("?group={g}"))
            .unwrap_or_default();
        Some(format!("{origin}{path}{group}"))
    };
    let file_base = move || {
        let mut base = format!(
            "arshjul-{}-{}",
            untrack(workspace_slug),
            ui.year.get_untracked()
        );
        if let Some(name) = ui.group.get_untracked().and_then(|id| {
            data.groups
                .with_untracked(|gs| gs.iter().find(|g| g.id == id).map(|g| slug(&g.name)))
        }) {
            base.push('-');
            base.push_str(&name);
        }
        base
    };
    let svg_now = move || untrack(|| svg_text(i18n, ui, data, true));
    let download_svg = move |_| {
        let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", svg_now());
        download::offer(
            &format!("{}.svg", file_base()),
            "image/svg+xml;charset=utf-8",
            svg.as_bytes(),
        );
    };
    let download_png = move |_| {
        let _ = offer_png(&svg_now(), format!("{}.png", file_base()));
    };
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <section class="wheel-export" aria-labelledby="wheel-export-heading">
            <h2 id="wheel-export-heading">{move || t().export}</h2>
            <div class="inline-form">
                <label for="wheel-ics-group">{move || t().calendar_for}</label>
                <select id="wheel-ics-group" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    calendar_group.set((!v.is_empty()).then(|| GroupId::from(v)));
                }>
                    <option value="">{move || t().all_groups}</option>
                    {move || data.groups.get().into_iter().map(|g| view! {
                        <option value=g.id.to_string()>{g.name}</option>
                    }).collect_view()}
                </select>
                <button type="button" on:click=download_ics>{move || t().download_ics}</button>
            </div>
            <p class="hint">{move || t().ics_hint}</p>
            {move || subscribe_url().map(|url| view! {
                <div class="field subscribe">
                    <label for="wheel-ics-url">{t().subscribe}</label>
                    <input id="wheel-ics-url" readonly prop:value=url aria-describedby="wheel-ics-url-hint"
                        on:focus=move |ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }/>
                    <p id="wheel-ics-url-hint" class="hint">{t().subscribe_hint}</p>
                    <button type="button" class="secondary" on:click=move |_| fetch_feed(true)>{t().subscribe_renew}</button>
                </div>
            })}
            <div class="actions">
                <button type="button" class="secondary" on:click=download_svg>{move || t().download_svg}</button>
                <button type="button" class="secondary" on:click=download_png>{move || t().download_png}</button>
                <button type="button" class="secondary" on:click=print>{move || t().print}</button>
            </div>
            <p class="hint">{move || t().print_hint}</p>
        </section>
    }
}
