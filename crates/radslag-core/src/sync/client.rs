//! [`SyncClient`]: one connection to a relay (or any automerge-repo peer that
//! accepts connections), sans IO. The caller owns the socket: it sends what
//! the client returns and feeds it what arrives.

use std::collections::BTreeMap;

use automerge::sync::SyncDoc as _;
use automerge::{AutoCommit, AutomergeError, ChangeHash, sync};

use super::DocumentId;
use super::message::{DecodeError, Message, PROTOCOL_VERSION, PeerMetadata};
use crate::WorkspaceDoc;

/// The documents a client syncs, looked up by id when a message arrives.
pub trait SyncDocs {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit>;
    /// Changes arrived in a document on top of `before`.
    fn arrived(&mut self, _id: &DocumentId, _before: &[ChangeHash]) {}
}

impl SyncDocs for BTreeMap<DocumentId, AutoCommit> {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        self.get_mut(id)
    }
}

impl SyncDocs for std::collections::HashMap<DocumentId, AutoCommit> {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        self.get_mut(id)
    }
}

/// A single raw document.
impl SyncDocs for (DocumentId, &mut AutoCommit) {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        (*id == self.0).then_some(&mut *self.1)
    }
}

/// A single workspace.
impl SyncDocs for (DocumentId, &mut WorkspaceDoc) {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        (*id == self.0).then(|| self.1.automerge_mut())
    }
    /// Keeps the merge contract: what arrived may need normalising, and the
    /// normalising change then goes out with the next sync message.
    fn arrived(&mut self, id: &DocumentId, before: &[ChangeHash]) {
        if *id == self.0 {
            // A failure leaves the document as it arrived: still readable.
            let _ = self.1.changes_arrived(before);
        }
    }
}

/// Workspaces by id: a device's workspaces synced over one connection.
impl SyncDocs for BTreeMap<DocumentId, WorkspaceDoc> {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        self.get_mut(id).map(WorkspaceDoc::automerge_mut)
    }
    fn arrived(&mut self, id: &DocumentId, before: &[ChangeHash]) {
        if let Some(doc) = self.get_mut(id) {
            (*id, doc).arrived(id, before);
        }
    }
}

/// Two sets of documents synced over one connection (the open workspace and
/// the device's others): a document is looked up in the first, then the
/// second.
pub struct Both<'a>(pub &'a mut dyn SyncDocs, pub &'a mut dyn SyncDocs);

impl SyncDocs for Both<'_> {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        match self.0.doc_mut(id) {
            Some(doc) => Some(doc),
            None => self.1.doc_mut(id),
        }
    }
    fn arrived(&mut self, id: &DocumentId, before: &[ChangeHash]) {
        if self.0.doc_mut(id).is_some() {
            self.0.arrived(id, before);
        } else {
            self.1.arrived(id, before);
        }
    }
}

/// No documents: frames that arrive while none is open still count for the
/// handshake and presence.
pub struct NoDocs;

impl SyncDocs for NoDocs {
    fn doc_mut(&mut self, _: &DocumentId) -> Option<&mut AutoCommit> {
        None
    }
}

/// A workspace being fetched by its id (from an invitation): empty until the
/// remote sends it, then [`Joining::workspace`] opens it.
#[derive(Debug, Default)]
pub struct Joining {
    doc: AutoCommit,
}

impl Joining {
    pub fn new() -> Self {
        Self::default()
    }

    /// The workspace, once enough of it has arrived to be one (a document
    /// that is not a workspace stays `None`).
    pub fn workspace(&mut self) -> Option<WorkspaceDoc> {
        if self.doc.get_heads().is_empty() {
            return None;
        }
        WorkspaceDoc::load(&self.doc.save()).ok()
    }
}

