//! Agenda templates, editable per workspace: a name and the standing items,
//! one per line.

use leptos::prelude::*;
use radslag_core::{
    doc::Deletable,
    ids::TemplateId,
    meetings::templates::{items_from_lines, sorted},
    model::Template,
};

use crate::components::undo::use_undo;
use crate::i18n::use_i18n;
use crate::state::use_workspace;

#[component]
pub fn TemplatesEditor() -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let templates = Memo::new(move |_| sorted(ws.list::<Template>()));
    let ids = Memo::new(move |_| {
        templates.with(|list| list.iter().map(|t| t.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <details class="templates">
            <summary><h2>{move || t().templates}</h2></summary>
            <p class="hint">{move || t().templates_intro}</p>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <TemplateForm id=Some(id)/>
            </For>
            <h3>{move || t().new_template}</h3>
            <TemplateForm id=None/>
        </details>
    }
}

/// One template's form, or (without an id) a form that adds one.
#[component]
fn TemplateForm(id: Option<TemplateId>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().meetings;
    let stored = id
        .as_ref()
        .and_then(|id| untrack(|| ws.read(|d| d.get::<Template>(id))).flatten());
    let name = RwSignal::new(stored.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let items = RwSignal::new(
        stored
            .as_ref()
            .map(|s| s.items.join("\n"))
            .unwrap_or_default(),
    );
    let status = RwSignal::new(String::new());
    let key = id
        .as_ref()
        .map(|i| i.to_string())
        .unwrap_or_else(|| "new".into());
    let (name_id, items_id, hint_id) = (
        format!("template-name-{key}"),
        format!("template-items-{key}"),
        format!("template-hint-{key}"),
    );
    let is_new = id.is_none();
    let save_id = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = name.get_untracked().trim().to_owned();
        if chosen.is_empty() {
            status.set(t().name_required.to_owned());
            return;
        }
        let template = Template {
            id: save_id.clone().unwrap_or_else(TemplateId::random),
            name: chosen,
            items: items_from_lines(&items.get_untracked()),
        };
        if ws.change(|d| d.put(&template)).is_ok() {
            if is_new {
                name.set(String::new());
                items.set(String::new());
            } else {
                items.set(template.items.join("\n"));
            }
            status.set(t().saved.to_owned());
        }
    };
    let delete = id.clone().map(|id| {
        let label = move || format!("{} {}", t().delete, name.get());
        let undo = use_undo();
        view! {
            <button type="button" class="secondary" aria-label=label
                on:click=move |_| { undo.delete(Deletable::entry::<Template>(&id), name.get_untracked()); }>
                {move || t().delete}
            </button>
        }
    });
    view! {
        <form class="template-form" on:submit=save>
            <div class="field">
                <label for=name_id.clone()>{move || t().template_name}</label>
                <input id=name_id prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for=items_id.clone()>{move || t().template_items}</label>
                <textarea id=items_id rows="6" aria-describedby=hint_id.clone() prop:value=items
                    on:input=move |ev| items.set(event_target_value(&ev))></textarea>
                <p class="hint" id=hint_id>{move || t().one_per_line}</p>
            </div>
            <div class="actions">
                <button type="submit">{move || if is_new { t().add_template } else { t().save }}</button>
                {delete}
            </div>
            <p class="hint" role="status">{move || status.get()}</p>
        </form>
    }
}
