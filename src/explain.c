#include "explain.h"

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

NgStatus ng_explain(const NgAnalysis *a, const char *name, FILE *f) {
  const NgText *t = a->src.text;
  fprintf(f, "# %s: %zu entities, %zu mentions, %zu relations, %zu roles, %zu events, %zu statements\n", name,
          a->ents->n, a->rec->n_mentions, a->rels->n_rels, a->rels->n_roles, a->rels->n_events, a->rels->n_stmts);
  for (size_t i = 0; i < a->ents->n; ++i) {
    const NgEntity *e = &a->ents->ents[i];
    fprintf(f, "\nentity %s/%s \"%s\" %s  rule=%s confidence=%.2f\n", ng_type_slug(e->type), e->slug, e->label,
            ng_class_name(e->cls), ng_rule_id(e->rule), (double)e->confidence);
    for (size_t k = 0; k < e->n_alt; ++k) fprintf(f, "  alias \"%s\"\n", e->alt[k]);
    for (size_t m = 0; m < a->rec->n_mentions; ++m) {
      const NgMention *mm = &a->rec->mentions[m];
      if (a->ents->readings[m].entity != (int32_t)i) continue;
      fputs("  mention ", f);
      at(t, mm->start, f);
      fputc(' ', f);
      quoted(t->data, mm->start, mm->end, f);
      fprintf(f, "  rule=%s confidence=%.2f%s\n", ng_rule_id(a->ents->readings[m].rule), (double)mm->confidence,
              mm->flags & NG_MF_NESTED ? " nested" : "");
    }
  }
  fputc('\n', f);
  for (size_t i = 0; i < a->rels->n_rels; ++i) {
    const NgRelation *r = &a->rels->rels[i];
    fprintf(f, "relation \"%s\" %s \"%s\"  rule=%s confidence=%.2f at ", ename(a, r->subj),
            ng_rel_name((NgRelKind)r->kind), ename(a, r->obj), ng_rule_id(r->rule), (double)r->confidence);
    at(t, r->ev_start, f);
    fputc('\n', f);
  }
  for (size_t i = 0; i < a->rels->n_roles; ++i) {
    const NgRole *r = &a->rels->roles[i];
    fprintf(f, "role \"%s\" holds \"%s\"%s", ename(a, r->person), r->title, r->former ? " (former)" : "");
    if (r->org >= 0) fprintf(f, " at \"%s\"", ename(a, r->org));
    if (r->country >= 0) fprintf(f, " for \"%s\"", ename(a, r->country));
    fprintf(f, "  text=\"%s\" rule=%s confidence=%.2f at ", r->text, ng_rule_id(r->rule), (double)r->confidence);
    at(t, r->ev_start, f);
    fputc('\n', f);
  }
  for (size_t i = 0; i < a->rels->n_events; ++i) {
    const NgEvent *ev = &a->rels->events[i];
    fprintf(f, "event %s:", ev->kind == NG_EVENT_MEETING ? "meeting" : "visit");
    for (size_t k = 0; k < ev->n_participants; ++k)
      fprintf(f, "%s \"%s\"", k ? "," : "", ename(a, ev->participants[k]));
    if (ev->place >= 0) fprintf(f, " in \"%s\"", ename(a, ev->place));
    if (ev->date[0]) fprintf(f, " on %s", ev->date);
    fprintf(f, "  rule=%s confidence=%.2f at ", ng_rule_id(ev->rule), (double)ev->confidence);
    at(t, ev->ev_start, f);
    fputc('\n', f);
  }
  for (size_t i = 0; i < a->rels->n_stmts; ++i) {
    const NgStatement *s = &a->rels->stmts[i];
    fprintf(f, "statement by \"%s\" (%s, %zu chars)  rule=%s confidence=%.2f at ", ename(a, s->speaker),
            s->direct ? "quote" : "commentary", ng_text_char_offset(t, s->end) - ng_text_char_offset(t, s->start),
            ng_rule_id(s->rule), (double)s->confidence);
    at(t, s->start, f);
    fputc('\n', f);
  }
  return ferror(f) ? NG_ERR_IO : NG_SUCCESS;
}
