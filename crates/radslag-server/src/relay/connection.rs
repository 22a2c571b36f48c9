//! One WebSocket connection to the relay: limits and validation on the way
//! in, durability on the way out.
//!
//! Frames from the client are checked (size, rate, CBOR shape, number of
//! documents, new documents, bytes stored, inflated size of the changes)
//! before samod sees them; a violation sends the client an automerge-repo
//! `error` message and a close frame with the reason, and ends this
//! connection only. A panic while checking a frame closes this connection
//! (1011) and is logged; so does a panic inside the repository of a document
//! it syncs (see [`super::runtime`]). Frames from samod that carry a sync message wait
//! until the changes named by its heads are on disk, so that what a client
//! sees acknowledged survives a crash of the relay; if they are not stored in
//! time the connection is closed (1013) instead of acknowledging them. The
//! queue towards the client is bounded: a client that does not read is
//! disconnected.

use std::{
    collections::{HashMap, HashSet},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket};
use futures::{SinkExt, StreamExt};
use radslag_core::sync::{DocumentId, Message, PeerMetadata};
use tokio::{
    sync::{mpsc, watch},
    time::Instant,
};

use super::{
    Limits, redact,
    storage::{Durability, StoreState},
};

/// Close codes (RFC 6455).
const NORMAL: u16 = 1000;
const UNSUPPORTED: u16 = 1003;
const INVALID: u16 = 1007;
const POLICY: u16 = 1008;
const TOO_BIG: u16 = 1009;
const INTERNAL: u16 = 1011;
const TRY_AGAIN_LATER: u16 = 1013;

/// Ends a connection: the code and reason of its close frame.
pub(super) type Kill = watch::Sender<Option<(u16, String)>>;

/// Why a connection is closed whose document's repository panicked; the
/// client keeps its changes and gets a new repository when it reconnects.
const DOCUMENT_FAILED: &str = "internal error in this document's sync; reconnect to try again";

pub(super) fn close_after_panic(kill: &Kill) {
    kill.send_replace(Some((INTERNAL, DOCUMENT_FAILED.into())));
}

/// What every connection shares.
pub(super) struct Shared {
    pub relay: super::Relay,
    pub durability: Arc<Durability>,
    pub store: Arc<StoreState>,
}

struct Violation {
    code: u16,
    reason: String,
    /// Also tell the client with an automerge-repo `error` message.
    protocol_error: bool,
}

impl Violation {
    fn new(code: u16, reason: impl Into<String>) -> Self {
        Violation {
            code,
            reason: reason.into(),
            protocol_error: true,
        }
    }

    /// The end a [`Kill`] asked for.
    fn killed((code, reason): (u16, String)) -> Self {
        Violation {
            code,
            reason,
            protocol_error: code != TRY_AGAIN_LATER,
        }
    }
}

struct TokenBucket {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    fn new(per_sec: u32) -> Self {
        let rate = f64::from(per_sec.max(1));
        TokenBucket {
            rate,
            capacity: rate * 2.0,
            tokens: rate * 2.0,
            last: Instant::now(),
        }
    }

