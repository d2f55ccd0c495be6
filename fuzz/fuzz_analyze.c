/* newsgraph -- fuzz target: any byte string through the whole analysis and
 * graph building (text -> segment -> recognize -> resolve -> relate ->
 * graph -> N-Triples in memory).  Input that is not UTF-8 text must be
 * rejected with a status, never crash.
 *
 * Built two ways (fuzz/CMakeLists.txt):
 *   - with clang -fsanitize=fuzzer (NG_LIBFUZZER=ON): a libFuzzer binary;
 *   - otherwise linked with fuzz/driver.c, a deterministic mutation loop
 *     that CTest runs under the sanitizer build (test fuzz.smoke).
 */
#include "graph.h"
#include "lexicon.h"
#include "pipeline.h"
#include "text.h"
#include "viz.h"
#include "write.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* One lexicon for the whole run, loaded on first use and kept (the
   fuzzing entry point has no context argument). */
static NgLexicon *fuzz_lexicon(void) {
  static NgLexicon *lex;
  if (!lex) {
    char err[256];
    if (ng_lexicon_load_builtin(&lex, err, sizeof err)) {
      fprintf(stderr, "fuzz: %s\n", err);
      abort();
    }
  }
  return lex;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  NgText *text = NULL;
  size_t off = 0;
  if (ng_text_from_buffer((const char *)data, size, &text, &off)) return 0; /* rejected: fine */
  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  if (ng_analyze(text, fuzz_lexicon(), NULL, &an) == NG_SUCCESS && ng_graph_new(&g) == NG_SUCCESS) {
    const NgTriple *t = NULL;
    size_t n = 0;
    if (ng_graph_add_analysis(g, NG_DEFAULT_BASE, "fuzz", an) == NG_SUCCESS &&
        ng_graph_triples(g, &t, &n) == NG_SUCCESS) {
      FILE *f = fopen("/dev/null", "wb");
      if (f) {
        char graph[NG_IRI_MAX];
        ng_scheme_article(NG_DEFAULT_BASE, "fuzz", graph, sizeof graph);
        NgWriteInput in = {t, n, NULL, 0, NG_DEFAULT_BASE, NG_CSV_GEPHI, 0, graph};
        NgWriteInput neo = {t, n, NULL, 0, NG_DEFAULT_BASE, NG_CSV_NEO4J, 0, NULL};
        if (ng_write_rdf(&in, "ntriples", f) || ng_write_rdf(&in, "nquads", f) || ng_write_edges_csv(&in, f) ||
            ng_write_nodes_csv(&in, f) || ng_write_triples_csv(&in, f) || ng_write_edges_csv(&neo, f) ||
            ng_write_nodes_csv(&neo, f) || ng_write_graphml(&in, f) || ng_write_dot(&in, f)) {
          fprintf(stderr, "fuzz: writing failed\n");
          abort();
        }
        fclose(f);
      }
    }
  }
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_text_free(text);
  return 0;
}
