//! A change this release cannot read never bricks a device: when the
//! document as a whole becomes unreadable (a newer schema version, a deleted
//! root, a wrong type at a known key), the workspace opens at its last
//! readable state and goes on working. The change that could not be read,
//! and every change built on it, are held back from the readable state, but
//! kept in the whole document, which is what is stored and synced: nothing
//! is overwritten, and a later change that makes the whole readable again
//! (or an updated app) brings everything back.

use std::collections::HashSet;

use automerge::{AutoCommit, Change, ChangeHash};

use super::schema;
use super::{DocError, Result, WorkspaceDoc};
use crate::ids::PersonId;

/// What could not be read, and whose change it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Why the document could not be read after the change.
    pub reason: String,
    /// The schema version the change set, when it came from a newer release.
    pub newer_schema: Option<u64>,
    /// The replica that made it (actor id, hex) and the person it wrote for.
    pub actor: String,
    pub person: Option<PersonId>,
    /// When it was made, as that device's clock said (ms since the epoch).
    pub at_ms: i64,
}

/// The whole document while part of it is held back.
#[derive(Debug, Clone)]
pub(super) struct HeldBack {
    /// Every change, the readable and the held back: stored and synced.
    pub(super) whole: AutoCommit,
    /// The changes that could not be read and those built on them.
    excluded: HashSet<ChangeHash>,
    pub(super) problem: Unreadable,
}

impl WorkspaceDoc {
    /// The whole document: what is stored and synced.
    pub(super) fn whole(&mut self) -> &mut AutoCommit {
        match &mut self.held {
            Some(held) => &mut held.whole,
            None => &mut self.doc,
        }
    }

    /// What this release could not read, while the workspace shows its last
    /// readable state; `None` when all of it is readable.
    pub fn unreadable(&self) -> Option<&Unreadable> {
        self.held.as_ref().map(|held| &held.problem)
    }

    /// Brings the readable state up to date with the whole document after
    /// changes arrived in it on top of `readable` (heads that could be read;
    /// none when loading). Errs only when nothing of it can be read.
    pub(super) fn settle(&mut self, readable: &[ChangeHash]) -> Result<()> {
        if let Some(held) = &self.held
            && schema::check(&held.whole).is_ok()
        {
            // Readable again (the other member's app fixed it, or this one
            // was updated): everything shows.
            let held = self.held.take().expect("checked above");
            let actor = self.doc.get_actor().clone();
            self.doc = held.whole;
            self.doc.set_actor(actor);
            return Ok(());
        }
        if self.held.is_none() {
            let Err(error) = schema::check(&self.doc) else {
                return Ok(());
            };
            let actor = self.doc.get_actor().clone();
            let view = if readable.is_empty() {
                AutoCommit::new()
            } else {
                self.doc.fork_at(readable)?
            };
            let whole = std::mem::replace(&mut self.doc, view.with_actor(actor));
            self.held = Some(Box::new(HeldBack {
                whole,
                excluded: HashSet::new(),
                problem: describe(&error),
            }));
        }
        self.take_in_readable()?;
        if self.doc.get_heads().is_empty() || schema::check(&self.doc).is_err() {
            let held = self.held.take().expect("held above");
            let error = schema::check(&held.whole)
                .err()
                .unwrap_or(DocError::NotAWorkspace);
            self.doc = held.whole;
            return Err(error);
        }
        Ok(())
    }

    /// Applies to the readable state every change of the whole that it can
    /// read, one at a time; a change after which the document cannot be
    /// read, and every change built on one, is held back.
    fn take_in_readable(&mut self) -> Result<()> {
        let Some(held) = self.held.as_deref_mut() else {
            return Ok(());
        };
        let view = &mut self.doc;
        for change in held.whole.get_changes(&view.get_heads()) {
            let hash = change.hash();
            if held.excluded.contains(&hash) || view.get_change_by_hash(&hash).is_some() {
                continue;
            }
            if change.deps().iter().any(|dep| held.excluded.contains(dep)) {
                held.excluded.insert(hash);
                continue;
            }
            let before = view.get_heads();
            view.apply_changes([change.clone()])?;
            if let Err(error) = schema::check(view) {
                let actor = view.get_actor().clone();
                *view = view.fork_at(&before)?.with_actor(actor);
                held.excluded.insert(hash);
                held.problem = blame(&error, &change, view);
            }
        }
        Ok(())
    }

    /// Copies this device's new changes to the readable state into the
    /// whole document.
    pub(super) fn keep_in_whole(&mut self) -> Result<()> {
        if let Some(held) = self.held.as_deref_mut() {
            held.whole.merge(&mut self.doc)?;
        }
        Ok(())
    }
}

fn describe(error: &DocError) -> Unreadable {
    Unreadable {
        reason: error.to_string(),
        newer_schema: match error {
            DocError::NewerSchema(version) => Some(*version),
            _ => None,
        },
        actor: String::new(),
        person: None,
        at_ms: 0,
    }
}

fn blame(error: &DocError, change: &Change, readable: &AutoCommit) -> Unreadable {
    let actor = change.actor_id().to_hex_string();
    let person = super::access::object(readable, &automerge::ROOT, super::ACTORS)
        .and_then(|actors| super::access::optional_string(readable, &actors, &actor))
        .map(PersonId::from);
    Unreadable {
        actor,
        person,
        at_ms: change.timestamp(),
        ..describe(error)
    }
}

#[cfg(test)]
mod tests {
    use automerge::{AutoCommit, ObjType, ROOT, ScalarValue, transaction::Transactable};

    use super::*;
    use crate::model::{Person, WorkspaceInfo};

