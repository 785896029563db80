#!/usr/bin/env bash
# Builds the release app into dist/: Trunk builds the page and the tools module, and its
# post_build hook (scripts/package.mjs) packages them. Expects setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt and esbuild from npm: Debian's binaryen is too old for what rustc emits.
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release
