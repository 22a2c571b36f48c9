//! The `.ics` export read by an expander from another ecosystem: Python's
//! `icalendar` and `recurring-ical-events` (pinned in
//! tests/ics/requirements.txt) expand a workspace's calendar — with events of
//! every recurrence kind the wheel has, all-day and timed across the
//! daylight-saving changes — and must give, over five years, exactly the
//! occurrences (UID, start, end in Europe/Stockholm) of the core's own
//! expansion.
//!
//! Needs the venv that `scripts/install.sh test` makes in tests/ics/.venv (or
//! a Python with those packages in `RADSLAG_ICS_PYTHON`); without it the test
//! fails, unless `RADSLAG_SKIP_PYTHON_ICS=1` says to skip it.

use std::path::PathBuf;
use std::process::Command;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use radslag_core::WorkspaceDoc;
use radslag_core::ids::{MeetingId, WheelEventId};
use radslag_core::model::{Meeting, WheelEvent, WorkspaceInfo};
use radslag_core::time::stockholm_offset_at_local;
use radslag_core::wheel::ics::{IcsEvent, rrule_value, to_ics};
use radslag_core::wheel::recurrence::{Frequency, Recurrence, expand};
use radslag_core::wheel::sources::workspace_ics;

const INSTALL: &str = "scripts/install.sh test (or: python3 -m venv tests/ics/.venv && \
     tests/ics/.venv/bin/pip install -r tests/ics/requirements.txt)";

/// The Python to run tests/ics/expand.py with, or `None` to skip.
fn python() -> Option<PathBuf> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let python = match std::env::var_os("RADSLAG_ICS_PYTHON") {
        Some(p) => PathBuf::from(p),
        None => root.join("tests/ics/.venv/bin/python"),
    };
    if python.exists() {
        Some(python)
    } else if std::env::var_os("RADSLAG_SKIP_PYTHON_ICS").is_some() {
        eprintln!(
            "\n*** SKIPPED (RADSLAG_SKIP_PYTHON_ICS): the Python comparison needs {INSTALL} ***\n"
        );
        None
    } else {
        panic!(
            "the .ics comparison with Python's recurring-ical-events needs a venv at {}: \
             run {INSTALL}, point RADSLAG_ICS_PYTHON at a Python with those packages, \
             or set RADSLAG_SKIP_PYTHON_ICS=1 to skip it",
            python.display()
        );
    }
}

