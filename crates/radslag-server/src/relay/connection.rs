//! One WebSocket connection to the relay: limits and validation on the way
//! in, durability on the way out.
//!
//! Frames from the client are checked (size, rate, CBOR shape, number of
//! documents) before samod sees them; a violation sends the client an
//! automerge-repo `error` message and a close frame with the reason, and ends
//! this connection only. Frames from samod that carry a sync message wait
//! until the changes named by its heads are on disk, so that what a client
//! sees acknowledged survives a crash of the relay.

use std::{collections::HashSet, sync::Arc, time::Duration};

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket};
use futures::{SinkExt, StreamExt};
use radslag_core::sync::{DocumentId, Message};
use samod::AcceptorHandle;
use tokio::{sync::mpsc, time::Instant};

use super::{Limits, storage::Durability};

/// Close codes (RFC 6455).
const NORMAL: u16 = 1000;
const UNSUPPORTED: u16 = 1003;
const INVALID: u16 = 1007;
const POLICY: u16 = 1008;
const TOO_BIG: u16 = 1009;
const INTERNAL: u16 = 1011;

/// Longest a sync message waits for the disk before it goes anyway.
const DURABILITY_WAIT: Duration = Duration::from_secs(10);

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
    bucket: TokenBucket,
    docs: HashSet<DocumentId>,
    peer: Option<String>,
}

impl Inbound<'_> {
    fn check(&mut self, frame: &[u8]) -> Result<(), Violation> {
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
        match &message {
            Message::Join { sender_id, .. } => self.peer = Some(sender_id.clone()),
            Message::Sync { data, .. } | Message::Request { data, .. }
                if automerge::sync::Message::decode(data).is_err() =>
            {
                return Err(Violation::new(INVALID, "malformed Automerge sync message"));
            }
            _ => {}
        }
        if let Some(id) = message.document_id()
            && self.docs.insert(*id)
            && self.docs.len() > self.limits.max_docs_per_connection
        {
            return Err(Violation::new(
                POLICY,
                format!(
                    "more than {} documents on one connection",
                    self.limits.max_docs_per_connection
                ),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("connection closed")]
struct Closed;

pub(super) async fn run(
    id: u64,
    socket: WebSocket,
    acceptor: &AcceptorHandle,
    durability: Arc<Durability>,
    limits: &Limits,
) {
    let (ws_tx, mut ws_rx) = socket.split();
    // Towards samod: bounded, so a fast sender waits for the relay.
    let (to_samod, samod_in) = futures::channel::mpsc::channel::<Result<Vec<u8>, Closed>>(32);
    let (samod_out, from_samod) = futures::channel::mpsc::channel::<Vec<u8>>(256);
    let (control, control_rx) = mpsc::unbounded_channel::<WsMessage>();
    let transport = samod::Transport::new(samod_in, samod_out.sink_map_err(|_| Closed));
    if acceptor.accept(transport).is_err() {
        let _ = control.send(close(INTERNAL, "the relay is stopping"));
    }
    tracing::debug!(connection = id, "connected");
    let writer = tokio::spawn(write(ws_tx, control_rx, from_samod, durability));

    let mut inbound = Inbound {
        limits,
        bucket: TokenBucket::new(limits.rate_limit_per_sec),
        docs: HashSet::new(),
        peer: None,
    };
    let idle = limits.idle_timeout();
    let mut deadline = Instant::now() + idle;
    let mut ping = tokio::time::interval(idle / 3);
    ping.tick().await;
    let mut to_samod = to_samod;

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
                    if let Err(v) = inbound.check(&frame) {
                        break Some(v);
                    }
                    if to_samod.send(Ok(frame.to_vec())).await.is_err() {
                        break None;
                    }
                }
                Some(Ok(WsMessage::Text(_))) => break Some(Violation::new(
                    UNSUPPORTED, "text frames are not part of the protocol; send binary CBOR")),
                Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => {
                    deadline = Instant::now() + idle;
                }
            },
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

    let peer = inbound.peer.as_deref().unwrap_or("?");
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
    // Samod sees the end of the stream and drops the connection.
    to_samod.close_channel();
    drop(control);
    if tokio::time::timeout(Duration::from_secs(15), writer)
        .await
        .is_err()
    {
        tracing::warn!(connection = id, "writer did not finish");
    }
    tracing::debug!(connection = id, peer, "disconnected");
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
    mut from_samod: futures::channel::mpsc::Receiver<Vec<u8>>,
    durability: Arc<Durability>,
) {
    let mut version = durability.subscribe();
    loop {
        let message = tokio::select! {
            biased;
            m = control.recv() => match m {
                Some(m) => m,
                None => break,
            },
            f = from_samod.next() => match f {
                Some(frame) => {
                    wait_until_stored(&frame, &durability, &mut version).await;
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

/// Holds a sync message until every change its heads name is on disk.
async fn wait_until_stored(
    frame: &[u8],
    durability: &Durability,
    version: &mut tokio::sync::watch::Receiver<u64>,
) {
    let Ok(
        Message::Sync {
            document_id, data, ..
        }
        | Message::Request {
            document_id, data, ..
        },
    ) = Message::decode(frame)
    else {
        return;
    };
    let Ok(sync) = automerge::sync::Message::decode(&data) else {
        return;
    };
    let doc = document_id.to_string();
    let deadline = Instant::now() + DURABILITY_WAIT;
    loop {
        version.borrow_and_update();
        if durability.covers(&doc, &sync.heads) {
            return;
        }
        if tokio::time::timeout_at(deadline, version.changed())
            .await
            .is_err()
        {
            tracing::warn!(document = %doc, "sync message sent before its changes were stored");
            return;
        }
    }
}
