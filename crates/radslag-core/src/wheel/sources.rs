//! What goes on the wheel: the workspace's wheel events, its meetings (they
//! appear by themselves, on the "Möten" ring) and, when asked for, its
//! actions' due dates (on the "Uppföljning" ring), filtered by group and
//! category. Also the timeline (the same items by month and ISO week), the
//! zoom ranges (a quarter or a month) and the workspace's `.ics` feed.
//!
//! Every item is handed to [`super::WheelLayout::build`] as a [`WheelEvent`]
//! whose id is the item's [`Source::key`] (`event:…`, `meeting:…`,
//! `action:…`), so a drawn item leads back to what it stands for.

use super::category::{Category, UNCATEGORISED_COLOUR, UNCATEGORISED_NAME, default_categories};
use super::geometry::{angle_of, polar_to_xy};
use super::ics::{IcsEvent, to_ics};
use super::layout::WheelDims;
use super::recurrence::{Recurrence, expand};
use crate::WorkspaceDoc;
use crate::ids::{ActionId, CategoryId, GroupId, MeetingId, WheelEventId};
use crate::model::{Action, ActionStatus, Group, Meeting, WheelEvent};
use crate::time::iso_week;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

/// The ring meetings go to.
pub const MEETING_CATEGORY: &str = "moten";
/// The ring actions' due dates go to.
pub const ACTION_CATEGORY: &str = "uppfoljning";

/// What a wheel item stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Event(WheelEventId),
    Meeting(MeetingId),
    Action(ActionId),
}

impl Source {
    /// `event:<id>`, `meeting:<id>` or `action:<id>`.
    pub fn key(&self) -> String {
        match self {
            Source::Event(id) => format!("event:{id}"),
            Source::Meeting(id) => format!("meeting:{id}"),
            Source::Action(id) => format!("action:{id}"),
        }
    }

    /// The source a [`Self::key`] names.
    pub fn from_key(key: &str) -> Option<Source> {
        let (kind, id) = key.split_once(':')?;
        if id.is_empty() {
            return None;
        }
        match kind {
            "event" => Some(Source::Event(WheelEventId::from(id))),
            "meeting" => Some(Source::Meeting(MeetingId::from(id))),
            "action" => Some(Source::Action(ActionId::from(id))),
            _ => None,
        }
    }
}

/// One thing on the wheel, before it is expanded into occurrences.
#[derive(Debug, Clone, PartialEq)]
pub struct WheelItem {
    pub source: Source,
    /// The item as a wheel event, with [`Source::key`] as its id.
    pub event: WheelEvent,
    /// A meeting's times (local, Europe/Stockholm).
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    /// A meeting's place and online link.
    pub place: String,
    pub link: String,
}

impl WheelItem {
    pub fn key(&self) -> String {
        self.source.key()
    }

    /// Whether the event repeats.
    pub fn recurrence(&self) -> Option<Recurrence> {
        Recurrence::from_json(&self.event.recurrence).ok().flatten()
    }

    /// The occurrences `(start, end_inclusive)` that overlap `from..=to`.
    pub fn occurrences(&self, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
        let Some(start) = self.event.start else {
            return Vec::new();
        };
        let end = self.event.end.unwrap_or(start).max(start);
        match self.recurrence() {
            Some(rule) => expand(start, end, &rule, from, to),
            None if start <= to && end >= from => vec![(start, end)],
            None => Vec::new(),
        }
    }
}

/// Which items the wheel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Only items for any of these groups; items for no group concern the
    /// whole council and always stay. Empty: every group.
    pub groups: Vec<GroupId>,
    /// Categories not shown (their rings are left out too).
    pub hidden_categories: Vec<CategoryId>,
    /// Meetings from the meetings pages (on by default).
    pub meetings: bool,
    /// Actions' due dates (off by default).
    pub actions: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            groups: Vec::new(),
            hidden_categories: Vec::new(),
            meetings: true,
            actions: false,
        }
    }
}

impl Filter {
    /// Only `group`'s items (and the whole council's), or all.
    pub fn for_group(group: Option<GroupId>) -> Self {
        Filter {
            groups: group.into_iter().collect(),
            ..Default::default()
        }
    }

