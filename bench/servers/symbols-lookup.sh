#!/usr/bin/env bash
# Symbol lookup through serve's open index (symbols/query, durations from stats/get) vs one-shot `agentcore symbols`.
# Usage: flock /tmp/bench.lock bench/servers/symbols-lookup.sh DIR [BIN] [QUERY]
# DIR should have been indexed once (`agentcore index DIR`), so both paths start from a snapshot.
set -euo pipefail
dir="$(cd "$1" && pwd)"
bin="${2:-dist/agentcore}"
query="${3:-SymbolIndex}"
ask() { printf '{"jsonrpc":"2.0","id":%s,"method":"%s","params":%s}\n' "$1" "$2" "$3"; }
{
  ask 0 initialize '{}'
  ask 1 workspace/open "{\"root\":\"$dir\"}"
  ask 2 symbols/query "{\"query\":\"$query\",\"limit\":5}"
  sleep 2
  ask 3 stats/get '{"reset":true}'
  sleep 0.2
  for i in $(seq 10 209); do ask "$i" symbols/query "{\"query\":\"$query\",\"limit\":5}"; sleep 0.01; done
  sleep 1
  ask 4 stats/get '{}'
} | "$bin" serve | grep -E '"id":(3|4),' | python3 -c '
import sys, json
for line in sys.stdin:
    m = json.loads(line)
    for o in m["result"]["operations"]:
        if o["operation"] == "symbols.find":
            label = "first call" if m["id"] == 3 else "open index"
            print("serve symbols/query (%s): count %d, p50 %.3f ms, p99 %.3f ms, max %.3f ms" % (label, o["count"], o["p50Ms"], o["p99Ms"], o["maxMs"]))'
start=$(date +%s.%N)
for _ in $(seq 1 20); do "$bin" symbols --limit 5 "$query" "$dir" > /dev/null; done
end=$(date +%s.%N)
echo "agentcore symbols (one process per lookup): $(echo "($end - $start) * 1000 / 20" | bc -l | cut -c1-7) ms per lookup (mean of 20)"
