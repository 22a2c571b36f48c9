//! Browser storage (localStorage through gloo-storage): the list of
//! workspaces and each workspace's snapshot and change log.
//!
//! Rules: a stored value that cannot be read is copied to a backup key before
//! anything could overwrite it; a full quota is reported, never fatal.

use gloo_storage::{LocalStorage, Storage, errors::StorageError};
use radslag_core::{
    DocError, WorkspaceDoc,
    stored::{self, StoredError},
};
use serde::{Deserialize, Serialize};

const REGISTRY_KEY: &str = "radslag.workspaces";
const LANG_KEY: &str = "radslag.lang";
const LAST_KEY: &str = "radslag.last";

fn snapshot_key(id: &str) -> String {
    format!("radslag.doc.{id}")
}

fn log_key(id: &str) -> String {
    format!("radslag.doc.{id}.log")
}

fn backup_key(key: &str, now_ms: i64) -> String {
    format!("radslag.backup.{now_ms}.{key}")
}

/// A workspace this browser knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceEntry {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The storage quota is used up.
    Full,
    Failed(String),
}

fn write(key: &str, value: &str) -> Result<(), WriteError> {
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            WriteError::Full
        } else {
            WriteError::Failed(format!("{e:?}"))
        }
    })
}

fn read(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Keeps an unreadable value under a backup key; returns that key.
fn keep_aside(key: &str, value: &str, now_ms: i64) -> Option<String> {
    let backup = backup_key(key, now_ms);
    write(&backup, value).ok().map(|()| backup)
}

pub fn language() -> Option<String> {
    LocalStorage::get(LANG_KEY).ok()
}

pub fn set_language(code: &str) {
    let _ = LocalStorage::set(LANG_KEY, code);
}

/// Whom this device writes for in a workspace (a person id).
pub fn me(workspace: &str) -> Option<String> {
    LocalStorage::get(format!("radslag.me.{workspace}")).ok()
}

pub fn set_me(workspace: &str, person: &str) {
    let _ = LocalStorage::set(format!("radslag.me.{workspace}"), person);
}

pub fn last_workspace() -> Option<String> {
    LocalStorage::get(LAST_KEY).ok()
}

pub fn set_last_workspace(id: &str) {
    let _ = LocalStorage::set(LAST_KEY, id);
}

/// The workspaces on this device. An unreadable list is kept aside and the
/// workspaces are found again from their document keys.
pub fn registry(now_ms: i64) -> Vec<WorkspaceEntry> {
    match LocalStorage::get::<Vec<WorkspaceEntry>>(REGISTRY_KEY) {
        Ok(entries) => entries,
        Err(StorageError::KeyNotFound(_)) => Vec::new(),
        Err(_) => {
            if let Some(raw) = read(REGISTRY_KEY) {
                keep_aside(REGISTRY_KEY, &raw, now_ms);
            }
            rediscover_workspaces()
        }
    }
}

fn rediscover_workspaces() -> Vec<WorkspaceEntry> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            key.strip_prefix("radslag.doc.")
                .filter(|id| !id.contains('.'))
                .map(str::to_owned)
        })
        .map(|id| WorkspaceEntry {
            name: id.clone(),
            id,
        })
        .collect()
}

pub fn save_registry(entries: &[WorkspaceEntry]) -> Result<(), WriteError> {
    let json = serde_json::to_string(entries).map_err(|e| WriteError::Failed(e.to_string()))?;
    write(REGISTRY_KEY, &json)
}

/// What opening a stored workspace gave.
pub enum Opened {
    Ready {
        doc: WorkspaceDoc,
        store: DocStore,
        damaged_log_backup: Option<String>,
    },
    Missing,
    /// Nothing was overwritten; the raw value was copied to `backup_key`.
    Unreadable {
        backup_key: Option<String>,
        reason: String,
    },
    Newer,
}

