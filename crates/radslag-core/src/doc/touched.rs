//! Which parts of the workspace a set of changes wrote into, so that a view
//! re-reads only what changed: a keystroke in the minutes must not make
//! every open view re-read 600 actions.

use std::collections::{BTreeSet, HashMap};

use automerge::{AutoCommit, ChangeHash, Prop, ReadDoc, legacy};

use super::WorkspaceDoc;

/// Where changes wrote: under which root key (a collection such as
/// `meetings`, the workspace's info, …) and, below a collection, into which
/// entry (`None`: the root key itself, e.g. a collection created).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// Too many changes to look through, or one that could not be placed:
    /// take everything as changed.
    Everything,
    Entries(BTreeSet<(String, Option<String>)>),
}

impl Touched {
    /// Whether anything under this root key changed.
    pub fn includes(&self, key: &str) -> bool {
        match self {
            Touched::Everything => true,
            Touched::Entries(entries) => entries.iter().any(|(root, _)| root == key),
        }
    }

    /// What two sets of changes touched together.
    pub fn merge(self, other: Touched) -> Touched {
        match (self, other) {
            (Touched::Entries(mut these), Touched::Entries(those)) => {
                these.extend(those);
                Touched::Entries(these)
            }
            _ => Touched::Everything,
        }
    }
}

/// Beyond this many changes (a sync after days apart, a merged backup),
/// looking through them costs more than re-reading everything.
const LOOK_AT_MOST: usize = 64;

impl WorkspaceDoc {
    /// What the changes since `since` (heads this replica had) touched in
    /// the state that reads see. About 0.1 ms for a keystroke's change.
    pub fn touched_since(&mut self, since: &[ChangeHash]) -> Touched {
        if self.held.is_some() {
            // The readable state is rebuilt while changes are held back.
            return Touched::Everything;
        }
        let changes = self.doc.get_changes(since);
        if changes.len() > LOOK_AT_MOST {
            return Touched::Everything;
        }
        let mut entries = BTreeSet::new();
        let mut placed: HashMap<String, Option<(String, Option<String>)>> = HashMap::new();
        for change in &changes {
            for op in change.decode().operations {
                let entry = match (&op.obj, &op.key) {
                    (legacy::ObjectId::Root, legacy::Key::Map(key)) => {
                        Some((key.to_string(), None))
                    }
                    (legacy::ObjectId::Root, legacy::Key::Seq(_)) => None,
                    (legacy::ObjectId::Id(id), key) => placed
                        .entry(id.to_string())
                        .or_insert_with_key(|id| place(&self.doc, id))
                        .clone()
                        .map(|(root, entry)| match (entry, key) {
                            (Some(entry), _) => (root, Some(entry)),
                            // An op on the collection's map: its key is the entry.
                            (None, legacy::Key::Map(key)) => (root, Some(key.to_string())),
                            (None, legacy::Key::Seq(_)) => (root, None),
                        }),
                };
                match entry {
                    Some(entry) => {
                        entries.insert(entry);
                    }
                    None => return Touched::Everything,
                }
            }
        }
        Touched::Entries(entries)
    }
}

/// The root key an object (`counter@actor`) lives under and, when it lies
/// below a collection's entry, that entry's key.
fn place(doc: &AutoCommit, object: &str) -> Option<(String, Option<String>)> {
    let object = doc.import_obj(object).ok()?;
    let path: Vec<Prop> = doc.parents(&object).ok()?.map(|p| p.prop).collect();
    let key = |prop: &Prop| match prop {
        Prop::Map(key) => Some(key.clone()),
        Prop::Seq(_) => None,
    };
    let root = key(path.last()?)?;
    let entry = match path.len() {
        1 => None,
        n => Some(key(&path[n - 2])?),
    };
    Some((root, entry))
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn workspace() -> WorkspaceDoc {
        let mut doc = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        doc.commit(0);
        doc
    }

    fn entries(list: &[(&str, Option<&str>)]) -> Touched {
        Touched::Entries(
            list.iter()
                .map(|(root, entry)| (root.to_string(), entry.map(str::to_owned)))
                .collect(),
        )
    }

    #[test]
    fn merged_touches_keep_both_and_everything_wins() {
        let meeting = entries(&[("meetings", Some("m1"))]);
        let action = entries(&[("actions", Some("a1"))]);
        let both = meeting.clone().merge(action);
        assert!(both.includes("meetings") && both.includes("actions"));
        assert!(!both.includes("wheel"));
        assert_eq!(meeting.merge(Touched::Everything), Touched::Everything);
    }

    #[test]
    fn typing_in_an_agenda_item_touches_that_meeting_only() {
        let mut doc = workspace();
        let mut meeting = Meeting {
            id: "m1".into(),
            title: "Trygghetsrådet".into(),
            agenda: vec![AgendaItem {
                id: "i1".into(),
                heading: "Lägesbild".into(),
                body: String::new(),
            }],
            ..Default::default()
        };
        doc.put(&meeting).unwrap();
        doc.commit(1);
        let before = doc.heads();
        meeting.agenda[0].body = "Lugnt i centrum".into();
        doc.put(&meeting).unwrap();
        doc.commit(2);
        assert_eq!(
            doc.touched_since(&before),
            entries(&[("meetings", Some("m1"))])
        );
    }

    #[test]
    fn changes_from_another_replica_are_placed_too() {
        let mut doc = workspace();
        let mut other = doc.fork();
        let before = doc.heads();
        other
            .put(&Person {
                id: "p1".into(),
                name: "Kim".into(),
                role: String::new(),
                organisation: String::new(),
                groups: Vec::new(),
            })
            .unwrap();
        other
            .set_info(&WorkspaceInfo {
                name: "Klara-gruppen".into(),
                ..Default::default()
            })
            .unwrap();
        other.commit(1);
        doc.merge(&mut other).unwrap();
        assert_eq!(
            doc.touched_since(&before),
            entries(&[("people", Some("p1")), ("workspace", Some("name"))])
        );
        assert!(!doc.touched_since(&before).includes("actions"));
    }

    #[test]
    fn nothing_new_touches_nothing_and_a_flood_touches_everything() {
        let mut doc = workspace();
        let before = doc.heads();
        assert_eq!(doc.touched_since(&before), entries(&[]));
        for n in 0..=LOOK_AT_MOST {
            doc.set_info(&WorkspaceInfo {
                name: format!("Rådet {n}"),
                ..Default::default()
            })
            .unwrap();
            doc.commit(n as i64);
        }
        assert_eq!(doc.touched_since(&before), Touched::Everything);
    }
}
