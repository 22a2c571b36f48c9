//! The relay's store: files under `--data-dir`, in the layout of
//! automerge-repo's NodeFS storage (`<first two chars of the doc id>/<rest>/
//! {incremental,snapshot}/<hash>`), so a stock Node sync server can read it.
//!
//! Unlike samod's own filesystem storage it is durable: each file is written
//! to a temporary name, fsynced, renamed into place and its directory
//! fsynced, so a crash (even `kill -9` or a power cut) leaves either the whole
//! chunk or none of it. It also tracks, per document, which changes are on
//! disk ([`Durability`]), so that the connection layer can hold back a sync
//! message until every change it acknowledges is stored.
//!
//! When a write fails (a full disk, an I/O error, free space under
//! `--min-free-bytes`) the put does not finish: it is retried until it
//! succeeds, so its changes, and every later change of that document, never
//! count as stored meanwhile, and samod, which deletes the chunks a compaction
//! replaces only once the compacted chunk's put has finished, deletes nothing.
//! The store is then *degraded* (`/healthz` says why) and the connection
//! layer refuses new changes.
//!
//! A chunk that Automerge cannot read, or that panics while being read, is
//! moved under `<data-dir>/.quarantine/` (never deleted): at start for each
//! chunk, and when samod loads a document for the whole document.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::Duration,
};

use automerge::{Automerge, ChangeHash, LoadOptions, VerificationMode};
use samod::storage::{Storage, StorageKey};
use tokio::sync::watch;

use super::{faults::Faults, redact};

#[derive(Clone)]
pub struct DurableStorage {
    dir: PathBuf,
    durability: Arc<Durability>,
    state: Arc<StoreState>,
}

/// What the store knows about itself, for limits and `/healthz`.
pub struct StoreState {
    dir: PathBuf,
    /// Bytes on disk per document (every document the relay stores).
    sizes: Mutex<HashMap<String, u64>>,
    total: AtomicU64,
    /// Writes refused below this much free space.
    pub min_free_bytes: u64,
    /// Why writes are failing now (`None` when they are not).
    failing: Mutex<Option<String>>,
    /// Puts waiting for a retry.
    retrying: AtomicU64,
    stopping: AtomicBool,
    pub faults: Faults,
    /// Documents read whole once (see `check_document`).
    checked: Mutex<HashSet<String>>,
}

