/* newsgraph -- relate: the driver and the stores of relations, roles,
 * events and statements (see relate_impl.h for the other files). */
#include "relate_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const REL_NAMES[NG_REL_COUNT] = {"affiliatedWith", "represents", "partOf",     "locatedIn",
                                                    "basedIn",        "partyTo",    "namedAfter", "metWith"};

const char *ng_rel_name(NgRelKind k) { return k < NG_REL_COUNT ? REL_NAMES[k] : "related"; }

/* ---- shared readings ------------------------------------------------------- */

int32_t ng_rel_ent_of_lex(const Ctx *c, int32_t lex) {
  uint32_t e;
  if (lex < 0 || !ng_strmap_get(c->ent_by_lex, (const char *)&lex, sizeof lex, &e)) return -1;
  return (int32_t)e;
}

/* c->ent_by_lex: each lexicon entry to the first entity linked to it. */
static NgStatus index_lex_entities(Ctx *c) {
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; i < c->e->n && !st; ++i) {
    int32_t lex = c->e->ents[i].lex;
    uint32_t first;
    if (lex >= 0 && !ng_strmap_get(c->ent_by_lex, (const char *)&lex, sizeof lex, &first))
      st = ng_strmap_put(c->ent_by_lex, (const char *)&lex, sizeof lex, (uint32_t)i);
  }
  return st;
}

uint32_t ng_rel_represents_of(const Ctx *c, int32_t s) {
  return ng_strindex_first(c->represents, (const char *)&s, sizeof s);
}

int ng_rel_guarded(const Ctx *c, size_t trig, size_t sb) {
  for (size_t k = trig; k > sb && k + 4 > trig; --k)
    if (W(c, k - 1) & (NG_W_NEGATION | NG_W_HEDGE)) return 1;
  return 0;
}

int ng_rel_is_heading(const Ctx *c, const NgSpan *p) {
  if (p->tok_end - p->tok_begin > 80) return 0;
  const NgToken *last = &c->t[p->tok_end - 1];
  if (last->kind == NG_TOK_PUNCT) {
    char ch = c->s[last->start];
    if (ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '"' || (unsigned char)ch == 0xE2) return 0;
  }
  const NgMention *m = mention_at(c, p->tok_begin);
  return names_a(c, m, NG_TYPE_PERSON) && punct(c, m->tok_end, ",");
}

/* ---- the stores ------------------------------------------------------------- */

void *ng_rel_grow(Ctx *c, void *p, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return p;
  size_t nc = *cap ? *cap * 2 : 32;
  void *np = realloc(p, nc * size);
  if (!np) {
    c->st = NG_ERR_NOMEM;
    return NULL;
  }
  *cap = nc;
  return np;
}

static void add_rel_conf(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, float conf, NgRule rule) {
  if (s < 0 || o < 0 || s == o || c->st) return;
  if (kind == NG_REL_MET_WITH && s > o) { /* symmetric: the smaller entity first */
    int32_t x = s;
    s = o;
    o = x;
  }
  NgRelations *R = c->out;
  char key[9] = {(char)kind};
  memcpy(key + 1, &s, 4);
  memcpy(key + 5, &o, 4);
  uint32_t i;
  if (ng_strmap_get(c->rel_index, key, sizeof key, &i)) { /* said again: keep the surest */
    NgRelation *x = &R->rels[i];
    if (conf > x->confidence) *x = (NgRelation){(uint8_t)kind, s, o, a, b, conf, rule};
    return;
  }
  NgRelation *nr = ng_rel_grow(c, R->rels, &c->cap_r, R->n_rels, sizeof *nr);
  if (!nr) return;
  R->rels = nr;
  if ((c->st = ng_strmap_put(c->rel_index, key, sizeof key, (uint32_t)R->n_rels))) return;
  if (kind == NG_REL_REPRESENTS &&
      (c->st = ng_strindex_add(c->represents, (const char *)&s, sizeof s, (uint32_t)R->n_rels)))
    return;
  R->rels[R->n_rels++] = (NgRelation){(uint8_t)kind, s, o, a, b, conf, rule};
}

void ng_rel_add(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, NgRule rule) {
  add_rel_conf(c, kind, s, o, a, b, ng_rule_confidence(rule), rule);
}

