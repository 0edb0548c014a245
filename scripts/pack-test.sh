#!/usr/bin/env bash
# Packs pkg/ with `npm pack`, installs the tarball into a scratch project, and checks it as a user
# would: ESM import and CommonJS require in Node, and `tsc --noEmit` over tests/ts-app/app.ts.
# Prints one "ok"/"not ok" line per check.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

result() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; fi; }

tarball=$(cd pkg && npm pack --silent --pack-destination "$scratch" 2>/dev/null | tail -1)
[ -f "$scratch/$tarball" ]; result $? "npm pack writes a tarball ($tarball)"

cd "$scratch"
echo '{"name":"scratch","private":true,"type":"module"}' > package.json
npm install --silent --no-audit --no-fund "./$tarball" >/dev/null 2>&1
[ -f node_modules/data-mesh/raw-node/data_mesh_bg.wasm ]; result $? "the tarball installs with its wasm"

node --input-type=module -e "
import init, { MeshNetwork } from 'data-mesh';
await init();
const n = new MeshNetwork();
const a = n.createNode({ nodeId: 'a', seed: 7, phaseResetInterval: 100 });
const b = n.createNode({ nodeId: 'b', seed: 7, phaseResetInterval: 100 });
let got; b.onMessage((m) => (got = m.data));
a.broadcast(42);
if (got !== 42) throw new Error('not delivered');
" 2>&1
result $? "import from the installed package works in Node"

node -e "
const { MeshObserver } = require('data-mesh');
const o = new MeshObserver({ seed: 7, phaseResetInterval: 100 });
if (o.observe({ senderId: 's', globalStep: 0, patternValue: 9, data: 0 }).valid) throw new Error('accepted a bad pattern');
" 2>&1
result $? "require() of the installed package works synchronously"

node -e "
const { runExperiment } = require('data-mesh');
runExperiment({ scenario: { version: 1, nodes: { count: 3 } }, seeds: 4, until: 50, measure: ['stats.sent'] }, { workers: 2 })
  .then(({ records }) => { if (records.length !== 4 || records.some((r) => r.error)) throw new Error('runs missing'); })
  .catch((error) => { console.error(error); process.exit(1); });
" 2>&1
result $? "an experiment runs on worker threads from the installed package"

cp "$root/tests/ts-app/app.ts" "$root/tests/ts-app/tsconfig.json" .
node "$root/node_modules/typescript/bin/tsc" -p tsconfig.json 2>&1
result $? "tsc --noEmit accepts the TypeScript app against the installed types"
