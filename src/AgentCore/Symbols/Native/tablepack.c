/* Build-time tool: packs a grammar's parse table (an array of uint16) into a C byte array that the grammar inflates
 * on first use (build-treesitter.sh). The tables are mostly zeros (the dense "large state" table above all), so a
 * run-length code for zeros with LEB128 varints for everything else shrinks them 5-15x: the binary carries the
 * packed form and the inflated table lives in .bss, paid in memory only for grammars actually used.
 *
 *   tablepack NAME TABLE.bin  >> parser.c
 *   format: repeated { varint zero_run; varint literal_count; literal_count x varint value } until all words are set
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void varint(size_t v, unsigned char **out) {
  do {
    unsigned char b = v & 0x7f;
    v >>= 7;
    *(*out)++ = b | (v ? 0x80 : 0);
  } while (v);
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: tablepack NAME TABLE.bin\n"); return 2; }
  FILE *f = fopen(argv[2], "rb");
  if (!f) { perror(argv[2]); return 1; }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  size_t count = (size_t)bytes / 2;
  uint16_t *words = malloc(count * 2 + 2);
  if (!words || fread(words, 2, count, f) != count) { fprintf(stderr, "tablepack: cannot read %s\n", argv[2]); return 1; }
  fclose(f);
  unsigned char *packed = malloc(count * 4 + 16), *out = packed;
  size_t i = 0;
  while (i < count) {
    size_t z = 0;
    while (i + z < count && words[i + z] == 0) z++;
    i += z;
    size_t n = 0;
    /* a literal run ends at the next run of 2+ zeros (a single zero is cheaper inline) */
    while (i + n < count && !(words[i + n] == 0 && (i + n + 1 >= count || words[i + n + 1] == 0))) n++;
    varint(z, &out);
    varint(n, &out);
    for (size_t k = 0; k < n; k++) varint(words[i + k], &out);
    i += n;
  }
  printf("\nstatic const unsigned char agentcore_packed_%s[%zu] = {", argv[1], (size_t)(out - packed));
  for (unsigned char *p = packed; p < out; p++) printf("%s%u", p == packed ? "\n" : (p - packed) % 32 ? "," : ",\n", *p);
  printf("};\n");
  return 0;
}