    fn keeps(&self, event: &WheelEvent) -> bool {
        let group_ok = self.groups.is_empty()
            || event.groups.is_empty()
            || event.groups.iter().any(|g| self.groups.contains(g));
        let category_ok = event
            .category
            .as_ref()
            .is_none_or(|c| !self.hidden_categories.contains(c));
        group_ok && category_ok
    }

    /// The categories whose rings are shown.
    pub fn visible_categories(&self, categories: &[Category]) -> Vec<Category> {
        categories
            .iter()
            .filter(|c| !self.hidden_categories.contains(&c.id))
            .cloned()
            .collect()
    }
}

/// The workspace's categories in wheel order: the default ones (in their
/// order) first, then the workspace's own by name. A workspace without any
/// (made before categories were seeded) gets the defaults.
pub fn workspace_categories(stored: Vec<Category>) -> Vec<Category> {
    if stored.is_empty() {
        return default_categories();
    }
    let order: Vec<CategoryId> = default_categories().into_iter().map(|c| c.id).collect();
    let mut stored = stored;
    crate::order::sort_by(&mut stored, |a, b| {
        let rank = |c: &Category| {
            order
                .iter()
                .position(|id| id == &c.id)
                .unwrap_or(order.len())
        };
        (rank(a), a.name.to_lowercase(), &a.id).cmp(&(rank(b), b.name.to_lowercase(), &b.id))
    });
    stored
}

/// Everything the wheel shows, filtered. Meetings that a wheel event links
/// to are left out (the event stands for them); cancelled actions and
/// actions without a due date are too. An action belongs to the groups of
/// the meeting it came from, or of the wheel event it is linked to.
pub fn gather(
    events: &[WheelEvent],
    meetings: &[Meeting],
    actions: &[Action],
    filter: &Filter,
) -> Vec<WheelItem> {
    let mut items = Vec::new();
    for ev in events {
        let source = Source::Event(ev.id.clone());
        let event = WheelEvent {
            id: WheelEventId(source.key()),
            ..ev.clone()
        };
        items.push(WheelItem {
            source,
            event,
            start_time: None,
            end_time: None,
            place: String::new(),
            link: String::new(),
        });
    }
    if filter.meetings {
        for m in meetings {
            let Some(date) = m.date else { continue };
            if events.iter().any(|e| e.meeting.as_ref() == Some(&m.id)) {
                continue;
            }
            let source = Source::Meeting(m.id.clone());
            let title = if m.title.trim().is_empty() {
                "Möte".to_owned()
            } else {
                m.title.trim().to_owned()
            };
            items.push(WheelItem {
                event: WheelEvent {
                    id: WheelEventId(source.key()),
                    title,
                    category: Some(CategoryId::from(MEETING_CATEGORY)),
                    start: Some(date),
                    end: Some(date),
                    groups: m.groups.clone(),
                    recurrence: String::new(),
                    notes: String::new(),
                    meeting: Some(m.id.clone()),
                },
                source,
                start_time: m.start_time,
                end_time: m.end_time,
                place: m.place.clone(),
                link: m.link.clone(),
            });
        }
    }
    if filter.actions {
        for a in actions {
            let Some(due) = a.due else { continue };
            if a.status == ActionStatus::Cancelled {
                continue;
            }
            let groups = a
                .source_meeting
                .as_ref()
                .and_then(|id| meetings.iter().find(|m| &m.id == id))
                .map(|m| m.groups.clone())
                .or_else(|| {
                    a.wheel_event
                        .as_ref()
                        .and_then(|id| events.iter().find(|e| &e.id == id))
                        .map(|e| e.groups.clone())
                })
                .unwrap_or_default();
            let source = Source::Action(a.id.clone());
            let mut title = crate::actions::label(&a.text);
            if title.is_empty() {
                title = "Åtgärd".to_owned();
            }
            items.push(WheelItem {
                event: WheelEvent {
                    id: WheelEventId(source.key()),
                    title,
                    category: Some(CategoryId::from(ACTION_CATEGORY)),
                    start: Some(due),
                    end: Some(due),
                    groups,
                    recurrence: String::new(),
                    notes: a.text.clone(),
                    meeting: a.source_meeting.clone(),
                },
                source,
                start_time: None,
                end_time: None,
                place: String::new(),
                link: String::new(),
            });
        }
    }
    items.retain(|item| filter.keeps(&item.event));
    items
}

