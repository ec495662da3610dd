#!/usr/bin/env bash
# `npm run demo` on a fresh checkout: install what is missing, build, then run the app against
# the bundled Vobiz simulator with sample data (scripts/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" = "Linux" ] && ! pkg-config --exists libsecret-1 2>/dev/null; then
  echo "Trunkdesk keeps tokens in the OS keychain through keytar, which needs libsecret to build."
  echo "Install it first, e.g.: sudo apt-get install libsecret-1-dev gnome-keyring"
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# Electron fetches its binary from GitHub on first use; try once, and fall back to the harness
# (same renderer, preload and main handlers in Chromium) where that cannot work.
if [ -z "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" ] && [ ! -f node_modules/electron/path.txt ]; then
  timeout 300 node node_modules/electron/install.js || echo "Could not download the Electron binary."
fi
npx electron-vite build --logLevel warn
exec node --import tsx scripts/demo.ts
