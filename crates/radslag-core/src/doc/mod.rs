//! [`WorkspaceDoc`]: the typed API over a workspace's Automerge document.
//! Nothing outside this crate touches Automerge directly.

mod access;
mod children;
mod dialogues;
mod entity;
mod history;
#[cfg(test)]
mod tests;

pub use entity::Entity;
pub use history::StatusEvent;

use automerge::{AutoCommit, AutomergeError, ChangeHash, ROOT, transaction::CommitOptions};

use crate::model::{Meeting, MeetingStatus, StatusChange, WorkspaceInfo};
use crate::schema;

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("the document could not be read: {0}")]
    Automerge(#[from] AutomergeError),
    #[error("this is not a Rådslag workspace")]
    NotAWorkspace,
    #[error("the workspace was written by a newer Rådslag (schema version {0}); update the app")]
    NewerSchema(u64),
    #[error("no {collection} entry with id {id}")]
    NotFound {
        collection: &'static str,
        id: String,
    },
    #[error("the minutes are approved and read-only; reopen them first")]
    Approved,
}

pub type Result<T> = std::result::Result<T, DocError>;

const ACTORS: &str = "actors";

/// One workspace: the council's whole shared state as one Automerge document.
#[derive(Debug, Clone)]
pub struct WorkspaceDoc {
    doc: AutoCommit,
}

impl WorkspaceDoc {
    /// A new workspace with every collection in place. Only its creator calls
    /// this; everyone else receives the document by sync, so two members never
    /// create the same root maps concurrently (one of them would be hidden).
    pub fn create(info: &WorkspaceInfo) -> Result<Self> {
        let mut doc = AutoCommit::new();
        schema::initialise(&mut doc)?;
        let mut ws = WorkspaceDoc { doc };
        ws.set_info(info)?;
        // The annual wheel's default rings (fixed ids: seeding twice is harmless).
        for category in crate::wheel::default_categories() {
            ws.put(&category)?;
        }
        // The standing agenda items (fixed id, like the categories).
        ws.put(&crate::meetings::default_template())?;
        Ok(ws)
    }

    /// Loads a saved document and migrates it to the current schema.
    pub fn load(bytes: &[u8]) -> Result<Self> {
        let mut doc = AutoCommit::load(bytes)?;
        schema::migrate(&mut doc)?;
        Ok(WorkspaceDoc { doc })
    }

    /// Applies saved changes (from [`Self::save_incremental`]) on top.
    pub fn load_incremental(&mut self, bytes: &[u8]) -> Result<()> {
        self.doc.load_incremental(bytes)?;
        Ok(())
    }

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The changes since the last save (full or incremental).
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.doc.save_incremental()
    }

    /// Merges another replica's changes into this one.
    pub fn merge(&mut self, other: &mut WorkspaceDoc) -> Result<()> {
        self.doc.merge(&mut other.doc)?;
        Ok(())
    }

    /// The Automerge document itself, for the sync protocol (`crate::sync`)
    /// only: everything else goes through the typed API.
    pub(crate) fn automerge_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    /// A replica with its own actor id, for another device or a test.
    pub fn fork(&mut self) -> WorkspaceDoc {
        WorkspaceDoc {
            doc: self.doc.fork(),
        }
    }

    /// Closes the pending change with a timestamp (ms since the Unix epoch),
    /// so the history shows when it was made.
    pub fn commit(&mut self, at_ms: i64) -> Option<ChangeHash> {
        self.doc
            .commit_with(CommitOptions::default().with_time(at_ms))
    }

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// The change that created the workspace: replicas and backups of one
    /// workspace share it, unrelated documents don't (merging those would
    /// hide one's collections behind the other's).
    pub fn origin(&mut self) -> Option<String> {
        self.doc
            .get_changes(&[])
            .iter()
            .filter(|c| c.deps().is_empty())
            .map(|c| c.hash().to_string())
            .min()
    }

    /// Bytes of the document saved whole, compacted.
    pub fn saved_size(&mut self) -> usize {
        self.doc.save().len()
    }

    pub fn schema_version(&self) -> u64 {
        schema::version(&self.doc)
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
        let obj = access::ensure_map(&mut self.doc, &ROOT, schema::WORKSPACE)?;
        access::put_string(&mut self.doc, &obj, "name", &info.name)?;
        access::put_string(&mut self.doc, &obj, "organisation", &info.organisation)
    }

    /// One entry by id.
    pub fn get<E: Entity>(&self, id: &E::Id) -> Option<E> {
        let collection = access::object(&self.doc, &ROOT, E::COLLECTION)?;
        let obj = access::object(&self.doc, &collection, id.as_ref())?;
        Some(E::read(&self.doc, id.as_ref(), &obj))
    }

    /// Every entry of a kind (in id order; views sort as they need).
    pub fn list<E: Entity>(&self) -> Vec<E> {
        let Some(collection) = access::object(&self.doc, &ROOT, E::COLLECTION) else {
            return Vec::new();
        };
        access::keys(&self.doc, &ROOT, E::COLLECTION)
            .into_iter()
            .filter_map(|id| {
                access::object(&self.doc, &collection, &id).map(|obj| E::read(&self.doc, &id, &obj))
            })
            .collect()
    }

    /// Creates or updates an entry, writing only the fields that changed.
    pub fn put<E: Entity>(&mut self, entry: &E) -> Result<()> {
        let collection = access::ensure_map(&mut self.doc, &ROOT, E::COLLECTION)?;
        let obj = access::ensure_map(&mut self.doc, &collection, entry.id())?;
        E::check_writable(&self.doc, &obj)?;
        entry.write(&mut self.doc, &obj)
    }

    /// Deletes an entry; false when it was not there.
    pub fn delete<E: Entity>(&mut self, id: &E::Id) -> Result<bool> {
        let Some(collection) = access::object(&self.doc, &ROOT, E::COLLECTION) else {
            return Ok(false);
        };
        if access::object(&self.doc, &collection, id.as_ref()).is_none() {
            return Ok(false);
        }
        automerge::transaction::Transactable::delete(&mut self.doc, &collection, id.as_ref())?;
        Ok(true)
    }

    /// This replica's actor id (hex): every change it makes carries it.
    pub fn actor(&self) -> String {
        self.doc.get_actor().to_hex_string()
    }

    /// Records that this replica writes for `person`, so history and
    /// presence can say who made a change.
    pub fn sign_as(&mut self, person: &crate::ids::PersonId) -> Result<()> {
        let actors = access::ensure_map(&mut self.doc, &ROOT, ACTORS)?;
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

    /// Whether a meeting's minutes may be edited now.
    pub fn is_editable(&self, id: &crate::ids::MeetingId) -> bool {
        self.get::<Meeting>(id)
            .is_some_and(|m| m.status == MeetingStatus::Draft)
    }
}
