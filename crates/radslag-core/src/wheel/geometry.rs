//! The wheel's geometry: a calendar year laid around a circle.
//!
//! **Angles are in degrees**, measured **clockwise from the top** (12 o'clock):
//! 1 January 00:00 is at 0°, and the end of 31 December is at 360°. A day is
//! `360 / 365` degrees wide (`360 / 366` in a leap year). Dates outside the year
//! map linearly to angles below 0 or above 360; the functions that draw clip.
//!
//! Coordinates follow SVG: x to the right, y **downwards**. So angle 0 is
//! `(cx, cy - r)` and 90° is `(cx + r, cy)`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

use crate::time::{MONTH_NAMES_SV, MONTH_SHORT_NAMES_SV};

/// Degrees in a full turn of the wheel.
pub const FULL_TURN: f64 = 360.0;

/// Keeps `year` inside chrono's range, with room for the following year.
fn safe_year(year: i32) -> i32 {
    year.clamp(NaiveDate::MIN.year() + 1, NaiveDate::MAX.year() - 1)
}

/// 1 January of `year`.
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(safe_year(year), 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 365 or 366.
pub fn days_in_year(year: i32) -> u32 {
    let year = safe_year(year);
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// The width of one day of `year`, in degrees.
pub fn day_angle(year: i32) -> f64 {
    FULL_TURN / f64::from(days_in_year(year))
}

/// The angle of the start (00:00) of `date` on the wheel of `year`. Not clipped:
/// a date before the year gives a negative angle, one after it more than 360.
pub fn angle_of(date: NaiveDate, year: i32) -> f64 {
    let days = (date - year_start(year)).num_days();
    days as f64 * day_angle(year)
}

/// The angle of a moment (local time) on the wheel of `year`; not clipped.
pub fn angle_of_datetime(at: NaiveDateTime, year: i32) -> f64 {
    let start = year_start(year).and_hms_opt(0, 0, 0).unwrap_or_default();
    let seconds = (at - start).num_seconds() as f64;
    seconds / 86_400.0 * day_angle(year)
}

/// The angle of the middle (12:00) of `date`, if it lies in `year`. One-day
/// events and the "today" line are drawn here, in the middle of the day's slot.
pub fn day_mid_angle(date: NaiveDate, year: i32) -> Option<f64> {
    (date.year() == year).then(|| angle_of(date, year) + day_angle(year) / 2.0)
}

/// Where today's line goes on the wheel of `year` (the middle of the day), or
/// `None` when today is in another year. `today` is an argument: this crate
/// never reads the clock.
pub fn today_angle(today: NaiveDate, year: i32) -> Option<f64> {
    day_mid_angle(today, year)
}

/// The date whose slot holds `angle` on the wheel of `year` (for clicks on the
/// wheel). The angle is taken modulo 360.
pub fn date_at_angle(angle: f64, year: i32) -> NaiveDate {
    let a = if angle.is_finite() {
        angle.rem_euclid(FULL_TURN)
    } else {
        0.0
    };
    let days = days_in_year(year);
    let day = ((a / day_angle(year)).floor() as u32).min(days - 1);
    year_start(year) + Duration::days(i64::from(day))
}

/// The angle (degrees clockwise from the top, `0.0..360.0`) of the point
/// `(x, y)` seen from the centre `(cx, cy)`.
pub fn angle_of_point(cx: f64, cy: f64, x: f64, y: f64) -> f64 {
    let a = (x - cx).atan2(cy - y).to_degrees();
    a.rem_euclid(FULL_TURN)
}

/// A stretch of days on the wheel of one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct YearArc {
    /// Degrees, `0.0..=360.0`.
    pub start_angle: f64,
    /// Degrees, `start_angle..=360.0`.
    pub end_angle: f64,
    /// The event starts in an earlier year and was cut at 1 January.
    pub clipped_start: bool,
    /// The event ends in a later year and was cut at the end of 31 December.
    pub clipped_end: bool,
}

impl YearArc {
    /// The arc's size in degrees.
    pub fn span(&self) -> f64 {
        self.end_angle - self.start_angle
    }

    pub fn mid_angle(&self) -> f64 {
        (self.start_angle + self.end_angle) / 2.0
    }
}

/// The arc of the days `start..=end_inclusive` (from the start of `start` to
/// the end of `end_inclusive`) on the wheel of `year`, clipped to the year, or
/// `None` when the days lie wholly outside it. An `end_inclusive` before
/// `start` is read as a one-day event.
pub fn arc_of(start: NaiveDate, end_inclusive: NaiveDate, year: i32) -> Option<YearArc> {
    let end_inclusive = end_inclusive.max(start);
    if start.year() > year || end_inclusive.year() < year {
        return None;
    }
    let a0 = angle_of(start, year);
    let a1 = angle_of(end_inclusive, year) + day_angle(year);
    Some(YearArc {
        start_angle: a0.max(0.0),
        end_angle: a1.min(FULL_TURN),
        clipped_start: start.year() < year,
        clipped_end: end_inclusive.year() > year,
    })
}

/// One month's sector of the wheel.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthSector {
    /// 1..=12.
    pub month: u32,
    /// "januari".."december".
    pub name: &'static str,
    /// "jan".."dec".
    pub short_name: &'static str,
    pub start_angle: f64,
    pub end_angle: f64,
}

