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
# Part of the cache key: raise it whenever the compile steps below change what they produce.
recipe=2

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
          "$cc" -dumpfullversion; echo "recipe $recipe"; cat "$here/registry.c" "$here/tablepack.c" "$here/inflate.h"; } | sha256sum | cut -c1-20)"
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

  # Compile jobs, run on every core: "c|object|source|include dirs" compiles a file as it is; "parser|lang|dir"
  # compiles a grammar's parser.c with its two parse tables packed (tablepack.c, inflate.h): the tables are read
  # out of a quick -O0 object, the source is compiled again without their initialisers (the arrays move to .bss)
  # and with the packed bytes plus agentcore_inflate_<lang>() appended.
  jobs="$work/jobs"
  rt="$work/src/tree-sitter/package/vendor/tree-sitter/lib"
  echo "c|runtime.o|$rt/src/lib.c|$rt/src -I$rt/include" > "$jobs"
  defines=""
  for lang in $languages; do
    read -r pkg dir < <(printf '%s\n' "$manifest" | awk -v l="$lang" '$1 == "grammar" { n = split($5, a, ","); for (i = 1; i <= n; i++) { split(a[i], kv, "="); if (kv[1] == l) print $2, kv[2] } }')
    src="$work/src/$pkg/package/$dir"
    echo "parser|$lang|$src" >> "$jobs"
    [ -f "$src/scanner.c" ] && echo "c|$lang-scanner.o|$src/scanner.c|$src" >> "$jobs"
    defines="$defines -DAGENTCORE_TS_$(echo "$lang" | tr 'a-z' 'A-Z')"
  done
  echo "c|registry.o|$here/registry.c|$rt/include$defines" >> "$jobs"
  "$cc" -O2 -o "$work/tablepack" "$here/tablepack.c"

  compile_job() {
    IFS="|" read -r kind a b c <<< "$1"
    if [ "$kind" = c ]; then
      # shellcheck disable=SC2086
      $cc $cflags -I$c -c "$b" -o "$work/$a"
      return
    fi
    local lang="$a" src="$b" t="$work/$a"
    $cc -O0 -w -fdata-sections -I"$src" -c "$src/parser.c" -o "$t-tables.o"
    for table in ts_parse_table ts_small_parse_table; do
      objcopy -O binary --only-section=".rodata.$table" "$t-tables.o" "$t-$table.bin"
      [ -s "$t-$table.bin" ] || { echo "build-treesitter.sh: $lang: no $table in parser.c" >&2; return 1; }
    done
    small=$(( $(stat -c %s "$t-ts_small_parse_table.bin") / 2 ))
    awk -v small="$small" '
      { sub(/\r$/, "") }
      /^static const uint16_t ts_parse_table\[LARGE_STATE_COUNT\]\[SYMBOL_COUNT\] = \{$/ { print "static uint16_t ts_parse_table[LARGE_STATE_COUNT][SYMBOL_COUNT];"; skip = 1; next }
      /^static const uint16_t ts_small_parse_table\[\] = \{$/ { print "static uint16_t ts_small_parse_table[" small "];"; skip = 1; next }
      skip && /^};$/ { skip = 0; next }
      !skip { print }' "$src/parser.c" > "$t-parser.c"
    [ "$(grep -c '^static uint16_t ts_\(small_\)\?parse_table\[' "$t-parser.c")" = 2 ] \
      || { echo "build-treesitter.sh: $lang: parser.c does not declare its parse tables as expected" >&2; return 1; }
    { "$work/tablepack" ts_parse_table "$t-ts_parse_table.bin"
      "$work/tablepack" ts_small_parse_table "$t-ts_small_parse_table.bin"
      cat "$here/inflate.h"
      printf 'void agentcore_inflate_%s(void) { pthread_once(&agentcore_tables_once, agentcore_inflate_tables); }\n' "$lang"; } >> "$t-parser.c"
    # shellcheck disable=SC2086
    $cc $cflags -I"$src" -c "$t-parser.c" -o "$t-parser.o"
    rm -f "$t-tables.o"
  }
  export cc cflags work here
  export -f compile_job
  xargs -a "$jobs" -d '\n' -P "$(nproc)" -I{} bash -e -c 'compile_job "$1"' _ {} \
    || { echo "build-treesitter.sh: compile failed" >&2; exit 1; }

  objs=$(awk -F'|' -v w="$work" '$1 == "c" { print w "/" $2 } $1 == "parser" { print w "/" $2 "-parser.o" }' "$jobs")
  # shellcheck disable=SC2086
  ar rcs "$work/libagentcore_ts.a" $objs
  # shellcheck disable=SC2086
  "$cc" -shared -o "$work/libagentcore_ts.so" $objs -Wl,--gc-sections
  mkdir -p "$work/out"
  mv "$work/libagentcore_ts.a" "$work/libagentcore_ts.so" "$work/out/"
  # Atomic publish into the cache: a concurrent build of the same key leaves one complete copy.
  mv -T "$work/out" "$dest" 2>/dev/null || true
  [ -f "$dest/libagentcore_ts.a" ] || { echo "build-treesitter.sh: could not store $dest" >&2; exit 1; }
fi

# What each part costs: bytes in the binary (code + packed tables: text + data) and bytes of memory once the grammar
# is used (its parse tables inflated into .bss).
sizes="$(mktemp)"
{ printf 'part\tbinary_bytes\tinflated_bss_bytes\n'
  size "$dest/libagentcore_ts.a" | awk 'NR > 1 { f = $6; sub(/ \(.*$/, "", f); sub(/-(parser|scanner)\.o$|\.o$/, "", f); b[f] += $1 + $2; z[f] += $3 }
    END { for (k in b) if (k != "registry") printf "%s\t%d\t%d\n", k, b[k], z[k] }' | sort; } > "$sizes"

mkdir -p "$outdir"
cmp -s "$sizes" "$outdir/grammar-sizes.tsv" || cp "$sizes" "$outdir/grammar-sizes.tsv"
rm -f "$sizes"
for f in libagentcore_ts.a libagentcore_ts.so; do
  cmp -s "$dest/$f" "$outdir/$f" || cp "$dest/$f" "$outdir/$f"
done