    fn take(&mut self) -> bool {
        let now = Instant::now();
        let elapsed = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Checks of the incoming side.
struct Inbound<'a> {
    limits: &'a Limits,
    store: &'a StoreState,
    bucket: TokenBucket,
    docs: HashSet<DocumentId>,
    new_docs: HashSet<DocumentId>,
    peer: Option<String>,
}

impl Inbound<'_> {
    fn check(&mut self, frame: &[u8]) -> Result<Message, Violation> {
        if frame.len() > self.limits.max_message_bytes {
            return Err(Violation::new(
                TOO_BIG,
                format!(
                    "message of {} bytes is over the limit of {} bytes",
                    frame.len(),
                    self.limits.max_message_bytes
                ),
            ));
        }
        if !self.bucket.take() {
            return Err(Violation::new(
                POLICY,
                format!(
                    "rate limit: more than {} messages per second",
                    self.limits.rate_limit_per_sec
                ),
            ));
        }
        let message = Message::decode(frame)
            .map_err(|e| Violation::new(INVALID, format!("malformed message: {e}")))?;
        let mut carries_changes = false;
        match &message {
            Message::Join { sender_id, .. } => self.peer = Some(sender_id.clone()),
            Message::Sync { data, .. } | Message::Request { data, .. } => {
                let sync = automerge::sync::Message::decode(data)
                    .map_err(|_| Violation::new(INVALID, "malformed Automerge sync message"))?;
                carries_changes = !sync.changes.is_empty();
                let mut inflated = 0u64;
                for chunk in sync.changes.iter() {
                    let budget = self.limits.max_inflated_bytes.saturating_sub(inflated);
                    inflated += super::inflate::inflated_size(chunk, budget).map_err(|e| {
                        Violation::new(
                            POLICY,
                            format!(
                                "changes refused: {e} (limit {} bytes inflated)",
                                self.limits.max_inflated_bytes
                            ),
                        )
                    })?;
                }
            }
            _ => {}
        }
        let Some(id) = message.document_id().copied() else {
            return Ok(message);
        };
        let id = &id;
        if self.store.faults.has(&format!("panic-on-message {id}")) {
            panic!("injected fault: panic on a message");
        }
        if self.docs.insert(*id) && self.docs.len() > self.limits.max_docs_per_connection {
            return Err(Violation::new(
                POLICY,
                format!(
                    "more than {} documents on one connection",
                    self.limits.max_docs_per_connection
                ),
            ));
        }
        let doc = id.to_string();
        let stored = self.store.document_bytes(&doc);
        if stored.is_none() && matches!(message, Message::Sync { .. } | Message::Request { .. }) {
            if self.new_docs.insert(*id)
                && self.new_docs.len() > self.limits.max_new_docs_per_connection
            {
                return Err(Violation::new(
                    POLICY,
                    format!(
                        "more than {} new documents on one connection",
                        self.limits.max_new_docs_per_connection
                    ),
                ));
            }
            if carries_changes && self.store.documents() >= self.limits.max_documents {
                return Err(Violation::new(
                    TRY_AGAIN_LATER,
                    format!(
                        "the relay stores its maximum of {} documents; no new ones",
                        self.limits.max_documents
                    ),
                ));
            }
        }
        if carries_changes {
            let len = frame.len() as u64;
            if stored.unwrap_or(0) + len > self.limits.max_document_bytes {
                return Err(Violation::new(
                    POLICY,
                    format!(
                        "the document is at its limit of {} bytes stored",
                        self.limits.max_document_bytes
                    ),
                ));
            }
            if self.store.total_bytes() + len > self.limits.max_total_bytes {
                return Err(Violation::new(
                    TRY_AGAIN_LATER,
                    format!(
                        "the relay is at its limit of {} bytes stored; changes not accepted",
                        self.limits.max_total_bytes
                    ),
                ));
            }
            if let Some(why) = self.store.degraded() {
                return Err(Violation::new(
                    TRY_AGAIN_LATER,
                    format!("changes not accepted now: {why}"),
                ));
            }
        }
        Ok(message)
    }
}

/// Bytes per second: a sender over the rate waits (the relay stops reading
/// its socket), so honest large first syncs pass, slowly.
struct ByteBucket {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
}

impl ByteBucket {
    fn new(per_sec: u64, burst: usize) -> Self {
        let rate = per_sec.max(1) as f64;
        let capacity = rate.max(burst as f64);
        ByteBucket {
            rate,
            capacity,
            tokens: capacity,
            last: Instant::now(),
        }
    }

    /// How long to wait after taking `n` bytes.
    fn take(&mut self, n: usize) -> Duration {
        let now = Instant::now();
        self.tokens = (self.tokens + now.duration_since(self.last).as_secs_f64() * self.rate)
            .min(self.capacity);
        self.last = now;
        self.tokens -= n as f64;
        if self.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-self.tokens / self.rate)
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("connection closed")]
struct Closed;

/// This connection's samod connection to one document's repository.
struct DocConn {
    to_samod: futures::channel::mpsc::Sender<Result<Vec<u8>, Closed>>,
    _lease: super::DocLease,
}

