//! *Nytt sedan ditt senaste besök*: what other members changed since this
//! device last looked, read from the document's change history. A device
//! keeps where it was in that history when it looked ([`Seen`]: the heads
//! then); the changes since, made by someone else, name the entries they
//! touched (an entry, anything in it, or its key in the collection: created,
//! edited, deleted or restored), and the meeting as it was then can be read
//! back to say what changed in it.

use std::collections::HashMap;

use automerge::{AutoCommit, ChangeHash, ROOT, legacy};

use super::versions::{legacy_id, objects_under};
use super::{Kind, WorkspaceDoc, access, shape};
use crate::ids::{MeetingId, PersonId};
use crate::model::Meeting;

/// Where the document's history stood when a device looked: its heads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Seen(Vec<ChangeHash>);

impl Seen {
    /// As stored: the heads in hex, comma-separated.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(ChangeHash::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// What [`Self::encode`] wrote; `None` for anything else.
    pub fn decode(text: &str) -> Option<Seen> {
        text.split(',')
            .filter(|h| !h.is_empty())
            .map(|h| h.parse().ok())
            .collect::<Option<Vec<ChangeHash>>>()
            .map(Seen)
    }
}

/// Whose changes are no news to this device: the replicas it wrote with
/// (actor ids, hex; the current one always counts) and the person it
/// writes for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Viewer<'a> {
    pub actors: &'a [String],
    pub person: Option<&'a PersonId>,
}

/// What others changed in one collection since a point in the history,
/// kept up to date by [`WorkspaceDoc::follow_news`], which reads only the
/// changes since its last call: a page open while its member types (their
/// own changes, never news) costs next to nothing however long the visit.
#[derive(Debug, Clone)]
pub struct NewsSince {
    kind: Kind,
    /// How far the history has been read.
    reached: Seen,
    changed: HashMap<String, Vec<PersonId>>,
}

impl NewsSince {
    /// Nothing read yet since `seen`.
    pub fn new(kind: Kind, seen: Seen) -> NewsSince {
        NewsSince {
            kind,
            reached: seen,
            changed: HashMap::new(),
        }
    }

    /// The entries others changed, each with the people who did.
    pub fn changed(&self) -> &HashMap<String, Vec<PersonId>> {
        &self.changed
    }
}

/// Every object of each entry of a collection, mapped to the entry's id,
/// and the collection itself (where entries are created and deleted).
fn entries_by_object(
    doc: &AutoCommit,
    kind: Kind,
) -> (legacy::ObjectId, HashMap<legacy::ObjectId, String>) {
    let mut owner = HashMap::new();
    let collection = access::object(doc, &ROOT, kind.collection())
        .map(|c| legacy_id(&c))
        .unwrap_or(legacy::ObjectId::Root);
    for (id, obj) in shape::maps_under(doc, &ROOT, kind.collection()) {
        let mut objects = std::collections::HashSet::new();
        objects_under(doc, &obj, &mut objects);
        owner.extend(objects.into_iter().map(|o| (o, id.clone())));
    }
    (collection, owner)
}

impl WorkspaceDoc {
    /// Where this replica is in the history now.
    pub fn seen_now(&mut self) -> Seen {
        Seen(self.doc.get_heads())
    }

    /// The entries of `kind` that others changed after `seen`, each with
    /// the people who did (as far as their devices said). Changes every
    /// device makes alike (time zero) are no one's. Nothing for a `seen`
    /// this document does not know (another workspace's, or a wiped one's).
    pub fn changed_since(
        &mut self,
        kind: Kind,
        seen: &Seen,
        viewer: Viewer,
    ) -> HashMap<String, Vec<PersonId>> {
        let mut news = NewsSince::new(kind, seen.clone());
        self.follow_news(&mut news, viewer);
        news.changed
    }

    /// Brings `news` up to now, reading only the changes since it was last
    /// brought up to date.
    pub fn follow_news(&mut self, news: &mut NewsSince, viewer: Viewer) {
        let heads = self.doc.get_heads();
        if heads == news.reached.0
            || news
                .reached
                .0
                .iter()
                .any(|h| self.doc.get_change_by_hash(h).is_none())
        {
            return;
        }
        let own = self.actor();
        let since = self.doc.get_changes(&news.reached.0);
        news.reached = Seen(heads);
        let others: Vec<_> = since
            .into_iter()
            .filter(|c| c.timestamp() != 0)
            .filter_map(|c| {
                let actor = c.actor_id().to_hex_string();
                let person = self.person_of_actor(&actor);
                let mine = actor == own
                    || viewer.actors.contains(&actor)
                    || (person.is_some() && person.as_ref() == viewer.person);
                (!mine).then_some((c, person))
            })
            .collect();
        if others.is_empty() {
            return;
        }
        let (collection, owner) = entries_by_object(&self.doc, news.kind);
        for (change, person) in others {
            for op in change.decode().operations {
                let entry = match (&op.key, owner.get(&op.obj)) {
                    (_, Some(entry)) => entry.clone(),
                    (legacy::Key::Map(key), None) if op.obj == collection => key.to_string(),
                    _ => continue,
                };
                let people = news.changed.entry(entry).or_default();
                if let Some(p) = &person
                    && !people.contains(p)
                {
                    people.push(p.clone());
                }
            }
        }
    }