impl MonthSector {
    /// The middle of the sector, e.g. for its label.
    pub fn mid_angle(&self) -> f64 {
        (self.start_angle + self.end_angle) / 2.0
    }
}

/// The twelve months of `year` as sectors, January first; they tile 0..360.
pub fn month_sectors(year: i32) -> Vec<MonthSector> {
    let year = safe_year(year);
    (1..=12u32)
        .map(|month| {
            let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
            let end = if month == 12 {
                FULL_TURN
            } else {
                let next = NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap_or_default();
                angle_of(next, year)
            };
            let i = (month - 1) as usize;
            MonthSector {
                month,
                name: MONTH_NAMES_SV[i],
                short_name: MONTH_SHORT_NAMES_SV[i],
                start_angle: angle_of(first, year),
                end_angle: end,
            }
        })
        .collect()
}

/// The point at radius `r` and `angle` (degrees clockwise from the top) around
/// `(cx, cy)`, in SVG coordinates (y downwards).
pub fn polar_to_xy(cx: f64, cy: f64, r: f64, angle: f64) -> (f64, f64) {
    let rad = angle.to_radians();
    (cx + r * rad.sin(), cy - r * rad.cos())
}

/// A number for SVG path data: at most three decimals, no trailing zeros, no
/// "-0".
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

fn push_point(out: &mut String, cmd: &str, (x, y): (f64, f64)) {
    let _ = write!(out, "{cmd}{} {} ", fmt_num(x), fmt_num(y));
}

fn push_arc(out: &mut String, r: f64, large: bool, clockwise: bool, to: (f64, f64)) {
    let _ = write!(
        out,
        "A{} {} 0 {} {} {} {} ",
        fmt_num(r),
        fmt_num(r),
        u8::from(large),
        u8::from(clockwise),
        fmt_num(to.0),
        fmt_num(to.1)
    );
}

/// Within this many degrees of a full turn, an arc is drawn as a full ring.
const FULL_RING_EPSILON: f64 = 1e-6;