impl StoreState {
    pub fn total_bytes(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    pub fn documents(&self) -> usize {
        self.sizes.lock().unwrap().len()
    }

    /// Bytes stored for `doc`, or `None` when the relay does not store it.
    pub fn document_bytes(&self, doc: &str) -> Option<u64> {
        self.sizes.lock().unwrap().get(doc).copied()
    }

    /// Free bytes on the data directory's file system.
    pub fn free_bytes(&self) -> Option<u64> {
        let stat = nix::sys::statvfs::statvfs(&self.dir).ok()?;
        #[allow(clippy::useless_conversion)]
        Some(u64::from(stat.blocks_available()) * u64::from(stat.fragment_size()))
    }

    /// Why the store cannot take more changes now, if it cannot.
    pub fn degraded(&self) -> Option<String> {
        if let Some(reason) = self.failing.lock().unwrap().clone() {
            return Some(format!(
                "storage failing ({} writes waiting for a retry): {reason}",
                self.retrying.load(Ordering::Relaxed)
            ));
        }
        match self.free_bytes() {
            Some(free) if free < self.min_free_bytes => Some(format!(
                "free space {free} bytes is under the floor of {} bytes",
                self.min_free_bytes
            )),
            _ => None,
        }
    }

    fn added(&self, doc: &str, bytes: u64) {
        *self
            .sizes
            .lock()
            .unwrap()
            .entry(doc.to_owned())
            .or_default() += bytes;
        self.total.fetch_add(bytes, Ordering::Relaxed);
    }

    fn removed(&self, doc: &str, bytes: u64) {
        let mut sizes = self.sizes.lock().unwrap();
        if let Some(size) = sizes.get_mut(doc) {
            let bytes = bytes.min(*size);
            *size -= bytes;
            self.total.fetch_sub(bytes, Ordering::Relaxed);
        }
    }

    fn forget(&self, doc: &str) {
        if let Some(bytes) = self.sizes.lock().unwrap().remove(doc) {
            self.total.fetch_sub(bytes, Ordering::Relaxed);
        }
    }

    /// The document `doc` as stored now, or `None` when the relay stores
    /// none or Automerge cannot read it (read while the relay runs: chunks
    /// being written are passed over).
    pub fn stored_document(&self, doc: &str) -> Option<Automerge> {
        let chunks = read_chunks(&document_dir(&self.dir, doc));
        if chunks.is_empty() {
            return None;
        }
        no_panic(|| load_chunks(&chunks)).ok()
    }

    /// Reads document `doc` once per process; quarantines it when Automerge
    /// fails or panics on it.
    fn check_document(&self, doc: &str) {
        let doc_dir = document_dir(&self.dir, doc);
        let mut checked = self.checked.lock().unwrap();
        if !checked.insert(doc.to_owned()) || !doc_dir.is_dir() {
            return;
        }
        let chunks = read_chunks(&doc_dir);
        let injected = self.faults.has(&format!("panic-on-load {doc}"));
        let loaded = no_panic(|| {
            if injected {
                panic!("injected fault: panic on load");
            }
            load_chunks(&chunks).map(|_| ())
        });
        if let Err(why) = loaded {
            self.quarantine(&doc_dir, &format!("document cannot be loaded: {why}"));
            self.forget(doc);
        }
    }

    /// Moves `path` (a chunk or a document's directory) under `.quarantine/`.
    fn quarantine(&self, path: &Path, why: &str) {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let relative = path.strip_prefix(&self.dir).unwrap_or(path);
        let name = relative.to_string_lossy().replace('/', "_");
        let target = self
            .dir
            .join(".quarantine")
            .join(format!("{stamp}-{}", redact_path(&name)));
        let moved = std::fs::create_dir_all(self.dir.join(".quarantine"))
            .and_then(|()| std::fs::rename(path, &target));
        match moved {
            Ok(()) => tracing::error!(
                "quarantined {} (moved to {}): {why}",
                redact_path(&relative.to_string_lossy()),
                target.display()
            ),
            Err(e) => tracing::error!(
                "cannot quarantine {}: {e} ({why})",
                redact_path(&relative.to_string_lossy())
            ),
        }
    }
}

/// A data path with its document id redacted.
fn redact_path(path: &str) -> String {
    let mut parts = path.splitn(3, ['/', '_']);
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return path.to_owned();
    };
    let rest = parts.next().map(|r| format!("_{r}")).unwrap_or_default();
    format!("doc-{}{rest}", redact(&format!("{a}{b}")))
}

/// Which changes of each document are on disk.
pub struct Durability {
    docs: Mutex<HashMap<String, DocDurability>>,
    seq: AtomicU64,
    /// Bumped whenever more changes become durable.
    version: watch::Sender<u64>,
}

#[derive(Default)]
struct DocDurability {
    /// Changes on disk, with everything written before them.
    durable: HashSet<ChangeHash>,
    /// Puts in the order they were issued: `None` while in flight.
    puts: BTreeMap<u64, Option<Vec<ChangeHash>>>,
}

impl Durability {
    fn new() -> Self {
        Durability {
            docs: Mutex::new(HashMap::new()),
            seq: AtomicU64::new(0),
            version: watch::channel(0).0,
        }
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.version.subscribe()
    }

    /// True when every one of `heads` is on disk for `doc`.
    pub fn covers(&self, doc: &str, heads: &[ChangeHash]) -> bool {
        if heads.is_empty() {
            return true;
        }
        let docs = self.docs.lock().unwrap();
        docs.get(doc)
            .is_some_and(|d| heads.iter().all(|h| d.durable.contains(h)))
    }

    /// True while a write of `doc` has not finished (or waits for a retry).
    pub fn writing(&self, doc: &str) -> bool {
        self.docs
            .lock()
            .unwrap()
            .get(doc)
            .is_some_and(|d| !d.puts.is_empty())
    }

