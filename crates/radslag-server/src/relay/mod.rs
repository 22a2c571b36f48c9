//! The relay at `/sync`: an automerge-repo sync server (samod) speaking the
//! automerge-repo WebSocket protocol, storing every document it is asked
//! for under `--data-dir`.
//!
//! Each WebSocket goes through [`connection`] first, which enforces the
//! limits (message size, rate, documents, bytes, outgoing queue, idle time)
//! and rejects malformed frames and change bombs, closing only the offending
//! connection, and which holds back each outgoing sync message until the
//! changes it acknowledges are on disk ([`storage`]).

mod connection;
pub mod inflate;
mod storage;

use std::{
    collections::HashMap,
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{
    extract::{ConnectInfo, State, WebSocketUpgrade},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use samod::{AcceptorHandle, ConcurrencyConfig, Repo, ShareConfig};

const MIB: usize = 1024 * 1024;

/// The relay's limits, as `radslag serve` flags.
#[derive(clap::Args, Debug, Clone)]
pub struct Limits {
    /// Largest WebSocket message accepted, in bytes (a first sync of a large
    /// workspace is one message).
    #[arg(long, default_value_t = 32 * MIB, env = "RADSLAG_MAX_MESSAGE_BYTES")]
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
    /// Bytes per second one connection may send on average; a faster sender
    /// is slowed down (the relay stops reading), bursts of one largest
    /// message are allowed.
    #[arg(long, default_value_t = MIB as u64, env = "RADSLAG_BYTES_PER_SEC")]
    pub bytes_per_sec: u64,
    /// WebSocket connections to the relay in total (more: HTTP 503).
    #[arg(long, default_value_t = 2000, env = "RADSLAG_MAX_CONNECTIONS")]
    pub max_connections: usize,
    /// WebSocket connections from one client address (more: HTTP 429).
    #[arg(long, default_value_t = 50, env = "RADSLAG_MAX_CONNECTIONS_PER_CLIENT")]
    pub max_connections_per_client: usize,
    /// Address of a reverse proxy whose `X-Forwarded-For` names the client
    /// (repeat for several; comma-separated in the env var).
    #[arg(long, env = "RADSLAG_TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<IpAddr>,
    /// Documents the relay does not store yet that one connection may open.
    #[arg(
        long,
        default_value_t = 16,
        env = "RADSLAG_MAX_NEW_DOCS_PER_CONNECTION"
    )]
    pub max_new_docs_per_connection: usize,
    /// Documents the relay stores at most; past it, new ones are refused.
    #[arg(long, default_value_t = 100_000, env = "RADSLAG_MAX_DOCUMENTS")]
    pub max_documents: usize,
    /// Bytes stored for one document at most; changes past it are refused.
    #[arg(long, default_value_t = 256 * MIB as u64, env = "RADSLAG_MAX_DOCUMENT_BYTES")]
    pub max_document_bytes: u64,
    /// Bytes stored in total at most; changes past it are refused.
    #[arg(long, default_value_t = 20 * 1024 * MIB as u64, env = "RADSLAG_MAX_TOTAL_BYTES")]
    pub max_total_bytes: u64,
    /// Free space on the data directory's file system below which writes
    /// are refused (and `/healthz` says `degraded`).
    #[arg(long, default_value_t = 256 * MIB as u64, env = "RADSLAG_MIN_FREE_BYTES")]
    pub min_free_bytes: u64,
    /// Bytes waiting to be sent to one connection at most; a client that
    /// reads slower is disconnected.
    #[arg(long, default_value_t = 64 * MIB, env = "RADSLAG_MAX_OUTGOING_BYTES")]
    pub max_outgoing_bytes: usize,
    /// Largest total size of the changes in one message once inflated
    /// (compressed changes are measured before they are applied).
    #[arg(long, default_value_t = 256 * MIB as u64, env = "RADSLAG_MAX_INFLATED_BYTES")]
    pub max_inflated_bytes: u64,
    /// Longest a sync message waits for its changes to be stored; then the
    /// connection is closed (1013) instead of acknowledging them.
    #[arg(long, default_value_t = 10, env = "RADSLAG_ACK_TIMEOUT_SECS")]
    pub ack_timeout_secs: u64,
    /// Browser origins allowed to open `/sync` (e.g. `https://radslag.example.se`;
    /// repeat for several). Without it only the serving host's own origin is.
    /// Clients that send no Origin (not browsers) are not checked.
    #[arg(long, env = "RADSLAG_ALLOWED_ORIGIN", value_delimiter = ',')]
    pub allowed_origin: Vec<String>,
    /// Test-only fault injection (a file whose lines switch faults on).
    #[arg(long, hide = true, env = "RADSLAG_FAULTS_FILE")]
    pub faults_file: Option<PathBuf>,
}

/// A short, stable, non-reversible name for a document id (or a token) in
/// logs: the id itself is the key to the workspace.
pub fn redact(id: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(id.as_bytes());
    digest[..5].iter().map(|b| format!("{b:02x}")).collect()
}

/// The running relay; cheap to clone.
#[derive(Clone)]
pub struct Relay {
    inner: Arc<Inner>,
}

struct Inner {
    repo: Repo,
    acceptor: AcceptorHandle,
    storage: storage::DurableStorage,
    durability: Arc<storage::Durability>,
    limits: Limits,
    next_connection: std::sync::atomic::AtomicU64,
    connections: Mutex<Connections>,
}

#[derive(Default)]
struct Connections {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
}

