//! Deleting keeps what is deleted. An entry or an agenda item is only
//! marked, with who deleted it and when (two plain scalars on it, so no
//! container is created: the merge contract holds), and stays where it is.
//! Everything that refers to it — an action's owners and wheel event, a
//! person's groups, an action's source item — stays as it was, and
//! restoring brings it back whole, with whatever another device wrote into
//! it meanwhile. Reads (`get`, `list`, a meeting's agenda) pass over what
//! is marked; [`WorkspaceDoc::deleted`] lists it for *Borttaget*.

use automerge::{AutoCommit, ObjId, ROOT, ScalarValue, transaction::Transactable};

use super::{Entity, Result, WorkspaceDoc, access, entity::AGENDA, shape};
use crate::ids::{AgendaItemId, MeetingId, PersonId};
use crate::model::Meeting;

/// When it was deleted (an Automerge timestamp).
const DELETED_AT: &str = "deletedAt";
/// Whom the deleting device wrote for (a person id), when it said.
const DELETED_BY: &str = "deletedBy";

/// The kinds of entries the workspace keeps, one root collection each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Group,
    Person,
    Meeting,
    Action,
    Category,
    WheelEvent,
    Dialogue,
    Template,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Group,
        Kind::Person,
        Kind::Meeting,
        Kind::Action,
        Kind::Category,
        Kind::WheelEvent,
        Kind::Dialogue,
        Kind::Template,
    ];

    /// The root map that holds this kind of entry, keyed by id.
    pub const fn collection(self) -> &'static str {
        match self {
            Kind::Group => "groups",
            Kind::Person => "people",
            Kind::Meeting => "meetings",
            Kind::Action => "actions",
            Kind::Category => "categories",
            Kind::WheelEvent => "wheelEvents",
            Kind::Dialogue => "dialogues",
            Kind::Template => "templates",
        }
    }

    /// The field that names an entry of this kind in a list.
    const fn label_field(self) -> &'static str {
        match self {
            Kind::Group | Kind::Person | Kind::Category | Kind::Template => "name",
            Kind::Meeting | Kind::WheelEvent | Kind::Dialogue => "title",
            Kind::Action => "text",
        }
    }
}

/// Something that can be deleted and restored.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Deletable {
    Entry {
        kind: Kind,
        id: String,
    },
    AgendaItem {
        meeting: MeetingId,
        item: AgendaItemId,
    },
}

impl Deletable {
    /// The entry of kind `E` with this id.
    pub fn entry<E: Entity>(id: &E::Id) -> Deletable {
        Deletable::Entry {
            kind: E::KIND,
            id: id.as_ref().to_owned(),
        }
    }
}

/// Something deleted, as *Borttaget* lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Deleted {
    pub what: Deletable,
    /// Its name, title or first line (an agenda item's heading).
    pub label: String,
    /// Whom the deleting device wrote for, if it said.
    pub by: Option<PersonId>,
    /// Milliseconds since the Unix epoch, as the deleting device's clock said.
    pub at_ms: i64,
}

/// Whether `obj` is marked deleted.
pub(crate) fn is_deleted(doc: &AutoCommit, obj: &ObjId) -> bool {
    access::integer(doc, obj, DELETED_AT).is_some()
}

/// The label, who and when of a deleted `obj`; `None` when it is not deleted.
fn deletion(doc: &AutoCommit, what: Deletable, obj: &ObjId, label_field: &str) -> Option<Deleted> {
    Some(Deleted {
        at_ms: access::integer(doc, obj, DELETED_AT)?,
        by: access::optional_string(doc, obj, DELETED_BY).map(PersonId::from),
        label: crate::text::first_line(&access::string(doc, obj, label_field), 80),
        what,
    })
}

impl WorkspaceDoc {
    /// Deletes an entry or agenda item: marks it, with the person this
    /// replica writes for and `at_ms`. False when it is not there or already
    /// deleted. An agenda item of approved minutes is refused.
    pub fn delete(&mut self, what: &Deletable, at_ms: i64) -> Result<bool> {
        let Some(obj) = self.deletable(what)? else {
            return Ok(false);
        };
        if is_deleted(&self.doc, &obj) {
            return Ok(false);
        }
        let by = self.person_of_actor(&self.actor());
        self.doc
            .put(&obj, DELETED_AT, ScalarValue::Timestamp(at_ms))?;
        access::put_optional_string(
            &mut self.doc,
            &obj,
            DELETED_BY,
            by.as_ref().map(PersonId::as_str),
        )?;
        Ok(true)
    }

