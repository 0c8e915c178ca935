#!/usr/bin/env bash
# Regression compare: runs the fast subset of the BenchmarkDotNet suite (ShortRun) and compares it with the committed
# baseline bench/baseline.json. Allocated bytes per operation must not grow at all (exit 1: the CI gate); mean times
# more than 5 % above the baseline are reported, not failed. Times are only meaningful on a quiet machine (no other
# builds, load average under 0.5, CPU frequency scaling off if you can): see docs/performance.md.
#   bench/compare.sh            compare with the baseline
#   bench/compare.sh --update   rewrite the baseline from this run (commit it with the change that justifies it)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet run -c Release --project bench/AgentCore.Benchmarks -- compare "$@"
