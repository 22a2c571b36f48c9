//! The relay under faults, as a real process: a panic handling one
//! connection or one document, unreadable stored chunks and documents,
//! storage that fails (injected, and a real full file system), and change
//! bombs.

mod common;

use std::time::Duration;

use automerge::{AutoCommit, ROOT, ReadDoc as _, transaction::Transactable as _};
use common::{
    Faults, Peer, Server, doc_dir, eventually, http_get, rejected_with, sync_data, sync_frame,
};
use radslag_core::sync::DocumentId;

fn quarantined(data: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(data.join(".quarantine"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_handling_one_connection_closes_only_that_one() {
    let data = tempfile::tempdir().unwrap();
    let faults = Faults::new();
    let evil_doc = DocumentId::random();
    faults.set(&[&format!("panic-on-message {evil_doc}")]);
    let mut server = Server::start(data.path(), &["--faults-file", &faults.arg()]);
    let url = server.url();
    let (alice, mut bob) = common::alice_and_bob(&url, "Lugnt").await;

    let mut evil = Peer::connect(&url, "evil", evil_doc, AutoCommit::new()).await;
    let close = evil.wait_closed(10).await.expect("a close frame");
    assert_eq!(close.0, 1011, "{close:?}");
    assert!(close.1.contains("internal error"), "{close:?}");

    assert!(server.is_running());
    alice.put("after", 1);
    bob.wait("alice's edit after the panic", 10, |st| {
        st.doc.get(ROOT, "after").unwrap().is_some()
    })
    .await;
    // And new connections are served.
    let mut carol = Peer::connect(&url, "carol", alice.id, AutoCommit::new()).await;
    carol
        .wait("the document", 10, |st| {
            st.doc.get(ROOT, "after").unwrap().is_some()
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_inside_one_documents_repository_closes_only_its_connections() {
    let data = tempfile::tempdir().unwrap();
    let faults = Faults::new();
    let mut server = Server::start(data.path(), &["--faults-file", &faults.arg()]);
    let url = server.url();
    let (alice, mut bob) = common::alice_and_bob(&url, "Lugnt").await;
    let (mut mallory, mut eve) = common::alice_and_bob(&url, "Giftig").await;
    let evil = mallory.id;

    // The next sync message of the evil document panics inside its
    // repository, as Automerge applying a hostile change would.
    faults.set(&[&format!("panic-in-document {evil}")]);
    let started = std::time::Instant::now();
    mallory.put("boom", 1);
    for peer in [&mut mallory, &mut eve] {
        let close = peer.wait_closed(10).await.expect("a close frame");
        assert_eq!(close.0, 1011, "{close:?}");
        assert!(close.1.contains("internal error"), "{close:?}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "closed after {:?}",
        started.elapsed()
    );
    let log = server.log();
    assert!(log.contains("repository panicked"), "{log}");
    assert!(
        !log.contains(&evil.to_string()),
        "no document id in clear: {log}"
    );

    // Everyone else keeps syncing, and the relay is up.
    assert!(server.is_running());
    alice.put("after", 1);
    bob.wait("alice's edit after the panic", 10, |st| {
        st.doc.get(ROOT, "after").unwrap().is_some()
    })
    .await;
    assert!(alice.state.lock().unwrap().close.is_none());

    // The evil document is served again by a new repository.
    faults.set(&[]);
    let heads = eve.heads();
    let mut carol = Peer::connect(&url, "carol", evil, AutoCommit::new()).await;
    carol.wait_heads("the evil document", &heads, 10).await;
    carol.put("again", 1);
    carol.wait_synced(10).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_document_that_panics_on_load_is_quarantined_once() {
    let data = tempfile::tempdir().unwrap();
    let faults = Faults::new();
    let mut server = Server::start(data.path(), &["--faults-file", &faults.arg()]);
    let mut alice = Peer::create(&server.url(), "alice", "Giftig").await;
    alice.wait_synced(10).await;
    let mut other = Peer::create(&server.url(), "other", "Frisk").await;
    other.wait_synced(10).await;
    let (bad, good) = (alice.id, other.id);
    drop((alice, other));
    server.stop();

    faults.set(&[&format!("panic-on-load {bad}")]);
    server.restart();
    let mut bob = Peer::connect(&server.url(), "bob", bad, AutoCommit::new()).await;
    bob.wait_unavailable(10).await;
    assert!(!doc_dir(data.path(), &bad).exists(), "moved aside");
    let moved = quarantined(data.path());
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert!(
        !moved[0].contains(&bad.to_string()[2..]),
        "the quarantine's name does not carry the id: {moved:?}"
    );
    // Everyone else is served.
    assert!(server.is_running());
    let mut carol = Peer::connect(&server.url(), "carol", good, AutoCommit::new()).await;
    carol
        .wait("the other document", 10, |st| {
            !st.doc.get_heads().is_empty()
        })
        .await;

    // Not retried at the next start; the quarantined files are kept.
    faults.set(&[]);
    server.stop();
    server.restart();
    let mut dave = Peer::connect(&server.url(), "dave", bad, AutoCommit::new()).await;
    dave.wait_unavailable(10).await;
    assert_eq!(quarantined(data.path()), moved);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupt_chunk_at_start_is_quarantined_not_deleted() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(data.path(), &[]);
    let (id, heads) = common::stored_document(&server.url(), "Hel", 3).await;
    server.stop();

    let garbage = b"\x85\x6f\x4a\x83\x00\x00\x00\x00\x01\x05garbage and more".to_vec();
    let chunk = doc_dir(data.path(), &id)
        .join("incremental")
        .join("deadbeef");
    std::fs::write(&chunk, &garbage).unwrap();
    server.restart();
    assert!(!chunk.exists(), "moved out of the document");
    let moved = quarantined(data.path());
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(
        std::fs::read(data.path().join(".quarantine").join(&moved[0])).unwrap(),
        garbage,
        "kept whole"
    );
    let mut bob = Peer::connect(&server.url(), "bob", id, AutoCommit::new()).await;
    bob.wait_heads("the rest of the document", &heads, 10).await;
}

/// Every change in the peer's document that the relay's reported heads cover.
fn acknowledged(peer: &Peer) -> usize {
    let mut st = peer.state.lock().unwrap();
    let heads = st.client.remote_heads(&peer.id).unwrap_or_default();
    let all = st.doc.get_changes(&[]).len();
    all - st.doc.get_changes(&heads).len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_write_is_never_acknowledged_and_compaction_deletes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let faults = Faults::new();
    let mut server = Server::start(
        data.path(),
        &["--faults-file", &faults.arg(), "--ack-timeout-secs", "2"],
    );
    let url = server.url();
    let mut alice = Peer::create(&url, "alice", "Före").await;
    for i in 0..5 {
        alice.put(&format!("k{i}"), i);
    }
    alice.wait_synced(10).await;
    let id = alice.id;
    let before = acknowledged(&alice);
    assert_eq!(before, 6);
    let mut offline = alice.state.lock().unwrap().doc.fork();
    drop(alice);

    // Storage fails. Fifteen changes made offline arrive at once: enough
    // for samod to compact (write a snapshot, then delete the chunks it
    // replaces).
    faults.set(&["fail-writes"]);
    for i in 0..15 {
        offline.put(ROOT, format!("offline{i}"), i).unwrap();
        offline.commit();
    }
    let mut alice = Peer::connect(&url, "alice", id, offline.fork()).await;
    let close = alice.wait_closed(15).await.expect("a close frame");
    assert_eq!(close.0, 1013, "{close:?}");
    assert_eq!(acknowledged(&alice), before, "nothing new acknowledged");
    assert!(!alice.is_synced());
    let (status, body) = http_get(server.port, "/healthz", &[]);
    assert_eq!(status, 503, "{body}");
    assert!(body.starts_with("degraded: storage failing"), "{body}");

    // While it fails, new changes are refused outright.
    let mut bob = Peer::connect(&url, "bob", id, offline.fork()).await;
    bob.edit(|d| {
        d.put(ROOT, "bob", 1).unwrap();
    });
    let close = bob.wait_closed(15).await.expect("a close frame");
    assert_eq!(close.0, 1013, "{close:?}");

    // kill -9 while it fails: what was acknowledged is all there.
    server.kill9();
    faults.set(&[]);
    server.restart();
    let mut carol = Peer::connect(&url, "carol", id, AutoCommit::new()).await;
    carol
        .wait("the acknowledged changes", 10, |st| {
            st.doc.get(ROOT, "k4").unwrap().is_some()
        })
        .await;
    assert_eq!(carol.get("title").as_deref(), Some("Före"));
    drop(carol);

    // Storage works again: the client's retry is stored and acknowledged.
    faults.set(&["fail-writes"]);
    let mut alice = Peer::connect(&url, "alice", id, offline.fork()).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(!alice.is_synced());
    faults.set(&[]);
    eventually("healthz ok", 15, || {
        http_get(server.port, "/healthz", &[]) == (200, "ok".into())
    })
    .await;
    if alice.state.lock().unwrap().closed {
        alice = Peer::connect(&url, "alice", id, offline.fork()).await;
    }
    alice.wait_synced(15).await;
    server.kill9();
    server.restart();
    let mut dave = Peer::connect(&url, "dave", id, AutoCommit::new()).await;
    dave.wait("every change after recovery and kill -9", 10, |st| {
        st.doc.get(ROOT, "offline14").unwrap().is_some()
            && st.doc.get(ROOT, "k0").unwrap().is_some()
    })
    .await;
}

/// Unmounts on drop.
struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = nix::mount::umount2(&self.0, nix::mount::MntFlags::MNT_DETACH);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_file_system_is_never_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = nix::mount::mount(
        Some("tmpfs"),
        dir.path(),
        Some("tmpfs"),
        nix::mount::MsFlags::empty(),
        Some("size=4m"),
    );
    if let Err(e) = mounted {
        eprintln!(
            "SKIPPED a_full_file_system_is_never_acknowledged: cannot mount a tmpfs ({e}); run as root"
        );
        return;
    }
    let _mount = Mount(dir.path().to_path_buf());
    let data = dir.path().join("data");
    let mut server = Server::start(&data, &["--min-free-bytes", "0", "--ack-timeout-secs", "2"]);
    let url = server.url();
    let mut alice = Peer::create(&url, "alice", "Fullt").await;
    alice.wait_synced(10).await;
    let id = alice.id;

    // Fill the file system.
    let filler = dir.path().join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![7u8; 64 * 1024];
        while f.write_all(&block).and_then(|()| f.sync_all()).is_ok() {}
    }
    // A change too big for what is left (random text does not compress).
    let mut x = 12345u64;
    let big: String = (0..300_000)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'a' + ((x >> 33) % 26) as u8)
        })
        .collect();
    alice.edit(|d| {
        d.put(ROOT, "big", big.clone()).unwrap();
    });
    let close = alice.wait_closed(15).await;
    let errors = alice.state.lock().unwrap().errors.clone();
    let close = close.unwrap_or_else(|| panic!("a close frame; errors {errors:?}"));
    assert_eq!(close.0, 1013, "{close:?}");
    assert!(!alice.is_synced());
    let (status, body) = http_get(server.port, "/healthz", &[]);
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("No space left"), "{body}");
    let offline = alice.state.lock().unwrap().doc.fork();

    // Room again: the held write goes through and the client's retry is
    // acknowledged, and it survives kill -9.
    std::fs::remove_file(&filler).unwrap();
    eventually("healthz ok", 15, || {
        http_get(server.port, "/healthz", &[]) == (200, "ok".into())
    })
    .await;
    let mut alice = Peer::connect(&url, "alice", id, offline).await;
    alice.wait_synced(15).await;
    server.kill9();
    server.restart();
    let mut bob = Peer::connect(&url, "bob", id, AutoCommit::new()).await;
    bob.wait("the big change", 10, |st| {
        st.doc.get(ROOT, "big").unwrap().is_some()
    })
    .await;
    assert_eq!(bob.get("big").map(|b| b.len()), Some(big.len()));
    drop(server);
}

/// A compressed change chunk (type 2) whose data inflates to `inflated` bytes.
fn compressed_chunk(inflated: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1 << 20];
    let mut left = inflated;
    while left > 0 {
        let n = left.min(block.len());
        encoder.write_all(&block[..n]).unwrap();
        left -= n;
    }
    let data = encoder.finish().unwrap();
    let mut chunk = vec![0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2];
    let mut len = data.len();
    loop {
        let byte = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            chunk.push(byte);
            break;
        }
        chunk.push(byte | 0x80);
    }
    chunk.extend(data);
    chunk
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_bomb_is_refused_before_it_is_applied() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--max-inflated-bytes", "10000000"]);
    let url = server.url();
    let (mut alice, _) = common::alice_and_bob(&url, "Lugnt").await;

    // 100 MB of zeros in about 100 kB (a real bomb is 1000 times that).
    let bomb = compressed_chunk(100_000_000);
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    let target = DocumentId::random();
    let close = rejected_with(&url, |ids| {
        vec![sync_frame(&ids, target, sync_data(vec![bomb]))]
    })
    .await;
    assert_eq!(close.0, 1008, "{close:?}");
    assert!(close.1.contains("inflates past the limit"), "{close:?}");
    assert!(!doc_dir(data.path(), &target).exists(), "nothing stored");

    // A real compressed change under the limit passes.
    alice.edit(|d| {
        d.put(ROOT, "long", "ab".repeat(1_000_000)).unwrap();
    });
    alice.wait_synced(10).await;
    let mut bob = Peer::connect(&url, "bob", alice.id, AutoCommit::new()).await;
    bob.wait("the long text", 10, |st| {
        st.doc.get(ROOT, "long").unwrap().is_some()
    })
    .await;
}
