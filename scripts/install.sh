#!/usr/bin/env bash
# Installs what Rådslag needs on a fresh Debian machine, skipping what is
# already there. `scripts/install.sh app` installs the build tools;
# `scripts/install.sh test` also installs the browser and test packages (and
# the Python venv in tests/ics/.venv for the .ics comparison). The app's two
# halves, for scripts/run.sh to compile while the tools install: `base`
# (Debian packages, the wasm target, the crates) and `tools` (Trunk,
# wasm-bindgen, wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-app}
case "$want" in
  base) base=1 tools= ;;
  tools) base= tools=1 ;;
  app | test) base=1 tools=1 ;;
  *) echo "usage: $0 [app|test|base|tools]" >&2; exit 2 ;;
esac
TRUNK_VERSION=0.21.14
# Our patched copy (vendor/README.md): its version says so.
WASM_SPLIT_VERSION=0.2.4+radslag.1
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(build-essential pkg-config libssl-dev)
# Node may come from elsewhere than Debian (as on the CI image): then keep it.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
# poppler-utils: pdftotext reads the printed minutes back in the e2e tests,
# and pdftoppm turns scanned PDFs into images for `radslag import`'s OCR;
# tesseract-ocr with its Swedish model reads the scans (tests import one).
[ "$want" = test ] && packages+=(chromium chromium-driver poppler-utils tesseract-ocr tesseract-ocr-swe)
# python3-venv: the venv for Python's icalendar and recurring-ical-events,
# which expand the .ics export independently (crates/radslag-core/tests/ics_python.rs).
[ "$want" = test ] && packages+=(python3 python3-venv)
missing=()
[ -n "$base" ] || packages=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"
if [ -n "$base" ]; then
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
  for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || { say "rustup component add $component"; rustup component add "$component"; }
  done
  say "cargo fetch"
  cargo fetch --locked
fi

if [ -n "$tools" ] && ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "cargo install trunk@$TRUNK_VERSION (takes about four minutes)"
  # Neither tool downloads anything here, so both go without their TLS
  # stack (and Trunk without its update check); Trunk's own release profile
  # (fat LTO, one codegen unit, full optimisation) would more than double
  # its install for no gain in a tool that mostly waits on cargo, wasm-opt
  # and wasm-bindgen (docs/performance.md, build time).
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "trunk@$TRUNK_VERSION" --locked --no-default-features
fi
if [ -n "$tools" ] && ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a yanked crate. --force: cargo skips a
  # package whose other binaries are still there, even with this one gone.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" --no-default-features --force
fi

# wasm-split-cli splits the app's wasm into chunks (scripts/app-wasm.sh);
# its version matches the wasm_split_helpers that Leptos links in.
# It has no --version: cargo's list of installs gives the version, and the
# binary must be there too (--force: the list may name a binary since removed).
# Built in a directory of its own, so no target/ is left in vendor/.
if [ -n "$tools" ] && ! { command -v wasm-split-cli >/dev/null &&
  cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION "; }; then
  say "cargo install --path vendor/wasm_split_cli_support (wasm-split-cli, about a minute)"
  split_build=$(mktemp -d)
  cargo install --path vendor/wasm_split_cli_support --locked --force --features build-binary --target-dir "$split_build"
  rm -rf "$split_build"
fi

# wasm-opt from npm (binaryen 132), pinned by tools/package-lock.json.
if [ -n "$tools" ] && [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  say "npm ci (tools: binaryen)"
  npm ci --prefix tools --no-audit --no-fund
fi
if [ "$want" = test ] && { [ ! -x tests/node_modules/.bin/playwright ] || [ ! -d tests/node_modules/@axe-core/playwright ]; }; then
  say "npm ci (tests: Playwright, using Debian's Chromium, and axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests --no-audit --no-fund
fi
if [ "$want" = test ] && [ ! -d tests/interop/node_modules/@automerge/automerge-repo ]; then
  say "npm ci (interop: the stock automerge-repo packages)"
  npm ci --prefix tests/interop --no-audit --no-fund
fi
# Pinned in tests/ics/requirements.txt; made again when that file changes.
ics_venv=tests/ics/.venv
if [ "$want" = test ] && ! cmp -s tests/ics/requirements.txt "$ics_venv/installed-requirements.txt"; then
  say "python3 -m venv $ics_venv; pip install -r tests/ics/requirements.txt"
  rm -rf "$ics_venv"
  /usr/bin/python3 -m venv "$ics_venv"
  "$ics_venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r tests/ics/requirements.txt
  cp tests/ics/requirements.txt "$ics_venv/installed-requirements.txt"
fi
