//! The merge contract, as properties: replicas of one workspace apart, each
//! applying random operations from the whole vocabulary through the public
//! API (as the app does), merged in random orders, partially and repeatedly.
//! Afterwards all replicas are equal, nothing any replica added is missing
//! (a deleted entry is still there, and restoring everything deleted brings
//! back every entry, membership and typed word), and no key holds a second,
//! hidden container.
//!
//! `PROPTEST_CASES=20000 cargo test -p radslag-core --test merge_properties`
//! runs more cases than CI's default.

use std::collections::{BTreeMap, BTreeSet};

use automerge::{ObjType, transaction::Transactable};
use proptest::prelude::*;
use radslag_core::WorkspaceDoc;
use radslag_core::dialogue::{Compilation, QuestionPoints, points};
use radslag_core::doc::Deletable;
use radslag_core::ids::*;
use radslag_core::model::*;

/// One operation, with indices resolved against the replica's entries at
/// the time (modulo their number), so every generated sequence applies.
#[derive(Debug, Clone)]
enum Op {
    AddPerson {
        group: usize,
    },
    RenamePerson {
        person: usize,
    },
    JoinGroup {
        person: usize,
        group: usize,
    },
    AddGroup,
    SignAs {
        person: usize,
    },
    AddMeeting {
        items: usize,
    },
    TypeInItem {
        meeting: usize,
        item: usize,
        at: usize,
    },
    AddItem {
        meeting: usize,
    },
    MoveItem {
        meeting: usize,
        from: usize,
        to: usize,
    },
    DeleteItem {
        meeting: usize,
        item: usize,
    },
    Approve {
        meeting: usize,
    },
    Reopen {
        meeting: usize,
    },
    AddAction {
        meeting: usize,
    },
    SetActionStatus {
        action: usize,
        status: usize,
    },
    TypeInAction {
        action: usize,
        at: usize,
    },
    AddEvent {
        recurring: bool,
    },
    TypeInEventNotes {
        event: usize,
        at: usize,
    },
    AddDialogue,
    AddQuestion {
        dialogue: usize,
    },
    AddSmallGroup {
        dialogue: usize,
    },
    TypeAnswer {
        dialogue: usize,
        group: usize,
        question: usize,
        at: usize,
    },
    AddCitizenAnswer {
        dialogue: usize,
        question: usize,
    },
    AddTemplate,
    AddTemplateItem {
        template: usize,
    },
    DeleteAction {
        action: usize,
    },
    DeleteEvent {
        event: usize,
    },
    DeletePerson {
        person: usize,
    },
    /// A coordinator's decision on a question's points, as the page makes
    /// it: on `point`, with `other` as the point merged into it or the place
    /// it moves to.
    Curate {
        dialogue: usize,
        question: usize,
        decision: Decision,
        point: usize,
        other: usize,
    },
    AddMember {
        dialogue: usize,
        group: usize,
        person: usize,
    },
    RemoveMember {
        dialogue: usize,
        group: usize,
        member: usize,
    },
    DeleteGroup {
        group: usize,
    },
    /// Restores one of the entries and agenda items deleted.
    Restore {
        deleted: usize,
    },
}

#[derive(Debug, Clone, Copy)]
enum Decision {
    Mark,
    Merge,
    Split,
    Move,
}

