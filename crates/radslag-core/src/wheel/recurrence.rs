//! Recurring wheel events: weekly, monthly, yearly, or yearly in a given ISO
//! week ("varje år i vecka 40").
//!
//! The rules mean what [`super::ics`] exports means (an RRULE where one that
//! every calendar program reads says it exactly, else the occurrences one by
//! one), so a calendar program shows the same dates as the wheel:
//! - occurrence *n* is computed from the first one (not from occurrence
//!   *n − 1*), so a monthly event on the 31st falls on the last day of shorter
//!   months and is back on the 31st afterwards;
//! - a yearly event on 29 February falls on 28 February in other years;
//! - `count` counts occurrences *including* excepted ones (as RFC 5545 counts
//!   before EXDATE), and `until` is the last allowed start date (inclusive);
//! - a yearly event in ISO week 53 skips the years that have only 52 weeks.
//!
//! Every expansion is bounded: at most [`MAX_OCCURRENCES`] results and
//! [`MAX_STEPS`] steps, whatever the rule says.

use crate::time::{iso_week, weeks_in_iso_year};
use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// At most this many occurrences are returned by one expansion.
pub const MAX_OCCURRENCES: usize = 2_000;

/// At most this many rule steps (weeks, months or years) are taken by one
/// expansion, so a far-off range or huge interval cannot loop for long.
pub const MAX_STEPS: u32 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Frequency {
    /// Every `interval` weeks, on the first occurrence's weekday.
    #[default]
    Weekly,
    /// Every `interval` months, on the first occurrence's day of the month
    /// (clamped to the month's last day).
    Monthly,
    /// Every `interval` years, on the first occurrence's date.
    Yearly,
    /// Every `interval` years in ISO week `by_iso_week` (or the first
    /// occurrence's week), on the first occurrence's weekday.
    IsoWeekYearly,
}

/// How an event repeats. Stored as JSON in `WheelEvent::recurrence`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Recurrence {
    pub freq: Frequency,
    /// Every how many weeks, months or years; 0 is read as 1.
    pub interval: u32,
    /// How many occurrences in all, counting the first and excepted ones.
    pub count: Option<u32>,
    /// The last date an occurrence may start on.
    pub until: Option<NaiveDate>,
    /// For [`Frequency::IsoWeekYearly`]: the ISO week (1..=53).
    pub by_iso_week: Option<u32>,
    /// Start dates of occurrences that are left out.
    pub exceptions: Vec<NaiveDate>,
}

impl Recurrence {
    pub fn new(freq: Frequency, interval: u32) -> Self {
        Recurrence {
            freq,
            interval,
            ..Default::default()
        }
    }

    pub fn weekly(interval: u32) -> Self {
        Self::new(Frequency::Weekly, interval)
    }

    pub fn monthly(interval: u32) -> Self {
        Self::new(Frequency::Monthly, interval)
    }

    /// "Four meetings a year": every third month.
    pub fn quarterly() -> Self {
        Self::monthly(3)
    }

    pub fn yearly() -> Self {
        Self::new(Frequency::Yearly, 1)
    }

    /// Every year in ISO week `week`, e.g. 40.
    pub fn in_iso_week_every_year(week: u32) -> Self {
        Recurrence {
            by_iso_week: Some(week),
            ..Self::new(Frequency::IsoWeekYearly, 1)
        }
    }

    pub fn with_count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    pub fn with_until(mut self, until: NaiveDate) -> Self {
        self.until = Some(until);
        self
    }

    pub fn with_exception(mut self, date: NaiveDate) -> Self {
        self.exceptions.push(date);
        self
    }

    /// The interval, with 0 read as 1.
    pub fn effective_interval(&self) -> u32 {
        self.interval.max(1)
    }

    /// The ISO week an [`Frequency::IsoWeekYearly`] rule uses for an event
    /// first starting on `first_start`: `by_iso_week` if it is 1..=53, else the
    /// week of `first_start`.
    pub fn iso_week_for(&self, first_start: NaiveDate) -> u32 {
        match self.by_iso_week {
            Some(w @ 1..=53) => w,
            _ => iso_week(first_start).1,
        }
    }

