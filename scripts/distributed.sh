#!/usr/bin/env bash
# `npm run test:distributed`: the shards of a sweep fanned out over a local Dask cluster and merged
# (examples/distributed). Builds the native binary, makes the Python virtual environment in
# target/distributed/venv with dask[distributed] from PyPI (once; later runs reuse it), and runs
# examples/distributed/shards.py, which exits 1 unless the merged summary equals a single sweep's.
# Not part of `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
venv=target/distributed/venv
cargo build --quiet --release --bin data-mesh
if ! "$venv/bin/python" -c "import dask.distributed" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "dask[distributed]"
fi
work=target/distributed/run
rm -rf "$work"
"$venv/bin/python" examples/distributed/shards.py --binary target/release/data-mesh --shards 4 --workers 2 \
  --dir "$work" -- src/scenarios/partition-heal.json --seeds 1..40 --vary options.links.loss=0,0.05,0.1 \
  --measure stats.delivered --measure stats.lost --measure stats.partitioned
