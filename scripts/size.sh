#!/usr/bin/env bash
# Prints the raw and gzipped size of every file in dist/, and for each build of the app the
# total that a first visit fetches: the page, its stylesheet, the loader, the service worker,
# and that build's glue and wasm (the list package.mjs writes to dist/first-load.json).
# With --budget BYTES, fails when any build's gzipped first load is over BYTES.
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
over=0
for build in $(node -e 'console.log(Object.keys(require("./dist/first-load.json").builds).join(" "))'); do
    files=$(node -e '
        const list = require("./dist/first-load.json");
        console.log([...list.shell, ...list.builds[process.argv[1]]].map((file) => file.replace(/^\.\//, "")).join(" "));
    ' "$build")
    total_raw=0
    total_gz=0
    for name in $files; do
        total_raw=$((total_raw + ${raw[$name]}))
        total_gz=$((total_gz + ${gz[$name]}))
    done
    printf '%-52s %10d %10d\n' "first load, $build" "$total_raw" "$total_gz"
    if [ -n "$budget" ] && [ "$total_gz" -gt "$budget" ]; then
        echo "size budget exceeded: the first load of $build is $total_gz bytes gzipped, the budget $budget" >&2
        over=1
    fi
done
exit $over
