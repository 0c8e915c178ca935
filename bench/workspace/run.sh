#!/usr/bin/env bash
# Workspace benchmark: agentcore files/grep against ripgrep 13 with the extension's exact argument lists, in one run,
# warm page cache (one unmeasured run of each first). Prints a markdown table. Usage:
#   bench/workspace/run.sh [TREE] [RUNS]      (needs: rg, python3, /usr/bin/time; dist/agentcore published)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tree="${1:-/tmp/ac-bench-tree}"
runs="${2:-7}"
bin="${AGENTCORE_BIN:-$repo/dist/agentcore}"
[ -d "$tree/pkg00" ] || python3 "$here/make-tree.py" "$tree" 50000 >&2
files=$(find "$tree" -type f | wc -l)
cd "$tree"

rg_list=(rg --files --hidden --follow -g '!**/node_modules/**' -g '!**/__pycache__/**' -g '!**/env/**' -g '!**/venv/**'
  -g '!**/target/dependency/**' -g '!**/build/dependencies/**' -g '!**/dist/**' -g '!**/out/**' -g '!**/bundle/**'
  -g '!**/vendor/**' -g '!**/tmp/**' -g '!**/temp/**' -g '!**/deps/**' -g '!**/pkg/**' -g '!**/Pods/**' -g '!**/.git/**'
  -g '!**/.*/**' "$tree")
ac_list=("$bin" files --recursive --limit 100000000 "$tree")
rg_grep=(rg --json -e 'TODO: fix' --context 1 --no-messages "$tree")
ac_grep=("$bin" grep 'TODO: fix' "$tree")
rg_grep2=(rg --json -e 'function\s+\w+ data' --context 1 --no-messages "$tree")
ac_grep2=("$bin" grep 'function\s+\w+ data' "$tree")

median_ms() { # command... -> median wall ms over $runs runs (after one warm-up)
  "$@" > /dev/null 2>&1 || true
  local t=()
  for ((i = 0; i < runs; i++)); do
    local s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; local e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
rss_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'; }

echo "tree: $tree ($files files), runs: $runs, $(nproc) cores, $(rg --version | head -1), $("$bin" --version)"
echo
echo "| what | ripgrep 13 (ms) | agentcore (ms) | ratio rg/agentcore | rg max RSS (MB) | agentcore max RSS (MB) |"
echo "|---|---|---|---|---|---|"
row() {
  local name="$1"; shift; local -n a="$1"; local -n b="$2"
  local r=$(median_ms "${a[@]}") c=$(median_ms "${b[@]}")
  echo "| $name | $r | $c | $(awk -v r="$r" -v c="$c" 'BEGIN{printf "%.2f", (c>0? r/c : 0)}') | $(rss_mb "${a[@]}") | $(rss_mb "${b[@]}") |"
}
row "list (extension's rg --files args vs files --recursive)" rg_list ac_list
row "search literal 'TODO: fix' (rg --json --context 1)" rg_grep ac_grep
row "search regex 'function\\s+\\w+ data'" rg_grep2 ac_grep2
echo
echo "outputs: rg --files lines $("${rg_list[@]}" | wc -l), agentcore files lines $("${ac_list[@]}" | wc -l)"
