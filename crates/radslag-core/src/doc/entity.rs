//! How each kind of entry maps onto the document (see docs/schema.md).

use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, transaction::Transactable};

use super::children::{self, Children};
use super::shape::{self, Container};
use super::trash::Kind;
use super::{DocError, access::*};
use crate::ids::*;
use crate::model::*;

type Result<T> = std::result::Result<T, DocError>;

/// An entry kept in one of the workspace's top-level collections.
pub trait Entity: Sized {
    type Id: Clone + AsRef<str> + From<String>;
    const KIND: Kind;
    /// The root map that holds this kind of entry, keyed by id.
    const COLLECTION: &'static str = Self::KIND.collection();
    /// The containers an entry holds, created with it (see `shape`).
    const SHAPE: &'static [Container];
    fn id(&self) -> &str;
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self;
    /// Refuses a write, e.g. to approved minutes.
    fn check_writable(_doc: &AutoCommit, _obj: &ObjId) -> Result<()> {
        Ok(())
    }
    /// Writes the fields that differ from what `obj` holds.
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()>;
    /// Gives a stored entry (and its children) the containers it lacks.
    fn complete(doc: &mut AutoCommit, obj: &ObjId) -> Result<bool> {
        shape::complete(doc, obj, Self::SHAPE)
    }
}

const TEXT: ObjType = ObjType::Text;
const LIST: ObjType = ObjType::List;
const MAP: ObjType = ObjType::Map;

fn ids<T: From<String>>(strings: Vec<String>) -> Vec<T> {
    strings.into_iter().map(T::from).collect()
}

fn strings<T: AsRef<str>>(ids: &[T]) -> Vec<String> {
    ids.iter().map(|id| id.as_ref().to_owned()).collect()
}

impl Entity for Group {
    type Id = GroupId;
    const KIND: Kind = Kind::Group;
    const SHAPE: &'static [Container] = &[("description", TEXT)];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        Group {
            id: id.into(),
            name: string(doc, obj, "name"),
            description: string(doc, obj, "description"),
        }
    }
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "name", &self.name)?;
        put_text(doc, obj, "description", &self.description)
    }
}

impl Entity for Person {
    type Id = PersonId;
    const KIND: Kind = Kind::Person;
    const SHAPE: &'static [Container] = &[("groups", LIST)];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        Person {
            id: id.into(),
            name: string(doc, obj, "name"),
            role: string(doc, obj, "role"),
            organisation: string(doc, obj, "organisation"),
            groups: ids(unique_strings(doc, obj, "groups")),
        }
    }
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "name", &self.name)?;
        put_string(doc, obj, "role", &self.role)?;
        put_string(doc, obj, "organisation", &self.organisation)?;
        put_string_list(doc, obj, "groups", &strings(&self.groups))
    }
}

/// An agenda item's containers (also used by the migration from version 0).
pub(crate) const AGENDA_ITEM_SHAPE: &[Container] = &[("heading", TEXT), ("body", TEXT)];
/// A meeting's agenda. A meeting written without one of its items keeps
/// it: an item is deleted on its own ([`crate::WorkspaceDoc::delete`]), with
/// who and when, and stays restorable.
pub(crate) const AGENDA: Children = Children {
    map: "agendaItems",
    order: "agendaOrder",
    shape: AGENDA_ITEM_SHAPE,
    keeps_missing: true,
};
const PARTICIPANTS: Children = Children {
    map: "participants",
    order: "participantOrder",
    shape: &[],
    keeps_missing: false,
};

fn attendance_name(a: Attendance) -> &'static str {
    match a {
        Attendance::Invited => "invited",
        Attendance::Present => "present",
        Attendance::Absent => "absent",
    }
}

fn status_name(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Draft => "draft",
        MeetingStatus::Approved => "approved",
    }
}

fn parse_status(s: &str) -> MeetingStatus {
    if s == "approved" {
        MeetingStatus::Approved
    } else {
        MeetingStatus::Draft
    }
}

