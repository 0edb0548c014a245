#!/usr/bin/env bash
# `npm run soak -- --minutes N [--seed S]`: builds the package when pkg/ is missing or older than
# the sources, then runs scripts/soak.mjs at the lowest priority (nice -n 19) for N minutes
# (default 1): networks of about 200 nodes with churn, loss, partitions, pauses, byzantine nodes,
# a JS protocol and a watching observer, one after another, checking invariants and memory; one
# line per minute, a summary, and exit 1 with the seed of the network that broke an invariant.
# The first network's seed is S (default 1), the next S + 1, and so on, so `--seed S` replays a
# failure first. Building holds the lock file $BUILD_LOCK (default /tmp/dm-build.lock); the soak
# does not (so do not run this script itself under that lock: it would wait on itself).
set -euo pipefail
cd "$(dirname "$0")/.."
lock=${BUILD_LOCK:-/tmp/dm-build.lock}
# shellcheck source=scripts/minutes.sh
source scripts/minutes.sh

usage() { echo "usage: npm run soak -- --minutes N [--seed S]   (N: a positive number, default 1; S: a whole number, default 1)"; }
minutes=1
seed=1
while [ $# -gt 0 ]; do
  case $1 in
    --minutes | --seed)
      [ $# -ge 2 ] || { echo "soak: $1 needs a value" >&2; usage >&2; exit 2; }
      if [ "$1" = --minutes ]; then minutes=$2; else seed=$2; fi
      shift 2
      ;;
    --minutes=*) minutes=${1#*=}; shift ;;
    --seed=*) seed=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "soak: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
check_minutes soak "$minutes"
if ! [[ $seed =~ ^[0-9]{1,15}$ ]]; then
  echo "soak: --seed must be a whole number of at most 15 digits, got '$seed'" >&2
  exit 2
fi

wasm=pkg/raw-node/data_mesh_bg.wasm
if [ ! -e node_modules/data-mesh ] || [ ! -e "$wasm" ] ||
  [ -n "$(find src Cargo.toml Cargo.lock -newer "$wasm" -print -quit)" ]; then
  echo "# building the package (pkg/ is missing or older than the sources)"
  flock "$lock" bash scripts/build.sh
fi
exec nice -n 19 node --expose-gc scripts/soak.mjs --minutes "$minutes" --seed "$seed"
