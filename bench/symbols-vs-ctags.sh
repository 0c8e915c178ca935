#!/usr/bin/env bash
# Symbols benchmark (docs/performance.md, "Symbols"): agentcore index vs Universal Ctags on the same trees in the
# same run. Corpora: the machine's Python standard library (*.py), C headers under /usr/include (*.h) and TypeScript
# sources from npm packages (rxjs 7.8.1 + @types/node 22.10.0, *.ts), each copied into its own tree so both tools
# read exactly the same files (rxjs' dist/ folder is copied as types/: the index, like the reference's list_files,
# skips folders named dist). Prints one TSV row per tool and corpus: wall s, CPU s, peak RSS, MB/s, files/s, and for
# agentcore the in-process seconds and snapshot load ms it prints.
#   [AGENTCORE=BIN] [CORPORA="ts py h"] bench/symbols-vs-ctags.sh [WORKDIR]   (needs ctags, npm, /usr/bin/time)
# Run it under `flock /tmp/bench.lock` on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${AGENTCORE:-$root/dist/agentcore}"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$work"

copy_tree() { # copy_tree SRC PATTERN DEST
  (cd "$1" && find . -type f -name "$2" -print0 | tar --null -T - -cf -) | (cd "$3" && tar --transform 's,/dist/,/types/,' -xf -)
}
if [ ! -d py ]; then mkdir -p py && copy_tree /usr/lib/python3.11 '*.py' "$work/py"; fi
if [ ! -d h ]; then mkdir -p h && copy_tree /usr/include '*.h' "$work/h"; fi
if [ ! -d ts ]; then
  mkdir -p ts-src ts
  (cd ts-src && npm pack --silent rxjs@7.8.1 @types/node@22.10.0 > /dev/null && for t in *.tgz; do mkdir -p "${t%.tgz}" && tar xzf "$t" -C "${t%.tgz}"; done)
  copy_tree "$work/ts-src" '*.ts' "$work/ts"
fi

printf 'corpus\tfiles\tMB\ttool\twall_s\tcpu_s\tpeak_rss_MB\tMB_per_s\tfiles_per_s\tsymbols_or_tags\tindex_s\tload_ms\n'
for corpus in ${CORPORA:-ts py h}; do
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(find "$corpus" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
  run() { # run LABEL COUNT_CMD -- CMD...
    local label="$1" count inner load; shift
    /usr/bin/time -f '%e %U %S %M' -o time.txt "$@" > out.txt 2> err.txt || true
    read -r wall user sys rss < time.txt
    case "$label" in
      ctags*) count=$(grep -vc '^!_' out.txt || true) ;;
      *) count=$(awk '/^symbols:/ { print $2 }' out.txt) ;;
    esac
    inner=$(awk '/^seconds:/ { print $2 }' out.txt); load=$(sed -n 's/.*(loaded in \([0-9.]*\) ms).*/\1/p' out.txt)
    awk -v c="$corpus" -v f="$files" -v mb="$mb" -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$count" \
      -v i="${inner:--}" -v d="${load:--}" \
      'BEGIN { printf "%s\t%d\t%s\t%s\t%.2f\t%.2f\t%.1f\t%.2f\t%.0f\t%s\t%s\t%s\n", c, f, mb, l, w, u + s, r / 1024, mb / w, f / w, n, i, d }'
  }
  run "ctags -R" ctags -R --languages=Python,C,C++,TypeScript -f - "$corpus"
  rm -f "$corpus.idx"
  run "agentcore index (all cores)" "$bin" index --snapshot "$work/$corpus.idx" "$corpus"
  rm -f "$corpus.idx"
  run "ctags -R, 1 core" taskset -c 0 ctags -R --languages=Python,C,C++,TypeScript -f - "$corpus"
  run "agentcore index, 1 core" taskset -c 0 "$bin" index --snapshot "$work/$corpus.idx" "$corpus"
  # Incremental: one file touched (content appended), then an unchanged re-run (snapshot load + stat of every file).
  one=$(find "$corpus" -type f -print -quit)
  printf '\n' >> "$one"
  run "agentcore index, 1 file edited" "$bin" index --snapshot "$work/$corpus.idx" "$corpus"
  run "agentcore index, unchanged" "$bin" index --snapshot "$work/$corpus.idx" "$corpus"
  run "agentcore symbols (load + lookup)" "$bin" symbols --limit 5 --snapshot "$work/$corpus.idx" Parser "$corpus"
done
