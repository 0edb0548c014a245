#!/usr/bin/env bash
# `npm start`: builds pkg/ if it is missing or older than src/, then runs the console demos.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pkg/node.mjs ] || [ -n "$(find src -newer pkg/node.mjs -print -quit)" ]; then
  bash scripts/build.sh
fi
node scripts/demos/index.mjs