#[derive(Debug, Clone)]
enum Step {
    Apply {
        replica: usize,
        op: Op,
    },
    /// `to` takes in everything `from` has.
    Merge {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    // A curation decision is of four kinds: it weighs as four operations.
    prop_oneof![30 => workspace_op(), 4 => curate_op()]
}

fn curate_op() -> impl Strategy<Value = Op> {
    let i = || 0..8usize;
    (i(), i(), decision(), i(), i()).prop_map(|(dialogue, question, decision, point, other)| {
        Op::Curate {
            dialogue,
            question,
            decision,
            point,
            other,
        }
    })
}

/// Every operation but curation, alike in weight.
fn workspace_op() -> impl Strategy<Value = Op> {
    let i = || 0..8usize;
    prop_oneof![
        i().prop_map(|group| Op::AddPerson { group }),
        i().prop_map(|person| Op::RenamePerson { person }),
        (i(), i()).prop_map(|(person, group)| Op::JoinGroup { person, group }),
        Just(Op::AddGroup),
        i().prop_map(|person| Op::SignAs { person }),
        (0..4usize).prop_map(|items| Op::AddMeeting { items }),
        (i(), i(), i()).prop_map(|(meeting, item, at)| Op::TypeInItem { meeting, item, at }),
        (i(), i(), i()).prop_map(|(meeting, item, at)| Op::TypeInItem { meeting, item, at }),
        i().prop_map(|meeting| Op::AddItem { meeting }),
        (i(), i(), i()).prop_map(|(meeting, from, to)| Op::MoveItem { meeting, from, to }),
        (i(), i()).prop_map(|(meeting, item)| Op::DeleteItem { meeting, item }),
        i().prop_map(|meeting| Op::Approve { meeting }),
        i().prop_map(|meeting| Op::Reopen { meeting }),
        i().prop_map(|meeting| Op::AddAction { meeting }),
        (i(), 0..4usize).prop_map(|(action, status)| Op::SetActionStatus { action, status }),
        (i(), i()).prop_map(|(action, at)| Op::TypeInAction { action, at }),
        any::<bool>().prop_map(|recurring| Op::AddEvent { recurring }),
        (i(), i()).prop_map(|(event, at)| Op::TypeInEventNotes { event, at }),
        Just(Op::AddDialogue),
        i().prop_map(|dialogue| Op::AddQuestion { dialogue }),
        i().prop_map(|dialogue| Op::AddSmallGroup { dialogue }),
        (i(), i(), i(), i()).prop_map(|(dialogue, group, question, at)| Op::TypeAnswer {
            dialogue,
            group,
            question,
            at
        }),
        (i(), i()).prop_map(|(dialogue, question)| Op::AddCitizenAnswer { dialogue, question }),
        Just(Op::AddTemplate),
        i().prop_map(|template| Op::AddTemplateItem { template }),
        i().prop_map(|action| Op::DeleteAction { action }),
        i().prop_map(|event| Op::DeleteEvent { event }),
        i().prop_map(|person| Op::DeletePerson { person }),
        (i(), i(), i()).prop_map(|(dialogue, group, person)| Op::AddMember {
            dialogue,
            group,
            person
        }),
        (i(), i(), i()).prop_map(|(dialogue, group, member)| Op::RemoveMember {
            dialogue,
            group,
            member
        }),
        i().prop_map(|group| Op::DeleteGroup { group }),
        i().prop_map(|deleted| Op::Restore { deleted }),
        i().prop_map(|deleted| Op::Restore { deleted }),
    ]
}

fn decision() -> impl Strategy<Value = Decision> {
    prop_oneof![
        Just(Decision::Mark),
        Just(Decision::Merge),
        Just(Decision::Split),
        Just(Decision::Move),
    ]
}

fn steps(replicas: usize) -> impl Strategy<Value = Vec<Step>> {
    let apply = (0..replicas, op()).prop_map(|(replica, op)| Step::Apply { replica, op });
    let merge = (0..replicas, 0..replicas).prop_map(|(from, to)| Step::Merge { from, to });
    prop::collection::vec(prop_oneof![4 => apply, 1 => merge], 1..40)
}

/// What the replicas added, to find after the merge (deleted, or after
/// everything deleted is restored, in view).
#[derive(Default, Debug)]
struct Expected {
    entries: BTreeSet<(&'static str, String)>,
    /// (container id, token): every token typed must be in its text.
    typed: Vec<(String, String)>,
    status_changes: BTreeMap<MeetingId, usize>,
    citizen_answers: BTreeMap<DialogueId, BTreeSet<CitizenAnswerId>>,
    memberships: BTreeSet<(PersonId, GroupId)>,
    signed: BTreeMap<String, PersonId>,
    template_items: BTreeMap<TemplateId, BTreeSet<String>>,
    /// Curation decisions by (dialogue, question, point): every point marked
    /// keeps a mark and every merge not undone stays (whose decision wins is
    /// the last writer's); every point placed in an order that is still a
    /// point is in the stored order.
    marked: BTreeSet<(DialogueId, QuestionId, PointKey)>,
    merged: BTreeSet<(DialogueId, QuestionId, PointKey)>,
    unmerged: BTreeSet<(DialogueId, QuestionId, PointKey)>,
    ordered: BTreeSet<(DialogueId, QuestionId, PointKey)>,
    /// Small-group members added, and those some replica removed (excused).
    members: BTreeSet<(SmallGroupId, PersonId)>,
    removed_members: BTreeSet<(SmallGroupId, PersonId)>,
    tokens: usize,
}

impl Expected {
    fn token(&mut self, replica: usize) -> String {
        self.tokens += 1;
        format!("[{replica}.{}]", self.tokens)
    }

