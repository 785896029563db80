#!/usr/bin/env bash
# Throws generated hostile input at every generator (checked by tree-sitter-powershell and
# ldapmodify, with every typed value read back exactly), the codec, the link and import
# readers, the tools module's requests, the SPF parser, the header check and the error
# explainer, and reports any that breaks the rules. `scripts/fuzz.sh [cases]`, 100,000 of
# each by default; the test command runs a few hundred. Then the benchmark that doubles
# each input, for time against size.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cases=${1:-100000}
echo "== $cases cases of each property"
time PROPTEST_CASES=$cases cargo test --release --test fuzz --test parsers --test saved -- --test-threads=2
echo "== time against input size"
cargo bench --bench linear