impl Entity for Meeting {
    type Id = MeetingId;
    const KIND: Kind = Kind::Meeting;
    const SHAPE: &'static [Container] = &[
        ("groups", LIST),
        (AGENDA.map, MAP),
        (AGENDA.order, LIST),
        (PARTICIPANTS.map, MAP),
        (PARTICIPANTS.order, LIST),
        ("nextMeetings", LIST),
        ("statusLog", LIST),
    ];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        let agenda = children::read(doc, obj, AGENDA, |id, item| AgendaItem {
            id: id.into(),
            heading: string(doc, item, "heading"),
            body: string(doc, item, "body"),
        });
        let participants = children::read(doc, obj, PARTICIPANTS, |id, p| Participant {
            person: id.into(),
            attendance: match string(doc, p, "attendance").as_str() {
                "present" => Attendance::Present,
                "absent" => Attendance::Absent,
                _ => Attendance::Invited,
            },
        });
        let status_log = object(doc, obj, "statusLog")
            .map(|log| {
                doc.values(&log)
                    .filter_map(|(_, entry)| {
                        Some(StatusChange {
                            status: parse_status(&optional_string(doc, &entry, "status")?),
                            by: string(doc, &entry, "by"),
                            at_ms: integer(doc, &entry, "at")?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Meeting {
            id: id.into(),
            title: string(doc, obj, "title"),
            groups: ids(unique_strings(doc, obj, "groups")),
            date: date(doc, obj, "date"),
            start_time: time(doc, obj, "startTime"),
            end_time: time(doc, obj, "endTime"),
            place: string(doc, obj, "place"),
            link: string(doc, obj, "link"),
            participants,
            agenda,
            note_taker: optional_string(doc, obj, "noteTaker").map(PersonId),
            next_meeting: date(doc, obj, "nextMeeting"),
            next_meetings: ids(unique_strings(doc, obj, "nextMeetings")),
            status: parse_status(&string(doc, obj, "status")),
            status_log,
        }
    }
    fn complete(doc: &mut AutoCommit, obj: &ObjId) -> Result<bool> {
        let mut changed = shape::complete(doc, obj, Self::SHAPE)?;
        changed |= shape::complete_all(doc, obj, AGENDA.map, AGENDA.shape)?;
        Ok(changed)
    }
    fn check_writable(doc: &AutoCommit, obj: &ObjId) -> Result<()> {
        match parse_status(&string(doc, obj, "status")) {
            MeetingStatus::Approved => Err(DocError::Approved),
            MeetingStatus::Draft => Ok(()),
        }
    }
    /// The status and its log are not written here: they change only through
    /// [`crate::WorkspaceDoc::set_meeting_status`], which records who and when.
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "title", &self.title)?;
        put_string_list(doc, obj, "groups", &strings(&self.groups))?;
        put_date(doc, obj, "date", self.date)?;
        put_time(doc, obj, "startTime", self.start_time)?;
        put_time(doc, obj, "endTime", self.end_time)?;
        put_string(doc, obj, "place", &self.place)?;
        put_string(doc, obj, "link", &self.link)?;
        put_optional_string(
            doc,
            obj,
            "noteTaker",
            self.note_taker.as_ref().map(|p| p.0.as_str()),
        )?;
        put_date(doc, obj, "nextMeeting", self.next_meeting)?;
        put_string_list(doc, obj, "nextMeetings", &strings(&self.next_meetings))?;
        if optional_string(doc, obj, "status").is_none() {
            put_string(doc, obj, "status", status_name(MeetingStatus::Draft))?;
        }
        children::write(
            doc,
            obj,
            PARTICIPANTS,
            &self.participants,
            |p| &p.person.0,
            |doc, child, p| put_string(doc, child, "attendance", attendance_name(p.attendance)),
        )?;
        children::write(
            doc,
            obj,
            AGENDA,
            &self.agenda,
            |item| &item.id.0,
            |doc, child, item| {
                put_text(doc, child, AgendaText::Heading.key(), &item.heading)?;
                put_text(doc, child, AgendaText::Body.key(), &item.body)
            },
        )
    }
}

/// An agenda item's two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaText {
    Heading,
    Body,
}

impl AgendaText {
    fn key(self) -> &'static str {
        match self {
            AgendaText::Heading => "heading",
            AgendaText::Body => "body",
        }
    }
}

/// Writes one text of a meeting's agenda item (the difference only) without
/// reading the rest of the meeting. False when the item is gone.
pub(crate) fn put_agenda_text(
    doc: &mut AutoCommit,
    meeting: &ObjId,
    item: &str,
    which: AgendaText,
    text: &str,
) -> Result<bool> {
    Meeting::check_writable(doc, meeting)?;
    let Some(child) = object(doc, meeting, AGENDA.map).and_then(|map| object(doc, &map, item))
    else {
        return Ok(false);
    };
    put_text(doc, &child, which.key(), text)?;
    Ok(true)
}

impl Entity for Template {
    type Id = TemplateId;
    const KIND: Kind = Kind::Template;
    const SHAPE: &'static [Container] = &[("items", LIST)];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        Template {
            id: id.into(),
            name: string(doc, obj, "name"),
            items: unique_strings(doc, obj, "items"),
        }
    }
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "name", &self.name)?;
        put_string_list(doc, obj, "items", &self.items)
    }
}

