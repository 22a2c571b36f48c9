//! Browser storage (localStorage through gloo-storage): the list of
//! workspaces and each workspace's snapshot and change log.
//!
//! Rules: a stored value that cannot be read is copied to a backup key before
//! anything could overwrite it; a full quota is reported, never fatal.

use gloo_storage::{LocalStorage, Storage, errors::StorageError};
use radslag_core::{
    DocError, WorkspaceDoc,
    first_view::{FirstView, StoredStamp},
    stored::{self, StoredError},
};
use serde::{Deserialize, Serialize};

const REGISTRY_KEY: &str = "radslag.workspaces";
const LANG_KEY: &str = "radslag.lang";
const LAST_KEY: &str = "radslag.last";

fn snapshot_key(id: &str) -> String {
    format!("radslag.doc.{id}")
}

/// Each tab writes its chunks under keys of its own, so tabs never
/// overwrite each other: `radslag.doc.<id>.chunk.<tab>.<n>`.
fn chunk_prefix(id: &str) -> String {
    format!("radslag.doc.{id}.chunk.")
}

/// The workspace's first view (`radslag_core::first_view`).
fn first_view_key(id: &str) -> String {
    format!("radslag.view.{id}")
}

const BACKUP_PREFIX: &str = "radslag.backup.";

fn backup_key(key: &str, now_ms: i64) -> String {
    format!("{BACKUP_PREFIX}{now_ms}.{key}")
}

/// A workspace this browser knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceEntry {
    pub id: String,
    pub name: String,
    /// The workspace's creating change (see `WorkspaceDoc::origin`): finds
    /// where a backup belongs.
    #[serde(default)]
    pub origin: Option<String>,
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

/// Keeps an unreadable value under a backup key; returns that key. A value
/// already kept is not copied again: every open of an unreadable workspace
/// would otherwise add a copy until storage is full.
fn keep_aside(key: &str, value: &str, now_ms: i64) -> Option<String> {
    let kept = set_aside()
        .into_iter()
        .find(|copy| copy.original_key == key && read(&copy.key).as_deref() == Some(value));
    if let Some(copy) = kept {
        return Some(copy.key);
    }
    let backup = backup_key(key, now_ms);
    write(&backup, value).ok().map(|()| backup)
}

/// A stored value that could not be read, kept aside as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Where the copy is.
    pub key: String,
    /// Where the value was.
    pub original_key: String,
    pub at_ms: i64,
    /// Its size in characters.
    pub chars: usize,
}

impl SetAside {
    /// The workspace the value belonged to, if it was a workspace's.
    pub fn workspace(&self) -> Option<&str> {
        let rest = self.original_key.strip_prefix("radslag.doc.")?;
        Some(rest.split_once(".chunk.").map_or(rest, |(id, _)| id))
    }
}

/// Every value kept aside on this device, newest first.
pub fn set_aside() -> Vec<SetAside> {
    let mut copies: Vec<SetAside> = keys_with_prefix(BACKUP_PREFIX)
        .into_iter()
        .filter_map(|key| {
            let (at, original) = key.strip_prefix(BACKUP_PREFIX)?.split_once('.')?;
            Some(SetAside {
                original_key: original.to_owned(),
                at_ms: at.parse().ok()?,
                chars: read(&key)?.len(),
                key,
            })
        })
        .collect();
    radslag_core::order::sort_by_key(&mut copies, |copy| std::cmp::Reverse(copy.at_ms));
    copies
}