impl SyncDocs for (DocumentId, &mut Joining) {
    fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        (*id == self.0).then_some(&mut self.1.doc)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("unreadable message: {0}")]
    Decode(#[from] DecodeError),
    #[error("protocol error: {0}")]
    Protocol(String),
    #[error("unreadable sync message for {0}")]
    BadSyncMessage(DocumentId),
    #[error("the document could not take the changes: {0}")]
    Automerge(#[from] AutomergeError),
}

/// What a received frame meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The handshake finished: the remote peer's id and storage.
    Connected {
        peer_id: String,
        storage_id: Option<String>,
    },
    /// A sync message was applied; `changed` when it brought new changes.
    Synced {
        document_id: DocumentId,
        changed: bool,
    },
    /// The remote does not have the document and found no one who has.
    Unavailable { document_id: DocumentId },
    /// Someone broadcast an ephemeral message (presence) about a document.
    Ephemeral {
        document_id: DocumentId,
        sender_id: String,
        data: Vec<u8>,
    },
    /// The remote reported an error; it closes the connection next.
    RemoteError { message: String },
    /// The remote said it is leaving.
    Left { peer_id: String },
    /// A message this client has nothing to do with.
    Ignored { kind: &'static str },
}

/// The result of [`SyncClient::receive`]: frames to send and what happened.
#[derive(Debug, Default)]
pub struct Received {
    pub send: Vec<Vec<u8>>,
    pub events: Vec<Event>,
}

#[derive(Debug)]
struct DocSync {
    state: sync::State,
}

/// One connection's protocol state, from the connecting side.
#[derive(Debug)]
pub struct SyncClient {
    peer_id: String,
    metadata: PeerMetadata,
    /// The remote's peer id, once it answered our `join`.
    remote: Option<String>,
    joined: bool,
    docs: BTreeMap<DocumentId, DocSync>,
    session_id: String,
    ephemeral_count: u64,
}

impl SyncClient {
    /// A client for an ephemeral peer (no storage of its own to announce).
    pub fn new(peer_id: impl Into<String>) -> Self {
        SyncClient {
            peer_id: peer_id.into(),
            metadata: PeerMetadata {
                storage_id: None,
                is_ephemeral: true,
            },
            remote: None,
            joined: false,
            docs: BTreeMap::new(),
            session_id: uuid::Uuid::new_v4().simple().to_string(),
            ephemeral_count: 0,
        }
    }

    /// Announces a storage that keeps the documents across sessions.
    pub fn with_storage_id(mut self, storage_id: impl Into<String>) -> Self {
        self.metadata = PeerMetadata {
            storage_id: Some(storage_id.into()),
            is_ephemeral: false,
        };
        self
    }

    pub fn peer_id(&self) -> &str {
        &self.peer_id
    }

    /// The remote's peer id once the handshake is done.
    pub fn remote_peer(&self) -> Option<&str> {
        self.remote.as_deref()
    }

    pub fn is_connected(&self) -> bool {
        self.remote.is_some()
    }

    /// The socket opened: the frames to send first (our `join`).
    pub fn connected(&mut self) -> Vec<Vec<u8>> {
        self.remote = None;
        self.joined = true;
        vec![
            Message::Join {
                sender_id: self.peer_id.clone(),
                supported_protocol_versions: vec![PROTOCOL_VERSION.to_owned()],
                peer_metadata: Some(self.metadata.clone()),
            }
            .encode(),
        ]
    }

    /// The socket closed. Each document keeps what both sides were known to
    /// share, so the next connection resumes from there.
    pub fn disconnected(&mut self) {
        self.remote = None;
        self.joined = false;
        for doc in self.docs.values_mut() {
            doc.state = reset(&doc.state);
        }
    }

    /// The frame announcing that we leave (send it before closing).
    pub fn leave(&self) -> Vec<u8> {
        Message::Leave {
            sender_id: self.peer_id.clone(),
        }
        .encode()
    }

    /// Starts syncing a document, from a sync state saved by
    /// [`Self::sync_state`] if there is one. Returns the frames to send (none
    /// before the handshake; they go then).
    pub fn add_document(
        &mut self,
        id: DocumentId,
        saved_state: Option<&[u8]>,
        docs: &mut impl SyncDocs,
    ) -> Vec<Vec<u8>> {
        let state = saved_state
            .and_then(|b| sync::State::decode(b).ok())
            .unwrap_or_default();
        self.docs.insert(id, DocSync { state });
        self.generate(&id, docs).into_iter().collect()
    }

    /// Stops syncing a document.
    pub fn remove_document(&mut self, id: &DocumentId) {
        self.docs.remove(id);
    }

    pub fn documents(&self) -> impl Iterator<Item = &DocumentId> {
        self.docs.keys()
    }

    /// What to keep between sessions so that sync resumes where it left off.
    pub fn sync_state(&self, id: &DocumentId) -> Option<Vec<u8>> {
        self.docs.get(id).map(|d| d.state.encode())
    }

    /// The document changed locally: the frames that carry the change.
    pub fn local_change(&mut self, id: &DocumentId, docs: &mut impl SyncDocs) -> Vec<Vec<u8>> {
        self.generate(id, docs).into_iter().collect()
    }

    /// True when the remote has acknowledged every change we have: its last
    /// heads are known here and nothing here is missing from them.
    pub fn is_synced(&self, id: &DocumentId, docs: &mut impl SyncDocs) -> bool {
        let (Some(d), Some(doc)) = (self.docs.get(id), docs.doc_mut(id)) else {
            return false;
        };
        remote_has_all(&d.state, doc)
    }

    /// The heads the remote last told us it has.
    pub fn remote_heads(&self, id: &DocumentId) -> Option<Vec<ChangeHash>> {
        self.docs.get(id)?.state.their_heads.clone()
    }

    /// An ephemeral message (presence) to everyone syncing the document;
    /// `data` is usually [`super::ephemeral::encode`]d.
    pub fn broadcast(&mut self, id: &DocumentId, data: Vec<u8>) -> Option<Vec<u8>> {
        let target = self.remote.clone()?;
        self.ephemeral_count += 1;
        Some(
            Message::Ephemeral {
                sender_id: self.peer_id.clone(),
                target_id: target,
                count: self.ephemeral_count,
                session_id: self.session_id.clone(),
                document_id: *id,
                data,
            }
            .encode(),
        )
    }

    /// Handles one received frame. An error means the connection is broken
    /// beyond repair: close it (and reconnect later).
    pub fn receive(
        &mut self,
        frame: &[u8],
        docs: &mut impl SyncDocs,
    ) -> Result<Received, SyncError> {
        let message = Message::decode(frame)?;
        let mut out = Received::default();
        match message {
            Message::Peer {
                sender_id,
                selected_protocol_version,
                peer_metadata,
                ..
            } => {
                if !self.joined {
                    return Err(SyncError::Protocol("peer before join".into()));
                }
                if selected_protocol_version != PROTOCOL_VERSION {
                    return Err(SyncError::Protocol(format!(
                        "the remote chose protocol version {selected_protocol_version:?}"
                    )));
                }
                self.remote = Some(sender_id.clone());
                out.events.push(Event::Connected {
                    peer_id: sender_id,
                    storage_id: peer_metadata.and_then(|m| m.storage_id),
                });
                let ids: Vec<DocumentId> = self.docs.keys().copied().collect();
                for id in ids {
                    out.send.extend(self.generate(&id, docs));
                }
            }
            Message::Sync {
                sender_id,
                document_id,
                data,
                ..
            }
            | Message::Request {
                sender_id,
                document_id,
                data,
                ..
            } => {
                let remote = self.remote.clone().ok_or_else(|| {
                    SyncError::Protocol("sync message before the handshake".into())
                })?;
                let (Some(d), Some(doc)) =
                    (self.docs.get_mut(&document_id), docs.doc_mut(&document_id))
                else {
                    // Not a document we sync: say so, as automerge-repo does.
                    out.send.push(
                        Message::DocUnavailable {
                            sender_id: self.peer_id.clone(),
                            target_id: sender_id,
                            document_id,
                        }
                        .encode(),
                    );
                    return Ok(out);
                };
                let _ = remote;
                let message = sync::Message::decode(&data)
                    .map_err(|_| SyncError::BadSyncMessage(document_id))?;
                let before = doc.get_heads();
                doc.sync().receive_sync_message(&mut d.state, message)?;
                let changed = doc.get_heads() != before;
                if changed {
                    docs.arrived(&document_id, &before);
                }
                out.events.push(Event::Synced {
                    document_id,
                    changed,
                });
                out.send.extend(self.generate(&document_id, docs));
            }
            Message::DocUnavailable { document_id, .. } => {
                out.events.push(Event::Unavailable { document_id });
            }
            Message::Ephemeral {
                sender_id,
                document_id,
                data,
                ..
            } => out.events.push(Event::Ephemeral {
                document_id,
                sender_id,
                data,
            }),
            Message::Error { message } => out.events.push(Event::RemoteError { message }),
            Message::Leave { sender_id } => out.events.push(Event::Left { peer_id: sender_id }),
            other => out.events.push(Event::Ignored { kind: other.kind() }),
        }
        Ok(out)
    }

    /// The next sync frame for a document, if the protocol wants one now.
    fn generate(&mut self, id: &DocumentId, docs: &mut impl SyncDocs) -> Option<Vec<u8>> {
        let remote = self.remote.clone()?;
        let d = self.docs.get_mut(id)?;
        let doc = docs.doc_mut(id)?;
        let message = doc.sync().generate_sync_message(&mut d.state)?;
        let data = message.encode();
        // With nothing of the document yet we ask for it; the remote then
        // looks for it among its own peers before saying it is unavailable.
        Some(if doc.get_heads().is_empty() {
            Message::Request {
                sender_id: self.peer_id.clone(),
                target_id: remote,
                document_id: *id,
                data,
            }
            .encode()
        } else {
            Message::Sync {
                sender_id: self.peer_id.clone(),
                target_id: remote,
                document_id: *id,
                data,
            }
            .encode()
        })
    }
}

/// Keeps what survives a reconnection: the shared heads.
fn reset(state: &sync::State) -> sync::State {
    sync::State::decode(&state.encode()).unwrap_or_default()
}

fn remote_has_all(state: &sync::State, doc: &mut AutoCommit) -> bool {
    let Some(theirs) = &state.their_heads else {
        // The remote has not spoken yet on this connection (and stays quiet
        // when it has nothing new): what both were known to have, kept from
        // the last sync, counts.
        let mut heads = doc.get_heads();
        let mut shared = state.shared_heads.clone();
        crate::order::sort(&mut heads);
        crate::order::sort(&mut shared);
        return heads == shared;
    };
    theirs.iter().all(|h| doc.get_change_by_hash(h).is_some()) && doc.get_changes(theirs).is_empty()
}
