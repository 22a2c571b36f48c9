//! The wheel's week ticks: the ISO 8601 weeks (Swedish "vecka 40", numbered
//! by [`crate::time::iso_week`]) laid around a calendar year.

use super::geometry::angle_of;
use crate::time::iso_week;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// One week on the wheel of a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeekTick {
    /// The ISO year the week belongs to (may differ from the calendar year at
    /// either end).
    pub iso_year: i32,
    /// 1..=53.
    pub week: u32,
    /// The week's Monday; can lie in the previous calendar year.
    pub monday: NaiveDate,
    /// Degrees clockwise from the top where the week starts on this year's
    /// wheel, clipped to `0.0..=360.0` (so week 1 of 2025, which starts on
    /// 2024-12-30, starts at 0).
    pub angle_start: f64,
    /// Where the week ends (the next Monday), clipped to `0.0..=360.0`.
    pub angle_end: f64,
}

impl WeekTick {
    /// The middle of the visible part of the week, e.g. for its label.
    pub fn mid_angle(&self) -> f64 {
        (self.angle_start + self.angle_end) / 2.0
    }

    /// Whether the week runs over the start or end of the calendar year.
    pub fn is_partial(&self, year: i32) -> bool {
        self.monday.year() != year || (self.monday + Duration::days(6)).year() != year
    }
}

/// The weeks whose Monday..=Sunday overlaps calendar year `year`, in order:
/// 53 or 54 of them (2026: weeks 1..=53 of 2026; 2021: week 53 of 2020, then
/// weeks 1..=52 of 2021).
pub fn week_ticks(year: i32) -> Vec<WeekTick> {
    let (Some(jan1), Some(dec31)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Vec::new();
    };
    let mut monday = jan1 - Duration::days(i64::from(jan1.weekday().num_days_from_monday()));
    let mut ticks = Vec::with_capacity(54);
    while monday <= dec31 {
        let next = monday + Duration::days(7);
        let (iso_year, week) = iso_week(monday);
        ticks.push(WeekTick {
            iso_year,
            week,
            monday,
            angle_start: angle_of(monday, year).clamp(0.0, 360.0),
            angle_end: angle_of(next, year).clamp(0.0, 360.0),
        });
        monday = next;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn week_ticks_of_2026() {
        let ticks = week_ticks(2026);
        assert_eq!(ticks.len(), 53);
        assert_eq!(
            (ticks[0].iso_year, ticks[0].week, ticks[0].monday),
            (2026, 1, d(2025, 12, 29))
        );
        assert_eq!(ticks[0].angle_start, 0.0);
        assert!(ticks[0].is_partial(2026));
        assert!((ticks[0].angle_end - 4.0 / 365.0 * 360.0).abs() < 1e-9);
        let last = ticks.last().unwrap();
        assert_eq!(
            (last.iso_year, last.week, last.monday),
            (2026, 53, d(2026, 12, 28))
        );
        assert_eq!(last.angle_end, 360.0);
        for (i, t) in ticks.iter().enumerate() {
            assert_eq!(t.week as usize, i + 1);
            assert!(t.angle_start < t.angle_end);
            if i > 0 {
                assert_eq!(t.angle_start, ticks[i - 1].angle_end);
                assert!(!t.is_partial(2026) || i == 52);
            }
        }
        // Week 40 of 2026 starts on 28 September, day 270 of the year.
        let w40 = &ticks[39];
        assert_eq!(w40.monday, d(2026, 9, 28));
        assert!((w40.angle_start - 270.0 / 365.0 * 360.0).abs() < 1e-9);
    }

    #[test]
    fn week_ticks_at_other_year_ends() {
        let t2021 = week_ticks(2021);
        assert_eq!((t2021[0].iso_year, t2021[0].week), (2020, 53));
        assert_eq!((t2021[1].iso_year, t2021[1].week), (2021, 1));
        assert_eq!(t2021.len(), 53);
        let last = t2021.last().unwrap();
        assert_eq!((last.iso_year, last.week), (2021, 52));

        let t2025 = week_ticks(2025);
        assert_eq!(
            (t2025[0].iso_year, t2025[0].week, t2025[0].monday),
            (2025, 1, d(2024, 12, 30))
        );
        let last = t2025.last().unwrap();
        assert_eq!((last.iso_year, last.week), (2026, 1));
        assert_eq!(t2025.len(), 53);

        // 2024 starts on a Monday: no partial week at the start.
        let t2024 = week_ticks(2024);
        assert_eq!(t2024[0].monday, d(2024, 1, 1));
        assert!(!t2024[0].is_partial(2024));
        // 2018 starts on a Monday and ends on a Monday: 53 ticks.
        assert_eq!(week_ticks(2018).len(), 53);
        // A leap year starting on a Sunday spans 54 weeks (2012).
        assert_eq!(week_ticks(2012).len(), 54);
    }
}