/// Appends to a meeting's approval log and sets its status.
pub(crate) fn record_status(
    doc: &mut AutoCommit,
    obj: &ObjId,
    change: &StatusChange,
) -> Result<()> {
    let log = container(doc, obj, "statusLog")?;
    let entry = doc.insert_object(&log, doc.length(&log), ObjType::Map)?;
    doc.put(&entry, "status", status_name(change.status))?;
    doc.put(&entry, "by", change.by.as_str())?;
    doc.put(
        &entry,
        "at",
        automerge::ScalarValue::Timestamp(change.at_ms),
    )?;
    doc.put(obj, "status", status_name(change.status))?;
    Ok(())
}

fn owner_code(owner: &Owner) -> String {
    match owner {
        Owner::Person(id) => format!("person:{id}"),
        Owner::Organisation(name) => format!("org:{name}"),
    }
}

fn parse_owner(code: String) -> Option<Owner> {
    match code.split_once(':')? {
        ("person", id) => Some(Owner::Person(id.into())),
        ("org", name) => Some(Owner::Organisation(name.to_owned())),
        _ => None,
    }
}

fn action_status_name(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::NotStarted => "notStarted",
        ActionStatus::InProgress => "inProgress",
        ActionStatus::Done => "done",
        ActionStatus::Cancelled => "cancelled",
    }
}

impl Entity for Action {
    type Id = ActionId;
    const KIND: Kind = Kind::Action;
    const SHAPE: &'static [Container] = &[("text", TEXT), ("owners", LIST)];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        Action {
            id: id.into(),
            text: string(doc, obj, "text"),
            owners: unique_strings(doc, obj, "owners")
                .into_iter()
                .filter_map(parse_owner)
                .collect(),
            due: date(doc, obj, "due"),
            status: match string(doc, obj, "status").as_str() {
                "inProgress" => ActionStatus::InProgress,
                "done" => ActionStatus::Done,
                "cancelled" => ActionStatus::Cancelled,
                _ => ActionStatus::NotStarted,
            },
            source_meeting: optional_string(doc, obj, "sourceMeeting").map(MeetingId),
            source_item: optional_string(doc, obj, "sourceItem").map(AgendaItemId),
            wheel_event: optional_string(doc, obj, "wheelEvent").map(WheelEventId),
        }
    }
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_text(doc, obj, "text", &self.text)?;
        let owners: Vec<String> = self.owners.iter().map(owner_code).collect();
        put_string_list(doc, obj, "owners", &owners)?;
        put_date(doc, obj, "due", self.due)?;
        put_string(doc, obj, "status", action_status_name(self.status))?;
        put_optional_string(
            doc,
            obj,
            "sourceMeeting",
            self.source_meeting.as_ref().map(|m| m.0.as_str()),
        )?;
        put_optional_string(
            doc,
            obj,
            "sourceItem",
            self.source_item.as_ref().map(|i| i.0.as_str()),
        )?;
        put_optional_string(
            doc,
            obj,
            "wheelEvent",
            self.wheel_event.as_ref().map(|e| e.0.as_str()),
        )
    }
}

impl Entity for Category {
    type Id = CategoryId;
    const KIND: Kind = Kind::Category;
    const SHAPE: &'static [Container] = &[];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        Category {
            id: id.into(),
            name: string(doc, obj, "name"),
            colour: string(doc, obj, "colour"),
        }
    }
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "name", &self.name)?;
        put_string(doc, obj, "colour", &self.colour)
    }
}

impl Entity for WheelEvent {
    type Id = WheelEventId;
    const KIND: Kind = Kind::WheelEvent;
    const SHAPE: &'static [Container] = &[("groups", LIST), ("notes", TEXT)];
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        WheelEvent {
            id: id.into(),
            title: string(doc, obj, "title"),
            category: optional_string(doc, obj, "category").map(CategoryId),
            start: date(doc, obj, "start"),
            end: date(doc, obj, "end"),
            groups: ids(unique_strings(doc, obj, "groups")),
            recurrence: string(doc, obj, "recurrence"),
            notes: string(doc, obj, "notes"),
            meeting: optional_string(doc, obj, "meeting").map(MeetingId),
        }
    }
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "title", &self.title)?;
        put_optional_string(
            doc,
            obj,
            "category",
            self.category.as_ref().map(|c| c.0.as_str()),
        )?;
        put_date(doc, obj, "start", self.start)?;
        put_date(doc, obj, "end", self.end)?;
        put_string_list(doc, obj, "groups", &strings(&self.groups))?;
        put_string(doc, obj, "recurrence", &self.recurrence)?;
        put_text(doc, obj, "notes", &self.notes)?;
        put_optional_string(
            doc,
            obj,
            "meeting",
            self.meeting.as_ref().map(|m| m.0.as_str()),
        )
    }
}

