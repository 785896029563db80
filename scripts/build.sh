#!/usr/bin/env bash
# Builds the release app into dist/. Expects setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from npm's binaryen: Debian's is too old for what rustc emits.
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release --offline
# Trunk's own JavaScript minifier fails on wasm-bindgen's glue; esbuild does it instead.
for glue in dist/*.js; do
    node_modules/.bin/esbuild "$glue" --minify --format=esm --log-level=warning --outfile="$glue" --allow-overwrite
done