void ng_rel_add_derived(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, float source, NgRule rule) {
  add_rel_conf(c, kind, s, o, a, b, source * ng_rule_confidence(rule), rule);
}

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

/* The events are indexed by kind and participants (c->events).  Two events
   of one kind and participants are never the same event (else the second
   would have been merged into the first), and a place is only ever added
   to an event: so per kind and participants there is a first event ('F'),
   at most one event at each place ('P' and the place), and at most one
   with no place ('U'; then it is the only one). */
#define EVENT_KEY_MAX (2 + 4 * 32 + 4)
#define NO_EVENT UINT32_MAX

/* The key of `tag` for events of `kind` with the participants parts[0..m)
   (at most 32) and, for 'P', the place; its length. */
static size_t event_key(char tag, NgEventKind kind, const int32_t *parts, size_t m, int32_t place, char *key) {
  if (m > 32) m = 32;
  key[0] = tag;
  key[1] = (char)kind;
  memcpy(key + 2, parts, m * sizeof *parts);
  size_t n = 2 + m * sizeof *parts;
  if (tag == 'P') memcpy(key + n, &place, sizeof place);
  return tag == 'P' ? n + sizeof place : n;
}

/* The event of `tag` (NO_EVENT when none). */
static uint32_t event_at(const Ctx *c, char tag, NgEventKind kind, const int32_t *parts, size_t m, int32_t place) {
  char key[EVENT_KEY_MAX];
  uint32_t e;
  return ng_strmap_get(c->events, key, event_key(tag, kind, parts, m, place, key), &e) ? e : NO_EVENT;
}

static void set_event_at(Ctx *c, char tag, NgEventKind kind, const int32_t *parts, size_t m, int32_t place,
                         uint32_t e) {
  if (c->st) return;
  char key[EVENT_KEY_MAX];
  c->st = ng_strmap_put(c->events, key, event_key(tag, kind, parts, m, place, key), e);
}

/* An event like `kind` of the same participants parts[0..m) found before
   (for visits: with no other place), or NULL: the first of them, or for
   a visit to a place the first of the one there and the one with no
   place. */
static NgEvent *same_event(const Ctx *c, NgEventKind kind, const int32_t *parts, size_t m, int32_t place) {
  uint32_t e = event_at(c, 'F', kind, parts, m, place);
  if (e != NO_EVENT && kind == NG_EVENT_VISIT && place >= 0) {
    uint32_t at = event_at(c, 'P', kind, parts, m, place), none = event_at(c, 'U', kind, parts, m, place);
    e = at < none ? at : none;
  }
  return e == NO_EVENT ? NULL : &c->out->events[e];
}

/* Event x (participants parts[0..m)) gets the place `place`. */
static void place_event(Ctx *c, NgEvent *x, const int32_t *parts, size_t m, int32_t place) {
  if (x->place >= 0 || place < 0) return;
  uint32_t e = (uint32_t)(x - c->out->events);
  x->place = place;
  set_event_at(c, 'U', (NgEventKind)x->kind, parts, m, place, NO_EVENT);
  set_event_at(c, 'P', (NgEventKind)x->kind, parts, m, place, e);
}

/* Index the new event e (see same_event). */
static void index_event(Ctx *c, NgEventKind kind, const int32_t *parts, size_t m, int32_t place, uint32_t e) {
  if (event_at(c, 'F', kind, parts, m, place) == NO_EVENT) set_event_at(c, 'F', kind, parts, m, place, e);
  set_event_at(c, place >= 0 ? 'P' : 'U', kind, parts, m, place, e);
}

