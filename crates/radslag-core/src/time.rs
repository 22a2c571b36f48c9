//! The one clock: Europe/Stockholm, where every council keeps its dates.
//!
//! - the zone: Stockholm's offset from UTC (CET, +1, and CEST, +2, from the
//!   last Sunday of March to the last Sunday of October, switching at 01:00
//!   UTC), an instant as Stockholm's wall clock, a Stockholm wall-clock time
//!   in UTC, and **today in Stockholm** — from an instant passed in: this
//!   crate never reads the clock (`SystemTime::now()` panics on wasm32);
//! - ISO 8601 week numbers ("vecka 40");
//! - the language of dates ([`Locale`]) and the names of months and weekdays;
//! - the values of date and time inputs (`YYYY-MM-DD`, `HH:MM`).
//!
//! Every feature (the wheel, meetings, actions) and the app use these; none
//! keeps a clock of its own.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

// ---------------------------------------------------------------------------
// Languages and names.

/// The language dates are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Sv,
    En,
}

/// The Swedish month names, January first.
pub const MONTH_NAMES_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The usual Swedish short month names, January first.
pub const MONTH_SHORT_NAMES_SV: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// The English month names, January first.
pub const MONTH_NAMES_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month `month` (1..=12); empty outside that range.
pub fn month_name(month: u32, locale: Locale) -> &'static str {
    let names = match locale {
        Locale::Sv => &MONTH_NAMES_SV,
        Locale::En => &MONTH_NAMES_EN,
    };
    month
        .checked_sub(1)
        .and_then(|i| names.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// "måndag" / "Monday".
pub fn weekday_name(day: Weekday, locale: Locale) -> &'static str {
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

// ---------------------------------------------------------------------------
// Europe/Stockholm.

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
}

/// Stockholm's offset from UTC, in hours, at a Stockholm wall-clock time (EU
/// rules: summer time from 02:00 on the last Sunday of March to 03:00 on the
/// last Sunday of October). Times in the spring gap count as summer time, the
/// repeated autumn hour as its first (summer) reading.
pub fn stockholm_offset_at_local(local: NaiveDateTime) -> i64 {
    let year = local.year();
    let start = last_sunday(year, 3).and_then(|d| d.and_hms_opt(2, 0, 0));
    let end = last_sunday(year, 10).and_then(|d| d.and_hms_opt(3, 0, 0));
    match (start, end) {
        (Some(start), Some(end)) if local >= start && local < end => 2,
        _ => 1,
    }
}

/// A Stockholm wall-clock time in UTC.
pub fn stockholm_to_utc(local: NaiveDateTime) -> NaiveDateTime {
    local - Duration::hours(stockholm_offset_at_local(local))
}

/// Stockholm's offset from UTC, in hours, at an instant: summer time runs
/// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
/// of October.
pub fn stockholm_offset_at_utc(now_utc: DateTime<Utc>) -> i64 {
    let utc = now_utc.naive_utc();
    let year = utc.year();
    let switch = |month| last_sunday(year, month).and_then(|d| d.and_hms_opt(1, 0, 0));
    match (switch(3), switch(10)) {
        (Some(start), Some(end)) if utc >= start && utc < end => 2,
        _ => 1,
    }
}

/// An instant as Stockholm's wall clock.
pub fn stockholm_datetime(at: DateTime<Utc>) -> NaiveDateTime {
    at.naive_utc() + Duration::hours(stockholm_offset_at_utc(at))
}

/// An instant in milliseconds since the Unix epoch (the browser's
/// `Date.now()`, a change's time) as Stockholm's wall clock, e.g. for
/// "2023-02-07 13:05" in a history.
pub fn stockholm_datetime_ms(at_ms: i64) -> NaiveDateTime {
    stockholm_datetime(DateTime::<Utc>::from_timestamp_millis(at_ms).unwrap_or_default())
}

/// Today's date in Stockholm at an instant: the date every feature calls
/// "today" (overdue actions, upcoming meetings, the wheel's today line),
/// whatever the time zone of the device.
pub fn stockholm_today(now_utc: DateTime<Utc>) -> NaiveDate {
    stockholm_datetime(now_utc).date()
}

/// [`stockholm_today`] from milliseconds since the Unix epoch.
pub fn stockholm_today_ms(now_ms: i64) -> NaiveDate {
    stockholm_datetime_ms(now_ms).date()
}