/// [`gather`] over a workspace document.
pub fn gather_from(doc: &WorkspaceDoc, filter: &Filter) -> Vec<WheelItem> {
    let actions = if filter.actions {
        doc.list::<Action>()
    } else {
        Vec::new()
    };
    gather(
        &doc.list::<WheelEvent>(),
        &doc.list::<Meeting>(),
        &actions,
        filter,
    )
}

/// The items as wheel events, for [`super::WheelLayout::build`].
pub fn as_events(items: &[WheelItem]) -> Vec<WheelEvent> {
    items.iter().map(|i| i.event.clone()).collect()
}

/// One occurrence in the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// The item's [`Source::key`].
    pub key: String,
    pub source: Source,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub category: Option<CategoryId>,
    pub category_name: String,
    pub colour: String,
    pub groups: Vec<GroupId>,
    pub recurring: bool,
}

/// The entries of one ISO week, within a month.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineWeek {
    pub iso_year: i32,
    pub week: u32,
    pub entries: Vec<TimelineEntry>,
}

/// One month of the timeline; only months and weeks with entries are listed.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMonth {
    pub year: i32,
    pub month: u32,
    pub weeks: Vec<TimelineWeek>,
}

/// The occurrences in `from..=to`, by month and ISO week of their first day
/// in the range (an event running into the range from before is listed at
/// the range's start), by date, time and title.
pub fn timeline(
    items: &[WheelItem],
    categories: &[Category],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<TimelineMonth> {
    let mut entries = Vec::new();
    for item in items {
        let category = item
            .event
            .category
            .as_ref()
            .and_then(|id| categories.iter().find(|c| &c.id == id));
        let recurring = item.recurrence().is_some();
        for (start, end) in item.occurrences(from, to) {
            entries.push(TimelineEntry {
                key: item.key(),
                source: item.source.clone(),
                title: item.event.title.clone(),
                start,
                end,
                start_time: item.start_time,
                end_time: item.end_time,
                category: category.map(|c| c.id.clone()),
                category_name: category.map_or(UNCATEGORISED_NAME.to_owned(), |c| c.name.clone()),
                colour: category.map_or(UNCATEGORISED_COLOUR.to_owned(), |c| c.colour.clone()),
                groups: item.event.groups.clone(),
                recurring,
            });
        }
    }
    crate::order::sort_by(&mut entries, |a, b| {
        (a.start.max(from), a.start_time, a.end, &a.title, &a.key).cmp(&(
            b.start.max(from),
            b.start_time,
            b.end,
            &b.title,
            &b.key,
        ))
    });
    let mut months: Vec<TimelineMonth> = Vec::new();
    for entry in entries {
        let shown = entry.start.max(from);
        let (iso_year, week) = iso_week(shown);
        let same_month = months
            .last()
            .is_some_and(|m| m.year == shown.year() && m.month == shown.month());
        if !same_month {
            months.push(TimelineMonth {
                year: shown.year(),
                month: shown.month(),
                weeks: Vec::new(),
            });
        }
        let month = months.last_mut().expect("pushed above");
        let same_week = month
            .weeks
            .last()
            .is_some_and(|w| w.iso_year == iso_year && w.week == week);
        if !same_week {
            month.weeks.push(TimelineWeek {
                iso_year,
                week,
                entries: Vec::new(),
            });
        }
        month
            .weeks
            .last_mut()
            .expect("pushed above")
            .entries
            .push(entry);
    }
    months
}

/// How much of the year the wheel and the timeline show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    #[default]
    Year,
    /// 1..=4.
    Quarter(u32),
    /// 1..=12.
    Month(u32),
}

impl Zoom {
    /// The zoom as a form value: `year`, `q1`..`q4`, `m1`..`m12`.
    pub fn code(self) -> String {
        match self {
            Zoom::Year => "year".into(),
            Zoom::Quarter(q) => format!("q{q}"),
            Zoom::Month(m) => format!("m{m}"),
        }
    }

    /// A form value back ([`Self::code`]): numbers clamped into range,
    /// anything else the whole year.
    pub fn from_code(code: &str) -> Zoom {
        let number = |s: &str| s.parse::<u32>().ok();
        if let Some(q) = code.strip_prefix('q').and_then(number) {
            Zoom::Quarter(q.clamp(1, 4))
        } else if let Some(m) = code.strip_prefix('m').and_then(number) {
            Zoom::Month(m.clamp(1, 12))
        } else {
            Zoom::Year
        }
    }

