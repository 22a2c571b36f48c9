#!/usr/bin/env bash
# The app's wasm, split into a first download and chunks fetched when used:
# Trunk's post_build hook (Trunk.toml). Trunk 0.21 cannot split a wasm (the
# split has to sit between cargo and wasm-bindgen, trunk-rs/trunk#1022), so
# this does what a `rel="rust"` link would, with the split in the middle:
#   cargo, linking with relocations kept
#   → wasm-split-cli: the main module, and a chunk per area of
#     src/lazy_pages.rs (plus chunks of code that areas share)
#   → wasm-bindgen on the main module → wasm-opt -Oz on every module
#   → the staging dir under app-<content hash>/, loaded from index.html.
# `--compile-only`: only the cargo step (scripts/run.sh, while Trunk installs).
# RADSLAG_CARGO_PROFILE picks another Cargo profile than `release`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
profile=${RADSLAG_CARGO_PROFILE:-release}

# Only the app's own link step gets the flag, so the dependencies' builds
# are shared with every other build of the wasm target.
cargo rustc --offline --locked --target wasm32-unknown-unknown --profile "$profile" \
  -p radslag-app --bin radslag-app -- -C link-arg=--emit-relocs
[ "${1:-}" = --compile-only ] && exit 0

[ "$profile" = dev ] && out_dir=debug || out_dir=$profile
target=${CARGO_TARGET_DIR:-$PWD/target}
staging=${TRUNK_STAGING_DIR:?run by trunk build (Trunk.toml hook)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every page loads the document engine first (src/lazy_pages.rs): what the
# engine shares with pages stays in its chunk (vendor/README.md).
wasm-split-cli "$target/wasm32-unknown-unknown/$out_dir/radslag-app.wasm" "$work/app" \
  --out-name radslag-app --target web --prerequisite document
# The chunks share the main module's function table: LLD's export of it stays.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/app" "$work/app/radslag-app.wasm"
rm "$work/app/radslag-app.wasm"
# Both cores: the main module takes most of the time, the chunks the rest.
ls "$work"/app/*.wasm | xargs -P 2 -I{} wasm-opt -Oz {} -o {}

hash=$(cat "$work"/app/* | sha256sum | cut -c1-16)
dir=app-$hash
rm -rf "${staging:?}"/app-*
cp -r "$work/app" "$staging/$dir"
node scripts/app-wasm-html.mjs "$staging/index.html" "$staging" "$dir"
