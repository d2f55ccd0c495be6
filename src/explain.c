#include "explain.h"

#include <stdlib.h>
#include <string.h>

static void at(const NgText *t, size_t byte, FILE *f) {
  unsigned line, col;
  ng_text_line_col(t, byte, &line, &col);
  fprintf(f, "%u:%u", line, col);
}

static void quoted(const char *s, size_t a, size_t b, FILE *f) {
  fputc('"', f);
  for (size_t i = a; i < b; ++i) fputc(s[i] == '\n' ? ' ' : s[i], f);
  fputc('"', f);
}

static const char *ename(const NgAnalysis *a, int32_t e) {
  return e >= 0 && (size_t)e < a->ents->n ? a->ents->ents[e].label : "?";
}

/* The mentions of each entity, in text order: entity e's are
   by_ent[first[e] .. first[e + 1]) (a counting sort by entity).  Both
   arrays are new, owned by the caller; 0 when out of memory. */
static int mentions_by_entity(const NgAnalysis *a, size_t **first_out, size_t **by_ent_out) {
  const NgEntities *E = a->ents;
  size_t n = a->rec->n_mentions;
  size_t *first = calloc(E->n + 2, sizeof *first), *by_ent = malloc((n + 1) * sizeof *by_ent);
  *first_out = first;
  *by_ent_out = by_ent;
  if (!first || !by_ent) return 0;
  for (size_t m = 0; m < n; ++m)
    if (E->readings[m].entity >= 0) first[E->readings[m].entity + 2]++;
  for (size_t e = 0; e < E->n; ++e) first[e + 2] += first[e + 1];
  for (size_t m = 0; m < n; ++m) /* first[e + 1] runs from e's start to its end */
    if (E->readings[m].entity >= 0) by_ent[first[E->readings[m].entity + 1]++] = m;
  return 1;
}

/* An entity, its aliases and its mentions by_ent[0..n) (line:column, text,
   rule). */
static void explain_entity(const NgAnalysis *a, size_t i, const size_t *by_ent, size_t n, FILE *f) {
  const NgText *t = a->src.text;
  const NgEntity *e = &a->ents->ents[i];
  fprintf(f, "\nentity %s/%s \"%s\" %s  rule=%s confidence=%.2f\n", ng_type_slug(e->type), e->slug, e->label,
          ng_class_name(e->cls), ng_rule_id(e->rule), (double)e->confidence);
  for (size_t k = 0; k < e->n_alt; ++k) fprintf(f, "  alias \"%s\"\n", e->alt[k]);
  for (size_t k = 0; k < n; ++k) {
    size_t m = by_ent[k];
    const NgMention *mm = &a->rec->mentions[m];
    fputs("  mention ", f);
    at(t, mm->start, f);
    fputc(' ', f);
    quoted(t->data, mm->start, mm->end, f);
    fprintf(f, "  rule=%s confidence=%.2f%s\n", ng_rule_id(a->ents->readings[m].rule), (double)mm->confidence,
            mm->flags & NG_MF_NESTED ? " nested" : "");
  }
}

/* "  rule=R confidence=C at LINE:COL" and the line end. */
static void rule_at(const NgAnalysis *a, NgRule rule, float confidence, size_t byte, FILE *f) {
  fprintf(f, "  rule=%s confidence=%.2f at ", ng_rule_id(rule), (double)confidence);
  at(a->src.text, byte, f);
  fputc('\n', f);
}

static void explain_role(const NgAnalysis *a, const NgRole *r, FILE *f) {
  fprintf(f, "role \"%s\" holds \"%s\"%s", ename(a, r->person), r->title, r->former ? " (former)" : "");
  if (r->org >= 0) fprintf(f, " at \"%s\"", ename(a, r->org));
  if (r->country >= 0) fprintf(f, " for \"%s\"", ename(a, r->country));
  fprintf(f, "  text=\"%s\"", r->text);
  fprintf(f, " rule=%s confidence=%.2f at ", ng_rule_id(r->rule), (double)r->confidence);
  at(a->src.text, r->ev_start, f);
  fputc('\n', f);
}

static void explain_event(const NgAnalysis *a, const NgEvent *ev, FILE *f) {
  fprintf(f, "event %s:", ev->kind == NG_EVENT_MEETING ? "meeting" : "visit");
  for (size_t k = 0; k < ev->n_participants; ++k) fprintf(f, "%s \"%s\"", k ? "," : "", ename(a, ev->participants[k]));
  if (ev->place >= 0) fprintf(f, " in \"%s\"", ename(a, ev->place));
  if (ev->date[0]) fprintf(f, " on %s", ev->date);
  rule_at(a, ev->rule, ev->confidence, ev->ev_start, f);
}

static void explain_statement(const NgAnalysis *a, const NgStatement *s, FILE *f) {
  const NgText *t = a->src.text;
  fprintf(f, "statement by \"%s\" (%s, %zu chars)", ename(a, s->speaker), s->direct ? "quote" : "commentary",
          ng_text_char_offset(t, s->end) - ng_text_char_offset(t, s->start));
  rule_at(a, s->rule, s->confidence, s->start, f);
}

NgStatus ng_explain(const NgAnalysis *a, const char *name, FILE *f) {
  const NgRelations *R = a->rels;
  fprintf(f, "# %s: %zu entities, %zu mentions, %zu relations, %zu roles, %zu events, %zu statements\n", name,
          a->ents->n, a->rec->n_mentions, R->n_rels, R->n_roles, R->n_events, R->n_stmts);
  size_t *first = NULL, *by_ent = NULL;
  int ok = mentions_by_entity(a, &first, &by_ent);
  for (size_t i = 0; ok && i < a->ents->n; ++i) explain_entity(a, i, by_ent + first[i], first[i + 1] - first[i], f);
  free(first);
  free(by_ent);
  if (!ok) return NG_ERR_NOMEM;
  fputc('\n', f);
  for (size_t i = 0; i < R->n_rels; ++i) {
    const NgRelation *r = &R->rels[i];
    fprintf(f, "relation \"%s\" %s \"%s\"", ename(a, r->subj), ng_rel_name((NgRelKind)r->kind), ename(a, r->obj));
    rule_at(a, r->rule, r->confidence, r->ev_start, f);
  }
  for (size_t i = 0; i < R->n_roles; ++i) explain_role(a, &R->roles[i], f);
  for (size_t i = 0; i < R->n_events; ++i) explain_event(a, &R->events[i], f);
  for (size_t i = 0; i < R->n_stmts; ++i) explain_statement(a, &R->stmts[i], f);
  return ferror(f) ? NG_ERR_IO : NG_SUCCESS;
}
