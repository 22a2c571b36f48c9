//! Live sync: the automerge-repo network protocol, sans IO.
//!
//! A workspace is one Automerge document with an automerge-repo id
//! ([`DocumentId`], `automerge:…` URLs). The browser connects to a relay (or
//! any automerge-repo sync server) over a WebSocket and drives a
//! [`SyncClient`]: it sends what the client returns and feeds it every binary
//! frame that arrives. See `docs/sync.md`.

mod client;
mod document_id;
pub mod ephemeral;
pub mod message;

pub use client::{Both, Event, Joining, NoDocs, Received, SyncClient, SyncDocs, SyncError};
pub use document_id::{BadDocumentId, DocumentId};
pub use message::{Message, PeerMetadata};

#[cfg(test)]
mod tests;
