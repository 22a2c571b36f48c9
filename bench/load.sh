#!/usr/bin/env bash
# Load-speed benchmark (issue: offline-first): builds the release app and a
# workspace holding five years of a council's work (40 meetings with full
# minutes, 600 actions, 300 wheel events, 50 people), then prints the wasm
# sizes (bench/size.sh), the stored size, and cold and warm opens to the
# meetings list in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/five_years_server.sh
bench/size.sh
node bench/load.mjs "http://127.0.0.1:$port" bench/out/five_years.b64 "${RUNS:-7}"
