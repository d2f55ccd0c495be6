/* Tests of rules.h: the rule table is complete and sane, and docs/rules.md
 * lists every row exactly as the table has it (id, stage, confidence,
 * description), in table order, and nothing else.
 * Usage: test_rules DOCS/rules.md     (check)
 *        test_rules --print           (print the rows docs/rules.md must hold) */
#include "check.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const STAGES[] = {"recognize", "resolve", "relate"};

/* Row `r` as a line of the Markdown table of docs/rules.md. */
static void row_markdown(NgRule r, char *buf, size_t n) {
  const NgRuleInfo *ri = ng_rule_info(r);
  snprintf(buf, n, "| `%s` | %s | %s%.2f | %s |", ri->id, STAGES[ri->stage], ri->derived ? "× " : "",
           (double)ri->confidence, ri->description);
}

/* Every row is filled in: an id "stage.name" of lower-case words, a
 * confidence in (0, 1], a description without "|" (it is a table cell). */
static void test_table(void) {
  for (int r = 0; r < NG_RULE_COUNT; ++r) {
    const NgRuleInfo *ri = ng_rule_info((NgRule)r);
    if (!CHECK(ri && ri->id && ri->description)) {
      fprintf(stderr, "  rule %d has no row\n", r);
      continue;
    }
    const char *dot = strchr(ri->id, '.');
    CHECK(dot && dot > ri->id && dot[1]);
    CHECK(strspn(ri->id, "abcdefghijklmnopqrstuvwxyz.+-") == strlen(ri->id));
    CHECK(ri->confidence > 0.0f && ri->confidence <= 1.0f);
    CHECK((unsigned)ri->stage < sizeof STAGES / sizeof STAGES[0]);
    CHECK(strchr(ri->description, '|') == NULL && strlen(ri->description) > 10);
    CHECK_STR_EQ(ng_rule_id((NgRule)r), ri->id);
    CHECK(ng_rule_confidence((NgRule)r) == ri->confidence);
  }
  CHECK(ng_rule_info(NG_RULE_COUNT) == NULL);
  CHECK_STR_EQ(ng_rule_id(NG_RULE_COUNT), "-");
  CHECK(ng_rule_confidence(NG_RULE_COUNT) == 0.0f);
}

/* The rows of the table in `path` (lines starting with "| `"). */
static char **doc_rows(const char *path, size_t *n) {
  FILE *f = fopen(path, "r");
  *n = 0;
  CHECK(f != NULL);
  if (!f) return NULL;
  char **rows = calloc((size_t)NG_RULE_COUNT * 2 + 1, sizeof *rows);
  char line[2048];
  while (rows && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (strncmp(line, "| `", 3) != 0 || *n >= (size_t)NG_RULE_COUNT * 2) continue;
    rows[*n] = malloc(strlen(line) + 1);
    if (rows[*n]) strcpy(rows[(*n)++], line);
  }
  fclose(f);
  return rows;
}

/* docs/rules.md holds the rows of the table, in order, and no other. */
static void test_documented(const char *path) {
  size_t n = 0;
  char **rows = doc_rows(path, &n);
  if (!rows) return;
  char want[2048];
  for (int r = 0; r < NG_RULE_COUNT; ++r) {
    row_markdown((NgRule)r, want, sizeof want);
    if (!CHECK((size_t)r < n && strcmp(rows[r], want) == 0))
      fprintf(stderr, "  %s: row %d should be\n  %s\n  (regenerate the table with: test_rules --print)\n", path, r + 1,
              want);
  }
  if (!CHECK_INT_EQ(n, NG_RULE_COUNT)) fprintf(stderr, "  %s lists %zu rules, the table %d\n", path, n, NG_RULE_COUNT);
  for (size_t i = 0; i < n; ++i) free(rows[i]);
  free(rows);
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--print") == 0) {
    char row[2048];
    for (int r = 0; r < NG_RULE_COUNT; ++r) {
      row_markdown((NgRule)r, row, sizeof row);
      puts(row);
    }
    return 0;
  }
  if (argc != 2) {
    fprintf(stderr, "usage: test_rules DOCS/rules.md | --print\n");
    return 2;
  }
  test_table();
  test_documented(argv[1]);
  return check_report();
}
