#!/usr/bin/env bash
# Builds the web app into dist/ with Trunk, never downloading anything.
# With `--compile-only` it only compiles the two wasm binaries, exactly as
# Trunk's cargo calls do (Trunk then finds them built): scripts/run.sh does
# that while Trunk itself is still being installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "${1:-}" = --compile-only ]; then
  # Trunk 0.21's arguments for index.html's two `rel="rust"` links.
  for link in radslag-app:Cargo.toml radslag-extract:crates/radslag-extract/Cargo.toml; do
    cargo build --target=wasm32-unknown-unknown --manifest-path "$PWD/${link#*:}" \
      --release --offline --bin "${link%%:*}"
  done
  exit 0
fi
trunk build --release --offline