    /// Registers a put of `doc`, in the order samod issues them.
    fn begin(self: &Arc<Self>, doc: &str) -> PendingPut {
        let seq = self.seq.fetch_add(1, Ordering::SeqCst);
        self.docs
            .lock()
            .unwrap()
            .entry(doc.to_owned())
            .or_default()
            .puts
            .insert(seq, None);
        PendingPut {
            durability: self.clone(),
            doc: doc.to_owned(),
            seq,
            withdraw_on_drop: true,
        }
    }

    /// A put is done: on disk with the changes `stored`, or withdrawn
    /// (`None`). Changes count as durable once every earlier put of the same
    /// document is done too: samod writes changes in causal order, so a
    /// durable change's ancestors are durable. A put that fails is not done
    /// (it is retried), so nothing after it counts meanwhile.
    fn settle(&self, doc: &str, seq: u64, stored: Option<Vec<ChangeHash>>) {
        let mut docs = self.docs.lock().unwrap();
        let d = docs.entry(doc.to_owned()).or_default();
        match stored {
            Some(hashes) => {
                d.puts.insert(seq, Some(hashes));
            }
            None => {
                d.puts.remove(&seq);
            }
        }
        while let Some(entry) = d.puts.first_entry() {
            if entry.get().is_none() {
                break;
            }
            let hashes = entry.remove().unwrap_or_default();
            d.durable.extend(hashes);
        }
        drop(docs);
        self.version.send_modify(|v| *v += 1);
    }

    /// Forgets what is known of `doc` (unloaded, with no write in flight):
    /// its stored changes are noted again when samod loads it again.
    pub fn forget(&self, doc: &str) {
        self.docs.lock().unwrap().remove(doc);
    }

    fn loaded(&self, doc: &str, hashes: impl IntoIterator<Item = ChangeHash>) {
        let mut docs = self.docs.lock().unwrap();
        docs.entry(doc.to_owned())
            .or_default()
            .durable
            .extend(hashes);
        drop(docs);
        self.version.send_modify(|v| *v += 1);
    }
}

/// A put samod issued that is not done yet. Dropped before it is done (its
/// repository's tasks were ended, see `super::runtime`), it is withdrawn:
/// its changes never count as stored, and the document's later puts are not
/// held behind it.
struct PendingPut {
    durability: Arc<Durability>,
    doc: String,
    seq: u64,
    withdraw_on_drop: bool,
}

impl PendingPut {
    fn stored(mut self, hashes: Vec<ChangeHash>) {
        self.withdraw_on_drop = false;
        self.durability.settle(&self.doc, self.seq, Some(hashes));
    }

    /// The relay stops with this put not stored: nothing the document
    /// writes after it counts as stored either.
    fn never_stored(mut self) {
        self.withdraw_on_drop = false;
    }
}

impl Drop for PendingPut {
    fn drop(&mut self) {
        if self.withdraw_on_drop {
            self.durability.settle(&self.doc, self.seq, None);
        }
    }
}

/// A put waiting for a retry: while any does, the store is degraded.
struct Retrying(Arc<StoreState>);

impl Retrying {
    fn start(state: &Arc<StoreState>) -> Retrying {
        state.retrying.fetch_add(1, Ordering::Relaxed);
        Retrying(state.clone())
    }
}

impl Drop for Retrying {
    fn drop(&mut self) {
        let state = &self.0;
        if state.retrying.fetch_sub(1, Ordering::Relaxed) == 1
            && !state.stopping.load(Ordering::Relaxed)
        {
            *state.failing.lock().unwrap() = None;
            tracing::info!("storage works again: no write waits for a retry");
        }
    }
}

impl DurableStorage {
    /// Opens the store: scans `dir` for the documents it holds and their
    /// sizes, and quarantines chunks Automerge cannot read.
    pub fn open(dir: &Path, min_free_bytes: u64, faults: Faults) -> Self {
        let state = Arc::new(StoreState {
            dir: dir.to_path_buf(),
            sizes: Mutex::new(HashMap::new()),
            total: AtomicU64::new(0),
            min_free_bytes,
            failing: Mutex::new(None),
            retrying: AtomicU64::new(0),
            stopping: AtomicBool::new(false),
            faults,
            checked: Mutex::new(HashSet::new()),
        });
        scan(&state);
        DurableStorage {
            dir: dir.to_path_buf(),
            durability: Arc::new(Durability::new()),
            state,
        }
    }