    fn curated(&mut self, dialogue: &DialogueId, question: &QuestionId, edits: &[CurationEdit]) {
        let at = |point: &PointKey| (dialogue.clone(), question.clone(), point.clone());
        for edit in edits {
            match edit {
                CurationEdit::Include { point, .. } => {
                    self.marked.insert(at(point));
                }
                CurationEdit::Merge { point, .. } => {
                    self.merged.insert(at(point));
                }
                CurationEdit::Unmerge { point } => {
                    self.unmerged.insert(at(point));
                }
                CurationEdit::Order(points) => self.ordered.extend(points.iter().map(at)),
            }
        }
    }
}

/// A question's points as the coordinator's page shows them on a replica,
/// with the dialogue's id; none while it has no points.
fn question_points(
    doc: &WorkspaceDoc,
    dialogue: usize,
    question: usize,
) -> Option<(DialogueId, QuestionPoints)> {
    let d = pick(&doc.list::<Dialogue>(), dialogue)?;
    let q = pick(&Compilation::gather(&d).questions, question)?;
    (!q.points.is_empty()).then_some((d.id, q))
}

fn pick<T: Clone>(items: &[T], index: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[index % items.len()].clone())
}

/// Inserts ` token` at a word boundary: at the end or before a space, so
/// tokens never split each other.
fn type_into(text: &str, at: usize, token: &str) -> String {
    let mut boundaries: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .collect();
    boundaries.push(text.len());
    let at = boundaries[at % boundaries.len()];
    format!("{} {token}{}", &text[..at], &text[at..])
}

fn sorted<E: radslag_core::Entity>(doc: &WorkspaceDoc) -> Vec<E> {
    doc.list::<E>()
}

fn apply(doc: &mut WorkspaceDoc, replica: usize, op: &Op, expected: &mut Expected, now: i64) {
    // Read as the op needs, like a page does: lists of everything are slow.
    let people = &sorted::<Person>;
    let groups = &sorted::<Group>;
    let meetings = &sorted::<Meeting>;
    let actions = &sorted::<Action>;
    let events = &sorted::<WheelEvent>;
    let dialogues = &sorted::<Dialogue>;
    let templates = &sorted::<Template>;
    match op {
        Op::AddPerson { group } => {
            let person = Person {
                id: PersonId::random(),
                name: format!("Person {}", expected.token(replica)),
                role: "rektor".into(),
                organisation: "Ånge kommun".into(),
                groups: pick(&groups(doc), *group)
                    .map(|g| g.id)
                    .into_iter()
                    .collect(),
            };
            for g in &person.groups {
                expected.memberships.insert((person.id.clone(), g.clone()));
            }
            expected.entries.insert(("people", person.id.to_string()));
            doc.put(&person).unwrap();
        }
        Op::RenamePerson { person } => {
            if let Some(mut p) = pick(&people(doc), *person) {
                p.name = format!("Omdöpt {}", expected.token(replica));
                doc.put(&p).unwrap();
            }
        }
        Op::JoinGroup { person, group } => {
            if let (Some(mut p), Some(g)) =
                (pick(&people(doc), *person), pick(&groups(doc), *group))
                && !p.groups.contains(&g.id)
            {
                p.groups.push(g.id.clone());
                expected.memberships.insert((p.id.clone(), g.id));
                doc.put(&p).unwrap();
            }
        }
        Op::AddGroup => {
            let group = Group {
                id: GroupId::random(),
                name: "Klara-gruppen".into(),
                description: String::new(),
            };
            expected.entries.insert(("groups", group.id.to_string()));
            doc.put(&group).unwrap();
        }
        Op::SignAs { person } => {
            if let Some(p) = pick(&people(doc), *person) {
                doc.sign_as(&p.id).unwrap();
                expected.signed.insert(doc.actor(), p.id);
            }
        }
        Op::AddMeeting { items } => {
            let meeting = Meeting {
                title: "Trygghetsrådet".into(),
                groups: groups(doc)
                    .first()
                    .map(|g| g.id.clone())
                    .into_iter()
                    .collect(),
                agenda: (0..*items)
                    .map(|n| AgendaItem {
                        id: AgendaItemId::random(),
                        heading: format!("Punkt {n}"),
                        body: String::new(),
                    })
                    .collect(),
                ..Default::default()
            };
            expected
                .entries
                .insert(("meetings", meeting.id.to_string()));
            for item in &meeting.agenda {
                expected
                    .entries
                    .insert(("agendaItems", item.id.to_string()));
            }
            doc.put(&meeting).unwrap();
        }
        Op::TypeInItem { meeting, item, at } => {
            if let Some(mut m) = pick(&meetings(doc), *meeting)
                && !m.agenda.is_empty()
            {
                let index = item % m.agenda.len();
                let token = expected.token(replica);
                m.agenda[index].body = type_into(&m.agenda[index].body, *at, &token);
                if doc.put(&m).is_ok() {
                    expected.typed.push((m.agenda[index].id.to_string(), token));
                }
            }
        }
        Op::AddItem { meeting } => {
            if let Some(mut m) = pick(&meetings(doc), *meeting) {
                let item = AgendaItem {
                    id: AgendaItemId::random(),
                    heading: "Övriga frågor".into(),
                    body: String::new(),
                };
                m.agenda.push(item.clone());
                if doc.put(&m).is_ok() {
                    expected
                        .entries
                        .insert(("agendaItems", item.id.to_string()));
                }
            }
        }
        Op::MoveItem { meeting, from, to } => {
            if let Some(mut m) = pick(&meetings(doc), *meeting)
                && !m.agenda.is_empty()
            {
                let item = m.agenda.remove(from % m.agenda.len());
                let to = to % (m.agenda.len() + 1);
                m.agenda.insert(to, item);
                let _ = doc.put(&m);
            }
        }
        Op::DeleteItem { meeting, item } => {
            if let Some(m) = pick(&meetings(doc), *meeting)
                && let Some(removed) = pick(&m.agenda, *item)
            {
                let what = Deletable::AgendaItem {
                    meeting: m.id,
                    item: removed.id,
                };
                // Approved minutes refuse it, as they refuse typing.
                let _ = doc.delete(&what, now);
            }
        }
        Op::Approve { meeting } | Op::Reopen { meeting } => {
            if let Some(m) = pick(&meetings(doc), *meeting) {
                let status = if matches!(op, Op::Approve { .. }) {
                    MeetingStatus::Approved
                } else {
                    MeetingStatus::Draft
                };
                let change = StatusChange {
                    status,
                    by: format!("Justerare {replica}"),
                    at_ms: now,
                };
                doc.set_meeting_status(&m.id, &change).unwrap();
                *expected.status_changes.entry(m.id).or_default() += 1;
            }
        }
        Op::AddAction { meeting } => {
            let action = Action {
                text: "Planera Kulturnatten".into(),
                source_meeting: pick(&meetings(doc), *meeting).map(|m| m.id),
                ..Default::default()
            };
            expected.entries.insert(("actions", action.id.to_string()));
            doc.put(&action).unwrap();
        }
        Op::SetActionStatus { action, status } => {
            if let Some(mut a) = pick(&actions(doc), *action) {
                a.status = [
                    ActionStatus::NotStarted,
                    ActionStatus::InProgress,
                    ActionStatus::Done,
                    ActionStatus::Cancelled,
                ][*status];
                doc.put(&a).unwrap();
            }
        }
        Op::TypeInAction { action, at } => {
            if let Some(mut a) = pick(&actions(doc), *action) {
                let token = expected.token(replica);
                a.text = type_into(&a.text, *at, &token);
                doc.put(&a).unwrap();
                expected.typed.push((a.id.to_string(), token));
            }
        }
        Op::AddEvent { recurring } => {
            let event = WheelEvent {
                title: "Kulturnatten".into(),
                category: Some("evenemang".into()),
                start: chrono::NaiveDate::from_ymd_opt(2027, 5, 26),
                end: chrono::NaiveDate::from_ymd_opt(2027, 5, 26),
                recurrence: if *recurring {
                    r#"{"freq":"yearly","interval":1}"#.into()
                } else {
                    String::new()
                },
                ..Default::default()
            };
            expected
                .entries
                .insert(("wheelEvents", event.id.to_string()));
            doc.put(&event).unwrap();
        }
        Op::TypeInEventNotes { event, at } => {
            if let Some(mut e) = pick(&events(doc), *event) {
                let token = expected.token(replica);
                e.notes = type_into(&e.notes, *at, &token);
                doc.put(&e).unwrap();
                expected.typed.push((e.id.to_string(), token));
            }
        }
        Op::AddDialogue => {
            let dialogue = Dialogue {
                title: "Medborgardialog".into(),
                questions: vec![Question {
                    id: QuestionId::random(),
                    text: "Var känner du dig trygg?".into(),
                    curation: Curation::default(),
                }],
                small_groups: vec![SmallGroup {
                    id: SmallGroupId::random(),
                    name: "Grupp 1".into(),
                    members: vec![],
                    answers: vec![],
                }],
                ..Default::default()
            };
            expected
                .entries
                .insert(("dialogues", dialogue.id.to_string()));
            doc.put(&dialogue).unwrap();
        }
        Op::AddQuestion { dialogue } => {
            if let Some(mut d) = pick(&dialogues(doc), *dialogue) {
                d.questions.push(Question {
                    id: QuestionId::random(),
                    text: "Vad kan bli bättre?".into(),
                    curation: Curation::default(),
                });
                doc.put(&d).unwrap();
            }
        }
        Op::AddSmallGroup { dialogue } => {
            if let Some(mut d) = pick(&dialogues(doc), *dialogue) {
                let n = d.small_groups.len() + 1;
                d.small_groups.push(SmallGroup {
                    id: SmallGroupId::random(),
                    name: format!("Grupp {n}"),
                    members: vec![],
                    answers: vec![],
                });
                doc.put(&d).unwrap();
            }
        }
        Op::TypeAnswer {
            dialogue,
            group,
            question,
            at,
        } => {
            if let Some(d) = pick(&dialogues(doc), *dialogue)
                && let (Some(g), Some(q)) =
                    (pick(&d.small_groups, *group), pick(&d.questions, *question))
            {
                let now = g
                    .answers
                    .iter()
                    .find(|a| a.question == q.id)
                    .map(|a| a.text.clone())
                    .unwrap_or_default();
                let token = expected.token(replica);
                doc.set_group_answer(&d.id, &g.id, &q.id, &type_into(&now, *at, &token))
                    .unwrap();
                expected
                    .typed
                    .push((format!("{}/{}/{}", d.id, g.id, q.id), token));
            }
        }
        Op::AddCitizenAnswer { dialogue, question } => {
            if let Some(d) = pick(&dialogues(doc), *dialogue)
                && let Some(q) = pick(&d.questions, *question)
            {
                let answer = CitizenAnswer {
                    id: CitizenAnswerId::random(),
                    question: q.id,
                    text: format!("Belysningen i parken {}", expected.token(replica)),
                    age_group: Some("16–19".into()),
                    area: None,
                    at_ms: now,
                };
                doc.add_citizen_answer(&d.id, &answer).unwrap();
                expected
                    .citizen_answers
                    .entry(d.id)
                    .or_default()
                    .insert(answer.id);
            }
        }
        Op::AddTemplate => {
            let template = Template {
                id: TemplateId::random(),
                name: "Klara-möte".into(),
                items: vec!["Lägesbild".into()],
            };
            expected
                .entries
                .insert(("templates", template.id.to_string()));
            expected
                .template_items
                .entry(template.id.clone())
                .or_default()
                .insert("Lägesbild".into());
            doc.put(&template).unwrap();
        }
        Op::AddTemplateItem { template } => {
            if let Some(mut t) = pick(&templates(doc), *template) {
                let heading = format!("Punkt {}", expected.token(replica));
                t.items.push(heading.clone());
                doc.put(&t).unwrap();
                expected
                    .template_items
                    .entry(t.id)
                    .or_default()
                    .insert(heading);
            }
        }
        Op::DeleteAction { action } => {
            if let Some(a) = pick(&actions(doc), *action) {
                assert!(doc.delete(&Deletable::entry::<Action>(&a.id), now).unwrap());
            }
        }
        Op::DeleteEvent { event } => {
            if let Some(e) = pick(&events(doc), *event) {
                assert!(
                    doc.delete(&Deletable::entry::<WheelEvent>(&e.id), now)
                        .unwrap()
                );
            }
        }
        Op::DeletePerson { person } => {
            if let Some(p) = pick(&people(doc), *person) {
                assert!(doc.delete(&Deletable::entry::<Person>(&p.id), now).unwrap());
            }
        }
        Op::DeleteGroup { group } => {
            if let Some(g) = pick(&groups(doc), *group) {
                assert!(doc.delete(&Deletable::entry::<Group>(&g.id), now).unwrap());
            }
        }
        Op::Restore { deleted } => {
            if let Some(d) = pick(&doc.deleted(), *deleted) {
                // An item of approved minutes stays deleted until reopened.
                let _ = doc.restore(&d.what);
            }
        }
        Op::Curate {
            dialogue,
            question,
            decision,
            point,
            other,
        } => {
            if let Some((dialogue, points)) = question_points(doc, *dialogue, *question) {
                let count = points.points.len();
                let (point, other) = (point % count, other % count);
                let edits = match decision {
                    Decision::Mark => points.toggle(point),
                    Decision::Merge => points.merge(point, other),
                    Decision::Split => points.split(point),
                    Decision::Move => points.move_point(point, other),
                };
                doc.curate(&dialogue, &points.question.id, &edits).unwrap();
                expected.curated(&dialogue, &points.question.id, &edits);
            }
        }
        Op::AddMember {
            dialogue,
            group,
            person,
        } => {
            if let (Some(mut d), Some(p)) = (
                pick(&dialogues(doc), *dialogue),
                pick(&people(doc), *person),
            ) && !d.small_groups.is_empty()
            {
                let index = group % d.small_groups.len();
                let g = &mut d.small_groups[index];
                if !g.members.contains(&p.id) {
                    g.members.push(p.id.clone());
                    expected.members.insert((g.id.clone(), p.id));
                    doc.put(&d).unwrap();
                }
            }
        }
        Op::RemoveMember {
            dialogue,
            group,
            member,
        } => {
            if let Some(mut d) = pick(&dialogues(doc), *dialogue)
                && let Some(index) =
                    (!d.small_groups.is_empty()).then(|| group % d.small_groups.len())
                && let Some(person) = pick(&d.small_groups[index].members, *member)
            {
                let g = &mut d.small_groups[index];
                g.members.retain(|m| m != &person);
                expected.removed_members.insert((g.id.clone(), person));
                doc.put(&d).unwrap();
            }
        }
    }
    doc.commit(now);
}

/// Every text in the workspace by the id of what holds it (an agenda item,
/// an action, an event, `dialogue/group/question` for an answer).
fn texts(doc: &WorkspaceDoc) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    for m in doc.list::<Meeting>() {
        for item in m.agenda {
            texts.insert(item.id.to_string(), item.body);
        }
    }
    for a in doc.list::<Action>() {
        texts.insert(a.id.to_string(), a.text);
    }
    for e in doc.list::<WheelEvent>() {
        texts.insert(e.id.to_string(), e.notes);
    }
    for d in doc.list::<Dialogue>() {
        for g in &d.small_groups {
            for answer in &g.answers {
                texts.insert(
                    format!("{}/{}/{}", d.id, g.id, answer.question),
                    answer.text.clone(),
                );
            }
        }
    }
    texts
}

