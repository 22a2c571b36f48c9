#!/usr/bin/env bash
# Builds the web app into dist/ with Trunk, never downloading anything.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
