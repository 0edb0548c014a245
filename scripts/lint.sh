#!/usr/bin/env bash
# `npm run lint`: rustfmt, clippy (native and wasm32) with warnings as errors, the generated boundary
# module up to date, the facade's import graph without cycles, and tsc over the facade.
# Prints one "ok"/"not ok" line per check; exits non-zero if any fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
status=0
check() {
  local name=$1
  shift
  if "$@"; then echo "ok - $name"; else echo "not ok - $name"; status=1; fi
}
check "cargo fmt --check" cargo fmt --check
check "clippy (native)" cargo clippy --quiet --all-targets -- -D warnings
check "clippy (wasm32)" cargo clippy --quiet --lib --test web --target wasm32-unknown-unknown -- -D warnings
check "src/js/generated matches a fresh generation (npm run gen)" cargo run --quiet --bin gen-boundary -- --check
check "facade imports: no cycle, internal modules below public ones" bash -c "node scripts/check-imports.mjs | sed 's/^/# /'; exit \${PIPESTATUS[0]}"
check "file sizes: no Rust file in src/ over 600 lines, no TS file in src/js/ over 300" bash -c \
  "! { find src -name '*.rs' -exec wc -l {} + | awk '\$2 != \"total\" && \$1 > 600'; find src/js -name '*.ts' -exec wc -l {} + | awk '\$2 != \"total\" && \$1 > 300'; } | grep ."
check "tsc (facade, strict)" npx --no-install tsc -p tsconfig.esm.json --noEmit
exit $status
