//! The relay at /sync as a real process, with real WebSocket clients driving
//! the core's SyncClient: convergence, late joiners, restarts and `kill -9`,
//! and hostile frames.

mod common;

use std::{
    collections::HashSet,
    io::{Read, Write},
    time::Duration,
};

use automerge::{AutoCommit, ChangeHash, ROOT, transaction::Transactable as _};
use common::{Peer, Server, ephemeral_frame, refused_with, sync_data, sync_frame};
use radslag_core::sync::DocumentId;
use tokio_tungstenite::tungstenite::Message as WsMessage;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_clients_converge_and_a_late_third_gets_everything() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);

    let mut alice = Peer::create(&server.url(), "alice", "Samverkansgruppen").await;
    alice.wait_synced(10).await;
    let mut bob = Peer::connect(&server.url(), "bob", alice.id, AutoCommit::new()).await;
    bob.wait("alice's document", 10, |st| !st.doc.get_heads().is_empty())
        .await;
    assert_eq!(bob.get("title").as_deref(), Some("Samverkansgruppen"));

    // Both edit at once, several times.
    for i in 0..20 {
        alice.put(&format!("a{i}"), i);
        bob.put(&format!("b{i}"), i);
        alice.edit(|d| {
            d.put(ROOT, "title", format!("Alice {i}")).unwrap();
        });
        bob.edit(|d| {
            d.put(ROOT, "title", format!("Bob {i}")).unwrap();
        });
    }
    let expected_keys = 41;
    for peer in [&mut alice, &mut bob] {
        peer.wait("both sides' edits", 20, |st| {
            automerge::ReadDoc::length(&st.doc, ROOT) == expected_keys
        })
        .await;
    }
    alice.wait_synced(10).await;
    bob.wait_synced(10).await;
    bob.wait_heads("the same heads", &alice.heads(), 10).await;
    assert_eq!(alice.get("title"), bob.get("title"), "the same winner");

    // A third joins later and gets everything.
    let mut carol = Peer::connect(&server.url(), "carol", alice.id, AutoCommit::new()).await;
    carol.wait_heads("everything", &alice.heads(), 10).await;
    assert_eq!(carol.get("a19").as_deref(), Some("19"));
    assert_eq!(carol.get("b19").as_deref(), Some("19"));

    // The relay stores in automerge-repo's NodeFS layout.
    let dir = common::doc_dir(data.path(), &alice.id);
    assert!(dir.is_dir(), "{} holds the document", dir.display());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_keeps_every_change_and_serves_it_with_the_author_offline() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(data.path(), &[]);
    let (id, heads) = common::stored_document(&server.url(), "Före omstart", 30).await;

    server.stop();
    server.restart();
    let mut bob = Peer::connect(&server.url(), "bob", id, AutoCommit::new()).await;
    bob.wait_heads("the document from the relay's disk", &heads, 10)
        .await;
    assert_eq!(bob.get("k29").as_deref(), Some("29"));
}

/// Every change in `doc` that the relay's reported heads cover. Heads this
/// peer has not received yet (other writers' latest changes) are left out:
/// Automerge cannot say what they cover, and what the known ones cover is
/// acknowledged all the same.
fn acknowledged(doc: &mut AutoCommit, relay_heads: &[ChangeHash]) -> HashSet<ChangeHash> {
    let known: Vec<ChangeHash> = relay_heads
        .iter()
        .filter(|h| doc.get_change_by_hash(h).is_some())
        .copied()
        .collect();
    let all: HashSet<ChangeHash> = doc.get_changes(&[]).iter().map(|c| c.hash()).collect();
    let after: HashSet<ChangeHash> = doc.get_changes(&known).iter().map(|c| c.hash()).collect();
    all.difference(&after).copied().collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_in_the_middle_of_traffic_keeps_acknowledged_changes() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(data.path(), &["--rate-limit-per-sec", "100000"]);
    let alice = Peer::create(&server.url(), "alice", "Trafik").await;
    let mut alice = alice;
    alice.wait_synced(10).await;
    let bob = Peer::connect(&server.url(), "bob", alice.id, AutoCommit::new()).await;

    // Both write as fast as they can; kill the relay while they do.
    let alice_task = write_until_closed(alice, "a");
    let bob_task = write_until_closed(bob, "b");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill9();
    let writers = [alice_task.await.unwrap(), bob_task.await.unwrap()];
    let must_have = acknowledged_by_relay(&writers, 20);

    server.restart();
    let id = writers[0].id;
    expect_survivors(&server.url(), id, &must_have).await;
}

