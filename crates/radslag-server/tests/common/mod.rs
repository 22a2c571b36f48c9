//! Test helpers: a real `radslag serve` process and a native sync peer that
//! drives the core's `SyncClient` over a real WebSocket (tokio-tungstenite).
#![allow(dead_code)]

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use automerge::{AutoCommit, ChangeHash, ROOT, ReadDoc, transaction::Transactable as _};
use futures::{SinkExt, StreamExt};
use radslag_core::sync::{DocumentId, Event, SyncClient};
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// A free port never handed out before in this test binary: tests run in
/// parallel and stop and restart servers on their ports, so a port freed by
/// one test must not go to another (whose server would then lose the bind,
/// and its clients would talk to the first test's server).
pub fn free_port() -> u16 {
    static GIVEN: Mutex<std::collections::BTreeSet<u16>> =
        Mutex::new(std::collections::BTreeSet::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if GIVEN.lock().unwrap().insert(port) {
            return port;
        }
    }
}

/// The `radslag` binary: `RADSLAG_BIN` when set (e.g. the server-profile
/// build, `target/server/radslag`), else the one Cargo built for the tests.
pub fn server_binary() -> PathBuf {
    std::env::var_os("RADSLAG_BIN")
        .map(PathBuf::from)
        .or_else(|| option_env!("CARGO_BIN_EXE_radslag").map(PathBuf::from))
        .expect("set RADSLAG_BIN to the radslag binary")
}

/// A `radslag serve` process on a free port.
pub struct Server {
    child: Option<Child>,
    pub port: u16,
    pub data: PathBuf,
    dist: tempfile::TempDir,
    args: Vec<String>,
}

impl Server {
    pub fn start(data: &Path, args: &[&str]) -> Server {
        let dist = tempfile::tempdir().unwrap();
        std::fs::write(dist.path().join("index.html"), "<!doctype html>").unwrap();
        let mut server = Server {
            child: None,
            port: free_port(),
            data: data.to_path_buf(),
            dist,
            args: args.iter().map(|s| s.to_string()).collect(),
        };
        server.spawn();
        server
    }

    fn spawn(&mut self) {
        let child = Command::new(server_binary())
            .args(["serve", "--addr", &format!("127.0.0.1:{}", self.port)])
            .arg("--dist")
            .arg(self.dist.path())
            .arg("--data-dir")
            .arg(&self.data)
            .args(&self.args)
            .env("RUST_LOG", "radslag=info")
            // The relay logs to stdout: kept for `log()` (and printed when
            // the server is dropped if RADSLAG_TEST_LOG is set).
            .stdout(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(self.dist.path().join("radslag.log"))
                    .unwrap(),
            )
            .stderr(if std::env::var_os("RADSLAG_TEST_LOG").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "radslag serve did not start");
            assert!(
                self.is_running(),
                "radslag serve exited at start (port {} taken?)",
                self.port
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}/sync", self.port)
    }

    /// `kill -9`: no chance to flush anything.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// Ctrl-C, and wait for a clean exit.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let pid = nix::unistd::Pid::from_raw(child.id() as i32);
            nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
            let status = child.wait().unwrap();
            assert!(status.success(), "radslag serve exited with {status}");
        }
    }

    /// Starts again on the same port and data directory.
    pub fn restart(&mut self) {
        assert!(self.child.is_none(), "stop or kill it first");
        self.spawn();
    }

    /// What the relay logged so far (all its runs).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dist.path().join("radslag.log")).unwrap_or_default()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| c.try_wait().unwrap().is_none())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if std::env::var_os("RADSLAG_TEST_LOG").is_some() {
            eprintln!(
                "--- radslag serve on port {} ---\n{}",
                self.port,
                self.log()
            );
        }
    }
}

pub struct PeerState {
    pub client: SyncClient,
    pub doc: AutoCommit,
    pub events: Vec<Event>,
    pub errors: Vec<String>,
    /// The close frame the relay sent: code and reason.
    pub close: Option<(u16, String)>,
    pub closed: bool,
    /// When each frame arrived that brought new changes.
    pub changed_at: Vec<Instant>,
}

