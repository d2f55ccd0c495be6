/* newsgraph -- relate: meetings ("A met B", "talks between A and B", "A
 * was welcomed by B") and visits ("A visited P", "A's visit to P"), each
 * with the place and the date its sentence names; the direct met-with
 * edges. */
#include "relate_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dates --------------------------------------------------------------------- */

/* The month (1-12) a capitalized month word at i names, or 0. */
static int month_of(const Ctx *c, size_t i) {
  if (!(W(c, i) & NG_W_MONTH) || !(c->t[i].flags & NG_TF_CAP)) return 0;
  return ng_lexicon_month(c->lex, c->s, &c->t[i]);
}

static int num_at(const Ctx *c, size_t i, int lo, int hi) {
  if (i >= c->nt || c->t[i].kind != NG_TOK_NUM || c->t[i].end - c->t[i].start > 4) return 0;
  long v = strtol(c->s + c->t[i].start, NULL, 10); /* at most four digits */
  return v >= lo && v <= hi ? (int)v : 0;
}

/* Day and year of the month word at i: "May 12", "May 12, 2015", "12 May
   2015" (year 0 when not written); 0 when no day. */
static int day_of(const Ctx *c, size_t i, size_t a, int *y) {
  int d;
  *y = 0;
  if ((d = num_at(c, i + 1, 1, 31))) {
    if (punct(c, i + 2, ",")) *y = num_at(c, i + 3, 1000, 2999);
  } else if (i > a && (d = num_at(c, i - 1, 1, 31))) {
    *y = num_at(c, i + 1, 1000, 2999);
  }
  return d;
}

/* First date in tokens [a, b) into out ("YYYY-MM-DD"); a date without a
   year takes the publication year ("December" in a January article: the
   year before). */
static int find_date(const Ctx *c, size_t a, size_t b, char *out) {
  for (size_t i = a; i < b; ++i) {
    int mo = month_of(c, i), y, d;
    if (!mo || !(d = day_of(c, i, a, &y))) continue;
    if (!y) {
      y = c->year;
      if (y && c->month && mo > c->month + 1) --y;
    }
    if (!y) continue;
    snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
    return 1;
  }
  return 0;
}

/* ---- who takes part ------------------------------------------------------------- */

typedef struct {
  int32_t subj[16], obj[16];
  size_t ns, no;
} Parties;

static int in_title_phrase(const Ctx *c, size_t k) { return k < c->nt && (c->phrase[k] & 1); }

/* Can people_after step over token k (a title, "and", a comma, brackets,
   "as well as", a place before a title)? */
static int between_people(const Ctx *c, const NgMention *m, size_t k) {
  return c->r->tok_title[k] >= 0 ||
         (m && etype(c, entity_of(c, m)) == NG_TYPE_PLACE && c->r->tok_title[m->tok_end] >= 0) || tok(c, k, "and") ||
         punct(c, k, ",") || punct(c, k, "[") || punct(c, k, "]") || tok(c, k, "as") || tok(c, k, "well") ||
         in_title_phrase(c, k);
}

/* People coordinated from token k onward: "A and B", "A, B and C",
   "A as well as [B]"; titles and brackets in between are skipped. */
static void people_after(const Ctx *c, size_t k, size_t end, Parties *p) {
  while (k < end) {
    const NgMention *m = mention_at(c, k);
    if (names_a(c, m, NG_TYPE_PERSON)) {
      if (p->no < 16) p->obj[p->no++] = entity_of(c, m);
      k = m->tok_end;
      if (k < end && (c->t[k].flags & NG_TF_POSS)) return;
    } else if (between_people(c, m, k)) {
      ++k;
    } else if (m && etype(c, entity_of(c, m)) == NG_TYPE_PLACE && k + 1 < end && mention_at(c, m->tok_end)) {
      k = m->tok_end;
    } else {
      return;
    }
  }
}

/* The entity of token i - back when a person and followed by a possessive
   at i - back + 1 ("A's meeting", "A's first visit"), or -1. */
static int32_t possessor(const Ctx *c, size_t i, size_t back) {
  if (i < back || !(c->t[i - back + 1].flags & NG_TF_POSS)) return -1;
  int32_t e = ent_at(c, i - back);
  return e >= 0 && etype(c, e) == NG_TYPE_PERSON ? e : -1;
}

