#!/usr/bin/env bash
# Builds the release app into dist/. Expects setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from npm's binaryen: Debian's is too old for what rustc emits.
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release --offline
# Bundle and minify the JavaScript, add the CSP, the service worker and the offline file.
node scripts/package.mjs
