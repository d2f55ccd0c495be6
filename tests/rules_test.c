/* rules_test -- one short article per extraction rule, written by the team,
 * each with one SPARQL ASK query (tests/rules/NAME.txt + NAME.rq).  A query
 * file whose comment says "# expect: false" must answer false.  Every
 * article is analysed with the built-in data and the publication year 2021.
 * Usage: rules_test RULES_DIR */
#include "graph.h"
#include "lexicon.h"
#include "meta.h"
#include "pipeline.h"
#include "text.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const PREFIXES = "PREFIX ng: <" NG_NS ">\n"
                                    "PREFIX rdfs: <" NG_NS_RDFS ">\n"
                                    "PREFIX skos: <" NG_NS_SKOS ">\n"
                                    "PREFIX owl: <" NG_NS_OWL ">\n"
                                    "PREFIX xsd: <" NG_NS_XSD ">\n";

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  if (b) b[n] = '\0';
  fclose(f);
  return b;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Returns 1 when the rule's query gives the expected answer. */
static int check_rule(const NgLexicon *lex, const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.txt", dir, name);
  NgText *text = NULL;
  size_t off;
  if (ng_text_read_file(path, &text, &off)) {
    printf("FAIL %s: cannot read the article\n", name);
    return 0;
  }
  snprintf(path, sizeof path, "%s/%s.rq", dir, name);
  char *query = slurp(path);
  NgMeta meta;
  memset(&meta, 0, sizeof meta);
  char err[512] = "";
  ng_meta_set(&meta, "date", "2021", err, sizeof err);
  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  int ok = 0, answer = -1;
  if (query && !ng_analyze(text, lex, &meta, &an) && !ng_graph_new(&g)) {
    if (!ng_graph_add_analysis(g, NG_DEFAULT_BASE, name, an)) {
      size_t n = strlen(PREFIXES) + strlen(query) + 1;
      char *full = malloc(n);
      if (full) {
        snprintf(full, n, "%s%s", PREFIXES, query);
        if (ng_graph_query(g, full, &answer, NULL, NULL, err, sizeof err)) answer = -1;
        free(full);
      }
    }
  }
  int expect = !(query && strstr(query, "# expect: false"));
  ok = answer == expect;
  printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", name, answer < 0 ? ": query failed: " : "", answer < 0 ? err : "");
  free(query);
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_meta_clear(&meta);
  ng_text_free(text);
  return ok;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: rules_test RULES_DIR\n");
    return 2;
  }
  NgLexicon *lex = NULL;
  char err[512];
  if (ng_lexicon_load_builtin(&lex, err, sizeof err)) {
    fprintf(stderr, "cannot load the lexicon: %s\n", err);
    return 1;
  }
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    ng_lexicon_free(lex);
    return 1;
  }
  char *names[256];
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 256) {
    size_t l = strlen(e->d_name);
    if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
      names[n] = malloc(l - 3);
      if (!names[n]) break;
      memcpy(names[n], e->d_name, l - 4);
      names[n][l - 4] = '\0';
      ++n;
    }
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp);
  size_t pass = 0;
  for (size_t i = 0; i < n; ++i) {
    pass += (size_t)check_rule(lex, argv[1], names[i]);
    free(names[i]);
  }
  ng_lexicon_free(lex);
  printf("%zu passed, %zu failed\n", pass, n - pass);
  return n > 0 && pass == n ? 0 : 1;
}
