//! The app's "today": Stockholm's date at the browser's clock
//! ([`radslag_core::time::stockholm_today_ms`]). Every page uses this one, so
//! the wheel, the actions and the meetings agree around midnight and for a
//! member abroad.

use chrono::NaiveDate;

/// Today in Europe/Stockholm.
pub fn today() -> NaiveDate {
    radslag_core::time::stockholm_today_ms(crate::state::now_ms())
}
