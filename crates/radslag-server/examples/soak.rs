//! Soak test of the relay (not CI): `bench/soak.sh`.
//!
//! Starts `radslag serve` (`RADSLAG_BIN`, the server-profile build), stores
//! `--documents` documents, then keeps `--connections` connections open for
//! `--minutes` (at most 10), each editing its document every few seconds and
//! timing the relay's acknowledgement (edit until the relay's heads cover
//! it); a share of the connections churns to other documents, so that every
//! stored document is opened over the run. Prints the relay's RSS every 10 s,
//! then acknowledgement latency p50/p99, refused connections and
//! acknowledgements that never came. `--no-edits`: connections only open
//! and close documents (memory without the documents' growing history).

#[path = "../tests/common/mod.rs"]
mod common;

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use automerge::AutoCommit;
use common::{Peer, Server};
use radslag_core::sync::DocumentId;

static NO_EDITS: AtomicBool = AtomicBool::new(false);

#[derive(Default)]
struct Stats {
    latencies_ms: Mutex<Vec<f64>>,
    refused: AtomicU64,
    closed_by_relay: AtomicU64,
    unacknowledged: AtomicU64,
    edits: AtomicU64,
    open: AtomicU64,
}

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// A tiny deterministic generator (no extra dependency).
fn next(x: &mut u64) -> u64 {
    *x = x
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *x >> 33
}

/// One connection's life: open a document, edit it every 2–6 s timing each
/// acknowledgement; after a while move to another document.
async fn client(
    url: String,
    docs: Arc<Vec<DocumentId>>,
    seed: u64,
    stats: Arc<Stats>,
    stop: Arc<AtomicBool>,
) {
    let mut x = seed.wrapping_add(1);
    while !stop.load(Ordering::Relaxed) {
        let id = docs[next(&mut x) as usize % docs.len()];
        let peer = match Peer::try_connect(&url, "soak", id, AutoCommit::new()).await {
            Ok(p) => p,
            Err(_) => {
                stats.refused.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        stats.open.fetch_add(1, Ordering::Relaxed);
        let edits = 5 + next(&mut x) % 20;
        for i in 0..edits {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2000 + next(&mut x) % 4000)).await;
            if peer.state.lock().unwrap().closed {
                stats.closed_by_relay.fetch_add(1, Ordering::Relaxed);
                break;
            }
            if NO_EDITS.load(Ordering::Relaxed) {
                // Only open and close documents (to tell memory held by
                // the documents' growing history from memory leaked by the
                // relay's machinery).
                continue;
            }
            let started = Instant::now();
            peer.put(&format!("k{}", next(&mut x) % 50), i as i64);
            stats.edits.fetch_add(1, Ordering::Relaxed);
            let id = peer.id;
            let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
            let mut acked = false;
            while tokio::time::Instant::now() < deadline {
                {
                    let mut st = peer.state.lock().unwrap();
                    let common::PeerState {
                        client,
                        doc,
                        closed,
                        ..
                    } = &mut *st;
                    if client.is_synced(&id, &mut (id, &mut *doc)) {
                        acked = true;
                        break;
                    }
                    if *closed {
                        break;
                    }
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            if acked {
                stats
                    .latencies_ms
                    .lock()
                    .unwrap()
                    .push(started.elapsed().as_secs_f64() * 1000.0);
            } else {
                stats.unacknowledged.fetch_add(1, Ordering::Relaxed);
                break;
            }
        }
        drop(peer);
        stats.open.fetch_sub(1, Ordering::Relaxed);
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let connections = arg("--connections", 500) as usize;
    let documents = arg("--documents", 2000) as usize;
    let minutes = arg("--minutes", 10).min(10);
    let seconds = arg("--seconds", minutes * 60).min(600);
    NO_EDITS.store(
        std::env::args().any(|a| a == "--no-edits"),
        Ordering::Relaxed,
    );
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(
        data.path(),
        &[
            "--max-connections-per-client",
            "100000",
            "--max-connections",
            "100000",
            "--max-new-docs-per-connection",
            "100000",
        ],
    );
    let pid = server.pid().unwrap();
    let url = server.url();
    println!(
        "soak: {connections} connections, {documents} documents, {seconds} s, relay pid {pid}, data in {}",
        data.path().display()
    );

    // Store the documents (50 at a time).
    let started = Instant::now();
    let mut ids = Vec::new();
    for chunk in 0..documents.div_ceil(50) {
        let n = 50.min(documents - chunk * 50);
        let mut batch = Vec::new();
        for i in 0..n {
            let url = url.clone();
            batch.push(tokio::spawn(async move {
                let mut p =
                    Peer::create(&url, "seed", &format!("workspace {}", chunk * 50 + i)).await;
                p.wait_synced(60).await;
                p.id
            }));
        }
        for b in batch {
            ids.push(b.await.unwrap());
        }
    }
    println!(
        "stored {} documents in {:.1} s; relay RSS {} MiB",
        ids.len(),
        started.elapsed().as_secs_f64(),
        rss_kib(pid) / 1024
    );

    let docs = Arc::new(ids);
    let stats = Arc::new(Stats::default());
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for c in 0..connections {
        tasks.push(tokio::spawn(client(
            url.clone(),
            docs.clone(),
            c as u64 * 7919,
            stats.clone(),
            stop.clone(),
        )));
        if c % 50 == 49 {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    println!(
        " time s | RSS MiB | open | edits | acked p50 ms | p99 ms | refused | closed | unacked"
    );
    let run = Instant::now();
    let mut last = 0;
    while run.elapsed() < Duration::from_secs(seconds) {
        tokio::time::sleep(Duration::from_secs(10)).await;
        let window: Vec<f64> = {
            let l = stats.latencies_ms.lock().unwrap();
            let mut w = l[last..].to_vec();
            last = l.len();
            w.sort_by(f64::total_cmp);
            w
        };
        println!(
            "{:7} | {:7} | {:4} | {:5} | {:12.1} | {:6.1} | {:7} | {:6} | {:7}",
            run.elapsed().as_secs(),
            rss_kib(pid) / 1024,
            stats.open.load(Ordering::Relaxed),
            stats.edits.load(Ordering::Relaxed),
            percentile(&window, 0.5),
            percentile(&window, 0.99),
            stats.refused.load(Ordering::Relaxed),
            stats.closed_by_relay.load(Ordering::Relaxed),
            stats.unacknowledged.load(Ordering::Relaxed),
        );
    }
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = tokio::time::timeout(Duration::from_secs(40), t).await;
    }
    let mut all = stats.latencies_ms.lock().unwrap().clone();
    all.sort_by(f64::total_cmp);
    println!(
        "total: {} edits, {} acknowledged, p50 {:.1} ms, p99 {:.1} ms; refused connections {}, closed by the relay {}, never acknowledged {}; relay RSS at the end {} MiB",
        stats.edits.load(Ordering::Relaxed),
        all.len(),
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        stats.refused.load(Ordering::Relaxed),
        stats.closed_by_relay.load(Ordering::Relaxed),
        stats.unacknowledged.load(Ordering::Relaxed),
        rss_kib(pid) / 1024
    );
    drop(server);
}