/// A native sync peer: one document over one WebSocket.
pub struct Peer {
    pub id: DocumentId,
    pub state: Arc<Mutex<PeerState>>,
    out: mpsc::UnboundedSender<WsMessage>,
    version: watch::Receiver<u64>,
}

impl Peer {
    pub async fn connect(url: &str, name: &str, id: DocumentId, doc: AutoCommit) -> Peer {
        Peer::try_connect(url, name, id, doc).await.unwrap()
    }

    /// As [`Peer::connect`], with the error when the relay refuses.
    pub async fn try_connect(
        url: &str,
        name: &str,
        id: DocumentId,
        doc: AutoCommit,
    ) -> Result<Peer, tokio_tungstenite::tungstenite::Error> {
        let (ws, _) = tokio_tungstenite::connect_async_with_config(url, None, true).await?;
        let (mut ws_tx, mut ws_rx) = ws.split();
        let (out, mut out_rx) = mpsc::unbounded_channel::<WsMessage>();
        let (version_tx, version) = watch::channel(0u64);
        let mut client = SyncClient::new(format!("{name}-{}", uuid_like()));
        let mut doc = doc;
        let mut first = client.connected();
        first.extend(client.add_document(id, None, &mut (id, &mut doc)));
        let state = Arc::new(Mutex::new(PeerState {
            client,
            doc,
            events: Vec::new(),
            errors: Vec::new(),
            close: None,
            closed: false,
            changed_at: Vec::new(),
        }));
        tokio::spawn(async move {
            while let Some(m) = out_rx.recv().await {
                if ws_tx.send(m).await.is_err() {
                    break;
                }
            }
        });
        let reader_state = state.clone();
        let reader_out = out.clone();
        tokio::spawn(async move {
            while let Some(m) = ws_rx.next().await {
                let mut st = reader_state.lock().unwrap();
                match m {
                    Ok(WsMessage::Binary(frame)) => {
                        if std::env::var_os("RADSLAG_TEST_TRACE").is_some() {
                            eprintln!("<- {:?}", radslag_core::sync::Message::decode(&frame));
                        }
                        let PeerState { client, doc, .. } = &mut *st;
                        match client.receive(&frame, &mut (id, doc)) {
                            Ok(r) => {
                                for f in r.send {
                                    let _ = reader_out.send(WsMessage::Binary(f.into()));
                                }
                                if r.events
                                    .iter()
                                    .any(|e| matches!(e, Event::Synced { changed: true, .. }))
                                {
                                    st.changed_at.push(Instant::now());
                                }
                                st.events.extend(r.events);
                            }
                            Err(e) => st.errors.push(e.to_string()),
                        }
                    }
                    Ok(WsMessage::Close(frame)) => {
                        st.close = frame.map(|f| (u16::from(f.code), f.reason.to_string()));
                    }
                    Ok(_) => {}
                    Err(e) => st.errors.push(e.to_string()),
                }
                drop(st);
                version_tx.send_modify(|v| *v += 1);
            }
            reader_state.lock().unwrap().closed = true;
            version_tx.send_modify(|v| *v += 1);
        });
        let peer = Peer {
            id,
            state,
            out,
            version,
        };
        for f in first {
            peer.send_raw(WsMessage::Binary(f.into()));
        }
        Ok(peer)
    }

