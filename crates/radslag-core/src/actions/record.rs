//! The actions in a meeting's minutes, the record the council signs: under
//! each agenda item the actions decided there, and under the follow-up item
//! ([`super::is_follow_up_heading`]) the actions the meeting followed up.
//!
//! Approved minutes show them **as they stood when the minutes were
//! approved** (the last approval in the meeting's log): each action's status
//! at that instant, read from its status history
//! ([`crate::WorkspaceDoc::action_status_histories`]), and no action created
//! after it. A meeting not yet approved shows today's state. Text, owners
//! and due date are always today's (the history keeps only statuses).

use chrono::NaiveDateTime;
use std::collections::HashMap;

use super::export::Names;
use super::{Register, follow_up_for_meeting, follows_up, is_open, sort_by_due};
use crate::WorkspaceDoc;
use crate::doc::StatusEvent;
use crate::ids::{ActionId, AgendaItemId};
use crate::model::{Action, ActionStatus, Meeting, MeetingStatus};
use crate::time::stockholm_to_utc;

/// One action as the minutes record it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedAction {
    pub id: ActionId,
    /// On one line: the text's lines joined by spaces.
    pub text: String,
    /// The owners' names ([`Names::owner`]), in the action's order.
    pub owners: Vec<String>,
    pub due: Option<chrono::NaiveDate>,
    /// At approval for approved minutes, else today's.
    pub status: ActionStatus,
}

/// What the minutes show under one agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemRecord {
    /// Decided under this item, by due date.
    pub decided: Vec<RecordedAction>,
    /// For the follow-up item only: the actions followed up, by due date.
    pub follow_up: Option<Vec<RecordedAction>>,
}

/// Per agenda item (by id) what the minutes record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MinutesActions {
    pub items: HashMap<AgendaItemId, ItemRecord>,
}

impl MinutesActions {
    /// The record of one item; empty for an item with nothing to show.
    pub fn item(&self, id: &AgendaItemId) -> ItemRecord {
        self.items.get(id).cloned().unwrap_or_default()
    }
}

/// When the minutes were approved: the last approval in the log, while the
/// meeting is approved. None for a draft (or reopened minutes).
pub fn approved_at(meeting: &Meeting) -> Option<i64> {
    if meeting.status != MeetingStatus::Approved {
        return None;
    }
    meeting
        .status_log
        .iter()
        .rev()
        .find(|c| c.status == MeetingStatus::Approved)
        .map(|c| c.at_ms)
}

/// The status an action had at `at_ms`: the last status written at or
/// before it. None when it did not exist yet.
pub fn status_at(history: &[StatusEvent], at_ms: i64) -> Option<ActionStatus> {
    history.iter().rfind(|e| e.at_ms <= at_ms).map(|e| e.status)
}

/// Whether the action was open at some moment from `from_ms` to `to_ms`:
/// open at `from_ms`, or set to an open status in between.
fn open_between(history: &[StatusEvent], from_ms: i64, to_ms: i64) -> bool {
    status_at(history, from_ms).is_some_and(is_open)
        || history
            .iter()
            .any(|e| e.at_ms > from_ms && e.at_ms <= to_ms && is_open(e.status))
}

/// When the meeting began, in milliseconds: its date and start time in
/// Stockholm (midnight without a time). None without a date.
fn meeting_start_ms(meeting: &Meeting) -> Option<i64> {
    let date = meeting.date?;
    let local = NaiveDateTime::new(date, meeting.start_time.unwrap_or_default());
    Some(stockholm_to_utc(local).and_utc().timestamp_millis())
}

fn decided_at(action: &Action, meeting: &Meeting) -> bool {
    action.source_meeting.as_ref() == Some(&meeting.id)
}

/// The actions whose status histories [`minutes_actions`] needs for approved
/// minutes: those decided at the meeting and those it may have followed up,
/// whatever their status today.
pub fn record_candidates(
    meeting: &Meeting,
    actions: &[Action],
    register: &Register,
) -> Vec<ActionId> {
    actions
        .iter()
        .filter(|a| decided_at(a, meeting) || follows_up(a, meeting, register))
        .map(|a| a.id.clone())
        .collect()
}

