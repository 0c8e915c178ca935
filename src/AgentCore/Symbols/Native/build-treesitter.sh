#!/usr/bin/env bash
# Builds the tree-sitter C runtime and the selected grammars into one static archive (linked into the Native AOT
# executable) and one shared library from the same objects (loaded by the unit tests, which do not run AOT).
#
#   build-treesitter.sh LANGUAGES OUTDIR
#     LANGUAGES  the grammar set, e.g. "typescript;tsx;javascript;python" (the AgentCoreGrammars build property)
#     OUTDIR     receives libagentcore_ts.a, libagentcore_ts.so and grammar-sizes.tsv; they are replaced only when
#                their content changes, so an unchanged set does not relink and a changed set always does (the
#                native link is timestamp-driven: copying a cached archive gives it a new modification time)
#
# Sources come from packages.tsv: `npm pack` tarballs whose sha512 must equal the pinned integrity. The compiled
# result is cached outside the work tree, keyed by everything that determines it (package list, language set,
# compiler flags, this script and the registry shim), in ${AGENTCORE_TS_CACHE:-~/.cache/agentcore/tree-sitter}.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
languages="${1:?usage: build-treesitter.sh LANGUAGES OUTDIR}"
outdir="${2:?usage: build-treesitter.sh LANGUAGES OUTDIR}"
cache="${AGENTCORE_TS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agentcore/tree-sitter}"
cc="${CC:-gcc}"
cflags="-O2 -std=gnu11 -fPIC -ffunction-sections -fdata-sections -DNDEBUG -w"

# Normalise the language list: ';' or ',' or spaces separate, order and duplicates do not matter.
languages="$(printf '%s\n' "$languages" | tr ';, ' '\n\n\n' | sed '/^$/d' | sort -u | tr '\n' ' ')"
manifest="$(grep -v '^[[:space:]]*#' "$here/packages.tsv" | sed '/^[[:space:]]*$/d')"

# Which packages the set needs, and that every language exists.
needed="$(printf '%s\n' "$manifest" | awk '$1 == "runtime" { print $2 }')"
for lang in $languages; do
  pkg="$(printf '%s\n' "$manifest" | awk -v l="$lang" '$1 == "grammar" { n = split($5, a, ","); for (i = 1; i <= n; i++) { split(a[i], kv, "="); if (kv[1] == l) print $2 } }')"
  [ -n "$pkg" ] || { echo "build-treesitter.sh: unknown grammar '$lang' (packages.tsv lists the known ones)" >&2; exit 1; }
  needed="$needed"$'\n'"$pkg"
done
needed="$(printf '%s\n' "$needed" | sort -u)"

key="$( { printf '%s\n' "$manifest" | grep -F -w -f <(printf '%s\n' $needed); echo "$languages"; echo "$cc $cflags"; \
          "$cc" -dumpfullversion; cat "$0" "$here/registry.c"; } | sha256sum | cut -c1-20)"
dest="$cache/$key"

if [ ! -f "$dest/libagentcore_ts.a" ]; then
  mkdir -p "$cache/tarballs"
  work="$(mktemp -d "$cache/build.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "build-treesitter.sh: compiling the tree-sitter runtime and grammars [$languages] (cached as $dest)" >&2
  for pkg in $needed; do
    read -r _ name version integrity _ < <(printf '%s\n' "$manifest" | awk -v p="$pkg" '$2 == p')
    tgz="$cache/tarballs/$name-$version.tgz"
    if [ ! -f "$tgz" ]; then
      (cd "$work" && npm pack --silent --ignore-scripts "$name@$version" > /dev/null)
      mv "$work/$name-$version.tgz" "$tgz.part" && mv "$tgz.part" "$tgz"
    fi
    actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
    if [ "$actual" != "$integrity" ]; then
      rm -f "$tgz"
      echo "build-treesitter.sh: $name@$version integrity mismatch: expected $integrity, got $actual" >&2
      exit 1
    fi
    mkdir -p "$work/src/$name"
    tar xzf "$tgz" -C "$work/src/$name"
  done

  # Compile jobs: "object|source|include dir", run on every core.
  jobs="$work/jobs"
  rt="$work/src/tree-sitter/package/vendor/tree-sitter/lib"
  echo "runtime.o|$rt/src/lib.c|$rt/src -I$rt/include" > "$jobs"
  defines=""
  for lang in $languages; do
    read -r pkg dir < <(printf '%s\n' "$manifest" | awk -v l="$lang" '$1 == "grammar" { n = split($5, a, ","); for (i = 1; i <= n; i++) { split(a[i], kv, "="); if (kv[1] == l) print $2, kv[2] } }')
    src="$work/src/$pkg/package/$dir"
    echo "$lang-parser.o|$src/parser.c|$src" >> "$jobs"
    [ -f "$src/scanner.c" ] && echo "$lang-scanner.o|$src/scanner.c|$src" >> "$jobs"
    defines="$defines -DAGENTCORE_TS_$(echo "$lang" | tr 'a-z' 'A-Z')"
  done
  echo "registry.o|$here/registry.c|$rt/include$defines" >> "$jobs"
  export cc cflags work
  # shellcheck disable=SC2016
  xargs -a "$jobs" -d '\n' -P "$(nproc)" -I{} bash -c 'IFS="|" read -r o s i <<< "{}"; $cc $cflags -I$i -c "$s" -o "$work/$o"' \
    || { echo "build-treesitter.sh: compile failed" >&2; exit 1; }

  objs=$(cut -d'|' -f1 "$jobs" | sed "s|^|$work/|")
  # shellcheck disable=SC2086
  ar rcs "$work/libagentcore_ts.a" $objs
  # shellcheck disable=SC2086
  "$cc" -shared -o "$work/libagentcore_ts.so" $objs -Wl,--gc-sections
  # What each part costs in the binary: its code + tables (text, data, bss as `size` reports them).
  { printf 'part\tbytes\n'
    printf 'runtime\t%s\n' "$(size -t "$work/runtime.o" | awk 'END { print $4 }')"
    for lang in $languages; do
      # shellcheck disable=SC2086
      printf '%s\t%s\n' "$lang" "$(size -t $work/$lang-*.o | awk 'END { print $4 }')"
    done; } > "$work/grammar-sizes.tsv"
  mkdir -p "$work/out"
  mv "$work/libagentcore_ts.a" "$work/libagentcore_ts.so" "$work/grammar-sizes.tsv" "$work/out/"
  # Atomic publish into the cache: a concurrent build of the same key leaves one complete copy.
  mv -T "$work/out" "$dest" 2>/dev/null || true
  [ -f "$dest/libagentcore_ts.a" ] || { echo "build-treesitter.sh: could not store $dest" >&2; exit 1; }
fi

mkdir -p "$outdir"
for f in libagentcore_ts.a libagentcore_ts.so grammar-sizes.tsv; do
  cmp -s "$dest/$f" "$outdir/$f" || cp "$dest/$f" "$outdir/$f"
done
