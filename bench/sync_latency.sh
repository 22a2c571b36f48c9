#!/usr/bin/env bash
# Sync benchmark (issue: live sync): edit-to-remote latency p50/p99 (300
# edits per size) with 2, 10 and 50 clients on loopback, and throughput, for
# our relay (`radslag serve`, built with the server profile it is deployed
# with) and a stock automerge-repo Node sync server under the same load, as
# ratios. RADSLAG_BENCH_SIZES=10,50 picks sizes. Prints a table; takes a few
# minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if [ ! -d tests/interop/node_modules/@automerge/automerge-repo ]; then
  npm ci --prefix tests/interop --no-audit --no-fund
fi
cargo bench --locked -q --profile server -p radslag-server --bench sync_latency