pub(crate) const QUESTIONS: Children = Children {
    map: "questions",
    order: "questionOrder",
    shape: &[
        ("text", TEXT),
        (POINT_INCLUDED, MAP),
        (POINT_MERGED_INTO, MAP),
        (POINT_ORDER, LIST),
    ],
    keeps_missing: false,
};
/// A question's curation (`model::Curation`): point key → bool, point key →
/// point key, and point keys in order. Scalars per point, so decisions on
/// different points merge and one point's last decision wins.
pub(crate) const POINT_INCLUDED: &str = "pointIncluded";
pub(crate) const POINT_MERGED_INTO: &str = "pointMergedInto";
pub(crate) const POINT_ORDER: &str = "pointOrder";

fn read_curation(doc: &AutoCommit, question: &ObjId) -> Curation {
    let entries = |key| {
        object(doc, question, key)
            .map(|map| doc.keys(&map).map(move |point| (map.clone(), point)))
            .into_iter()
            .flatten()
    };
    Curation {
        included: entries(POINT_INCLUDED)
            .filter_map(|(map, point)| Some((PointKey(point.clone()), boolean(doc, &map, &point)?)))
            .collect(),
        merged_into: entries(POINT_MERGED_INTO)
            .filter_map(|(map, point)| {
                Some((
                    PointKey(point.clone()),
                    PointKey(optional_string(doc, &map, &point)?),
                ))
            })
            .collect(),
        order: ids(unique_strings(doc, question, POINT_ORDER)),
    }
}
pub(crate) const CITIZEN_ANSWERS: &str = "citizenAnswers";
pub(crate) const SMALL_GROUPS: Children = Children {
    map: "smallGroups",
    order: "smallGroupOrder",
    shape: &[("members", LIST), (ANSWERS, MAP)],
    keeps_missing: false,
};
/// A small group's answers: question id → text.
pub(crate) const ANSWERS: &str = "answers";

/// The answer texts missing in the whole document: a small group's answers
/// map, the question (its object) and the question's id. A question and a
/// group added on two devices at once both lack theirs after the merge; see
/// `WorkspaceDoc::complete_answer_pairs`.
pub(crate) fn missing_answers(doc: &AutoCommit) -> Vec<(ObjId, ObjId, String)> {
    let mut missing = Vec::new();
    for (_, dialogue) in shape::maps_under(doc, &automerge::ROOT, Dialogue::COLLECTION) {
        let questions = shape::maps_under(doc, &dialogue, QUESTIONS.map);
        for (_, group) in shape::maps_under(doc, &dialogue, SMALL_GROUPS.map) {
            let Some(answers) = object(doc, &group, ANSWERS) else {
                continue;
            };
            for (id, question) in &questions {
                if matches!(doc.get(&answers, id.as_str()), Ok(None)) {
                    missing.push((answers.clone(), question.clone(), id.clone()));
                }
            }
        }
    }
    missing
}

/// Every small group has an answer text for every question, created with
/// whichever of the two came last (in the same change), so two members of a
/// group typing the first words of an answer at once write into one text.
/// (A question and a group added on two devices at once get theirs from
/// `WorkspaceDoc::complete_answer_pairs` after the merge.)
fn complete_answers(doc: &mut AutoCommit, dialogue: &ObjId) -> Result<bool> {
    let questions: Vec<String> = shape::maps_under(doc, dialogue, QUESTIONS.map)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut changed = false;
    for (_, group) in shape::maps_under(doc, dialogue, SMALL_GROUPS.map) {
        let Some(answers) = object(doc, &group, ANSWERS) else {
            continue;
        };
        for question in &questions {
            changed |= shape::complete_field(doc, &answers, question, TEXT)?;
        }
    }
    Ok(changed)
}