/// What the minutes of `meeting` record under each agenda item. For
/// approved minutes `histories` must hold the status history of each of
/// [`record_candidates`] (an action without one shows today's status); a
/// draft needs none.
///
/// Approved, the follow-up lists the actions of the meeting's groups (as
/// [`follow_up_for_meeting`] chooses them) that existed at approval and were
/// open at some moment from the meeting's start to the approval (so one
/// closed at the meeting shows as closed), each with its status at approval.
pub fn minutes_actions(
    meeting: &Meeting,
    actions: &[Action],
    histories: &HashMap<ActionId, Vec<StatusEvent>>,
    register: &Register,
    names: &Names,
) -> MinutesActions {
    let approved = approved_at(meeting);
    // The status the record shows, or None for an action not in the record.
    let status = |action: &Action| -> Option<ActionStatus> {
        match (approved, histories.get(&action.id)) {
            (Some(at), Some(history)) if !history.is_empty() => status_at(history, at),
            _ => Some(action.status),
        }
    };
    let recorded = |mut chosen: Vec<Action>| -> Vec<RecordedAction> {
        sort_by_due(&mut chosen);
        chosen
            .into_iter()
            .filter_map(|a| {
                Some(RecordedAction {
                    status: status(&a)?,
                    owners: a.owners.iter().map(|o| names.owner(o)).collect(),
                    text: a
                        .text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    due: a.due,
                    id: a.id,
                })
            })
            .collect()
    };
    let follow_up = || -> Vec<RecordedAction> {
        let Some(at) = approved else {
            return recorded(follow_up_for_meeting(actions, meeting, register));
        };
        let from = meeting_start_ms(meeting).unwrap_or(at).min(at);
        let chosen = actions
            .iter()
            .filter(|a| follows_up(a, meeting, register))
            .filter(|a| match histories.get(&a.id) {
                Some(history) if !history.is_empty() => open_between(history, from, at),
                _ => is_open(a.status),
            })
            .cloned()
            .collect();
        recorded(chosen)
    };
    let items = meeting
        .agenda
        .iter()
        .map(|item| {
            let decided = actions
                .iter()
                .filter(|a| decided_at(a, meeting) && a.source_item.as_ref() == Some(&item.id))
                .cloned()
                .collect();
            let record = ItemRecord {
                decided: recorded(decided),
                follow_up: super::is_follow_up_heading(&item.heading).then(follow_up),
            };
            (item.id.clone(), record)
        })
        .collect();
    MinutesActions { items }
}

