#!/usr/bin/env bash
# `npm run dev`: builds the package, then serves the demo page in www/ (Vite prints the URL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec npx --no-install vite --config www/vite.config.mjs "$@"
