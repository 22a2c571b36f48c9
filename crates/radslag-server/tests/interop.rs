//! Interop with the stock JS implementation: `@automerge/automerge-repo`
//! clients (Node) through our relay, and our Rust client against a stock
//! automerge-repo sync server (Node). Needs `npm ci` in tests/interop
//! (`scripts/test.sh` runs it); without it the tests fail, unless
//! `RADSLAG_SKIP_INTEROP=1` says to skip them.

mod common;

use std::{
    io::{BufRead, BufReader},
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::mpsc,
    time::Duration,
};

use automerge::{AutoCommit, ROOT, transaction::Transactable as _};
use common::{Peer, Server, free_port};
use radslag_core::sync::DocumentId;

fn interop_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/interop"));
    if dir.join("node_modules/@automerge/automerge-repo").is_dir() {
        Some(dir)
    } else if std::env::var_os("RADSLAG_SKIP_INTEROP").is_some() {
        eprintln!(
            "\n*** SKIPPED (RADSLAG_SKIP_INTEROP): interop needs (cd tests/interop && npm ci) ***\n"
        );
        None
    } else {
        panic!(
            "interop needs the npm packages: (cd tests/interop && npm ci), or set RADSLAG_SKIP_INTEROP=1"
        );
    }
}

/// A `node peer.mjs …` process whose JSON lines we read.
struct Node {
    child: Child,
    lines: mpsc::Receiver<serde_json::Value>,
}

impl Node {
    fn start(dir: &PathBuf, args: &[&str]) -> Node {
        let mut child = Command::new("node")
            .arg("peer.mjs")
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node is installed");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str(&line) {
                    let _ = tx.send(v);
                }
            }
        });
        Node { child, lines }
    }

    fn next(&self, secs: u64) -> serde_json::Value {
        self.lines
            .recv_timeout(Duration::from_secs(secs))
            .expect("a line from node")
    }

    fn exit_ok(mut self, secs: u64) {
        for _ in 0..secs * 10 {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "node exited with {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("node did not finish");
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_document_through_our_relay_to_rust_and_back() {
    let Some(dir) = interop_dir() else { return };
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);

    let node = Node::start(&dir, &["create", &server.url()]);
    let url = node.next(30)["url"].as_str().unwrap().to_owned();
    let id = DocumentId::parse_url(&url).unwrap();
    assert_eq!(id.to_url(), url, "we write the ids as automerge-repo does");

    let mut rust = Peer::connect(&server.url(), "rust", id, AutoCommit::new()).await;
    rust.wait("node's document", 10, |st| {
        automerge::ReadDoc::get(&st.doc, ROOT, "title")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(rust.get("title").as_deref(), Some("Från Node"));
    rust.edit(|d| {
        d.put(ROOT, "rust", "hej från Rust").unwrap();
    });
    rust.wait_synced(10).await;

    let seen = tokio::task::spawn_blocking(move || {
        let v = node.next(30);
        node.exit_ok(10);
        v
    })
    .await
    .unwrap();
    assert_eq!(seen["seen"], "hej från Rust");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rust_document_through_our_relay_to_node_and_back() {
    let Some(dir) = interop_dir() else { return };
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);

    let mut rust = Peer::create(&server.url(), "rust", "Från Rust").await;
    rust.wait_synced(10).await;
    let url = rust.id.to_url();
    let ws = server.url();
    let node = tokio::task::spawn_blocking(move || {
        let node = Node::start(&dir, &["edit", &ws, &url]);
        let title = node.next(30);
        let done = node.next(30);
        node.exit_ok(10);
        (title, done)
    })
    .await
    .unwrap();
    assert_eq!(node.0["title"], "Från Rust");
    assert_eq!(node.1["done"], true);
    rust.wait("node's edit", 10, |st| {
        automerge::ReadDoc::get(&st.doc, ROOT, "fromNode")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(rust.get("fromNode").as_deref(), Some("hej från Node"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_client_against_a_stock_node_sync_server() {
    let Some(dir) = interop_dir() else { return };
    let store = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = Node::start(
        &dir,
        &["server", &port.to_string(), store.path().to_str().unwrap()],
    );
    assert_eq!(server.next(30)["listening"], port);
    let url = format!("ws://127.0.0.1:{port}");

    let mut alice = Peer::create(&url, "alice", "Mot Node-servern").await;
    alice.wait_synced(10).await;
    let mut bob = Peer::connect(&url, "bob", alice.id, AutoCommit::new()).await;
    bob.wait("alice's document", 10, |st| !st.doc.get_heads().is_empty())
        .await;
    assert_eq!(bob.get("title").as_deref(), Some("Mot Node-servern"));
    bob.put("bob", 1);
    alice
        .wait("bob's edit", 10, |st| {
            automerge::ReadDoc::get(&st.doc, ROOT, "bob")
                .unwrap()
                .is_some()
        })
        .await;

    // And a stock Node client reads what our client wrote, via that server.
    let doc_url = alice.id.to_url();
    let result = tokio::task::spawn_blocking(move || {
        let node = Node::start(&dir, &["edit", &url, &doc_url]);
        let title = node.next(30);
        node.next(30);
        node.exit_ok(10);
        title
    })
    .await
    .unwrap();
    assert_eq!(result["title"], "Mot Node-servern");
    alice
        .wait("the node client's edit", 10, |st| {
            automerge::ReadDoc::get(&st.doc, ROOT, "fromNode")
                .unwrap()
                .is_some()
        })
        .await;
    drop(server);
}