    /// Reads the JSON kept in `WheelEvent::recurrence`: `Ok(None)` for an
    /// empty string (a one-off event).
    pub fn from_json(json: &str) -> Result<Option<Recurrence>, serde_json::Error> {
        if json.trim().is_empty() {
            return Ok(None);
        }
        serde_json::from_str(json).map(Some)
    }

    /// The JSON to keep in `WheelEvent::recurrence`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A short Swedish description, e.g. "varje vecka", "var 3:e månad",
    /// "varje år i vecka 40", followed by ", 4 gånger" or ", till 2026-06-30".
    pub fn describe_sv(&self, first_start: NaiveDate) -> String {
        let n = self.effective_interval();
        let mut s = match (self.freq, n) {
            (Frequency::Weekly, 1) => "varje vecka".to_owned(),
            (Frequency::Weekly, 2) => "varannan vecka".to_owned(),
            (Frequency::Weekly, n) => format!("var {n}:e vecka"),
            (Frequency::Monthly, 1) => "varje månad".to_owned(),
            (Frequency::Monthly, 2) => "varannan månad".to_owned(),
            (Frequency::Monthly, 3) => "varje kvartal".to_owned(),
            (Frequency::Monthly, n) => format!("var {n}:e månad"),
            (Frequency::Yearly, 1) => "varje år".to_owned(),
            (Frequency::Yearly, 2) => "vartannat år".to_owned(),
            (Frequency::Yearly, n) => format!("vart {n}:e år"),
            (Frequency::IsoWeekYearly, 1) => {
                format!("varje år i vecka {}", self.iso_week_for(first_start))
            }
            (Frequency::IsoWeekYearly, 2) => {
                format!("vartannat år i vecka {}", self.iso_week_for(first_start))
            }
            (Frequency::IsoWeekYearly, n) => {
                format!("vart {n}:e år i vecka {}", self.iso_week_for(first_start))
            }
        };
        if let Some(count) = self.count {
            s.push_str(&format!(", {count} gånger"));
        }
        if let Some(until) = self.until {
            s.push_str(&format!(", till {until}"));
        }
        s
    }

    /// The start of step `n` of the rule (`n = 0` is the first step), or
    /// `None` when that step has no date (week 53 in a 52-week year) or lies
    /// outside chrono's range. For [`Frequency::IsoWeekYearly`] step 0 can lie
    /// before `first_start` (when `first_start` is later in the year than the
    /// week); such dates are not occurrences.
    pub fn step_start(&self, first_start: NaiveDate, n: u32) -> Option<NaiveDate> {
        match self.step_at(first_start, n) {
            Step::Date(date) => Some(date),
            Step::Skip | Step::End => None,
        }
    }

    fn step_at(&self, first_start: NaiveDate, n: u32) -> Step {
        let Some(k) = n.checked_mul(self.effective_interval()) else {
            return Step::End;
        };
        let date = match self.freq {
            Frequency::Weekly => {
                Duration::try_weeks(i64::from(k)).and_then(|w| first_start.checked_add_signed(w))
            }
            // chrono clamps the day to the month's last day.
            Frequency::Monthly => first_start.checked_add_months(Months::new(k)),
            Frequency::Yearly => k
                .checked_mul(12)
                .and_then(|m| first_start.checked_add_months(Months::new(m))),
            Frequency::IsoWeekYearly => {
                let Some(year) = i32::try_from(k)
                    .ok()
                    .and_then(|k| iso_week(first_start).0.checked_add(k))
                    .filter(|y| *y < NaiveDate::MAX.year())
                else {
                    return Step::End;
                };
                let week = self.iso_week_for(first_start);
                if week > weeks_in_iso_year(year) {
                    return Step::Skip;
                }
                NaiveDate::from_isoywd_opt(year, week, first_start.weekday())
            }
        };
        date.map_or(Step::End, Step::Date)
    }

