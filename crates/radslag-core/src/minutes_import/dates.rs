//! Dates and times as Swedish minutes write them: `2023-02-07`, `230207`,
//! `7 februari 2023`, `7:e feb.`, `7/2 2023`, `7.2.2023`; `kl 10-12`,
//! `klockan 13.15–15`, `10:00 - 12:00`.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// A run of letters and digits, or one other character; spaces are dropped.
/// `start` and `end` are byte offsets into the scanned text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

pub(super) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            run.get_or_insert(i);
            continue;
        }
        if let Some(start) = run.take() {
            out.push(Tok {
                text: &s[start..i],
                start,
                end: i,
            });
        }
        if !c.is_whitespace() {
            let end = i + c.len_utf8();
            out.push(Tok {
                text: &s[i..end],
                start: i,
                end,
            });
        }
    }
    if let Some(start) = run {
        out.push(Tok {
            text: &s[start..],
            start,
            end: s.len(),
        });
    }
    out
}

/// Something found in a text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found<T> {
    pub value: T,
    pub start: usize,
    pub end: usize,
}

/// A day, perhaps without its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DayMonth {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl DayMonth {
    /// The date: in its own year; else the first such day on or after
    /// `after`; else in `reference_year`.
    pub fn resolve(
        self,
        after: Option<NaiveDate>,
        reference_year: Option<i32>,
    ) -> Option<NaiveDate> {
        if let Some(year) = self.year {
            return NaiveDate::from_ymd_opt(year, self.month, self.day);
        }
        if let Some(after) = after {
            // Up to four years on, for a 29 February.
            return (after.year()..after.year() + 5)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, self.month, self.day))
                .find(|d| *d >= after);
        }
        NaiveDate::from_ymd_opt(reference_year?, self.month, self.day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TimeRange {
    pub start: NaiveTime,
    pub end: Option<NaiveTime>,
}

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("maj", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augusti", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn month(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

/// A number of `min..=max` ASCII digits.
fn digits(t: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if ok { t.parse().ok() } else { None }
}

fn valid(year: Option<i32>, month: u32, day: u32) -> Option<DayMonth> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    match year {
        Some(y) if !(1900..=2200).contains(&y) => None,
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(|_| DayMonth { year, month, day }),
        // Any year: 29 February is fine.
        None => NaiveDate::from_ymd_opt(2024, month, day).map(|_| DayMonth { year, month, day }),
    }
}

/// The first date in `s`. `compact` also accepts `230207` and `20230207`,
/// which only a `Datum` label makes safe to read as dates.
pub(super) fn find_date(s: &str, compact: bool) -> Option<Found<DayMonth>> {
    let toks = tokens(s);
    (0..toks.len()).find_map(|i| date_at(&toks, i, compact))
}

fn date_at(t: &[Tok], i: usize, compact: bool) -> Option<Found<DayMonth>> {
    let at = |k: usize| t.get(k).map(|tok| tok.text);
    let adjacent = |k: usize| k + 1 < t.len() && t[k].end == t[k + 1].start;
    let found = |value: DayMonth, last: usize| Found {
        value,
        start: t[i].start,
        end: t[last].end,
    };
    let first = at(i)?;

    // 2023-02-07
    if first.len() == 4
        && at(i + 1) == Some("-")
        && at(i + 3) == Some("-")
        && (i..i + 4).all(adjacent)
    {
        let year = digits(first, 4, 4)? as i32;
        let m = digits(at(i + 2)?, 1, 2)?;
        let d = digits(at(i + 4)?, 1, 2)?;
        return valid(Some(year), m, d).map(|v| found(v, i + 4));
    }
    // 230207, 20230207
    if compact
        && first.bytes().all(|b| b.is_ascii_digit())
        && (first.len() == 6 || first.len() == 8)
    {
        let n = first.len();
        let year = if n == 6 {
            2000 + digits(&first[..2], 2, 2)? as i32
        } else {
            digits(&first[..4], 4, 4)? as i32
        };
        let m = digits(&first[n - 4..n - 2], 2, 2)?;
        let d = digits(&first[n - 2..], 2, 2)?;
        return valid(Some(year), m, d).map(|v| found(v, i));
    }
    let day = digits(first, 1, 2)?;
    // 7/2 2023, 7/2-2023, 7/2/2023, 7/2
    if at(i + 1) == Some("/") && adjacent(i) && adjacent(i + 1) {
        let m = digits(at(i + 2)?, 1, 2)?;
        let year_at = match at(i + 3) {
            Some("/") | Some("-") if adjacent(i + 2) => i + 4,
            _ => i + 3,
        };
        if let Some(y) = at(year_at).and_then(|y| digits(y, 4, 4)) {
            return valid(Some(y as i32), m, day).map(|v| found(v, year_at));
        }
        if let Some(y) = at(year_at)
            .and_then(|y| digits(y, 2, 2))
            .filter(|_| year_at == i + 4)
        {
            return valid(Some(2000 + y as i32), m, day).map(|v| found(v, year_at));
        }
        return valid(None, m, day).map(|v| found(v, i + 2));
    }
    // 7.2.2023
    if at(i + 1) == Some(".") && at(i + 3) == Some(".") && (i..i + 4).all(adjacent) {
        let m = digits(at(i + 2)?, 1, 2)?;
        let y = digits(at(i + 4)?, 4, 4)?;
        return valid(Some(y as i32), m, day).map(|v| found(v, i + 4));
    }
    // 7 februari 2023, 7:e feb. 2023, 7 februari
    let mut k = i + 1;
    if at(k) == Some(":") && matches!(at(k + 1), Some("e" | "a")) {
        k += 2;
    }
    if at(k) == Some(".") {
        k += 1;
    }
    let m = month(at(k)?)?;
    let mut last = k;
    if at(k + 1) == Some(".") && adjacent(k) {
        last = k + 1;
    }
    if let Some(y) = at(last + 1).and_then(|y| digits(y, 4, 4)) {
        return valid(Some(y as i32), m, day).map(|v| found(v, last + 1));
    }
    valid(None, m, day).map(|v| found(v, last))
}

/// The first time or time range in `s` starting at or after byte `from`.
/// `kl`/`klockan` may precede a bare hour; without them a time needs its
/// minutes (`10.00`), unless `bare` (a `Tid` label, a next meeting's line).
pub(super) fn find_times(s: &str, bare: bool, from: usize) -> Option<Found<TimeRange>> {
    let toks = tokens(s);
    (0..toks.len())
        .filter(|&i| toks[i].start >= from)
        .find_map(|i| times_at(&toks, i, bare))
}

fn times_at(t: &[Tok], i: usize, bare: bool) -> Option<Found<TimeRange>> {
    let word = t[i].text.to_lowercase();
    let prefixed = word == "kl" || word == "klockan";
    let mut k = i;
    if prefixed {
        k += 1;
        if t.get(k).map(|t| t.text) == Some(".") {
            k += 1;
        }
    }
    let (start, with_minutes, next) = time_at(t, k)?;
    if !prefixed && !with_minutes && !bare {
        return None;
    }
    let mut range = TimeRange { start, end: None };
    let mut last = next - 1;
    let sep = t.get(next).map(|t| t.text.to_lowercase());
    if matches!(sep.as_deref(), Some("-" | "–" | "—" | "till")) {
        if let Some((end, _, after)) = time_at(t, next + 1) {
            range.end = Some(end);
            last = after - 1;
        }
    } else if !prefixed && !with_minutes {
        // A bare number is an hour only as part of a range.
        return None;
    }
    Some(Found {
        value: range,
        start: t[i].start,
        end: t[last].end,
    })
}

/// An hour with optional minutes at token `k`: the time, whether it had
/// minutes, and the index of the token after it.
fn time_at(t: &[Tok], k: usize) -> Option<(NaiveTime, bool, usize)> {
    let hour = digits(t.get(k)?.text, 1, 2)?;
    let adjacent = |a: usize| a + 1 < t.len() && t[a].end == t[a + 1].start;
    let sep = t.get(k + 1).map(|t| t.text);
    if matches!(sep, Some(":" | "."))
        && adjacent(k)
        && adjacent(k + 1)
        && let Some(minute) = t.get(k + 2).and_then(|m| digits(m.text, 2, 2))
    {
        // Not the start of a date like 11.05.2023.
        let dotted_on = t.get(k + 3).map(|t| t.text) == Some(".")
            && adjacent(k + 2)
            && t.get(k + 4).is_some_and(|d| digits(d.text, 1, 4).is_some());
        if dotted_on {
            return None;
        }
        let time = if hour == 24 && minute == 0 {
            NaiveTime::from_hms_opt(23, 59, 0)
        } else {
            NaiveTime::from_hms_opt(hour, minute, 0)
        };
        return Some((time?, true, k + 3));
    }
    let time = if hour == 24 {
        NaiveTime::from_hms_opt(23, 59, 0)
    } else {
        NaiveTime::from_hms_opt(hour, 0, 0)
    };
    Some((time?, false, k + 1))
}

/// What a `Plats och tid` value holds.
#[derive(Debug, Clone, Default)]
pub(super) struct PlaceAndTime {
    pub place: Option<String>,
    pub date: Option<DayMonth>,
    pub times: Option<TimeRange>,
}

const WEEKDAYS: &[&str] = &[
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "den", "kl", "kl.",
    "klockan",
];

/// `Kommunhuset, Ånge, tisdag 7 februari 2023 kl 10.00–12.00`: the date and
/// times wherever they stand, and the rest (less weekdays) as the place.
pub(super) fn split_place_and_time(value: &str) -> PlaceAndTime {
    let mut out = PlaceAndTime::default();
    let mut place = Vec::new();
    for part in value.split([',', ';']) {
        let date = find_date(part, true);
        let times = find_times(part, true, date.map_or(0, |d| d.end))
            .or_else(|| find_times(part, false, 0));
        if out.date.is_none() {
            out.date = date.map(|d| d.value);
        }
        if out.times.is_none() {
            out.times = times.map(|t| t.value);
        }
        let cut = [date.map(|d| d.start), times.map(|t| t.start)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(part.len());
        let rest: Vec<&str> = part[..cut]
            .split_whitespace()
            .filter(|w| {
                let w = w.to_lowercase();
                !WEEKDAYS.contains(&w.trim_end_matches(['.', ':']))
            })
            .collect();
        if !rest.is_empty() && rest.iter().any(|w| w.chars().any(char::is_alphabetic)) {
            place.push(rest.join(" "));
        }
    }
    if !place.is_empty() {
        out.place = Some(place.join(", "));
    }
    out
}
