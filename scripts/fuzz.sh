#!/usr/bin/env bash
# `npm run fuzz -- --minutes N`: runs every cargo-fuzz target in fuzz/ for an equal share of N
# minutes (default 5), one at a time at the lowest priority, and prints the executions and crashes
# of each target and a total line; exits non-zero if any target crashed. Installs what is missing
# (the nightly toolchain, cargo-fuzz) without changing the default toolchain. Compiling holds the
# lock file $BUILD_LOCK (default /tmp/dm-build.lock) so that it never runs beside another build;
# fuzzing does not (so do not run this script itself under that lock: it would wait on itself).
# Seeds come from the bundled scenarios and fuzz/seeds/; the corpus grows in fuzz/corpus/, crashes
# land in fuzz/artifacts/, and each target's log in test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
lock=${BUILD_LOCK:-/tmp/dm-build.lock}
# shellcheck source=scripts/minutes.sh
source scripts/minutes.sh

usage() { echo "usage: npm run fuzz -- --minutes N   (N: minutes in all, a positive number; default 5)"; }
minutes=5
while [ $# -gt 0 ]; do
  case $1 in
    --minutes)
      [ $# -ge 2 ] || { echo "fuzz: --minutes needs a value" >&2; usage >&2; exit 2; }
      minutes=$2
      shift 2
      ;;
    --minutes=*) minutes=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "fuzz: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
check_minutes fuzz "$minutes"

echo "# installing what is missing"
rustup toolchain list | grep -q '^nightly' || flock "$lock" rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || flock "$lock" cargo +nightly install cargo-fuzz --locked

# Without a sanitizer (the crate has no unsafe code; a panic is what is looked for), with debug
# assertions and overflow checks on, so that arithmetic that would wrap in release is caught too.
echo "# building the fuzz targets"
flock "$lock" cargo +nightly fuzz build --sanitizer none --debug-assertions
bin=fuzz/target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release
mapfile -t targets < <(cargo +nightly fuzz list)

# Seeds: the bundled scenarios, and option objects (fuzz/seeds/options and the scenarios' own);
# a dictionary of the option and scenario keys and names, as JSON strings, for the JSON targets.
mkdir -p fuzz/corpus/scenario fuzz/corpus/options test-output
cp src/scenarios/*.json fuzz/corpus/scenario/
cp fuzz/seeds/options/*.json fuzz/corpus/options/
node -e '
  const fs = require("fs");
  for (const file of fs.readdirSync("src/scenarios")) {
    const { options } = JSON.parse(fs.readFileSync(`src/scenarios/${file}`, "utf8"));
    if (options) fs.writeFileSync(`fuzz/corpus/options/scenario-${file}`, JSON.stringify(options));
  }'
dict=fuzz/target/json.dict
grep -ho '"[a-zA-Z][a-zA-Z-]*"' src/sim/defaults.rs src/sim/options.rs src/sim/scenario.rs \
  src/sim/topology.rs src/sim/byzantine.rs src/sim/latency.rs src/auth.rs | sort -u | sed 's/"/\\"/g; s/.*/"&"/' >"$dict"

seconds=$(awk -v m="$minutes" -v n="${#targets[@]}" 'BEGIN { s = int(m * 60 / n); print (s < 1 ? 1 : s) }')
echo "# fuzzing ${#targets[@]} targets for ${seconds}s each (nice -n 19)"
total_runs=0
total_crashes=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log=test-output/fuzz-$target.log
  before=$(find "fuzz/artifacts/$target" -type f | wc -l)
  options=()
  case $target in scenario | options) options=("-dict=$dict") ;; esac
  nice -n 19 "$bin/$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="fuzz/artifacts/$target/" "${options[@]}" "fuzz/corpus/$target" >"$log" 2>&1 || true
  runs=$(awk '/^stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)
  if [ -z "$runs" ]; then
    echo "fuzz: $target did not run; last lines of $log:" >&2
    tail -n 5 "$log" >&2
    exit 1
  fi
  crashes=$(($(find "fuzz/artifacts/$target" -type f | wc -l) - before))
  printf '%-16s %12d executions  %d crashes\n' "$target" "$runs" "$crashes"
  if [ "$crashes" -ne 0 ]; then
    grep -E "panicked|ERROR|Test unit written" "$log" | head -n 5 | sed 's/^/    /'
    echo "    replay: cargo +nightly fuzz run $target <artifact>; full log: $log"
  fi
  total_runs=$((total_runs + runs))
  total_crashes=$((total_crashes + crashes))
done
echo "total: $total_runs executions, $total_crashes crashes ($(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ))"
[ "$total_crashes" -eq 0 ]