/// SVG path data for the annular sector between radii `r_inner` and `r_outer`
/// from angle `a0` clockwise to `a1` (degrees). Spans over 180° set the
/// large-arc flag; a span of 360° or more gives a whole ring (two circles, the
/// inner one drawn the other way round, so the hole stays empty under both
/// fill rules). With `r_inner <= 0` the shape is a pie slice (or a disc).
/// Swapped angles are put in order; an empty span gives an empty string.
pub fn ring_arc_path(cx: f64, cy: f64, r_inner: f64, r_outer: f64, a0: f64, a1: f64) -> String {
    if !(a0.is_finite() && a1.is_finite() && r_inner.is_finite() && r_outer.is_finite()) {
        return String::new();
    }
    let (a0, a1) = if a1 < a0 { (a1, a0) } else { (a0, a1) };
    let (r_inner, r_outer) = if r_outer < r_inner {
        (r_outer, r_inner)
    } else {
        (r_inner, r_outer)
    };
    let span = a1 - a0;
    if span <= 0.0 || r_outer <= 0.0 {
        return String::new();
    }
    let mut d = String::with_capacity(160);
    if span >= FULL_TURN - FULL_RING_EPSILON {
        // Two half circles outside (clockwise) ...
        push_point(&mut d, "M", polar_to_xy(cx, cy, r_outer, 0.0));
        push_arc(
            &mut d,
            r_outer,
            false,
            true,
            polar_to_xy(cx, cy, r_outer, 180.0),
        );
        push_arc(
            &mut d,
            r_outer,
            false,
            true,
            polar_to_xy(cx, cy, r_outer, 0.0),
        );
        d.push_str("Z ");
        // ... and, for a ring, two inside (anticlockwise) for the hole.
        if r_inner > 0.0 {
            push_point(&mut d, "M", polar_to_xy(cx, cy, r_inner, 0.0));
            push_arc(
                &mut d,
                r_inner,
                false,
                false,
                polar_to_xy(cx, cy, r_inner, 180.0),
            );
            push_arc(
                &mut d,
                r_inner,
                false,
                false,
                polar_to_xy(cx, cy, r_inner, 0.0),
            );
            d.push_str("Z ");
        }
    } else {
        let large = span > 180.0;
        push_point(&mut d, "M", polar_to_xy(cx, cy, r_outer, a0));
        push_arc(
            &mut d,
            r_outer,
            large,
            true,
            polar_to_xy(cx, cy, r_outer, a1),
        );
        if r_inner > 0.0 {
            push_point(&mut d, "L", polar_to_xy(cx, cy, r_inner, a1));
            push_arc(
                &mut d,
                r_inner,
                large,
                false,
                polar_to_xy(cx, cy, r_inner, a0),
            );
        } else {
            push_point(&mut d, "L", (cx, cy));
        }
        d.push_str("Z ");
    }
    d.truncate(d.trim_end().len());
    d
}

/// A dot for a one-day event: centred in its band at the event's angle.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    pub angle: f64,
    /// The centre, in SVG coordinates.
    pub x: f64,
    pub y: f64,
    /// The dot's radius.
    pub r: f64,
}