/// `count` peers named w0, w1, …: w0 creates a document through the relay,
/// the others join it; each has it before this returns.
async fn writers_with_the_document(server: &Server, title: &str, count: usize) -> Vec<Peer> {
    let mut first = Peer::create(&server.url(), "w0", title).await;
    first.wait_synced(10).await;
    let id = first.id;
    let mut peers = vec![first];
    for i in 1..count {
        let mut peer = Peer::connect(&server.url(), &format!("w{i}"), id, AutoCommit::new()).await;
        peer.wait("the document", 10, |st| !st.doc.get_heads().is_empty())
            .await;
        peers.push(peer);
    }
    peers
}

/// With many writers on one document the relay batches what they send (one
/// sync message per peer for everything that arrived meanwhile): still
/// every change acknowledged is on disk, and every change reaches everyone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_writers_at_once_kill_9_keeps_acknowledged_changes() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(data.path(), &["--rate-limit-per-sec", "100000"]);
    let peers = writers_with_the_document(&server, "Många skribenter", 20).await;
    let id = peers[0].id;
    let writers: Vec<_> = peers
        .into_iter()
        .enumerate()
        .map(|(i, peer)| write_until_closed(peer, format!("w{i}-")))
        .collect();
    tokio::time::sleep(Duration::from_millis(2000)).await;
    server.kill9();
    let writers = futures::future::join_all(writers).await;
    let writers: Vec<Peer> = writers.into_iter().map(Result::unwrap).collect();
    let must_have = acknowledged_by_relay(&writers, 0);
    assert!(
        must_have.len() > 20,
        "only {} changes were acknowledged",
        must_have.len()
    );

    server.restart();
    expect_survivors(&server.url(), id, &must_have).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_writers_at_once_every_change_reaches_every_peer() {
    const WRITERS: usize = 20;
    const CHANGES: i64 = 25;
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(data.path(), &["--rate-limit-per-sec", "100000"]);
    let mut peers = writers_with_the_document(&server, "Alla når alla", WRITERS).await;
    let id = peers[0].id;
    // Everyone writes at once, without waiting for anything.
    for k in 0..CHANGES {
        for (i, p) in peers.iter().enumerate() {
            p.put(&format!("w{i}-{k}"), k);
        }
        tokio::task::yield_now().await;
    }
    let every_key = WRITERS * CHANGES as usize + 1;
    for p in &mut peers {
        p.wait("every writer's every change", 60, |st| {
            automerge::ReadDoc::length(&st.doc, ROOT) == every_key
        })
        .await;
        p.wait_synced(30).await;
    }
    let heads = peers[0].heads();
    for p in &mut peers {
        p.wait_heads("the same heads everywhere", &heads, 10).await;
    }

    // All of it was acknowledged, so all of it survives kill -9.
    server.kill9();
    server.restart();
    let mut late = Peer::connect(&server.url(), "late", id, AutoCommit::new()).await;
    late.wait_heads("everything from the relay's disk", &heads, 20)
        .await;
}