    /// Brings a deleted entry or agenda item back, as it is now (with what
    /// was written into it since). False when it is not deleted.
    pub fn restore(&mut self, what: &Deletable) -> Result<bool> {
        let Some(obj) = self.deletable(what)? else {
            return Ok(false);
        };
        if !is_deleted(&self.doc, &obj) {
            return Ok(false);
        }
        self.doc.delete(&obj, DELETED_AT)?;
        access::put_optional_string(&mut self.doc, &obj, DELETED_BY, None)?;
        Ok(true)
    }

    /// Everything deleted, newest first: entries of every kind, and the
    /// agenda items of meetings that are not deleted themselves.
    pub fn deleted(&self) -> Vec<Deleted> {
        let mut deleted = Vec::new();
        for kind in Kind::ALL {
            for (id, obj) in shape::maps_under(&self.doc, &ROOT, kind.collection()) {
                let what = Deletable::Entry { kind, id };
                deleted.extend(deletion(&self.doc, what, &obj, kind.label_field()));
            }
        }
        for (meeting, obj) in shape::maps_under(&self.doc, &ROOT, Kind::Meeting.collection()) {
            if is_deleted(&self.doc, &obj) {
                continue;
            }
            for (item, item_obj) in shape::maps_under(&self.doc, &obj, AGENDA.map) {
                let what = Deletable::AgendaItem {
                    meeting: meeting.as_str().into(),
                    item: item.into(),
                };
                deleted.extend(deletion(&self.doc, what, &item_obj, "heading"));
            }
        }
        crate::order::sort_by(&mut deleted, |a, b| {
            b.at_ms.cmp(&a.at_ms).then_with(|| a.label.cmp(&b.label))
        });
        deleted
    }

    /// A person's name, also when the person is deleted: who deleted or
    /// wrote something stays named.
    pub fn name_of(&self, person: &PersonId) -> Option<String> {
        let people = access::object(&self.doc, &ROOT, Kind::Person.collection())?;
        let obj = access::object(&self.doc, &people, person.as_str())?;
        Some(access::string(&self.doc, &obj, "name"))
    }

