//! [`WorkspaceDoc`]: the typed API over a workspace's Automerge document.
//! Nothing outside this crate touches Automerge directly.
//!
//! Its parts: [`schema`] (the layout version, the root's collections,
//! migrations), [`seed`] (what a new workspace starts with), `entity` (each
//! kind of entry's fields and containers), `shape` and `access` (creating
//! and reading containers), `repair` (hidden conflicts), `held_back`
//! (changes this release cannot read), `history` (who changed what, when),
//! `trash` (deleting keeps what is deleted, restorable), `versions` (a
//! meeting's versions, read back), `news` (what others changed since a
//! device looked).
//! Features (`wheel`, `meetings`, `actions`, …) build on this module; it
//! depends on none of them.

mod access;
mod cache;
mod children;
mod dialogues;
mod entity;
mod error;
mod held_back;
mod history;
mod news;
mod repair;
pub(crate) mod schema;
pub mod seed;
pub(crate) mod shape;
#[cfg(test)]
mod tests;
mod touched;
mod trash;
mod versions;

pub use cache::ReadCache;
pub use entity::{AgendaText, Entity};
pub use error::{DocError, Result};
pub use held_back::Unreadable;
pub use history::StatusEvent;
pub use news::{NewsSince, Seen, Viewer};
pub use schema::SCHEMA_VERSION;
pub use touched::Touched;
pub use trash::{Deletable, Deleted, Kind};
pub use versions::{SESSION_PAUSE_MS, Version, VersionKind};

use automerge::{
    ActorId, AutoCommit, ChangeHash, ROOT,
    transaction::{CommitOptions, Transactable as _},
};
use sha2::{Digest, Sha256};

use crate::model::{Meeting, MeetingStatus, StatusChange, WorkspaceInfo};

const ACTORS: &str = "actors";

/// One workspace: the council's whole shared state as one Automerge document.
#[derive(Debug, Clone)]
pub struct WorkspaceDoc {
    /// What reads and writes see: the document, or while part of it cannot
    /// be read, its last readable state (see `held_back`).
    doc: AutoCommit,
    held: Option<Box<held_back::HeldBack>>,
}

impl WorkspaceDoc {
    /// A new workspace with every collection in place. Only its creator calls
    /// this; everyone else receives the document by sync, so two members never
    /// create the same root maps concurrently (one of them would be hidden).
    pub fn create(info: &WorkspaceInfo) -> Result<Self> {
        let mut doc = AutoCommit::new();
        schema::initialise(&mut doc)?;
        let mut ws = WorkspaceDoc { doc, held: None };
        ws.set_info(info)?;
        // The annual wheel's default rings (fixed ids: seeding twice is harmless).
        for category in seed::default_categories() {
            ws.put(&category)?;
        }
        // The standing agenda items (fixed id, like the categories).
        ws.put(&seed::default_template())?;
        Ok(ws)
    }

    /// Loads a saved document, migrates it to the current schema and mends
    /// it (see [`Self::normalise`]). A document whose latest state this
    /// release cannot read opens at its last readable state
    /// ([`Self::unreadable`] says why); one with no readable state is refused.
    pub fn load(bytes: &[u8]) -> Result<Self> {
        let doc = AutoCommit::load(bytes)?;
        let mut ws = WorkspaceDoc { doc, held: None };
        ws.settle(&[])?;
        ws.shared_change("migrate", |doc| {
            schema::migrate(doc)?;
            Self::mend(doc)
        })?;
        Ok(ws)
    }