/* The people of a sentence before a token, read once from the sentence
   start as the triggers come (so a long sentence is not read again for
   each trigger): up to 16, a ";" starting the list again. */
typedef struct {
  size_t k; /* read up to here */
  size_t n;
  int32_t people[16];
} Before;

/* Read the people of *b up to token i (exclusive). */
static void read_before(const Ctx *c, Before *b, size_t i) {
  for (; b->k < i; ++b->k) {
    const NgMention *m = person_at(c, b->k);
    if (m && b->n < 16) {
      b->people[b->n++] = entity_of(c, m);
      b->k = m->tok_end - 1;
    }
    if (punct(c, b->k, ";")) b->n = 0;
  }
}

/* The subject of the trigger at i: "A's meeting", or the people before
   it in the sentence (*b: the people read so far). */
static void subjects_before(const Ctx *c, Before *b, size_t i, Parties *p) {
  int32_t e = possessor(c, i, 2);
  if (e < 0) e = possessor(c, i, 3);
  if (e >= 0) {
    p->subj[p->ns++] = e;
    return;
  }
  read_before(c, b, i);
  memcpy(p->subj, b->people, b->n * sizeof *b->people);
  p->ns = b->n;
}

/* The other side of the meeting word at i: "with B", "between A and B"
   (no subject then), or a direct object after "met", "hosted"... (past a
   title: "met Chancellor X"). */
static void meeting_objects(const Ctx *c, size_t i, size_t se, Parties *p) {
  size_t k = i + 1;
  if (tok(c, k, "with")) {
    people_after(c, k + 1, se, p);
    return;
  }
  size_t q = k;
  while (q < se && q < k + 5 && !tok(c, q, "between")) ++q;
  if (tok(c, q, "between")) {
    p->ns = 0;
    people_after(c, q + 1, se, p);
    return;
  }
  if (!(W(c, i) & NG_W_MEET_OBJECT)) return;
  size_t o = k;
  if (o < se && c->r->tok_title[o] >= 0) o = c->r->titles[c->r->tok_title[o]].core_end;
  if (ent_at(c, o) >= 0 && etype(c, ent_at(c, o)) == NG_TYPE_PERSON) people_after(c, o, se, p);
}

/* Per token k: the first token at or after k that is "in" or "to" before
   a place mention starting right after it (c->nt when none).  Owned by the
   caller; NULL when out of memory. */
static uint32_t *place_cues(const Ctx *c) {
  uint32_t *next = malloc((c->nt + 1) * sizeof *next);
  if (!next) return NULL;
  next[c->nt] = (uint32_t)c->nt; /* tokens are numbered in 32 bits (NgToken.sent) */
  for (size_t k = c->nt; k-- > 0;) {
    const NgMention *m = k + 1 < c->nt && (tok(c, k, "in") || tok(c, k, "to")) ? mention_at(c, k + 1) : NULL;
    next[k] = names_a(c, m, NG_TYPE_PLACE) && m->tok_begin == k + 1 ? (uint32_t)k : next[k + 1];
  }
  return next;
}

/* The place "in" or "to" names in tokens [a, b), or -1. */
static int32_t place_in(const Ctx *c, const uint32_t *cues, size_t a, size_t b) {
  size_t k = cues[a];
  return k + 1 < b ? entity_of(c, mention_at(c, k + 1)) : -1;
}

/* ---- meetings and visits ---------------------------------------------------------- */

/* The sentence of tokens [sb, se) and its date ("" when none). */
typedef struct {
  size_t sb, se;
  const char *date;     /* NULL when none */
  const uint32_t *cues; /* place_cues() of the text */
  Before subj, people;  /* the people before the trigger: for subjects_before, and all of them */
} Sentence;

/* A meeting of p's people at `place`, with the direct met-with edges: each
   subject with each object; with no subject ("talks between A and B")
   every pair of objects. */
