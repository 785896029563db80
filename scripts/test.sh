#!/usr/bin/env bash
# Installs what is missing and runs every test suite: native cargo tests, wasm-bindgen-test
# in headless Chromium, and the Playwright end-to-end suite against the release build.
# Exits non-zero when any test fails or any suite runs no test.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

# The largest gzipped first load of a page: 150 KB is the limit, and the declared stack takes it past (README,
# "The 150 KB limit and the declared stack"); this stops any unmeasured growth beyond it.
SIZE_BUDGET=175500
logs=$(mktemp -d)
passed=0
failed=0
broken=()

# cargo's and wasm-bindgen-test's summary lines: "test result: ok. N passed; M failed; ..."
count_cargo() {
    local log=$1 p f
    p=$(grep -oE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
    f=$(grep -oE '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
    echo "$p $f"
}

# node's test runner: "# pass N" and "# fail N"
count_node() {
    local log=$1
    echo "$(awk '/^# pass /{print $3}' "$log" | tail -1) $(awk '/^# fail /{print $3}' "$log" | tail -1)"
}

suite() {
    local name=$1 counter=$2
    shift 2
    printf '\n\033[1m== %s\033[0m\n' "$name"
    local log="$logs/$name.log"
    "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    read -r p f < <("$counter" "$log")
    p=${p:-0} f=${f:-0}
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$status" -ne 0 ]; then
        broken+=("$name (exit $status)")
    elif [ "$p" -eq 0 ]; then
        broken+=("$name (ran no test)")
    fi
}

release_build() {
    scripts/build.sh && scripts/size.sh --budget "$SIZE_BUDGET"
}

suite native count_cargo cargo test
suite browser count_cargo env CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser
printf '\n\033[1m== release build\033[0m\n'
if release_build; then
    suite end-to-end count_node node --test --test-concurrency=1 tests/e2e/
else
    broken+=("release build")
fi

echo
if [ ${#broken[@]} -gt 0 ]; then
    printf 'FAILED: %s\n' "${broken[@]}"
fi
echo "all suites: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ] && [ "$failed" -eq 0 ]
