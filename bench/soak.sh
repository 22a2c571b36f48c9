#!/usr/bin/env bash
# Soak test of the relay (not CI): 500 connections over 2000 stored documents
# for up to 10 minutes on loopback, editing and timing each acknowledgement.
# Prints the relay's RSS every 10 s, acknowledgement latency p50/p99, refused
# connections and acknowledgements that never came.
#   bench/soak.sh [--connections N] [--documents N] [--minutes M | --seconds S] [--no-edits]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Every soak connection is a file descriptor in this process and in the relay.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
cargo build --locked -q --profile server -p radslag-server --bin radslag --example soak
RADSLAG_BIN="$PWD/target/server/radslag" exec target/server/examples/soak "$@"