fn present(doc: &WorkspaceDoc) -> BTreeSet<(&'static str, String)> {
    let mut ids = BTreeSet::new();
    let mut add = |kind, id: String| {
        ids.insert((kind, id));
    };
    doc.list::<Person>()
        .into_iter()
        .for_each(|e| add("people", e.id.0));
    doc.list::<Group>()
        .into_iter()
        .for_each(|e| add("groups", e.id.0));
    doc.list::<Action>()
        .into_iter()
        .for_each(|e| add("actions", e.id.0));
    doc.list::<WheelEvent>()
        .into_iter()
        .for_each(|e| add("wheelEvents", e.id.0));
    doc.list::<Dialogue>()
        .into_iter()
        .for_each(|e| add("dialogues", e.id.0));
    doc.list::<Template>()
        .into_iter()
        .for_each(|e| add("templates", e.id.0));
    for m in doc.list::<Meeting>() {
        m.agenda
            .into_iter()
            .for_each(|i| add("agendaItems", i.id.0));
        add("meetings", m.id.0);
    }
    ids
}

/// Where a replica starts: a new workspace, or one written by an older
/// release that each replica migrates on its own.
#[derive(Debug, Clone, Copy)]
enum Start {
    New,
    /// New, with someone in the register and a dialogue the groups and a
    /// citizen have answered, so the replicas curate from the first step.
    Answered,
    VersionZero,
    WithoutTemplates,
}

