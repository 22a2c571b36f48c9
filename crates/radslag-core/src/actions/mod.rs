//! Actions (åtgärder) followed up from meeting to meeting: which groups an
//! action belongs to, filters for the overview, sorting by due date, counts
//! per status and the open actions a meeting follows up. "Today" is
//! Stockholm's date ([`crate::time::stockholm_today`]).
//!
//! Pure code: the clock comes in as an argument (`today`), so the
//! same logic runs natively in tests and on wasm32. The CSV export is in
//! [`export`], what a meeting's minutes record of its actions in [`record`];
//! the status history of an action, which needs the document's
//! change history, is [`crate::WorkspaceDoc::action_status_history`].

pub mod export;
pub mod record;

use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeSet, HashMap};

use crate::WorkspaceDoc;
use crate::ids::{GroupId, MeetingId, PersonId, WheelEventId};
use crate::model::{Action, ActionStatus, Meeting, Owner, Person, WheelEvent};

/// The heading of the agenda item under which a meeting follows up the open
/// actions of its groups (seeded with the default template).
pub use crate::doc::seed::FOLLOW_UP_HEADING;

/// Every status, in the order the overview counts them.
pub const STATUSES: [ActionStatus; 4] = [
    ActionStatus::NotStarted,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::Cancelled,
];

/// Whether an agenda heading is the follow-up item (case and spacing aside).
pub fn is_follow_up_heading(heading: &str) -> bool {
    heading.trim().to_lowercase() == FOLLOW_UP_HEADING.to_lowercase()
}

/// The status as the Swedish UI and the export say it.
pub fn status_sv(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::NotStarted => "Ej påbörjad",
        ActionStatus::InProgress => "Pågår",
        ActionStatus::Done => "Klar",
        ActionStatus::Cancelled => "Struken",
    }
}

/// The status's stored name (`notStarted`, …), also used as a form value.
pub fn status_code(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::NotStarted => "notStarted",
        ActionStatus::InProgress => "inProgress",
        ActionStatus::Done => "done",
        ActionStatus::Cancelled => "cancelled",
    }
}

pub fn parse_status_code(code: &str) -> Option<ActionStatus> {
    STATUSES.into_iter().find(|s| status_code(*s) == code)
}

/// An action's text as a label: its first line, at most 80 characters.
pub fn label(text: &str) -> String {
    crate::text::first_line(text, 80)
}

/// An owner as a form value: `person:<id>` or `org:<name>`.
pub fn owner_code(owner: &Owner) -> String {
    match owner {
        Owner::Person(id) => format!("person:{id}"),
        Owner::Organisation(name) => format!("org:{name}"),
    }
}

/// A form value back ([`owner_code`]); anything else is no owner.
pub fn owner_from_code(code: &str) -> Option<Owner> {
    match code.split_once(':') {
        Some(("person", id)) => Some(Owner::Person(id.into())),
        Some(("org", name)) => Some(Owner::Organisation(name.to_owned())),
        _ => None,
    }
}

/// Open: still to be done (not started or in progress).
pub fn is_open(status: ActionStatus) -> bool {
    matches!(status, ActionStatus::NotStarted | ActionStatus::InProgress)
}

/// Overdue: open, and due before today (in Stockholm: see
/// [`crate::time::stockholm_today`]).
pub fn is_overdue(action: &Action, today: NaiveDate) -> bool {
    is_open(action.status) && action.due.is_some_and(|due| due < today)
}

/// Due in today's calendar month (any status).
pub fn is_due_this_month(action: &Action, today: NaiveDate) -> bool {
    action
        .due
        .is_some_and(|due| due.year() == today.year() && due.month() == today.month())
}

/// What an action's groups are derived from: the meetings' groups, the
/// people's groups and the wheel events' groups, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Register {
    meeting_groups: HashMap<MeetingId, Vec<GroupId>>,
    meeting_dates: HashMap<MeetingId, NaiveDate>,
    person_groups: HashMap<PersonId, Vec<GroupId>>,
    person_organisations: HashMap<PersonId, String>,
    event_groups: HashMap<WheelEventId, Vec<GroupId>>,
}

