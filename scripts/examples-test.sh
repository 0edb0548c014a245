#!/usr/bin/env bash
# The examples as a user would run them: `tsc` compiles examples/ (strict, against the built
# package's types) into test-output/examples-js, then `node --test` runs every *.test.js there.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf test-output/examples-js
node node_modules/typescript/bin/tsc -p examples/tsconfig.json || { echo "# fail 1"; exit 1; }
node --test --test-reporter=tap $(find test-output/examples-js -name '*.test.js' | sort)
