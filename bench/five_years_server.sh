# Sourced by the benchmarks that open a five-year workspace in headless
# Chromium: builds the release app and the relay, writes the workspace
# (bench/out/five_years.b64) and starts `radslag serve` on a free port
# ($port), stopped when the script exits.
scripts/install.sh test >/dev/null
scripts/build-app.sh >/dev/null 2>&1
cargo build --profile server --locked -q -p radslag-server --bin radslag
mkdir -p bench/out
cargo run --release --locked -q -p radslag-core --example five_years > bench/out/five_years.b64

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
target/server/radslag serve --addr "127.0.0.1:$port" --dist dist --data-dir "$data" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
