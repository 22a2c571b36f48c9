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

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
};

use automerge::{Automerge, ChangeHash, LoadOptions, VerificationMode};
use samod::storage::{Storage, StorageKey};
use tokio::sync::watch;

#[derive(Clone)]
pub struct DurableStorage {
    dir: PathBuf,
    durability: Arc<Durability>,
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

    fn begin(&self, doc: &str) -> u64 {
        let seq = self.seq.fetch_add(1, Ordering::SeqCst);
        self.docs
            .lock()
            .unwrap()
            .entry(doc.to_owned())
            .or_default()
            .puts
            .insert(seq, None);
        seq
    }

    /// A put finished (`hashes` are the changes it holds; empty when it
    /// failed). Changes count as durable once every earlier put of the same
    /// document finished too: samod writes changes in causal order, so a
    /// durable change's ancestors are durable.
    fn finish(&self, doc: &str, seq: u64, hashes: Vec<ChangeHash>) {
        let mut docs = self.docs.lock().unwrap();
        let d = docs.entry(doc.to_owned()).or_default();
        d.puts.insert(seq, Some(hashes));
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

impl DurableStorage {
    pub fn new(dir: &Path) -> Self {
        DurableStorage {
            dir: dir.to_path_buf(),
            durability: Arc::new(Durability::new()),
        }
    }

    pub fn durability(&self) -> Arc<Durability> {
        self.durability.clone()
    }

    fn path(&self, key: &StorageKey) -> PathBuf {
        let mut path = self.dir.clone();
        for (index, component) in key.into_iter().enumerate() {
            if index == 0 {
                // Splay on the first two characters, as NodeFS does.
                let split = component
                    .char_indices()
                    .nth(2)
                    .map_or(component.len(), |(i, _)| i);
                path.push(&component[..split]);
                path.push(&component[split..]);
            } else {
                path.push(component);
            }
        }
        path
    }
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

fn write_durably(path: &Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let parent = path.parent().expect("keys have a directory");
    std::fs::create_dir_all(parent)?;
    let tmp = parent.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(data)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)?;
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
        async move {
            tokio::task::spawn_blocking(move || {
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
        // Registered now, in the order samod issues puts.
        let doc = (&key).into_iter().next().cloned();
        let seq = doc.as_ref().map(|d| durability.begin(d));
        async move {
            let written = tokio::task::spawn_blocking(move || {
                let result = write_durably(&path, &data);
                if let Err(e) = &result {
                    tracing::error!("cannot store {}: {e}", path.display());
                }
                result.ok().map(|()| classify(&key, &data))
            })
            .await
            .ok()
            .flatten();
            if let (Some(doc), Some(seq)) = (doc, seq) {
                let hashes = written.flatten().map(|(_, h)| h).unwrap_or_default();
                durability.finish(&doc, seq, hashes);
            }
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let path = self.path(&key);
        async move {
            let _ = tokio::task::spawn_blocking(move || std::fs::remove_file(path)).await;
        }
    }
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