fn older_workspace(start: Start) -> Vec<u8> {
    let mut doc = automerge::AutoCommit::new();
    let workspace = doc
        .put_object(automerge::ROOT, "workspace", ObjType::Map)
        .unwrap();
    doc.put(&workspace, "name", "Trygghetsrådet").unwrap();
    let meetings = doc
        .put_object(automerge::ROOT, "meetings", ObjType::Map)
        .unwrap();
    let meeting = doc.put_object(&meetings, "m1", ObjType::Map).unwrap();
    doc.put(&meeting, "title", "Möte").unwrap();
    match start {
        Start::VersionZero => {
            let agenda = doc.put_object(&meeting, "agenda", ObjType::List).unwrap();
            for (index, heading) in ["Summering", "Nästa möte"].into_iter().enumerate() {
                let item = doc.insert_object(&agenda, index, ObjType::Map).unwrap();
                doc.put(&item, "heading", heading).unwrap();
                let text = doc.put_object(&item, "body", ObjType::Text).unwrap();
                doc.splice_text(&text, 0, 0, "- punkt").unwrap();
            }
        }
        _ => {
            // Version 1 as the first releases wrote it: no templates, and a
            // meeting with only the containers written so far.
            doc.put(automerge::ROOT, "schemaVersion", 1_u64).unwrap();
            for key in [
                "actors",
                "groups",
                "people",
                "actions",
                "categories",
                "wheelEvents",
                "dialogues",
            ] {
                doc.put_object(automerge::ROOT, key, ObjType::Map).unwrap();
            }
            doc.put_object(&meeting, "agendaItems", ObjType::Map)
                .unwrap();
            doc.put_object(&meeting, "agendaOrder", ObjType::List)
                .unwrap();
        }
    }
    doc.save()
}

