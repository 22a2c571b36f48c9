#!/usr/bin/env bash
# Load-speed benchmark (issue: offline-first): builds the release app and a
# workspace holding five years of a council's work (40 meetings with full
# minutes, 600 actions, 300 wheel events, 50 people), then prints the wasm
# size (raw and gzip), the stored size, and cold load to an interactive
# meetings list in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test >/dev/null
scripts/build-app.sh >/dev/null 2>&1
cargo build --profile server --locked -q -p radslag-server --bin radslag
mkdir -p bench/out
cargo run --release --locked -q -p radslag-core --example five_years > bench/out/five_years.b64

wasm=$(ls dist/radslag-app-*_bg.wasm)
echo "wasm: $(stat -c %s "$wasm") bytes raw, $(gzip -9 -c "$wasm" | wc -c) bytes gzip"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
target/server/radslag serve --addr "127.0.0.1:$port" --dist dist --data-dir "$data" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
node bench/load.mjs "http://127.0.0.1:$port" bench/out/five_years.b64 "${RUNS:-7}"
