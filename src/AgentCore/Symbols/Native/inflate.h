/* Appended to each grammar's parser.c by build-treesitter.sh after its packed tables (tablepack.c): inflates
 * ts_parse_table and ts_small_parse_table (now zero-initialised .bss arrays) once, before the grammar's first use. */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

static const unsigned char *agentcore_unpack(const unsigned char *p, uint16_t *out, size_t count) {
  size_t i = 0;
  while (i < count) {
    size_t v = 0, shift = 0;
    do { v |= (size_t)(*p & 0x7f) << shift; shift += 7; } while (*p++ & 0x80);
    i += v; /* zeros: the .bss array is already zero */
    size_t n = 0;
    shift = 0;
    do { n |= (size_t)(*p & 0x7f) << shift; shift += 7; } while (*p++ & 0x80);
    for (size_t k = 0; k < n && i < count; k++) {
      uint32_t w = 0, s = 0;
      do { w |= (uint32_t)(*p & 0x7f) << s; s += 7; } while (*p++ & 0x80);
      out[i++] = (uint16_t)w;
    }
  }
  return p;
}

static pthread_once_t agentcore_tables_once = PTHREAD_ONCE_INIT;

static void agentcore_inflate_tables(void) {
  agentcore_unpack(agentcore_packed_ts_parse_table, &ts_parse_table[0][0], sizeof ts_parse_table / 2);
  agentcore_unpack(agentcore_packed_ts_small_parse_table, ts_small_parse_table, sizeof ts_small_parse_table / 2);
}
