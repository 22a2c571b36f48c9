#!/usr/bin/env bash
# Typing benchmark (issue 16, item 3): keydown to the frame after the next
# paint at the end of a 10,000-character agenda item in a five-year
# workspace, two browsers connected through `radslag serve`, against a plain
# <textarea> on the same page in the same run. KEYS=300 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/five_years_server.sh
node bench/typing.mjs "http://127.0.0.1:$port" bench/out/five_years.b64 "${KEYS:-300}"