impl Register {
    pub fn new(meetings: &[Meeting], people: &[Person], events: &[WheelEvent]) -> Register {
        Register {
            meeting_groups: meetings
                .iter()
                .map(|m| (m.id.clone(), m.groups.clone()))
                .collect(),
            meeting_dates: meetings
                .iter()
                .filter_map(|m| Some((m.id.clone(), m.date?)))
                .collect(),
            person_groups: people
                .iter()
                .map(|p| (p.id.clone(), p.groups.clone()))
                .collect(),
            person_organisations: people
                .iter()
                .map(|p| (p.id.clone(), p.organisation.clone()))
                .collect(),
            event_groups: events
                .iter()
                .map(|e| (e.id.clone(), e.groups.clone()))
                .collect(),
        }
    }

    pub fn from_doc(doc: &WorkspaceDoc) -> Register {
        Register::new(
            &doc.list::<Meeting>(),
            &doc.list::<Person>(),
            &doc.list::<WheelEvent>(),
        )
    }

    /// The groups an action belongs to: its source meeting's groups, its
    /// person-owners' groups and its wheel event's groups, each once.
    pub fn groups_of(&self, action: &Action) -> BTreeSet<GroupId> {
        let mut groups = BTreeSet::new();
        if let Some(meeting) = action
            .source_meeting
            .as_ref()
            .and_then(|m| self.meeting_groups.get(m))
        {
            groups.extend(meeting.iter().cloned());
        }
        for owner in &action.owners {
            if let crate::model::Owner::Person(person) = owner
                && let Some(of_person) = self.person_groups.get(person)
            {
                groups.extend(of_person.iter().cloned());
            }
        }
        if let Some(event) = action
            .wheel_event
            .as_ref()
            .and_then(|e| self.event_groups.get(e))
        {
            groups.extend(event.iter().cloned());
        }
        groups
    }

    /// Whether `person` owns the action: named as an owner, or through their
    /// organisation (an action for "Polisen Ånge" is the police officer's too).
    pub fn is_owned_by(&self, action: &Action, person: &PersonId) -> bool {
        let organisation = self
            .person_organisations
            .get(person)
            .map(|o| normalise(o))
            .filter(|o| !o.is_empty());
        action.owners.iter().any(|owner| match owner {
            crate::model::Owner::Person(p) => p == person,
            crate::model::Owner::Organisation(name) => {
                organisation.as_deref() == Some(normalise(name).as_str())
            }
        })
    }
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Which statuses the overview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    /// Not started or in progress.
    Open,
    Is(ActionStatus),
}

impl StatusFilter {
    pub fn keeps(self, status: ActionStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Open => is_open(status),
            StatusFilter::Is(wanted) => wanted == status,
        }
    }

    /// A form value: `all`, `open` or a status code.
    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Open => "open",
            StatusFilter::Is(status) => status_code(status),
        }
    }

    pub fn from_code(code: &str) -> StatusFilter {
        match code {
            "open" => StatusFilter::Open,
            other => parse_status_code(other).map_or(StatusFilter::All, StatusFilter::Is),
        }
    }
}

/// The overview's filters; every one set must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionFilter {
    /// Actions belonging to this group ([`Register::groups_of`]).
    pub group: Option<GroupId>,
    /// Actions with exactly this owner.
    pub owner: Option<crate::model::Owner>,
    /// "Mina åtgärder": actions this person owns ([`Register::is_owned_by`]).
    pub mine: Option<PersonId>,
    pub status: StatusFilter,
    /// Only open actions due before today.
    pub overdue: bool,
    /// Only actions due in today's month.
    pub due_this_month: bool,
}

impl ActionFilter {
    pub fn matches(&self, action: &Action, register: &Register, today: NaiveDate) -> bool {
        self.group
            .as_ref()
            .is_none_or(|g| register.groups_of(action).contains(g))
            && self
                .owner
                .as_ref()
                .is_none_or(|o| action.owners.contains(o))
            && self
                .mine
                .as_ref()
                .is_none_or(|me| register.is_owned_by(action, me))
            && self.status.keeps(action.status)
            && (!self.overdue || is_overdue(action, today))
            && (!self.due_this_month || is_due_this_month(action, today))
    }

