//! iCalendar (RFC 5545) export of wheel events, for Outlook, Google Calendar
//! and the rest.
//!
//! The output stays on the conservative side of the standard, since Outlook and
//! Google Calendar are picky: CRLF line endings, lines folded at 75 octets
//! (never inside a UTF-8 character), `FREQ` first in every `RRULE`, one
//! `EXDATE` per line, all-day events as `VALUE=DATE` with an exclusive `DTEND`,
//! and timed events in `Europe/Stockholm` with the zone spelled out in a
//! `VTIMEZONE` (CET/CEST with the EU rules since 1996).
//!
//! Repeats use only the recurrence rules that Outlook, Google Calendar and
//! Apple Calendar all read and can show as the same series:
//! `FREQ=WEEKLY|MONTHLY|YEARLY` with `INTERVAL`, one `BYDAY` weekday, one
//! positive `BYMONTHDAY`, one `BYMONTH`, and `COUNT` or `UNTIL` (see
//! [`rrule_value`]). Outlook cannot hold `BYWEEKNO`, `BYSETPOS`,
//! `BYYEARDAY` or negative `BYMONTHDAY`, and drops or refuses `RDATE`s that
//! do not move an instance, so a rule with no exact rule in that subset is
//! written as one `VEVENT` per occurrence instead ([`expanded`]): every year
//! in an ISO week ("vecka 40"), a monthly event on the 29th–31st that moves to
//! the last day of shorter months, and a yearly one on 29 February. They run
//! from the first occurrence through [`EXPAND_YEARS`] years after the later
//! of the file's date and that first occurrence, and each has the UID
//! `<uid>-<YYYYMMDD>@…` of its (unchanging) start date.

use super::category::Category;
use super::recurrence::{Frequency, Recurrence, expand};
use crate::model::WheelEvent;
use crate::time::stockholm_to_utc;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// The time zone of timed events.
pub const TZID: &str = "Europe/Stockholm";

/// Identifies the program that made the file.
pub const PRODID: &str = "-//Radslag//Arshjul 1.0//SV";

/// Appended to UIDs without an `@`, to make them globally unique.
pub const UID_DOMAIN: &str = "radslag";

/// A rule with no exact Outlook-safe RRULE is written out occurrence by
/// occurrence through 31 December of the year this many years after the later
/// of the file's date ([`to_ics`]'s `dtstamp`) and the first occurrence. Ten
/// years covers any plan made on the wheel with room to spare, and a
/// subscribed feed moves the horizon on by itself as it is fetched again;
/// the cost is at most twelve small `VEVENT`s a year for a monthly event.
pub const EXPAND_YEARS: i32 = 10;

/// Timed events without an end time last this long.
pub const DEFAULT_DURATION_MINUTES: i64 = 60;

/// The longest content line, in octets (excluding CRLF).
const MAX_LINE_OCTETS: usize = 75;

/// The VTIMEZONE for Europe/Stockholm: CET (+01:00) in winter, CEST (+02:00)
/// from the last Sunday of March (02:00 local) to the last Sunday of October
/// (03:00 local). 1970-03-29 and 1970-10-25 were such Sundays.
const VTIMEZONE_STOCKHOLM: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "X-LIC-LOCATION:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// One event to export.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IcsEvent {
    /// Stable per event (e.g. the wheel event's id), so that importing the
    /// file again updates rather than duplicates. `@radslag` is added when it
    /// has no `@`.
    pub uid: String,
    pub title: String,
    /// Left out when empty.
    pub description: String,
    pub start: NaiveDate,
    /// The last day; equal to `start` for a one-day event.
    pub end_inclusive: NaiveDate,
    /// With a start time the event is timed (Europe/Stockholm); without, it
    /// is an all-day event.
    pub start_time: Option<NaiveTime>,
    /// The end time on `end_inclusive`; without it a timed event lasts
    /// [`DEFAULT_DURATION_MINUTES`].
    pub end_time: Option<NaiveTime>,
    pub location: Option<String>,
    pub categories: Vec<String>,
    pub rrule: Option<Recurrence>,
    pub url: Option<String>,
}

impl IcsEvent {
    /// An all-day event over `start..=end_inclusive`.
    pub fn all_day(uid: &str, title: &str, start: NaiveDate, end_inclusive: NaiveDate) -> Self {
        IcsEvent {
            uid: uid.to_owned(),
            title: title.to_owned(),
            start,
            end_inclusive,
            ..Default::default()
        }
    }

