#!/usr/bin/env bash
# Publishes the Native AOT single-file binary to dist/agentcore, then measures it:
#   size, median wall time of `agentcore --version` over 20 fresh processes, and of a small `agentcore tokens`
#   call once that verb exists. Writes dist/publish-report.json, appends a line to docs/publish-history.tsv and
#   fails (exit 3) when the size exceeds the budget in size-budget.txt.
# publish.ps1 does exactly the same; .ci/run runs both.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

runs=20
case "$(uname -m)" in
  x86_64|amd64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) echo "publish.sh: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

dotnet publish src/AgentCore.Host/AgentCore.Host.csproj -c Release -r "$rid" -o artifacts/publish -nologo -v:q
mkdir -p dist
cp artifacts/publish/agentcore dist/agentcore
bin="$root/dist/agentcore"

size=$(stat -c %s "$bin")
budget=$(grep -v '^[[:space:]]*#' size-budget.txt | grep -E '^[[:space:]]*[0-9]+[[:space:]]*$' | tr -d '[:space:]' | head -n 1)

# Median wall time in ms of N fresh processes; stdin of each run comes from $2 (a file).
median_ms() {
  local input="$1"; shift
  local times=() s e
  "$@" < "$input" > /dev/null   # one untimed run: the binary is in the page cache for all measured runs alike
  for ((i = 0; i < runs; i++)); do
    s=$EPOCHREALTIME
    "$@" < "$input" > /dev/null
    e=$EPOCHREALTIME
    times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", (e - s) * 1000 }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

version_ms=$(median_ms /dev/null "$bin" --version)

tokens_ms=null
sample="$(mktemp)"
trap 'rm -f "$sample"' EXIT
printf 'Hello, world! AgentCore counts tokens exactly as tiktoken does.\n' > "$sample"
if "$bin" tokens --help > /dev/null 2>&1; then
  tokens_ms=$(median_ms "$sample" "$bin" tokens)
fi

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat > dist/publish-report.json <<JSON
{
  "date": "$date_utc",
  "commit": "$commit",
  "rid": "$rid",
  "script": "publish.sh",
  "sizeBytes": $size,
  "budgetBytes": $budget,
  "runs": $runs,
  "startupVersionMedianMs": $version_ms,
  "startupTokensMedianMs": $tokens_ms
}
JSON

history=docs/publish-history.tsv
mkdir -p docs
[ -f "$history" ] || printf 'date\tcommit\tscript\tsize_bytes\tversion_median_ms\ttokens_median_ms\n' > "$history"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$date_utc" "$commit" "publish.sh" "$size" "$version_ms" "$tokens_ms" >> "$history"

echo "binary:   $bin"
echo "size:     $size bytes ($(awk -v s="$size" 'BEGIN { printf "%.2f", s / 1048576 }') MiB), budget $budget bytes"
echo "startup:  agentcore --version median ${version_ms} ms over $runs runs"
if [ "$tokens_ms" != null ]; then
  echo "startup:  agentcore tokens (one line on stdin) median ${tokens_ms} ms over $runs runs"
  printf 'tokens:   '; "$bin" tokens < "$sample"
fi
echo "report:   dist/publish-report.json"

if [ "$size" -gt "$budget" ]; then
  echo "publish.sh: dist/agentcore is $size bytes, over the budget of $budget bytes in size-budget.txt" >&2
  exit 3
fi
