//! A meeting's versions, read from the document's own change history (as
//! `history` reads an action's statuses): nothing extra is stored. Every
//! change carries its replica (mapped to a person by `actors`) and its
//! time; the changes one replica made to a meeting with no pause longer
//! than [`SESSION_PAUSE_MS`] form one editing session, and each approval and
//! reopening is a version of its own. Any version can be read back as the
//! meeting was then (the document at the version's last change), and an
//! agenda item's text restored from it.

use std::collections::{HashMap, HashSet};

use automerge::{AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, Value, legacy};

use super::{Deletable, Entity, Result, WorkspaceDoc, access};
use crate::ids::{AgendaItemId, MeetingId, PersonId};
use crate::model::Meeting;

/// A pause longer than this ends an editing session.
pub const SESSION_PAUSE_MS: i64 = 30 * 60 * 1000;

/// What a version of a meeting is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VersionKind {
    /// An editing session (the first one created the meeting).
    Edited,
    /// The minutes were approved (justerade).
    Approved,
    /// Approved minutes were opened for changes again.
    Reopened,
}

/// One version of a meeting: an editing session, an approval or a reopening.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version {
    pub kind: VersionKind,
    /// The replica (actor id, hex) and the person it wrote for, if it said.
    pub actor: String,
    pub person: Option<PersonId>,
    /// Whom an approval or reopening names (as the minutes' log does).
    pub named: Option<String>,
    /// When the session began and ended (ms since the epoch, as the writing
    /// device's clock said); equal for an approval.
    pub from_ms: i64,
    pub to_ms: i64,
    /// How many changes it holds.
    pub changes: usize,
    /// Its last change: the meeting as it was after this version.
    last: ChangeHash,
}

impl Version {
    /// A stable key for the version (its last change, hex).
    pub fn key(&self) -> String {
        self.last.to_string()
    }
}

/// The id decoded changes give an object.
pub(super) fn legacy_id(obj: &ObjId) -> legacy::ObjectId {
    match obj {
        ObjId::Root => legacy::ObjectId::Root,
        ObjId::Id(counter, actor, _) => legacy::ObjectId::Id(legacy::OpId::new(*counter, actor)),
    }
}

/// `obj` and every object in it, deleted agenda items too.
pub(super) fn objects_under(doc: &AutoCommit, obj: &ObjId, into: &mut HashSet<legacy::ObjectId>) {
    into.insert(legacy_id(obj));
    if matches!(doc.object_type(obj), Ok(ObjType::Text)) {
        return;
    }
    for (value, child) in doc.values(obj) {
        if let Value::Object(_) = value {
            objects_under(doc, &child, into);
        }
    }
}

/// Where a meeting's changes land: its objects, and its key in the
/// collection (where it was created).
struct MeetingObjects {
    all: HashSet<legacy::ObjectId>,
    meeting: legacy::ObjectId,
    status_log: Option<legacy::ObjectId>,
    collection: legacy::ObjectId,
    key: legacy::Key,
}

impl MeetingObjects {
    fn of(doc: &AutoCommit, id: &MeetingId) -> Option<MeetingObjects> {
        let collection = access::object(doc, &ROOT, Meeting::COLLECTION)?;
        let meeting = access::object(doc, &collection, id.as_str())?;
        let mut all = HashSet::new();
        objects_under(doc, &meeting, &mut all);
        Some(MeetingObjects {
            all,
            status_log: access::object(doc, &meeting, "statusLog").map(|log| legacy_id(&log)),
            meeting: legacy_id(&meeting),
            collection: legacy_id(&collection),
            key: legacy::Key::Map(id.as_str().into()),
        })
    }

    fn touched_by(&self, op: &legacy::Op) -> bool {
        self.all.contains(&op.obj) || (op.obj == self.collection && op.key == self.key)
    }

    /// An approval or reopening: the meeting's status set, and its log
    /// added to, in one change (creating a meeting sets only the status).
    fn status_change(&self, ops: &[legacy::Op]) -> Option<VersionKind> {
        let logged = ops
            .iter()
            .any(|op| op.insert && Some(&op.obj) == self.status_log.as_ref());
        let status = ops.iter().find_map(|op| match &op.action {
            legacy::OpType::Put(value)
                if op.obj == self.meeting && op.key == legacy::Key::Map("status".into()) =>
            {
                value.as_str().map(str::to_owned)
            }
            _ => None,
        })?;
        logged.then_some(if status == "approved" {
            VersionKind::Approved
        } else {
            VersionKind::Reopened
        })
    }
}

/// The name an approval's log entry gives.
fn named(ops: &[legacy::Op]) -> Option<String> {
    ops.iter().find_map(|op| match &op.action {
        legacy::OpType::Put(value) if op.key == legacy::Key::Map("by".into()) => {
            value.as_str().map(str::to_owned)
        }
        _ => None,
    })
}