impl Entity for Dialogue {
    type Id = DialogueId;
    const KIND: Kind = Kind::Dialogue;
    const SHAPE: &'static [Container] = &[
        (QUESTIONS.map, MAP),
        (QUESTIONS.order, LIST),
        (SMALL_GROUPS.map, MAP),
        (SMALL_GROUPS.order, LIST),
        (CITIZEN_ANSWERS, MAP),
    ];
    fn complete(doc: &mut AutoCommit, obj: &ObjId) -> Result<bool> {
        let mut changed = shape::complete(doc, obj, Self::SHAPE)?;
        changed |= shape::complete_all(doc, obj, QUESTIONS.map, QUESTIONS.shape)?;
        changed |= shape::complete_all(doc, obj, SMALL_GROUPS.map, SMALL_GROUPS.shape)?;
        changed |= complete_answers(doc, obj)?;
        Ok(changed)
    }
    fn id(&self) -> &str {
        &self.id.0
    }
    fn read(doc: &AutoCommit, id: &str, obj: &ObjId) -> Self {
        let questions = children::read(doc, obj, QUESTIONS, |id, q| Question {
            id: id.into(),
            text: string(doc, q, "text"),
            curation: read_curation(doc, q),
        });
        let small_groups = children::read(doc, obj, SMALL_GROUPS, |id, g| SmallGroup {
            id: id.into(),
            name: string(doc, g, "name"),
            members: ids(unique_strings(doc, g, "members")),
            // Every question has a text from the start: only written ones count.
            answers: object(doc, g, ANSWERS)
                .map(|answers| {
                    doc.keys(&answers)
                        .map(|q| Answer {
                            text: string(doc, &answers, &q),
                            question: q.into(),
                        })
                        .filter(|answer| !answer.text.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
        });
        let mut citizen_answers: Vec<CitizenAnswer> = object(doc, obj, CITIZEN_ANSWERS)
            .map(|answers| {
                doc.keys(&answers)
                    .filter_map(|id| {
                        let a = object(doc, &answers, &id)?;
                        Some(CitizenAnswer {
                            question: optional_string(doc, &a, "question")?.into(),
                            text: string(doc, &a, "text"),
                            age_group: optional_string(doc, &a, "ageGroup"),
                            area: optional_string(doc, &a, "area"),
                            at_ms: integer(doc, &a, "at").unwrap_or_default(),
                            id: id.into(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        crate::order::sort_by(&mut citizen_answers, |a, b| {
            (a.at_ms, &a.id).cmp(&(b.at_ms, &b.id))
        });
        let compiled_into = optional_string(doc, obj, "compiledMeeting")
            .zip(optional_string(doc, obj, "compiledItem"))
            .map(|(meeting, item)| CompiledInto {
                meeting: meeting.into(),
                item: item.into(),
            });
        Dialogue {
            id: id.into(),
            title: string(doc, obj, "title"),
            meeting: optional_string(doc, obj, "meeting").map(MeetingId),
            wheel_event: optional_string(doc, obj, "wheelEvent").map(WheelEventId),
            questions,
            small_groups,
            citizen_answers,
            compiled_into,
        }
    }
    /// Citizen answers are not written here: they are only ever added, one
    /// at a time, by [`crate::WorkspaceDoc::add_citizen_answer`]. Nor is a
    /// question's curation: one decision at a time, by
    /// [`crate::WorkspaceDoc::curate`].
    fn write(&self, doc: &mut AutoCommit, obj: &ObjId) -> Result<()> {
        put_string(doc, obj, "title", &self.title)?;
        let compiled = self.compiled_into.as_ref();
        put_optional_string(
            doc,
            obj,
            "compiledMeeting",
            compiled.map(|c| c.meeting.as_str()),
        )?;
        put_optional_string(doc, obj, "compiledItem", compiled.map(|c| c.item.as_str()))?;
        put_optional_string(
            doc,
            obj,
            "meeting",
            self.meeting.as_ref().map(|m| m.0.as_str()),
        )?;
        put_optional_string(
            doc,
            obj,
            "wheelEvent",
            self.wheel_event.as_ref().map(|e| e.0.as_str()),
        )?;
        children::write(
            doc,
            obj,
            QUESTIONS,
            &self.questions,
            |q| &q.id.0,
            |doc, child, q| put_text(doc, child, "text", &q.text),
        )?;
        children::write(
            doc,
            obj,
            SMALL_GROUPS,
            &self.small_groups,
            |g| &g.id.0,
            |doc, child, g| {
                put_string(doc, child, "name", &g.name)?;
                put_string_list(doc, child, "members", &strings(&g.members))
            },
        )?;
        complete_answers(doc, obj)?;
        for g in &self.small_groups {
            let answers = container(
                doc,
                &container(doc, &container(doc, obj, SMALL_GROUPS.map)?, &g.id.0)?,
                ANSWERS,
            )?;
            for answer in &g.answers {
                put_text(doc, &answers, &answer.question.0, &answer.text)?;
            }
        }
        Ok(())
    }
}
