#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it at http://127.0.0.1:8080
# (extra arguments go to `radslag serve`, e.g. --addr 127.0.0.1:9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh app
scripts/build-app.sh
exec cargo run --profile server --locked -p radslag-server --bin radslag -- serve --dist dist "$@"
