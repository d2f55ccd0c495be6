/* Tests of format.h: the table of output formats is consistent (distinct
 * names, extensions and bits that together make NG_OUT_ALL, a writer for
 * each) and --format lists parse as documented. */
#include "check.h"
#include "format.h"

#include <string.h>

static void test_table(void) {
  size_t n;
  const NgFormat *f = ng_formats(&n);
  CHECK_INT_EQ(n, NG_FORMAT_COUNT);
  unsigned all = 0;
  for (size_t i = 0; i < n; ++i) {
    CHECK(f[i].write != NULL);
    CHECK(f[i].ext[0] == '.');
    CHECK(strlen(f[i].description) > 0 && strlen(f[i].description) <= NG_FORMAT_DESCRIPTION_MAX);
    CHECK((all & f[i].flag) == 0); /* one bit each */
    all |= f[i].flag;
    for (size_t j = 0; j < i; ++j) {
      CHECK(strcmp(f[i].name, f[j].name) != 0);
      CHECK(strcmp(f[i].ext, f[j].ext) != 0);
    }
    unsigned v = 0;
    CHECK_INT_EQ(ng_format_parse(f[i].name, &v), NG_SUCCESS);
    CHECK_INT_EQ(v, f[i].flag);
    for (size_t k = 0; k < NG_FORMAT_MAX_ALIASES && f[i].aliases[k]; ++k) {
      v = 0;
      CHECK_INT_EQ(ng_format_parse(f[i].aliases[k], &v), NG_SUCCESS);
      CHECK_INT_EQ(v, f[i].flag);
    }
  }
  CHECK_INT_EQ(all, NG_OUT_ALL);
}

static void test_parse(void) {
  unsigned v = 0;
  CHECK_INT_EQ(ng_format_parse("ttl,nodes", &v), NG_SUCCESS);
  CHECK_INT_EQ(v, NG_OUT_TURTLE | NG_OUT_NODES_CSV);
  CHECK_INT_EQ(ng_format_parse("turtle,triples,nquads", &v), NG_SUCCESS);
  CHECK_INT_EQ(v, NG_OUT_TURTLE | NG_OUT_TRIPLES_CSV | NG_OUT_NQUADS);
  CHECK_INT_EQ(ng_format_parse(",dot,,graphml,", &v), NG_SUCCESS); /* empty items are skipped */
  CHECK_INT_EQ(v, NG_OUT_DOT | NG_OUT_GRAPHML);
  CHECK_INT_EQ(ng_format_parse("all", &v), NG_SUCCESS);
  CHECK_INT_EQ(v, NG_OUT_ALL);
  CHECK_INT_EQ(ng_format_parse("nt,all", &v), NG_SUCCESS);
  CHECK_INT_EQ(v, NG_OUT_ALL);
  v = 7;
  CHECK_INT_EQ(ng_format_parse("xml", &v), NG_ERR_SYNTAX);
  CHECK_INT_EQ(ng_format_parse("ttl,bogus", &v), NG_ERR_SYNTAX);
  CHECK_INT_EQ(ng_format_parse("", &v), NG_ERR_SYNTAX);
  CHECK_INT_EQ(ng_format_parse(",", &v), NG_ERR_SYNTAX);
  CHECK_INT_EQ(ng_format_parse("tt", &v), NG_ERR_SYNTAX); /* no prefixes */
  CHECK_INT_EQ(ng_format_parse("ttlx", &v), NG_ERR_SYNTAX);
  CHECK_INT_EQ(ng_format_parse("TTL", &v), NG_ERR_SYNTAX); /* names are lowercase */
  CHECK_INT_EQ(v, 7);                                      /* unchanged on error */
}

static void test_names(void) {
  char names[256];
  ng_format_names(names, sizeof names);
  CHECK_STR_EQ(names, "ttl,nt,nq,csv,nodes,edges,graphml,dot,all");
  char small[8];
  ng_format_names(small, sizeof small);
  CHECK_STR_EQ(small, "ttl,nt,");
}

int main(void) {
  test_table();
  test_parse();
  test_names();
  return check_report();
}
