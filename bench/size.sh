#!/usr/bin/env bash
# What the app downloads, from a built dist/ (scripts/build-app.sh): the
# first page's wasm (the main module) against the 600 KB gzip target, and
# against the whole app (every module) measured in the same build; the
# document engine that follows it; then each chunk. gzip -9; and the brotli copy `radslag serve` sends (scripts/precompress.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(ls -d dist/app-*/ | head -1)
raw() { cat "$@" | wc -c; }
# Each file compressed alone (no name in the header, as a server sends it); summed.
gz() { local sum=0; for f in "$@"; do sum=$((sum + $(gzip -9 -n -c "$f" | wc -c))); done; echo $sum; }
main=("$app"radslag-app_bg.wasm)
js=("$app"radslag-app.js "$app"__wasm_split.js)
all=("$app"*.wasm)
first=$(gz "${main[@]}")
whole=$(gz "${all[@]}")
printf 'first page: main module %d bytes raw, %d gzip (target 600000: %.2f×); its js %d gzip\n' \
  "$(raw "${main[@]}")" "$first" "$(echo "$first / 600000" | bc -l)" "$(gz "${js[@]}")"
printf 'whole app: %d modules, %d bytes raw, %d gzip (each module compressed alone); the first page is %.0f %% of it\n' \
  "${#all[@]}" "$(raw "${all[@]}")" "$whole" "$(echo "100 * $first / $whole" | bc -l)"
served=("$app"radslag-app_bg.wasm.br)
[ -f "${served[0]}" ] && printf 'served by radslag serve to a browser that takes brotli (the build'"'"'s .br copy): %d bytes (%.2f× the gzip size)\n' \
  "$(raw "${served[@]}")" "$(echo "$(raw "${served[@]}") / $first" | bc -l)"
# One module: the split keeps in it all it shares (--prerequisite, scripts/app-wasm.sh).
editable=$(gz "$app"split_document.wasm)
printf 'the document engine, fetched as the app starts: %d gzip; the meetings list editable: %d gzip (%.2f× the first page)\n' \
  "$editable" "$((first + editable))" "$(echo "($first + $editable) / $first" | bc -l)"
for area in "$app"split_*.wasm; do
  printf '  chunk %-10s %7d gzip\n' "$(basename "$area" .wasm | sed 's/^split_//')" "$(gz "$area")"
done
shared=("$app"chunk_*.wasm)
printf '  shared     %7d gzip in %d chunks (code two or more areas use)\n' "$(gz "${shared[@]}")" "${#shared[@]}"