    /// A new document with some content, and a peer for it.
    pub async fn create(url: &str, name: &str, title: &str) -> Peer {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "title", title).unwrap();
        doc.commit();
        Peer::connect(url, name, DocumentId::random(), doc).await
    }

    pub fn send_raw(&self, m: WsMessage) {
        let _ = self.out.send(m);
    }

    /// Edits the document and sends the change.
    pub fn edit(&self, f: impl FnOnce(&mut AutoCommit)) {
        let mut st = self.state.lock().unwrap();
        f(&mut st.doc);
        st.doc.commit();
        let id = self.id;
        let PeerState { client, doc, .. } = &mut *st;
        for frame in client.local_change(&id, &mut (id, doc)) {
            let _ = self.out.send(WsMessage::Binary(frame.into()));
        }
    }

    pub fn put(&self, key: &str, value: i64) {
        self.edit(|d| {
            d.put(ROOT, key, value).unwrap();
        });
    }

    pub fn get(&self, key: &str) -> Option<String> {
        let st = self.state.lock().unwrap();
        // JS automerge writes strings as text objects.
        st.doc.get(ROOT, key).unwrap().map(|(v, obj)| match v {
            automerge::Value::Object(automerge::ObjType::Text) => st.doc.text(&obj).unwrap(),
            v => v
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| v.to_string()),
        })
    }

    pub fn heads(&self) -> Vec<ChangeHash> {
        let mut h = self.state.lock().unwrap().doc.get_heads();
        h.sort();
        h
    }

    pub fn is_synced(&self) -> bool {
        let mut st = self.state.lock().unwrap();
        let id = self.id;
        let PeerState { client, doc, .. } = &mut *st;
        client.is_synced(&id, &mut (id, &mut *doc))
    }

    /// Waits until `f` holds, or panics after `secs`.
    pub async fn wait(&mut self, what: &str, secs: u64, mut f: impl FnMut(&mut PeerState) -> bool) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            self.version.borrow_and_update();
            if f(&mut self.state.lock().unwrap()) {
                return;
            }
            if tokio::time::Instant::now() >= deadline
                || tokio::time::timeout_at(deadline, self.version.changed())
                    .await
                    .is_err()
            {
                let st = self.state.lock().unwrap();
                panic!(
                    "timed out waiting for {what}; errors {:?}, close {:?}, closed {}",
                    st.errors, st.close, st.closed
                );
            }
        }
    }

    /// Waits until the peer's document has exactly `heads` (sorted).
    pub async fn wait_heads(&mut self, what: &str, heads: &[ChangeHash], secs: u64) {
        self.wait(what, secs, |st| {
            let mut h = st.doc.get_heads();
            h.sort();
            h == heads
        })
        .await;
    }

    /// Waits until the relay answers that it has no such document.
    pub async fn wait_unavailable(&mut self, secs: u64) {
        self.wait("doc-unavailable", secs, |st| {
            st.events
                .iter()
                .any(|e| matches!(e, Event::Unavailable { .. }))
        })
        .await;
    }

    /// This peer's id and the relay's (after the handshake).
    pub fn ids(&self) -> (String, String) {
        let st = self.state.lock().unwrap();
        (
            st.client.peer_id().to_owned(),
            st.client.remote_peer().unwrap().to_owned(),
        )
    }

    pub async fn wait_synced(&mut self, secs: u64) {
        let id = self.id;
        self.wait("the relay's acknowledgement", secs, |st| {
            let PeerState { client, doc, .. } = st;
            client.is_synced(&id, &mut (id, &mut *doc))
        })
        .await;
    }

    pub async fn wait_closed(&mut self, secs: u64) -> Option<(u16, String)> {
        self.wait("the relay to close", secs, |st| {
            st.closed || st.close.is_some()
        })
        .await;
        self.state.lock().unwrap().close.clone()
    }
}

impl Drop for Peer {
    /// Closes the connection (the reader ends when the close is answered).
    fn drop(&mut self) {
        let _ = self.out.send(WsMessage::Close(None));
    }
}

/// Alice creates a document titled `title` and waits for the relay to
/// store it; Bob connects to it and waits until he has it.
pub async fn alice_and_bob(url: &str, title: &str) -> (Peer, Peer) {
    let mut alice = Peer::create(url, "alice", title).await;
    alice.wait_synced(10).await;
    let mut bob = Peer::connect(url, "bob", alice.id, AutoCommit::new()).await;
    bob.wait("the document", 10, |st| !st.doc.get_heads().is_empty())
        .await;
    (alice, bob)
}