    fn council_with(name: &str) -> WorkspaceDoc {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo {
            name: "Trygghetsrådet".into(),
            organisation: "Ånge kommun".into(),
        })
        .unwrap();
        ws.put(&person(name)).unwrap();
        ws.commit(1);
        ws
    }

    fn person(name: &str) -> Person {
        Person {
            id: crate::ids::PersonId::random(),
            name: name.into(),
            role: String::new(),
            organisation: String::new(),
            groups: vec![],
        }
    }

    fn names(ws: &WorkspaceDoc) -> Vec<String> {
        let mut names: Vec<String> = ws.list::<Person>().into_iter().map(|p| p.name).collect();
        names.sort();
        names
    }

    /// Another client (a stock automerge-repo one, say) writes into the
    /// workspace as a raw Automerge document.
    fn other_client(
        ws: &mut WorkspaceDoc,
        write: impl FnOnce(&mut AutoCommit),
    ) -> (Vec<u8>, String) {
        let mut raw = AutoCommit::load(&ws.save()).unwrap();
        write(&mut raw);
        raw.commit_with(
            automerge::transaction::CommitOptions::default().with_time(1_700_000_000_000),
        );
        (raw.save(), raw.get_actor().to_hex_string())
    }

    #[test]
    fn a_change_from_a_newer_release_is_held_back_and_work_goes_on() {
        let mut ws = council_with("Moa Magnusson");
        let (bytes, actor) = other_client(&mut ws, |raw| {
            raw.put(ROOT, "schemaVersion", ScalarValue::Int(99))
                .unwrap();
        });
        let mut ws = WorkspaceDoc::load(&bytes).expect("the last readable state opens");
        let problem = ws
            .unreadable()
            .expect("told what could not be read")
            .clone();
        assert_eq!(problem.newer_schema, Some(99));
        assert_eq!(
            (problem.actor.as_str(), problem.at_ms),
            (actor.as_str(), 1_700_000_000_000)
        );
        assert_eq!(names(&ws), ["Moa Magnusson"]);

        // Work goes on, and nothing is overwritten: the stored form keeps
        // the newer change and the new work.
        ws.put(&person("Josef Wiklund")).unwrap();
        ws.commit(2);
        let stored = AutoCommit::load(&ws.save()).unwrap();
        assert_eq!(super::schema::version(&stored).unwrap(), 99);
        let reopened = WorkspaceDoc::load(&ws.save()).unwrap();
        assert_eq!(names(&reopened), ["Josef Wiklund", "Moa Magnusson"]);
        assert!(reopened.unreadable().is_some());
    }

    #[test]
    fn a_workspace_readable_again_shows_everything() {
        let mut ws = council_with("Moa Magnusson");
        let (bytes, _) = other_client(&mut ws, |raw| {
            raw.put(ROOT, "schemaVersion", 99_u64).unwrap();
            raw.put(ROOT, "note", "skrivet av en nyare app").unwrap();
        });
        let mut ws = WorkspaceDoc::load(&bytes).unwrap();
        assert!(ws.unreadable().is_some());
        let (fixed, _) = other_client(&mut ws, |raw| {
            raw.put(ROOT, "schemaVersion", 1_u64).unwrap();
        });
        let mut fixed = WorkspaceDoc::load(&fixed).unwrap();
        ws.merge(&mut fixed).unwrap();
        assert!(ws.unreadable().is_none());
        assert_eq!(names(&ws), ["Moa Magnusson"]);
    }

    #[test]
    fn a_deleted_root_or_a_wrong_type_arriving_by_sync_is_held_back() {
        for (what, write) in [
            (
                "workspace",
                Box::new(|raw: &mut AutoCommit| raw.delete(ROOT, "workspace").unwrap())
                    as Box<dyn Fn(&mut AutoCommit)>,
            ),
            (
                "people",
                Box::new(|raw: &mut AutoCommit| raw.put(ROOT, "people", "inga").unwrap()),
            ),
            (
                "schemaVersion",
                Box::new(|raw: &mut AutoCommit| {
                    raw.put_object(ROOT, "schemaVersion", ObjType::List)
                        .unwrap();
                }),
            ),
        ] {
            let mut ws = council_with("Moa Magnusson");
            let (bytes, _) = other_client(&mut ws, write);
            let before = ws.heads();
            ws.load_incremental(&bytes).unwrap();
            assert_ne!(ws.heads(), before, "{what}: the change is kept");
            assert!(ws.unreadable().is_some(), "{what}: said");
            assert_eq!(
                names(&ws),
                ["Moa Magnusson"],
                "{what}: the last readable state shows"
            );
            ws.put(&person("Per Håkansson")).unwrap();
            ws.commit(3);
            assert_eq!(
                names(&ws),
                ["Moa Magnusson", "Per Håkansson"],
                "{what}: work goes on"
            );
        }
    }

    #[test]
    fn a_document_with_no_readable_state_is_refused() {
        let mut raw = AutoCommit::new();
        raw.put(ROOT, "schemaVersion", ScalarValue::F64(2.0))
            .unwrap();
        raw.put_object(ROOT, "workspace", ObjType::Map).unwrap();
        assert!(matches!(
            WorkspaceDoc::load(&raw.save()),
            Err(DocError::NewerSchema(2))
        ));
        let mut js = AutoCommit::new();
        js.put(ROOT, "schemaVersion", ScalarValue::Int(1)).unwrap();
        js.put_object(ROOT, "workspace", ObjType::Map).unwrap();
        assert!(
            WorkspaceDoc::load(&js.save()).is_ok(),
            "a version written as a JavaScript int reads"
        );
    }
}