/// Deletes a copy kept aside (the member downloaded it or has no use for it).
pub fn delete_set_aside(key: &str) {
    if key.starts_with(BACKUP_PREFIX) {
        LocalStorage::delete(key);
    }
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

/// How far sync with the relay got for a document (its sync state, from
/// `SyncClient::sync_state`), so the next session resumes from there.
pub fn sync_state(document: &str) -> Option<Vec<u8>> {
    read(&format!("radslag.sync.{document}")).and_then(|text| stored::decode(&text).ok())
}

/// Keeps a document's sync state. Best effort: without it sync starts over,
/// which costs time, not data.
pub fn set_sync_state(document: &str, state: &[u8]) {
    let _ = write(&format!("radslag.sync.{document}"), &stored::encode(state));
}

/// Where a workspace's history stood when this device last looked at a
/// page (`scope`: "meetings", "actions", "meeting:<id>", …), encoded by
/// `radslag_core::doc::Seen`: what *Nytt sedan ditt senaste besök* marks
/// against.
pub fn seen(workspace: &str, scope: &str) -> Option<String> {
    LocalStorage::get(format!("radslag.seen.{workspace}.{scope}")).ok()
}

/// Best effort: without it, the next visit marks less.
pub fn set_seen(workspace: &str, scope: &str, heads: &str) {
    let _ = LocalStorage::set(format!("radslag.seen.{workspace}.{scope}"), heads);
}

/// The replicas (actor ids) this device wrote a workspace with in its
/// latest sessions, newest last: their changes are no news here.
pub fn own_actors(workspace: &str) -> Vec<String> {
    LocalStorage::get::<String>(format!("radslag.actors.{workspace}"))
        .map(|list| list.split(',').map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Adds this session's replica to [`own_actors`], keeping the latest 50.
pub fn note_own_actor(workspace: &str, actor: &str) {
    const KEPT: usize = 50;
    let mut actors = own_actors(workspace);
    if actors.iter().any(|a| a == actor) {
        return;
    }
    actors.push(actor.to_owned());
    let start = actors.len().saturating_sub(KEPT);
    let _ = LocalStorage::set(
        format!("radslag.actors.{workspace}"),
        actors[start..].join(","),
    );
}

/// A workspace's first view, if it was made from the document exactly as
/// it is stored now (another tab may have stored more since).
pub fn first_view(id: &str) -> Option<FirstView> {
    let view = FirstView::decode(&read(&first_view_key(id))?)?;
    let snapshot = read(&snapshot_key(id))?;
    let stored = StoredStamp::new(
        StoredStamp::digest(&snapshot),
        keys_with_prefix(&chunk_prefix(id)),
    );
    (view.stamp == stored).then_some(view)
}

/// Best effort, like the sync state: without it the workspace opens the
/// slower way. One that cannot be written is removed, so that no older one
/// holds storage the document may need.
pub fn set_first_view(id: &str, view: &FirstView) {
    if write(&first_view_key(id), &view.encode()).is_err() {
        drop_first_view(id);
    }
}

/// Frees a first view's storage (for the document, when storage is full).
pub fn drop_first_view(id: &str) {
    LocalStorage::delete(first_view_key(id));
}

pub fn last_workspace() -> Option<String> {
    LocalStorage::get(LAST_KEY).ok()
}

pub fn set_last_workspace(id: &str) {
    let _ = LocalStorage::set(LAST_KEY, id);
}

pub fn is_registry(key: &str) -> bool {
    key == REGISTRY_KEY
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
            origin: None,
        })
        .collect()
}

pub fn save_registry(entries: &[WorkspaceEntry]) -> Result<(), WriteError> {
    let json = serde_json::to_string(entries).map_err(|e| WriteError::Failed(e.to_string()))?;
    write(REGISTRY_KEY, &json)
}

/// What opening a stored workspace gave.
pub enum Opened {
    /// Opened; `damaged_chunks` when some saved changes could not be read
    /// (copied to `damaged_chunk_backup` where there was room).
    Ready {
        doc: Box<WorkspaceDoc>,
        store: DocStore,
        damaged_chunks: bool,
        damaged_chunk_backup: Option<String>,
    },
    Missing,
    /// Nothing was overwritten; the raw value was copied to `backup_key`.
    Unreadable {
        backup_key: Option<String>,
        reason: String,
    },
    Newer,
}

/// What a change another tab stored meant for this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Foreign {
    /// The document changed: views must refresh.
    pub changed: bool,
    /// This tab must store a snapshot of its own.
    pub save: bool,
}

fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    radslag_core::order::sort(&mut keys);
    keys
}