fn answered_dialogue(doc: &mut WorkspaceDoc) {
    doc.put(&Person {
        id: PersonId::random(),
        name: "Moa Magnusson".into(),
        role: "folkhälsostrateg".into(),
        organisation: "Ånge kommun".into(),
        groups: vec![],
    })
    .unwrap();
    let question = QuestionId::random();
    let group = |name: &str| SmallGroup {
        id: SmallGroupId::random(),
        name: name.into(),
        members: vec![],
        answers: vec![],
    };
    let dialogue = Dialogue {
        title: "Trygghetsvandring".into(),
        questions: vec![Question {
            id: question.clone(),
            text: "Var känner du dig otrygg?".into(),
            curation: Curation::default(),
        }],
        small_groups: vec![group("Grupp 1"), group("Grupp 2")],
        ..Default::default()
    };
    doc.put(&dialogue).unwrap();
    for (group, answer) in dialogue.small_groups.iter().zip([
        "- Busstationen\n- Gångtunneln\n- Parken",
        "- busstationen\n- Torget\n- Idrottsplatsen",
    ]) {
        doc.set_group_answer(&dialogue.id, &group.id, &question, answer)
            .unwrap();
    }
    doc.add_citizen_answer(
        &dialogue.id,
        &CitizenAnswer {
            id: CitizenAnswerId::random(),
            question,
            text: "Parkeringen vid simhallen".into(),
            age_group: None,
            area: None,
            at_ms: 1,
        },
    )
    .unwrap();
}

fn replicas(start: Start, n: usize) -> Vec<WorkspaceDoc> {
    match start {
        Start::New | Start::Answered => {
            let mut first = WorkspaceDoc::create(&WorkspaceInfo {
                name: "Trygghetsrådet och Klara-gruppen".into(),
                organisation: "Ånge kommun".into(),
            })
            .unwrap();
            first
                .put(&Group {
                    id: GroupId::random(),
                    name: "Trygghetsrådet".into(),
                    description: String::new(),
                })
                .unwrap();
            if matches!(start, Start::Answered) {
                answered_dialogue(&mut first);
            }
            first.commit(1);
            let mut all = vec![first.clone()];
            all.extend((1..n).map(|_| first.fork()));
            all
        }
        older => {
            let bytes = older_workspace(older);
            (0..n)
                .map(|_| WorkspaceDoc::load(&bytes).unwrap())
                .collect()
        }
    }
}