type Outgoing = futures::channel::mpsc::UnboundedSender<Vec<u8>>;

/// A sink for one document's samod connection: its frames join the
/// connection's outgoing queue (bounded in bytes: a client that lets more
/// than `max` bytes pile up is disconnected, samod never waits for it),
/// except samod's `peer` answer to the join, which the relay gave already.
fn doc_sink(
    out: Outgoing,
    queued: Arc<AtomicUsize>,
    kill: Kill,
    max: usize,
) -> impl futures::Sink<Vec<u8>, Error = Closed> + Send + Unpin + 'static {
    Box::pin(futures::sink::unfold(out, move |tx, frame: Vec<u8>| {
        let queued = queued.clone();
        let kill = kill.clone();
        async move {
            if matches!(Message::decode(&frame), Ok(Message::Peer { .. })) {
                return Ok(tx);
            }
            let total = queued.fetch_add(frame.len(), Ordering::Relaxed) + frame.len();
            if total > max {
                kill.send_replace(Some((
                    POLICY,
                    format!("the client reads too slowly: over {max} bytes waiting for it"),
                )));
                return Err(Closed);
            }
            tx.unbounded_send(frame).map_err(|_| Closed)?;
            Ok(tx)
        }
    }))
}

pub(super) async fn run(id: u64, socket: WebSocket, shared: Shared, limits: &Limits) {
    let (ws_tx, mut ws_rx) = socket.split();
    let (samod_out, from_samod) = futures::channel::mpsc::unbounded::<Vec<u8>>();
    let queued = Arc::new(AtomicUsize::new(0));
    // Set by the outgoing side when the connection must end.
    let (kill, mut killed): (Kill, _) = watch::channel(None);
    let (control, control_rx) = mpsc::unbounded_channel::<WsMessage>();
    tracing::debug!(connection = id, "connected");
    let mut writer = tokio::spawn(write(
        ws_tx,
        control_rx,
        from_samod,
        shared.durability.clone(),
        queued.clone(),
        kill.clone(),
        Duration::from_secs(limits.ack_timeout_secs.max(1)),
    ));
    let mut docs: HashMap<DocumentId, DocConn> = HashMap::new();
    // The client's join, replayed to each document's repository.
    let mut join: Option<Vec<u8>> = None;

    let mut inbound = Inbound {
        limits,
        store: &shared.store,
        bucket: TokenBucket::new(limits.rate_limit_per_sec),
        docs: HashSet::new(),
        new_docs: HashSet::new(),
        peer: None,
    };
    let mut bytes = ByteBucket::new(limits.bytes_per_sec, limits.max_message_bytes);
    let idle = limits.idle_timeout();
    let mut deadline = Instant::now() + idle;
    let mut ping = tokio::time::interval(idle / 3);
    ping.tick().await;

    let violation = loop {
        tokio::select! {
            next = ws_rx.next() => match next {
                None | Some(Ok(WsMessage::Close(_))) => break None,
                Some(Err(e)) => {
                    let text = e.to_string();
                    if text.contains("too long") || text.contains("Space limit") {
                        break Some(Violation::new(TOO_BIG, format!(
                            "message over the limit of {} bytes", limits.max_message_bytes)));
                    }
                    tracing::debug!(connection = id, "receive error: {text}");
                    break None;
                }
                Some(Ok(WsMessage::Binary(frame))) => {
                    deadline = Instant::now() + idle;
                    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        inbound.check(&frame)
                    }));
                    let message = match checked {
                        Ok(Ok(message)) => message,
                        Ok(Err(v)) => break Some(v),
                        Err(_) => {
                            tracing::error!(connection = id, "panicked while handling a message; closing this connection");
                            break Some(Violation::new(INTERNAL, "internal error while handling a message"));
                        }
                    };
                    let wait = bytes.take(frame.len());
                    if let Err(v) = route(&shared, limits, id, &mut docs, &mut join, &control, &kill, &samod_out, &queued, message, frame.to_vec()).await {
                        break Some(v);
                    }
                    if !wait.is_zero() {
                        // Over the byte rate: read nothing for a while.
                        tokio::time::sleep(wait).await;
                        deadline = Instant::now() + idle;
                    }
                }
                Some(Ok(WsMessage::Text(_))) => break Some(Violation::new(
                    UNSUPPORTED, "text frames are not part of the protocol; send binary CBOR")),
                Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => {
                    deadline = Instant::now() + idle;
                }
            },
            changed = killed.changed() => {
                // Err: the writer ended (the socket is gone).
                break changed.ok().and_then(|()| killed.borrow().clone()).map(Violation::killed);
            }
            () = tokio::time::sleep_until(deadline) => break Some(Violation {
                code: NORMAL,
                reason: format!("idle for {} s", idle.as_secs()),
                protocol_error: false,
            }),
            _ = ping.tick() => {
                let _ = control.send(WsMessage::Ping(Default::default()));
            }
        }
    };

    let peer = inbound.peer.as_deref().map_or("?".into(), redact);
    if let Some(v) = &violation {
        tracing::warn!(
            connection = id,
            peer,
            code = v.code,
            "closing: {}",
            v.reason
        );
        if v.protocol_error {
            let error = Message::Error {
                message: v.reason.clone(),
            };
            let _ = control.send(WsMessage::Binary(error.encode().into()));
        }
        let _ = control.send(close(v.code, &v.reason));
    } else {
        let _ = control.send(close(NORMAL, "bye"));
    }
    // Samod sees the end of each stream and drops those connections; the
    // leases of the documents' repositories are released.
    drop(docs);
    drop(control);
    match tokio::time::timeout(Duration::from_secs(15), &mut writer).await {
        Err(_) => {
            tracing::warn!(
                connection = id,
                "writer did not finish; dropping the socket"
            );
            writer.abort();
        }
        Ok(Err(e)) if e.is_panic() => {
            tracing::error!(connection = id, "the writer panicked");
        }
        Ok(_) => {}
    }
    tracing::debug!(connection = id, peer, "disconnected");
}

