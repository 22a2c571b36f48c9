//! Moving the keyboard focus where a change left it nowhere.

use wasm_bindgen::JsCast;

/// Focuses the element with this id, if it is there.
pub fn focus_by_id(element_id: &str) {
    if let Some(element) = leptos::prelude::document()
        .get_element_by_id(element_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Focuses the element with this id once it is drawn: after a change that
/// puts it on the page (a form or a panel that opens), or replaces it.
pub fn focus_later(element_id: impl Into<String>) {
    let element_id = element_id.into();
    leptos::prelude::request_animation_frame(move || focus_by_id(&element_id));
}