/// Writes a new key every 2 ms until the connection is closed.
fn write_until_closed(peer: Peer, prefix: impl Into<String>) -> tokio::task::JoinHandle<Peer> {
    let prefix = prefix.into();
    tokio::spawn(async move {
        let mut i = 0;
        loop {
            peer.put(&format!("{prefix}{i}"), i);
            i += 1;
            if peer.state.lock().unwrap().closed {
                return peer;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    })
}

/// The changes the relay acknowledged to any of `peers` (more than `least`
/// to each).
fn acknowledged_by_relay(peers: &[Peer], least: usize) -> HashSet<ChangeHash> {
    let mut must_have = HashSet::new();
    for peer in peers {
        let mut st = peer.state.lock().unwrap();
        let relay_heads = st.client.remote_heads(&peer.id).unwrap_or_default();
        let acked = acknowledged(&mut st.doc, &relay_heads);
        assert!(
            acked.len() > least,
            "only {} changes were acknowledged",
            acked.len()
        );
        must_have.extend(acked);
    }
    must_have
}

/// A new peer gets every change in `must_have` from the restarted relay.
async fn expect_survivors(url: &str, id: DocumentId, must_have: &HashSet<ChangeHash>) {
    let mut carol = Peer::connect(url, "carol", id, AutoCommit::new()).await;
    carol
        .wait("every acknowledged change after kill -9", 20, |st| {
            must_have
                .iter()
                .all(|h| st.doc.get_change_by_hash(h).is_some())
        })
        .await;
    eprintln!("{} acknowledged changes survived kill -9", must_have.len());
}

/// Sends frames on a fresh connection and returns the relay's close frame
/// and whether it sent an automerge-repo error message first.
async fn rejected(url: &str, frames: Vec<WsMessage>) -> ((u16, String), bool) {
    refused_with(url, |_| frames).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_frames_close_only_their_connection() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(
        data.path(),
        &[
            "--max-message-bytes",
            "65536",
            "--max-docs-per-connection",
            "3",
            "--rate-limit-per-sec",
            "50",
        ],
    );
    let url = server.url();
    let (alice, mut bob) = common::alice_and_bob(&url, "Lugnt").await;

    let bin = |b: Vec<u8>| WsMessage::Binary(b.into());
    let (close, told) = rejected(&url, vec![bin(vec![0xff, 0x00, 0x13])]).await;
    assert_eq!(close.0, 1007, "{close:?}");
    assert!(close.1.contains("malformed"), "{close:?}");
    assert!(told, "an error message before the close");

    let (close, _) = rejected(&url, vec![bin(vec![0xa1; 100_000])]).await;
    assert_eq!(close.0, 1009, "{close:?}");

    let (close, _) = rejected(&url, vec![bin(vec![0xa1; 65_537])]).await;
    assert_eq!(close.0, 1009, "{close:?}");
    assert!(close.1.contains("65536"), "{close:?}");

    let (close, _) = rejected(&url, vec![WsMessage::Text("hej".into())]).await;
    assert_eq!(close.0, 1003, "{close:?}");

    let (close, _) =
        refused_with(&url, |ids| vec![sync_frame(&ids, alice.id, vec![1, 2, 3])]).await;
    assert_eq!(close.0, 1007, "{close:?}");
    assert!(close.1.contains("sync message"), "{close:?}");

    let empty_sync = sync_data(vec![]);
    let many_docs = |ids: (String, String)| {
        (0..5)
            .map(|_| sync_frame(&ids, DocumentId::random(), empty_sync.clone()))
            .collect()
    };
    let (close, told) = refused_with(&url, many_docs).await;
    assert_eq!(close.0, 1008, "{close:?}");
    assert!(close.1.contains("more than 3 documents"), "{close:?}");
    assert!(told);

    let flood = |ids: (String, String)| {
        (0..500)
            .map(|i| ephemeral_frame(&ids, alice.id, i, vec![0xf6]))
            .collect()
    };
    let (close, _) = refused_with(&url, flood).await;
    assert_eq!(close.0, 1008, "{close:?}");
    assert!(close.1.contains("rate limit"), "{close:?}");

    // Everyone else is still served.
    assert!(server.is_running());
    alice.put("after", 1);
    bob.wait("alice's edit after the attacks", 10, |st| {
        automerge::ReadDoc::get(&st.doc, ROOT, "after")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(alice.state.lock().unwrap().close.is_none());
}

#[test]
fn idle_connections_are_closed() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--idle-timeout-secs", "1"]);
    // A hand-made WebSocket handshake, then silence (not even a pong).
    let mut tcp = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        tcp,
        "GET /sync HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    .unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let started = std::time::Instant::now();
    let mut received = Vec::new();
    let _ = tcp.read_to_end(&mut received);
    let text = String::from_utf8_lossy(&received);
    assert!(text.starts_with("HTTP/1.1 101"), "{text}");
    assert!(
        text.contains("idle for 1 s"),
        "a close frame with the reason: {text:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}
