#!/usr/bin/env bash
# Prints the raw and gzipped size of every file in dist/ and the total that a first visit
# downloads. With --budget BYTES, fails when the gzipped total is over BYTES.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${2:-}
[ "${1:-}" = "--budget" ] || budget=
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
for file in $(find dist -type f | sort); do
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-48s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' total "$total_raw" "$total_gz"
if [ -n "$budget" ] && [ "$total_gz" -gt "$budget" ]; then
    echo "size budget exceeded: $total_gz bytes gzipped, budget $budget" >&2
    exit 1
fi
