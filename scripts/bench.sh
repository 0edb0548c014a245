#!/usr/bin/env bash
# `npm run bench`: the wasm workloads in Node and the memory flatness runs (JSON lines), the
# native command line's sweeps (runs/s with 1 and 2 jobs), then the core workloads natively
# (criterion).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/build.sh >/dev/null
echo "# wasm in Node $(node --version)"
node --expose-gc benches/wasm.bench.mjs
echo "# memory in Node: wasm memory and JS heap after warm-up and at the end"
node --expose-gc benches/memory.bench.mjs
echo "# native command line: sweeps of partition-heal with 1 and 2 jobs"
cargo build --quiet --release --bin data-mesh
node benches/cli.bench.mjs
echo "# native (criterion)"
cargo bench --bench core -- --warm-up-time 1 --measurement-time 2 "$@"