    pub fn durability(&self) -> Arc<Durability> {
        self.durability.clone()
    }

    pub fn state(&self) -> Arc<StoreState> {
        self.state.clone()
    }

    /// Puts being retried give up (the relay stops; they stay unacknowledged).
    pub fn stop(&self) {
        self.state.stopping.store(true, Ordering::Relaxed);
    }

    fn path(&self, key: &StorageKey) -> PathBuf {
        let mut components = key.into_iter();
        let mut path = match components.next() {
            Some(doc) => document_dir(&self.dir, doc),
            None => self.dir.clone(),
        };
        path.extend(components);
        path
    }
}

/// Where document `doc` is stored under `root`: splayed on the first two
/// characters of its id, as NodeFS does.
fn document_dir(root: &Path, doc: &str) -> PathBuf {
    let split = doc.char_indices().nth(2).map_or(doc.len(), |(i, _)| i);
    root.join(&doc[..split]).join(&doc[split..])
}

/// Every chunk stored in a document's directory (files being written, whose
/// names start with a dot, are passed over).
fn read_chunks(doc_dir: &Path) -> Vec<Vec<u8>> {
    let mut chunks = Vec::new();
    for kind in ["snapshot", "incremental"] {
        let Ok(entries) = std::fs::read_dir(doc_dir.join(kind)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if let Ok(data) = std::fs::read(entry.path()) {
                chunks.push(data);
            }
        }
    }
    chunks
}

/// The document the chunks make together.
fn load_chunks(chunks: &[Vec<u8>]) -> Result<Automerge, String> {
    let mut doc = Automerge::new();
    for data in chunks {
        doc.load_incremental(data).map_err(|e| e.to_string())?;
    }
    Ok(doc)
}

/// Runs `f`, turning a panic into an error.
fn no_panic<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(format!("panicked while loading: {what}"))
    })
}

