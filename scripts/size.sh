#!/usr/bin/env bash
# Prints the raw and gzipped size of every file in dist/, and the total that a first visit
# fetches: the page, its stylesheet, the loader with the glue, the wasm and the service
# worker (the list package.mjs writes to dist/first-load.json).
# With --budget BYTES, fails when the gzipped first load is over BYTES.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=
[ "${1:-}" = "--budget" ] && budget=${2:?--budget needs a number of bytes}
declare -A raw gz
printf '%-52s %10s %10s\n' file raw gzip
for file in $(find dist -type f | sort); do
    name=${file#dist/}
    raw[$name]=$(wc -c <"$file")
    gz[$name]=$(gzip -9 -c "$file" | wc -c)
    printf '%-52s %10d %10d\n' "$name" "${raw[$name]}" "${gz[$name]}"
done
total_raw=0
total_gz=0
for name in $(node -e 'console.log(require("./dist/first-load.json").join(" "))'); do
    total_raw=$((total_raw + ${raw[$name]}))
    total_gz=$((total_gz + ${gz[$name]}))
done
printf '%-52s %10d %10d\n' "first load" "$total_raw" "$total_gz"
if [ -n "$budget" ] && [ "$total_gz" -gt "$budget" ]; then
    echo "size budget exceeded: the first load is $total_gz bytes gzipped, the budget $budget" >&2
    exit 1
fi