    /// The matching actions, sorted by due date ([`sort_by_due`]).
    pub fn apply(&self, actions: &[Action], register: &Register, today: NaiveDate) -> Vec<Action> {
        let mut kept: Vec<Action> = actions
            .iter()
            .filter(|a| self.matches(a, register, today))
            .cloned()
            .collect();
        sort_by_due(&mut kept);
        kept
    }
}

/// Earliest due date first, actions without a date last; ties by text, then id,
/// so the order is the same on every device.
pub fn sort_by_due(actions: &mut [Action]) {
    crate::order::sort_by(actions, |a, b| {
        let key = |x: &Action| (x.due.is_none(), x.due);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.text.cmp(&b.text))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// How many actions have each status, and how many are overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusCounts {
    pub not_started: usize,
    pub in_progress: usize,
    pub done: usize,
    pub cancelled: usize,
    pub overdue: usize,
}

impl StatusCounts {
    pub fn of(&self, status: ActionStatus) -> usize {
        match status {
            ActionStatus::NotStarted => self.not_started,
            ActionStatus::InProgress => self.in_progress,
            ActionStatus::Done => self.done,
            ActionStatus::Cancelled => self.cancelled,
        }
    }

    pub fn total(&self) -> usize {
        self.not_started + self.in_progress + self.done + self.cancelled
    }
}

pub fn counts(actions: &[Action], today: NaiveDate) -> StatusCounts {
    let mut counts = StatusCounts::default();
    for action in actions {
        match action.status {
            ActionStatus::NotStarted => counts.not_started += 1,
            ActionStatus::InProgress => counts.in_progress += 1,
            ActionStatus::Done => counts.done += 1,
            ActionStatus::Cancelled => counts.cancelled += 1,
        }
        if is_overdue(action, today) {
            counts.overdue += 1;
        }
    }
    counts
}

/// The open actions belonging to any of `groups`, sorted by due date.
pub fn open_actions_for_groups(
    actions: &[Action],
    groups: &[GroupId],
    register: &Register,
) -> Vec<Action> {
    let mut open: Vec<Action> = actions
        .iter()
        .filter(|a| is_open(a.status))
        .filter(|a| {
            let of_action = register.groups_of(a);
            groups.iter().any(|g| of_action.contains(g))
        })
        .cloned()
        .collect();
    sort_by_due(&mut open);
    open
}

/// What `meeting` follows up: the open actions of its groups, except those
/// decided at this meeting or at a later one (by date).
pub fn follow_up_for_meeting(
    actions: &[Action],
    meeting: &Meeting,
    register: &Register,
) -> Vec<Action> {
    let mut open = open_actions_for_groups(actions, &meeting.groups, register);
    open.retain(|a| follows_up(a, meeting, register));
    open
}

/// Whether `meeting` follows up `action` while it is open: the action
/// belongs to one of the meeting's groups and was not decided at this
/// meeting or at a later one (by date).
pub fn follows_up(action: &Action, meeting: &Meeting, register: &Register) -> bool {
    let of_action = register.groups_of(action);
    if !meeting.groups.iter().any(|g| of_action.contains(g)) {
        return false;
    }
    match &action.source_meeting {
        Some(source) if source == &meeting.id => false,
        Some(source) => match (register.meeting_dates.get(source), meeting.date) {
            (Some(decided), Some(this)) => *decided <= this,
            _ => true,
        },
        None => true,
    }
}

/// Adds the follow-up item to a new meeting's agenda, first, unless it has
/// one. Returns whether it added it.
pub fn add_follow_up_item(meeting: &mut Meeting) -> bool {
    if meeting
        .agenda
        .iter()
        .any(|item| is_follow_up_heading(&item.heading))
    {
        return false;
    }
    meeting.agenda.insert(
        0,
        crate::model::AgendaItem {
            id: crate::ids::AgendaItemId::random(),
            heading: FOLLOW_UP_HEADING.to_owned(),
            body: String::new(),
        },
    );
    true
}

#[cfg(test)]
mod tests;