/// Hands a checked frame to samod: the join is answered by the relay (and
/// kept, to open each document's repository with it); a frame naming a
/// document goes to that document's repository, connected on first use;
/// `leave` goes to all of them.
#[allow(clippy::too_many_arguments)]
async fn route(
    shared: &Shared,
    limits: &Limits,
    connection: u64,
    docs: &mut HashMap<DocumentId, DocConn>,
    join: &mut Option<Vec<u8>>,
    control: &mpsc::UnboundedSender<WsMessage>,
    kill: &Kill,
    out: &Outgoing,
    queued: &Arc<AtomicUsize>,
    message: Message,
    frame: Vec<u8>,
) -> Result<(), Violation> {
    match &message {
        Message::Join { sender_id, .. } => {
            if join.is_none() {
                let peer = Message::Peer {
                    sender_id: shared.relay.peer_id().to_owned(),
                    target_id: sender_id.clone(),
                    selected_protocol_version: "1".into(),
                    peer_metadata: Some(PeerMetadata {
                        storage_id: Some(shared.relay.storage_id().to_owned()),
                        is_ephemeral: false,
                    }),
                };
                let _ = control.send(WsMessage::Binary(peer.encode().into()));
                *join = Some(frame);
            }
            Ok(())
        }
        Message::Leave { .. } => {
            for d in docs.values_mut() {
                let _ = d.to_samod.send(Ok(frame.clone())).await;
            }
            Ok(())
        }
        _ => {
            let Some(doc) = message.document_id().copied() else {
                return Ok(());
            };
            let Some(join) = join.as_ref() else {
                return Err(Violation::new(INVALID, "a join must come first"));
            };
            #[allow(clippy::map_entry)] // the insert needs an await first
            if !docs.contains_key(&doc) {
                let Some(lease) = shared.relay.lease(doc, connection, kill).await else {
                    return Err(Violation::new(INTERNAL, "the relay is stopping"));
                };
                let (mut to_samod, samod_in) =
                    futures::channel::mpsc::channel::<Result<Vec<u8>, Closed>>(32);
                let sink = doc_sink(
                    out.clone(),
                    queued.clone(),
                    kill.clone(),
                    limits.max_outgoing_bytes,
                );
                let transport = samod::Transport::new(samod_in, sink);
                // samod's own locks, poisoned by a panic in the repository,
                // panic here too.
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    lease.acceptor.accept(transport)
                })) {
                    Ok(Ok(_)) => {}
                    Ok(Err(_)) => return Err(Violation::new(INTERNAL, "the relay is stopping")),
                    Err(_) => {
                        shared.relay.repository_panicked(doc, lease.generation);
                        return Err(Violation::new(INTERNAL, DOCUMENT_FAILED));
                    }
                }
                let _ = to_samod.send(Ok(join.clone())).await;
                docs.insert(
                    doc,
                    DocConn {
                        to_samod,
                        _lease: lease,
                    },
                );
            }
            let conn = docs.get_mut(&doc).expect("inserted above");
            if conn.to_samod.send(Ok(frame)).await.is_err() {
                docs.remove(&doc);
                // Its repository panicked (and the relay says so), or the
                // relay stops.
                return Err(kill.borrow().clone().map_or_else(
                    || Violation::new(INTERNAL, "the document's repository stopped"),
                    Violation::killed,
                ));
            }
            Ok(())
        }
    }
}