    /// A meeting as it was when `seen` (`None` when it was not there yet,
    /// or `seen` is unknown here).
    pub fn meeting_as_seen(&mut self, id: &MeetingId, seen: &Seen) -> Option<Meeting> {
        let then = self.doc.fork_at(&seen.0).ok()?;
        WorkspaceDoc {
            doc: then,
            held: None,
        }
        .get::<Meeting>(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Deletable;
    use crate::model::*;

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

    /// Moa's device and Josef's, each signed, both holding `meeting` and
    /// what `setup` put in; `seen` is where Moa's device stood then.
    type TwoDevices = (WorkspaceDoc, WorkspaceDoc, PersonId, PersonId, Seen);

    fn two_devices(meeting: &Meeting, setup: impl FnOnce(&mut WorkspaceDoc)) -> TwoDevices {
        let mut here = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let moa = person(&mut here, "Moa Magnusson");
        let josef = person(&mut here, "Josef Wiklund");
        here.put(meeting).unwrap();
        setup(&mut here);
        here.sign_as(&moa).unwrap();
        here.commit(1);
        let mut there = here.fork();
        there.sign_as(&josef).unwrap();
        there.commit(2);
        here.merge(&mut there).unwrap();
        let seen = here.seen_now();
        (here, there, moa, josef, seen)
    }

    #[test]
    fn what_others_changed_since_a_device_looked_is_news() {
        let meeting = Meeting {
            title: "Trygghetsrådet".into(),
            agenda: vec![crate::meetings::new_item("Lägesbild")],
            ..Default::default()
        };
        let (kept, edited, deleted) = (Action::default(), Action::default(), Action::default());
        let (mut here, mut there, moa, josef, seen) = two_devices(&meeting, |here| {
            for action in [&kept, &edited, &deleted] {
                here.put(action).unwrap();
            }
        });
        let viewer = Viewer {
            actors: &[],
            person: Some(&moa),
        };
        assert!(here.changed_since(Kind::Meeting, &seen, viewer).is_empty());

        // Josef types in the item, edits one action, deletes another and
        // adds a third; Moa edits the one she kept, on this device.
        let mut typed = there.get::<Meeting>(&meeting.id).unwrap();
        typed.agenda[0].body = "Polisens statistik.".into();
        there.put(&typed).unwrap();
        there
            .put(&Action {
                text: "Planera Kulturnatten".into(),
                ..edited.clone()
            })
            .unwrap();
        there
            .delete(&Deletable::entry::<Action>(&deleted.id), 3)
            .unwrap();
        let added = Action::default();
        there.put(&added).unwrap();
        there.commit(3);
        here.put(&Action {
            text: "Egen".into(),
            ..kept.clone()
        })
        .unwrap();
        here.commit(3);
        here.merge(&mut there).unwrap();

        let meetings = here.changed_since(Kind::Meeting, &seen, viewer);
        assert_eq!(
            meetings,
            HashMap::from([(meeting.id.to_string(), vec![josef.clone()])])
        );
        let mut actions: Vec<String> = here
            .changed_since(Kind::Action, &seen, viewer)
            .into_keys()
            .collect();
        actions.sort();
        let mut expected = vec![
            edited.id.to_string(),
            deleted.id.to_string(),
            added.id.to_string(),
        ];
        expected.sort();
        assert_eq!(actions, expected, "not Moa's own");

        // The meeting as Moa saw it, and nothing for a history not known.
        let then = here.meeting_as_seen(&meeting.id, &seen).unwrap();
        assert_eq!(then.agenda[0].body, "");
        let stranger = Seen::decode(&"ab".repeat(32)).unwrap();
        assert!(
            here.changed_since(Kind::Meeting, &stranger, viewer)
                .is_empty()
        );
        assert_eq!(Seen::decode(&seen.encode()), Some(seen.clone()));
        assert_eq!(Seen::decode("inte en hash"), None);
    }

    #[test]
    fn news_followed_change_by_change_is_the_news_read_at_once() {
        let mut meeting = Meeting {
            title: "Trygghetsrådet".into(),
            agenda: vec![crate::meetings::new_item("Lägesbild")],
            ..Default::default()
        };
        let (mut here, mut there, moa, josef, seen) = two_devices(&meeting, |_| {});
        let viewer = Viewer {
            actors: &[],
            person: Some(&moa),
        };
        let mut followed = NewsSince::new(Kind::Meeting, seen.clone());
        let other = Meeting {
            title: "Klara-gruppen".into(),
            ..Default::default()
        };
        // Moa types a keystroke at a time; Josef's edits arrive between.
        for (at, letter) in (3..).zip("Polisens statistik.".chars()) {
            meeting.agenda[0].body.push(letter);
            here.put(&meeting).unwrap();
            here.commit(at);
            if letter == ' ' {
                there.put(&other).unwrap();
                there.commit(at);
                here.merge(&mut there).unwrap();
            }
            here.follow_news(&mut followed, viewer);
        }
        assert_eq!(
            followed.changed(),
            &here.changed_since(Kind::Meeting, &seen, viewer)
        );
        assert_eq!(
            followed.changed(),
            &HashMap::from([(other.id.to_string(), vec![josef])])
        );
    }
}