/// Where one workspace's document lives in storage, and how much of its log
/// is written, to decide when to fold the log into a snapshot.
pub struct DocStore {
    id: String,
    log: Vec<String>,
    log_bytes: usize,
    snapshot_bytes: usize,
    /// A failed write lost track of what is saved: the next save is a snapshot.
    needs_snapshot: bool,
}

impl DocStore {
    /// A store for a workspace that has no stored form yet.
    pub fn new(id: &str) -> DocStore {
        DocStore {
            id: id.to_owned(),
            log: Vec::new(),
            log_bytes: 0,
            snapshot_bytes: 0,
            needs_snapshot: true,
        }
    }

    pub fn open(id: &str, now_ms: i64) -> Opened {
        let Some(snapshot) = read(&snapshot_key(id)) else {
            return Opened::Missing;
        };
        let raw_log = read(&log_key(id));
        let (log, log_unparsable) =
            match raw_log.as_deref().map(serde_json::from_str::<Vec<String>>) {
                None => (Vec::new(), false),
                Some(Ok(log)) => (log, false),
                Some(Err(_)) => (Vec::new(), true),
            };
        match stored::restore(&snapshot, &log) {
            Ok(restored) => {
                let damaged = log_unparsable || !restored.unreadable_chunks.is_empty();
                let damaged_log_backup = if damaged {
                    raw_log
                        .as_deref()
                        .and_then(|raw| keep_aside(&log_key(id), raw, now_ms))
                } else {
                    None
                };
                let store = DocStore {
                    id: id.to_owned(),
                    log_bytes: log.iter().map(String::len).sum(),
                    log,
                    snapshot_bytes: snapshot.len(),
                    // A damaged log is rewritten as a fresh snapshot at the next save.
                    needs_snapshot: damaged,
                };
                Opened::Ready {
                    doc: restored.doc,
                    store,
                    damaged_log_backup,
                }
            }
            Err(StoredError::Doc(DocError::NewerSchema(_))) => Opened::Newer,
            Err(error) => {
                let backup_key = keep_aside(&snapshot_key(id), &snapshot, now_ms);
                if let Some(raw) = raw_log {
                    keep_aside(&log_key(id), &raw, now_ms);
                }
                Opened::Unreadable {
                    backup_key,
                    reason: error.to_string(),
                }
            }
        }
    }

    /// Saves what changed since the last save: appends a chunk to the log, or
    /// writes a new snapshot when the log has grown large.
    pub fn save(&mut self, doc: &mut WorkspaceDoc) -> Result<(), WriteError> {
        if self.needs_snapshot {
            return self.save_snapshot(doc);
        }
        let chunk = doc.save_incremental();
        if chunk.is_empty() {
            return Ok(());
        }
        let encoded = stored::encode(&chunk);
        if stored::should_compact(
            self.log.len() + 1,
            self.log_bytes + encoded.len(),
            self.snapshot_bytes,
        ) {
            return self.save_snapshot(doc);
        }
        self.log.push(encoded);
        let json = serde_json::to_string(&self.log).unwrap_or_default();
        match write(&log_key(&self.id), &json) {
            Ok(()) => {
                self.log_bytes += self.log.last().map_or(0, String::len);
                Ok(())
            }
            Err(error) => {
                self.log.pop();
                self.needs_snapshot = true;
                Err(error)
            }
        }
    }

    /// Writes the whole document, then drops the log it now contains. A crash
    /// in between only leaves chunks that apply twice, which is harmless.
    pub fn save_snapshot(&mut self, doc: &mut WorkspaceDoc) -> Result<(), WriteError> {
        let snapshot = stored::encode(&doc.save());
        match write(&snapshot_key(&self.id), &snapshot) {
            Ok(()) => {
                LocalStorage::delete(log_key(&self.id));
                self.snapshot_bytes = snapshot.len();
                self.log.clear();
                self.log_bytes = 0;
                self.needs_snapshot = false;
                Ok(())
            }
            Err(error) => {
                self.needs_snapshot = true;
                Err(error)
            }
        }
    }
}

/// The raw stored text under a backup key, for download.
pub fn backup_contents(key: &str) -> Option<String> {
    read(key)
}