    /// The object of something deletable, deleted or not; an agenda item's
    /// meeting must be writable.
    pub(super) fn deletable(&self, what: &Deletable) -> Result<Option<ObjId>> {
        match what {
            Deletable::Entry { kind, id } => {
                Ok(access::object(&self.doc, &ROOT, kind.collection())
                    .and_then(|collection| access::object(&self.doc, &collection, id)))
            }
            Deletable::AgendaItem { meeting, item } => {
                let obj = self.entry::<Meeting>(meeting)?;
                Meeting::check_writable(&self.doc, &obj)?;
                Ok(access::object(&self.doc, &obj, AGENDA.map)
                    .and_then(|items| access::object(&self.doc, &items, item.as_str())))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn council() -> WorkspaceDoc {
        WorkspaceDoc::create(&WorkspaceInfo {
            name: "Trygghetsrådet".into(),
            organisation: "Ånge kommun".into(),
        })
        .unwrap()
    }

    fn person(name: &str, groups: Vec<crate::ids::GroupId>) -> Person {
        Person {
            id: PersonId::random(),
            name: name.into(),
            role: String::new(),
            organisation: "Ånge kommun".into(),
            groups,
        }
    }

    #[test]
    fn a_deleted_person_is_hidden_listed_and_restored_with_every_reference() {
        let mut ws = council();
        let klara = Group {
            id: crate::ids::GroupId::random(),
            name: "Klara-gruppen".into(),
            description: String::new(),
        };
        let moa = person("Moa Magnusson", vec![klara.id.clone()]);
        let josef = person("Josef Wiklund", vec![]);
        let action = Action {
            text: "Planera Kulturnatten\nmed polisen".into(),
            owners: vec![Owner::Person(josef.id.clone())],
            ..Default::default()
        };
        ws.put(&klara).unwrap();
        ws.put(&moa).unwrap();
        ws.put(&josef).unwrap();
        ws.put(&action).unwrap();
        ws.sign_as(&moa.id).unwrap();
        ws.commit(1);

        let josef_entry = Deletable::entry::<Person>(&josef.id);
        let group_entry = Deletable::entry::<Group>(&klara.id);
        let action_entry = Deletable::entry::<Action>(&action.id);
        assert!(ws.delete(&josef_entry, 1_000).unwrap());
        assert!(ws.delete(&group_entry, 2_000).unwrap());
        assert!(ws.delete(&action_entry, 3_000).unwrap());
        assert!(!ws.delete(&josef_entry, 4_000).unwrap(), "already deleted");
        ws.commit(4_000);

        assert_eq!(ws.get::<Person>(&josef.id), None);
        assert_eq!(ws.list::<Person>(), vec![moa.clone()], "Moa keeps Klara");
        assert!(ws.list::<Group>().is_empty() && ws.list::<Action>().is_empty());
        assert_eq!(ws.name_of(&josef.id).as_deref(), Some("Josef Wiklund"));
        let deleted = ws.deleted();
        let listed: Vec<(&Deletable, &str, i64)> = deleted
            .iter()
            .map(|d| (&d.what, d.label.as_str(), d.at_ms))
            .collect();
        assert_eq!(
            listed,
            vec![
                (&action_entry, "Planera Kulturnatten", 3_000),
                (&group_entry, "Klara-gruppen", 2_000),
                (&josef_entry, "Josef Wiklund", 1_000),
            ]
        );
        assert!(deleted.iter().all(|d| d.by.as_ref() == Some(&moa.id)));

        for what in [&josef_entry, &group_entry, &action_entry] {
            assert!(ws.restore(what).unwrap());
            assert!(!ws.restore(what).unwrap(), "already back");
        }
        assert_eq!(ws.get::<Person>(&josef.id), Some(josef));
        assert_eq!(ws.get::<Action>(&action.id), Some(action));
        assert_eq!(ws.list::<Group>(), vec![klara]);
        assert!(ws.deleted().is_empty());
    }

    #[test]
    fn what_another_device_wrote_into_a_deleted_action_comes_back_with_it() {
        let mut here = council();
        let action = Action {
            text: "Planera Kulturnatten".into(),
            ..Default::default()
        };
        here.put(&action).unwrap();
        here.commit(1);
        let mut there = here.fork();
        let what = Deletable::entry::<Action>(&action.id);
        here.delete(&what, 2).unwrap();
        here.commit(2);
        let mut typed = action.clone();
        typed.text.push_str(" med fältarna");
        typed.status = ActionStatus::InProgress;
        there.put(&typed).unwrap();
        there.commit(3);

        here.merge(&mut there).unwrap();
        there.merge(&mut here).unwrap();
        for ws in [&mut here, &mut there] {
            assert_eq!(ws.get::<Action>(&action.id), None, "deleted on both");
        }
        there.restore(&what).unwrap();
        there.commit(4);
        here.merge(&mut there).unwrap();
        assert_eq!(here.get::<Action>(&action.id), Some(typed));
    }

    #[test]
    fn a_deleted_agenda_item_is_kept_in_its_place_and_restored_there() {
        let mut ws = council();
        let mut meeting = Meeting {
            title: "Trygghetsrådet".into(),
            agenda: ["Summering", "Lägesbild", "Övriga frågor"]
                .into_iter()
                .map(crate::meetings::new_item)
                .collect(),
            ..Default::default()
        };
        meeting.agenda[1].body = "Polisens statistik".into();
        ws.put(&meeting).unwrap();
        let middle = Deletable::AgendaItem {
            meeting: meeting.id.clone(),
            item: meeting.agenda[1].id.clone(),
        };
        assert!(ws.delete(&middle, 5).unwrap());
        let shown = ws.get::<Meeting>(&meeting.id).unwrap();
        let headings: Vec<&str> = shown.agenda.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, ["Summering", "Övriga frågor"]);
        assert_eq!(ws.deleted()[0].label, "Lägesbild");

        // Writing the meeting (reordered, as it shows) keeps the deleted item.
        let mut reordered = shown.clone();
        reordered.agenda.swap(0, 1);
        ws.put(&reordered).unwrap();
        ws.restore(&middle).unwrap();
        let back = ws.get::<Meeting>(&meeting.id).unwrap();
        let headings: Vec<&str> = back.agenda.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, ["Övriga frågor", "Summering", "Lägesbild"]);
        assert_eq!(back.agenda[2].body, "Polisens statistik");

        // Approved minutes are read-only: no item is deleted or restored.
        let approve = StatusChange {
            status: MeetingStatus::Approved,
            by: "Moa Magnusson".into(),
            at_ms: 6,
        };
        ws.set_meeting_status(&meeting.id, &approve).unwrap();
        assert!(matches!(
            ws.delete(&middle, 7),
            Err(crate::DocError::Approved)
        ));
    }
}