    /// The first occurrence (not excepted) on or after `first_start`, if any.
    /// For most rules that is `first_start` itself; for a yearly-in-a-week
    /// rule it is the first date in that week.
    pub fn first_occurrence(&self, first_start: NaiveDate) -> Option<NaiveDate> {
        expand(
            first_start,
            first_start,
            self,
            first_start,
            NaiveDate::MAX - Duration::days(1),
        )
        .first()
        .map(|o| o.0)
    }
}

/// The occurrences `(start, end_inclusive)` of an event first held
/// `first_start..=first_end` and repeating by `rule`, that overlap
/// `range_start..=range_end`, in order. Each keeps the first occurrence's
/// length; excepted start dates are left out. At most [`MAX_OCCURRENCES`].
pub fn expand(
    first_start: NaiveDate,
    first_end: NaiveDate,
    rule: &Recurrence,
    range_start: NaiveDate,
    range_end: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    let length = (first_end - first_start).max(Duration::zero());
    let mut out = Vec::new();
    if range_end < range_start {
        return out;
    }
    // Occurrences generated so far, excepted ones included (for `count`).
    let mut generated: u32 = 0;
    for n in 0..MAX_STEPS {
        if rule.count.is_some_and(|c| generated >= c) {
            break;
        }
        let start = match rule.step_at(first_start, n) {
            Step::Date(date) => date,
            Step::Skip => continue,
            Step::End => break,
        };
        if start > range_end || rule.until.is_some_and(|u| start > u) {
            break;
        }
        if start < first_start {
            continue;
        }
        generated += 1;
        if rule.exceptions.contains(&start) {
            continue;
        }
        let Some(end) = start.checked_add_signed(length) else {
            break;
        };
        if end < range_start {
            continue;
        }
        out.push((start, end));
        if out.len() >= MAX_OCCURRENCES {
            break;
        }
    }
    out
}

/// One step of a rule.
enum Step {
    Date(NaiveDate),
    /// No date in this step (week 53 in a 52-week year): not an occurrence.
    Skip,
    /// Past chrono's range: no more steps.
    End,
}

/// How an event repeats, as the event form offers it: the rules people
/// choose from, each a [`Recurrence`] with its defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepeatKind {
    Once,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
    /// Every year in the same ISO week ("vecka 40").
    YearlyWeek,
}

impl RepeatKind {
    pub const ALL: [RepeatKind; 6] = [
        RepeatKind::Once,
        RepeatKind::Weekly,
        RepeatKind::Monthly,
        RepeatKind::Quarterly,
        RepeatKind::Yearly,
        RepeatKind::YearlyWeek,
    ];

    /// The kind of a stored rule (none: once).
    pub fn of(rule: Option<&Recurrence>) -> RepeatKind {
        match rule {
            None => RepeatKind::Once,
            Some(r) => match (r.freq, r.effective_interval()) {
                (Frequency::Weekly, _) => RepeatKind::Weekly,
                (Frequency::Monthly, 3) => RepeatKind::Quarterly,
                (Frequency::Monthly, _) => RepeatKind::Monthly,
                (Frequency::Yearly, _) => RepeatKind::Yearly,
                (Frequency::IsoWeekYearly, _) => RepeatKind::YearlyWeek,
            },
        }
    }

