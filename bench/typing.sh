#!/usr/bin/env bash
# Typing benchmark (issue 16, item 3): keydown to the frame after the next
# paint at the end of a 10,000-character agenda item in a five-year
# workspace, two browsers connected through `radslag serve`, against a plain
# <textarea> on the same page in the same run. KEYS=300 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test >/dev/null
scripts/build-app.sh >/dev/null 2>&1
cargo build --profile server --locked -q -p radslag-server --bin radslag
mkdir -p bench/out
cargo run --release --locked -q -p radslag-core --example five_years > bench/out/five_years.b64

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
target/server/radslag serve --addr "127.0.0.1:$port" --dist dist --data-dir "$data" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
node bench/typing.mjs "http://127.0.0.1:$port" bench/out/five_years.b64 "${KEYS:-300}"