/// A new document with `edits` more keys (`k0`, `k1`, …), all acknowledged
/// by the relay, whose author then goes offline: its id and heads.
pub async fn stored_document(url: &str, title: &str, edits: i64) -> (DocumentId, Vec<ChangeHash>) {
    let mut author = Peer::create(url, "author", title).await;
    for i in 0..edits {
        author.put(&format!("k{i}"), i);
    }
    author.wait_synced(10).await;
    (author.id, author.heads())
}

fn uuid_like() -> String {
    DocumentId::random().to_string()
}

/// A plain HTTP/1.1 GET on loopback (blocking; fine in a multi-threaded
/// test runtime): the status and the body.
pub fn http_get(port: u16, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    use std::io::{Read, Write};
    let mut tcp = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    tcp.write_all(request.as_bytes()).unwrap();
    let mut received = Vec::new();
    let _ = tcp.read_to_end(&mut received);
    let text = String::from_utf8_lossy(&received).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// Faults switched on in a running server (`--faults-file`).
pub struct Faults {
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Faults {
    pub fn new() -> Faults {
        let dir = tempfile::tempdir().unwrap();
        Faults {
            path: dir.path().join("faults"),
            _dir: dir,
        }
    }

    pub fn set(&self, lines: &[&str]) {
        std::fs::write(&self.path, lines.join("\n")).unwrap();
    }

    pub fn arg(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

/// Waits until `f` holds (polling), or panics after `secs`.
pub async fn eventually(what: &str, secs: u64, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sends frames (made knowing our peer id and the relay's) on a fresh
/// connection and returns the relay's close frame, and whether an
/// automerge-repo `error` message came before it.
pub async fn refused_with(
    url: &str,
    frames: impl FnOnce((String, String)) -> Vec<WsMessage>,
) -> ((u16, String), bool) {
    let mut peer = Peer::connect(url, "evil", DocumentId::random(), AutoCommit::new()).await;
    peer.wait("the handshake", 10, |st| st.client.is_connected())
        .await;
    for f in frames(peer.ids()) {
        peer.send_raw(f);
    }
    let close = peer.wait_closed(20).await.expect("a close frame");
    let told = peer
        .state
        .lock()
        .unwrap()
        .events
        .iter()
        .any(|e| matches!(e, Event::RemoteError { .. }));
    (close, told)
}

/// As [`refused_with`], the close frame only.
pub async fn rejected_with(
    url: &str,
    frames: impl FnOnce((String, String)) -> Vec<WsMessage>,
) -> (u16, String) {
    refused_with(url, frames).await.0
}

/// An `ephemeral` frame (presence) from us to the relay.
pub fn ephemeral_frame(
    (me, relay): &(String, String),
    doc: DocumentId,
    count: u64,
    data: Vec<u8>,
) -> WsMessage {
    WsMessage::Binary(
        radslag_core::sync::Message::Ephemeral {
            sender_id: me.clone(),
            target_id: relay.clone(),
            count,
            session_id: "s".into(),
            document_id: doc,
            data,
        }
        .encode()
        .into(),
    )
}

/// A `sync` frame from us to the relay.
pub fn sync_frame((me, relay): &(String, String), doc: DocumentId, data: Vec<u8>) -> WsMessage {
    WsMessage::Binary(
        radslag_core::sync::Message::Sync {
            sender_id: me.clone(),
            target_id: relay.clone(),
            document_id: doc,
            data,
        }
        .encode()
        .into(),
    )
}

/// An Automerge sync message carrying `changes` (raw chunks).
pub fn sync_data(changes: Vec<Vec<u8>>) -> Vec<u8> {
    automerge::sync::Message {
        heads: vec![],
        need: vec![],
        have: vec![],
        changes: automerge::sync::ChunkList::from(changes),
        flags: None,
        version: automerge::sync::MessageVersion::V1,
    }
    .encode()
}

/// The directory the relay keeps document `id` in.
pub fn doc_dir(data: &Path, id: &DocumentId) -> PathBuf {
    let id = id.to_string();
    data.join(&id[..2]).join(&id[2..])
}