/// Where one workspace's document lives in storage: its snapshot and the
/// chunks written since, by this tab or others.
pub struct DocStore {
    id: String,
    /// This tab's name in chunk keys.
    tab: String,
    next_chunk: u64,
    /// Chunk keys whose changes this tab's document holds: a snapshot from
    /// this tab contains them, so they can go when it is written.
    absorbed_chunks: Vec<String>,
    chunk_bytes: usize,
    snapshot_bytes: usize,
    /// The stored snapshot's digest, once this tab has read or written it.
    snapshot_digest: Option<String>,
    /// The stored snapshot lacks changes this tab holds (a failed write, a
    /// damaged chunk, or another tab's older snapshot): write a new one.
    needs_snapshot: bool,
}

impl DocStore {
    /// A store for a workspace that has no stored form yet.
    pub fn new(id: &str) -> DocStore {
        DocStore {
            id: id.to_owned(),
            tab: uuid::Uuid::new_v4().simple().to_string(),
            next_chunk: 0,
            absorbed_chunks: Vec::new(),
            chunk_bytes: 0,
            snapshot_bytes: 0,
            snapshot_digest: None,
            needs_snapshot: true,
        }
    }

    /// What is stored, when it is exactly this tab's document as last
    /// saved (see `radslag_core::first_view::StoredStamp`).
    pub fn stamp(&self) -> Option<StoredStamp> {
        let digest = self
            .snapshot_digest
            .clone()
            .filter(|_| !self.needs_snapshot)?;
        Some(StoredStamp::new(
            digest,
            self.absorbed_chunks.iter().cloned(),
        ))
    }

    pub fn open(id: &str, now_ms: i64) -> Opened {
        let Some(snapshot) = read(&snapshot_key(id)) else {
            return Opened::Missing;
        };
        let chunk_keys = keys_with_prefix(&chunk_prefix(id));
        let chunks: Vec<String> = chunk_keys
            .iter()
            .map(|k| read(k).unwrap_or_default())
            .collect();
        match stored::restore(&snapshot, &chunks) {
            Ok(restored) => {
                let mut damaged_chunk_backup = None;
                // A damaged chunk that could not be copied aside (storage
                // full) stays where it is: the next snapshot must not delete it.
                let mut left_in_place = Vec::new();
                for &index in &restored.unreadable_chunks {
                    match keep_aside(&chunk_keys[index], &chunks[index], now_ms) {
                        Some(backup) => damaged_chunk_backup = Some(backup),
                        None => left_in_place.push(index),
                    }
                }
                let absorbed_chunks = chunk_keys
                    .into_iter()
                    .enumerate()
                    .filter(|(index, _)| !left_in_place.contains(index))
                    .map(|(_, key)| key)
                    .collect();
                let store = DocStore {
                    chunk_bytes: chunks.iter().map(String::len).sum(),
                    absorbed_chunks,
                    snapshot_bytes: snapshot.len(),
                    snapshot_digest: Some(StoredStamp::digest(&snapshot)),
                    // A damaged chunk is set aside by the next snapshot.
                    needs_snapshot: !restored.unreadable_chunks.is_empty(),
                    ..DocStore::new(id)
                };
                let damaged_chunks = !restored.unreadable_chunks.is_empty();
                Opened::Ready {
                    doc: Box::new(restored.doc),
                    store,
                    damaged_chunks,
                    damaged_chunk_backup,
                }
            }
            Err(StoredError::Doc(DocError::NewerSchema(_))) => Opened::Newer,
            Err(error) => {
                let backup_key = keep_aside(&snapshot_key(id), &snapshot, now_ms);
                for (key, chunk) in chunk_keys.iter().zip(&chunks) {
                    keep_aside(key, chunk, now_ms);
                }
                Opened::Unreadable {
                    backup_key,
                    reason: error.to_string(),
                }
            }
        }
    }

