#!/usr/bin/env bash
# Builds the release app into dist/. Expects setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from npm's binaryen: Debian's is too old for what rustc emits.
export PATH="$PWD/node_modules/.bin:$PATH"
# One build of the app per platform family (see src/ui/bundle.rs): Exchange 2003 into dist/,
# the others from copies of the page that name their binary. Trunk reads a page's assets
# beside it, so the copies sit next to index.html; they are not kept.
trunk build --release --offline
for bin in exchange-2007-to-se exchange-online; do
    page="index.$bin.html"
    trap 'rm -f index.exchange-2007-to-se.html index.exchange-online.html' EXIT
    sed "s/data-bin=\"exchange-2003\"/data-bin=\"$bin\"/" index.html >"$page"
    trunk build "$page" --release --offline --dist "target/dist-$bin"
done
# The tools module (generators, SPF checker, offline page), which the page fetches on first
# use (src/bin/tools.rs).
cargo build --release --target wasm32-unknown-unknown --bin tools
rm -rf target/tools
wasm-bindgen --target web --out-dir target/tools target/wasm32-unknown-unknown/release/tools.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types target/tools/tools_bg.wasm -o target/tools/tools_bg.wasm
# Bundle and minify the JavaScript, add the CSP, the service worker and the offline file.
node scripts/package.mjs
