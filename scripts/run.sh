#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it at http://127.0.0.1:8080
# (extra arguments go to `radslag serve`, e.g. --addr 127.0.0.1:9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh base
# On a first run Trunk and wasm-bindgen install (about six minutes) while the
# app and the relay compile: the app's build is mostly one rustc at a time,
# so the installs take the other core (docs/performance.md, build time).
scripts/install.sh tools > >(sed -u 's/^/[tools] /') 2>&1 &
tools=$!
scripts/build-app.sh --compile-only
cargo build --profile server --locked -p radslag-server --bin radslag
wait "$tools"
scripts/build-app.sh
exec cargo run --profile server --locked -p radslag-server --bin radslag -- serve --dist dist "$@"