    /// A timed event on one day.
    pub fn timed(
        uid: &str,
        title: &str,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Self {
        IcsEvent {
            uid: uid.to_owned(),
            title: title.to_owned(),
            start: date,
            end_inclusive: date,
            start_time: Some(start),
            end_time: Some(end),
            ..Default::default()
        }
    }

    /// The export of a wheel event (all-day, with its category's name and its
    /// recurrence), or `None` when it has no start date. A recurrence that
    /// cannot be read is left out.
    pub fn from_wheel_event(event: &WheelEvent, categories: &[Category]) -> Option<Self> {
        let start = event.start?;
        let category = event
            .category
            .as_ref()
            .and_then(|id| categories.iter().find(|c| &c.id == id))
            .map(|c| c.name.clone());
        Some(IcsEvent {
            uid: event.id.to_string(),
            title: event.title.clone(),
            description: event.notes.clone(),
            start,
            end_inclusive: event.end.unwrap_or(start).max(start),
            categories: category.into_iter().collect(),
            rrule: Recurrence::from_json(&event.recurrence).ok().flatten(),
            ..Default::default()
        })
    }

    fn is_timed(&self) -> bool {
        self.start_time.is_some()
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// newlines; other control characters are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A non-TEXT value such as a UID: control characters (which would break the
/// line) dropped, nothing escaped.
fn clean_value(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// A URI value: surrounding space trimmed, control characters dropped, and
/// characters a URI may not hold (non-ASCII, space, `"<>\^`{|}`) written as
/// UTF-8 percent escapes. Existing escapes are kept.
pub fn clean_uri(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.trim().chars().filter(|c| !c.is_control()) {
        if c.is_ascii()
            && !matches!(
                c,
                ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
            )
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): no physical line longer than 75
/// octets, continuation lines start with a space, and a UTF-8 character is
/// never split. Lines are joined with CRLF; no CRLF at the end.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out
}

fn fmt_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn fmt_local(dt: NaiveDateTime) -> String {
    format!("{}T{}", fmt_date(dt.date()), dt.format("%H%M%S"))
}

fn fmt_utc(dt: NaiveDateTime) -> String {
    format!("{}Z", fmt_local(dt))
}

fn byday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The rule without its exceptions: what the RRULE alone generates.
fn bare(rule: &Recurrence) -> Recurrence {
    Recurrence {
        exceptions: Vec::new(),
        ..rule.clone()
    }
}

/// The days in `month` (1..=12) in a year that is not a leap year.
fn short_month_days(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The value of an RRULE that generates exactly what `rule` does, with
/// DTSTART on `dtstart` (which must be the rule's first occurrence), at
/// `time` for a timed event — or `None` when no rule in the subset Outlook,
/// Google Calendar and Apple Calendar all read says it exactly; then the
/// occurrences are written out one by one ([`expanded`]).
///
/// The subset: `FREQ` (`WEEKLY`, `MONTHLY` or `YEARLY`) first, then
/// `INTERVAL` when over 1, one `BYDAY` weekday, one `BYMONTH`, one positive
/// `BYMONTHDAY`, and `COUNT` or `UNTIL`. Never `BYWEEKNO`, `BYSETPOS`,
/// `BYYEARDAY`, a negative `BYMONTHDAY` or `WKST`.
pub fn rrule_value(
    rule: &Recurrence,
    dtstart: NaiveDate,
    time: Option<NaiveTime>,
) -> Option<String> {
    let mut parts: Vec<String> = Vec::with_capacity(6);
    let interval = rule.effective_interval();
    let (month, day) = (dtstart.month(), dtstart.day());
    match rule.freq {
        Frequency::Weekly => parts.push("FREQ=WEEKLY".into()),
        Frequency::Monthly => {
            // The rule moves the 29th–31st to the last day of a shorter
            // month; RRULE BYMONTHDAY skips such months instead. Exact only
            // when every month the rule reaches is long enough (checked over
            // one twelve-month cycle, February as 28 days).
            let too_short = (0..12u64).any(|k| {
                let m = (u64::from(month - 1) + k * u64::from(interval)) % 12;
                short_month_days(m as u32 + 1) < day
            });
            if day > 28 && too_short {
                return None;
            }
            parts.push("FREQ=MONTHLY".into());
        }
        Frequency::Yearly => {
            // 29 February moves to the 28th in other years.
            if (month, day) == (2, 29) {
                return None;
            }
            parts.push("FREQ=YEARLY".into());
        }
        // ISO week numbers have no rule Outlook can hold.
        Frequency::IsoWeekYearly => return None,
    }
    if interval > 1 {
        parts.push(format!("INTERVAL={interval}"));
    }
    match rule.freq {
        Frequency::Weekly => parts.push(format!("BYDAY={}", byday(dtstart.weekday()))),
        Frequency::Monthly => parts.push(format!("BYMONTHDAY={day}")),
        Frequency::Yearly => {
            parts.push(format!("BYMONTH={month}"));
            parts.push(format!("BYMONTHDAY={day}"));
        }
        Frequency::IsoWeekYearly => {}
    }
    // COUNT and UNTIL must not both be given: keep whichever ends it first.
    let until_first = match (rule.count, rule.until) {
        (Some(count), Some(until)) => {
            let before_until = expand(dtstart, dtstart, &bare(rule), dtstart, until).len();
            before_until < count as usize
        }
        (None, Some(_)) => true,
        _ => false,
    };
    if until_first {
        if let Some(until) = rule.until {
            match time {
                None => parts.push(format!("UNTIL={}", fmt_date(until))),
                Some(_) => {
                    let last = until.and_hms_opt(23, 59, 59).unwrap_or_default();
                    parts.push(format!("UNTIL={}", fmt_utc(stockholm_to_utc(last))));
                }
            }
        }
    } else if let Some(count) = rule.count {
        parts.push(format!("COUNT={count}"));
    }
    Some(parts.join(";"))
}

/// The last day written out for a rule without an exact RRULE whose first
/// occurrence is `first`, in a file made on `today`: 31 December
/// [`EXPAND_YEARS`] years after the later of the two.
pub fn expansion_end(first: NaiveDate, today: NaiveDate) -> NaiveDate {
    let year = first
        .year()
        .max(today.year())
        .saturating_add(EXPAND_YEARS)
        .min(9998);
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The occurrences `(start, end_inclusive)` written out for an event first
/// held `start..=end_inclusive` repeating by `rule` (excepted dates left out),
/// in a file made on `today`: from the first through [`expansion_end`].
pub fn expanded(
    start: NaiveDate,
    end_inclusive: NaiveDate,
    rule: &Recurrence,
    today: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    let Some(first) = bare(rule).first_occurrence(start) else {
        return Vec::new();
    };
    expand(
        start,
        end_inclusive,
        rule,
        start,
        expansion_end(first, today),
    )
}

/// Writes content lines, folded, with CRLF.
struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, line: &str) {
        self.out.push_str(&fold_line(line));
        self.out.push_str("\r\n");
    }

    fn prop(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn text(&mut self, name: &str, value: &str) {
        self.prop(name, &escape_text(value));
    }
}

/// Whether chrono formats the date with a plain four-digit year.
fn in_ics_range(d: NaiveDate) -> bool {
    (1..=9998).contains(&d.year())
}

/// The UID of an event, or of its occurrence on `on` when its rule is written
/// out occurrence by occurrence: `<uid>-<YYYYMMDD>`. `@radslag` is added when
/// it has no `@`.
fn event_uid(uid: &str, on: Option<NaiveDate>) -> String {
    let uid = clean_value(uid.trim());
    let (local, domain) = uid.rsplit_once('@').unwrap_or((&uid, UID_DOMAIN));
    match on {
        None => format!("{local}@{domain}"),
        Some(date) => format!("{local}-{}@{domain}", fmt_date(date)),
    }
}

/// Writes an event: one `VEVENT` with an `RRULE` when its rule has an exact
/// Outlook-safe one, else one `VEVENT` per occurrence through
/// [`expansion_end`].
fn write_event(w: &mut Writer, ev: &IcsEvent, dtstamp: &str, today: NaiveDate) {
    let start = ev.start;
    let end_inclusive = ev.end_inclusive.max(ev.start);
    let Some(rule) = ev.rrule.as_ref() else {
        write_vevent(
            w,
            ev,
            dtstamp,
            &event_uid(&ev.uid, None),
            (start, end_inclusive),
            None,
        );
        return;
    };
    // DTSTART must be the first occurrence (for a yearly-in-a-week rule it
    // can be later than the event's first date). No occurrence: no event.
    let Some(first) = bare(rule).first_occurrence(start) else {
        return;
    };
    let span = (first, end_inclusive + (first - start));
    match rrule_value(rule, first, ev.start_time) {
        Some(rrule) => {
            let uid = event_uid(&ev.uid, None);
            write_vevent(w, ev, dtstamp, &uid, span, Some((rule, rrule)));
        }
        None => {
            for (s, e) in expanded(start, end_inclusive, rule, today) {
                let uid = event_uid(&ev.uid, Some(s));
                write_vevent(w, ev, dtstamp, &uid, (s, e), None);
            }
        }
    }
}

/// One `VEVENT` held `start..=end_inclusive` (the first occurrence when it
/// repeats by `repeat`'s rule and RRULE value).
fn write_vevent(
    w: &mut Writer,
    ev: &IcsEvent,
    dtstamp: &str,
    uid: &str,
    (start, end_inclusive): (NaiveDate, NaiveDate),
    repeat: Option<(&Recurrence, String)>,
) {
    if !in_ics_range(start) || !in_ics_range(end_inclusive) {
        return;
    }

    w.line("BEGIN:VEVENT");
    w.prop("UID", uid);
    w.prop("DTSTAMP", dtstamp);
    match ev.start_time {
        None => {
            w.prop("DTSTART;VALUE=DATE", &fmt_date(start));
            w.prop(
                "DTEND;VALUE=DATE",
                &fmt_date(end_inclusive + Duration::days(1)),
            );
        }
        Some(t0) => {
            let dt0 = start.and_time(t0);
            let mut dt1 = end_inclusive.and_time(ev.end_time.unwrap_or(t0));
            if dt1 <= dt0 {
                dt1 = dt0 + Duration::minutes(DEFAULT_DURATION_MINUTES);
            }
            w.prop(&format!("DTSTART;TZID={TZID}"), &fmt_local(dt0));
            w.prop(&format!("DTEND;TZID={TZID}"), &fmt_local(dt1));
        }
    }
    if let Some((rule, rrule)) = repeat {
        w.prop("RRULE", &rrule);
        let mut exceptions: Vec<NaiveDate> = rule.exceptions.clone();
        crate::order::sort(&mut exceptions);
        exceptions.dedup();
        let generated = bare(rule);
        for ex in exceptions {
            // Only dates the rule really generates.
            let hit = expand(start, start, &generated, ex, ex)
                .iter()
                .any(|o| o.0 == ex);
            if !hit {
                continue;
            }
            match ev.start_time {
                None => w.prop("EXDATE;VALUE=DATE", &fmt_date(ex)),
                Some(t0) => w.prop(&format!("EXDATE;TZID={TZID}"), &fmt_local(ex.and_time(t0))),
            }
        }
    }
    w.text("SUMMARY", &ev.title);
    if !ev.description.trim().is_empty() {
        w.text("DESCRIPTION", &ev.description);
    }
    if let Some(location) = ev.location.as_deref().filter(|l| !l.trim().is_empty()) {
        w.text("LOCATION", location);
    }
    let categories: Vec<String> = ev
        .categories
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| escape_text(c))
        .collect();
    if !categories.is_empty() {
        w.prop("CATEGORIES", &categories.join(","));
    }
    if let Some(url) = ev.url.as_deref().map(clean_uri).filter(|u| !u.is_empty()) {
        w.prop("URL", &url);
    }
    if !ev.is_timed() {
        // All-day entries on the wheel do not block anyone's calendar.
        w.prop("TRANSP", "TRANSPARENT");
    }
    w.line("END:VEVENT");
}

/// The calendar `calendar_name` with `events`, as an `.ics` file's text.
/// `dtstamp` is when the file is made (an argument: this crate never reads
/// the clock); rules written out occurrence by occurrence run to
/// [`expansion_end`] counted from it.
pub fn to_ics(calendar_name: &str, events: &[IcsEvent], dtstamp: DateTime<Utc>) -> String {
    let mut w = Writer {
        out: String::with_capacity(512 + events.len() * 400),
    };
    let stamp = fmt_utc(dtstamp.naive_utc());
    w.line("BEGIN:VCALENDAR");
    w.prop("VERSION", "2.0");
    w.prop("PRODID", PRODID);
    w.prop("CALSCALE", "GREGORIAN");
    w.prop("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", calendar_name);
    w.prop("X-WR-TIMEZONE", TZID);
    if events.iter().any(IcsEvent::is_timed) {
        for line in VTIMEZONE_STOCKHOLM {
            w.line(line);
        }
    }
    let today = dtstamp.date_naive();
    for ev in events {
        write_event(&mut w, ev, &stamp, today);
    }
    w.line("END:VCALENDAR");
    w.out
}

#[cfg(test)]
mod tests {
    use super::super::recurrence::RepeatKind;
    use super::*;
    use chrono::TimeZone;
    use icalendar::parser::{read_calendar, unfold};
    use icalendar::{CalendarDateTime, Component as _, DatePerhapsTime, EventLike as _};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2023, 5, 1, 8, 0, 0).unwrap()
    }

    /// The small fixture: Kulturnatten, End of summer meet, two meetings on one
    /// day and a campaign in week 40 every year.
    fn fixture() -> Vec<IcsEvent> {
        vec![
            IcsEvent {
                description:
                    "Öppet hus i hela stan.\nKlara-gruppen har ett bord; ta med flyers, affischer"
                        .into(),
                location: Some("Torget, Ånge".into()),
                categories: vec!["Evenemang".into()],
                url: Some("https://example.org/kulturnatten?år=2023&a=1,2".into()),
                ..IcsEvent::all_day(
                    "kulturnatten-2023",
                    "Kulturnatten",
                    d(2023, 5, 26),
                    d(2023, 5, 26),
                )
            },
            IcsEvent {
                categories: vec!["Evenemang".into()],
                ..IcsEvent::all_day(
                    "eosm-2023",
                    "End of summer meet",
                    d(2023, 8, 25),
                    d(2023, 8, 27),
                )
            },
            IcsEvent {
                location: Some("Kommunhuset, sal Ljungan".into()),
                categories: vec!["Möten".into()],
                ..IcsEvent::timed(
                    "mote-1",
                    "Trygghetsrådet: möte, planering; budget",
                    d(2023, 5, 11),
                    t(10, 0),
                    t(12, 0),
                )
            },
            IcsEvent {
                categories: vec!["Möten".into()],
                ..IcsEvent::timed(
                    "mote-2@example.org",
                    "Klara-gruppen",
                    d(2023, 5, 11),
                    t(13, 0),
                    t(15, 0),
                )
            },
            IcsEvent {
                categories: vec!["Kampanjveckor".into(), "Klara-gruppen".into()],
                rrule: Some(Recurrence::in_iso_week_every_year(40).with_exception(d(2025, 9, 29))),
                ..IcsEvent::all_day(
                    "kampanj-v40",
                    "Kampanjvecka mot droger",
                    d(2023, 10, 2),
                    d(2023, 10, 8),
                )
            },
        ]
    }

    fn lines(ics: &str) -> Vec<&str> {
        ics.split("\r\n").collect()
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\th\u{7}i"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng hi"
        );
        assert_eq!(escape_text("Ånge: möte"), "Ånge: möte");
    }

    #[test]
    fn uris_are_cleaned() {
        assert_eq!(
            clean_uri(" https://x.se/a b?q=\"å\"%20\n "),
            "https://x.se/a%20b?q=%22%C3%A5%22%20"
        );
        assert_eq!(
            clean_uri("https://teams.microsoft.com/l/meetup-join/19%3a"),
            "https://teams.microsoft.com/l/meetup-join/19%3a"
        );
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let exact = "X".repeat(75);
        assert_eq!(fold_line(&exact), exact);
        let folded = fold_line(&"X".repeat(76));
        assert_eq!(folded, format!("{}\r\n X", "X".repeat(75)));

        for text in [
            "DESCRIPTION:".to_owned() + &"abc ".repeat(60),
            "SUMMARY:".to_owned() + &"å".repeat(100),
            "SUMMARY:x".to_owned() + &"ä€🎉".repeat(40),
            "X:".to_owned() + &"🎉".repeat(80),
        ] {
            let folded = fold_line(&text);
            let parts: Vec<&str> = folded.split("\r\n").collect();
            for (i, part) in parts.iter().enumerate() {
                assert!(part.len() <= 75, "{} octets: {part}", part.len());
                if i > 0 {
                    assert!(part.starts_with(' '));
                }
                if i + 1 < parts.len() {
                    // Folded only where the next character would not fit.
                    let next = parts[i + 1][1..].chars().next().unwrap();
                    assert!(part.len() + next.len_utf8() > 75, "{part}");
                }
            }
            assert_eq!(unfold(&folded), text);
        }
    }

    #[test]
    fn fixture_calendar_text() {
        let ics = to_ics("Trygghetsrådet, Klara-gruppen", &fixture(), stamp());
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        // CRLF only, and short lines.
        assert!(!ics.replace("\r\n", "").contains('\n'));
        assert!(!ics.replace("\r\n", "").contains('\r'));
        for line in lines(&ics) {
            assert!(line.len() <= 75, "{line}");
        }
        let flat = unfold(&ics);
        let has = |line: &str| flat.split("\r\n").any(|l| l == line);
        for line in [
            "PRODID:-//Radslag//Arshjul 1.0//SV",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Trygghetsrådet\\, Klara-gruppen",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Stockholm",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "UID:kulturnatten-2023@radslag",
            "DTSTAMP:20230501T080000Z",
            "DTSTART;VALUE=DATE:20230526",
            "DTEND;VALUE=DATE:20230527",
            "TRANSP:TRANSPARENT",
            "DESCRIPTION:Öppet hus i hela stan.\\nKlara-gruppen har ett bord\\; ta med flyers\\, affischer",
            "LOCATION:Torget\\, Ånge",
            "URL:https://example.org/kulturnatten?%C3%A5r=2023&a=1,2",
            "DTSTART;VALUE=DATE:20230825",
            "DTEND;VALUE=DATE:20230828",
            "UID:mote-1@radslag",
            "SUMMARY:Trygghetsrådet: möte\\, planering\\; budget",
            "DTSTART;TZID=Europe/Stockholm:20230511T100000",
            "DTEND;TZID=Europe/Stockholm:20230511T120000",
            "UID:mote-2@example.org",
            "DTSTART;TZID=Europe/Stockholm:20230511T130000",
            "DTEND;TZID=Europe/Stockholm:20230511T150000",
            "DTSTART;VALUE=DATE:20231002",
            "DTEND;VALUE=DATE:20231009",
            "CATEGORIES:Kampanjveckor,Klara-gruppen",
            // Week 40 every year: one event a year through 2033 (ten years
            // after the file's date), each with its own stable UID; the
            // excepted 2025 is left out.
            "UID:kampanj-v40-20231002@radslag",
            "UID:kampanj-v40-20240930@radslag",
            "DTSTART;VALUE=DATE:20240930",
            "DTEND;VALUE=DATE:20241007",
            "UID:kampanj-v40-20260928@radslag",
            "UID:kampanj-v40-20331003@radslag",
        ] {
            assert!(has(line), "missing {line:?} in\n{flat}");
        }
        assert!(!flat.contains("20250929"), "{flat}");
        assert!(!flat.contains("kampanj-v40-2034"), "{flat}");
        assert!(!flat.contains("RRULE:FREQ=YEARLY;BYWEEKNO"), "{flat}");
        assert_eq!(flat.matches("BEGIN:VEVENT").count(), 14);
        assert_eq!(flat.matches("END:VEVENT").count(), 14);
        assert_eq!(flat.matches("BEGIN:VTIMEZONE").count(), 1);
        // Timed events do not get TRANSP; all-day ones do.
        assert_eq!(flat.matches("TRANSP:TRANSPARENT").count(), 12);
    }

    #[test]
    fn fixture_parses_with_the_icalendar_crate() {
        let ics = to_ics("Trygghetsrådet", &fixture(), stamp());

        // The raw tree.
        let flat = unfold(&ics);
        let cal = read_calendar(&flat).expect("parses");
        let prop = |name: &str| {
            cal.properties
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.val.as_str().to_owned())
        };
        assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
        assert_eq!(prop("CALSCALE").as_deref(), Some("GREGORIAN"));
        assert_eq!(prop("X-WR-CALNAME").as_deref(), Some("Trygghetsrådet"));
        let names: Vec<&str> = cal.components.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[0], "VTIMEZONE");
        assert_eq!(names.len(), 15);
        assert!(names[1..].iter().all(|n| *n == "VEVENT"));
        let tz = &cal.components[0];
        let parts: Vec<&str> = tz.components.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(parts, ["DAYLIGHT", "STANDARD"]);
        let meeting = &cal.components[3];
        let dtstart = meeting.find_prop("DTSTART").unwrap();
        assert_eq!(dtstart.val.as_str(), "20230511T100000");
        assert_eq!(dtstart.params[0].key.as_str(), "TZID");
        assert_eq!(
            dtstart.params[0].val.as_ref().unwrap().as_str(),
            "Europe/Stockholm"
        );

