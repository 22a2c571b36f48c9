//! A relay fed random and mutated frames from many connections at once
//! (generated with proptest's strategies from a fixed seed) stays up, and
//! two honest clients editing meanwhile still converge.

mod common;

use std::time::Duration;

use automerge::{AutoCommit, ROOT, ReadDoc as _, transaction::Transactable as _};
use common::{Peer, Server, http_get};
use proptest::{
    prelude::*,
    strategy::ValueTree,
    test_runner::{Config, RngAlgorithm, TestRng, TestRunner},
};
use radslag_core::sync::{DocumentId, Message};
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// A sync message a real peer would send for `doc` with a change of its own.
fn real_sync_data(doc: &mut AutoCommit, key: &str) -> Vec<u8> {
    let mut fork = doc.fork();
    fork.put(ROOT, key, "x").unwrap();
    fork.commit();
    let mut state = automerge::sync::State::new();
    use automerge::sync::SyncDoc as _;
    fork.sync()
        .generate_sync_message(&mut state)
        .map(|m| m.encode())
        .unwrap_or_default()
}

fn mutate(mut frame: Vec<u8>, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    for &(at, byte, op) in edits {
        let n = frame.len();
        match op % 4 {
            0 if n > 0 => frame[at % n] ^= byte | 1,
            1 => frame.insert(at % (n + 1), byte),
            2 if n > 0 => {
                frame.remove(at % n);
            }
            3 => frame.truncate(at % (n + 1)),
            _ => {}
        }
    }
    frame
}

/// One hostile frame, made of the strategy's random choices.
fn hostile_frame(
    choice: u8,
    noise: Vec<u8>,
    edits: Vec<(usize, u8, u8)>,
    ids: &(String, String),
    doc: DocumentId,
    sync_data: &[u8],
) -> Vec<u8> {
    let (me, relay) = ids.clone();
    let sync = |data: Vec<u8>| {
        Message::Sync {
            sender_id: me.clone(),
            target_id: relay.clone(),
            document_id: doc,
            data,
        }
        .encode()
    };
    match choice % 7 {
        0 => noise,
        1 => mutate(sync(sync_data.to_vec()), &edits),
        2 => sync(mutate(sync_data.to_vec(), &edits)),
        3 => Message::Ephemeral {
            sender_id: me.clone(),
            target_id: relay.clone(),
            count: noise.len() as u64,
            session_id: "s".into(),
            document_id: doc,
            data: noise,
        }
        .encode(),
        4 => mutate(
            Message::Request {
                sender_id: me.clone(),
                target_id: relay.clone(),
                document_id: doc,
                data: sync_data.to_vec(),
            }
            .encode(),
            &edits,
        ),
        5 => Message::Join {
            sender_id: String::from_utf8_lossy(&noise).into_owned(),
            supported_protocol_versions: vec!["1".into()],
            peer_metadata: None,
        }
        .encode(),
        _ => mutate(
            Message::DocUnavailable {
                sender_id: me,
                target_id: relay,
                document_id: doc,
            }
            .encode(),
            &edits,
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_and_mutated_frames_from_many_connections_leave_honest_clients_converging() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--max-connections-per-client", "100"]);
    let url = server.url();
    let (mut alice, mut bob) = common::alice_and_bob(&url, "Ärlig").await;
    let doc = alice.id;
    let sync_data = real_sync_data(&mut alice.state.lock().unwrap().doc, "evil");

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut attackers = Vec::new();
    for attacker in 0..12u32 {
        let url = url.clone();
        let stop = stop.clone();
        let sync_data = sync_data.clone();
        attackers.push(tokio::spawn(async move {
            let mut seed = [0u8; 32];
            seed[..4].copy_from_slice(&attacker.to_le_bytes());
            let mut runner = TestRunner::new_with_rng(
                Config::default(),
                TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
            );
            let strategy = (
                any::<u8>(),
                proptest::collection::vec(any::<u8>(), 0..300),
                proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..5),
            );
            let mut sent = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Half the time the attacker's connection is about the
                // honest document, half a random one.
                let target = if sent % 2 == 0 {
                    doc
                } else {
                    DocumentId::random()
                };
                let peer =
                    Peer::connect(&url, "evil", DocumentId::random(), AutoCommit::new()).await;
                let mut peer = peer;
                peer.wait("the handshake", 10, |st| {
                    st.client.is_connected() || st.closed
                })
                .await;
                let ids = {
                    let st = peer.state.lock().unwrap();
                    (
                        st.client.peer_id().to_owned(),
                        st.client.remote_peer().unwrap_or("relay").to_owned(),
                    )
                };
                for _ in 0..10 {
                    let (choice, noise, edits) = strategy.new_tree(&mut runner).unwrap().current();
                    let frame = hostile_frame(choice, noise, edits, &ids, target, &sync_data);
                    peer.send_raw(WsMessage::Binary(frame.into()));
                    sent += 1;
                }
                tokio::time::sleep(Duration::from_millis(30)).await;
            }
            sent
        }));
    }

    // Meanwhile the honest ones edit.
    for i in 0..40 {
        alice.put(&format!("a{i}"), i);
        bob.put(&format!("b{i}"), i);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut sent = 0;
    for a in attackers {
        sent += a.await.unwrap();
    }
    eprintln!("{sent} hostile frames sent");
    assert!(sent > 500, "only {sent} hostile frames");

    for peer in [&mut alice, &mut bob] {
        peer.wait("both sides' edits", 30, |st| {
            (0..40).all(|i| {
                st.doc.get(ROOT, format!("a{i}")).unwrap().is_some()
                    && st.doc.get(ROOT, format!("b{i}")).unwrap().is_some()
            })
        })
        .await;
    }
    alice.wait_synced(10).await;
    bob.wait_synced(10).await;
    assert_eq!(alice.heads(), bob.heads());
    assert!(alice.state.lock().unwrap().close.is_none());
    assert!(bob.state.lock().unwrap().close.is_none());
    let mut server = server;
    assert!(server.is_running());
    assert_eq!(http_get(server.port, "/healthz", &[]), (200, "ok".into()));
    // A newcomer still gets the document.
    let mut carol = Peer::connect(&url, "carol", doc, AutoCommit::new()).await;
    carol.wait_heads("everything", &alice.heads(), 10).await;
}
