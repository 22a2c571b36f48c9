//! Dates and times as minutes write them. Instants in Stockholm time (the
//! log of approvals) are [`crate::time::log_time`].

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::time::{Locale, month_name, weekday_name};

/// "tisdag 7 februari 2023" / "Tuesday 7 February 2023".
pub fn long_date(date: NaiveDate, locale: Locale) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday(), locale),
        date.day(),
        month_name(date.month(), locale),
        date.year()
    )
}

/// "11 maj" / "11 May": a day in the same year, as "Nästa möte" says it.
pub fn day_and_month(date: NaiveDate, locale: Locale) -> String {
    format!("{} {}", date.day(), month_name(date.month(), locale))
}

/// "230207": the date in the header of printed minutes.
pub fn compact_date(date: NaiveDate) -> String {
    date.format("%y%m%d").to_string()
}

/// "13:00–15:00", "13:00", or empty.
pub fn time_range(start: Option<NaiveTime>, end: Option<NaiveTime>) -> String {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    match (start, end) {
        (Some(s), Some(e)) => format!("{}–{}", hm(s), hm(e)),
        (Some(s), None) => hm(s),
        (None, Some(e)) => format!("–{}", hm(e)),
        (None, None) => String::new(),
    }
}

/// "10–12" for whole hours, else "10.30–12.00", as minutes write "klockan …".
pub fn clock_range(start: NaiveTime, end: Option<NaiveTime>) -> String {
    let whole = start.minute() == 0 && end.is_none_or(|e| e.minute() == 0);
    let show = |t: NaiveTime| {
        if whole {
            t.hour().to_string()
        } else {
            t.format("%H.%M").to_string()
        }
    };
    match end {
        Some(e) => format!("{}–{}", show(start), show(e)),
        None => show(start),
    }
}

/// The first `month`/`day` after `after` (a day of the year announced
/// without a year, anchored to the meeting it was announced at).
pub fn first_after(month: u32, day: u32, after: NaiveDate) -> Option<NaiveDate> {
    (after.year()..=after.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d > after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn dates_as_swedish_minutes_write_them() {
        assert_eq!(
            long_date(d(2023, 2, 7), Locale::Sv),
            "tisdag 7 februari 2023"
        );
        assert_eq!(
            long_date(d(2023, 2, 7), Locale::En),
            "Tuesday 7 February 2023"
        );
        assert_eq!(
            long_date(d(2026, 11, 22), Locale::Sv),
            "söndag 22 november 2026"
        );
        assert_eq!(day_and_month(d(2023, 5, 11), Locale::Sv), "11 maj");
        assert_eq!(compact_date(d(2023, 2, 7)), "230207");
        assert_eq!(time_range(Some(t(13, 0)), Some(t(15, 0))), "13:00–15:00");
        assert_eq!(time_range(Some(t(9, 30)), None), "09:30");
        assert_eq!(time_range(None, None), "");
        assert_eq!(clock_range(t(10, 0), Some(t(12, 0))), "10–12");
        assert_eq!(clock_range(t(10, 30), Some(t(12, 0))), "10.30–12.00");
        assert_eq!(clock_range(t(13, 0), None), "13");
    }

    #[test]
    fn a_day_without_a_year_comes_after_the_meeting() {
        assert_eq!(first_after(5, 11, d(2023, 2, 7)), Some(d(2023, 5, 11)));
        assert_eq!(first_after(1, 15, d(2023, 11, 20)), Some(d(2024, 1, 15)));
        assert_eq!(first_after(2, 30, d(2023, 1, 1)), None);
    }
}