fn run(start: Start, n: usize, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut docs = replicas(start, n);
    let mut expected = Expected::default();
    for (now, step) in steps.iter().enumerate() {
        match step {
            Step::Apply { replica, op } => apply(
                &mut docs[*replica],
                *replica,
                op,
                &mut expected,
                now as i64 + 2,
            ),
            Step::Merge { from, to } if from != to => {
                let mut other = docs[*from].clone();
                docs[*to].merge(&mut other).unwrap();
            }
            Step::Merge { .. } => {}
        }
    }
    // Everyone meets: all into the first, then the first into all.
    for i in 1..n {
        let mut other = docs[i].clone();
        docs[0].merge(&mut other).unwrap();
    }
    for i in 1..n {
        let mut first = docs[0].clone();
        docs[i].merge(&mut first).unwrap();
    }

    let heads: Vec<_> = docs.iter_mut().map(|d| d.heads()).collect();
    prop_assert!(
        heads.windows(2).all(|w| w[0] == w[1]),
        "all replicas end at the same heads"
    );
    let json = radslag_core::backup::to_json(&docs[0]);
    for doc in &docs[1..] {
        prop_assert_eq!(
            &radslag_core::backup::to_json(doc),
            &json,
            "all replicas show the same workspace"
        );
    }

    let doc = &docs[0];
    prop_assert_eq!(
        doc.conflicting_containers(false),
        Vec::<String>::new(),
        "no key holds two containers"
    );
    let shown = present(doc);
    let deleted: BTreeSet<String> = doc.deleted().into_iter().map(|d| id_of(&d.what)).collect();
    for entry in &expected.entries {
        prop_assert!(
            shown.contains(entry) || deleted.contains(&entry.1),
            "{entry:?} is neither shown nor deleted"
        );
    }
    for (meeting, count) in &expected.status_changes {
        let log = doc.get::<Meeting>(meeting).map(|m| m.status_log.len());
        prop_assert_eq!(
            log,
            Some(*count),
            "every approval and reopening of {} is logged",
            meeting
        );
    }
    for (actor, person) in &expected.signed {
        let signed = doc.person_of_actor(actor);
        prop_assert_eq!(signed.as_ref(), Some(person));
    }

    // Restoring everything deleted (approved minutes reopened first) brings
    // back every entry, with every word typed into it and every membership.
    let doc = &mut restore_everything(doc.clone());
    let present = present(doc);
    for entry in &expected.entries {
        prop_assert!(present.contains(entry), "{entry:?} is missing");
    }
    let texts = texts(doc);
    for (holder, token) in &expected.typed {
        let text = texts.get(holder).map(String::as_str).unwrap_or_default();
        prop_assert!(
            text.contains(token.as_str()),
            "{token} typed into {holder} is missing from {text:?}"
        );
    }
    for (dialogue, answers) in &expected.citizen_answers {
        let stored: BTreeSet<CitizenAnswerId> = doc
            .get::<Dialogue>(dialogue)
            .unwrap()
            .citizen_answers
            .into_iter()
            .map(|a| a.id)
            .collect();
        prop_assert!(
            answers.is_subset(&stored),
            "citizen answers of {} are missing",
            dialogue
        );
    }
    let people = doc.list::<Person>();
    for (person, group) in &expected.memberships {
        if let Some(p) = people.iter().find(|p| &p.id == person) {
            prop_assert!(p.groups.contains(group), "{} lost group {}", p.name, group);
        }
    }
    for d in doc.list::<Dialogue>() {
        check_curation(&d, &expected)?;
        for g in &d.small_groups {
            for (group, person) in &expected.members {
                if group == &g.id
                    && !expected
                        .removed_members
                        .contains(&(group.clone(), person.clone()))
                {
                    prop_assert!(
                        g.members.contains(person),
                        "{} lost member {}",
                        g.name,
                        person
                    );
                }
            }
        }
    }
    let templates = doc.list::<Template>();
    for (template, items) in &expected.template_items {
        let stored = &templates.iter().find(|t| &t.id == template).unwrap().items;
        prop_assert!(
            items.iter().all(|i| stored.contains(i)),
            "template items lost: {items:?} vs {stored:?}"
        );
    }
    Ok(())
}

/// Curation loses nothing: every point of every answer is shown once (alone
/// or merged into another, new ones too), and the decisions are kept.
fn check_curation(d: &Dialogue, expected: &Expected) -> Result<(), TestCaseError> {
    let compilation = Compilation::gather(d);
    for (question, curated) in d.questions.iter().zip(&compilation.questions) {
        let answers = d
            .small_groups
            .iter()
            .flat_map(|g| {
                g.answers
                    .iter()
                    .filter(|a| a.question == question.id)
                    .map(|a| &a.text)
            })
            .chain(
                d.citizen_answers
                    .iter()
                    .filter(|a| a.question == question.id)
                    .map(|a| &a.text),
            );
        let written: BTreeSet<PointKey> = answers
            .flat_map(|text| points(text))
            .map(|p| PointKey::of(&p))
            .collect();
        let shown: Vec<&PointKey> = curated
            .points
            .iter()
            .flat_map(|p| std::iter::once(&p.key).chain(&p.merged))
            .collect();
        prop_assert_eq!(shown.len(), written.len(), "each point shown once");
        prop_assert!(
            shown.iter().all(|k| written.contains(k)),
            "only points written are shown"
        );
        let c = &question.curation;
        let here = |set: &BTreeSet<(DialogueId, QuestionId, PointKey)>| {
            set.iter()
                .filter(|(dialogue, q, _)| dialogue == &d.id && q == &question.id)
                .map(|(_, _, point)| point.clone())
                .collect::<Vec<_>>()
        };
        for point in here(&expected.marked) {
            prop_assert!(c.included.contains_key(&point), "mark of {} lost", point);
        }
        let unmerged = here(&expected.unmerged);
        for point in here(&expected.merged) {
            if !unmerged.contains(&point) {
                prop_assert!(
                    c.merged_into.contains_key(&point),
                    "merge of {} lost",
                    point
                );
            }
        }
        for point in here(&expected.ordered) {
            if written.contains(&point) {
                prop_assert!(c.order.contains(&point), "{} left the order", point);
            }
        }
    }
    Ok(())
}

