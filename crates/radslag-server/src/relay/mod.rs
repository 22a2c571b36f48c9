//! The relay at `/sync`: an automerge-repo sync server (samod) speaking the
//! automerge-repo WebSocket protocol, storing every document it is asked
//! for under `--data-dir`.
//!
//! Each document has a samod repository of its own, started when a
//! connection first names the document and stopped (its memory freed) once
//! no connection has used it for `--unload-after-secs`: samod connects every
//! connection to every document a repository holds, so one repository for
//! all documents costs connections × documents, and it never unloads a
//! document. All the repositories share one store and one peer id; each
//! client connection is split into one samod connection per document it
//! names ([`connection`]). Each repository runs on a [`runtime`] of its own:
//! a panic inside it closes the connections syncing that document (1011) and
//! the next connection gets a new repository; its tasks end when it is
//! unloaded.
//!
//! Each WebSocket goes through [`connection`] first, which enforces the
//! limits (message size, rate, documents, bytes, outgoing queue, idle time)
//! and rejects malformed frames and change bombs, closing only the offending
//! connection, and which holds back each outgoing sync message until the
//! changes it acknowledges are on disk ([`storage`]).

mod connection;
mod faults;
pub mod inflate;
mod runtime;
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
use radslag_core::sync::DocumentId;
use samod::{AcceptorHandle, Repo, ShareConfig};

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
    /// A document nobody has used for this long is unloaded from memory.
    #[arg(long, default_value_t = 60, env = "RADSLAG_UNLOAD_AFTER_SECS")]
    pub unload_after_secs: u64,
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
    storage: storage::DurableStorage,
    durability: Arc<storage::Durability>,
    limits: Limits,
    /// The relay's peer id (every document's repository has it).
    peer_id: String,
    /// The store's id, as samod keeps it.
    storage_id: String,
    next_connection: std::sync::atomic::AtomicU64,
    next_generation: std::sync::atomic::AtomicU64,
    connections: Mutex<Connections>,
    docs: Mutex<HashMap<DocumentId, DocRepo>>,
    stopping: std::sync::atomic::AtomicBool,
}

/// One document's repository.
struct DocRepo {
    repo: Repo,
    acceptor: AcceptorHandle,
    runtime: runtime::RepoRuntime,
    /// Which of the document's repositories this is (one that panicked is
    /// replaced by a new one).
    generation: u64,
    /// Connections using it now, by connection number, each with the means
    /// to close it.
    users: HashMap<u64, connection::Kill>,
    /// Since when nobody uses it.
    idle_since: Option<std::time::Instant>,
}

impl DocRepo {
    /// Flushes what it holds and ends its tasks.
    async fn stop(self) {
        self.acceptor.close();
        // A repository that panicked meanwhile never answers `stop`.
        if tokio::time::timeout(Duration::from_secs(60), self.repo.stop())
            .await
            .is_err()
        {
            tracing::warn!("a document's repository did not stop in 60 s; ending it");
        }
        self.runtime.end().await;
    }
}

/// A connection's use of a document's repository; released when dropped.
pub(crate) struct DocLease {
    relay: Relay,
    doc: DocumentId,
    generation: u64,
    connection: u64,
    pub acceptor: AcceptorHandle,
}