/// Reads one stored chunk with Automerge.
fn check_chunk(data: &[u8]) -> Result<(), String> {
    no_panic(|| {
        Automerge::new()
            .load_incremental(data)
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
}

/// The start-up scan: every document directory, its size, and its chunks
/// checked one by one.
fn scan(state: &StoreState) {
    let Ok(firsts) = std::fs::read_dir(&state.dir) else {
        return;
    };
    let mut sizes = HashMap::new();
    for first in firsts.flatten() {
        let first_name = first.file_name().to_string_lossy().into_owned();
        if first_name.starts_with('.') || !first.path().is_dir() {
            continue;
        }
        let Ok(rests) = std::fs::read_dir(first.path()) else {
            continue;
        };
        for rest in rests.flatten() {
            let doc = format!("{first_name}{}", rest.file_name().to_string_lossy());
            if !rest.path().join("incremental").is_dir() && !rest.path().join("snapshot").is_dir() {
                // Not a document (samod keeps its storage id at the top).
                continue;
            }
            let mut bytes = 0;
            for kind in ["incremental", "snapshot"] {
                let Ok(chunks) = std::fs::read_dir(rest.path().join(kind)) else {
                    continue;
                };
                for chunk in chunks.flatten() {
                    let name = chunk.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') && name.ends_with(".tmp") {
                        // A write cut short by a crash.
                        let _ = std::fs::remove_file(chunk.path());
                        continue;
                    }
                    let Ok(data) = std::fs::read(chunk.path()) else {
                        continue;
                    };
                    if let Err(why) = check_chunk(&data) {
                        state.quarantine(&chunk.path(), &format!("unreadable chunk: {why}"));
                        continue;
                    }
                    bytes += data.len() as u64;
                }
            }
            sizes.insert(doc, bytes);
        }
    }
    let total = sizes.values().sum();
    tracing::info!("the store holds {} documents, {total} bytes", sizes.len());
    *state.sizes.lock().unwrap() = sizes;
    state.total.store(total, Ordering::Relaxed);
}

/// The document a key belongs to and the changes a chunk under it holds.
fn classify(key: &StorageKey, data: &[u8]) -> Option<(String, Vec<ChangeHash>)> {
    let parts: Vec<&String> = key.into_iter().collect();
    let [doc, kind, name] = parts.as_slice() else {
        return None;
    };
    match kind.as_str() {
        "incremental" => Some(((*doc).clone(), name.parse().ok().into_iter().collect())),
        "snapshot" => Some(((*doc).clone(), chunk_heads(data))),
        _ => None,
    }
}

/// The heads of a saved chunk (a snapshot is a whole document): read from
/// the document chunk's header, or by loading it when that fails.
fn chunk_heads(data: &[u8]) -> Vec<ChangeHash> {
    if let Some(heads) = header_heads(data) {
        return heads;
    }
    Automerge::load_with_options(
        data,
        LoadOptions::new().verification_mode(VerificationMode::DontCheck),
    )
    .map(|d| d.get_heads())
    .unwrap_or_default()
}

/// The heads recorded in a document chunk's header (Automerge's binary
/// format: magic, checksum, chunk type 0, length, actors, heads).
fn header_heads(data: &[u8]) -> Option<Vec<ChangeHash>> {
    fn uleb(data: &[u8], at: &mut usize) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *data.get(*at)?;
            *at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
    if data.get(..4)? != MAGIC || *data.get(8)? != 0 {
        return None;
    }
    let mut at = 9;
    uleb(data, &mut at)?; // chunk length
    let actors = uleb(data, &mut at)?;
    for _ in 0..actors {
        let len = usize::try_from(uleb(data, &mut at)?).ok()?;
        at = at.checked_add(len)?;
    }
    let count = uleb(data, &mut at)?;
    let mut heads = Vec::new();
    for _ in 0..count {
        let bytes: [u8; 32] = data.get(at..at.checked_add(32)?)?.try_into().ok()?;
        heads.push(ChangeHash(bytes));
        at += 32;
    }
    Some(heads)
}

pub fn write_durably(path: &Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let parent = path.parent().expect("keys have a directory");
    std::fs::create_dir_all(parent)?;
    let tmp = parent.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(data)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        // E.g. a full disk: leave no partial file taking space.
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    std::fs::File::open(parent)?.sync_all()
}

fn read_tree(root: &Path, prefix: &StorageKey) -> HashMap<StorageKey, Vec<u8>> {
    let mut out = HashMap::new();
    let mut to_visit = vec![(root.to_path_buf(), prefix.clone())];
    while let Some((dir, key)) = to_visit.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') && name.ends_with(".tmp") {
                // A write cut short by a crash.
                let _ = std::fs::remove_file(entry.path());
                continue;
            }
            let Ok(child) = key.with_component(name) else {
                continue;
            };
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                to_visit.push((entry.path(), child));
            } else if let Ok(data) = std::fs::read(entry.path()) {
                out.insert(child, data);
            }
        }
    }
    out
}

impl Storage for DurableStorage {
    fn load(&self, key: StorageKey) -> impl Future<Output = Option<Vec<u8>>> + Send {
        let path = self.path(&key);
        async move {
            tokio::task::spawn_blocking(move || std::fs::read(path).ok())
                .await
                .ok()
                .flatten()
        }
    }