void ng_rel_add_event(Ctx *c, NgEventKind kind, int32_t *parts, size_t n, int32_t place, const char *date, size_t a,
                      size_t b, NgRule rule) {
  if (c->st) return;
  qsort(parts, n, sizeof *parts, cmp_i32);
  size_t m = 0; /* distinct people */
  for (size_t i = 0; i < n; ++i)
    if (!m || parts[m - 1] != parts[i]) parts[m++] = parts[i];
  if ((kind == NG_EVENT_MEETING && m < 2) || m < 1) return;
  NgEvent *x = same_event(c, kind, parts, m, place);
  if (x) {
    place_event(c, x, parts, m, place);
    if (!x->date[0] && date) snprintf(x->date, sizeof x->date, "%s", date);
    return;
  }
  NgRelations *R = c->out;
  NgEvent *ne = ng_rel_grow(c, R->events, &c->cap_e, R->n_events, sizeof *ne);
  if (!ne) return;
  R->events = ne;
  int32_t *p = malloc(m * sizeof *p);
  if (!p) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  memcpy(p, parts, m * sizeof *p);
  NgEvent ev = {(uint8_t)kind, p, m, place, "", a, b, ng_rule_confidence(rule), rule};
  if (date) snprintf(ev.date, sizeof ev.date, "%s", date);
  R->events[R->n_events++] = ev;
  index_event(c, kind, parts, m, place, (uint32_t)(R->n_events - 1));
}

void ng_rel_add_statement(Ctx *c, int32_t who, size_t a, size_t b, int direct, size_t ca, size_t cb, NgRule rule) {
  if (who < 0 || b <= a || c->st) return;
  NgStatement *ns = ng_rel_grow(c, c->out->stmts, &c->cap_s, c->out->n_stmts, sizeof *ns);
  if (!ns) return;
  c->out->stmts = ns;
  c->out->stmts[c->out->n_stmts++] = (NgStatement){who, a, b, (uint8_t)direct, ca, cb, ng_rule_confidence(rule), rule};
}

/* ---- the driver --------------------------------------------------------------- */

/* Which tokens are inside a title phrase (bit 1) and begin one (bit 2). */
static uint8_t *title_phrases(const NgRecognition *rec, size_t nt) {
  uint8_t *phrase = calloc(nt + 1, 1);
  if (!phrase) return NULL;
  for (size_t i = 0; i < rec->n_titles; ++i) {
    const NgTitle *T = &rec->titles[i];
    for (size_t k = T->tok_begin; k < T->tok_end; ++k) phrase[k] |= 1;
    phrase[T->tok_begin] |= 2;
  }
  return phrase;
}

NgStatus ng_relate(const NgSource *src, const NgRecognition *rec, const NgEntities *ents, NgRelations **out) {
  *out = NULL;
  NgRelations *R = calloc(1, sizeof *R);
  if (!R) return NG_ERR_NOMEM;
  const NgSegments *seg = src->seg;
  int year = 0, month = 0, day = 0;
  if (src->meta) ng_meta_ymd(src->meta, &year, &month, &day);
  Ctx c = {src->text->data,
           seg,
           seg->toks,
           seg->n_toks,
           src->lex,
           src->words,
           rec,
           ents,
           ents->readings,
           year,
           month,
           R,
           0,
           0,
           0,
           0,
           NG_SUCCESS,
           title_phrases(rec, seg->n_toks),
           ng_strmap_new(),
           ng_strmap_new(),
           ng_strindex_new(),
           NULL,
           ng_strmap_new()};
  if (!c.phrase || !c.rel_index || !c.ent_by_lex || !c.represents || !c.events) c.st = NG_ERR_NOMEM;
  if (!c.st) c.st = index_lex_entities(&c);
  if (!c.st) ng_rel_roles(&c);
  if (!c.st) ng_rel_name_of_org(&c);
  if (!c.st) ng_rel_structure(&c);
  if (!c.st) ng_rel_events(&c);
  if (!c.st) ng_rel_agreements(&c);
  if (!c.st) ng_rel_statements(&c);
  free(c.phrase);
  ng_strmap_free(c.rel_index);
  ng_strmap_free(c.ent_by_lex);
  ng_strindex_free(c.represents);
  ng_strmap_free(c.events);
  if (c.st) {
    ng_relations_free(R);
    return c.st;
  }
  *out = R;
  return NG_SUCCESS;
}

void ng_relations_free(NgRelations *R) {
  if (!R) return;
  for (size_t i = 0; i < R->n_roles; ++i) {
    free(R->roles[i].title);
    free(R->roles[i].text);
  }
  for (size_t i = 0; i < R->n_events; ++i) free(R->events[i].participants);
  free(R->rels);
  free(R->roles);
  free(R->events);
  free(R->stmts);
  free(R);
}
