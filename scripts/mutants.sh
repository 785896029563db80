#!/usr/bin/env bash
# The mutation check: cargo-mutants breaks the generators (src/domain/files/) and the link
# reader (src/domain/link.rs) one change at a time and runs the native tests that guard
# them; a mutant that no test catches is listed in mutants.out/missed.txt. Long (an hour or
# more on two cores), so not part of scripts/test.sh. `scripts/mutants.sh [more cargo-mutants
# options]`, for example `--file src/domain/link.rs` alone.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
MUTANTS_VERSION=27.1.0
if [ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $MUTANTS_VERSION" ]; then
    cargo install --locked cargo-mutants --version "$MUTANTS_VERSION"
fi
files=(--file 'src/domain/files/*.rs' --file src/domain/link.rs)
[ $# -gt 0 ] && files=()
# The build directory starts from a copy of target/, so that only the mutated crate rebuilds;
# the property tests run fewer cases per mutant than in the test command.
PROPTEST_CASES=${PROPTEST_CASES:-64} cargo mutants "${files[@]}" "$@" --copy-target true --test-tool cargo --timeout 300 -- \
    --test parsers --test files --test review --test cmdlets --test link --test guard --test guide --test tools --test fuzz
echo "Missed mutants (no test caught them): mutants.out/missed.txt"
