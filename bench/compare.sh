#!/usr/bin/env bash
# Regression compare: runs the fast subset of the BenchmarkDotNet suite (ShortRun) and compares it with the committed
# baseline bench/baseline.json. Allocated bytes per operation must not grow at all (exit 1: the CI gate); mean times
# more than 5 % above the baseline are reported, not failed. Times are only meaningful on a quiet machine (no other
# builds, load average under 0.5, CPU frequency scaling off if you can): see docs/performance.md. Then the other gate:
# the size of dist/agentcore (when published) against size-budget.txt, with its change since the previous publish of
# another commit in docs/publish-history.tsv.
#   bench/compare.sh            compare with the baseline
#   bench/compare.sh --update   rewrite the baseline from this run (commit it with the change that justifies it)
# On a machine shared with other benchmarks: flock /tmp/bench.lock bench/compare.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
status=0
dotnet run -c Release --project bench/AgentCore.Benchmarks -- compare "$@" || status=$?

if [ -f dist/agentcore ]; then
  size=$(stat -c %s dist/agentcore)
  budget=$(grep -v '^[[:space:]]*#' size-budget.txt | grep -E '^[[:space:]]*[0-9]+[[:space:]]*$' | tr -d '[:space:]' | head -n 1)
  head_commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
  # The last publish of another commit: the size this build is compared with (report only; the budget is the gate).
  previous=$(awk -F'\t' -v c="$head_commit" 'NR > 1 && $2 != c { line = $4 "\t" $2 } END { print line }' docs/publish-history.tsv 2>/dev/null || true)
  delta=""
  if [ -n "$previous" ]; then
    delta=$(awk -v s="$size" -v p="${previous%%$'\t'*}" -v c="${previous#*$'\t'}" 'BEGIN { printf ", %+d bytes vs %s at %s", s - p, p, c }')
  fi
  echo "compare: dist/agentcore $size bytes, budget $budget bytes$delta"
  if [ "$size" -gt "$budget" ]; then
    echo "compare: FAIL: dist/agentcore is $size bytes, over the budget of $budget bytes in size-budget.txt" >&2
    status=1
  fi
else
  echo "compare: dist/agentcore not found: binary size not checked (./publish.sh first)"
fi
exit "$status"
