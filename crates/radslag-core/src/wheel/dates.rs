//! Dates as the wheel's labels say them: "26 maj 2023", "25–27 augusti 2023",
//! "28 augusti – 3 september 2023", "v. 40", in Swedish (first) or English.

use crate::time::{Locale, iso_week, month_name};
use chrono::{Datelike, NaiveDate};

/// "26 maj 2023" / "26 May 2023".
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), locale),
        date.year()
    )
}

/// A date range as people write it: "26 maj 2023" (one day), "25–27 augusti
/// 2023" (one month), "28 augusti – 3 september 2023" (one year),
/// "30 december 2023 – 2 januari 2024". The dash is an en dash.
pub fn format_range(start: NaiveDate, end: NaiveDate, locale: Locale) -> String {
    let (start, end) = if end < start {
        (end, start)
    } else {
        (start, end)
    };
    if start == end {
        format_date(start, locale)
    } else if start.year() != end.year() {
        format!(
            "{} – {}",
            format_date(start, locale),
            format_date(end, locale)
        )
    } else if start.month() != end.month() {
        format!(
            "{} {} – {}",
            start.day(),
            month_name(start.month(), locale),
            format_date(end, locale)
        )
    } else {
        format!(
            "{}–{} {} {}",
            start.day(),
            end.day(),
            month_name(end.month(), locale),
            end.year()
        )
    }
}

/// "v. 40" / "w. 40": the ISO week of `date`.
pub fn week_label(week: u32, locale: Locale) -> String {
    match locale {
        Locale::Sv => format!("v. {week}"),
        Locale::En => format!("w. {week}"),
    }
}

/// The ISO week label of a date, e.g. "v. 34".
pub fn week_of(date: NaiveDate, locale: Locale) -> String {
    week_label(iso_week(date).1, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ranges_in_swedish() {
        let sv = Locale::Sv;
        assert_eq!(
            format_range(d(2023, 5, 26), d(2023, 5, 26), sv),
            "26 maj 2023"
        );
        assert_eq!(
            format_range(d(2023, 8, 25), d(2023, 8, 27), sv),
            "25–27 augusti 2023"
        );
        assert_eq!(
            format_range(d(2023, 8, 28), d(2023, 9, 3), sv),
            "28 augusti – 3 september 2023"
        );
        assert_eq!(
            format_range(d(2023, 12, 30), d(2024, 1, 2), sv),
            "30 december 2023 – 2 januari 2024"
        );
        // Swapped ends are put in order.
        assert_eq!(
            format_range(d(2023, 8, 27), d(2023, 8, 25), sv),
            "25–27 augusti 2023"
        );
    }

    #[test]
    fn ranges_in_english_and_weeks() {
        let en = Locale::En;
        assert_eq!(
            format_range(d(2023, 7, 1), d(2023, 7, 1), en),
            "1 July 2023"
        );
        assert_eq!(
            format_range(d(2023, 8, 25), d(2023, 8, 27), en),
            "25–27 August 2023"
        );
        assert_eq!(week_of(d(2023, 10, 2), Locale::Sv), "v. 40");
        assert_eq!(week_of(d(2023, 10, 2), en), "w. 40");
        assert_eq!(month_name(0, en), "");
        assert_eq!(month_name(13, Locale::Sv), "");
    }
}