/// [`minutes_actions`] read from the document; the status histories are
/// decoded (once) only for approved minutes.
pub fn from_doc(doc: &WorkspaceDoc, meeting: &Meeting) -> MinutesActions {
    let actions = doc.list::<Action>();
    let register = Register::from_doc(doc);
    let histories = if approved_at(meeting).is_some() {
        doc.action_status_histories(&record_candidates(meeting, &actions, &register))
    } else {
        HashMap::new()
    };
    minutes_actions(
        meeting,
        &actions,
        &histories,
        &register,
        &Names::from_doc(doc),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{GroupId, MeetingId, PersonId};
    use crate::model::{AgendaItem, Owner, Person, StatusChange};
    use chrono::{NaiveDate, NaiveTime};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Milliseconds at a Stockholm wall-clock time.
    fn at(date: &str, h: u32, m: u32) -> i64 {
        let local = NaiveDateTime::new(d(date), NaiveTime::from_hms_opt(h, m, 0).unwrap());
        stockholm_to_utc(local).and_utc().timestamp_millis()
    }

    fn event(status: ActionStatus, at_ms: i64) -> StatusEvent {
        StatusEvent {
            status,
            at_ms,
            actor: "aa".into(),
            person: None,
        }
    }

    struct Fixture {
        josef: Person,
        february: Meeting,
        may: Meeting,
        register: Register,
        names: Names,
    }

    fn item(id: &str, heading: &str) -> AgendaItem {
        AgendaItem {
            id: id.into(),
            heading: heading.into(),
            body: String::new(),
        }
    }

    fn fixture() -> Fixture {
        let radet = GroupId::from("radet");
        let josef = Person {
            id: PersonId::from("josef"),
            name: "Josef Wiklund".into(),
            role: "kommunpolis".into(),
            organisation: "Polisen Ånge".into(),
            groups: vec![radet.clone()],
        };
        let february = Meeting {
            id: MeetingId::from("feb"),
            title: "Trygghetsrådet februari".into(),
            groups: vec![radet.clone()],
            date: Some(d("2023-02-07")),
            start_time: NaiveTime::from_hms_opt(13, 0, 0),
            agenda: vec![
                item("f1", "Uppföljning av åtgärder"),
                item("f2", "Lägesbild"),
                item("f3", "Övriga frågor"),
            ],
            ..Default::default()
        };
        let may = Meeting {
            id: MeetingId::from("may"),
            title: "Trygghetsrådet maj".into(),
            groups: vec![radet],
            date: Some(d("2023-05-11")),
            start_time: NaiveTime::from_hms_opt(13, 0, 0),
            agenda: vec![
                item("m1", "Uppföljning av åtgärder"),
                item("m2", "Lägesbild"),
            ],
            ..Default::default()
        };
        let meetings = [february.clone(), may.clone()];
        let register = Register::new(&meetings, std::slice::from_ref(&josef), &[]);
        let names = Names::new(&[], std::slice::from_ref(&josef), &meetings, &[]);
        Fixture {
            josef,
            february,
            may,
            register,
            names,
        }
    }

    fn action(id: &str, text: &str, item: Option<&str>, due: Option<&str>) -> Action {
        Action {
            id: id.into(),
            text: text.into(),
            owners: vec![],
            due: due.map(d),
            status: ActionStatus::NotStarted,
            source_meeting: item.map(|_| MeetingId::from("feb")),
            source_item: item.map(AgendaItemId::from),
            wheel_event: None,
        }
    }

    fn approve(meeting: &mut Meeting, at_ms: i64) {
        meeting.status = MeetingStatus::Approved;
        meeting.status_log.push(StatusChange {
            status: MeetingStatus::Approved,
            by: "Moa Magnusson".into(),
            at_ms,
        });
    }

    fn texts(rows: &[RecordedAction]) -> Vec<(&str, ActionStatus)> {
        rows.iter().map(|r| (r.text.as_str(), r.status)).collect()
    }

    #[test]
    fn actions_are_listed_under_the_item_that_decided_them() {
        let f = fixture();
        let mut faltarna = action(
            "a1",
            "Fältarna träffar gruppen igen",
            Some("f2"),
            Some("2023-04-30"),
        );
        faltarna.owners = vec![
            Owner::Person(f.josef.id.clone()),
            Owner::Organisation("Fältarna".into()),
        ];
        let mut skolan = action(
            "a2",
            "Skolan ser över belysningen",
            Some("f2"),
            Some("2023-03-01"),
        );
        skolan.status = ActionStatus::InProgress;
        let other = action("a3", "Övrigt", Some("f3"), None);
        // The same item id at another meeting is not this meeting's.
        let mut elsewhere = action("a4", "Annat möte", Some("f2"), None);
        elsewhere.source_meeting = Some(MeetingId::from("may"));
        let all = [faltarna, skolan, other, elsewhere];
        let record = minutes_actions(&f.february, &all, &HashMap::new(), &f.register, &f.names);

        let lagesbild = record.item(&"f2".into());
        assert_eq!(
            texts(&lagesbild.decided),
            [
                ("Skolan ser över belysningen", ActionStatus::InProgress),
                ("Fältarna träffar gruppen igen", ActionStatus::NotStarted),
            ]
        );
        assert_eq!(lagesbild.decided[1].owners, ["Josef Wiklund", "Fältarna"]);
        assert_eq!(lagesbild.decided[1].due, Some(d("2023-04-30")));
        assert_eq!(lagesbild.follow_up, None);
        assert_eq!(
            texts(&record.item(&"f3".into()).decided),
            [("Övrigt", ActionStatus::NotStarted)]
        );
        // The follow-up item follows up nothing decided at this meeting.
        assert_eq!(record.item(&"f1".into()).follow_up, Some(vec![]));
    }

    #[test]
    fn a_draft_shows_todays_follow_up() {
        let f = fixture();
        let open = action("a1", "Fältarna träffar gruppen igen", Some("f2"), None);
        let mut closed = action("a2", "Skolan ser över belysningen", Some("f2"), None);
        closed.status = ActionStatus::Done;
        // Histories are ignored for a draft: today's status counts.
        let histories = HashMap::from([(
            ActionId::from("a1"),
            vec![event(ActionStatus::Done, at("2023-01-01", 12, 0))],
        )]);
        let record = minutes_actions(&f.may, &[open, closed], &histories, &f.register, &f.names);
        assert_eq!(
            texts(&record.item(&"m1".into()).follow_up.unwrap()),
            [("Fältarna träffar gruppen igen", ActionStatus::NotStarted)]
        );
        assert!(record.item(&"m2".into()).follow_up.is_none());
    }

    #[test]
    fn approved_minutes_show_the_follow_up_as_it_stood_at_approval() {
        let mut f = fixture();
        let approval = at("2023-05-12", 9, 30);
        approve(&mut f.may, approval);

        // Decided in February, closed after May's approval: open in the record.
        let mut later_closed = action("a1", "Fältarna träffar gruppen igen", Some("f2"), None);
        later_closed.status = ActionStatus::Done;
        // Closed at the May meeting, before approval: closed in the record.
        let mut closed_at_meeting = action("a2", "Skolan ser över belysningen", Some("f2"), None);
        closed_at_meeting.status = ActionStatus::Done;
        // Decided in February after May was approved: not in the record.
        let created_later = action("a3", "Ny trygghetsvandring", Some("f2"), None);
        // Closed long before the May meeting: not followed up there.
        let mut closed_before = action("a4", "Gammal åtgärd", Some("f2"), None);
        closed_before.status = ActionStatus::Done;
        // Reopened after approval: closed in the record, so not listed.
        let reopened = action("a5", "Struken före mötet", Some("f2"), None);

        let histories = HashMap::from([
            (
                ActionId::from("a1"),
                vec![
                    event(ActionStatus::NotStarted, at("2023-02-07", 14, 0)),
                    event(ActionStatus::InProgress, at("2023-03-01", 8, 0)),
                    event(ActionStatus::Done, at("2023-06-01", 8, 0)),
                ],
            ),
            (
                ActionId::from("a2"),
                vec![
                    event(ActionStatus::NotStarted, at("2023-02-07", 14, 5)),
                    event(ActionStatus::Done, at("2023-05-11", 13, 40)),
                ],
            ),
            (
                ActionId::from("a3"),
                vec![event(ActionStatus::NotStarted, at("2023-05-20", 10, 0))],
            ),
            (
                ActionId::from("a4"),
                vec![
                    event(ActionStatus::NotStarted, at("2023-02-07", 14, 10)),
                    event(ActionStatus::Done, at("2023-03-15", 10, 0)),
                ],
            ),
            (
                ActionId::from("a5"),
                vec![
                    event(ActionStatus::NotStarted, at("2023-02-07", 14, 15)),
                    event(ActionStatus::Cancelled, at("2023-04-01", 10, 0)),
                    event(ActionStatus::NotStarted, at("2023-06-01", 10, 0)),
                ],
            ),
        ]);
        let all = [
            later_closed,
            closed_at_meeting,
            created_later,
            closed_before,
            reopened,
        ];
        let candidates = record_candidates(&f.may, &all, &f.register);
        assert_eq!(candidates.len(), 5);
        let record = minutes_actions(&f.may, &all, &histories, &f.register, &f.names);
        let follow_up = record.item(&"m1".into()).follow_up.unwrap();
        assert_eq!(
            texts(&follow_up),
            [
                ("Fältarna träffar gruppen igen", ActionStatus::InProgress),
                ("Skolan ser över belysningen", ActionStatus::Done),
            ]
        );

        // Reopened for changes, the minutes show today's state again.
        f.may.status = MeetingStatus::Draft;
        let record = minutes_actions(&f.may, &all, &histories, &f.register, &f.names);
        assert_eq!(
            texts(&record.item(&"m1".into()).follow_up.unwrap()),
            [
                ("Ny trygghetsvandring", ActionStatus::NotStarted),
                ("Struken före mötet", ActionStatus::NotStarted),
            ]
        );
    }

    #[test]
    fn approved_minutes_show_decided_actions_at_approval() {
        let mut f = fixture();
        let approval = at("2023-02-08", 9, 0);
        approve(&mut f.february, approval);
        let mut decided = action("a1", "Fältarna träffar gruppen igen", Some("f2"), None);
        decided.status = ActionStatus::Done;
        let added_later = action("a2", "Tillagd efteråt", Some("f2"), None);
        let histories = HashMap::from([
            (
                ActionId::from("a1"),
                vec![
                    event(ActionStatus::NotStarted, at("2023-02-07", 14, 0)),
                    event(ActionStatus::Done, at("2023-05-11", 14, 0)),
                ],
            ),
            (
                ActionId::from("a2"),
                vec![event(ActionStatus::NotStarted, at("2023-03-01", 9, 0))],
            ),
        ]);
        let record = minutes_actions(
            &f.february,
            &[decided, added_later],
            &histories,
            &f.register,
            &f.names,
        );
        assert_eq!(
            texts(&record.item(&"f2".into()).decided),
            [("Fältarna träffar gruppen igen", ActionStatus::NotStarted)]
        );
    }

    #[test]
    fn the_status_at_an_instant_is_the_last_one_written_by_then() {
        let history = [
            event(ActionStatus::NotStarted, 1_000),
            event(ActionStatus::InProgress, 2_000),
            event(ActionStatus::Done, 3_000),
        ];
        assert_eq!(status_at(&history, 999), None);
        assert_eq!(status_at(&history, 1_000), Some(ActionStatus::NotStarted));
        assert_eq!(status_at(&history, 2_500), Some(ActionStatus::InProgress));
        assert_eq!(status_at(&history, 9_000), Some(ActionStatus::Done));
    }

    #[test]
    fn approval_is_the_last_approval_while_approved() {
        let mut m = fixture().may;
        assert_eq!(approved_at(&m), None);
        approve(&mut m, 1_000);
        m.status_log.push(StatusChange {
            status: MeetingStatus::Draft,
            by: "Josef Wiklund".into(),
            at_ms: 2_000,
        });
        m.status = MeetingStatus::Draft;
        assert_eq!(approved_at(&m), None);
        approve(&mut m, 3_000);
        assert_eq!(approved_at(&m), Some(3_000));
    }
}
