/* Maps a grammar name to its entry point, for the grammars compiled into this build (AGENTCORE_TS_<NAME> defines,
 * set by build-treesitter.sh from the AgentCoreGrammars build property). The managed side calls only this function,
 * so its P/Invoke surface is the same for every grammar set and an absent grammar is a NULL, not a link error. */
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include <tree_sitter/api.h>

#define GRAMMARS(X) X(typescript, TYPESCRIPT) X(tsx, TSX) X(javascript, JAVASCRIPT) X(python, PYTHON) \
  X(rust, RUST) X(go, GO) X(java, JAVA) X(c, C) X(cpp, CPP) X(c_sharp, C_SHARP) X(ruby, RUBY) X(php, PHP)

#define DECLARE(name, NAME) extern const TSLanguage *tree_sitter_##name(void); extern void agentcore_inflate_##name(void);
#define LOOKUP(name, NAME) if (strcmp(wanted, #name) == 0) return GRAMMAR_##NAME(name);

#ifdef AGENTCORE_TS_TYPESCRIPT
#define GRAMMAR_TYPESCRIPT(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_TYPESCRIPT(n) NULL
#endif
#ifdef AGENTCORE_TS_TSX
#define GRAMMAR_TSX(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_TSX(n) NULL
#endif
#ifdef AGENTCORE_TS_JAVASCRIPT
#define GRAMMAR_JAVASCRIPT(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_JAVASCRIPT(n) NULL
#endif
#ifdef AGENTCORE_TS_PYTHON
#define GRAMMAR_PYTHON(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_PYTHON(n) NULL
#endif
#ifdef AGENTCORE_TS_RUST
#define GRAMMAR_RUST(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_RUST(n) NULL
#endif
#ifdef AGENTCORE_TS_GO
#define GRAMMAR_GO(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_GO(n) NULL
#endif
#ifdef AGENTCORE_TS_JAVA
#define GRAMMAR_JAVA(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_JAVA(n) NULL
#endif
#ifdef AGENTCORE_TS_C
#define GRAMMAR_C(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_C(n) NULL
#endif
#ifdef AGENTCORE_TS_CPP
#define GRAMMAR_CPP(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_CPP(n) NULL
#endif
#ifdef AGENTCORE_TS_C_SHARP
#define GRAMMAR_C_SHARP(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_C_SHARP(n) NULL
#endif
#ifdef AGENTCORE_TS_RUBY
#define GRAMMAR_RUBY(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_RUBY(n) NULL
#endif
#ifdef AGENTCORE_TS_PHP
#define GRAMMAR_PHP(n) (agentcore_inflate_##n(), tree_sitter_##n())
#else
#define GRAMMAR_PHP(n) NULL
#endif

GRAMMARS(DECLARE)

/* Returns the grammar named `wanted` ("typescript", "c_sharp", ...), or NULL when it is not in this build. The
 * grammar's packed parse tables are inflated on the first call (thread-safe, about 1 ms per MB of table). */
const TSLanguage *agentcore_ts_language(const char *wanted) {
  GRAMMARS(LOOKUP)
  return NULL;
}

/* What stat(2) says a path is, following symlinks as Node's fs.stat does: 1 regular file, 2 directory, 3 anything
 * else (device, fifo, socket), 0 when it cannot be stat'ed. .NET's File/Directory APIs do not tell a character
 * device such as /dev/zero from a regular file. */
#include <sys/stat.h>
int agentcore_file_kind(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return 0;
  if (S_ISREG(st.st_mode)) return 1;
  if (S_ISDIR(st.st_mode)) return 2;
  return 3;
}
