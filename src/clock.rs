//! The app's "today": Stockholm's date at the browser's clock
//! ([`radslag_core::time::stockholm_today_ms`]). Every page uses this one, so
//! the wheel, the actions and the meetings agree around midnight and for a
//! member abroad.

use chrono::NaiveDate;

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
