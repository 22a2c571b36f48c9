//! Rådslag in the browser: a Leptos app over the workspace document.

mod app;
mod clock;
mod components;
mod engine;
mod i18n;
mod lazy_pages;
mod pages;
mod routes;
mod state;
mod sync;

fn main() {
    console_error_panic_hook::set_once();
    clock::mark("radslag-started");
    leptos::mount::mount_to_body(app::App);
}