impl WorkspaceDoc {
    /// A meeting's versions, oldest first: each editing session (a replica's
    /// changes with no pause longer than [`SESSION_PAUSE_MS`]), approval and
    /// reopening. Changes every device makes alike (migrations, mending)
    /// are no one's and left out. Decodes the whole change history (of a
    /// copy), so call it when someone opens the history.
    pub fn meeting_versions(&self, id: &MeetingId) -> Vec<Version> {
        let Some(objects) = MeetingObjects::of(&self.doc, id) else {
            return Vec::new();
        };
        let mut versions: Vec<Version> = Vec::new();
        // Each replica's session still open: its index in `versions`.
        let mut open: HashMap<String, usize> = HashMap::new();
        let mut doc = self.doc.clone();
        for change in doc.get_changes(&[]) {
            let at = change.timestamp();
            if at == 0 {
                continue;
            }
            let ops = change.decode().operations;
            if !ops.iter().any(|op| objects.touched_by(op)) {
                continue;
            }
            let actor = change.actor_id().to_hex_string();
            let kind = objects.status_change(&ops);
            if kind.is_none()
                && let Some(&index) = open.get(&actor)
                && at - versions[index].to_ms <= SESSION_PAUSE_MS
            {
                let session = &mut versions[index];
                session.to_ms = session.to_ms.max(at);
                session.changes += 1;
                session.last = change.hash();
                continue;
            }
            versions.push(Version {
                kind: kind.unwrap_or(VersionKind::Edited),
                person: self.person_of_actor(&actor),
                named: kind.and_then(|_| named(&ops)),
                from_ms: at,
                to_ms: at,
                changes: 1,
                last: change.hash(),
                actor: actor.clone(),
            });
            match kind {
                None => open.insert(actor, versions.len() - 1),
                Some(_) => open.remove(&actor),
            };
        }
        versions
    }

    /// A meeting as it was after `version` (`None` when it was deleted then).
    pub fn meeting_at(&self, id: &MeetingId, version: &Version) -> Option<Meeting> {
        let past = self.doc.clone().fork_at(&[version.last]).ok()?;
        WorkspaceDoc {
            doc: past,
            held: None,
        }
        .get::<Meeting>(id)
    }