/// The id of something deleted.
fn id_of(what: &Deletable) -> String {
    match what {
        Deletable::Entry { id, .. } => id.clone(),
        Deletable::AgendaItem { item, .. } => item.to_string(),
    }
}

/// The workspace with everything deleted restored, approved minutes
/// reopened to restore their items.
fn restore_everything(mut doc: WorkspaceDoc) -> WorkspaceDoc {
    for meeting in doc.list::<Meeting>() {
        let reopen = StatusChange {
            status: MeetingStatus::Draft,
            by: "Sekreteraren".into(),
            at_ms: 0,
        };
        doc.set_meeting_status(&meeting.id, &reopen).unwrap();
    }
    for deleted in doc.deleted() {
        assert!(doc.restore(&deleted.what).unwrap());
    }
    doc.commit(0);
    assert!(doc.deleted().is_empty());
    doc
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn start() -> impl Strategy<Value = Start> {
    prop_oneof![
        4 => Just(Start::New),
        3 => Just(Start::Answered),
        1 => Just(Start::VersionZero),
        1 => Just(Start::WithoutTemplates),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn replicas_apart_merge_to_one_workspace_with_nothing_lost(
        (start, n, steps) in (start(), 3..=5usize).prop_flat_map(|(start, n)| (Just(start), Just(n), steps(n)))
    ) {
        run(start, n, &steps)?;
    }
}

/// The two volunteers' tablets at Kulturnatten, from the issue: ten citizen
/// answers each, offline, then merged.
#[test]
fn two_tablets_offline_keep_all_twenty_citizen_answers() {
    let steps: Vec<Step> = std::iter::once(Step::Apply {
        replica: 0,
        op: Op::AddDialogue,
    })
    .chain(std::iter::once(Step::Merge { from: 0, to: 1 }))
    .chain(std::iter::once(Step::Merge { from: 0, to: 2 }))
    .chain((0..20).map(|n| Step::Apply {
        replica: 1 + n % 2,
        op: Op::AddCitizenAnswer {
            dialogue: 0,
            question: 0,
        },
    }))
    .collect();
    run(Start::New, 3, &steps).unwrap();
}

/// A question added on one device while a small group is added on another:
/// each group's answer text for the new question comes from the normalising
/// change, and two members typing its first words keep both.
#[test]
fn a_question_and_a_group_added_apart_keep_both_first_words() {
    let steps = vec![
        Step::Apply {
            replica: 0,
            op: Op::AddDialogue,
        },
        Step::Merge { from: 0, to: 1 },
        Step::Merge { from: 0, to: 2 },
        Step::Apply {
            replica: 1,
            op: Op::AddQuestion { dialogue: 0 },
        },
        Step::Apply {
            replica: 2,
            op: Op::AddSmallGroup { dialogue: 0 },
        },
        Step::Merge { from: 1, to: 0 },
        Step::Merge { from: 2, to: 0 },
        Step::Merge { from: 1, to: 2 },
        Step::Merge { from: 2, to: 1 },
        Step::Apply {
            replica: 1,
            op: Op::TypeAnswer {
                dialogue: 0,
                group: 1,
                question: 1,
                at: 0,
            },
        },
        Step::Apply {
            replica: 2,
            op: Op::TypeAnswer {
                dialogue: 0,
                group: 1,
                question: 1,
                at: 0,
            },
        },
        Step::Apply {
            replica: 0,
            op: Op::TypeAnswer {
                dialogue: 0,
                group: 1,
                question: 1,
                at: 0,
            },
        },
    ];
    run(Start::New, 3, &steps).unwrap();
}

/// Two coordinators curating the same question apart, from the issue: each
/// marks, merges and moves points (two of them into each other) and adds
/// someone to a group; a third device has added a point meanwhile.
#[test]
fn two_coordinators_curating_apart_keep_every_decision_and_every_point() {
    let apply = |replica, op| Step::Apply { replica, op };
    let decide = |replica, decision, point, other| {
        apply(
            replica,
            Op::Curate {
                dialogue: 0,
                question: 0,
                decision,
                point,
                other,
            },
        )
    };
    let member = |replica, group| {
        apply(
            replica,
            Op::AddMember {
                dialogue: 0,
                group,
                person: 0,
            },
        )
    };
    let steps = vec![
        decide(0, Decision::Mark, 1, 0),
        decide(0, Decision::Merge, 0, 1),
        member(0, 0),
        decide(1, Decision::Move, 1, 0),
        decide(1, Decision::Merge, 0, 1),
        decide(1, Decision::Mark, 3, 0),
        member(1, 1),
        apply(
            2,
            Op::AddCitizenAnswer {
                dialogue: 0,
                question: 0,
            },
        ),
        Step::Merge { from: 0, to: 1 },
        decide(1, Decision::Split, 0, 0),
        decide(0, Decision::Move, 4, 0),
    ];
    run(Start::Answered, 3, &steps).unwrap();
}