        // The typed calendar.
        let cal: icalendar::Calendar = ics.parse().expect("parses");
        let events: Vec<_> = cal.events().collect();
        assert_eq!(events.len(), 14);

        let kultur = events[0];
        assert_eq!(kultur.get_uid(), Some("kulturnatten-2023@radslag"));
        assert_eq!(kultur.get_summary(), Some("Kulturnatten"));
        assert_eq!(
            kultur.get_start(),
            Some(DatePerhapsTime::Date(d(2023, 5, 26)))
        );
        assert_eq!(
            kultur.get_end(),
            Some(DatePerhapsTime::Date(d(2023, 5, 27)))
        );
        assert_eq!(
            kultur.get_description(),
            Some("Öppet hus i hela stan.\nKlara-gruppen har ett bord; ta med flyers, affischer")
        );
        assert_eq!(kultur.get_location(), Some("Torget, Ånge"));
        assert_eq!(
            kultur.get_url(),
            Some("https://example.org/kulturnatten?%C3%A5r=2023&a=1,2")
        );
        assert_eq!(kultur.get_timestamp(), Some(stamp()));

        let eosm = events[1];
        assert_eq!(
            eosm.get_start(),
            Some(DatePerhapsTime::Date(d(2023, 8, 25)))
        );
        assert_eq!(eosm.get_end(), Some(DatePerhapsTime::Date(d(2023, 8, 28))));

