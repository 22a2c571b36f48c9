#!/usr/bin/env python3
"""Expands an .ics file with Python's `icalendar` and `recurring-ical-events`
(an expander independent of Rådslag's Rust code) and prints every occurrence
that starts in a date range, one per line, sorted:

    UID<TAB>START<TAB>END

START and END are dates (YYYY-MM-DD, END exclusive) for all-day events and
local times in Europe/Stockholm with their UTC offset
(YYYY-MM-DDTHH:MM+HH:MM) for timed ones.

Usage: expand.py FILE.ics FROM TO   (FROM inclusive, TO exclusive, YYYY-MM-DD)

Run by crates/radslag-core/tests/ics_python.rs with the venv that
`scripts/install.sh test` makes in tests/ics/.venv.
"""

import datetime
import sys
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def show(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit(f"floating time {value}: expected a TZID")
        return value.astimezone(STOCKHOLM).isoformat(timespec="minutes")
    return value.isoformat()


def local_date(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(STOCKHOLM).date()
    return value


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    path, first, stop = sys.argv[1:]
    first = datetime.date.fromisoformat(first)
    stop = datetime.date.fromisoformat(stop)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    rows = []
    for event in recurring_ical_events.of(calendar).between(first, stop):
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        if not first <= local_date(start) < stop:
            continue
        rows.append((str(event["UID"]), show(start), show(end)))
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main()
