//! The stored form of a workspace in a key-value store of strings (the
//! browser's localStorage): one compacted snapshot plus a log of incremental
//! change chunks, base64-encoded. Appending a chunk is cheap; now and then the
//! log is folded into a new snapshot.
//!
//! Several tabs may share the store: each writes its own chunks, and each
//! absorbs what the others write (they merge, being Automerge changes).

use base64::{Engine, engine::general_purpose::STANDARD};

use crate::doc::{DocError, WorkspaceDoc};

/// Fold the log into a snapshot when it holds this many chunks…
const MAX_CHUNKS: usize = 50;
/// …or when the chunks together exceed this share of the snapshot's size.
const MAX_LOG_SHARE: f64 = 0.5;

pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

pub fn decode(text: &str) -> Result<Vec<u8>, StoredError> {
    STANDARD
        .decode(text.trim())
        .map_err(|_| StoredError::NotBase64)
}

#[derive(Debug, thiserror::Error)]
pub enum StoredError {
    #[error("the stored text is not base64")]
    NotBase64,
    #[error(transparent)]
    Doc(#[from] DocError),
}

/// A workspace read back from its snapshot and change log.
#[derive(Debug)]
pub struct Restored {
    pub doc: WorkspaceDoc,
    /// Indexes of log chunks that could not be applied (kept aside by the caller).
    pub unreadable_chunks: Vec<usize>,
}

/// Reads a snapshot and applies the change log. A bad snapshot is an error;
/// a bad chunk is skipped and reported, so one damaged write costs at most
/// that write.
pub fn restore(snapshot: &str, log: &[String]) -> Result<Restored, StoredError> {
    let mut doc = WorkspaceDoc::load(&decode(snapshot)?)?;
    let mut unreadable_chunks = Vec::new();
    for (index, chunk) in log.iter().enumerate() {
        let applied = decode(chunk)
            .map_err(|_| ())
            .and_then(|bytes| doc.load_incremental(&bytes).map_err(|_| ()));
        if applied.is_err() {
            unreadable_chunks.push(index);
        }
    }
    Ok(Restored {
        doc,
        unreadable_chunks,
    })
}

/// Merges a change chunk another tab stored; true when it brought news.
pub fn absorb_chunk(doc: &mut WorkspaceDoc, chunk: &str) -> Result<bool, StoredError> {
    let before = doc.heads();
    doc.load_incremental(&decode(chunk)?)?;
    Ok(doc.heads() != before)
}

/// What merging a snapshot another tab stored did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Absorbed {
    /// The snapshot brought changes this replica lacked.
    pub changed: bool,
    /// This replica holds changes the snapshot lacks: it must store its own
    /// snapshot, or those changes would live only in its memory.
    pub stored_is_behind: bool,
}

/// Merges a snapshot another tab stored.
pub fn absorb_snapshot(doc: &mut WorkspaceDoc, snapshot: &str) -> Result<Absorbed, StoredError> {
    let mut stored = WorkspaceDoc::load(&decode(snapshot)?)?;
    let before = doc.heads();
    doc.merge(&mut stored)?;
    let after = doc.heads();
    Ok(Absorbed {
        changed: after != before,
        stored_is_behind: after != stored.heads(),
    })
}

/// Whether to write a fresh snapshot instead of appending to the log.
pub fn should_compact(log_chunks: usize, log_bytes: usize, snapshot_bytes: usize) -> bool {
    log_chunks >= MAX_CHUNKS || log_bytes as f64 > snapshot_bytes as f64 * MAX_LOG_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::GroupId;
    use crate::model::{Group, WorkspaceInfo};

    fn group(name: &str) -> Group {
        Group {
            id: GroupId::random(),
            name: name.into(),
            description: String::new(),
        }
    }

    #[test]
    fn snapshot_plus_log_restores_everything() {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo {
            name: "Rådet".into(),
            organisation: String::new(),
        })
        .unwrap();
        let snapshot = encode(&ws.save());
        let mut log = Vec::new();
        for name in ["Trygghetsrådet", "Klara-gruppen"] {
            ws.put(&group(name)).unwrap();
            log.push(encode(&ws.save_incremental()));
        }
        let restored = restore(&snapshot, &log).unwrap();
        assert!(restored.unreadable_chunks.is_empty());
        let mut names: Vec<String> = restored
            .doc
            .list::<Group>()
            .into_iter()
            .map(|g| g.name)
            .collect();
        names.sort();
        assert_eq!(names, ["Klara-gruppen", "Trygghetsrådet"]);
    }

    #[test]
    fn a_damaged_chunk_is_skipped_and_reported() {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let snapshot = encode(&ws.save());
        ws.put(&group("Klara-gruppen")).unwrap();
        // Automerge itself ignores bytes that hold no change, so only text
        // that is not base64 at all is reported.
        let log = vec![
            "###".to_owned(),
            encode(b"not a change"),
            encode(&ws.save_incremental()),
        ];
        let restored = restore(&snapshot, &log).unwrap();
        assert_eq!(restored.unreadable_chunks, [0]);
        assert_eq!(restored.doc.list::<Group>().len(), 1);
    }

    #[test]
    fn a_damaged_snapshot_is_an_error() {
        assert!(matches!(restore("%%%", &[]), Err(StoredError::NotBase64)));
        assert!(matches!(
            restore(&encode(b"garbage"), &[]),
            Err(StoredError::Doc(_))
        ));
    }

    #[test]
    fn tabs_absorb_each_others_chunks_and_snapshots() {
        let mut first_tab = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let snapshot = encode(&first_tab.save());
        let mut second_tab = restore(&snapshot, &[]).unwrap().doc;

        first_tab.put(&group("Trygghetsrådet")).unwrap();
        let chunk = encode(&first_tab.save_incremental());
        assert!(absorb_chunk(&mut second_tab, &chunk).unwrap());
        assert!(
            !absorb_chunk(&mut second_tab, &chunk).unwrap(),
            "a chunk applies once"
        );

        // The second tab edits too, then the first stores a snapshot without that edit.
        second_tab.put(&group("Klara-gruppen")).unwrap();
        let first_snapshot = encode(&first_tab.save());
        let absorbed = absorb_snapshot(&mut second_tab, &first_snapshot).unwrap();
        assert_eq!(
            absorbed,
            Absorbed {
                changed: false,
                stored_is_behind: true
            }
        );

        let second_snapshot = encode(&second_tab.save());
        let absorbed = absorb_snapshot(&mut first_tab, &second_snapshot).unwrap();
        assert_eq!(
            absorbed,
            Absorbed {
                changed: true,
                stored_is_behind: false
            }
        );
        assert_eq!(first_tab.list::<Group>().len(), 2);
    }

    #[test]
    fn the_log_is_folded_when_long_or_large() {
        assert!(!should_compact(3, 100, 10_000));
        assert!(should_compact(50, 100, 10_000));
        assert!(should_compact(3, 6_000, 10_000));
    }
}
