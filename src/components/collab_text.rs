//! A textarea for collaborative text. Typing sends the whole value (the core
//! splices in only the difference); text that arrives from elsewhere — another
//! tab or member — replaces the value while the caret stays on the same
//! letter instead of jumping to the end.

use leptos::{html, prelude::*};
use radslag_core::text::carried_caret;

#[component]
pub fn CollabTextarea(
    /// The text as the document holds it.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the whole new text on each edit.
    on_edit: Callback<String>,
    #[prop(into, optional)] id: String,
    #[prop(optional)] rows: Option<u32>,
    #[prop(into, optional)] label: Option<String>,
    #[prop(into, optional)] describedby: Option<String>,
) -> impl IntoView {
    let node = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        let text = value.get();
        let Some(area) = node.get() else { return };
        let shown = area.value();
        if shown == text {
            return;
        }
        let focused = document().active_element().is_some_and(|e| e == **area);
        let (start, end) = (
            area.selection_start().ok().flatten(),
            area.selection_end().ok().flatten(),
        );
        area.set_value(&text);
        if focused && let (Some(start), Some(end)) = (start, end) {
            let _ = area.set_selection_range(
                carried_caret(&shown, &text, start),
                carried_caret(&shown, &text, end),
            );
        }
    });
    view! {
        <textarea
            node_ref=node
            id=id
            rows=rows.unwrap_or(4)
            aria-label=label
            aria-describedby=describedby
            on:input=move |ev| on_edit.run(event_target_value(&ev))
        >{value.get_untracked()}</textarea>
    }
}