fn close(code: u16, reason: &str) -> WsMessage {
    // A close reason has at most 123 bytes.
    let mut end = reason.len().min(123);
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    WsMessage::Close(Some(CloseFrame {
        code,
        reason: reason[..end].into(),
    }))
}

async fn write(
    mut ws_tx: futures::stream::SplitSink<WebSocket, WsMessage>,
    mut control: mpsc::UnboundedReceiver<WsMessage>,
    mut from_samod: futures::channel::mpsc::UnboundedReceiver<Vec<u8>>,
    durability: Arc<Durability>,
    queued: Arc<AtomicUsize>,
    kill: Kill,
    ack_timeout: Duration,
) {
    let mut version = durability.subscribe();
    let mut dead = false;
    loop {
        let message = tokio::select! {
            biased;
            m = control.recv() => match m {
                Some(m) => m,
                None => break,
            },
            f = from_samod.next(), if !dead => match f {
                Some(frame) => {
                    queued.fetch_sub(frame.len(), Ordering::Relaxed);
                    if !wait_until_stored(&frame, &durability, &mut version, ack_timeout).await {
                        // Never acknowledge what is not stored: end the
                        // connection; the client keeps its changes and
                        // sends them again when it reconnects.
                        dead = true;
                        kill.send_replace(Some((
                            TRY_AGAIN_LATER,
                            "changes not stored in time (the relay's storage is failing); retry later".into(),
                        )));
                        continue;
                    }
                    WsMessage::Binary(frame.into())
                }
                None => close(NORMAL, "bye"),
            },
        };
        let is_close = matches!(message, WsMessage::Close(_));
        if ws_tx.send(message).await.is_err() || is_close {
            break;
        }
    }
    let _ = ws_tx.close().await;
}

/// Holds a sync message until every change its heads name is on disk; false
/// when that takes longer than `timeout`.
async fn wait_until_stored(
    frame: &[u8],
    durability: &Durability,
    version: &mut tokio::sync::watch::Receiver<u64>,
    timeout: Duration,
) -> bool {
    let Ok(
        Message::Sync {
            document_id, data, ..
        }
        | Message::Request {
            document_id, data, ..
        },
    ) = Message::decode(frame)
    else {
        return true;
    };
    let Ok(sync) = automerge::sync::Message::decode(&data) else {
        return true;
    };
    let doc = document_id.to_string();
    let deadline = Instant::now() + timeout;
    loop {
        version.borrow_and_update();
        if durability.covers(&doc, &sync.heads) {
            return true;
        }
        if tokio::time::timeout_at(deadline, version.changed())
            .await
            .is_err()
        {
            tracing::warn!(
                document = %redact(&doc),
                "a sync message's changes were not stored in time; not acknowledged"
            );
            return false;
        }
    }
}
