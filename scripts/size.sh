#!/usr/bin/env bash
# Prints the raw and gzipped size of every file in dist/, and the total of those a first
# visit fetches: the page, its stylesheet, the loader, the wasm and the service worker.
# With --budget BYTES, fails when that gzipped total is over BYTES.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=
[ "${1:-}" = "--budget" ] && budget=${2:?--budget needs a number of bytes}
first_raw=0
first_gz=0
printf '%-48s %10s %10s  %s\n' file raw gzip "first load"
for file in $(find dist -type f | sort); do
    name=${file#dist/}
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    case "$name" in
        index.html | *.css | assistant-*.js | *_bg.wasm | sw.js)
            first="yes"
            first_raw=$((first_raw + raw))
            first_gz=$((first_gz + gz))
            ;;
        *) first="" ;;
    esac
    printf '%-48s %10d %10d  %s\n' "$name" "$raw" "$gz" "$first"
done
printf '%-48s %10d %10d\n' "first load" "$first_raw" "$first_gz"
if [ -n "$budget" ] && [ "$first_gz" -gt "$budget" ]; then
    echo "size budget exceeded: the first load is $first_gz bytes gzipped, the budget $budget" >&2
    exit 1
fi
