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

# node's test runner: "# pass N", "# fail N", and "# cancelled N" for a test that passed its
# time limit (counted as failed).
count_node() {
    local log=$1
    awk '/^# pass /{p=$3} /^# fail /{f=$3} /^# cancelled /{c=$3} END {print p+0, f+c}' "$log"
}

# A suite's tests must end within its limit, in seconds, once built: a stuck test fails the
# run and is named, instead of holding CI until it is killed.
suite() {
    local name=$1 counter=$2 limit=$3
    shift 3
    printf '\n\033[1m== %s\033[0m\n' "$name"
    local log="$logs/$name.log"
    timeout --kill-after=10 "$limit" "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    read -r p f < <("$counter" "$log")
    p=${p:-0} f=${f:-0}
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        broken+=("$name (stopped after ${limit} s; still running: $(stuck "$log"))")
    elif [ "$status" -ne 0 ]; then
        broken+=("$name (exit $status)")
    elif [ "$p" -eq 0 ]; then
        broken+=("$name (ran no test)")
    fi
}

# The tests a stopped suite had started and not finished: libtest's "test X has been running
# for over 60 seconds", or a test announced with no verdict after it.
stuck() {
    local log=$1 names
    names=$(sed -nE 's/^test (.*) has been running for over .*/\1/p' "$log" | sort -u | paste -sd, -)
    [ -z "$names" ] && names=$(awk '/^test .* \.\.\. *$/ {print $2}' "$log" | paste -sd, -)
    echo "${names:-unknown}"
}

release_build() {
    scripts/build.sh && scripts/size.sh --budget "$SIZE_BUDGET"
}

# Built before the clock starts, so that a cold build never counts against a suite's limit.
if cargo test --no-run && cargo test --target wasm32-unknown-unknown --test browser --no-run; then
    suite native count_cargo 600 cargo test
    suite browser count_cargo 600 env CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser
else
    broken+=("test build")
fi
printf '\n\033[1m== release build\033[0m\n'
if release_build; then
    # Each end-to-end test has three minutes; node's runner names one that takes longer.
    suite end-to-end count_node 2400 node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/
else
    broken+=("release build")
fi

echo
if [ ${#broken[@]} -gt 0 ]; then
    printf 'FAILED: %s\n' "${broken[@]}"
fi
echo "all suites: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ] && [ "$failed" -eq 0 ]