/// Runs tests/ics/expand.py on `ics` for `from..to`: its sorted lines.
fn python_occurrences(
    python: &PathBuf,
    name: &str,
    ics: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.ics"));
    std::fs::write(&path, ics).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/ics/expand.py");
    let out = Command::new(python)
        .arg(script)
        .arg(&path)
        .arg(from.to_string())
        .arg(to.to_string())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}; run {INSTALL}", python.display()));
    assert!(
        out.status.success(),
        "expand.py failed ({}); is the venv complete? run {INSTALL}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// One event as the test sees it: what the core expands.
struct Spec {
    id: &'static str,
    start: NaiveDate,
    end: NaiveDate,
    times: Option<(NaiveTime, NaiveTime)>,
    rule: Option<Recurrence>,
}

fn spec(id: &'static str, start: NaiveDate, end: NaiveDate, rule: Option<Recurrence>) -> Spec {
    Spec {
        id,
        start,
        end,
        times: None,
        rule,
    }
}

/// A local time in Stockholm as Python prints it: `2025-03-31T10:00+02:00`.
fn stockholm(date: NaiveDate, time: NaiveTime) -> String {
    let offset = stockholm_offset_at_local(date.and_time(time));
    format!("{date}T{}{offset:+03}:00", time.format("%H:%M"))
}

/// The lines expand.py should print for `specs` over `from..to`, from the
/// core's own expansion: `UID<TAB>START<TAB>END`, sorted.
fn core_occurrences(specs: &[Spec], from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut lines = Vec::new();
    for s in specs {
        let occurrences = match &s.rule {
            Some(rule) => expand(s.start, s.end, rule, from, to),
            None => vec![(s.start, s.end)],
        };
        // Written out one by one (UID with the date) when the rule has no
        // Outlook-safe RRULE.
        let one_by_one = s.rule.as_ref().is_some_and(|rule| {
            let first = rule.first_occurrence(s.start).unwrap();
            rrule_value(rule, first, s.times.map(|t| t.0)).is_none()
        });
        for (start, end) in occurrences {
            if start < from || start >= to {
                continue;
            }
            let uid = if one_by_one {
                format!("{}-{}@radslag", s.id, start.format("%Y%m%d"))
            } else {
                format!("{}@radslag", s.id)
            };
            let (a, b) = match s.times {
                None => (start.to_string(), (end + Duration::days(1)).to_string()),
                Some((t0, t1)) => (stockholm(start, t0), stockholm(end, t1)),
            };
            lines.push(format!("{uid}\t{a}\t{b}"));
        }
    }
    lines.sort();
    lines
}

/// Wheel events of every kind the app can make (and the rule's edges).
fn wheel_specs() -> Vec<Spec> {
    let week = |w| Recurrence::in_iso_week_every_year(w);
    vec![
        spec("once", d(2026, 4, 10), d(2026, 4, 10), None),
        spec("once-multi", d(2027, 6, 1), d(2027, 6, 3), None),
        // Yearly on a date, one day and several.
        spec(
            "kulturnatten",
            d(2023, 5, 26),
            d(2023, 5, 26),
            Some(Recurrence::yearly()),
        ),
        spec(
            "eosm",
            d(2023, 8, 25),
            d(2023, 8, 27),
            Some(Recurrence::yearly()),
        ),
        spec(
            "skottdag",
            d(2024, 2, 29),
            d(2024, 2, 29),
            Some(Recurrence::yearly()),
        ),
        spec(
            "vartannat-ar",
            d(2023, 9, 15),
            d(2023, 9, 15),
            Some(Recurrence::new(Frequency::Yearly, 2)),
        ),
        spec(
            "arligen-till",
            d(2023, 3, 8),
            d(2023, 3, 8),
            Some(Recurrence::yearly().with_until(d(2027, 3, 8))),
        ),
        // Campaign weeks: week N every year, Monday to Sunday.
        spec(
            "kampanj-v40",
            d(2023, 10, 2),
            d(2023, 10, 8),
            Some(week(40).with_exception(d(2026, 9, 28))),
        ),
        spec(
            "v40-onsdag",
            d(2023, 10, 4),
            d(2023, 10, 4),
            Some(Recurrence::new(Frequency::IsoWeekYearly, 1)),
        ),
        spec("v40-sent", d(2023, 11, 6), d(2023, 11, 7), Some(week(40))),
        spec("v53", d(2020, 12, 28), d(2021, 1, 3), Some(week(53))),
        spec("v1", d(2024, 12, 30), d(2024, 12, 31), Some(week(1))),
        spec(
            "v10-vartannat",
            d(2024, 3, 4),
            d(2024, 3, 8),
            Some(Recurrence::new(Frequency::IsoWeekYearly, 2).with_count(3)),
        ),
        // Monthly and quarterly, on an ordinary day and on month ends.
        spec(
            "manad-15",
            d(2024, 1, 15),
            d(2024, 1, 15),
            Some(Recurrence::monthly(1)),
        ),
        spec(
            "manad-31",
            d(2024, 1, 31),
            d(2024, 1, 31),
            Some(Recurrence::monthly(1)),
        ),
        spec(
            "manad-30-till",
            d(2024, 1, 30),
            d(2024, 1, 30),
            Some(Recurrence::monthly(1).with_until(d(2026, 6, 30))),
        ),
        spec(
            "manad-12-31",
            d(2024, 1, 31),
            d(2024, 1, 31),
            Some(Recurrence::monthly(12)),
        ),
        spec(
            "kvartal",
            d(2024, 2, 15),
            d(2024, 2, 16),
            Some(Recurrence::quarterly()),
        ),
        spec(
            "kvartal-31",
            d(2023, 8, 31),
            d(2023, 8, 31),
            Some(Recurrence::quarterly()),
        ),
        // Weekly.
        spec(
            "vecka",
            d(2024, 1, 1),
            d(2024, 1, 1),
            Some(Recurrence::weekly(1).with_until(d(2025, 12, 31))),
        ),
        spec(
            "varannan-vecka",
            d(2024, 1, 5),
            d(2024, 1, 6),
            Some(
                Recurrence::weekly(2)
                    .with_count(60)
                    .with_exception(d(2024, 2, 2))
                    .with_exception(d(2025, 1, 17)),
            ),
        ),
    ]
}

/// Timed events (Europe/Stockholm) repeating across the daylight-saving
/// changes. (The wheel's own events are all-day and meetings do not repeat,
/// but the export takes them.)
fn timed_specs() -> Vec<Spec> {
    let timed = |id, start, end, t0, t1, rule| Spec {
        id,
        start,
        end,
        times: Some((t0, t1)),
        rule: Some(rule),
    };
    vec![
        timed(
            "t-vecka",
            d(2025, 3, 17),
            d(2025, 3, 17),
            t(10, 0),
            t(11, 0),
            Recurrence::weekly(1).with_count(40),
        ),
        timed(
            "t-manad-31",
            d(2025, 1, 31),
            d(2025, 1, 31),
            t(9, 0),
            t(10, 0),
            Recurrence::monthly(1),
        ),
        timed(
            "t-v40",
            d(2025, 9, 29),
            d(2025, 10, 3),
            t(8, 30),
            t(16, 0),
            Recurrence::in_iso_week_every_year(40),
        ),
        timed(
            "t-v13",
            d(2025, 3, 24),
            d(2025, 3, 24),
            t(18, 0),
            t(19, 30),
            Recurrence::in_iso_week_every_year(13).with_until(d(2029, 12, 31)),
        ),
        timed(
            "t-skottdag",
            d(2024, 2, 29),
            d(2024, 2, 29),
            t(12, 0),
            t(13, 0),
            Recurrence::yearly(),
        ),
        timed(
            "t-oktober",
            d(2025, 10, 26),
            d(2025, 10, 26),
            t(10, 0),
            t(11, 0),
            Recurrence::yearly().with_until(d(2029, 10, 26)),
        ),
        timed(
            "t-kvartal",
            d(2025, 1, 20),
            d(2025, 1, 20),
            t(13, 0),
            t(15, 0),
            Recurrence::quarterly().with_exception(d(2026, 4, 20)),
        ),
    ]
}

fn assert_outlook_safe(ics: &str) {
    let flat = ics.replace("\r\n ", "");
    for forbidden in [
        "BYWEEKNO",
        "BYSETPOS",
        "BYYEARDAY",
        "BYMONTHDAY=-",
        "RDATE",
        "WKST",
    ] {
        assert!(!flat.contains(forbidden), "{forbidden} in\n{flat}");
    }
    assert!(ics.split("\r\n").all(|line| line.len() <= 75));
    assert!(!ics.replace("\r\n", "").contains('\n'));
}

#[test]
fn python_recurring_ical_events_agrees_over_five_years() {
    let Some(python) = python() else {
        return;
    };
    // The file is made in January 2025; five years from then, plus the
    // year before.
    let stamp = Utc.with_ymd_and_hms(2025, 1, 15, 8, 0, 0).unwrap();
    let (from, to) = (d(2024, 1, 1), d(2030, 1, 1));

    // A workspace with wheel events of every kind and two meetings, as the
    // app's download and the relay's feed make it.
    let mut ws = WorkspaceDoc::create(&WorkspaceInfo {
        name: "Trygghetsrådet".into(),
        organisation: "Ånge kommun".into(),
    })
    .unwrap();
    let mut specs = wheel_specs();
    for s in &specs {
        ws.put(&WheelEvent {
            id: WheelEventId::from(s.id),
            title: format!("Händelse {}", s.id),
            start: Some(s.start),
            end: Some(s.end),
            recurrence: s.rule.as_ref().map(Recurrence::to_json).unwrap_or_default(),
            ..Default::default()
        })
        .unwrap();
    }
    for (id, date, t0, t1) in [
        ("vinter", d(2025, 1, 20), t(13, 0), t(15, 0)),
        ("sommar", d(2025, 6, 12), t(18, 0), t(19, 30)),
    ] {
        ws.put(&Meeting {
            id: MeetingId::from(id),
            title: format!("Möte {id}"),
            date: Some(date),
            start_time: Some(t0),
            end_time: Some(t1),
            ..Default::default()
        })
        .unwrap();
        specs.push(Spec {
            id: if id == "vinter" {
                "meeting-vinter"
            } else {
                "meeting-sommar"
            },
            start: date,
            end: date,
            times: Some((t0, t1)),
            rule: None,
        });
    }
    let ics = workspace_ics(&ws, None, false, stamp);
    assert_outlook_safe(&ics);
    let theirs = python_occurrences(&python, "workspace", &ics, from, to);
    let ours = core_occurrences(&specs, from, to);
    assert!(ours.len() > 300, "{}", ours.len());
    assert_eq!(theirs, ours, "\n{ics}");
    // The campaign week in 2026 is excepted; 2027's is there.
    assert!(!ours.iter().any(|l| l.starts_with("kampanj-v40-20260928")));
    assert!(ours.contains(&"kampanj-v40-20271004@radslag\t2027-10-04\t2027-10-11".to_owned()));

    // Timed events across the daylight-saving changes.
    let specs = timed_specs();
    let events: Vec<IcsEvent> = specs
        .iter()
        .map(|s| {
            let (t0, t1) = s.times.unwrap();
            IcsEvent {
                end_inclusive: s.end,
                rrule: s.rule.clone(),
                ..IcsEvent::timed(s.id, s.id, s.start, t0, t1)
            }
        })
        .collect();
    let ics = to_ics("Tider", &events, stamp);
    assert_outlook_safe(&ics);
    let theirs = python_occurrences(&python, "timed", &ics, from, to);
    let ours = core_occurrences(&specs, from, to);
    assert_eq!(theirs, ours, "\n{ics}");
    // 10:00 stays 10:00 on the wall clock, in winter and in summer.
    for line in [
        "t-vecka@radslag\t2025-03-24T10:00+01:00\t2025-03-24T11:00+01:00",
        "t-vecka@radslag\t2025-03-31T10:00+02:00\t2025-03-31T11:00+02:00",
        "t-oktober@radslag\t2025-10-26T10:00+01:00\t2025-10-26T11:00+01:00",
        "t-oktober@radslag\t2026-10-26T10:00+01:00\t2026-10-26T11:00+01:00",
        "t-oktober@radslag\t2027-10-26T10:00+02:00\t2027-10-26T11:00+02:00",
        "t-manad-31-20250228@radslag\t2025-02-28T09:00+01:00\t2025-02-28T10:00+01:00",
        "t-v13-20270329@radslag\t2027-03-29T18:00+02:00\t2027-03-29T19:30+02:00",
    ] {
        assert!(theirs.contains(&line.to_owned()), "{line}");
    }
}
