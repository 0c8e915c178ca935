#!/usr/bin/env bash
# The test command: unit tests of the library and behaviour tests of the published binary (dist/agentcore, or
# $AGENTCORE_BIN). Publishes first when the binary is missing. Ends with one line "tests: N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

if [ -z "${AGENTCORE_BIN:-}" ] && [ ! -x dist/agentcore ]; then
  ./publish.sh
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test AgentCore.sln -c Release --nologo "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# vstest prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test assembly.
awk '/ - Failed: *[0-9]+, Passed: *[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1) }
     }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$rc"