static void add_meeting(Ctx *c, const Sentence *S, const Parties *p, int32_t place, NgRule rule) {
  size_t a = c->t[S->sb].start, b = c->t[S->se - 1].end;
  for (size_t i = 0; i < p->ns; ++i)
    for (size_t j = 0; j < p->no; ++j) ng_rel_add(c, NG_REL_MET_WITH, p->subj[i], p->obj[j], a, b, rule);
  for (size_t i = 0; !p->ns && i < p->no; ++i)
    for (size_t j = i + 1; j < p->no; ++j) ng_rel_add(c, NG_REL_MET_WITH, p->obj[i], p->obj[j], a, b, rule);
  int32_t parts[32];
  size_t n = 0;
  for (size_t q = 0; q < p->ns; ++q) parts[n++] = p->subj[q];
  for (size_t q = 0; q < p->no; ++q) parts[n++] = p->obj[q];
  ng_rel_add_event(c, NG_EVENT_MEETING, parts, n, place, S->date, a, b, rule);
}

/* "A visited P", "A's visit to P": the last subject and a place within
   four words after the trigger. */
static void add_visit(Ctx *c, const Sentence *S, size_t i, Parties *p) {
  int32_t place = -1;
  for (size_t q = i + 1; q < S->se && q < i + 5 && place < 0; ++q) {
    const NgMention *m = mention_at(c, q);
    if (names_a(c, m, NG_TYPE_PLACE)) place = entity_of(c, m);
  }
  if (place < 0) return;
  int32_t who = p->subj[p->ns - 1];
  ng_rel_add_event(c, NG_EVENT_VISIT, &who, 1, place, S->date, c->t[S->sb].start, c->t[S->se - 1].end,
                   NG_RULE_VISIT_TO_PLACE);
}

/* A meeting or visit word at i (lower case, in no name, not negated). */
static void read_trigger(Ctx *c, Sentence *S, size_t i) {
  NgWordFlags w = W(c, i);
  if (!(w & (NG_W_MEET | NG_W_VISIT)) || !(c->t[i].flags & NG_TF_LOWER) || mention_at(c, i) ||
      ng_rel_guarded(c, i, S->sb))
    return;
  Parties p = {{0}, {0}, 0, 0};
  subjects_before(c, &S->subj, i, &p);
  if (w & NG_W_MEET) {
    meeting_objects(c, i, S->se, &p);
    if (p.no == 0) return;
    int32_t place = place_in(c, S->cues, i, S->se);
    if (place < 0) place = place_in(c, S->cues, S->sb, i);
    add_meeting(c, S, &p, place, p.ns ? NG_RULE_MEETING_WITH : NG_RULE_MEETING_BETWEEN);
  } else if (p.ns) {
    add_visit(c, S, i, &p);
  }
}

/* Read the people of *b up to token i (exclusive), all of them (up to 16). */
static void read_people(const Ctx *c, Before *b, size_t i) {
  for (; b->k < i; ++b->k) {
    const NgMention *m = person_at(c, b->k);
    if (m && b->n < 16) b->people[b->n++] = entity_of(c, m);
  }
}

/* "A is welcomed by B" / "hosted by" / "received by". */
static void read_welcomed_by(Ctx *c, Sentence *S, size_t i) {
  if (!(W(c, i) & NG_W_HOST_PASSIVE) || !(c->t[i].flags & NG_TF_LOWER) || !tok(c, i + 1, "by") ||
      ng_rel_guarded(c, i, S->sb))
    return;
  Parties p = {{0}, {0}, 0, 0};
  read_people(c, &S->people, i);
  memcpy(p.subj, S->people.people, S->people.n * sizeof *p.subj);
  p.ns = S->people.n;
  people_after(c, i + 2, S->se, &p);
  if (!p.ns || !p.no) return;
  add_meeting(c, S, &p, place_in(c, S->cues, i, S->se), NG_RULE_MEETING_WELCOMED_BY);
}

void ng_rel_events(Ctx *c) {
  uint32_t *cues = place_cues(c);
  if (!cues) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  for (size_t s = 0; s < c->seg->n_sents && !c->st; ++s) {
    char date[11] = "";
    size_t sb = c->seg->sents[s].tok_begin;
    Sentence S = {sb, c->seg->sents[s].tok_end, NULL, cues, {sb, 0, {0}}, {sb, 0, {0}}};
    if (find_date(c, S.sb, S.se, date)) S.date = date;
    for (size_t i = S.sb; i < S.se; ++i) read_trigger(c, &S, i);
    for (size_t i = S.sb; i + 1 < S.se; ++i) read_welcomed_by(c, &S, i);
  }
  free(cues);
}
