/* newsgraph -- fuzz target: the query guard and rewriter (query_guard.h,
 * query_rewrite.h), then rasqal's parser on what they let through.
 *
 * Input: any bytes, the text of a query.  The guard runs twice: with the
 * default limits and with limits scaled down from the first byte (so that
 * short inputs reach every limit).  Checked always:
 *   - the tokenizer moves forward: every token lies inside the text, after
 *     the one before it, and is not empty (except the end);
 *   - a verdict other than NG_GUARD_PASS comes with a message of one line;
 *   - a query the guard passes is rewritten (NG_REWRITE_DONE or REFUSED
 *     with a message); the guard refuses the rewrite of a query that rasqal
 *     parses only for its size, never for what it holds (the rewrite adds
 *     no forbidden construct; brackets out of balance may, in a query that
 *     is no SPARQL anyway);
 *   - rasqal parses what passed (the rewritten query) without a crash:
 *     the guard's limits are what keeps rasqal's recursive parser and
 *     expression code from overflowing the stack.
 */
#include "fuzz_common.h"
#include "query_guard.h"
#include "query_rewrite.h"

#include <rasqal.h>
#include <stdlib.h>
#include <string.h>

/* rasqal 0.9.33's SPARQL parser leaks parts of many queries it refuses, in its own and raptor's sequences
   (its stack frames have no symbols, so tests/lsan.supp cannot name
   them); LeakSanitizer reads this hook in this binary only. */
const char *__lsan_default_suppressions(void);  /* NOLINT(bugprone-reserved-identifier): LeakSanitizer's hook */
const char *__lsan_default_suppressions(void) { /* NOLINT(bugprone-reserved-identifier) */
  return "leak:librasqal.so\nleak:libraptor2.so\n";
}

static rasqal_world *world(void) {
  static rasqal_world *w;
  if (!w) {
    w = rasqal_new_world();
    if (!w || rasqal_world_open(w)) fuzz_fail("cannot open a rasqal world");
  }
  return w;
}

static void quiet(void *user, raptor_log_message *msg) {
  (void)user;
  (void)msg;
}

static void check_tokens(const char *q, size_t len) {
  size_t pos = 0, last_end = 0;
  for (size_t i = 0; i <= len + 1; ++i) {
    NgSparqlToken t = ng_sparql_token(q, len, pos);
    if (t.begin < last_end || t.end < t.begin || t.end > len) fuzz_fail("token [%zu, %zu) at %zu", t.begin, t.end, pos);
    if (t.kind == NG_SQ_END) return;
    if (t.end == t.begin) fuzz_fail("empty token of kind %d at %zu", (int)t.kind, t.begin);
    pos = last_end = t.end;
  }
  fuzz_fail("more tokens than bytes");
}

static NgGuardVerdict guard(const char *q, size_t len, const NgGuardLimits *lim) {
  char msg[512];
  memset(msg, 'X', sizeof msg);
  NgGuardVerdict v = ng_query_guard(q, len, lim, msg, sizeof msg);
  if (v != NG_GUARD_PASS && v != NG_GUARD_REFUSED && v != NG_GUARD_TOO_BIG) fuzz_fail("verdict %d", (int)v);
  if (v != NG_GUARD_PASS && (!memchr(msg, '\0', sizeof msg) || !*msg || strchr(msg, '\n')))
    fuzz_fail("verdict %d without a one-line message", (int)v);
  return v;
}

/* rasqal parses q: whether it could (it must return, whatever q is). */
static int parse(const char *q) {
  rasqal_world *w = world();
  rasqal_world_set_log_handler(w, NULL, quiet);
  rasqal_query *rq = rasqal_new_query(w, "sparql", NULL);
  if (!rq) fuzz_fail("rasqal_new_query");
  int ok = rasqal_query_prepare(rq, (const unsigned char *)q, NULL) == 0;
  rasqal_free_query(rq);
  return ok;
}

static void check_rewrite(const char *q, char *rw);

static void passed(const char *q, size_t len) {
  char *rw = NULL, msg[512];
  memset(msg, 'X', sizeof msg);
  NgRewrite r = ng_query_rewrite(q, len, &rw, msg, sizeof msg);
  if (r == NG_REWRITE_NOMEM) fuzz_fail("rewrite: out of memory");
  if (r == NG_REWRITE_REFUSED) {
    if (rw || !memchr(msg, '\0', sizeof msg) || !*msg || strchr(msg, '\n')) fuzz_fail("rewrite refused badly");
    return;
  }
  if (!rw)
    fuzz_fail("rewrite done without a query");
  else
    check_rewrite(q, rw);
}

/* The rewrite `rw` (owned: freed here) of the passed query q. */
static void check_rewrite(const char *q, char *rw) {
  NgGuardLimits roomy = {(size_t)-1, (size_t)-1, (size_t)-1};
  if (guard(rw, strlen(rw), &roomy) == NG_GUARD_REFUSED && parse(q))
    fuzz_fail("the rewrite of a query rasqal parses is refused: %s", rw);
  /* the rewrite may add a few levels and tokens: rasqal gets it only
     within the defaults */
  if (guard(rw, strlen(rw), NULL) == NG_GUARD_PASS) (void)parse(rw);
  free(rw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *q = fuzz_alloc(size + 1);
  memcpy(q, data, size);
  q[size] = '\0';
  check_tokens(q, size);
  size_t k = size ? data[0] : 0;
  NgGuardLimits small = {64 + k * 16, 8 + k, 1 + k % 16};
  (void)guard(q, size, &small);
  if (guard(q, size, NULL) == NG_GUARD_PASS) passed(q, size);
  free(q);
  return 0;
}