    /// Applies saved changes (from [`Self::save_incremental`]) on top.
    pub fn load_incremental(&mut self, bytes: &[u8]) -> Result<()> {
        let before = self.whole().get_heads();
        self.whole().load_incremental(bytes)?;
        self.changes_arrived(&before)?;
        Ok(())
    }

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        self.whole().save()
    }

    /// The changes since the last save (full or incremental).
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.whole().save_incremental()
    }

    /// Merges another replica's changes into this one.
    pub fn merge(&mut self, other: &mut WorkspaceDoc) -> Result<()> {
        let before = self.whole().get_heads();
        self.whole().merge(other.whole())?;
        self.changes_arrived(&before)?;
        Ok(())
    }

    /// Normalises (see [`Self::normalise`]) after changes from elsewhere
    /// arrived on top of `before`, when they created containers: only those
    /// can break the merge contract, and most arrivals (typing) create none.
    /// Also keeps the workspace readable: see [`Self::unreadable`].
    pub fn changes_arrived(&mut self, before: &[ChangeHash]) -> Result<bool> {
        const DECODE_AT_MOST: usize = 64;
        self.settle(before)?;
        let arrived = self.whole().get_changes(before);
        let creates_containers = arrived.len() > DECODE_AT_MOST
            || arrived.iter().any(|change| {
                change
                    .decode()
                    .operations
                    .iter()
                    .any(|op| matches!(op.action, automerge::legacy::OpType::Make(_)))
            });
        if creates_containers {
            self.normalise()
        } else {
            Ok(false)
        }
    }

    /// Keeps the merge contract after changes arrived from elsewhere: gives
    /// every entry the containers it lacks and mends hidden conflicts (both
    /// can only come from other clients or older releases, or from entries
    /// added concurrently, such as a question on one device and a small
    /// group on another). Runs as a [shared change](Self::shared_change), so
    /// devices that mend the same state store the change once. Returns
    /// whether anything was mended.
    pub fn normalise(&mut self) -> Result<bool> {
        let paired = self.complete_answer_pairs()?;
        Ok(self.shared_change("normalise", Self::mend)? || paired)
    }

    /// Gives a small group the answer text for a question the two were added
    /// apart (neither knew the other, so neither created it). Devices meet
    /// the pair at different states, so the change must not depend on the
    /// whole document: it is made on the document as of the two changes that
    /// created the group and the question, with an actor derived from them,
    /// and every device makes it byte-identically — one text, never two.
    fn complete_answer_pairs(&mut self) -> Result<bool> {
        let missing = entity::missing_answers(&self.doc);
        for (answers, question, key) in &missing {
            let (Some(group_made), Some(question_made)) = (
                self.doc.hash_for_opid(answers),
                self.doc.hash_for_opid(question),
            ) else {
                continue;
            };
            let mut heads = vec![group_made, question_made];
            crate::order::sort(&mut heads);
            heads.dedup();
            let mut fork = self.doc.fork_at(&heads)?;
            let group = answers.to_string();
            fork.set_actor(derived_actor("answer text", &heads, &[&group, key]));
            fork.put_object(answers, key.as_str(), automerge::ObjType::Text)?;
            fork.commit_with(CommitOptions::default().with_time(0));
            self.doc.merge(&mut fork)?;
        }
        self.keep_in_whole()?;
        Ok(!missing.is_empty())
    }

    fn mend(doc: &mut AutoCommit) -> Result<bool> {
        let completed = schema::complete(doc)?;
        let repaired = repair::repair(doc)?;
        Ok(completed || repaired)
    }

    /// Runs `f` as a change every device makes byte-identically from the
    /// same state: its actor is derived from `purpose` and the current heads,
    /// its time is zero, and `f` depends on the document alone. Automerge
    /// then holds it once, however many devices make it. Only what `f`
    /// changes is committed; on an error nothing is.
    fn shared_change(
        &mut self,
        purpose: &str,
        f: impl FnOnce(&mut AutoCommit) -> Result<bool>,
    ) -> Result<bool> {
        let own = self.doc.get_actor().clone();
        let mut heads = self.doc.get_heads();
        crate::order::sort(&mut heads);
        self.doc.set_actor(derived_actor(purpose, &heads, &[]));
        let outcome = f(&mut self.doc);
        match outcome {
            Ok(_) => {
                self.doc.commit_with(CommitOptions::default().with_time(0));
            }
            Err(_) => {
                self.doc.rollback();
            }
        }
        self.doc.set_actor(own);
        self.keep_in_whole()?;
        outcome
    }

    /// Keys under which more than one container is stored (one of them
    /// visible), as paths. With `only_hidden_contents`, only those where a
    /// hidden one still holds something a member wrote. Empty for a document
    /// that keeps the merge contract.
    pub fn conflicting_containers(&self, only_hidden_contents: bool) -> Vec<String> {
        repair::conflicting_containers(&self.doc, only_hidden_contents)
    }

    /// The Automerge document itself, for the sync protocol (`crate::sync`)
    /// only: everything else goes through the typed API.
    pub(crate) fn automerge_mut(&mut self) -> &mut AutoCommit {
        self.whole()
    }

    /// A replica with its own actor id, for another device or a test.
    pub fn fork(&mut self) -> WorkspaceDoc {
        let mut fork = WorkspaceDoc {
            doc: self.whole().fork(),
            held: None,
        };
        // Held back here, held back there: this one was readable.
        let _ = fork.settle(&[]);
        fork
    }

    /// Closes the pending change with a timestamp (ms since the Unix epoch),
    /// so the history shows when it was made.
    pub fn commit(&mut self, at_ms: i64) -> Option<ChangeHash> {
        let hash = self
            .doc
            .commit_with(CommitOptions::default().with_time(at_ms));
        // Merging a replica's own new change cannot fail; were it to, the
        // change would still be in the readable state and go out next time.
        let _ = self.keep_in_whole();
        hash
    }

    /// The heads of the whole document (as stored and synced).
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.whole().get_heads()
    }

    /// The change that created the workspace: replicas and backups of one
    /// workspace share it, unrelated documents don't (merging those would
    /// hide one's collections behind the other's). Read from the changes'
    /// metadata: building every change (its ops encoded and hashed) took
    /// most of a second in a five-year workspace on every open.
    pub fn origin(&mut self) -> Option<String> {
        self.whole()
            .get_changes_meta(&[])
            .iter()
            .filter(|c| c.deps.is_empty())
            .map(|c| c.hash.to_string())
            .min()
    }

    /// Bytes of the document saved whole, compacted.
    pub fn saved_size(&mut self) -> usize {
        self.whole().save().len()
    }

    pub fn schema_version(&self) -> u64 {
        schema::version(&self.doc).unwrap_or_default()
    }

    pub fn info(&self) -> WorkspaceInfo {
        let Some(obj) = access::object(&self.doc, &ROOT, schema::WORKSPACE) else {
            return WorkspaceInfo::default();
        };
        WorkspaceInfo {
            name: access::string(&self.doc, &obj, "name"),
            organisation: access::string(&self.doc, &obj, "organisation"),
        }
    }

    pub fn set_info(&mut self, info: &WorkspaceInfo) -> Result<()> {
        let obj = access::container(&self.doc, &ROOT, schema::WORKSPACE)?;
        access::put_string(&mut self.doc, &obj, "name", &info.name)?;
        access::put_string(&mut self.doc, &obj, "organisation", &info.organisation)
    }

    /// One entry by id; `None` when it is not there or deleted.
    pub fn get<E: Entity>(&self, id: &E::Id) -> Option<E> {
        let collection = access::object(&self.doc, &ROOT, E::COLLECTION)?;
        let obj = access::object(&self.doc, &collection, id.as_ref())?;
        (!trash::is_deleted(&self.doc, &obj)).then(|| E::read(&self.doc, id.as_ref(), &obj))
    }

    /// Every entry of a kind but the deleted ones (in id order; views sort
    /// as they need).
    pub fn list<E: Entity>(&self) -> Vec<E> {
        shape::maps_under(&self.doc, &ROOT, E::COLLECTION)
            .into_iter()
            .filter(|(_, obj)| !trash::is_deleted(&self.doc, obj))
            .map(|(id, obj)| E::read(&self.doc, &id, &obj))
            .collect()
    }

    /// Creates or updates an entry, writing only the fields that changed. A
    /// new entry is created with all its containers. A deleted entry stays
    /// deleted (what is written shows when it is restored).
    pub fn put<E: Entity>(&mut self, entry: &E) -> Result<()> {
        let collection = access::container(&self.doc, &ROOT, E::COLLECTION)?;
        let obj = match access::object(&self.doc, &collection, entry.id()) {
            Some(obj) => obj,
            None => shape::create_entry(&mut self.doc, &collection, entry.id(), E::SHAPE)?,
        };
        E::check_writable(&self.doc, &obj)?;
        entry.write(&mut self.doc, &obj)
    }

    /// The id this workspace syncs under (its automerge-repo document id),
    /// kept in the document so that a backup restored on a device without
    /// the workspace keeps it, and with it the sync with the council.
    pub fn document_id(&self) -> Option<String> {
        access::optional_string(&self.doc, &ROOT, schema::DOCUMENT_ID)
    }

    /// Records the id this workspace syncs under (see [`Self::document_id`]).
    /// A shared change: devices recording it from the same state store it once.
    pub fn set_document_id(&mut self, id: &str) -> Result<()> {
        if self.document_id().as_deref() == Some(id) {
            return Ok(());
        }
        self.shared_change("document id", |doc| {
            access::put_string(doc, &ROOT, schema::DOCUMENT_ID, id)?;
            Ok(true)
        })?;
        Ok(())
    }

    /// This replica's actor id (hex): every change it makes carries it.
    pub fn actor(&self) -> String {
        self.doc.get_actor().to_hex_string()
    }

    /// Records that this replica writes for `person`, so history and
    /// presence can say who made a change.
    pub fn sign_as(&mut self, person: &crate::ids::PersonId) -> Result<()> {
        let actors = access::container(&self.doc, &ROOT, ACTORS)?;
        let actor = self.actor();
        access::put_string(&mut self.doc, &actors, &actor, person.as_str())
    }

    /// The person a replica (actor id, hex) wrote for, if it said.
    pub fn person_of_actor(&self, actor: &str) -> Option<crate::ids::PersonId> {
        let actors = access::object(&self.doc, &ROOT, ACTORS)?;
        access::optional_string(&self.doc, &actors, actor).map(crate::ids::PersonId::from)
    }

    /// The object of an existing entry.
    fn entry<E: Entity>(&self, id: &E::Id) -> Result<automerge::ObjId> {
        let not_found = || DocError::NotFound {
            collection: E::COLLECTION,
            id: id.as_ref().to_owned(),
        };
        let collection = access::object(&self.doc, &ROOT, E::COLLECTION).ok_or_else(not_found)?;
        access::object(&self.doc, &collection, id.as_ref()).ok_or_else(not_found)
    }

    /// Approves (justerar) or reopens a meeting's minutes, recording who and when.
    pub fn set_meeting_status(
        &mut self,
        id: &crate::ids::MeetingId,
        change: &StatusChange,
    ) -> Result<()> {
        let obj = self.entry::<Meeting>(id)?;
        entity::record_status(&mut self.doc, &obj, change)
    }

    /// Writes one text of an agenda item, reading nothing else of the
    /// meeting: the path of every keystroke in the minutes. False when the
    /// meeting or the item is gone; refused for approved minutes.
    pub fn put_agenda_text(
        &mut self,
        meeting: &crate::ids::MeetingId,
        item: &crate::ids::AgendaItemId,
        which: AgendaText,
        text: &str,
    ) -> Result<bool> {
        let Some(obj) = self.entry::<Meeting>(meeting).ok() else {
            return Ok(false);
        };
        entity::put_agenda_text(&mut self.doc, &obj, item.as_ref(), which, text)
    }

    /// Whether a meeting's minutes may be edited now.
    pub fn is_editable(&self, id: &crate::ids::MeetingId) -> bool {
        self.get::<Meeting>(id)
            .is_some_and(|m| m.status == MeetingStatus::Draft)
    }
}

/// The actor of a change every device makes byte-identically: derived from
/// what it is for and the (sorted) heads it is made at.
fn derived_actor(purpose: &str, heads: &[ChangeHash], keys: &[&str]) -> ActorId {
    let mut hash = Sha256::new();
    hash.update(b"radslag shared change: ");
    hash.update(purpose.as_bytes());
    for head in heads {
        hash.update(head.0);
    }
    for key in keys {
        hash.update(b"\0");
        hash.update(key.as_bytes());
    }
    ActorId::from(&hash.finalize()[..16])
}