/// "2026-11-22 14:03": an instant (ms since the Unix epoch) in Stockholm, as
/// logs and histories show when something was done.
pub fn log_time(at_ms: i64) -> String {
    stockholm_datetime_ms(at_ms)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

// ---------------------------------------------------------------------------
// ISO 8601 weeks.
//
// Weeks start on Monday, and week 1 is the week holding the year's first
// Thursday (equivalently, the week holding 4 January). So a week can belong to
// the previous or next *ISO year*: 2021-01-01 is in week 53 of 2020, and
// 2024-12-30 is in week 1 of 2025.

/// The ISO year and week number (1..=53) of a date.
pub fn iso_week(date: NaiveDate) -> (i32, u32) {
    let w = date.iso_week();
    (w.year(), w.week())
}

/// 52 or 53: the number of ISO weeks in `iso_year`. 28 December always lies in
/// the year's last week.
pub fn weeks_in_iso_year(iso_year: i32) -> u32 {
    NaiveDate::from_ymd_opt(iso_year, 12, 28)
        .map(|d| d.iso_week().week())
        .unwrap_or(52)
}

/// The Monday of ISO week `week` of `iso_year`, or `None` when the year has no
/// such week (0, 54, or 53 in a 52-week year) or lies outside chrono's range.
pub fn try_week_start(iso_year: i32, week: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(iso_year, week, Weekday::Mon)
}

/// The Monday of ISO week `week` of `iso_year`. A week number outside the
/// year's weeks is clamped into `1..=weeks_in_iso_year(iso_year)`; use
/// [`try_week_start`] to tell such input apart.
pub fn week_start(iso_year: i32, week: u32) -> NaiveDate {
    let week = week.clamp(1, weeks_in_iso_year(iso_year));
    try_week_start(iso_year, week).unwrap_or(if iso_year < 1970 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

// ---------------------------------------------------------------------------
// Form values.

/// A date input's value (`YYYY-MM-DD`, spaces around ignored).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// A time input's value (`HH:MM`, or `HH:MM:SS` as some browsers give it).
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let value = value.trim();
    NaiveTime::parse_from_str(value, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S"))
        .ok()
}

/// A date as a date input's value; empty for none.
pub fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A time as a time input's value (`HH:MM`); empty for none.
pub fn time_value(time: Option<NaiveTime>) -> String {
    time.map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono::offset::LocalResult;
    use chrono_tz::Europe::Stockholm;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn names_in_both_languages() {
        assert_eq!(month_name(1, Locale::Sv), "januari");
        assert_eq!(month_name(5, Locale::En), "May");
        assert_eq!(month_name(0, Locale::En), "");
        assert_eq!(month_name(13, Locale::Sv), "");
        assert_eq!(weekday_name(Weekday::Tue, Locale::Sv), "tisdag");
        assert_eq!(weekday_name(Weekday::Sun, Locale::En), "Sunday");
    }

    #[test]
    fn the_switch_days_are_the_last_sundays() {
        // The VTIMEZONE's DTSTARTs are the last Sundays of March and October.
        assert_eq!(last_sunday(1970, 3), Some(d(1970, 3, 29)));
        assert_eq!(last_sunday(1970, 10), Some(d(1970, 10, 25)));
        assert_eq!(last_sunday(2023, 12), Some(d(2023, 12, 31)));
        assert_eq!(last_sunday(2024, 3), Some(d(2024, 3, 31)));
        assert_eq!(last_sunday(2026, 10), Some(d(2026, 10, 25)));
    }

    #[test]
    fn stockholm_offsets_match_the_tz_database() {
        let mut at = d(2022, 1, 1).and_hms_opt(0, 30, 0).unwrap();
        let end = d(2027, 1, 1).and_hms_opt(0, 0, 0).unwrap();
        while at < end {
            if let LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) =
                Stockholm.from_local_datetime(&at)
            {
                assert_eq!(stockholm_to_utc(at), dt.naive_utc(), "{at}");
            }
            at += Duration::minutes(30);
        }
    }

    #[test]
    fn the_switch_instants() {
        // 2024-03-31: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
        assert_eq!(stockholm_offset_at_utc(utc("2024-03-31T00:59:59Z")), 1);
        assert_eq!(stockholm_offset_at_utc(utc("2024-03-31T01:00:00Z")), 2);
        // 2024-10-27: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        assert_eq!(stockholm_offset_at_utc(utc("2024-10-27T00:59:59Z")), 2);
        assert_eq!(stockholm_offset_at_utc(utc("2024-10-27T01:00:00Z")), 1);
        // Wall clock: the gap skipped, the hour repeated.
        let wall = |s: &str| stockholm_datetime(utc(s)).format("%H:%M").to_string();
        assert_eq!(wall("2024-03-31T00:59:00Z"), "01:59");
        assert_eq!(wall("2024-03-31T01:00:00Z"), "03:00");
        assert_eq!(wall("2024-10-27T00:30:00Z"), "02:30");
        assert_eq!(wall("2024-10-27T01:30:00Z"), "02:30");
        // The local rule: the spring gap counts as summer time.
        let local = |h, m| d(2024, 3, 31).and_hms_opt(h, m, 0).unwrap();
        assert_eq!(stockholm_offset_at_local(local(1, 59)), 1);
        assert_eq!(stockholm_offset_at_local(local(2, 30)), 2);
    }

    #[test]
    fn today_around_midnight_on_the_switch_days() {
        // The night into the spring switch day: midnight is 23:00 UTC (CET).
        assert_eq!(stockholm_today(utc("2024-03-30T22:59:59Z")), d(2024, 3, 30));
        assert_eq!(stockholm_today(utc("2024-03-30T23:00:00Z")), d(2024, 3, 31));
        // The night after it: midnight is 22:00 UTC (CEST).
        assert_eq!(stockholm_today(utc("2024-03-31T21:59:59Z")), d(2024, 3, 31));
        assert_eq!(stockholm_today(utc("2024-03-31T22:00:00Z")), d(2024, 4, 1));
        // The night into the autumn switch day: still CEST.
        assert_eq!(
            stockholm_today(utc("2024-10-26T21:59:59Z")),
            d(2024, 10, 26)
        );
        assert_eq!(
            stockholm_today(utc("2024-10-26T22:00:00Z")),
            d(2024, 10, 27)
        );
        // The night after it: CET again.
        assert_eq!(
            stockholm_today(utc("2024-10-27T22:59:59Z")),
            d(2024, 10, 27)
        );
        assert_eq!(
            stockholm_today(utc("2024-10-27T23:00:00Z")),
            d(2024, 10, 28)
        );
        // From milliseconds, and New Year.
        let ms = |s: &str| utc(s).timestamp_millis();
        assert_eq!(
            stockholm_today_ms(ms("2024-12-31T22:59:59Z")),
            d(2024, 12, 31)
        );
        assert_eq!(
            stockholm_today_ms(ms("2024-12-31T23:00:00Z")),
            d(2025, 1, 1)
        );
    }

    #[test]
    fn today_agrees_with_the_tz_database() {
        let start = utc("2020-01-01T00:00:00Z");
        for step in 0..(6 * 366 * 24 * 2) {
            let now = start + Duration::minutes(30 * step + 1);
            let local = now.with_timezone(&Stockholm);
            assert_eq!(stockholm_today(now), local.date_naive(), "{now}");
            assert_eq!(stockholm_datetime(now), local.naive_local(), "{now}");
        }
    }

    #[test]
    fn log_times_across_daylight_saving() {
        // 2026-11-22 13:03 UTC is 14:03 in Stockholm (winter time).
        let winter = d(2026, 11, 22).and_hms_opt(13, 3, 0).unwrap();
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
    fn iso_weeks_at_the_turn_of_the_year() {
        assert_eq!(iso_week(d(2021, 1, 1)), (2020, 53));
        assert_eq!(iso_week(d(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(d(2021, 1, 4)), (2021, 1));
        assert_eq!(iso_week(d(2024, 12, 30)), (2025, 1));
        assert_eq!(iso_week(d(2024, 12, 29)), (2024, 52));
        assert_eq!(iso_week(d(2026, 12, 31)), (2026, 53));
        assert_eq!(iso_week(d(2027, 1, 3)), (2026, 53));
        assert_eq!(iso_week(d(2023, 10, 2)), (2023, 40));
    }

    #[test]
    fn years_with_53_weeks() {
        for y in [2015, 2020, 2026, 2032] {
            assert_eq!(weeks_in_iso_year(y), 53, "{y}");
        }
        for y in [2019, 2021, 2022, 2023, 2024, 2025, 2027] {
            assert_eq!(weeks_in_iso_year(y), 52, "{y}");
        }
    }

    #[test]
    fn week_start_is_a_monday() {
        assert_eq!(week_start(2025, 1), d(2024, 12, 30));
        assert_eq!(week_start(2020, 53), d(2020, 12, 28));
        assert_eq!(week_start(2026, 1), d(2025, 12, 29));
        assert_eq!(week_start(2023, 40), d(2023, 10, 2));
        assert_eq!(try_week_start(2021, 53), None);
        assert_eq!(try_week_start(2021, 0), None);
        // Clamped into range.
        assert_eq!(week_start(2021, 53), d(2021, 12, 27));
        assert_eq!(week_start(2021, 0), d(2021, 1, 4));
        for y in 2000..2040 {
            for w in 1..=weeks_in_iso_year(y) {
                let m = week_start(y, w);
                assert_eq!(m.weekday(), Weekday::Mon);
                assert_eq!(iso_week(m), (y, w));
            }
        }
    }

    #[test]
    fn form_values() {
        assert_eq!(parse_date(" 2023-02-07 "), Some(d(2023, 2, 7)));
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date(""), None);
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("13:05"), t(13, 5));
        assert_eq!(parse_time("13:05:30"), NaiveTime::from_hms_opt(13, 5, 30));
        assert_eq!(parse_time("1305"), None);
        assert_eq!(date_value(Some(d(2023, 2, 7))), "2023-02-07");
        assert_eq!(date_value(None), "");
        assert_eq!(time_value(t(9, 30)), "09:30");
        assert_eq!(time_value(None), "");
    }
}
