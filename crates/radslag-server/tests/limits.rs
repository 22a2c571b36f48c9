//! The relay's resource bounds, against a real `radslag serve`: connections
//! in total and per client (behind a trusted proxy too), new documents per
//! connection and in total, bytes per document and in total, the free-space
//! floor, a client that does not read, slow headers, the byte rate and the
//! Origin check.

mod common;

use std::{
    io::{Read, Write},
    time::{Duration, Instant},
};

use automerge::{AutoCommit, ROOT, ReadDoc as _, transaction::Transactable as _};
use common::{Peer, Server, ephemeral_frame, http_get, rejected_with, sync_data, sync_frame};
use futures::{SinkExt, StreamExt};
use radslag_core::sync::{DocumentId, Message};
use tokio_tungstenite::tungstenite::{Message as WsMessage, client::IntoClientRequest};

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens `/sync` with extra headers: the socket, or the HTTP status refusing it.
async fn open(url: &str, headers: &[(&str, &str)]) -> Result<Ws, u16> {
    let mut request = url.into_client_request().unwrap();
    for (k, v) in headers {
        request.headers_mut().insert(
            tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((ws, _)) => Ok(ws),
        Err(tokio_tungstenite::tungstenite::Error::Http(r)) => Err(r.status().as_u16()),
        Err(e) => panic!("{e}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_are_bounded_in_total_and_per_client() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(
        data.path(),
        &[
            "--max-connections",
            "3",
            "--max-connections-per-client",
            "2",
            "--trusted-proxy",
            "127.0.0.1",
        ],
    );
    let url = server.url();
    let a = |ip| [("x-forwarded-for", ip)];
    let a1 = open(&url, &a("192.0.2.1")).await.unwrap();
    let _a2 = open(&url, &a("192.0.2.1")).await.unwrap();
    assert_eq!(open(&url, &a("192.0.2.1")).await.err(), Some(429));
    let _b1 = open(&url, &a("192.0.2.2")).await.unwrap();
    assert_eq!(open(&url, &a("192.0.2.3")).await.err(), Some(503));
    // A closed connection frees its place.
    drop(a1);
    let mut again = Err(0);
    for _ in 0..50 {
        again = open(&url, &a("192.0.2.3")).await;
        if again.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(again.is_ok(), "{:?}", again.err());

    // Without --trusted-proxy the header is not believed: one client.
    let data = tempfile::tempdir().unwrap();
    let direct = Server::start(data.path(), &["--max-connections-per-client", "2"]);
    let url = direct.url();
    let _x = open(&url, &a("192.0.2.1")).await.unwrap();
    let _y = open(&url, &a("192.0.2.2")).await.unwrap();
    assert_eq!(open(&url, &a("192.0.2.3")).await.err(), Some(429));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_serving_origin_may_sync_from_a_browser() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let url = server.url();
    let own = format!("http://127.0.0.1:{}", server.port);
    assert!(open(&url, &[("origin", own.as_str())]).await.is_ok());
    assert_eq!(
        open(&url, &[("origin", "https://evil.example")])
            .await
            .err(),
        Some(403)
    );
    // No Origin: not a browser (native and Node clients).
    assert!(open(&url, &[]).await.is_ok());

    let data = tempfile::tempdir().unwrap();
    let listed = Server::start(
        data.path(),
        &["--allowed-origin", "https://radslag.example.se"],
    );
    let url = listed.url();
    assert!(
        open(&url, &[("origin", "https://radslag.example.se")])
            .await
            .is_ok()
    );
    assert_eq!(
        open(&url, &[("origin", own.as_str())]).await.err(),
        Some(403)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_documents_are_bounded_per_connection_and_in_total() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(
        data.path(),
        &["--max-new-docs-per-connection", "2", "--max-documents", "3"],
    );
    let url = server.url();
    let empty = sync_data(vec![]);
    let (code, reason) = rejected_with(&url, |ids| {
        (0..3)
            .map(|_| sync_frame(&ids, DocumentId::random(), empty.clone()))
            .collect()
    })
    .await;
    assert_eq!(code, 1008, "{reason}");
    assert!(reason.contains("more than 2 new documents"), "{reason}");

    // Three documents fill the relay; a fourth is refused, edits of the
    // stored ones are not.
    let mut peers = Vec::new();
    for i in 0..3 {
        let mut p = Peer::create(&url, "p", &format!("doc {i}")).await;
        p.wait_synced(10).await;
        peers.push(p);
    }
    let mut fourth = Peer::create(&url, "q", "one too many").await;
    let close = fourth.wait_closed(10).await.expect("a close frame");
    assert_eq!(close.0, 1013, "{close:?}");
    assert!(close.1.contains("maximum of 3 documents"), "{close:?}");
    peers[0].put("still", 1);
    peers[0].wait_synced(10).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_bytes_are_bounded_per_document_in_total_and_by_free_space() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--max-document-bytes", "20000"]);
    let mut alice = Peer::create(&server.url(), "alice", "Liten").await;
    alice.wait_synced(10).await;
    let mut x = 1u64;
    let noise = |n: usize, x: &mut u64| -> String {
        (0..n)
            .map(|_| {
                *x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + ((*x >> 33) % 26) as u8)
            })
            .collect()
    };
    alice.edit(|d| {
        d.put(ROOT, "big", noise(60_000, &mut x)).unwrap();
    });
    let close = alice.wait_closed(10).await.expect("a close frame");
    assert_eq!(close.0, 1008, "{close:?}");
    assert!(close.1.contains("limit of 20000 bytes"), "{close:?}");

    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--max-total-bytes", "20000"]);
    let mut alice = Peer::create(&server.url(), "alice", "Ett").await;
    alice.wait_synced(10).await;
    let mut bob = Peer::create(&server.url(), "bob", "Två").await;
    bob.wait_synced(10).await;
    bob.edit(|d| {
        d.put(ROOT, "big", noise(60_000, &mut x)).unwrap();
    });
    let close = bob.wait_closed(10).await.expect("a close frame");
    assert_eq!(close.0, 1013, "{close:?}");
    assert!(close.1.contains("limit of 20000 bytes stored"), "{close:?}");

    // Free space under the floor: degraded, and changes are refused.
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--min-free-bytes", "1000000000000000000"]);
    let (status, body) = http_get(server.port, "/healthz", &[]);
    assert_eq!(status, 503);
    assert!(body.contains("under the floor"), "{body}");
    let mut alice = Peer::create(&server.url(), "alice", "Fullt").await;
    let close = alice.wait_closed(10).await.expect("a close frame");
    assert_eq!(close.0, 1013, "{close:?}");
    assert!(close.1.contains("free space"), "{close:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_does_not_read_is_disconnected() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(
        data.path(),
        &[
            "--max-outgoing-bytes",
            "20000",
            "--rate-limit-per-sec",
            "100000",
            "--bytes-per-sec",
            "100000000",
        ],
    );
    let url = server.url();
    let mut alice = Peer::create(&url, "alice", "Brus").await;
    alice.wait_synced(10).await;

    // A reader with a small receive buffer that asks for the document and
    // then stops reading.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(8192).unwrap();
    let tcp = socket
        .connect(format!("127.0.0.1:{}", server.port).parse().unwrap())
        .await
        .unwrap();
    let (mut slow, _) = tokio_tungstenite::client_async(url.as_str(), tcp)
        .await
        .unwrap();
    let me = "slow-reader".to_string();
    let join = Message::Join {
        sender_id: me.clone(),
        supported_protocol_versions: vec!["1".into()],
        peer_metadata: Default::default(),
    };
    slow.send(WsMessage::Binary(join.encode().into()))
        .await
        .unwrap();
    let relay = loop {
        if let Some(Ok(WsMessage::Binary(b))) = slow.next().await
            && let Ok(Message::Peer { sender_id, .. }) = Message::decode(&b)
        {
            break sender_id;
        }
    };
    let request = Message::Request {
        sender_id: me.clone(),
        target_id: relay.clone(),
        document_id: alice.id,
        data: sync_data(vec![]),
    };
    slow.send(WsMessage::Binary(request.encode().into()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Alice's presence, 6 MB of it, more than the buffers between us hold.
    let ids = alice.ids();
    for i in 0..400 {
        let mut data = vec![0x59, 0x3e, 0x80];
        data.extend(std::iter::repeat_n(b'x', 16_000));
        alice.send_raw(ephemeral_frame(&ids, alice.id, i, data));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    // Now read: the big message, maybe more, then the close with the reason.
    let mut close = None;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        match tokio::time::timeout(Duration::from_secs(30), slow.next()).await {
            Ok(Some(Ok(WsMessage::Close(Some(f))))) => {
                close = Some((u16::from(f.code), f.reason.to_string()));
                break;
            }
            Ok(Some(Ok(_))) => {}
            _ => break,
        }
    }
    let close = close.expect("a close frame");
    assert_eq!(close.0, 1008, "{close:?}");
    assert!(close.1.contains("reads too slowly"), "{close:?}");
    // Alice is unaffected.
    alice.put("after", 1);
    alice.wait_synced(10).await;
}

#[test]
fn slow_headers_are_cut_off() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--header-timeout-secs", "1"]);
    let mut tcp = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    tcp.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let started = Instant::now();
    let mut received = Vec::new();
    let _ = tcp.read_to_end(&mut received);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "still open after {:?}",
        started.elapsed()
    );
    let text = String::from_utf8_lossy(&received);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fast_sender_is_slowed_to_the_byte_rate() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(
        data.path(),
        &[
            "--bytes-per-sec",
            "200000",
            "--max-message-bytes",
            "100000",
            "--rate-limit-per-sec",
            "1000",
        ],
    );
    let url = server.url();
    let (alice, mut bob) = common::alice_and_bob(&url, "Brus").await;
    // Alice sends 1 MB of presence in 90 kB messages at once; the relay reads
    // it at 200 kB/s (after a burst of one largest message), so Bob gets the
    // last one no sooner than about 4 s later.
    let ids = alice.ids();
    let started = Instant::now();
    for i in 0..11 {
        let mut data = vec![0x5a, 0x00, 0x01, 0x5f, 0x90];
        data.extend(std::iter::repeat_n(b'x', 90_000));
        alice.send_raw(ephemeral_frame(&ids, alice.id, i, data));
    }
    bob.wait("every presence message", 30, |st| {
        st.events
            .iter()
            .filter(|e| matches!(e, radslag_core::sync::Event::Ephemeral { .. }))
            .count()
            >= 11
    })
    .await;
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(3500), "took only {took:?}");
    assert!(
        alice.state.lock().unwrap().close.is_none(),
        "slowed, not closed"
    );
    let _ = bob.get("title");
    assert!(
        bob.state
            .lock()
            .unwrap()
            .doc
            .get(ROOT, "title")
            .unwrap()
            .is_some()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_nobody_has_open_are_unloaded_and_load_again() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--unload-after-secs", "1"]);
    let url = server.url();
    let mut ids = Vec::new();
    for i in 0..10 {
        let mut p = Peer::create(&url, "p", &format!("doc {i}")).await;
        p.put("n", i);
        p.wait_synced(10).await;
        ids.push((p.id, p.heads()));
    }
    // All closed: after a second of idleness every document is unloaded,
    // and its repository's tasks end.
    common::eventually("the documents unloaded", 15, || {
        server
            .log()
            .contains("(0 still loaded); 0 repository tasks running")
    })
    .await;
    let unloaded: usize = server
        .log()
        .lines()
        .filter_map(|l| l.split("unloaded ").nth(1))
        .filter_map(|r| r.split(' ').next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(unloaded, 10, "{}", server.log());
    // And load again from disk for the next member.
    for (id, heads) in ids {
        let mut q = Peer::connect(&url, "q", id, AutoCommit::new()).await;
        q.wait_heads("the stored document", &heads, 10).await;
    }
}
