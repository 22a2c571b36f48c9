//! The relay at `/sync`: an automerge-repo sync server (samod) speaking the
//! automerge-repo WebSocket protocol, storing every document it is asked
//! for under `--data-dir`.
//!
//! Each WebSocket goes through [`connection`] first, which enforces the
//! limits (message size, documents per connection, idle time-out, rate) and
//! rejects malformed frames, closing only the offending connection, and which
//! holds back each outgoing sync message until the changes it acknowledges
//! are on disk ([`storage`]).

mod connection;
mod storage;

use std::{path::Path, sync::Arc, time::Duration};

use axum::{
    extract::{State, WebSocketUpgrade},
    response::Response,
};
use samod::{AcceptorHandle, Repo, ShareConfig};

/// The relay's limits, as `radslag serve` flags.
#[derive(clap::Args, Debug, Clone)]
pub struct Limits {
    /// Largest WebSocket message accepted, in bytes (a first sync of a large
    /// workspace is one message).
    #[arg(long, default_value_t = 32 * 1024 * 1024, env = "RADSLAG_MAX_MESSAGE_BYTES")]
    pub max_message_bytes: usize,
    /// Most documents one connection may sync.
    #[arg(long, default_value_t = 256, env = "RADSLAG_MAX_DOCS_PER_CONNECTION")]
    pub max_docs_per_connection: usize,
    /// A connection that sends nothing (not even a pong) for this long is closed.
    #[arg(long, default_value_t = 120, env = "RADSLAG_IDLE_TIMEOUT_SECS")]
    pub idle_timeout_secs: u64,
    /// Messages per second one connection may send on average (bursts of
    /// twice as many are allowed).
    #[arg(long, default_value_t = 200, env = "RADSLAG_RATE_LIMIT_PER_SEC")]
    pub rate_limit_per_sec: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 32 * 1024 * 1024,
            max_docs_per_connection: 256,
            idle_timeout_secs: 120,
            rate_limit_per_sec: 200,
        }
    }
}

/// The running relay; cheap to clone.
#[derive(Clone)]
pub struct Relay {
    inner: Arc<Inner>,
}

struct Inner {
    repo: Repo,
    acceptor: AcceptorHandle,
    durability: Arc<storage::Durability>,
    limits: Limits,
    next_connection: std::sync::atomic::AtomicU64,
}

impl Relay {
    /// Opens the store under `data_dir` and starts the sync server.
    pub async fn start(data_dir: &Path, limits: Limits) -> anyhow::Result<Relay> {
        let store = storage::DurableStorage::new(data_dir);
        let durability = store.durability();
        let repo = Repo::build_tokio()
            .with_storage(store)
            // Like automerge-repo's sync server: serve whoever asks, but never
            // push documents to peers that did not ask for them.
            .with_share_policy(ShareConfig::read_write().with_announce(false))
            .load()
            .await;
        let acceptor = repo
            .make_acceptor(samod::Url::parse("ws://relay/sync")?)
            .map_err(|_| anyhow::anyhow!("the sync repository stopped while starting"))?;
        tracing::info!(peer_id = %repo.peer_id(), "relay ready at /sync");
        Ok(Relay {
            inner: Arc::new(Inner {
                repo,
                acceptor,
                durability,
                limits,
                next_connection: 0.into(),
            }),
        })
    }

    /// Flushes what is being stored and stops.
    pub async fn stop(&self) {
        self.inner.acceptor.close();
        self.inner.repo.stop().await;
    }
}

/// `GET /sync`: upgrades to a WebSocket and hands it to the relay.
pub async fn upgrade(ws: WebSocketUpgrade, State(relay): State<Relay>) -> Response {
    let limits = relay.inner.limits.clone();
    // One byte over the limit still reaches us, so that we can say why we
    // close; anything larger is cut off by the WebSocket layer itself.
    ws.max_message_size(limits.max_message_bytes + 1)
        .max_frame_size(limits.max_message_bytes + 1)
        .on_upgrade(move |socket| async move {
            let id = relay
                .inner
                .next_connection
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            connection::run(
                id,
                socket,
                &relay.inner.acceptor,
                relay.inner.durability.clone(),
                &limits,
            )
            .await;
        })
}

impl Limits {
    fn idle_timeout(&self) -> Duration {
        Duration::from_secs(self.idle_timeout_secs.max(1))
    }
}