impl Drop for DocLease {
    fn drop(&mut self) {
        let mut docs = self.relay.inner.docs.lock().unwrap();
        if let Some(d) = docs.get_mut(&self.doc)
            && d.generation == self.generation
        {
            d.users.remove(&self.connection);
            if d.users.is_empty() {
                d.idle_since = Some(std::time::Instant::now());
            }
        }
    }
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
        let faults = faults::Faults::new(limits.faults_file.clone());
        let (store, storage_id) = {
            let dir = data_dir.to_path_buf();
            let floor = limits.min_free_bytes;
            tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
                let store = storage::DurableStorage::open(&dir, floor, faults);
                // samod's storage id (`storage-adapter-id`), made here so that
                // every repository finds the same one.
                let path = dir.join("st").join("orage-adapter-id");
                if !path.is_file() {
                    storage::write_durably(&path, uuid::Uuid::new_v4().to_string().as_bytes())?;
                }
                Ok((store, std::fs::read_to_string(&path)?))
            })
            .await??
        };
        let durability = store.durability();
        let peer_id = format!("relay-{}", uuid::Uuid::new_v4());
        tracing::info!("relay ready at /sync");
        let relay = Relay {
            inner: Arc::new(Inner {
                storage: store,
                durability,
                limits,
                peer_id,
                storage_id,
                next_connection: 0.into(),
                next_generation: 0.into(),
                connections: Mutex::new(Connections::default()),
                docs: Mutex::new(HashMap::new()),
                stopping: false.into(),
            }),
        };
        tokio::spawn(unload_idle(relay.clone()));
        Ok(relay)
    }

    /// Flushes what is being stored and stops.
    pub async fn stop(&self) {
        self.inner
            .stopping
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.inner.storage.stop();
        let repos: Vec<DocRepo> = self
            .inner
            .docs
            .lock()
            .unwrap()
            .drain()
            .map(|(_, d)| d)
            .collect();
        futures::future::join_all(repos.into_iter().map(DocRepo::stop)).await;
    }

    pub(crate) fn peer_id(&self) -> &str {
        &self.inner.peer_id
    }

    pub(crate) fn storage_id(&self) -> &str {
        &self.inner.storage_id
    }

    /// The repository of `doc` (started if needed), for connection number
    /// `connection`, which `kill` closes.
    pub(crate) async fn lease(
        &self,
        doc: DocumentId,
        connection: u64,
        kill: &connection::Kill,
    ) -> Option<DocLease> {
        if self
            .inner
            .stopping
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return None;
        }
        {
            let mut docs = self.inner.docs.lock().unwrap();
            if let Some(d) = docs.get_mut(&doc) {
                return Some(self.use_repo(d, doc, connection, kill));
            }
        }
        let generation = self
            .inner
            .next_generation
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let relay = Arc::downgrade(&self.inner);
        let runtime = runtime::RepoRuntime::new(move || {
            if let Some(inner) = relay.upgrade() {
                Relay { inner }.repository_panicked(doc, generation);
            }
        });
        let faults = self.inner.storage.state().faults.clone();
        let mut builder = Repo::builder(runtime.clone())
            .with_storage(self.inner.storage.clone())
            .with_peer_id(samod::PeerId::from(self.inner.peer_id.as_str()))
            // Like automerge-repo's sync server: serve whoever asks, but never
            // push documents to peers that did not ask for them.
            .with_share_policy(ShareConfig::read_write().with_announce(false));
        if faults.enabled() {
            builder = builder.with_observer(faults::PanicInDocument(faults));
        }
        let repo = builder.load().await;
        let url = samod::Url::parse("ws://relay/sync").expect("a valid URL");
        let Ok(acceptor) = repo.make_acceptor(url) else {
            runtime.end().await;
            return None;
        };
        let started = DocRepo {
            acceptor,
            repo,
            runtime,
            generation,
            users: HashMap::new(),
            idle_since: None,
        };
        let mut docs = self.inner.docs.lock().unwrap();
        let d = match docs.entry(doc) {
            std::collections::hash_map::Entry::Occupied(e) => {
                // Another connection started it meanwhile: use that one.
                tokio::spawn(started.stop());
                e.into_mut()
            }
            std::collections::hash_map::Entry::Vacant(e) => e.insert(started),
        };
        Some(self.use_repo(d, doc, connection, kill))
    }

    fn use_repo(
        &self,
        d: &mut DocRepo,
        doc: DocumentId,
        connection: u64,
        kill: &connection::Kill,
    ) -> DocLease {
        d.users.insert(connection, kill.clone());
        d.idle_since = None;
        DocLease {
            relay: self.clone(),
            doc,
            generation: d.generation,
            connection,
            acceptor: d.acceptor.clone(),
        }
    }

    /// A task of the repository `generation` of `doc` panicked: the
    /// connections syncing the document are closed, and the repository is
    /// replaced by a new one for the next connection that names it.
    pub(crate) fn repository_panicked(&self, doc: DocumentId, generation: u64) {
        let failed = {
            let mut docs = self.inner.docs.lock().unwrap();
            match docs.get(&doc) {
                Some(d) if d.generation == generation => docs.remove(&doc),
                _ => None,
            }
        };
        let Some(failed) = failed else {
            return;
        };
        tracing::error!(
            document = %redact(&doc.to_string()),
            "the document's repository panicked; closing the {} connections syncing it",
            failed.users.len()
        );
        for kill in failed.users.values() {
            connection::close_after_panic(kill);
        }
        tokio::spawn(async move {
            // Not `stop`: a repository that panicked may never answer it.
            failed.runtime.end().await;
            // Its acceptor and its repository refer to each other until closed.
            let _ =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| failed.acceptor.close()));
        });
    }

    /// Documents loaded in memory now.
    pub fn loaded_documents(&self) -> usize {
        self.inner.docs.lock().unwrap().len()
    }

    /// Whether the relay stores document `id`.
    pub fn stores(&self, id: &DocumentId) -> bool {
        self.inner
            .storage
            .state()
            .document_bytes(&id.to_string())
            .is_some()
    }

    /// Document `id` as stored now (blocking: it reads the files).
    pub fn stored_document(&self, id: &DocumentId) -> Option<automerge::Automerge> {
        self.inner.storage.state().stored_document(&id.to_string())
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

/// Stops the repositories of documents nobody has used for
/// `--unload-after-secs` (and that have no write in flight), freeing their
/// memory; the next connection that names one loads it again from disk.
async fn unload_idle(relay: Relay) {
    let after = Duration::from_secs(relay.inner.limits.unload_after_secs.max(1));
    let mut tick = tokio::time::interval(
        (after / 4).clamp(Duration::from_millis(250), Duration::from_secs(15)),
    );
    loop {
        tick.tick().await;
        if relay
            .inner
            .stopping
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return;
        }
        let idle: Vec<DocRepo> = {
            let mut docs = relay.inner.docs.lock().unwrap();
            let ids: Vec<DocumentId> = docs
                .iter()
                .filter(|(id, d)| {
                    d.users.is_empty()
                        && d.idle_since.is_some_and(|t| t.elapsed() >= after)
                        && !relay.inner.durability.writing(&id.to_string())
                })
                .map(|(id, _)| *id)
                .collect();
            for id in &ids {
                // Its changes on disk are noted again when it is loaded again.
                relay.inner.durability.forget(&id.to_string());
            }
            ids.iter().filter_map(|id| docs.remove(id)).collect()
        };
        if idle.is_empty() {
            continue;
        }
        let relay = relay.clone();
        tokio::spawn(async move {
            let unloaded = idle.len();
            futures::future::join_all(idle.into_iter().map(DocRepo::stop)).await;
            tracing::info!(
                "unloaded {unloaded} idle documents ({} still loaded); {} repository tasks running",
                relay.loaded_documents(),
                runtime::running_tasks()
            );
        });
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
                connection::Shared {
                    relay: relay.clone(),
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