    /// Saves what changed since the last save: a new chunk, or a new snapshot
    /// when the chunks have grown many or large.
    pub fn save(&mut self, doc: &mut WorkspaceDoc) -> Result<(), WriteError> {
        if self.needs_snapshot {
            return self.save_snapshot(doc);
        }
        let chunk = doc.save_incremental();
        if chunk.is_empty() {
            return Ok(());
        }
        let encoded = stored::encode(&chunk);
        let count = self.absorbed_chunks.len() + 1;
        if stored::should_compact(count, self.chunk_bytes + encoded.len(), self.snapshot_bytes) {
            return self.save_snapshot(doc);
        }
        let key = format!(
            "{}{}.{:08}",
            chunk_prefix(&self.id),
            self.tab,
            self.next_chunk
        );
        match write(&key, &encoded) {
            Ok(()) => {
                self.next_chunk += 1;
                self.chunk_bytes += encoded.len();
                self.absorbed_chunks.push(key);
                Ok(())
            }
            Err(error) => {
                self.needs_snapshot = true;
                Err(error)
            }
        }
    }

    /// Writes the whole document, then drops the chunks it now contains. A
    /// crash in between only leaves chunks that apply twice, which is harmless.
    pub fn save_snapshot(&mut self, doc: &mut WorkspaceDoc) -> Result<(), WriteError> {
        let snapshot = stored::encode(&doc.save());
        match write(&snapshot_key(&self.id), &snapshot) {
            Ok(()) => {
                for key in self.absorbed_chunks.drain(..) {
                    LocalStorage::delete(key);
                }
                self.snapshot_bytes = snapshot.len();
                self.snapshot_digest = Some(StoredStamp::digest(&snapshot));
                self.chunk_bytes = 0;
                self.needs_snapshot = false;
                Ok(())
            }
            Err(error) => {
                self.needs_snapshot = true;
                Err(error)
            }
        }
    }

    /// Takes in what another tab stored (a `storage` event): its chunks and
    /// snapshots merge into this tab's document. Values that can't be read
    /// are ignored here: the tab that wrote them still has them in memory.
    pub fn absorb(&mut self, doc: &mut WorkspaceDoc, key: &str, value: Option<&str>) -> Foreign {
        let Some(value) = value else {
            return Foreign::default();
        };
        if key == snapshot_key(&self.id) {
            return match stored::absorb_snapshot(doc, value) {
                Ok(absorbed) => {
                    self.snapshot_bytes = value.len();
                    self.snapshot_digest = Some(StoredStamp::digest(value));
                    self.needs_snapshot |= absorbed.stored_is_behind;
                    Foreign {
                        changed: absorbed.changed,
                        save: absorbed.stored_is_behind,
                    }
                }
                Err(_) => Foreign::default(),
            };
        }
        let new_chunk = key.starts_with(&chunk_prefix(&self.id))
            && !self.absorbed_chunks.iter().any(|k| k == key);
        if new_chunk && let Ok(changed) = stored::absorb_chunk(doc, value) {
            self.absorbed_chunks.push(key.to_owned());
            self.chunk_bytes += value.len();
            return Foreign {
                changed,
                save: false,
            };
        }
        Foreign::default()
    }

    /// Whether a storage key belongs to this workspace's document.
    pub fn owns(&self, key: &str) -> bool {
        key == snapshot_key(&self.id) || key.starts_with(&chunk_prefix(&self.id))
    }
}

/// Browsers give an origin's localStorage 5 Mi characters (keys and values).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// How much of localStorage a workspace and all of Rådslag use, in characters.
pub fn usage(id: &str) -> (usize, usize) {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let own = snapshot_key(id);
    let (mut workspace, mut total) = (0, 0);
    for key in (0..count).filter_map(|i| storage.key(i).ok().flatten()) {
        let size = key.len() + read(&key).map_or(0, |v| v.len());
        total += size;
        if key == own || key.starts_with(&chunk_prefix(id)) || key == first_view_key(id) {
            workspace += size;
        }
    }
    (workspace, total)
}

/// The raw stored text under a backup key, for download.
pub fn backup_contents(key: &str) -> Option<String> {
    read(key)
}
