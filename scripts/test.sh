#!/usr/bin/env bash
# `npm test`: installs what is missing, builds, runs every test layer, and ends with one line
# "N passed, M failed" totalling all layers. Logs of each layer go to test-output/.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 CHROMEDRIVER=/usr/bin/chromedriver
mkdir -p test-output
passed=0
failed=0
summary=()

# add LAYER PASSED FAILED: adds a layer's counts to the totals.
add() {
  passed=$((passed + $2))
  failed=$((failed + $3))
  summary+=("$(printf '%-14s %4d passed, %d failed' "$1" "$2" "$3")")
}

# run LAYER PARSER COMMAND...: runs a layer, logs it, and counts its results with PARSER.
# A layer that exits non-zero without reporting a failure counts one failure.
run() {
  local layer=$1 parser=$2 log="test-output/$1.log"
  shift 2
  echo "=== $layer: $*"
  "$@" >"$log" 2>&1
  local status=$?
  local counts
  counts=$("$parser" "$log")
  local p=${counts% *} f=${counts#* }
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    echo "--- $layer exited with status $status; last lines of $log:"
    tail -n 25 "$log"
  elif [ "$f" -ne 0 ]; then
    echo "--- $layer has failures; see $log"
    grep -E "FAILED|panicked|^not ok|✘|failed|Error" "$log" | head -n 30
  fi
  add "$layer" "$p" "$f"
}

cargo_counts() { awk '/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }' "$1"; }
tap_counts() { awk '/^# pass / { p += $3 } /^# fail / { f += $3 } END { print p + 0, f + 0 }' "$1"; }
ok_counts() { awk '/^ok / { p++ } /^not ok / { f++ } END { print p + 0, f + 0 }' "$1"; }
playwright_counts() {
  node -e "
    const fs = require('fs');
    try { const s = JSON.parse(fs.readFileSync('test-output/e2e.json', 'utf8')).stats;
          console.log(s.expected + ' ' + (s.unexpected + s.flaky)); } catch { console.log('0 0'); }"
}
echo "=== setup and build"
if ! { bash scripts/setup.sh --browser && bash scripts/build-www.sh; } >test-output/build.log 2>&1; then
  tail -n 40 test-output/build.log
  echo "build failed: no test could run"
  echo "0 passed, 1 failed"
  exit 1
fi

run lint ok_counts bash scripts/lint.sh
run native cargo_counts cargo test --quiet
run wasm-node cargo_counts cargo test --target wasm32-unknown-unknown --test web
run wasm-chromium cargo_counts env WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test web
run js tap_counts node --test --test-reporter=tap tests/js/
run examples tap_counts bash scripts/examples-test.sh
run package ok_counts bash scripts/pack-test.sh
rm -f test-output/e2e.json
run e2e playwright_counts npx --no-install playwright test

echo
printf '%s\n' "${summary[@]}"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