        let stockholm = |date: NaiveDate, time: NaiveTime| {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
                date_time: date.and_time(time),
                tzid: "Europe/Stockholm".into(),
            }))
        };
        let m1 = events[2];
        assert_eq!(
            m1.get_summary(),
            Some("Trygghetsrådet: möte, planering; budget")
        );
        assert_eq!(m1.get_start(), stockholm(d(2023, 5, 11), t(10, 0)));
        assert_eq!(m1.get_end(), stockholm(d(2023, 5, 11), t(12, 0)));
        assert_eq!(m1.get_categories(), Some(vec!["Möten".to_owned()]));
        let m2 = events[3];
        assert_eq!(m2.get_uid(), Some("mote-2@example.org"));
        assert_eq!(m2.get_start(), stockholm(d(2023, 5, 11), t(13, 0)));
        assert_eq!(m2.get_end(), stockholm(d(2023, 5, 11), t(15, 0)));

        let campaign = events[4];
        assert_eq!(
            campaign.get_start(),
            Some(DatePerhapsTime::Date(d(2023, 10, 2)))
        );
        assert_eq!(
            campaign.get_end(),
            Some(DatePerhapsTime::Date(d(2023, 10, 9)))
        );
        assert_eq!(campaign.get_uid(), Some("kampanj-v40-20231002@radslag"));
        assert_eq!(campaign.property_value("RRULE"), None);
        assert_eq!(
            campaign.get_categories(),
            Some(vec!["Kampanjveckor".to_owned(), "Klara-gruppen".to_owned()])
        );
    }

    #[test]
    fn uids_are_stable_and_the_stamp_is_utc() {
        let later = Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap();
        let a = to_ics("X", &fixture(), stamp());
        let b = to_ics("X", &fixture(), later);
        let uids = |s: &str| -> Vec<String> {
            s.split("\r\n")
                .filter(|l| l.starts_with("UID:"))
                .map(str::to_owned)
                .collect()
        };
        // A year later the written-out week-40 events reach one year
        // further; every UID there was is still there.
        let (a, b) = (uids(&a), uids(&b));
        assert_eq!(b.len(), a.len() + 1);
        assert!(a.iter().all(|uid| b.contains(uid)));
        assert!(b.contains(&"UID:kampanj-v40-20341002@radslag".to_owned()));
        let c = to_ics("X", &fixture(), later);
        assert!(c.contains("DTSTAMP:20240102T030405Z\r\n"));
        assert_eq!(
            uids(&c),
            uids(&to_ics("X", &fixture(), later + Duration::days(300)))
        );
    }

    #[test]
    fn all_day_calendars_need_no_timezone() {
        let events = [IcsEvent::all_day("a", "A", d(2023, 5, 26), d(2023, 5, 26))];
        let ics = to_ics("X", &events, stamp());
        assert!(!ics.contains("VTIMEZONE"));
        assert!(ics.contains("X-WR-TIMEZONE:Europe/Stockholm\r\n"));
        // An empty calendar is still a valid calendar.
        let ics = to_ics("Tom", &[], stamp());
        assert!(read_calendar(&unfold(&ics)).is_ok());
        assert_eq!(ics.matches("\r\n").count(), 8);
    }

    #[test]
    fn timed_edge_cases() {
        // No end time: one hour. End before start: one hour.
        let ev = IcsEvent {
            end_time: None,
            ..IcsEvent::timed("a", "A", d(2023, 5, 11), t(10, 0), t(9, 0))
        };
        let ics = to_ics("X", &[ev], stamp());
        assert!(ics.contains("DTEND;TZID=Europe/Stockholm:20230511T110000\r\n"));
        let ev = IcsEvent::timed("a", "A", d(2023, 5, 11), t(10, 0), t(9, 0));
        let ics = to_ics("X", &[ev], stamp());
        assert!(ics.contains("DTEND;TZID=Europe/Stockholm:20230511T110000\r\n"));
        // Over several days.
        let ev = IcsEvent {
            end_inclusive: d(2023, 5, 12),
            ..IcsEvent::timed("a", "A", d(2023, 5, 11), t(18, 0), t(9, 30))
        };
        let ics = to_ics("X", &[ev], stamp());
        assert!(ics.contains("DTEND;TZID=Europe/Stockholm:20230512T093000\r\n"));
    }

    #[test]
    fn rrule_parts() {
        let v = |rule: &Recurrence, start: NaiveDate, time: Option<NaiveTime>| {
            rrule_value(rule, start, time)
        };
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            v(&Recurrence::weekly(1), d(2023, 1, 2), None),
            some("FREQ=WEEKLY;BYDAY=MO")
        );
        assert_eq!(
            v(&Recurrence::weekly(0), d(2023, 1, 6), None),
            some("FREQ=WEEKLY;BYDAY=FR")
        );
        assert_eq!(
            v(&Recurrence::monthly(1), d(2023, 1, 28), None),
            some("FREQ=MONTHLY;BYMONTHDAY=28")
        );
        assert_eq!(
            v(&Recurrence::quarterly(), d(2023, 2, 15), None),
            some("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15")
        );
        assert_eq!(
            v(&Recurrence::yearly(), d(2023, 5, 26), None),
            some("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=26")
        );
        assert_eq!(
            v(&Recurrence::yearly().with_count(3), d(2023, 5, 26), None),
            some("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=26;COUNT=3")
        );
        assert_eq!(
            v(&Recurrence::new(Frequency::Yearly, 2), d(2023, 8, 31), None),
            some("FREQ=YEARLY;INTERVAL=2;BYMONTH=8;BYMONTHDAY=31")
        );
        // The 29th–31st move to the last day of shorter months, and 29
        // February to the 28th: no Outlook-safe rule, written out instead...
        for (rule, start) in [
            (Recurrence::monthly(1), d(2023, 1, 31)),
            (Recurrence::monthly(1), d(2023, 1, 30)),
            (Recurrence::monthly(1), d(2023, 1, 29)),
            (Recurrence::quarterly(), d(2023, 8, 31)),
            (Recurrence::monthly(2), d(2023, 1, 31)),
            (Recurrence::monthly(12), d(2024, 2, 29)),
            (Recurrence::yearly(), d(2024, 2, 29)),
            (Recurrence::in_iso_week_every_year(40), d(2023, 10, 2)),
            (Recurrence::new(Frequency::IsoWeekYearly, 2), d(2023, 3, 27)),
        ] {
            assert_eq!(v(&rule, start, None), None, "{start} {rule:?}");
        }
        // ...unless every month it reaches is long enough.
        assert_eq!(
            v(&Recurrence::monthly(12), d(2023, 1, 31), None),
            some("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31")
        );
        assert_eq!(
            v(&Recurrence::monthly(5), d(2023, 7, 31), None),
            None,
            "Jul, Dec, May, Oct, Mar, Aug, Jan, Jun (30)"
        );
        assert_eq!(
            v(&Recurrence::monthly(7), d(2023, 1, 31), None),
            None,
            "Jan, Aug, Mar, Oct, May, Dec, Jul, Feb"
        );
        assert_eq!(
            v(&Recurrence::quarterly(), d(2023, 1, 30), None),
            some("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30"),
            "Jan, Apr, Jul, Oct all have a 30th"
        );
        // UNTIL: a date for all-day events, UTC for timed ones (the end of the
        // day in Stockholm: 23:59:59 CET is 22:59:59Z).
        let until = Recurrence::weekly(2).with_until(d(2023, 12, 31));
        assert_eq!(
            v(&until, d(2023, 1, 2), None),
            some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20231231")
        );
        assert_eq!(
            v(&until, d(2023, 1, 2), Some(t(10, 0))),
            some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20231231T225959Z")
        );
        let summer = Recurrence::weekly(1).with_until(d(2023, 6, 30));
        assert_eq!(
            v(&summer, d(2023, 1, 2), Some(t(10, 0))),
            some("FREQ=WEEKLY;BYDAY=MO;UNTIL=20230630T215959Z")
        );
        // Both COUNT and UNTIL: whichever ends first.
        let both = Recurrence::weekly(1)
            .with_count(3)
            .with_until(d(2023, 12, 31));
        assert_eq!(
            v(&both, d(2023, 1, 2), None),
            some("FREQ=WEEKLY;BYDAY=MO;COUNT=3")
        );
        let both = Recurrence::weekly(1)
            .with_count(30)
            .with_until(d(2023, 1, 31));
        assert_eq!(
            v(&both, d(2023, 1, 2), None),
            some("FREQ=WEEKLY;BYDAY=MO;UNTIL=20230131")
        );
    }

    #[test]
    fn expansion_horizon() {
        // Ten years after the later of the file's date and the first
        // occurrence, to the end of that year.
        assert_eq!(
            expansion_end(d(2015, 3, 1), d(2026, 12, 3)),
            d(2036, 12, 31)
        );
        assert_eq!(
            expansion_end(d(2040, 3, 1), d(2026, 12, 3)),
            d(2050, 12, 31)
        );
        assert_eq!(expansion_end(d(9990, 1, 1), d(2026, 1, 1)), d(9998, 12, 31));
        // A monthly event on the 31st from 2024, in a file made in 2026:
        // every month-end from January 2024 through December 2036.
        let occ = expanded(
            d(2024, 1, 31),
            d(2024, 1, 31),
            &Recurrence::monthly(1),
            d(2026, 12, 3),
        );
        assert_eq!(occ.len(), 13 * 12);
        assert_eq!(occ[1], (d(2024, 2, 29), d(2024, 2, 29)));
        assert_eq!(occ.last().unwrap().0, d(2036, 12, 31));
        // A finite rule ends where it ends.
        let occ = expanded(
            d(2024, 1, 31),
            d(2024, 2, 1),
            &Recurrence::monthly(1)
                .with_count(3)
                .with_exception(d(2024, 2, 29)),
            d(2026, 12, 3),
        );
        assert_eq!(
            occ,
            [
                (d(2024, 1, 31), d(2024, 2, 1)),
                (d(2024, 3, 31), d(2024, 4, 1))
            ]
        );
    }

    #[test]
    fn recurring_event_details() {
        // Exceptions the rule does not generate are left out; timed EXDATEs
        // carry the time and zone.
        let ev = IcsEvent {
            rrule: Some(
                Recurrence::weekly(1)
                    .with_count(10)
                    .with_exception(d(2023, 1, 16))
                    .with_exception(d(2023, 1, 17))
                    .with_exception(d(2023, 1, 16)),
            ),
            ..IcsEvent::timed("w", "Veckomöte", d(2023, 1, 2), t(9, 0), t(10, 0))
        };
        let ics = to_ics("X", &[ev], stamp());
        assert_eq!(ics.matches("EXDATE").count(), 1);
        assert!(ics.contains("EXDATE;TZID=Europe/Stockholm:20230116T090000\r\n"));

        // A yearly-in-week-40 event whose first date is after week 40 starts
        // in the next year's week 40 (DTSTART must be an occurrence).
        let ev = IcsEvent {
            rrule: Some(Recurrence::in_iso_week_every_year(40)),
            ..IcsEvent::all_day("k", "Kampanj", d(2023, 11, 6), d(2023, 11, 12))
        };
        let ics = to_ics("X", &[ev], stamp());
        assert!(ics.contains("DTSTART;VALUE=DATE:20240930\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20241007\r\n"));

        // A rule with no occurrence at all: no event.
        let ev = IcsEvent {
            rrule: Some(Recurrence::weekly(1).with_count(0)),
            ..IcsEvent::all_day("n", "Inget", d(2023, 1, 2), d(2023, 1, 2))
        };
        assert!(!to_ics("X", &[ev], stamp()).contains("VEVENT"));
    }

    #[test]
    fn wheel_events_export() {
        let cats = super::super::category::default_categories();
        let ev = WheelEvent {
            id: "abc".into(),
            title: "Kulturnatten".into(),
            category: Some("evenemang".into()),
            start: Some(d(2023, 5, 26)),
            end: None,
            recurrence: Recurrence::yearly().to_json(),
            notes: "Bord på torget".into(),
            ..Default::default()
        };
        let ics_ev = IcsEvent::from_wheel_event(&ev, &cats).unwrap();
        assert_eq!(ics_ev.uid, "abc");
        assert_eq!(ics_ev.end_inclusive, d(2023, 5, 26));
        assert_eq!(ics_ev.categories, ["Evenemang"]);
        assert_eq!(ics_ev.rrule, Some(Recurrence::yearly()));
        assert_eq!(ics_ev.description, "Bord på torget");
        let undated = WheelEvent { start: None, ..ev };
        assert_eq!(IcsEvent::from_wheel_event(&undated, &cats), None);
    }

    /// Checks that a calendar uses only what Outlook, Google Calendar and
    /// Apple Calendar all read: RRULEs of the simple subset (one value per
    /// BY part, a positive BYMONTHDAY, a plain weekday or one ordinal in
    /// BYDAY), no RDATE, and a VTIMEZONE whenever a TZID is used.
    fn assert_outlook_safe(ics: &str) {
        let flat = unfold(ics);
        if flat.contains(";TZID=") {
            assert!(flat.contains("BEGIN:VTIMEZONE\r\n"), "{flat}");
        }
        for line in flat.split("\r\n") {
            assert!(!line.starts_with("RDATE"), "{line}");
            assert!(!line.starts_with("EXRULE"), "{line}");
            let Some(value) = line.strip_prefix("RRULE:") else {
                continue;
            };
            for forbidden in ["BYWEEKNO", "BYSETPOS", "BYYEARDAY", "BYWEEKNO", "WKST"] {
                assert!(!value.contains(forbidden), "{line}");
            }
            let parts: Vec<(&str, &str)> = value
                .split(';')
                .map(|p| p.split_once('=').unwrap_or_else(|| panic!("{line}")))
                .collect();
            assert_eq!(parts[0].0, "FREQ", "{line}");
            assert!(
                ["WEEKLY", "MONTHLY", "YEARLY"].contains(&parts[0].1),
                "{line}"
            );
            assert!(
                !(parts.iter().any(|p| p.0 == "COUNT") && parts.iter().any(|p| p.0 == "UNTIL")),
                "{line}"
            );
            for (key, val) in &parts[1..] {
                match *key {
                    "INTERVAL" | "COUNT" => assert!(val.parse::<u32>().is_ok(), "{line}"),
                    "UNTIL" => assert!(val.len() == 8 || val.len() == 16, "{line}"),
                    "BYMONTH" => assert!((1..=12).contains(&val.parse::<u32>().unwrap()), "{line}"),
                    "BYMONTHDAY" => {
                        assert!((1..=31).contains(&val.parse::<u32>().unwrap()), "{line}")
                    }
                    "BYDAY" => {
                        let (ordinal, day) = val.split_at(val.len() - 2);
                        assert!(
                            ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].contains(&day),
                            "{line}"
                        );
                        assert!(
                            ordinal.is_empty() || ["1", "2", "3", "4", "-1"].contains(&ordinal),
                            "{line}"
                        );
                    }
                    _ => panic!("{key} in {line}"),
                }
            }
        }
    }

    /// Every rule kind the app can make (and more), all-day and timed, from
    /// dates all over the year: never anything outside the simple subset.
    #[test]
    fn every_rule_is_outlook_safe() {
        let mut starts = Vec::new();
        for month in 1..=12 {
            for day in [1, 7, 15, 28, 29, 30, 31] {
                starts.extend(NaiveDate::from_ymd_opt(2024, month, day));
            }
        }
        starts.push(d(2023, 1, 31));
        starts.push(d(2020, 12, 28));
        let mut rules = Vec::new();
        for freq in [
            Frequency::Weekly,
            Frequency::Monthly,
            Frequency::Yearly,
            Frequency::IsoWeekYearly,
        ] {
            for interval in [0, 1, 2, 3, 5, 12] {
                let rule = Recurrence::new(freq, interval);
                rules.push(rule.clone());
                rules.push(rule.clone().with_count(7).with_exception(d(2025, 3, 31)));
                rules.push(rule.with_until(d(2027, 6, 30)));
            }
        }
        for week in [1, 10, 40, 52, 53] {
            rules.push(Recurrence::in_iso_week_every_year(week));
        }
        for kind in RepeatKind::ALL {
            rules.extend(kind.rule());
        }
        let mut written = 0;
        for start in &starts {
            let events: Vec<IcsEvent> = rules
                .iter()
                .enumerate()
                .flat_map(|(i, rule)| {
                    [
                        IcsEvent {
                            rrule: Some(rule.clone()),
                            ..IcsEvent::all_day(
                                &format!("a{i}"),
                                "A",
                                *start,
                                *start + Duration::days(2),
                            )
                        },
                        IcsEvent {
                            rrule: Some(rule.clone()),
                            ..IcsEvent::timed(&format!("t{i}"), "T", *start, t(9, 30), t(11, 0))
                        },
                    ]
                })
                .collect();
            let ics = to_ics("X", &events, stamp());
            assert_outlook_safe(&ics);
            assert!(read_calendar(&unfold(&ics)).is_ok());
            written += ics.matches("BEGIN:VEVENT").count();
        }
        assert!(written > starts.len() * rules.len() * 2);
    }

    /// The occurrences (as local start date-times) that a calendar's VEVENTs
    /// give, expanding every RRULE with the independent `rrule` crate up to
    /// (not including) `limit`, with the series' UID (the date suffix of a
    /// written-out occurrence taken off).
    fn occurrences_by_the_rrule_crate(ics: &str, limit: NaiveDateTime) -> Vec<NaiveDateTime> {
        let flat = unfold(ics);
        let mut out = Vec::new();
        for vevent in flat.split("BEGIN:VEVENT\r\n").skip(1) {
            let lines: Vec<&str> = vevent.split("\r\n").collect();
            if lines.iter().any(|l| l.starts_with("RRULE")) {
                let set: String = lines
                    .iter()
                    .filter(|l| {
                        l.starts_with("DTSTART")
                            || l.starts_with("RRULE")
                            || l.starts_with("EXDATE")
                    })
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n");
                let parsed: rrule::RRuleSet = set.parse().unwrap_or_else(|e| panic!("{set}: {e}"));
                out.extend(
                    parsed
                        .all(2000)
                        .dates
                        .into_iter()
                        .map(|dt| dt.naive_local())
                        .filter(|dt| *dt < limit),
                );
            } else {
                let dtstart = lines.iter().find(|l| l.starts_with("DTSTART")).unwrap();
                let value = dtstart.rsplit(':').next().unwrap();
                let dt = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").unwrap();
                if dt < limit {
                    out.push(dt);
                }
            }
        }
        out.sort();
        out
    }

    /// Expands what we export with the independent `rrule` crate (RRULEs,
    /// and the written-out occurrences as they are) and checks it gives the
    /// same dates as [`expand`], up to the expansion horizon.
    #[test]
    fn exported_rules_agree_with_the_rrule_crate() {
        let cases: Vec<(NaiveDate, Recurrence)> = vec![
            (
                d(2023, 10, 2),
                Recurrence::weekly(1)
                    .with_exception(d(2023, 10, 9))
                    .with_count(8),
            ),
            (
                d(2023, 1, 5),
                Recurrence::weekly(2).with_until(d(2023, 6, 1)),
            ),
            (d(2023, 3, 20), Recurrence::weekly(3)),
            (d(2023, 1, 31), Recurrence::monthly(1).with_count(14)),
            (d(2024, 1, 30), Recurrence::monthly(1).with_count(14)),
            (d(2023, 1, 29), Recurrence::monthly(1).with_count(14)),
            (d(2023, 1, 31), Recurrence::monthly(1)),
            (d(2023, 1, 31), Recurrence::monthly(12)),
            (
                d(2023, 1, 28),
                Recurrence::monthly(1).with_exception(d(2024, 2, 28)),
            ),
            (
                d(2023, 2, 15),
                Recurrence::quarterly().with_until(d(2025, 12, 31)),
            ),
            (d(2023, 8, 31), Recurrence::quarterly().with_count(9)),
            (d(2023, 1, 30), Recurrence::quarterly()),
            (d(2024, 2, 29), Recurrence::yearly().with_count(6)),
            (d(2024, 2, 29), Recurrence::yearly()),
            (
                d(2023, 5, 26),
                Recurrence::yearly().with_until(d(2030, 5, 26)),
            ),
            (
                d(2023, 8, 25),
                Recurrence::new(Frequency::Yearly, 2).with_count(4),
            ),
            (d(2023, 10, 2), Recurrence::in_iso_week_every_year(40)),
            (
                d(2023, 10, 2),
                Recurrence::in_iso_week_every_year(40).with_count(8),
            ),
            (
                d(2023, 10, 5),
                Recurrence::in_iso_week_every_year(40)
                    .with_count(8)
                    .with_exception(d(2025, 10, 2)),
            ),
            (
                d(2023, 11, 6),
                Recurrence::in_iso_week_every_year(40).with_count(5),
            ),
            (
                d(2024, 12, 30),
                Recurrence::in_iso_week_every_year(1).with_count(6),
            ),
            (d(2020, 12, 28), Recurrence::in_iso_week_every_year(53)),
            (
                d(2021, 1, 1),
                Recurrence::in_iso_week_every_year(53).with_count(3),
            ),
            (
                d(2023, 3, 27),
                Recurrence::new(Frequency::IsoWeekYearly, 2).with_count(5),
            ),
        ];
        for (first, rule) in cases {
            let horizon =
                expansion_end(rule.first_occurrence(first).unwrap(), stamp().date_naive());
            let ours: Vec<NaiveDateTime> = expand(first, first, &rule, first, horizon)
                .into_iter()
                .map(|o| o.0.and_time(t(10, 0)))
                .collect();
            assert!(!ours.is_empty());
            // What the export writes, here as a timed event at 10:00
            // Stockholm time.
            let ev = IcsEvent {
                rrule: Some(rule.clone()),
                ..IcsEvent::timed("x", "x", first, t(10, 0), t(11, 0))
            };
            let ics = to_ics("X", &[ev], stamp());
            assert_outlook_safe(&ics);
            let limit = (horizon + Duration::days(1)).and_time(t(0, 0));
            let theirs = occurrences_by_the_rrule_crate(&ics, limit);
            assert_eq!(ours, theirs, "{first} {rule:?}\n{}", unfold(&ics));
        }
    }
}
