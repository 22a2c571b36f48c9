//! A checkbox per option, each toggling its id in a list: a person's
//! groups, an event's groups and linked actions, an action's owners, a new
//! meeting's groups. Checking adds the id at the end of the list,
//! unchecking removes it; the list is the form's signal.

use std::hash::Hash;

use leptos::prelude::*;

/// One checkbox: the id it toggles and what its label says (with an
/// optional detail, e.g. a person's role, shown beside the name).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice<Id> {
    pub id: Id,
    pub label: String,
    pub detail: Option<String>,
}

impl<Id> Choice<Id> {
    pub fn new(id: Id, label: impl Into<String>) -> Self {
        Choice {
            id,
            label: label.into(),
            detail: None,
        }
    }

    /// With a detail beside the label (none when blank).
    pub fn with_detail(mut self, detail: String) -> Self {
        self.detail = (!detail.trim().is_empty()).then_some(detail);
        self
    }
}

/// Adds `id` to `list` (once, at the end) or takes it out.
fn toggle<Id: PartialEq + Clone>(list: &mut Vec<Id>, id: &Id, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.clone());
    }
}

/// The checkboxes of `options`, checked where `chosen` holds the id. Goes
/// inside the form's `<fieldset class="checkboxes">` with its legend.
#[component]
pub fn IdChecklist<Id>(
    #[prop(into)] options: Signal<Vec<Choice<Id>>>,
    chosen: RwSignal<Vec<Id>>,
) -> impl IntoView
where
    Id: Clone + PartialEq + Eq + Hash + Send + Sync + 'static,
{
    view! {
        <For each=move || options.get() key=Clone::clone let:choice>
            {
                let checked = {
                    let id = choice.id.clone();
                    move || chosen.with(|list| list.contains(&id))
                };
                let id = choice.id.clone();
                let label = match choice.detail {
                    None => choice.label.into_any(),
                    Some(detail) => view! {
                        <span>{choice.label}</span>
                        <span class="detail">{detail}</span>
                    }
                    .into_any(),
                };
                view! {
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|list| toggle(list, &id, on));
                        }/>
                        {label}
                    </label>
                }
            }
        </For>
    }
}
