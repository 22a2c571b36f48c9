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
