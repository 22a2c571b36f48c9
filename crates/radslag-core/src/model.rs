//! Plain data types read from and written to the workspace document.
//!
//! These are snapshots: reading gives an owned value, and writing one back only
//! touches the fields that changed, so concurrent edits of different fields of
//! the same entry both survive a merge.

use crate::ids::*;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The workspace itself: the council and the organisation it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    /// E.g. "Trygghetsrådet och Klara-gruppen".
    pub name: String,
    /// E.g. "Ånge kommun".
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    /// E.g. "rektor", "kommunpolis", "folkhälsostrateg".
    pub role: String,
    /// E.g. "Polisen Ånge", "Ånge kommun".
    pub organisation: String,
    pub groups: Vec<GroupId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Attendance {
    #[default]
    Invited,
    Present,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub person: PersonId,
    pub attendance: Attendance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub heading: String,
    /// Collaborative text; lines starting with "- " are bullet points.
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MeetingStatus {
    #[default]
    Draft,
    /// Justerad: approved minutes are read-only until deliberately reopened.
    Approved,
}

/// One entry of a meeting's approval log: who approved or reopened, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: MeetingStatus,
    pub by: String,
    /// Milliseconds since the Unix epoch.
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: MeetingId,
    pub title: String,
    pub groups: Vec<GroupId>,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub place: String,
    /// An online meeting link, e.g. to Teams.
    pub link: String,
    pub participants: Vec<Participant>,
    /// In agenda order.
    pub agenda: Vec<AgendaItem>,
    /// Vid pennan.
    pub note_taker: Option<PersonId>,
    pub next_meeting: Option<NaiveDate>,
    /// The meetings created as this one's next (one per group), in order.
    pub next_meetings: Vec<MeetingId>,
    pub status: MeetingStatus,
    /// Append-only; written by [`crate::WorkspaceDoc::set_meeting_status`].
    pub status_log: Vec<StatusChange>,
}

/// An agenda template (mötesmall): the standing items a new meeting starts
/// with, editable per workspace.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub id: TemplateId,
    /// E.g. "Rådsmöte".
    pub name: String,
    /// The items' headings, in order.
    pub items: Vec<String>,
}

/// Who owns an action: a person from the register or a whole organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum Owner {
    Person(PersonId),
    Organisation(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ActionStatus {
    /// Ej påbörjad.
    #[default]
    NotStarted,
    /// Pågår.
    InProgress,
    /// Klar.
    Done,
    /// Struken.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: ActionId,
    pub text: String,
    pub owners: Vec<Owner>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub source_meeting: Option<MeetingId>,
    pub source_item: Option<AgendaItemId>,
    pub wheel_event: Option<WheelEventId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    /// `#RRGGBB`.
    pub colour: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WheelEvent {
    pub id: WheelEventId,
    pub title: String,
    pub category: Option<CategoryId>,
    pub start: Option<NaiveDate>,
    /// Inclusive; equal to `start` for a one-day event.
    pub end: Option<NaiveDate>,
    pub groups: Vec<GroupId>,
    /// The recurrence rule as JSON (see the wheel module), empty when one-off.
    pub recurrence: String,
    pub notes: String,
    pub meeting: Option<MeetingId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: QuestionId,
    pub text: String,
    /// The coordinator's decisions on the points gathered for it.
    #[serde(default)]
    pub curation: Curation,
}

/// The coordinator's decisions on one question's points (see
/// `dialogue::Compilation`), kept per point, so two coordinators curating at
/// once both keep theirs. Written only by
/// [`crate::WorkspaceDoc::curate`], one decision at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Curation {
    /// Points marked in (true) or out (false) of the minutes; a point not
    /// here is in.
    pub included: BTreeMap<PointKey, bool>,
    /// A point merged into another: its words and groups go with that one.
    pub merged_into: BTreeMap<PointKey, PointKey>,
    /// The coordinator's order, each point once (points no longer gathered
    /// may be in it); points not in it follow in gathered order.
    pub order: Vec<PointKey>,
}

/// One decision of the coordinator: each touches one point, or the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurationEdit {
    Include { point: PointKey, included: bool },
    Merge { point: PointKey, into: PointKey },
    Unmerge { point: PointKey },
    Order(Vec<PointKey>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub question: QuestionId,
    /// Collaborative text written by the small group.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmallGroup {
    pub id: SmallGroupId,
    pub name: String,
    pub members: Vec<PersonId>,
    pub answers: Vec<Answer>,
}

/// One anonymous answer in a citizen dialogue (medborgardialog): no name,
/// only the optional age group and area the citizen chose to give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CitizenAnswer {
    pub id: CitizenAnswerId,
    pub question: QuestionId,
    pub text: String,
    pub age_group: Option<String>,
    pub area: Option<String>,
    /// Milliseconds since the Unix epoch.
    pub at_ms: i64,
}

/// Where a dialogue's material was compiled into minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompiledInto {
    pub meeting: MeetingId,
    pub item: AgendaItemId,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dialogue {
    pub id: DialogueId,
    pub title: String,
    pub meeting: Option<MeetingId>,
    pub wheel_event: Option<WheelEventId>,
    /// In order.
    pub questions: Vec<Question>,
    /// In order.
    pub small_groups: Vec<SmallGroup>,
    /// Oldest first. Added one at a time with
    /// [`crate::WorkspaceDoc::add_citizen_answer`], never rewritten.
    pub citizen_answers: Vec<CitizenAnswer>,
    pub compiled_into: Option<CompiledInto>,
}