    /// The kind as a form value.
    pub fn code(self) -> &'static str {
        match self {
            RepeatKind::Once => "once",
            RepeatKind::Weekly => "weekly",
            RepeatKind::Monthly => "monthly",
            RepeatKind::Quarterly => "quarterly",
            RepeatKind::Yearly => "yearly",
            RepeatKind::YearlyWeek => "week",
        }
    }

    /// A form value back ([`Self::code`]); anything else is once.
    pub fn from_code(code: &str) -> RepeatKind {
        RepeatKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .unwrap_or(RepeatKind::Once)
    }

    /// A fresh rule of this kind (none for once).
    pub fn rule(self) -> Option<Recurrence> {
        match self {
            RepeatKind::Once => None,
            RepeatKind::Weekly => Some(Recurrence::weekly(1)),
            RepeatKind::Monthly => Some(Recurrence::monthly(1)),
            RepeatKind::Quarterly => Some(Recurrence::quarterly()),
            RepeatKind::Yearly => Some(Recurrence::yearly()),
            RepeatKind::YearlyWeek => Some(Recurrence::new(Frequency::IsoWeekYearly, 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_kinds_round_trip() {
        for kind in RepeatKind::ALL {
            assert_eq!(RepeatKind::from_code(kind.code()), kind);
            assert_eq!(RepeatKind::of(kind.rule().as_ref()), kind);
        }
        assert_eq!(RepeatKind::from_code("nonsense"), RepeatKind::Once);
        assert_eq!(
            RepeatKind::of(Some(&Recurrence::monthly(2))),
            RepeatKind::Monthly
        );
        assert_eq!(
            RepeatKind::of(Some(&Recurrence::weekly(2))),
            RepeatKind::Weekly
        );
        assert_eq!(
            RepeatKind::of(Some(&Recurrence::in_iso_week_every_year(40))),
            RepeatKind::YearlyWeek
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn starts(v: &[(NaiveDate, NaiveDate)]) -> Vec<NaiveDate> {
        v.iter().map(|o| o.0).collect()
    }

    #[test]
    fn weekly_with_an_exception() {
        let rule = Recurrence::weekly(1).with_exception(d(2023, 10, 9));
        let occ = expand(
            d(2023, 10, 2),
            d(2023, 10, 2),
            &rule,
            d(2023, 1, 1),
            d(2023, 10, 31),
        );
        assert_eq!(
            starts(&occ),
            [
                d(2023, 10, 2),
                d(2023, 10, 16),
                d(2023, 10, 23),
                d(2023, 10, 30)
            ]
        );
        // Every other week, three days long.
        let rule = Recurrence::weekly(2);
        let occ = expand(
            d(2023, 1, 2),
            d(2023, 1, 4),
            &rule,
            d(2023, 1, 1),
            d(2023, 1, 31),
        );
        assert_eq!(
            occ,
            [
                (d(2023, 1, 2), d(2023, 1, 4)),
                (d(2023, 1, 16), d(2023, 1, 18)),
                (d(2023, 1, 30), d(2023, 2, 1))
            ]
        );
    }

    #[test]
    fn monthly_clamps_to_the_last_day() {
        let rule = Recurrence::monthly(1);
        let occ = expand(
            d(2023, 1, 31),
            d(2023, 1, 31),
            &rule,
            d(2023, 1, 1),
            d(2023, 6, 30),
        );
        assert_eq!(
            starts(&occ),
            [
                d(2023, 1, 31),
                d(2023, 2, 28),
                d(2023, 3, 31),
                d(2023, 4, 30),
                d(2023, 5, 31),
                d(2023, 6, 30)
            ]
        );
        let occ = expand(
            d(2024, 1, 30),
            d(2024, 1, 30),
            &rule,
            d(2024, 1, 1),
            d(2024, 3, 31),
        );
        assert_eq!(
            starts(&occ),
            [d(2024, 1, 30), d(2024, 2, 29), d(2024, 3, 30)]
        );
    }

    #[test]
    fn four_meetings_a_year() {
        let rule = Recurrence::quarterly();
        let occ = expand(
            d(2023, 2, 15),
            d(2023, 2, 15),
            &rule,
            d(2023, 1, 1),
            d(2023, 12, 31),
        );
        assert_eq!(
            starts(&occ),
            [
                d(2023, 2, 15),
                d(2023, 5, 15),
                d(2023, 8, 15),
                d(2023, 11, 15)
            ]
        );
        assert_eq!(rule.describe_sv(d(2023, 2, 15)), "varje kvartal");
    }

    #[test]
    fn yearly_and_leap_days() {
        let rule = Recurrence::yearly();
        let occ = expand(
            d(2023, 5, 26),
            d(2023, 5, 26),
            &rule,
            d(2023, 1, 1),
            d(2026, 12, 31),
        );
        assert_eq!(
            starts(&occ),
            [
                d(2023, 5, 26),
                d(2024, 5, 26),
                d(2025, 5, 26),
                d(2026, 5, 26)
            ]
        );
        let occ = expand(
            d(2024, 2, 29),
            d(2024, 2, 29),
            &rule,
            d(2024, 1, 1),
            d(2028, 12, 31),
        );
        assert_eq!(
            starts(&occ),
            [
                d(2024, 2, 29),
                d(2025, 2, 28),
                d(2026, 2, 28),
                d(2027, 2, 28),
                d(2028, 2, 29)
            ]
        );
        // End of summer meet, 25–27 August, every year: keeps its three days.
        let occ = expand(
            d(2023, 8, 25),
            d(2023, 8, 27),
            &rule,
            d(2025, 1, 1),
            d(2025, 12, 31),
        );
        assert_eq!(occ, [(d(2025, 8, 25), d(2025, 8, 27))]);
    }

    #[test]
    fn yearly_in_week_40() {
        // A campaign week: Monday to Sunday of week 40, every year.
        let rule = Recurrence::in_iso_week_every_year(40);
        let occ = expand(
            d(2023, 10, 2),
            d(2023, 10, 8),
            &rule,
            d(2023, 1, 1),
            d(2027, 12, 31),
        );
        assert_eq!(
            occ,
            [
                (d(2023, 10, 2), d(2023, 10, 8)),
                (d(2024, 9, 30), d(2024, 10, 6)),
                (d(2025, 9, 29), d(2025, 10, 5)),
                (d(2026, 9, 28), d(2026, 10, 4)),
                (d(2027, 10, 4), d(2027, 10, 10)),
            ]
        );
        for (s, _) in &occ {
            assert_eq!(iso_week(*s).1, 40);
        }
        assert_eq!(rule.describe_sv(d(2023, 10, 2)), "varje år i vecka 40");
        // A first date after the week in its year starts the next year.
        let occ = expand(
            d(2023, 11, 6),
            d(2023, 11, 6),
            &rule,
            d(2023, 1, 1),
            d(2024, 12, 31),
        );
        assert_eq!(starts(&occ), [d(2024, 9, 30)]);
        assert_eq!(rule.first_occurrence(d(2023, 11, 6)), Some(d(2024, 9, 30)));
        // Without by_iso_week the first date's week is used.
        let rule = Recurrence::new(Frequency::IsoWeekYearly, 1);
        let occ = expand(
            d(2023, 10, 4),
            d(2023, 10, 4),
            &rule,
            d(2024, 1, 1),
            d(2024, 12, 31),
        );
        assert_eq!(starts(&occ), [d(2024, 10, 2)]);
    }

    #[test]
    fn week_53_skips_short_years() {
        let rule = Recurrence::in_iso_week_every_year(53).with_count(2);
        let occ = expand(
            d(2020, 12, 28),
            d(2020, 12, 28),
            &rule,
            d(2020, 1, 1),
            d(2035, 12, 31),
        );
        assert_eq!(starts(&occ), [d(2020, 12, 28), d(2026, 12, 28)]);
    }

    #[test]
    fn count_and_until() {
        // count includes excepted occurrences (as RFC 5545 COUNT with EXDATE).
        let rule = Recurrence::weekly(1)
            .with_count(4)
            .with_exception(d(2023, 1, 9));
        let occ = expand(
            d(2023, 1, 2),
            d(2023, 1, 2),
            &rule,
            d(2023, 1, 1),
            d(2023, 12, 31),
        );
        assert_eq!(
            starts(&occ),
            [d(2023, 1, 2), d(2023, 1, 16), d(2023, 1, 23)]
        );
        // until is inclusive.
        let rule = Recurrence::weekly(1).with_until(d(2023, 1, 23));
        let occ = expand(
            d(2023, 1, 2),
            d(2023, 1, 2),
            &rule,
            d(2023, 1, 1),
            d(2023, 12, 31),
        );
        assert_eq!(starts(&occ).len(), 4);
        assert_eq!(
            rule.describe_sv(d(2023, 1, 2)),
            "varje vecka, till 2023-01-23"
        );
        // count 0: nothing.
        let rule = Recurrence::weekly(1).with_count(0);
        assert!(
            expand(
                d(2023, 1, 2),
                d(2023, 1, 2),
                &rule,
                d(2023, 1, 1),
                d(2023, 12, 31)
            )
            .is_empty()
        );
        assert_eq!(rule.first_occurrence(d(2023, 1, 2)), None);
    }

    #[test]
    fn range_filtering_keeps_overlapping_occurrences() {
        let rule = Recurrence::weekly(1);
        // Four-day occurrences: the one starting 2023-12-29 reaches into 2024.
        let occ = expand(
            d(2023, 1, 6),
            d(2023, 1, 9),
            &rule,
            d(2024, 1, 1),
            d(2024, 1, 14),
        );
        assert_eq!(
            occ,
            [
                (d(2023, 12, 29), d(2024, 1, 1)),
                (d(2024, 1, 5), d(2024, 1, 8)),
                (d(2024, 1, 12), d(2024, 1, 15))
            ]
        );
        // One that ends the day before the range is left out.
        let occ = expand(
            d(2023, 1, 6),
            d(2023, 1, 8),
            &rule,
            d(2024, 1, 1),
            d(2024, 1, 7),
        );
        assert_eq!(starts(&occ), [d(2024, 1, 5)]);
        // Nothing before the first occurrence, nothing in an empty range.
        assert!(
            expand(
                d(2023, 6, 1),
                d(2023, 6, 1),
                &rule,
                d(2023, 1, 1),
                d(2023, 5, 31)
            )
            .is_empty()
        );
        assert!(
            expand(
                d(2023, 6, 1),
                d(2023, 6, 1),
                &rule,
                d(2023, 7, 1),
                d(2023, 6, 1)
            )
            .is_empty()
        );
        // The range bound is inclusive.
        let occ = expand(
            d(2023, 6, 1),
            d(2023, 6, 1),
            &rule,
            d(2023, 6, 8),
            d(2023, 6, 8),
        );
        assert_eq!(starts(&occ), [d(2023, 6, 8)]);
    }

    #[test]
    fn expansion_is_bounded() {
        let rule = Recurrence::weekly(0); // read as 1
        let occ = expand(
            d(2000, 1, 1),
            d(2000, 1, 1),
            &rule,
            d(2000, 1, 1),
            d(9999, 12, 31),
        );
        assert_eq!(occ.len(), MAX_OCCURRENCES);
        // A far range, the step cap stops before it.
        let occ = expand(
            d(2000, 1, 1),
            d(2000, 1, 1),
            &rule,
            d(200_000, 1, 1),
            d(200_001, 1, 1),
        );
        assert!(occ.is_empty());
        // Huge intervals do not overflow.
        let rule = Recurrence::monthly(u32::MAX);
        let occ = expand(
            d(2000, 1, 1),
            d(2000, 1, 1),
            &rule,
            d(2000, 1, 1),
            d(9999, 12, 31),
        );
        assert_eq!(starts(&occ), [d(2000, 1, 1)]);
        let rule = Recurrence::in_iso_week_every_year(10).with_count(u32::MAX);
        let rule = Recurrence {
            interval: u32::MAX,
            ..rule
        };
        let occ = expand(
            d(2000, 3, 6),
            d(2000, 3, 6),
            &rule,
            d(2000, 1, 1),
            d(9999, 12, 31),
        );
        assert_eq!(starts(&occ), [d(2000, 3, 6)]);
    }

    #[test]
    fn json_round_trip() {
        let rule = Recurrence::in_iso_week_every_year(40)
            .with_until(d(2030, 12, 31))
            .with_exception(d(2025, 9, 29));
        let json = rule.to_json();
        assert_eq!(
            json,
            r#"{"freq":"isoWeekYearly","interval":1,"count":null,"until":"2030-12-31","byIsoWeek":40,"exceptions":["2025-09-29"]}"#
        );
        assert_eq!(Recurrence::from_json(&json).unwrap(), Some(rule));
        assert_eq!(Recurrence::from_json("  ").unwrap(), None);
        // Missing fields take their defaults.
        let r = Recurrence::from_json(r#"{"freq":"monthly","interval":3}"#)
            .unwrap()
            .unwrap();
        assert_eq!(r, Recurrence::quarterly());
        assert!(Recurrence::from_json("{not json").is_err());
    }
}
