#!/usr/bin/env bash
# Installs what the tests need and runs every test: the style and lint
# checks, the Rust unit and integration tests, then the end-to-end tests in headless Chromium against a
# real `radslag serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> Style (rustfmt.toml) and lints (clippy, warnings are errors)"
cargo fmt --all --check
cargo clippy --locked --all-targets -p radslag-core -p radslag-server -- -D warnings
cargo clippy --locked -p radslag-app -p radslag-extract --target wasm32-unknown-unknown -- -D warnings

echo "==> Rust tests (core and server)"
cargo test --locked -p radslag-core -p radslag-server

echo "==> Building the app and the server"
scripts/build-app.sh
cargo build --locked --profile server -p radslag-server --bin radslag

echo "==> End-to-end tests (Playwright, Debian Chromium)"
cd tests
npx --no-install playwright test