    /// Gives an agenda item back its heading and notes as they were after
    /// `version` (restoring the item if it is deleted). False when the item
    /// was not in that version. Approved minutes refuse it.
    pub fn restore_item_text(
        &mut self,
        id: &MeetingId,
        version: &Version,
        item: &AgendaItemId,
    ) -> Result<bool> {
        let Some(old) = self
            .meeting_at(id, version)
            .and_then(|m| m.agenda.into_iter().find(|i| &i.id == item))
        else {
            return Ok(false);
        };
        let what = Deletable::AgendaItem {
            meeting: id.clone(),
            item: item.clone(),
        };
        let Some(obj) = self.deletable(&what)? else {
            return Ok(false);
        };
        self.restore(&what)?;
        access::put_text(&mut self.doc, &obj, "heading", &old.heading)?;
        access::put_text(&mut self.doc, &obj, "body", &old.body)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    const MINUTE: i64 = 60 * 1000;
    const T0: i64 = 1_675_771_200_000; // 2023-02-07 13:00 in Stockholm

    fn council() -> WorkspaceDoc {
        WorkspaceDoc::create(&WorkspaceInfo {
            name: "Trygghetsrådet".into(),
            organisation: "Ånge kommun".into(),
        })
        .unwrap()
    }

    fn person(ws: &mut WorkspaceDoc, name: &str) -> PersonId {
        let person = Person {
            id: PersonId::random(),
            name: name.into(),
            role: String::new(),
            organisation: String::new(),
            groups: Vec::new(),
        };
        ws.put(&person).unwrap();
        person.id
    }

    /// Types `words` at the end of item `index`'s notes, at `at`.
    fn type_in(ws: &mut WorkspaceDoc, id: &MeetingId, index: usize, words: &str, at: i64) {
        let mut meeting = ws.get::<Meeting>(id).unwrap();
        meeting.agenda[index].body.push_str(words);
        ws.put(&meeting).unwrap();
        ws.commit(at);
    }

    /// Moa writes the minutes in two sittings; Josef on his own device in
    /// between; Moa approves, then reopens.
    fn minutes() -> (WorkspaceDoc, MeetingId, PersonId, PersonId) {
        let mut moa_device = council();
        let moa = person(&mut moa_device, "Moa Magnusson");
        let josef = person(&mut moa_device, "Josef Wiklund");
        moa_device.commit(T0 - 60 * MINUTE);
        let mut josef_device = moa_device.fork();
        moa_device.sign_as(&moa).unwrap();
        josef_device.sign_as(&josef).unwrap();
        josef_device.commit(T0 - 60 * MINUTE);
        let meeting = Meeting {
            title: "Trygghetsrådet".into(),
            agenda: ["Summering", "Lägesbild"]
                .into_iter()
                .map(crate::meetings::new_item)
                .collect(),
            ..Default::default()
        };
        let id = meeting.id.clone();
        moa_device.put(&meeting).unwrap();
        moa_device.commit(T0);
        type_in(&mut moa_device, &id, 1, "Polisens statistik.", T0 + MINUTE);
        type_in(&mut moa_device, &id, 1, " Skolans enkät.", T0 + 20 * MINUTE);
        // Something else meanwhile: not the meeting's history.
        person(&mut moa_device, "Per Persson");
        moa_device.commit(T0 + 21 * MINUTE);
        josef_device.merge(&mut moa_device).unwrap();
        type_in(
            &mut josef_device,
            &id,
            0,
            "Kulturnatten gick bra.",
            T0 + 25 * MINUTE,
        );
        moa_device.merge(&mut josef_device).unwrap();
        type_in(
            &mut moa_device,
            &id,
            1,
            " Fältarnas bild.",
            T0 + 3 * 60 * MINUTE,
        );
        for (status, at) in [
            (MeetingStatus::Approved, T0 + 4 * 60 * MINUTE),
            (MeetingStatus::Draft, T0 + 5 * 60 * MINUTE),
        ] {
            let change = StatusChange {
                status,
                by: "Moa Magnusson".into(),
                at_ms: at,
            };
            moa_device.set_meeting_status(&id, &change).unwrap();
            moa_device.commit(at);
        }
        (moa_device, id, moa, josef)
    }

    #[test]
    fn a_meetings_versions_are_its_editing_sessions_approvals_and_reopenings() {
        let (ws, id, moa, josef) = minutes();
        let versions = ws.meeting_versions(&id);
        let seen: Vec<(VersionKind, Option<&PersonId>, i64, i64, usize)> = versions
            .iter()
            .map(|v| (v.kind, v.person.as_ref(), v.from_ms, v.to_ms, v.changes))
            .collect();
        assert_eq!(
            seen,
            vec![
                (VersionKind::Edited, Some(&moa), T0, T0 + 20 * MINUTE, 3),
                (
                    VersionKind::Edited,
                    Some(&josef),
                    T0 + 25 * MINUTE,
                    T0 + 25 * MINUTE,
                    1
                ),
                (
                    VersionKind::Edited,
                    Some(&moa),
                    T0 + 180 * MINUTE,
                    T0 + 180 * MINUTE,
                    1
                ),
                (
                    VersionKind::Approved,
                    Some(&moa),
                    T0 + 240 * MINUTE,
                    T0 + 240 * MINUTE,
                    1
                ),
                (
                    VersionKind::Reopened,
                    Some(&moa),
                    T0 + 300 * MINUTE,
                    T0 + 300 * MINUTE,
                    1
                ),
            ]
        );
        assert_eq!(versions[3].named.as_deref(), Some("Moa Magnusson"));
        assert_eq!(versions[0].named, None);
        assert!(ws.meeting_versions(&MeetingId::random()).is_empty());
    }

    #[test]
    fn a_version_reads_the_meeting_as_it_was_and_gives_an_items_text_back() {
        let (mut ws, id, _, _) = minutes();
        let versions = ws.meeting_versions(&id);
        let first = ws.meeting_at(&id, &versions[0]).unwrap();
        assert_eq!(first.agenda[1].body, "Polisens statistik. Skolans enkät.");
        assert_eq!(first.agenda[0].body, "", "Josef wrote after");
        let approved = ws.meeting_at(&id, &versions[3]).unwrap();
        assert_eq!(approved.status, MeetingStatus::Approved);
        assert_eq!(approved.agenda[0].body, "Kulturnatten gick bra.");

        // Notes rewritten, the item deleted; its text as in the first version.
        let item = first.agenda[1].id.clone();
        let mut now = ws.get::<Meeting>(&id).unwrap();
        now.agenda[1].heading = "Lägesbild i Ånge".into();
        now.agenda[1].body = "Ny text.".into();
        ws.put(&now).unwrap();
        let what = Deletable::AgendaItem {
            meeting: id.clone(),
            item: item.clone(),
        };
        ws.delete(&what, T0 + 6 * 60 * MINUTE).unwrap();
        assert!(ws.restore_item_text(&id, &versions[0], &item).unwrap());
        let restored = ws.get::<Meeting>(&id).unwrap();
        assert_eq!(restored.agenda[1], first.agenda[1]);
        assert!(
            !ws.restore_item_text(&id, &versions[0], &AgendaItemId::random())
                .unwrap(),
            "not in that version"
        );
    }
}
