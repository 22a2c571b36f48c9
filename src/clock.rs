//! The app's "today": Stockholm's date at the browser's clock
//! ([`radslag_core::time::stockholm_today_ms`]). Every page uses this one, so
//! the wheel, the actions and the meetings agree around midnight and for a
//! member abroad.

use chrono::NaiveDate;
use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

/// Marks a moment of opening the app on the browser's performance
/// timeline, where `bench/load.mjs` reads the phases (the app started, the
/// stored workspace loaded).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Today in Europe/Stockholm.
pub fn today() -> NaiveDate {
    radslag_core::time::stockholm_today_ms(crate::state::now_ms())
}

/// Runs `f` just after the next frame is on screen, or after `at_latest`
/// where no frame comes (a page in the background draws none). So it may run
/// twice: `f` must find nothing left to do the second time.
pub fn after_next_frame(f: impl Fn() + Clone + 'static, at_latest: Duration) {
    let at_frame = f.clone();
    request_animation_frame(move || set_timeout(at_frame, Duration::ZERO));
    set_timeout(f, at_latest);
}