    fn load_range(
        &self,
        prefix: StorageKey,
    ) -> impl Future<Output = HashMap<StorageKey, Vec<u8>>> + Send {
        let path = self.path(&prefix);
        let durability = self.durability.clone();
        let state = self.state.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                // samod loads a document as two ranges, `[doc, "snapshot"]`
                // and `[doc, "incremental"]`. Before the first, the whole
                // document is read as samod will read it, and quarantined if
                // that fails or panics, rather than have samod's document
                // actor panic on it (and again at every start).
                let parts: Vec<&String> = (&prefix).into_iter().collect();
                if let [doc, kind] = parts.as_slice()
                    && (kind.as_str() == "snapshot" || kind.as_str() == "incremental")
                {
                    state.check_document(doc);
                }
                let found = read_tree(&path, &prefix);
                // What was on disk is durable: note its changes (the heads
                // of the document always name a stored change or a
                // snapshot's head).
                for (key, data) in &found {
                    if let Some((doc, hashes)) = classify(key, data) {
                        durability.loaded(&doc, hashes);
                    }
                }
                found
            })
            .await
            .unwrap_or_default()
        }
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        let path = self.path(&key);
        let durability = self.durability.clone();
        let state = self.state.clone();
        // Registered now, in the order samod issues puts.
        let doc = (&key).into_iter().next().cloned();
        let pending = doc.as_ref().map(|d| durability.begin(d));
        let is_chunk = (&key).into_iter().count() == 3;
        async move {
            let data = Arc::new(data);
            let mut delay = Duration::from_millis(250);
            let mut retrying = None;
            loop {
                let attempt = {
                    let (path, data, state) = (path.clone(), data.clone(), state.clone());
                    tokio::task::spawn_blocking(move || put_once(&state, &path, &data, is_chunk))
                        .await
                        .unwrap_or_else(|e| Err(format!("the write panicked: {e}")))
                };
                match attempt {
                    Ok(replaced) => {
                        if let Some(doc) = doc.as_ref().filter(|_| is_chunk) {
                            state.removed(doc, replaced);
                            state.added(doc, data.len() as u64);
                        }
                        break;
                    }
                    Err(why) => {
                        if retrying.is_none() {
                            retrying = Some(Retrying::start(&state));
                            tracing::error!(
                                "cannot store a chunk of {}: {why}; not acknowledged, retrying",
                                doc.as_deref().map_or("?".into(), redact)
                            );
                        }
                        *state.failing.lock().unwrap() = Some(why);
                        if state.stopping.load(Ordering::Relaxed) {
                            // Never acknowledged; the clients still have it.
                            tracing::error!("stopping with a chunk not stored");
                            if let Some(pending) = pending {
                                pending.never_stored();
                            }
                            return;
                        }
                        tokio::time::sleep(delay).await;
                        delay = (delay * 2).min(Duration::from_secs(5));
                    }
                }
            }
            drop(retrying);
            if let Some(pending) = pending {
                let hashes = classify(&key, &data).map(|(_, h)| h).unwrap_or_default();
                pending.stored(hashes);
            }
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let path = self.path(&key);
        let state = self.state.clone();
        let doc = (&key).into_iter().next().cloned();
        async move {
            let _ = tokio::task::spawn_blocking(move || {
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                if std::fs::remove_file(&path).is_ok()
                    && let Some(doc) = doc
                {
                    state.removed(&doc, size);
                }
            })
            .await;
        }
    }
}

/// One attempt at a put: the size of the file it replaced, or why it failed.
fn put_once(state: &StoreState, path: &Path, data: &[u8], is_chunk: bool) -> Result<u64, String> {
    if state.faults.has("fail-writes") {
        return Err("injected fault: writes fail".into());
    }
    // The floor is for documents' chunks (samod's few bytes of its own
    // storage id must not stop the relay from starting).
    if is_chunk
        && state.min_free_bytes > 0
        && let Some(free) = state.free_bytes()
        && free < state.min_free_bytes.saturating_add(data.len() as u64)
    {
        return Err(format!(
            "free space {free} bytes is under the floor of {} bytes",
            state.min_free_bytes
        ));
    }
    let replaced = std::fs::metadata(path).map_or(0, |m| m.len());
    write_durably(path, data).map_err(|e| e.to_string())?;
    Ok(replaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::{AutoCommit, ROOT, transaction::Transactable as _};

    #[test]
    fn reads_a_snapshots_heads_from_its_header() {
        let mut a = AutoCommit::new();
        a.put(ROOT, "x", 1).unwrap();
        a.commit();
        let mut b = a.fork();
        a.put(ROOT, "y", 2).unwrap();
        b.put(ROOT, "z", 3).unwrap();
        a.merge(&mut b).unwrap();
        let saved = a.save();
        let mut expected = a.get_heads();
        expected.sort();
        let mut heads = header_heads(&saved).unwrap();
        heads.sort();
        assert_eq!(heads.len(), 2);
        assert_eq!(heads, expected);
        assert!(header_heads(&saved[..20]).is_none());
        assert!(header_heads(b"nope").is_none());
    }
}
