#!/usr/bin/env bash
# Sync benchmark, as a member sees it: edit-to-remote-screen latency p50/p99
# between two headless Chromium browsers with 2, 10 and 50 connected clients
# on loopback, through our relay and through a stock automerge-repo Node sync
# server serving the same app, as ratios. Relay throughput: bench/sync_latency.sh.
# 300 edits per size (a real p99); SIZES=2,10 EDITS=40 to shorten. Prints a
# table; takes about ten minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test >/dev/null
scripts/build-app.sh >/dev/null 2>&1
cargo build --profile server --locked -q -p radslag-server --bin radslag
node bench/screen_latency.mjs "${SIZES:-2,10,50}" "${EDITS:-300}"