    /// The first and last day shown of `year`.
    pub fn range(self, year: i32) -> (NaiveDate, NaiveDate) {
        let first = |month: u32| NaiveDate::from_ymd_opt(year, month, 1);
        let last = |month: u32| {
            if month >= 12 {
                NaiveDate::from_ymd_opt(year, 12, 31)
            } else {
                first(month + 1).map(|d| d - Duration::days(1))
            }
        };
        let (m0, m1) = match self {
            Zoom::Year => (1, 12),
            Zoom::Quarter(q) => {
                let q = q.clamp(1, 4);
                (3 * q - 2, 3 * q)
            }
            Zoom::Month(m) => {
                let m = m.clamp(1, 12);
                (m, m)
            }
        };
        match (first(m0), last(m1)) {
            (Some(a), Some(b)) => (a, b),
            _ => (NaiveDate::MIN, NaiveDate::MAX),
        }
    }

    /// The wheel's angles of the range (degrees clockwise from the top).
    pub fn angles(self, year: i32) -> (f64, f64) {
        let (from, to) = self.range(year);
        (angle_of(from, year), angle_of(to + Duration::days(1), year))
    }

    /// The SVG view box `(x, y, width, height)` that shows the range's part
    /// of a wheel of `dims`, out to radius `r_max` (the labels), enlarged:
    /// the whole square for the year, the bounding box of the sector (with a
    /// margin) for a quarter or a month.
    pub fn view_box(self, year: i32, dims: &WheelDims, r_max: f64) -> (f64, f64, f64, f64) {
        let full = (dims.cx - r_max, dims.cy - r_max, 2.0 * r_max, 2.0 * r_max);
        if self == Zoom::Year {
            return full;
        }
        let (a0, a1) = self.angles(year);
        let inner = (dims.r_inner - 8.0).max(0.0);
        let mut points = Vec::new();
        let steps = ((a1 - a0) / 2.0).ceil().max(1.0) as usize;
        for i in 0..=steps {
            let a = a0 + (a1 - a0) * i as f64 / steps as f64;
            points.push(polar_to_xy(dims.cx, dims.cy, inner, a));
            points.push(polar_to_xy(dims.cx, dims.cy, r_max, a));
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in points {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let margin = 8.0;
        (
            x0 - margin,
            y0 - margin,
            x1 - x0 + 2.0 * margin,
            y1 - y0 + 2.0 * margin,
        )
    }
}

/// The `.ics` events of the items: wheel events all day (with their
/// recurrence), meetings timed in Europe/Stockholm when they have a start
/// time (else all day), actions all day on their due date.
pub fn ics_events(items: &[WheelItem], categories: &[Category]) -> Vec<IcsEvent> {
    items
        .iter()
        .filter_map(|item| {
            let start = item.event.start?;
            let end = item.event.end.unwrap_or(start).max(start);
            let category = item
                .event
                .category
                .as_ref()
                .and_then(|id| categories.iter().find(|c| &c.id == id))
                .map(|c| c.name.clone());
            let (uid, mut ev) = match &item.source {
                Source::Event(id) => (
                    id.to_string(),
                    IcsEvent::all_day("", &item.event.title, start, end),
                ),
                Source::Meeting(id) => {
                    let ev = match item.start_time {
                        Some(t0) => {
                            let t1 = item.end_time.filter(|t1| *t1 > t0).unwrap_or(
                                t0 + Duration::minutes(super::ics::DEFAULT_DURATION_MINUTES),
                            );
                            IcsEvent::timed("", &item.event.title, start, t0, t1)
                        }
                        None => IcsEvent::all_day("", &item.event.title, start, start),
                    };
                    (format!("meeting-{id}"), ev)
                }
                Source::Action(id) => (
                    format!("action-{id}"),
                    IcsEvent::all_day("", &item.event.title, start, start),
                ),
            };
            ev.uid = uid;
            ev.description = item.event.notes.clone();
            ev.categories = category.into_iter().collect();
            ev.rrule = item.recurrence();
            ev.location = Some(item.place.trim().to_owned()).filter(|p| !p.is_empty());
            ev.url = Some(item.link.trim().to_owned()).filter(|l| !l.is_empty());
            Some(ev)
        })
        .collect()
}

/// The wheel of a workspace as an `.ics` calendar: everything, or one
/// group's items (and the whole council's); with actions' due dates when
/// `actions` is set. Named "Årshjul – <workspace>[ – <group>]".
pub fn workspace_ics(
    doc: &WorkspaceDoc,
    group: Option<&GroupId>,
    actions: bool,
    dtstamp: DateTime<Utc>,
) -> String {
    let filter = Filter {
        actions,
        ..Filter::for_group(group.cloned())
    };
    let items = gather_from(doc, &filter);
    let categories = workspace_categories(doc.list::<Category>());
    let mut name = format!("Årshjul – {}", doc.info().name.trim());
    if let Some(g) = group.and_then(|g| doc.get::<Group>(g)) {
        name.push_str(&format!(" – {}", g.name.trim()));
    }
    to_ics(&name, &ics_events(&items, &categories), dtstamp)
}

/// [`workspace_ics`] stamped `now_ms` (milliseconds since the Unix epoch),
/// for callers without chrono, such as the server's calendar feed.
pub fn workspace_ics_at_ms(
    doc: &WorkspaceDoc,
    group: Option<&GroupId>,
    actions: bool,
    now_ms: i64,
) -> String {
    let stamp = DateTime::from_timestamp_millis(now_ms).unwrap_or_default();
    workspace_ics(doc, group, actions, stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_codes_round_trip() {
        for zoom in [
            Zoom::Year,
            Zoom::Quarter(1),
            Zoom::Quarter(4),
            Zoom::Month(1),
            Zoom::Month(12),
        ] {
            assert_eq!(Zoom::from_code(&zoom.code()), zoom);
        }
        assert_eq!(Zoom::Quarter(3).code(), "q3");
        assert_eq!(Zoom::from_code("q9"), Zoom::Quarter(4));
        assert_eq!(Zoom::from_code("m0"), Zoom::Month(1));
        assert_eq!(Zoom::from_code("mx"), Zoom::Year);
        assert_eq!(Zoom::from_code(""), Zoom::Year);
    }
    use crate::model::WorkspaceInfo;
    use crate::wheel::layout::WheelLayout;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    struct Fixture {
        trygg: GroupId,
        klara: GroupId,
        events: Vec<WheelEvent>,
        meetings: Vec<Meeting>,
        actions: Vec<Action>,
    }

    fn fixture() -> Fixture {
        let trygg = GroupId::from("trygg");
        let klara = GroupId::from("klara");
        let events = vec![
            WheelEvent {
                id: WheelEventId::from("eosm"),
                title: "End of summer meet".into(),
                category: Some(CategoryId::from("evenemang")),
                start: Some(d(2023, 8, 25)),
                end: Some(d(2023, 8, 27)),
                groups: vec![klara.clone()],
                ..Default::default()
            },
            WheelEvent {
                id: WheelEventId::from("kulturnatten"),
                title: "Kulturnatten".into(),
                category: Some(CategoryId::from("evenemang")),
                start: Some(d(2023, 5, 26)),
                end: Some(d(2023, 5, 26)),
                ..Default::default()
            },
            WheelEvent {
                id: WheelEventId::from("v40"),
                title: "Kampanjvecka".into(),
                category: Some(CategoryId::from("kampanjveckor")),
                start: Some(d(2023, 10, 2)),
                end: Some(d(2023, 10, 8)),
                groups: vec![trygg.clone()],
                recurrence: Recurrence::in_iso_week_every_year(40).to_json(),
                ..Default::default()
            },
            WheelEvent {
                id: WheelEventId::from("linked"),
                title: "Trygghetsrådet möte 2 (på hjulet)".into(),
                category: Some(CategoryId::from("moten")),
                start: Some(d(2023, 6, 1)),
                end: Some(d(2023, 6, 1)),
                groups: vec![trygg.clone()],
                meeting: Some(MeetingId::from("m2")),
                ..Default::default()
            },
        ];
        let meetings = vec![
            Meeting {
                id: MeetingId::from("m1"),
                title: "Trygghetsrådet".into(),
                groups: vec![trygg.clone()],
                date: Some(d(2023, 3, 14)),
                start_time: Some(t(13, 0)),
                end_time: Some(t(15, 0)),
                place: "Kommunhuset".into(),
                ..Default::default()
            },
            Meeting {
                id: MeetingId::from("m2"),
                title: "Linked".into(),
                groups: vec![trygg.clone()],
                date: Some(d(2023, 6, 1)),
                ..Default::default()
            },
            Meeting {
                id: MeetingId::from("m3"),
                title: "".into(),
                groups: vec![klara.clone()],
                date: None,
                ..Default::default()
            },
        ];
        let actions = vec![
            Action {
                id: ActionId::from("a1"),
                text: "\nBjud in polisen till nästa möte\nmed detaljer".into(),
                due: Some(d(2023, 9, 1)),
                source_meeting: Some(MeetingId::from("m1")),
                ..Default::default()
            },
            Action {
                id: ActionId::from("a2"),
                text: "Struken".into(),
                due: Some(d(2023, 9, 2)),
                status: ActionStatus::Cancelled,
                ..Default::default()
            },
        ];
        Fixture {
            trygg,
            klara,
            events,
            meetings,
            actions,
        }
    }

    fn keys(items: &[WheelItem]) -> Vec<String> {
        let mut k: Vec<String> = items.iter().map(WheelItem::key).collect();
        k.sort();
        k
    }

    #[test]
    fn gathers_events_meetings_and_optionally_actions() {
        let f = fixture();
        let items = gather(&f.events, &f.meetings, &f.actions, &Filter::default());
        assert_eq!(
            keys(&items),
            [
                "event:eosm",
                "event:kulturnatten",
                "event:linked",
                "event:v40",
                "meeting:m1"
            ],
            "the linked meeting is the event; a meeting without a date is not placed"
        );
        let m1 = items.iter().find(|i| i.key() == "meeting:m1").unwrap();
        assert_eq!(m1.event.category.as_ref().unwrap().as_str(), "moten");
        assert_eq!(m1.event.start, Some(d(2023, 3, 14)));
        assert_eq!(m1.start_time, Some(t(13, 0)));
        assert_eq!(m1.event.id.as_str(), "meeting:m1");

        let with_actions = gather(
            &f.events,
            &f.meetings,
            &f.actions,
            &Filter {
                actions: true,
                ..Default::default()
            },
        );
        let a1 = with_actions
            .iter()
            .find(|i| i.key() == "action:a1")
            .unwrap();
        assert_eq!(a1.event.title, "Bjud in polisen till nästa möte");
        assert_eq!(a1.event.category.as_ref().unwrap().as_str(), "uppfoljning");
        assert_eq!(a1.event.groups, vec![f.trygg.clone()], "from its meeting");
        assert!(
            !with_actions.iter().any(|i| i.key() == "action:a2"),
            "cancelled"
        );

        let no_meetings = gather(
            &f.events,
            &f.meetings,
            &f.actions,
            &Filter {
                meetings: false,
                ..Default::default()
            },
        );
        assert!(!no_meetings.iter().any(|i| i.key().starts_with("meeting:")));
    }

    #[test]
    fn filters_by_group_and_category() {
        let f = fixture();
        let trygg = gather(
            &f.events,
            &f.meetings,
            &f.actions,
            &Filter::for_group(Some(f.trygg.clone())),
        );
        assert_eq!(
            keys(&trygg),
            [
                "event:kulturnatten",
                "event:linked",
                "event:v40",
                "meeting:m1"
            ],
            "Klara-gruppen's event is gone; the council-wide Kulturnatten stays"
        );
        let klara = gather(
            &f.events,
            &f.meetings,
            &f.actions,
            &Filter::for_group(Some(f.klara.clone())),
        );
        assert_eq!(keys(&klara), ["event:eosm", "event:kulturnatten"]);

        let filter = Filter {
            hidden_categories: vec![CategoryId::from("evenemang"), CategoryId::from("moten")],
            ..Default::default()
        };
        assert_eq!(
            keys(&gather(&f.events, &f.meetings, &f.actions, &filter)),
            ["event:v40"]
        );
        let visible = filter.visible_categories(&default_categories());
        assert_eq!(visible.len(), 5);
        assert!(visible.iter().all(|c| c.id.as_str() != "moten"));
    }

    #[test]
    fn layout_of_gathered_items_leads_back_to_sources() {
        let f = fixture();
        let items = gather(&f.events, &f.meetings, &f.actions, &Filter::default());
        let cats = default_categories();
        let layout =
            WheelLayout::build(2024, &cats, &as_events(&items), None, WheelDims::default());
        // Only the week-40 campaign repeats into 2024 (week 40 of 2024: 30 Sep–6 Oct).
        assert_eq!(layout.items.len(), 1);
        let item = &layout.items[0];
        assert_eq!(
            Source::from_key(item.event.as_str()),
            Some(Source::Event(WheelEventId::from("v40")))
        );
        assert_eq!((item.start, item.end), (d(2024, 9, 30), d(2024, 10, 6)));
        let layout =
            WheelLayout::build(2023, &cats, &as_events(&items), None, WheelDims::default());
        assert_eq!(layout.items.len(), 5);
        let meeting = layout
            .items_of(&WheelEventId::from("meeting:m1"))
            .next()
            .unwrap();
        assert_eq!(layout.rings[meeting.ring].name, "Möten");
    }

    #[test]
    fn source_keys_round_trip() {
        for s in [
            Source::Event(WheelEventId::from("a")),
            Source::Meeting(MeetingId::from("b")),
            Source::Action(ActionId::from("c")),
        ] {
            assert_eq!(Source::from_key(&s.key()), Some(s));
        }
        assert_eq!(Source::from_key("event:"), None);
        assert_eq!(Source::from_key("person:x"), None);
        assert_eq!(Source::from_key("nothing"), None);
    }

    #[test]
    fn categories_default_for_old_workspaces_and_keep_wheel_order() {
        assert_eq!(workspace_categories(Vec::new()), default_categories());
        let mut stored = default_categories();
        stored.reverse();
        stored.push(Category {
            id: CategoryId::from("zzz"),
            name: "Arbetsplatsträffar".into(),
            colour: "#000000".into(),
        });
        let ordered = workspace_categories(stored);
        assert_eq!(ordered[0].id.as_str(), "moten");
        assert_eq!(ordered[6].id.as_str(), "uppfoljning");
        assert_eq!(ordered[7].name, "Arbetsplatsträffar");
    }

    #[test]
    fn timeline_by_month_and_week() {
        let f = fixture();
        let items = gather(&f.events, &f.meetings, &f.actions, &Filter::default());
        let cats = default_categories();
        let months = timeline(&items, &cats, d(2023, 1, 1), d(2023, 12, 31));
        let shape: Vec<(u32, Vec<u32>)> = months
            .iter()
            .map(|m| (m.month, m.weeks.iter().map(|w| w.week).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                (3, vec![11]),
                (5, vec![21]),
                (6, vec![22]),
                (8, vec![34]),
                (10, vec![40])
            ]
        );
        let eosm = &months[3].weeks[0].entries[0];
        assert_eq!(eosm.title, "End of summer meet");
        assert_eq!(eosm.category_name, "Evenemang");
        assert_eq!((eosm.start, eosm.end), (d(2023, 8, 25), d(2023, 8, 27)));
        assert!(months[4].weeks[0].entries[0].recurring);

        // A zoomed range: the third quarter.
        let (from, to) = Zoom::Quarter(3).range(2023);
        let q3 = timeline(&items, &cats, from, to);
        assert_eq!(q3.iter().map(|m| m.month).collect::<Vec<_>>(), [8]);

        // An event running into the range is listed at its start.
        let (from, to) = Zoom::Month(8).range(2023);
        let long = WheelItem {
            event: WheelEvent {
                id: WheelEventId::from("event:summer"),
                title: "Sommarlovsaktiviteter".into(),
                start: Some(d(2023, 6, 15)),
                end: Some(d(2023, 8, 10)),
                ..Default::default()
            },
            ..items[0].clone()
        };
        let aug = timeline(&[long], &cats, from, to);
        assert_eq!(aug[0].month, 8);
        assert_eq!(aug[0].weeks[0].week, 31);
        assert_eq!(aug[0].weeks[0].entries[0].category_name, UNCATEGORISED_NAME);
    }

    #[test]
    fn zoom_ranges_and_view_boxes() {
        assert_eq!(Zoom::Year.range(2024), (d(2024, 1, 1), d(2024, 12, 31)));
        assert_eq!(
            Zoom::Quarter(1).range(2024),
            (d(2024, 1, 1), d(2024, 3, 31))
        );
        assert_eq!(
            Zoom::Quarter(4).range(2023),
            (d(2023, 10, 1), d(2023, 12, 31))
        );
        assert_eq!(Zoom::Month(2).range(2024), (d(2024, 2, 1), d(2024, 2, 29)));
        assert_eq!(
            Zoom::Month(12).range(2023),
            (d(2023, 12, 1), d(2023, 12, 31))
        );
        assert_eq!(
            Zoom::Month(99).range(2023),
            (d(2023, 12, 1), d(2023, 12, 31))
        );
        let (a0, a1) = Zoom::Year.angles(2023);
        assert!((a0 - 0.0).abs() < 1e-9 && (a1 - 360.0).abs() < 1e-9);

        let dims = WheelDims::default();
        assert_eq!(
            Zoom::Year.view_box(2023, &dims, 300.0),
            (0.0, 0.0, 600.0, 600.0)
        );
        // The first quarter is the top right quadrant, about twice enlarged.
        let (x, y, w, h) = Zoom::Quarter(1).view_box(2023, &dims, 300.0);
        assert!(x > 280.0 && x < 300.0, "{x}");
        assert!(y < 0.0 && y > -10.0, "{y}");
        assert!(w < 330.0 && h < 330.0, "{w} {h}");
        // A month is smaller still.
        let (_, _, w, h) = Zoom::Month(8).view_box(2023, &dims, 300.0);
        assert!(w < 250.0 && h < 250.0, "{w} {h}");
    }

    #[test]
    fn ics_of_a_workspace_all_or_one_group() {
        let f = fixture();
        let mut doc = WorkspaceDoc::create(&WorkspaceInfo {
            name: "Trygghetsrådet och Klara-gruppen".into(),
            organisation: "Ånge kommun".into(),
        })
        .unwrap();
        doc.put(&Group {
            id: f.trygg.clone(),
            name: "Trygghetsrådet".into(),
            description: String::new(),
        })
        .unwrap();
        doc.put(&Group {
            id: f.klara.clone(),
            name: "Klara-gruppen".into(),
            description: String::new(),
        })
        .unwrap();
        for e in &f.events {
            doc.put(e).unwrap();
        }
        for m in &f.meetings {
            doc.put(m).unwrap();
        }
        for a in &f.actions {
            doc.put(a).unwrap();
        }
        let stamp = Utc.with_ymd_and_hms(2023, 5, 1, 8, 0, 0).unwrap();
        let all = workspace_ics(&doc, None, false, stamp);
        assert!(all.contains("X-WR-CALNAME:Årshjul – Trygghetsrådet och Klara-gruppen\r\n"));
        assert!(all.contains("SUMMARY:End of summer meet\r\n"));
        assert!(all.contains("DTSTART;VALUE=DATE:20230825\r\n"));
        assert!(all.contains("DTEND;VALUE=DATE:20230828\r\n"));
        assert!(all.contains("UID:eosm@radslag\r\n"));
        // The meeting is timed in Stockholm, with its place.
        assert!(all.contains("UID:meeting-m1@radslag\r\n"));
        assert!(
            all.contains("DTSTART;TZID=Europe/Stockholm:20230314T130000\r\n"),
            "{all}"
        );
        assert!(all.contains("DTEND;TZID=Europe/Stockholm:20230314T150000\r\n"));
        assert!(all.contains("LOCATION:Kommunhuset\r\n"));
        assert!(all.contains("BEGIN:VTIMEZONE\r\n"));
        // Week 40 every year has no Outlook-safe RRULE: one event a year.
        // (The two RRULEs left are the time zone's.)
        assert_eq!(all.matches("RRULE:").count(), 2, "{all}");
        assert!(!all.contains("BYWEEKNO"), "{all}");
        assert!(all.contains("UID:v40-20231002@radslag\r\n"), "{all}");
        assert!(all.contains("UID:v40-20331003@radslag\r\n"), "{all}");
        assert!(!all.contains("action-a1"));

        let trygg = workspace_ics(&doc, Some(&f.trygg), true, stamp);
        assert!(icalendar::parser::unfold(&trygg).contains(
            "X-WR-CALNAME:Årshjul – Trygghetsrådet och Klara-gruppen – Trygghetsrådet\r\n"
        ));
        assert!(!trygg.contains("End of summer meet"));
        assert!(trygg.contains("SUMMARY:Kulturnatten\r\n"));
        assert!(trygg.contains("UID:action-a1@radslag\r\n"));

        // A real parser reads both.
        for text in [&all, &trygg] {
            let unfolded = icalendar::parser::unfold(text);
            let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
            assert!(!cal.components.is_empty());
        }
    }
}