/// The marker of a one-day event at `angle` in the band between `r_inner` and
/// `r_outer`: centred between them, with a radius of 40% of the band's width
/// (so it fits inside the band with a margin).
pub fn point_marker(cx: f64, cy: f64, r_inner: f64, r_outer: f64, angle: f64) -> Marker {
    let mid = (r_inner + r_outer) / 2.0;
    let (x, y) = polar_to_xy(cx, cy, mid, angle);
    Marker {
        angle,
        x,
        y,
        r: ((r_outer - r_inner).abs() * 0.4).max(0.5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn dates_map_to_angles() {
        assert_eq!(angle_of(d(2023, 1, 1), 2023), 0.0);
        assert!(close(angle_of(d(2023, 7, 1), 2023), 181.0 / 365.0 * 360.0));
        // Leap year: 1 July 2024 is day 182 of 366.
        assert!(close(angle_of(d(2024, 7, 1), 2024), 182.0 / 366.0 * 360.0));
        assert!(close(angle_of(d(2024, 3, 1), 2024), 60.0 / 366.0 * 360.0));
        assert!(close(angle_of(d(2023, 3, 1), 2023), 59.0 / 365.0 * 360.0));
        assert!(close(
            angle_of(d(2023, 12, 31), 2023),
            364.0 / 365.0 * 360.0
        ));
        // The start of next year is the full turn; outside dates are unclipped.
        assert!(close(angle_of(d(2024, 1, 1), 2023), 360.0));
        assert!(angle_of(d(2022, 12, 31), 2023) < 0.0);
        assert_eq!(days_in_year(2024), 366);
        assert_eq!(days_in_year(2023), 365);
        assert_eq!(days_in_year(1900), 365);
        assert_eq!(days_in_year(2000), 366);
    }

    #[test]
    fn datetimes_and_today() {
        let noon = d(2023, 1, 2).and_hms_opt(12, 0, 0).unwrap();
        assert!(close(angle_of_datetime(noon, 2023), 1.5 * 360.0 / 365.0));
        assert!(close(
            today_angle(d(2023, 1, 1), 2023).unwrap(),
            0.5 * 360.0 / 365.0
        ));
        assert_eq!(today_angle(d(2024, 1, 1), 2023), None);
        let dec31 = today_angle(d(2024, 12, 31), 2024).unwrap();
        assert!(dec31 < 360.0 && dec31 > 359.0);
    }

    #[test]
    fn angles_back_to_dates() {
        for date in d(2024, 1, 1).iter_days().take(366) {
            assert_eq!(
                date_at_angle(day_mid_angle(date, 2024).unwrap(), 2024),
                date
            );
            assert_eq!(date_at_angle(angle_of(date, 2024) + 1e-9, 2024), date);
        }
        assert_eq!(date_at_angle(360.0, 2023), d(2023, 1, 1));
        assert_eq!(date_at_angle(-0.1, 2023), d(2023, 12, 31));
        assert!(close(angle_of_point(100.0, 100.0, 100.0, 0.0), 0.0));
        assert!(close(angle_of_point(100.0, 100.0, 200.0, 100.0), 90.0));
        assert!(close(angle_of_point(100.0, 100.0, 100.0, 200.0), 180.0));
        assert!(close(angle_of_point(100.0, 100.0, 0.0, 100.0), 270.0));
    }

    #[test]
    fn arcs_are_clipped_to_the_year() {
        // End of summer meet 25–27 August 2023: three days.
        let a = arc_of(d(2023, 8, 25), d(2023, 8, 27), 2023).unwrap();
        assert!(close(a.start_angle, angle_of(d(2023, 8, 25), 2023)));
        assert!(close(a.span(), 3.0 * 360.0 / 365.0));
        assert!(!a.clipped_start && !a.clipped_end);

        // Over new year, seen from either year.
        let a = arc_of(d(2022, 12, 20), d(2023, 1, 5), 2023).unwrap();
        assert_eq!(a.start_angle, 0.0);
        assert!(close(a.end_angle, 5.0 * 360.0 / 365.0));
        assert!(a.clipped_start && !a.clipped_end);
        let a = arc_of(d(2022, 12, 20), d(2023, 1, 5), 2022).unwrap();
        assert!(close(a.start_angle, angle_of(d(2022, 12, 20), 2022)));
        assert_eq!(a.end_angle, 360.0);
        assert!(!a.clipped_start && a.clipped_end);

        // Wholly outside.
        assert_eq!(arc_of(d(2022, 12, 20), d(2022, 12, 31), 2023), None);
        assert_eq!(arc_of(d(2024, 1, 1), d(2024, 1, 2), 2023), None);

        // Over the whole year and beyond.
        let a = arc_of(d(2022, 6, 1), d(2024, 6, 1), 2023).unwrap();
        assert_eq!((a.start_angle, a.end_angle), (0.0, 360.0));
        assert!(a.clipped_start && a.clipped_end);

        // Reversed dates count as one day.
        let a = arc_of(d(2023, 5, 26), d(2023, 5, 1), 2023).unwrap();
        assert!(close(a.span(), 360.0 / 365.0));
    }

    #[test]
    fn month_sectors_tile_the_year() {
        let months = month_sectors(2024);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].name, "januari");
        assert_eq!(months[4].name, "maj");
        assert_eq!(months[7].short_name, "aug");
        assert_eq!(months[11].name, "december");
        assert_eq!(months[0].start_angle, 0.0);
        assert_eq!(months[11].end_angle, 360.0);
        for w in months.windows(2) {
            assert_eq!(w[0].end_angle, w[1].start_angle);
        }
        // February in a leap year is 29 days.
        assert!(close(
            months[1].end_angle - months[1].start_angle,
            29.0 * 360.0 / 366.0
        ));
        let months = month_sectors(2023);
        assert!(close(
            months[1].end_angle - months[1].start_angle,
            28.0 * 360.0 / 365.0
        ));
        assert!(close(months[6].start_angle, 181.0 / 365.0 * 360.0));
    }

    #[test]
    fn polar_coordinates_run_clockwise_from_the_top() {
        let (x, y) = polar_to_xy(100.0, 100.0, 50.0, 0.0);
        assert!(close(x, 100.0) && close(y, 50.0));
        let (x, y) = polar_to_xy(100.0, 100.0, 50.0, 90.0);
        assert!(close(x, 150.0) && close(y, 100.0));
        let (x, y) = polar_to_xy(100.0, 100.0, 50.0, 180.0);
        assert!(close(x, 100.0) && close(y, 150.0));
        let (x, y) = polar_to_xy(100.0, 100.0, 50.0, 270.0);
        assert!(close(x, 50.0) && close(y, 100.0));
    }

    #[test]
    fn numbers_for_paths() {
        assert_eq!(fmt_num(1.0), "1");
        assert_eq!(fmt_num(1.25), "1.25");
        assert_eq!(fmt_num(-0.0001), "0");
        assert_eq!(fmt_num(2.0 / 3.0), "0.667");
        assert_eq!(fmt_num(f64::NAN), "0");
    }

    #[test]
    fn ring_arc_paths() {
        // A quarter: small arc outside clockwise, inside back anticlockwise.
        let p = ring_arc_path(100.0, 100.0, 50.0, 90.0, 0.0, 90.0);
        assert_eq!(
            p,
            "M100 10 A90 90 0 0 1 190 100 L150 100 A50 50 0 0 0 100 50 Z"
        );
        // Over 180 degrees sets the large-arc flag on both arcs.
        let p = ring_arc_path(100.0, 100.0, 50.0, 90.0, 0.0, 270.0);
        assert_eq!(
            p,
            "M100 10 A90 90 0 1 1 10 100 L50 100 A50 50 0 1 0 100 50 Z"
        );
        // Exactly 180 degrees is not large.
        let p = ring_arc_path(100.0, 100.0, 50.0, 90.0, 90.0, 270.0);
        assert!(p.contains("A90 90 0 0 1"), "{p}");
        // Swapped angles give the same path.
        assert_eq!(
            ring_arc_path(100.0, 100.0, 50.0, 90.0, 90.0, 0.0),
            ring_arc_path(100.0, 100.0, 50.0, 90.0, 0.0, 90.0)
        );
        // A full ring: two closed subpaths, the inner one anticlockwise.
        let p = ring_arc_path(100.0, 100.0, 50.0, 90.0, 0.0, 360.0);
        assert_eq!(
            p,
            "M100 10 A90 90 0 0 1 100 190 A90 90 0 0 1 100 10 Z \
             M100 50 A50 50 0 0 0 100 150 A50 50 0 0 0 100 50 Z"
        );
        // A disc and a pie slice.
        let p = ring_arc_path(100.0, 100.0, 0.0, 90.0, 0.0, 360.0);
        assert_eq!(p, "M100 10 A90 90 0 0 1 100 190 A90 90 0 0 1 100 10 Z");
        let p = ring_arc_path(100.0, 100.0, 0.0, 90.0, 0.0, 90.0);
        assert_eq!(p, "M100 10 A90 90 0 0 1 190 100 L100 100 Z");
        // Nothing to draw.
        assert_eq!(ring_arc_path(100.0, 100.0, 50.0, 90.0, 10.0, 10.0), "");
        assert_eq!(ring_arc_path(100.0, 100.0, 50.0, 90.0, f64::NAN, 10.0), "");
    }

    #[test]
    fn markers_sit_in_the_middle_of_their_band() {
        let m = point_marker(100.0, 100.0, 50.0, 90.0, 90.0);
        assert!(close(m.x, 170.0) && close(m.y, 100.0));
        assert!(close(m.r, 16.0));
        assert_eq!(m.angle, 90.0);
    }
}
