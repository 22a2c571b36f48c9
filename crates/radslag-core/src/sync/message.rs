//! The automerge-repo network protocol's messages (protocol version "1"),
//! CBOR-encoded as maps with camelCase text keys, exactly as
//! `@automerge/automerge-repo` writes them with cbor-x.
//!
//! Decoding is strict about what matters (a definite-length map, a known
//! `type`, every required field of the right kind, nothing after the map) and
//! lenient about the rest (unknown keys are skipped, counts may be floats,
//! `storageId` may be `undefined`), so that a relay can reject a malformed
//! frame before it reaches anything else.

use super::DocumentId;
use minicbor::{Decoder, Encoder, data::Type};

/// The protocol version we speak.
pub const PROTOCOL_VERSION: &str = "1";

/// Sent in `join` and `peer`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerMetadata {
    /// The id of the sender's storage, when it keeps documents.
    pub storage_id: Option<String>,
    /// True when the sender will not come back with the same storage.
    pub is_ephemeral: bool,
}

/// One storage's heads in `remote-heads-changed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteHeads {
    pub storage_id: String,
    pub heads: Vec<String>,
    pub timestamp: u64,
}

/// One message of the automerge-repo network protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The connecting side's hello.
    Join {
        sender_id: String,
        supported_protocol_versions: Vec<String>,
        peer_metadata: Option<PeerMetadata>,
    },
    /// The accepting side's answer to `join`.
    Peer {
        sender_id: String,
        target_id: String,
        selected_protocol_version: String,
        peer_metadata: Option<PeerMetadata>,
    },
    /// The sender is about to disconnect.
    Leave { sender_id: String },
    /// A sync message from a peer that does not have the document yet.
    Request {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    /// An Automerge sync message about a document.
    Sync {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    /// The sender does not have the document (and found no one who has).
    DocUnavailable {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
    },
    /// A message that is relayed but not stored (presence, cursors).
    Ephemeral {
        sender_id: String,
        target_id: String,
        count: u64,
        session_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    /// The sender found a protocol error and will close the connection.
    Error { message: String },
    /// Which storages' heads the sender wants to hear about.
    RemoteSubscriptionChange {
        sender_id: String,
        target_id: String,
        add: Vec<String>,
        remove: Vec<String>,
    },
    /// Another storage's heads for a document changed.
    RemoteHeadsChanged {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        new_heads: Vec<RemoteHeads>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("malformed CBOR: {0}")]
    Cbor(String),
    #[error("a message must be a CBOR map of definite length")]
    NotAMap,
    #[error("the message has no type")]
    MissingType,
    #[error("unknown message type {0:?}")]
    UnknownType(String),
    #[error("the {0} message lacks {1}")]
    MissingField(&'static str, &'static str),
    #[error("bad document id: {0}")]
    BadDocumentId(String),
    #[error("{0} bytes after the message")]
    TrailingBytes(usize),
}

impl From<minicbor::decode::Error> for DecodeError {
    fn from(e: minicbor::decode::Error) -> Self {
        DecodeError::Cbor(e.to_string())
    }
}

impl Message {
    /// The message's `type` on the wire.
    pub fn kind(&self) -> &'static str {
        match self {
            Message::Join { .. } => "join",
            Message::Peer { .. } => "peer",
            Message::Leave { .. } => "leave",
            Message::Request { .. } => "request",
            Message::Sync { .. } => "sync",
            Message::DocUnavailable { .. } => "doc-unavailable",
            Message::Ephemeral { .. } => "ephemeral",
            Message::Error { .. } => "error",
            Message::RemoteSubscriptionChange { .. } => "remote-subscription-change",
            Message::RemoteHeadsChanged { .. } => "remote-heads-changed",
        }
    }

    /// The document the message is about, if any.
    pub fn document_id(&self) -> Option<&DocumentId> {
        match self {
            Message::Request { document_id, .. }
            | Message::Sync { document_id, .. }
            | Message::DocUnavailable { document_id, .. }
            | Message::Ephemeral { document_id, .. }
            | Message::RemoteHeadsChanged { document_id, .. } => Some(document_id),
            _ => None,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut e = Encoder::new(Vec::new());
        // Writing to a Vec cannot fail.
        self.encode_to(&mut e).expect("encoding to memory");
        e.into_writer()
    }

    fn encode_to(
        &self,
        e: &mut Encoder<Vec<u8>>,
    ) -> Result<(), minicbor::encode::Error<core::convert::Infallible>> {
        match self {
            Message::Join {
                sender_id,
                supported_protocol_versions,
                peer_metadata,
            } => {
                e.map(3 + u64::from(peer_metadata.is_some()))?;
                e.str("type")?.str("join")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("supportedProtocolVersions")?
                    .array(supported_protocol_versions.len() as u64)?;
                for v in supported_protocol_versions {
                    e.str(v)?;
                }
                if let Some(m) = peer_metadata {
                    e.str("peerMetadata")?;
                    encode_metadata(e, m)?;
                }
            }
            Message::Peer {
                sender_id,
                target_id,
                selected_protocol_version,
                peer_metadata,
            } => {
                e.map(4 + u64::from(peer_metadata.is_some()))?;
                e.str("type")?.str("peer")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("selectedProtocolVersion")?
                    .str(selected_protocol_version)?;
                if let Some(m) = peer_metadata {
                    e.str("peerMetadata")?;
                    encode_metadata(e, m)?;
                }
            }
            Message::Leave { sender_id } => {
                e.map(2)?;
                e.str("type")?.str("leave")?;
                e.str("senderId")?.str(sender_id)?;
            }
            Message::Request {
                sender_id,
                target_id,
                document_id,
                data,
            }
            | Message::Sync {
                sender_id,
                target_id,
                document_id,
                data,
            } => {
                e.map(5)?;
                e.str("type")?.str(self.kind())?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("documentId")?.str(&document_id.to_string())?;
                e.str("data")?.bytes(data)?;
            }
            Message::DocUnavailable {
                sender_id,
                target_id,
                document_id,
            } => {
                e.map(4)?;
                e.str("type")?.str("doc-unavailable")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("documentId")?.str(&document_id.to_string())?;
            }
            Message::Ephemeral {
                sender_id,
                target_id,
                count,
                session_id,
                document_id,
                data,
            } => {
                e.map(7)?;
                e.str("type")?.str("ephemeral")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("count")?.u64(*count)?;
                e.str("sessionId")?.str(session_id)?;
                e.str("documentId")?.str(&document_id.to_string())?;
                e.str("data")?.bytes(data)?;
            }
            Message::Error { message } => {
                e.map(2)?;
                e.str("type")?.str("error")?;
                e.str("message")?.str(message)?;
            }
            Message::RemoteSubscriptionChange {
                sender_id,
                target_id,
                add,
                remove,
            } => {
                e.map(5)?;
                e.str("type")?.str("remote-subscription-change")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("add")?.array(add.len() as u64)?;
                for s in add {
                    e.str(s)?;
                }
                e.str("remove")?.array(remove.len() as u64)?;
                for s in remove {
                    e.str(s)?;
                }
            }
            Message::RemoteHeadsChanged {
                sender_id,
                target_id,
                document_id,
                new_heads,
            } => {
                e.map(5)?;
                e.str("type")?.str("remote-heads-changed")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("documentId")?.str(&document_id.to_string())?;
                e.str("newHeads")?.map(new_heads.len() as u64)?;
                for h in new_heads {
                    e.str(&h.storage_id)?.map(2)?;
                    e.str("heads")?.array(h.heads.len() as u64)?;
                    for head in &h.heads {
                        e.str(head)?;
                    }
                    e.str("timestamp")?.u64(h.timestamp)?;
                }
            }
        }
        Ok(())
    }

    /// Decodes one frame.
    pub fn decode(frame: &[u8]) -> Result<Message, DecodeError> {
        let mut d = Decoder::new(frame);
        let fields = Fields::read(&mut d)?;
        if d.position() != frame.len() {
            return Err(DecodeError::TrailingBytes(frame.len() - d.position()));
        }
        fields.into_message()
    }
}

fn encode_metadata(
    e: &mut Encoder<Vec<u8>>,
    m: &PeerMetadata,
) -> Result<(), minicbor::encode::Error<core::convert::Infallible>> {
    e.map(1 + u64::from(m.storage_id.is_some()))?;
    if let Some(id) = &m.storage_id {
        e.str("storageId")?.str(id)?;
    }
    e.str("isEphemeral")?.bool(m.is_ephemeral)?;
    Ok(())
}

#[derive(Default)]
struct Fields {
    kind: Option<String>,
    sender_id: Option<String>,
    target_id: Option<String>,
    document_id: Option<Result<DocumentId, String>>,
    data: Option<Vec<u8>>,
    count: Option<u64>,
    session_id: Option<String>,
    message: Option<String>,
    selected_protocol_version: Option<String>,
    supported_protocol_versions: Option<Vec<String>>,
    peer_metadata: Option<PeerMetadata>,
    add: Option<Vec<String>>,
    remove: Option<Vec<String>>,
    new_heads: Option<Vec<RemoteHeads>>,
}

impl Fields {
    fn read(d: &mut Decoder<'_>) -> Result<Fields, DecodeError> {
        if d.datatype()? != Type::Map {
            return Err(DecodeError::NotAMap);
        }
        let len = d.map()?.ok_or(DecodeError::NotAMap)?;
        let mut f = Fields::default();
        for _ in 0..len {
            if d.datatype()? != Type::String {
                // Non-text keys are not ours: skip key and value.
                d.skip()?;
                d.skip()?;
                continue;
            }
            let key = d.str()?;
            match key {
                "type" => f.kind = Some(d.str()?.to_owned()),
                "senderId" => f.sender_id = Some(d.str()?.to_owned()),
                "targetId" => f.target_id = Some(d.str()?.to_owned()),
                "sessionId" => f.session_id = Some(d.str()?.to_owned()),
                "message" => f.message = Some(d.str()?.to_owned()),
                "selectedProtocolVersion" => {
                    f.selected_protocol_version = Some(d.str()?.to_owned())
                }
                "documentId" => {
                    f.document_id = Some(match d.datatype()? {
                        Type::Bytes => {
                            let b = d.bytes()?;
                            <[u8; 16]>::try_from(b)
                                .map(DocumentId::from_bytes)
                                .map_err(|_| format!("{} bytes", b.len()))
                        }
                        _ => {
                            let s = d.str()?;
                            DocumentId::parse(s).map_err(|_| s.to_owned())
                        }
                    })
                }
                "data" => f.data = Some(d.bytes()?.to_vec()),
                "count" => f.count = Some(read_uint(d)?),
                "supportedProtocolVersions" => f.supported_protocol_versions = Some(strings(d)?),
                "peerMetadata" | "metadata" => f.peer_metadata = Some(read_metadata(d)?),
                "add" => f.add = optional_strings(d)?,
                "remove" => f.remove = optional_strings(d)?,
                "newHeads" => f.new_heads = Some(read_new_heads(d)?),
                _ => d.skip()?,
            }
        }
        Ok(f)
    }

    fn into_message(self) -> Result<Message, DecodeError> {
        let kind = self.kind.ok_or(DecodeError::MissingType)?;
        let kind: &'static str = match kind.as_str() {
            "join" => "join",
            "peer" => "peer",
            "leave" => "leave",
            "request" => "request",
            "sync" => "sync",
            "doc-unavailable" => "doc-unavailable",
            "ephemeral" => "ephemeral",
            "error" => "error",
            "remote-subscription-change" => "remote-subscription-change",
            "remote-heads-changed" => "remote-heads-changed",
            _ => return Err(DecodeError::UnknownType(kind)),
        };
        let missing = |field| DecodeError::MissingField(kind, field);
        let sender_id = || self.sender_id.clone().ok_or(missing("senderId"));
        let target_id = || self.target_id.clone().ok_or(missing("targetId"));
        let document_id = || match &self.document_id {
            None => Err(missing("documentId")),
            Some(Ok(id)) => Ok(*id),
            Some(Err(s)) => Err(DecodeError::BadDocumentId(s.clone())),
        };
        let data = || self.data.clone().ok_or(missing("data"));
        Ok(match kind {
            "join" => Message::Join {
                sender_id: sender_id()?,
                supported_protocol_versions: self
                    .supported_protocol_versions
                    .clone()
                    .ok_or(missing("supportedProtocolVersions"))?,
                peer_metadata: self.peer_metadata.clone(),
            },
            "peer" => Message::Peer {
                sender_id: sender_id()?,
                target_id: target_id()?,
                selected_protocol_version: self
                    .selected_protocol_version
                    .clone()
                    .ok_or(missing("selectedProtocolVersion"))?,
                peer_metadata: self.peer_metadata.clone(),
            },
            "leave" => Message::Leave {
                sender_id: sender_id()?,
            },
            "request" => Message::Request {
                sender_id: sender_id()?,
                target_id: target_id()?,
                document_id: document_id()?,
                data: data()?,
            },
            "sync" => Message::Sync {
                sender_id: sender_id()?,
                target_id: target_id()?,
                document_id: document_id()?,
                data: data()?,
            },
            "doc-unavailable" => Message::DocUnavailable {
                sender_id: sender_id()?,
                target_id: target_id()?,
                document_id: document_id()?,
            },
            "ephemeral" => Message::Ephemeral {
                sender_id: sender_id()?,
                target_id: target_id()?,
                count: self.count.ok_or(missing("count"))?,
                session_id: self.session_id.clone().ok_or(missing("sessionId"))?,
                document_id: document_id()?,
                data: data()?,
            },
            "error" => Message::Error {
                message: self.message.clone().ok_or(missing("message"))?,
            },
            "remote-subscription-change" => Message::RemoteSubscriptionChange {
                sender_id: sender_id()?,
                target_id: target_id()?,
                add: self.add.clone().unwrap_or_default(),
                remove: self.remove.clone().unwrap_or_default(),
            },
            _ => Message::RemoteHeadsChanged {
                sender_id: sender_id()?,
                target_id: target_id()?,
                document_id: document_id()?,
                new_heads: self.new_heads.clone().ok_or(missing("newHeads"))?,
            },
        })
    }
}

/// cbor-x writes integral numbers as integers, but a JS number may also come
/// as a float.
fn read_uint(d: &mut Decoder<'_>) -> Result<u64, DecodeError> {
    match d.datatype()? {
        Type::F16 | Type::F32 | Type::F64 => {
            let f = d.f64()?;
            if f.is_finite() && f >= 0.0 {
                Ok(f as u64)
            } else {
                Err(DecodeError::Cbor(format!("not a count: {f}")))
            }
        }
        _ => Ok(d.u64()?),
    }
}

fn strings(d: &mut Decoder<'_>) -> Result<Vec<String>, DecodeError> {
    let len = d
        .array()?
        .ok_or_else(|| DecodeError::Cbor("indefinite array".into()))?;
    let mut out = Vec::new();
    for _ in 0..len {
        out.push(d.str()?.to_owned());
    }
    Ok(out)
}

fn optional_strings(d: &mut Decoder<'_>) -> Result<Option<Vec<String>>, DecodeError> {
    match d.datatype()? {
        Type::Array => strings(d).map(Some),
        _ => {
            d.skip()?;
            Ok(None)
        }
    }
}

fn read_metadata(d: &mut Decoder<'_>) -> Result<PeerMetadata, DecodeError> {
    let mut m = PeerMetadata::default();
    let len = d
        .map()?
        .ok_or_else(|| DecodeError::Cbor("indefinite map".into()))?;
    for _ in 0..len {
        match d.str()? {
            "storageId" if d.datatype()? == Type::String => {
                m.storage_id = Some(d.str()?.to_owned())
            }
            "isEphemeral" if d.datatype()? == Type::Bool => m.is_ephemeral = d.bool()?,
            _ => d.skip()?,
        }
    }
    Ok(m)
}

fn read_new_heads(d: &mut Decoder<'_>) -> Result<Vec<RemoteHeads>, DecodeError> {
    let len = d
        .map()?
        .ok_or_else(|| DecodeError::Cbor("indefinite map".into()))?;
    let mut out = Vec::new();
    for _ in 0..len {
        let storage_id = d.str()?.to_owned();
        let mut heads = Vec::new();
        let mut timestamp = 0;
        let n = d
            .map()?
            .ok_or_else(|| DecodeError::Cbor("indefinite map".into()))?;
        for _ in 0..n {
            match d.str()? {
                "heads" => heads = strings(d)?,
                "timestamp" => timestamp = read_uint(d)?,
                _ => d.skip()?,
            }
        }
        out.push(RemoteHeads {
            storage_id,
            heads,
            timestamp,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_messages() -> Vec<Message> {
        let doc = DocumentId::random();
        let s = |x: &str| x.to_owned();
        vec![
            Message::Join {
                sender_id: s("a"),
                supported_protocol_versions: vec![s("1")],
                peer_metadata: Some(PeerMetadata {
                    storage_id: Some(s("st")),
                    is_ephemeral: false,
                }),
            },
            Message::Join {
                sender_id: s("a"),
                supported_protocol_versions: vec![s("1")],
                peer_metadata: None,
            },
            Message::Peer {
                sender_id: s("b"),
                target_id: s("a"),
                selected_protocol_version: s("1"),
                peer_metadata: Some(PeerMetadata {
                    storage_id: None,
                    is_ephemeral: true,
                }),
            },
            Message::Leave { sender_id: s("a") },
            Message::Request {
                sender_id: s("a"),
                target_id: s("b"),
                document_id: doc,
                data: vec![1, 2, 3],
            },
            Message::Sync {
                sender_id: s("a"),
                target_id: s("b"),
                document_id: doc,
                data: vec![0x42],
            },
            Message::DocUnavailable {
                sender_id: s("b"),
                target_id: s("a"),
                document_id: doc,
            },
            Message::Ephemeral {
                sender_id: s("a"),
                target_id: s("b"),
                count: 7,
                session_id: s("sess"),
                document_id: doc,
                data: vec![9],
            },
            Message::Error { message: s("nope") },
            Message::RemoteSubscriptionChange {
                sender_id: s("a"),
                target_id: s("b"),
                add: vec![s("x")],
                remove: vec![],
            },
            Message::RemoteHeadsChanged {
                sender_id: s("a"),
                target_id: s("b"),
                document_id: doc,
                new_heads: vec![RemoteHeads {
                    storage_id: s("x"),
                    heads: vec![s("h")],
                    timestamp: 12,
                }],
            },
        ]
    }

    #[test]
    fn every_message_round_trips() {
        for m in all_messages() {
            let bytes = m.encode();
            assert_eq!(Message::decode(&bytes).unwrap(), m, "{}", m.kind());
        }
    }

    #[test]
    fn reads_what_the_js_library_writes() {
        // A join as cbor-x writes it: storageId undefined, an extra key,
        // documentId-less.
        let mut e = Encoder::new(Vec::new());
        e.map(5).unwrap();
        e.str("type").unwrap().str("join").unwrap();
        e.str("senderId").unwrap().str("peer-1").unwrap();
        e.str("peerMetadata").unwrap().map(2).unwrap();
        e.str("storageId").unwrap().undefined().unwrap();
        e.str("isEphemeral").unwrap().bool(true).unwrap();
        e.str("supportedProtocolVersions")
            .unwrap()
            .array(1)
            .unwrap();
        e.str("1").unwrap();
        e.str("extra").unwrap().array(2).unwrap();
        e.u8(1).unwrap().f64(2.5).unwrap();
        let m = Message::decode(&e.into_writer()).unwrap();
        assert_eq!(
            m,
            Message::Join {
                sender_id: "peer-1".into(),
                supported_protocol_versions: vec!["1".into()],
                peer_metadata: Some(PeerMetadata {
                    storage_id: None,
                    is_ephemeral: true
                }),
            }
        );

        // An ephemeral count written as a float.
        let doc = DocumentId::random();
        let mut e = Encoder::new(Vec::new());
        e.map(7).unwrap();
        e.str("type").unwrap().str("ephemeral").unwrap();
        e.str("senderId").unwrap().str("a").unwrap();
        e.str("targetId").unwrap().str("b").unwrap();
        e.str("count").unwrap().f64(3.0).unwrap();
        e.str("sessionId").unwrap().str("s").unwrap();
        e.str("documentId").unwrap().str(&doc.to_string()).unwrap();
        e.str("data").unwrap().bytes(&[1]).unwrap();
        let Message::Ephemeral { count, .. } = Message::decode(&e.into_writer()).unwrap() else {
            panic!()
        };
        assert_eq!(count, 3);
    }

    #[test]
    fn rejects_malformed_frames() {
        let sync = all_messages()[5].encode();
        for (frame, why) in [
            (vec![], "empty"),
            (vec![0xff], "break"),
            (vec![0x82, 1, 2], "array"),
            (vec![0xa1, 0x64, b't', b'y', b'p', b'e'], "truncated"),
            (sync[..sync.len() - 1].to_vec(), "cut short"),
            ([sync.as_slice(), &[0]].concat(), "trailing"),
        ] {
            assert!(Message::decode(&frame).is_err(), "{why}");
        }
        let mut e = Encoder::new(Vec::new());
        e.map(1).unwrap().str("type").unwrap().str("hello").unwrap();
        assert_eq!(
            Message::decode(&e.into_writer()),
            Err(DecodeError::UnknownType("hello".into()))
        );
        let mut e = Encoder::new(Vec::new());
        e.map(2).unwrap().str("type").unwrap().str("sync").unwrap();
        e.str("senderId").unwrap().str("a").unwrap();
        assert!(matches!(
            Message::decode(&e.into_writer()),
            Err(DecodeError::MissingField("sync", _))
        ));
        let mut e = Encoder::new(Vec::new());
        e.map(5).unwrap().str("type").unwrap().str("sync").unwrap();
        e.str("senderId").unwrap().str("a").unwrap();
        e.str("targetId").unwrap().str("b").unwrap();
        e.str("documentId").unwrap().str("not-an-id").unwrap();
        e.str("data").unwrap().bytes(&[]).unwrap();
        assert!(matches!(
            Message::decode(&e.into_writer()),
            Err(DecodeError::BadDocumentId(_))
        ));
    }
}
