#!/usr/bin/env bash
# Prints the raw, gzipped and Brotli size of every file in dist/ (Brotli: the build's `.br`
# copy beside it), and for each page the total that a first visit to it fetches: the
# pre-rendered page with its stylesheet, the loader with the glue, the wasm and the service
# worker (the lists package.mjs writes to dist/first-load.json).
# With --budget BYTES, fails when the largest gzipped first load is over BYTES.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=
[ "${1:-}" = "--budget" ] && budget=${2:?--budget needs a number of bytes}
declare -A raw gz br
printf '%-52s %10s %10s %10s\n' file raw gzip brotli
for file in $(find dist -type f ! -name '*.br' | sort); do
    name=${file#dist/}
    raw[$name]=$(wc -c <"$file")
    gz[$name]=$(gzip -9 -c "$file" | wc -c)
    br[$name]=$( [ -f "$file.br" ] && wc -c <"$file.br" || echo -)
    printf '%-52s %10d %10d %10s\n' "$name" "${raw[$name]}" "${gz[$name]}" "${br[$name]}"
done
# The pages and what a first visit to each fetches. A missing, unreadable or empty list, or
# one that names a file dist/ does not hold, fails: a check that measures nothing passes nothing.
lists=$(node -e '
    const lists = require("./dist/first-load.json");
    const pages = Object.entries(lists);
    if (pages.length === 0) throw new Error("dist/first-load.json lists no page");
    for (const [page, files] of pages) {
        if (!Array.isArray(files) || files.length === 0) throw new Error(`no files listed for ${page}`);
        console.log(page, files.join(" "));
    }
') || { echo "size check: dist/first-load.json is missing or unreadable" >&2; exit 1; }
largest=0
largest_page=
while read -r page files; do
    total_raw=0
    total_gz=0
    total_br=0
    for name in $files; do
        if [ -z "${gz[$name]+set}" ]; then
            echo "size check: the first load of $page lists $name, which dist/ does not hold" >&2
            exit 1
        fi
        if [ "${br[$name]}" = - ]; then
            echo "size check: dist/ holds no Brotli copy of $name, which the first load of $page fetches" >&2
            exit 1
        fi
        total_raw=$((total_raw + ${raw[$name]}))
        total_gz=$((total_gz + ${gz[$name]}))
        total_br=$((total_br + ${br[$name]}))
    done
    printf '%-52s %10d %10d %10d\n' "first load of $page" "$total_raw" "$total_gz" "$total_br"
    if [ "$total_gz" -gt "$largest" ]; then
        largest=$total_gz
        largest_page=$page
    fi
done <<<"$lists"
if [ -n "$budget" ] && [ "$largest" -gt "$budget" ]; then
    echo "size budget exceeded: the first load of $largest_page is $largest bytes gzipped, the budget $budget" >&2
    exit 1
fi
