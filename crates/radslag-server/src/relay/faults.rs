//! Fault injection for tests: `--faults-file` (hidden) names a file whose
//! lines turn faults on while they are there:
//! - `fail-writes`: every write of the store fails;
//! - `panic-on-load <docId>`: reading the stored document panics;
//! - `panic-on-message <docId>`: checking a frame naming it panics;
//! - `panic-in-document <docId>`: the document's samod repository panics
//!   after applying a sync message (as Automerge on a hostile change).
//!
//! Without the flag nothing is read.

use std::path::PathBuf;

#[derive(Clone, Default)]
pub struct Faults {
    file: Option<PathBuf>,
}

impl Faults {
    pub fn new(file: Option<PathBuf>) -> Self {
        Faults { file }
    }

    pub fn enabled(&self) -> bool {
        self.file.is_some()
    }

    fn lines(&self) -> Vec<String> {
        self.file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .map(|s| s.lines().map(|l| l.trim().to_owned()).collect())
            .unwrap_or_default()
    }

    pub fn has(&self, fault: &str) -> bool {
        self.enabled() && self.lines().iter().any(|l| l == fault)
    }
}

/// Watches a document's repository from inside: samod reports each sync
/// message its document's actor has applied, on the actor's task.
pub struct PanicInDocument(pub Faults);

impl samod::RepoObserver for PanicInDocument {
    fn observe(&self, event: &samod::RepoEvent) {
        if let samod::RepoEvent::SyncMessageReceived { document_id, .. } = event
            && self.0.has(&format!("panic-in-document {document_id}"))
        {
            panic!("injected fault: panic in a document's repository");
        }
    }
}
