#!/usr/bin/env bash
# Builds the npm package in pkg/: release wasm -> wasm-bindgen (web + nodejs) -> wasm-opt -> tsc.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh

wasm=target/wasm32-unknown-unknown/release/data_mesh.wasm
cargo build --quiet --lib --release --target wasm32-unknown-unknown

rm -rf pkg
for target in web nodejs; do
  out=pkg/raw-${target%js}
  wasm-bindgen --target "$target" --out-dir "$out" "$wasm"
  npx --no-install wasm-opt -O3 --enable-bulk-memory --enable-reference-types --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-mutable-globals --enable-multivalue --enable-simd \
    "$out/data_mesh_bg.wasm" -o "$out/data_mesh_bg.wasm"
done
echo '{"type":"commonjs"}' > pkg/raw-node/package.json

npx --no-install tsc -p tsconfig.esm.json
npx --no-install tsc -p tsconfig.cjs.json
# Internal modules' declarations are not part of the public types (and raw.d.ts points into the repo).
rm -r pkg/types/internal
echo '{"type":"commonjs"}' > pkg/cjs/package.json

cp src/entries/web.js src/entries/worker.js src/entries/experiment-worker.js src/entries/experiment-worker.mjs src/entries/node.cjs src/entries/node.mjs src/entries/index.d.ts src/entries/package.json pkg/
cp README.md LICENSE pkg/
mkdir -p pkg/docs && cp docs/*.png docs/*.md pkg/docs/
mkdir -p pkg/scenarios && cp src/scenarios/*.json pkg/scenarios/
echo "build: pkg/ ready ($(du -k pkg/raw-web/data_mesh_bg.wasm | cut -f1) KiB of wasm)"
# Let the workspace's own demos, tests and pages import 'data-mesh' exactly as a user would.
mkdir -p node_modules && ln -sfn ../pkg node_modules/data-mesh
