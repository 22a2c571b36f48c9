//! Sync benchmark (not a timed test): edit-to-remote latency p50/p99 with 2,
//! 10 and 50 clients on loopback, and throughput, for our relay (`radslag
//! serve`) and a stock automerge-repo Node sync server under the same load.
//!
//! Run with `bench/sync_latency.sh` (it installs the npm packages first), or
//! `cargo bench --profile server -p radslag-server --bench sync_latency`.
//!
//! Every client is the same native client (the core's `SyncClient` over
//! tokio-tungstenite), one document shared by all.
//! - Latency: one client at a time writes a counter (rotating writers); the
//!   time from its edit until each other client has applied it is one
//!   sample. [`EDITS`] edits per size, so that p99 is a percentile over
//!   hundreds of edits, not the slowest of a few (with N clients, EDITS ×
//!   (N − 1) samples).
//! - Throughput: every client writes M changes as fast as the protocol lets
//!   it; changes per second until all clients hold all changes.

#[path = "../tests/common/mod.rs"]
mod common;

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Instant,
};

use automerge::{AutoCommit, ChangeHash};
use common::{Peer, Server, free_port};

const SIZES: [usize; 3] = [2, 10, 50];

/// Edits timed per size (a multiple of every size: each client writes as
/// often as the others).
const EDITS: usize = 300;

struct Figures {
    p50_ms: f64,
    p99_ms: f64,
    samples: usize,
    changes_per_sec: f64,
    deliveries_per_sec: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

async fn measure(url: &str, n: usize) -> Figures {
    let first = Peer::create(url, "c0", "bench").await;
    let mut first = first;
    first.wait_synced(30).await;
    let id = first.id;
    let mut peers = vec![first];
    for i in 1..n {
        peers.push(Peer::connect(url, &format!("c{i}"), id, AutoCommit::new()).await);
    }
    for p in &mut peers {
        p.wait("the document", 60, |st| !st.doc.get_heads().is_empty())
            .await;
    }

    // Latency.
    let edits = EDITS.div_ceil(n) * n;
    let mut samples = Vec::new();
    for e in 0..edits {
        let writer = e % n;
        let value = e as i64 + 1;
        let start = Instant::now();
        peers[writer].put("seq", value);
        let edit = last_change(&peers[writer]);
        let waits = peers
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| *i != writer)
            .map(|(_, p)| async move {
                p.wait("the edit", 30, |st| {
                    st.doc.get_change_by_hash(&edit).is_some()
                })
                .await;
                start.elapsed().as_secs_f64() * 1000.0
            });
        samples.extend(futures::future::join_all(waits).await);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());

    // Throughput.
    let per_client = match n {
        2 => 500,
        10 => 100,
        _ => 10,
    };
    let start = Instant::now();
    for k in 0..per_client {
        for (i, p) in peers.iter().enumerate() {
            p.put(&format!("t{i}"), k as i64);
        }
        tokio::task::yield_now().await;
    }
    // A writer's last change comes with all its earlier ones (its
    // dependencies). The check is a hash lookup: it holds the peer's state,
    // which its connection needs to take in the next frame, so reading the
    // document here would slow the very sync being measured.
    let lasts: Vec<ChangeHash> = peers.iter().map(last_change).collect();
    for p in &mut peers {
        p.wait("every change", 600, |st| {
            lasts.iter().all(|h| st.doc.get_change_by_hash(h).is_some())
        })
        .await;
    }
    let secs = start.elapsed().as_secs_f64();
    let changes = (n * per_client) as f64;
    Figures {
        p50_ms: percentile(&samples, 0.5),
        p99_ms: percentile(&samples, 0.99),
        samples: samples.len(),
        changes_per_sec: changes / secs,
        deliveries_per_sec: changes * (n - 1) as f64 / secs,
    }
}

/// The hash of the change `peer` made last.
fn last_change(peer: &Peer) -> ChangeHash {
    let mut st = peer.state.lock().unwrap();
    st.doc.get_last_local_change().expect("an edit").hash()
}

struct NodeServer(Child);

impl Drop for NodeServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn node_server(store: &std::path::Path) -> Option<(NodeServer, String)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/interop"));
    if !dir.join("node_modules/@automerge/automerge-repo").is_dir() {
        eprintln!("*** the Node server needs `npm ci` in tests/interop: skipped ***");
        return None;
    }
    let port = free_port();
    let child = Command::new("node")
        .args(["peer.mjs", "server", &port.to_string()])
        .arg(store)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut child = NodeServer(child);
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.0.stdout.as_mut().unwrap()),
        &mut line,
    )
    .ok()?;
    assert!(line.contains("listening"), "{line}");
    Some((child, format!("ws://127.0.0.1:{port}")))
}

fn main() {
    // `cargo bench` passes --bench; nothing else is taken.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        println!("Sync benchmark: loopback, 2 cores, one shared document, native Rust clients.");
        println!("Relay: radslag serve (samod, fsync before acknowledging); Node: automerge-repo 2.5.6 WebSocketServerAdapter + NodeFSStorageAdapter.");
        println!();
        println!(
            "{:>7} | {:>13} | {:>24} | {:>24} | {:>30} | {:>13}",
            "clients", "samples r/n", "p50 ms relay/node/ratio", "p99 ms relay/node/ratio", "changes/s relay/node/ratio", "deliveries/s relay/node"
        );
        // RADSLAG_BENCH_SIZES=2,10 picks sizes (default 2, 10, 50).
        let sizes: Vec<usize> = std::env::var("RADSLAG_BENCH_SIZES")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| SIZES.to_vec());
        for n in sizes {
            // Fresh servers for each size: nothing left over from the last.
            eprintln!("{n} clients: relay");
            let data = tempfile::tempdir().unwrap();
            let relay = Server::start(data.path(), &["--rate-limit-per-sec", "1000000"]);
            let ours = measure(&relay.url(), n).await;
            drop(relay);
            eprintln!("{n} clients: node");
            let node_store = tempfile::tempdir().unwrap();
            let theirs = if std::env::var_os("RADSLAG_BENCH_NO_NODE").is_some() {
                None
            } else if let Some((server, url)) = node_server(node_store.path()) {
                let figures = measure(&url, n).await;
                drop(server);
                Some(figures)
            } else {
                None
            };
            let t = theirs.as_ref();
            let fmt = |a: f64, b: Option<f64>, prec: usize| match b {
                Some(b) => format!("{a:.prec$} / {b:.prec$} / {:.2}", a / b),
                None => format!("{a:.prec$} / - / -"),
            };
            println!(
                "{:>7} | {:>13} | {:>24} | {:>24} | {:>30} | {:>13}",
                n,
                format!("{} / {}", ours.samples, t.map_or("-".into(), |t| t.samples.to_string())),
                fmt(ours.p50_ms, t.map(|t| t.p50_ms), 2),
                fmt(ours.p99_ms, t.map(|t| t.p99_ms), 2),
                fmt(ours.changes_per_sec, t.map(|t| t.changes_per_sec), 0),
                format!(
                    "{:.0} / {}",
                    ours.deliveries_per_sec,
                    t.map_or("-".into(), |t| format!("{:.0}", t.deliveries_per_sec))
                ),
            );
        }
        println!();
        println!("Ratios are relay / Node: below 1 is better for latency, above 1 is better for throughput.");
    });
}
