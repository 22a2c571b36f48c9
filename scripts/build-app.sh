#!/usr/bin/env bash
# Builds the web app into dist/ with Trunk, never downloading anything.
# With `--compile-only` it only compiles the two wasm binaries, exactly as
# the build's cargo calls do (the build then finds them built): scripts/run.sh does
# that while Trunk itself is still being installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "${1:-}" = --compile-only ]; then
  # The app as scripts/app-wasm.sh (Trunk's hook) compiles it, and the file
  # reader worker with Trunk 0.21's arguments for index.html's `rel="rust"` link.
  scripts/app-wasm.sh --compile-only
  cargo build --target=wasm32-unknown-unknown --manifest-path "$PWD/crates/radslag-extract/Cargo.toml" \
    --release --offline --bin radslag-extract
  exit 0
fi
trunk build --release --offline
# Compressed copies for `radslag serve` to send (brotli, gzip).
node scripts/precompress.mjs dist
