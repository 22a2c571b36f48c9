//! Dates and times as minutes write them, and instants in Europe/Stockholm.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

pub use crate::wheel::dates::Locale;
use crate::wheel::dates::month_name;

fn weekday_name(day: Weekday, locale: Locale) -> &'static str {
    let index = day.num_days_from_monday() as usize;
    match locale {
        Locale::Sv => [
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        ][index],
        Locale::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][index],
    }
}

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

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or_default();
    let last = first_of_next.pred_opt().unwrap_or_default();
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_days(Days::new(back.into()))
        .unwrap_or(last)
}

/// The wall-clock time in Sweden (Europe/Stockholm: CET, and CEST from the
/// last Sunday of March to the last Sunday of October, switching at 01:00 UTC).
pub fn stockholm_time(at_ms: i64) -> NaiveDateTime {
    let utc = DateTime::from_timestamp_millis(at_ms)
        .unwrap_or_default()
        .naive_utc();
    let year = utc.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_hms_opt(1, 0, 0)
            .unwrap_or_default()
    };
    let summer = utc >= switch(3) && utc < switch(10);
    utc + chrono::Duration::hours(if summer { 2 } else { 1 })
}

/// "2026-11-22 14:03": when someone approved or reopened, in Swedish time.
pub fn log_time(at_ms: i64) -> String {
    stockholm_time(at_ms).format("%Y-%m-%d %H:%M").to_string()
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
    fn instants_are_shown_in_swedish_time_across_daylight_saving() {
        // 2026-11-22 13:03 UTC is 14:03 in Stockholm (winter time).
        let winter = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(13, 3, 0)
            .unwrap();
        assert_eq!(
            log_time(winter.and_utc().timestamp_millis()),
            "2026-11-22 14:03"
        );
        // Summer: UTC+2.
        let summer = d(2023, 5, 11).and_hms_opt(8, 0, 0).unwrap();
        assert_eq!(
            log_time(summer.and_utc().timestamp_millis()),
            "2023-05-11 10:00"
        );
        // The switches: 2023-03-26 01:00 UTC and 2023-10-29 01:00 UTC.
        let before = d(2023, 3, 26)
            .and_hms_opt(0, 59, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert_eq!(log_time(before), "2023-03-26 01:59");
        assert_eq!(log_time(before + 60_000), "2023-03-26 03:00");
        let autumn = d(2023, 10, 29)
            .and_hms_opt(0, 59, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert_eq!(log_time(autumn), "2023-10-29 02:59");
        assert_eq!(log_time(autumn + 60_000), "2023-10-29 02:00");
    }

    #[test]
    fn a_day_without_a_year_comes_after_the_meeting() {
        assert_eq!(first_after(5, 11, d(2023, 2, 7)), Some(d(2023, 5, 11)));
        assert_eq!(first_after(1, 15, d(2023, 11, 20)), Some(d(2024, 1, 15)));
        assert_eq!(first_after(2, 30, d(2023, 1, 1)), None);
    }
}
