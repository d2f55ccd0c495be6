/* newsgraph -- explain: a human-readable account of an analysis.
 *
 * For every entity: its type, class, label, the rule and confidence that
 * decided it, and each mention with line:column, text, rule and confidence.
 * For every relation, role, event and statement: the entities involved,
 * the rule, the confidence and the line:column of its evidence.
 */
#ifndef NG_EXPLAIN_H
#define NG_EXPLAIN_H

#include "pipeline.h"
#include "status.h"

#include <stdio.h>

/** Print the explanation of `a` for the document called `name` to `f`. */
NgStatus ng_explain(const NgAnalysis *a, const char *name, FILE *f);

#endif /* NG_EXPLAIN_H */