/// A counted connection; uncounted when dropped.
struct Slot {
    relay: Relay,
    client: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = self.relay.inner.connections.lock().unwrap();
        c.total -= 1;
        if let Some(n) = c.per_client.get_mut(&self.client) {
            *n -= 1;
            if *n == 0 {
                c.per_client.remove(&self.client);
            }
        }
    }
}

impl Relay {
    /// Opens the store under `data_dir` and starts the sync server.
    pub async fn start(data_dir: &Path, limits: Limits) -> anyhow::Result<Relay> {
        let faults = storage::Faults::new(limits.faults_file.clone());
        let store = {
            let dir = data_dir.to_path_buf();
            let floor = limits.min_free_bytes;
            tokio::task::spawn_blocking(move || storage::DurableStorage::open(&dir, floor, faults))
                .await?
        };
        let durability = store.durability();
        // Document actors run on a thread pool whose panic handler logs: a
        // panic in one document (say, Automerge applying a hostile change)
        // ends that job, not the process or the other documents.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(std::thread::available_parallelism().map_or(2, |n| n.get()))
            .thread_name(|i| format!("radslag-doc-{i}"))
            .panic_handler(|_| tracing::error!("a document actor panicked; that document stops"))
            .build()?;
        let repo = Repo::build_tokio()
            .with_storage(store.clone())
            .with_concurrency(ConcurrencyConfig::Threadpool(pool))
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
                storage: store,
                durability,
                limits,
                next_connection: 0.into(),
                connections: Mutex::new(Connections::default()),
            }),
        })
    }

    /// Flushes what is being stored and stops.
    pub async fn stop(&self) {
        self.inner.acceptor.close();
        self.inner.storage.stop();
        self.inner.repo.stop().await;
    }

    /// Why the relay cannot take changes now (for `/healthz`), if it cannot.
    pub fn degraded(&self) -> Option<String> {
        self.inner.storage.state().degraded()
    }

    /// Counts a connection from `client`, or says why it is refused.
    fn admit(&self, client: IpAddr) -> Result<Slot, (StatusCode, String)> {
        let limits = &self.inner.limits;
        let mut c = self.inner.connections.lock().unwrap();
        if c.total >= limits.max_connections {
            return Err((
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the relay has its maximum of {} connections\n",
                    limits.max_connections
                ),
            ));
        }
        let mine = c.per_client.entry(client).or_default();
        if *mine >= limits.max_connections_per_client {
            return Err((
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "more than {} connections from one address\n",
                    limits.max_connections_per_client
                ),
            ));
        }
        *mine += 1;
        c.total += 1;
        Ok(Slot {
            relay: self.clone(),
            client,
        })
    }
}

/// The client's address: the TCP peer, or, when that is a trusted proxy,
/// the last address in `X-Forwarded-For` that is not a trusted proxy.
pub fn client_address(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = peer.ip();
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|a| !trusted.contains(a))
        .or(forwarded.first())
        .copied()
        .unwrap_or(peer)
}

/// Whether a browser's `Origin` may open `/sync`: one of `--allowed-origin`,
/// or, without that flag, the serving host's own origin.
pub fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        // Not a browser: no cross-site request to guard against.
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let origin = origin.trim_end_matches('/');
    if !allowed.is_empty() {
        return allowed
            .iter()
            .any(|a| a.trim_end_matches('/').eq_ignore_ascii_case(origin));
    }
    let host = headers
        .get("x-forwarded-host")
        .or(headers.get(header::HOST))
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let Some((_, origin_host)) = origin.split_once("://") else {
        return false;
    };
    !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
}

/// `GET /sync`: upgrades to a WebSocket and hands it to the relay.
pub async fn upgrade(
    ws: WebSocketUpgrade,
    State(relay): State<Relay>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let limits = relay.inner.limits.clone();
    if !origin_allowed(&headers, &limits.allowed_origin) {
        tracing::warn!("refused /sync from a page of another origin");
        return (StatusCode::FORBIDDEN, "this origin may not sync here\n").into_response();
    }
    let client = client_address(peer, &headers, &limits.trusted_proxy);
    let slot = match relay.admit(client) {
        Ok(slot) => slot,
        Err((status, why)) => {
            tracing::warn!("refused a connection: {}", why.trim());
            return (status, why).into_response();
        }
    };
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
                connection::Shared {
                    durability: relay.inner.durability.clone(),
                    store: relay.inner.storage.state(),
                },
                &limits,
            )
            .await;
            drop(slot);
        })
}

impl Limits {
    fn idle_timeout(&self) -> Duration {
        Duration::from_secs(self.idle_timeout_secs.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "1.2.3.4, 5.6.7.8".parse().unwrap());
        let peer = SocketAddr::new(proxy, 1234);
        assert_eq!(client_address(peer, &headers, &[]), proxy);
        assert_eq!(
            client_address(peer, &headers, &[proxy]),
            "5.6.7.8".parse::<IpAddr>().unwrap()
        );
        let other = SocketAddr::new("9.9.9.9".parse().unwrap(), 1);
        assert_eq!(client_address(other, &headers, &[proxy]), other.ip());
    }

    #[test]
    fn origin_must_be_the_serving_host_or_allowed() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "radslag.example.se".parse().unwrap());
        assert!(origin_allowed(&h, &[]), "no Origin: not a browser");
        h.insert(
            header::ORIGIN,
            "https://radslag.example.se".parse().unwrap(),
        );
        assert!(origin_allowed(&h, &[]));
        h.insert(header::ORIGIN, "https://evil.example".parse().unwrap());
        assert!(!origin_allowed(&h, &[]));
        assert!(origin_allowed(&h, &["https://evil.example".into()]));
        h.insert(header::ORIGIN, "null".parse().unwrap());
        assert!(!origin_allowed(&h, &[]));
    }
}
