#!/usr/bin/env bash
# `npm run build:www`: builds the package, then the demo page as a static folder (www/dist) that
# works from any static file server, at the root or under a sub-path (all URLs are relative).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
npx --no-install vite build --config www/vite.config.mjs --logLevel warn
echo "build:www: www/dist is ready (serve it with any static file server)"
