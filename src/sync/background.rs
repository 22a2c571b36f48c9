//! The device's other workspaces: loaded from storage and synced over the
//! same connection as the open one, so an edit made offline in a workspace
//! reaches the others when the device is back online, without anyone
//! opening it again. What arrives for them is saved at once.

use std::collections::{BTreeMap, BTreeSet};

use radslag_core::{WorkspaceDoc, sync::DocumentId};

use crate::state::{
    Closed,
    storage::{DocStore, Opened, WorkspaceEntry, WriteError},
};

#[derive(Default)]
pub struct Background {
    /// The workspaces loaded, by the document id they sync under.
    pub docs: BTreeMap<DocumentId, WorkspaceDoc>,
    stores: BTreeMap<DocumentId, DocStore>,
    /// The workspaces to sync, with the id they are known by on this device
    /// (an older workspace's is a uuid, which names the same document).
    wanted: BTreeMap<DocumentId, String>,
    /// Workspaces that could not be loaded (unreadable, from a newer
    /// release): opening one says why; they are not tried again here.
    skipped: BTreeSet<DocumentId>,
}

/// What [`Background::save`] learnt: the workspace's name, for the switcher.
pub struct Saved {
    pub local_id: String,
    pub name: String,
    pub result: Result<(), WriteError>,
}

impl Background {
    /// Sets which workspaces to sync: every one on the device but the open
    /// one. Returns those to stop syncing.
    pub fn want(&mut self, registry: &[WorkspaceEntry], open: Option<&str>) -> Vec<DocumentId> {
        self.wanted = registry
            .iter()
            .filter(|entry| Some(entry.id.as_str()) != open)
            .filter_map(|entry| Some((DocumentId::parse(&entry.id).ok()?, entry.id.clone())))
            .collect();
        let dropped: Vec<DocumentId> = self
            .docs
            .keys()
            .filter(|id| !self.wanted.contains_key(id))
            .copied()
            .collect();
        for id in &dropped {
            self.remove(id);
        }
        // The open workspace says itself why it cannot be read.
        if let Some(open) = open.and_then(|id| DocumentId::parse(id).ok()) {
            self.skipped.remove(&open);
        }
        dropped
    }

    /// The next workspace to load, if any is waiting.
    pub fn next_to_load(&self) -> Option<(DocumentId, String)> {
        self.wanted
            .iter()
            .find(|(id, _)| !self.docs.contains_key(id) && !self.skipped.contains(id))
            .map(|(id, local)| (*id, local.clone()))
    }

    /// Loads a workspace from storage; false when it cannot be synced here.
    pub fn load(&mut self, id: DocumentId, local_id: &str, now_ms: i64) -> bool {
        match DocStore::open(local_id, now_ms) {
            Opened::Ready { doc, store, .. } => {
                self.docs.insert(id, *doc);
                self.stores.insert(id, store);
                true
            }
            Opened::Missing | Opened::Newer | Opened::Unreadable { .. } => {
                self.skipped.insert(id);
                false
            }
        }
    }

    /// Takes over the workspace that was open until now, as it is.
    pub fn adopt(&mut self, id: DocumentId, closed: Closed) {
        self.wanted.insert(id, closed.id);
        self.docs.insert(id, closed.doc);
        self.stores.insert(id, closed.store);
    }

    /// Stops syncing a workspace here (it is being opened).
    pub fn remove(&mut self, id: &DocumentId) {
        self.docs.remove(id);
        self.stores.remove(id);
    }

    pub fn local_id(&self, id: &DocumentId) -> Option<&str> {
        self.docs
            .contains_key(id)
            .then(|| self.wanted.get(id))
            .flatten()
            .map(String::as_str)
    }

    /// Stores what arrived for a workspace.
    pub fn save(&mut self, id: &DocumentId) -> Option<Saved> {
        let doc = self.docs.get_mut(id)?;
        let result = self.stores.get_mut(id)?.save(doc);
        Some(Saved {
            local_id: self.wanted.get(id)?.clone(),
            name: doc.info().name,
            result,
        })
    }

    /// Takes in what another tab stored for one of these workspaces; returns
    /// the workspace when it changed (its changes then go to the relay).
    pub fn absorb(&mut self, key: &str, value: Option<&str>) -> Option<DocumentId> {
        let (id, store) = self.stores.iter_mut().find(|(_, store)| store.owns(key))?;
        let doc = self.docs.get_mut(id)?;
        let foreign = store.absorb(doc, key, value);
        if foreign.save {
            let _ = store.save(doc);
        }
        foreign.changed.then_some(*id)
    }
}
