#include "graph.h"

#include "iri.h"
#include "rdfterm.h"
#include "scheme.h"
#include "strmap.h"

#include <redland.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NG_STATIC_SLOTS 128

typedef struct {
  const char *ptr; /* address of a string literal */
  const char *str; /* its interned copy */
  uint32_t id;
} StaticSlot;

struct NgGraphImpl {
  StaticSlot statics[NG_STATIC_SLOTS]; /* see intern_static() */
  NgStrMap *strs;                      /* interned strings -> id (the map owns them) */
  const char **by_id;                  /* id -> interned string */
  size_t n_strs, cap_strs;
  NgTriple *v;        /* the triples; strings point into `strs` */
  uint32_t (*tid)[5]; /* per triple: 1 + id of s, p, o, datatype, lang (0: none) */
  size_t n, cap;
  int sorted; /* v is sorted and free of duplicates */
  /* librdf, created on demand: for queries and for parsing files */
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  size_t model_n; /* triples in `model` (stale when != n or !sorted) */
  char last_error[512];
};

static int log_handler(void *user, librdf_log_message *msg) {
  NgGraph *g = user;
  const char *m = librdf_log_message_message(msg);
  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR && m) snprintf(g->last_error, sizeof g->last_error, "%s", m);
  return 1; /* handled: print nothing */
}

NgStatus ng_graph_new(NgGraph **out) {
  *out = NULL;
  NgGraph *g = calloc(1, sizeof *g);
  if (!g) return NG_ERR_NOMEM;
  g->strs = ng_strmap_new();
  if (!g->strs) {
    free(g);
    return NG_ERR_NOMEM;
  }
  g->sorted = 1;
  *out = g;
  return NG_SUCCESS;
}

static void drop_model(NgGraph *g) {
  if (g->model) librdf_free_model(g->model);
  if (g->storage) librdf_free_storage(g->storage);
  g->model = NULL;
  g->storage = NULL;
  g->model_n = 0;
}

void ng_graph_free(NgGraph *g) {
  if (!g) return;
  drop_model(g);
  if (g->world) librdf_free_world(g->world);
  ng_strmap_free(g->strs);
  free(g->by_id);
  free(g->v);
  free(g->tid);
  free(g);
}

/* The librdf world, opened on first use. */
static NgStatus world(NgGraph *g) {
  if (g->world) return NG_SUCCESS;
  g->world = librdf_new_world();
  if (!g->world) return NG_ERR_RDF;
  librdf_world_set_logger(g->world, g, log_handler);
  librdf_world_open(g->world);
  return NG_SUCCESS;
}

/* The interned copy of s[0..len) (NULL stays NULL); *id receives 1 + its
   id, or 0 for NULL. */
static const char *intern(NgGraph *g, const char *s, uint32_t *id, NgStatus *st) {
  *id = 0;
  if (!s || *st) return NULL;
  size_t len = strlen(s);
  uint32_t k;
  if (ng_strmap_get(g->strs, s, len, &k)) {
    *id = k + 1;
    return g->by_id[k];
  }
  if (g->n_strs == g->cap_strs) {
    size_t nc = g->cap_strs ? g->cap_strs * 2 : 256;
    const char **nb = realloc(g->by_id, nc * sizeof *nb);
    if (!nb) {
      *st = NG_ERR_NOMEM;
      return NULL;
    }
    g->by_id = nb;
    g->cap_strs = nc;
  }
  const char *key = NULL;
  k = (uint32_t)g->n_strs;
  if ((*st = ng_strmap_intern(g->strs, s, len, k, &key))) return NULL;
  g->by_id[g->n_strs++] = key;
  *id = k + 1;
  return key;
}

/* intern() for a string literal of this file (a predicate, a datatype):
   its address never holds another text, so a small direct-mapped cache
   keyed by the address skips hashing it. */
static const char *intern_static(NgGraph *g, const char *s, uint32_t *id, NgStatus *st) {
  if (!s) {
    *id = 0;
    return NULL;
  }
  StaticSlot *slot = &g->statics[((uintptr_t)s >> 3) % NG_STATIC_SLOTS];
  if (slot->ptr == s) {
    *id = slot->id;
    return slot->str;
  }
  const char *r = intern(g, s, id, st);
  if (!*st) *slot = (StaticSlot){s, r, *id};
  return r;
}

/* Append a triple; `statics` says p and dt are string literals. */
static NgStatus push_triple(NgGraph *g, const char *s, const char *p, const char *o, int o_iri, const char *dt,
                            const char *lang, int statics) {
  if (g->n == g->cap) {
    size_t nc = g->cap ? g->cap * 2 : 1024;
    NgTriple *nv = realloc(g->v, nc * sizeof *nv);
    if (nv) g->v = nv;
    uint32_t(*nt)[5] = nv ? realloc(g->tid, nc * sizeof *nt) : NULL;
    if (!nt) return NG_ERR_NOMEM;
    g->tid = nt;
    g->cap = nc;
  }
  NgStatus st = NG_SUCCESS;
  NgTriple *t = &g->v[g->n];
  uint32_t *id = g->tid[g->n];
  t->s = intern(g, s, &id[0], &st);
  t->p = statics ? intern_static(g, p, &id[1], &st) : intern(g, p, &id[1], &st);
  t->o = intern(g, o, &id[2], &st);
  t->datatype = statics ? intern_static(g, dt, &id[3], &st) : intern(g, dt, &id[3], &st);
  t->lang = intern(g, lang, &id[4], &st);
  t->o_iri = o_iri;
  if (st) return st;
  g->n++;
  g->sorted = 0;
  return NG_SUCCESS;
}

static NgStatus push(NgGraph *g, const char *s, const char *p, const char *o, int o_iri, const char *dt,
                     const char *lang) {
  return push_triple(g, s, p, o, o_iri, dt, lang, 0);
}

/* Sorting compares ranks of the interned strings (their position in byte
   order), so two triples compare as six integers: subject, predicate, IRI
   before literal, object, datatype, language (no datatype or language
   first).  The strings are ranked once, then the triples go through a
   stable counting sort per key, least significant key first. */
typedef struct {
  const char *s;
  uint32_t id;
} Str;

static int cmp_str(const void *x, const void *y) { return strcmp(((const Str *)x)->s, ((const Str *)y)->s); }

#define KEYS 6

typedef struct {
  uint32_t *rank;        /* 1 + string id -> its rank from 1; rank[0] = 0 (no string) */
  uint32_t (*key)[KEYS]; /* per triple */
  size_t *ord, *tmp;     /* the triples in sorted order; scratch */
  size_t *count;         /* per rank (counting sort) */
} Sorter;

static void sorter_free(Sorter *x) {
  free(x->rank);
  free(x->key);
  free(x->ord);
  free(x->tmp);
  free(x->count);
}

static NgStatus sorter_new(Sorter *x, size_t n, size_t n_strs) {
  x->rank = calloc(n_strs + 1, sizeof *x->rank);
  x->key = calloc(n + 1, sizeof *x->key);
  x->ord = calloc(n + 1, sizeof *x->ord);
  x->tmp = calloc(n + 1, sizeof *x->tmp);
  x->count = calloc(n_strs + 2, sizeof *x->count);
  return x->rank && x->key && x->ord && x->tmp && x->count ? NG_SUCCESS : NG_ERR_NOMEM;
}

static NgStatus rank_strings(const NgGraph *g, uint32_t *rank) {
  size_t ns = g->n_strs;
  Str *strs = malloc((ns + 1) * sizeof *strs);
  if (!strs) return NG_ERR_NOMEM;
  for (uint32_t i = 0; i < ns; ++i) strs[i] = (Str){g->by_id[i], i};
  qsort(strs, ns, sizeof *strs, cmp_str);
  rank[0] = 0;
  for (uint32_t i = 0; i < ns; ++i) rank[strs[i].id + 1] = i + 1;
  free(strs);
  return NG_SUCCESS;
}

static void make_keys(const NgGraph *g, Sorter *x) {
  for (size_t i = 0; i < g->n; ++i) {
    const uint32_t *id = g->tid[i];
    uint32_t *key = x->key[i];
    key[0] = x->rank[id[0]];
    key[1] = x->rank[id[1]];
    key[2] = g->v[i].o_iri ? 0u : 1u;
    key[3] = x->rank[id[2]];
    key[4] = x->rank[id[3]];
    key[5] = x->rank[id[4]];
    x->ord[i] = i;
  }
}

/* x->ord: the n triples in key order (ranks below n_ranks + 1). */
static void sort_keys(Sorter *x, size_t n, size_t n_ranks) {
  for (int j = KEYS - 1; j >= 0; --j) {
    memset(x->count, 0, (n_ranks + 2) * sizeof *x->count);
    for (size_t i = 0; i < n; ++i) x->count[x->key[i][j] + 1]++;
    for (size_t r = 1; r < n_ranks + 2; ++r) x->count[r] += x->count[r - 1];
    for (size_t i = 0; i < n; ++i) x->tmp[x->count[x->key[x->ord[i]][j]]++] = x->ord[i];
    size_t *sw = x->ord;
    x->ord = x->tmp;
    x->tmp = sw;
  }
}

/* Keep the triples in the order x->ord, each once: in place (a copy of
   the triples beside the sorter's arrays made the sort the peak of a
   document's memory).  x->ord and x->tmp are used up. */
static void keep_sorted(NgGraph *g, Sorter *x) {
  size_t *same = x->tmp, *ord = x->ord, n = g->n; /* same[i]: sorted triple i equals the one before */
  for (size_t i = 0; i < n; ++i) same[i] = i && memcmp(x->key[ord[i - 1]], x->key[ord[i]], sizeof x->key[0]) == 0;
  for (size_t s = 0; s < n; ++s) { /* triple i moves to where ord[i] was: follow each cycle once */
    if (ord[s] == s) continue;
    NgTriple t = g->v[s];
    uint32_t tid[5];
    memcpy(tid, g->tid[s], sizeof tid);
    size_t j = s;
    while (ord[j] != s) {
      size_t k = ord[j];
      g->v[j] = g->v[k];
      memcpy(g->tid[j], g->tid[k], sizeof tid);
      ord[j] = j;
      j = k;
    }
    g->v[j] = t;
    memcpy(g->tid[j], tid, sizeof tid);
    ord[j] = j;
  }
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    if (same[i]) continue;
    g->v[m] = g->v[i];
    memmove(g->tid[m], g->tid[i], sizeof g->tid[m]);
    ++m;
  }
  g->n = m;
  g->sorted = 1;
}

/* Sort the triples and drop duplicates. */
static NgStatus finish(NgGraph *g) {
  if (g->sorted) return NG_SUCCESS;
  Sorter x;
  NgStatus st = sorter_new(&x, g->n, g->n_strs);
  if (!st) st = rank_strings(g, x.rank);
  if (!st) {
    make_keys(g, &x);
    sort_keys(&x, g->n, g->n_strs);
    keep_sorted(g, &x);
  }
  sorter_free(&x);
  return st;
}

size_t ng_graph_size(NgGraph *g) {
  finish(g);
  return g->n;
}

/* ---- building -------------------------------------------------------------- */

typedef struct {
  uint32_t bits; /* a float's bits (plus one: 0 is an empty slot) */
  char text[8];  /* as "%.2f" prints it */
} ConfSlot;

typedef struct {
  NgGraph *g;
  const NgAnalysis *d;
  const char *base; /* base IRI */
  const char *doc;  /* the document's name in IRIs */
  const char *lang;
  NgStatus st;
  char article[NG_IRI_MAX];
  char context[NG_IRI_MAX];
  char **ent_iri;     /* per entity, formatted on first use (owned) */
  ConfSlot confs[64]; /* confidences as printed, by value */
} B;

/* v in decimal into out (at least 21 bytes); returns the length. */
static size_t fmt_size(size_t v, char *out) {
  char tmp[24];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; ++i) out[i] = tmp[n - 1 - i];
  out[n] = '\0';
  return n;
}

static void add(B *b, const char *s, const char *p, const char *o, int o_iri, const char *dt, const char *lang) {
  if (!b->st) b->st = push_triple(b->g, s, p, o, o_iri, dt, lang, 1);
}

static void iri(B *b, const char *s, const char *p, const char *o) { add(b, s, p, o, 1, NULL, NULL); }
static void text_lit(B *b, const char *s, const char *p, const char *o) { add(b, s, p, o, 0, NULL, b->lang); }
static void plain(B *b, const char *s, const char *p, const char *o) { add(b, s, p, o, 0, NULL, NULL); }
static void typed(B *b, const char *s, const char *p, const char *o, const char *dt) { add(b, s, p, o, 0, dt, NULL); }
static void num(B *b, const char *s, const char *p, size_t v) {
  char buf[32];
  fmt_size(v, buf);
  typed(b, s, p, buf, NG_NS_XSD "nonNegativeInteger");
}
static void conf(B *b, const char *s, float c, NgRule rule) {
  if (c < 0) c = 0;
  if (c > 1) c = 1;
  /* a document has a handful of distinct confidences: print each once */
  uint32_t bits;
  memcpy(&bits, &c, sizeof bits);
  ConfSlot *slot = &b->confs[(bits ^ (bits >> 13)) % 64];
  if (slot->bits != bits + 1) {
    slot->bits = bits + 1;
    snprintf(slot->text, sizeof slot->text, "%.2f", (double)c);
  }
  typed(b, s, NG_NS "confidence", slot->text, NG_NS_XSD "decimal");
  plain(b, s, NG_NS "rule", ng_rule_id(rule));
}

static void entity_iri(B *b, int32_t e, char *out, size_t n) {
  const NgEntity *x = &b->d->ents->ents[e];
  if (b->ent_iri && !b->ent_iri[e]) {
    char buf[NG_IRI_MAX];
    size_t len = ng_scheme_entity(b->base, x->type, x->slug, buf, sizeof buf);
    b->ent_iri[e] = len < sizeof buf ? malloc(len + 1) : NULL;
    if (b->ent_iri[e]) memcpy(b->ent_iri[e], buf, len + 1);
  }
  size_t len = b->ent_iri && b->ent_iri[e] ? strlen(b->ent_iri[e]) : n;
  if (len < n)
    memcpy(out, b->ent_iri[e], len + 1);
  else
    ng_scheme_entity(b->base, x->type, x->slug, out, n);
}

/* A copy of text[a, e) owned by the caller, or NULL (b->st set) when out of
   memory. */
static char *slice(B *b, const char *text, size_t a, size_t e) {
  char *q = malloc(e - a + 1);
  if (!q) {
    b->st = NG_ERR_NOMEM;
    return NULL;
  }
  memcpy(q, text + a, e - a);
  q[e - a] = '\0';
  return q;
}

/* A text span node: <article#char=a,b> with NIF offsets (code points). */
static void span(B *b, size_t a, size_t e, char *out, size_t n, int with_anchor) {
  const NgText *t = b->d->src.text;
  size_t ca = ng_text_char_offset(t, a), ce = ng_text_char_offset(t, e);
  ng_scheme_span(b->article, ca, ce, out, n);
  iri(b, out, NG_NS_RDF "type", NG_NS_NIF "OffsetBasedString");
  num(b, out, NG_NS_NIF "beginIndex", ca);
  num(b, out, NG_NS_NIF "endIndex", ce);
  iri(b, out, NG_NS_NIF "referenceContext", b->context);
  if (with_anchor) {
    char *anchor = slice(b, t->data, a, e);
    if (anchor) plain(b, out, NG_NS_NIF "anchorOf", anchor);
    free(anchor);
  }
}

static const char *const REL_PROPS[NG_REL_COUNT] = {NG_NS "affiliatedWith", NG_NS "represents", NG_NS "partOf",
                                                    NG_NS "locatedIn",      NG_NS "basedIn",    NG_NS "partyTo",
                                                    NG_NS "namedAfter",     NG_NS "metWith"};

/* Where node s comes from: the article, and the span [start, end) of its
   text as evidence. */
static void add_derivation(B *b, const char *s, size_t start, size_t end) {
  char sp[NG_IRI_MAX];
  iri(b, s, NG_NS_PROV "wasDerivedFrom", b->article);
  span(b, start, end, sp, sizeof sp, 0);
  iri(b, s, NG_NS "evidence", sp);
}

/* ---- the article ---- */

/* The datatype of a publication date: YYYY-MM-DD, YYYY-MM or YYYY. */
static const char *date_type(const char *date) {
  size_t n = strlen(date);
  return n == 10 ? NG_NS_XSD "date" : n == 7 ? NG_NS_XSD "gYearMonth" : NG_NS_XSD "gYear";
}

static void add_url(B *b, const char *url) {
  char *u = ng_iri_encode(url);
  if (!u) {
    b->st = NG_ERR_NOMEM;
    return;
  }
  typed(b, b->article, NG_NS "url", u, NG_NS_XSD "anyURI");
  free(u);
}

static void add_metadata(B *b, const NgMeta *m) {
  if (m && m->title) text_lit(b, b->article, NG_NS "headline", m->title);
  if (m && m->date) typed(b, b->article, NG_NS "datePublished", m->date, date_type(m->date));
  if (m && m->url) add_url(b, m->url);
}

/* The article, its text as a NIF context, its metadata and language. */
static void add_article(B *b) {
  const NgAnalysis *d = b->d;
  const NgText *t = d->src.text;
  iri(b, b->article, NG_NS_RDF "type", NG_NS "NewsArticle");
  iri(b, b->article, NG_NS "hasContext", b->context);
  iri(b, b->context, NG_NS_RDF "type", NG_NS_NIF "Context");
  plain(b, b->context, NG_NS_NIF "isString", t->data);
  num(b, b->context, NG_NS_NIF "beginIndex", 0);
  num(b, b->context, NG_NS_NIF "endIndex", t->n_chars);
  iri(b, b->context, NG_NS_NIF "sourceUrl", b->article);
  add_metadata(b, d->src.meta);
  plain(b, b->article, NG_NS "language", b->lang);
}

/* ---- entities and their mentions ---- */

/* What the lexicon entry of entity e (IRI s) says: a sure link is
   identity; a guess among several entries is only a close match, without
   the entry's identifiers and coordinates. */
static void add_entity_links(B *b, const NgEntity *e, const char *s) {
  const NgAnalysis *d = b->d;
  const NgLexEntry *le = ng_lexicon_entry(d->src.lex, (uint32_t)e->lex);
  if (le->wikidata[0] == 'Q') {
    char o[NG_IRI_MAX];
    snprintf(o, sizeof o, NG_NS_WD "%s", le->wikidata);
    iri(b, s, e->link_unsure ? NG_NS_SKOS "closeMatch" : NG_NS_OWL "sameAs", o);
    if (!e->link_unsure) plain(b, s, NG_NS "wikidataId", le->wikidata);
  }
  if (le->geonames[0] && !e->link_unsure) plain(b, s, NG_NS "geonamesId", le->geonames);
  if (le->lat[0] && le->lon[0] && !e->link_unsure) {
    typed(b, s, NG_NS_GEO "lat", le->lat, NG_NS_XSD "decimal");
    typed(b, s, NG_NS_GEO "long", le->lon, NG_NS_XSD "decimal");
  }
}

static void add_entity(B *b, size_t i) {
  const NgAnalysis *d = b->d;
  const NgMeta *m = d->src.meta;
  char s[NG_IRI_MAX], o[NG_IRI_MAX];
  const NgEntity *e = &d->ents->ents[i];
  entity_iri(b, (int32_t)i, s, sizeof s);
  snprintf(o, sizeof o, NG_NS "%s", ng_class_name(e->cls));
  iri(b, s, NG_NS_RDF "type", o);
  text_lit(b, s, NG_NS_RDFS "label", e->label);
  for (size_t k = 0; k < e->n_alt; ++k) text_lit(b, s, NG_NS_SKOS "altLabel", e->alt[k]);
  iri(b, b->article, NG_NS "mentions", s);
  conf(b, s, e->confidence, e->rule);
  if (m && m->publisher && e->type == NG_TYPE_ORG && strcmp(e->label, m->publisher) == 0)
    iri(b, b->article, NG_NS "publisher", s);
  if (e->lex >= 0) add_entity_links(b, e, s);
}

static void add_entities(B *b) {
  const NgAnalysis *d = b->d;
  for (size_t i = 0; i < d->ents->n && !b->st; ++i) add_entity(b, i);
}

static void add_mentions(B *b) {
  const NgAnalysis *d = b->d;
  char o[NG_IRI_MAX], sp[NG_IRI_MAX];
  for (size_t i = 0; i < d->rec->n_mentions && !b->st; ++i) {
    const NgMention *mm = &d->rec->mentions[i];
    const NgReading *rd = &d->ents->readings[i];
    if (rd->entity < 0) continue;
    span(b, mm->start, mm->end, sp, sizeof sp, 1);
    iri(b, sp, NG_NS_RDF "type", NG_NS "Mention");
    entity_iri(b, rd->entity, o, sizeof o);
    iri(b, sp, NG_NS_ITS "taIdentRef", o);
    conf(b, sp, mm->confidence, rd->rule);
  }
}

/* ---- what the text says about them ---- */

/* Direct edge i, also reified (rdf:Statement) with its confidence, rule
   and evidence. */
static void add_direct_edge(B *b, size_t i) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  char s[NG_IRI_MAX], o[NG_IRI_MAX], a[NG_IRI_MAX];
  const NgRelation *r = &R->rels[i];
  entity_iri(b, r->subj, s, sizeof s);
  entity_iri(b, r->obj, o, sizeof o);
  iri(b, s, REL_PROPS[r->kind], o);
  ng_scheme_assertion(b->base, b->doc, i + 1, a, sizeof a);
  iri(b, a, NG_NS_RDF "type", NG_NS_RDF "Statement");
  iri(b, a, NG_NS_RDF "subject", s);
  iri(b, a, NG_NS_RDF "predicate", REL_PROPS[r->kind]);
  iri(b, a, NG_NS_RDF "object", o);
  iri(b, a, NG_NS_PROV "wasDerivedFrom", b->article);
  if (r->ev_end > r->ev_start) {
    char sp[NG_IRI_MAX];
    span(b, r->ev_start, r->ev_end, sp, sizeof sp, 0);
    iri(b, a, NG_NS "evidence", sp);
  }
  conf(b, a, r->confidence, r->rule);
}

static void add_direct_edges(B *b) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  for (size_t i = 0; i < R->n_rels && !b->st; ++i) add_direct_edge(b, i);
}

/* The IRI of a role into s[0..size): readable and unique in the document;
   the same person, title and status again get "-2", "-3"...  `used`
   counts the uses of each IRI. */
static NgStatus role_iri(B *b, const char *person_slug, const char *title, int former, NgStrMap *used, char *s,
                         size_t size) {
  size_t n = ng_scheme_role(b->base, b->doc, person_slug, title, former, s, size);
  uint32_t seen = 0;
  size_t kn = n < size ? n : strlen(s);
  ng_strmap_get(used, s, kn, &seen);
  if (ng_strmap_put(used, s, kn, seen + 1)) return NG_ERR_NOMEM;
  if (seen) ng_scheme_role_again(s, kn, size, (unsigned)(seen + 1));
  return NG_SUCCESS;
}

static void add_role(B *b, size_t i, NgStrMap *used) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  char s[NG_IRI_MAX], o[NG_IRI_MAX];
  const NgRole *r = &R->roles[i];
  const NgEntity *pe = &d->ents->ents[r->person];
  if ((b->st = role_iri(b, pe->slug, r->title, r->former, used, s, sizeof s))) return;
  entity_iri(b, r->person, o, sizeof o);
  iri(b, s, NG_NS_RDF "type", NG_NS "RoleAssignment");
  iri(b, s, NG_NS "holder", o);
  iri(b, o, NG_NS "holds", s);
  text_lit(b, o, NG_NS "jobTitle", r->title);
  text_lit(b, s, NG_NS "jobTitle", r->title);
  text_lit(b, s, NG_NS "roleText", r->text);
  iri(b, s, NG_NS "roleStatus", r->former ? NG_NS "Former" : NG_NS "Current");
  if (r->org >= 0) {
    entity_iri(b, r->org, o, sizeof o);
    iri(b, s, NG_NS "atOrganization", o);
  }
  if (r->country >= 0 && !r->former) {
    entity_iri(b, r->country, o, sizeof o);
    iri(b, s, NG_NS "onBehalfOf", o);
  }
  add_derivation(b, s, r->ev_start, r->ev_end);
  conf(b, s, r->confidence, r->rule);
}

static void add_roles(B *b) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  NgStrMap *used = ng_strmap_new(); /* role IRI -> times used */
  if (!used) b->st = NG_ERR_NOMEM;
  for (size_t i = 0; i < R->n_roles && !b->st; ++i) add_role(b, i, used);
  ng_strmap_free(used);
}

/* A readable label of event ev into label[0..size): "Meeting: A, B in
   Place on date". */
static void event_label(B *b, const NgEvent *ev, int meet, char *label, size_t size) {
  const NgAnalysis *d = b->d;
  size_t ln = (size_t)snprintf(label, size, "%s:", meet ? "Meeting" : "Visit");
  for (size_t k = 0; k < ev->n_participants && ln < size - 1; ++k)
    ln += (size_t)snprintf(label + ln, size - ln, "%s %s", k ? "," : "", d->ents->ents[ev->participants[k]].label);
  if (ev->place >= 0 && ln < size - 1)
    ln += (size_t)snprintf(label + ln, size - ln, " in %s", d->ents->ents[ev->place].label);
  if (ev->date[0] && ln < size - 1) snprintf(label + ln, size - ln, " on %s", ev->date);
}

/* Event i, the n_meet-th meeting or n_visit-th visit. */
static void add_event(B *b, size_t i, size_t *n_meet, size_t *n_visit) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  char s[NG_IRI_MAX], o[NG_IRI_MAX], label[1024];
  const NgEvent *ev = &R->events[i];
  int meet = ev->kind == NG_EVENT_MEETING;
  ng_scheme_event(b->base, b->doc, meet, meet ? ++*n_meet : ++*n_visit, s, sizeof s);
  iri(b, s, NG_NS_RDF "type", meet ? NG_NS "Meeting" : NG_NS "Visit");
  for (size_t k = 0; k < ev->n_participants; ++k) {
    entity_iri(b, ev->participants[k], o, sizeof o);
    iri(b, s, NG_NS "participant", o);
  }
  if (ev->place >= 0) {
    entity_iri(b, ev->place, o, sizeof o);
    iri(b, s, NG_NS "eventPlace", o);
  }
  if (ev->date[0]) typed(b, s, NG_NS "eventDate", ev->date, NG_NS_XSD "date");
  event_label(b, ev, meet, label, sizeof label);
  text_lit(b, s, NG_NS_RDFS "label", label);
  add_derivation(b, s, ev->ev_start, ev->ev_end);
  conf(b, s, ev->confidence, ev->rule);
}

static void add_events(B *b) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  size_t n_meet = 0, n_visit = 0;
  for (size_t i = 0; i < R->n_events && !b->st; ++i) add_event(b, i, &n_meet, &n_visit);
}

/* What statement st (IRI s) is about: the entities mentioned inside it
   other than its speaker (mentions are sorted by start: find the first one
   in the span). */
static void add_statement_about(B *b, const NgStatement *st, const char *s) {
  const NgAnalysis *d = b->d;
  char o[NG_IRI_MAX];
  size_t lo = 0, hi = d->rec->n_mentions;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->rec->mentions[mid].start < st->start)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo; k < d->rec->n_mentions && d->rec->mentions[k].start < st->end; ++k) {
    const NgMention *mm = &d->rec->mentions[k];
    int32_t me = d->ents->readings[k].entity;
    if (me < 0 || me == st->speaker || mm->end > st->end) continue;
    entity_iri(b, me, o, sizeof o);
    iri(b, s, NG_NS "about", o);
  }
}

static void add_statement(B *b, size_t i) {
  const NgAnalysis *d = b->d;
  const NgText *t = d->src.text;
  const NgRelations *R = d->rels;
  char s[NG_IRI_MAX], o[NG_IRI_MAX];
  const NgStatement *st = &R->stmts[i];
  ng_scheme_statement(b->base, b->doc, i + 1, s, sizeof s);
  iri(b, s, NG_NS_RDF "type", NG_NS "Statement");
  entity_iri(b, st->speaker, o, sizeof o);
  iri(b, s, NG_NS "speaker", o);
  char *q = slice(b, t->data, st->start, st->end);
  if (q) text_lit(b, s, NG_NS "quotedText", q);
  free(q);
  typed(b, s, NG_NS "directQuote", st->direct ? "true" : "false", NG_NS_XSD "boolean");
  add_derivation(b, s, st->start, st->end);
  conf(b, s, st->confidence, st->rule);
  add_statement_about(b, st, s);
}

static void add_statements(B *b) {
  const NgAnalysis *d = b->d;
  const NgRelations *R = d->rels;
  for (size_t i = 0; i < R->n_stmts && !b->st; ++i) add_statement(b, i);
}

static void build(B *b) {
  add_article(b);
  add_entities(b);
  add_mentions(b);
  add_direct_edges(b);
  add_roles(b);
  add_events(b);
  add_statements(b);
}

NgStatus ng_graph_add_analysis(NgGraph *g, const char *base, const char *doc, const NgAnalysis *d) {
  B b;
  memset(&b, 0, sizeof b);
  b.g = g;
  b.d = d;
  b.base = base;
  b.doc = doc;
  b.lang = d->src.meta && d->src.meta->language ? d->src.meta->language : "en";
  ng_scheme_article(base, doc, b.article, sizeof b.article);
  ng_scheme_context(b.article, d->src.text->n_chars, b.context, sizeof b.context);
  b.ent_iri = calloc(d->ents->n + 1, sizeof *b.ent_iri); /* NULL: format each time */
  build(&b);
  for (size_t i = 0; b.ent_iri && i < d->ents->n; ++i) free(b.ent_iri[i]);
  free(b.ent_iri);
  return b.st;
}

/* ---- librdf: reading files, answering queries --------------------------------- */

static char *dup(const char *s) {
  if (!s) return NULL;
  char *o = malloc(strlen(s) + 1);
  if (o) strcpy(o, s);
  return o;
}

/* The string form of a node (IRI, literal lexical form or "_:id"), owned by
   the caller. */
static char *node_string(librdf_node *n, int *is_iri, const char **dt, const char **lang) {
  *is_iri = 0;
  if (dt) *dt = NULL;
  if (lang) *lang = NULL;
  if (librdf_node_is_resource(n)) {
    *is_iri = 1;
    return dup((const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
  }
  if (librdf_node_is_literal(n)) {
    librdf_uri *u = librdf_node_get_literal_value_datatype_uri(n);
    if (u && dt) *dt = (const char *)librdf_uri_as_string(u);
    const char *l = librdf_node_get_literal_value_language(n);
    if (l && lang) *lang = l;
    return dup((const char *)librdf_node_get_literal_value(n));
  }
  /* blank node: never produced by newsgraph, but readable */
  const unsigned char *id = librdf_node_get_blank_identifier(n);
  char *o = malloc(strlen((const char *)id) + 3);
  if (o) sprintf(o, "_:%s", (const char *)id);
  return o;
}

static NgStatus new_model(NgGraph *g, librdf_storage **storage, librdf_model **model) {
  NgStatus st = world(g);
  if (st) return st;
  *storage = librdf_new_storage(g->world, "hashes", "ng", "hash-type='memory'");
  *model = *storage ? librdf_new_model(g->world, *storage, NULL) : NULL;
  if (!*model) {
    if (*storage) librdf_free_storage(*storage);
    *storage = NULL;
    return NG_ERR_RDF;
  }
  return NG_SUCCESS;
}

/* Parse the file into `model`; an error raptor only logs fails it too. */
static NgStatus parse_into(NgGraph *g, const char *path, const char *syntax, librdf_model *model) {
  librdf_parser *p = librdf_new_parser(g->world, syntax, NULL, NULL);
  librdf_uri *u = p ? librdf_new_uri_from_filename(g->world, path) : NULL;
  NgStatus st = u ? NG_SUCCESS : NG_ERR_RDF;
  g->last_error[0] = '\0';
  if (!st && (librdf_parser_parse_into_model(p, u, u, model) || g->last_error[0])) st = NG_ERR_RDF;
  if (u) librdf_free_uri(u);
  if (p) librdf_free_parser(p);
  return st;
}

static NgStatus push_statement(NgGraph *g, librdf_statement *x) {
  int is_iri, o_iri;
  const char *dt, *lang;
  char *s = node_string(librdf_statement_get_subject(x), &is_iri, NULL, NULL);
  char *p = node_string(librdf_statement_get_predicate(x), &is_iri, NULL, NULL);
  char *o = node_string(librdf_statement_get_object(x), &o_iri, &dt, &lang);
  NgStatus st = s && p && o ? push(g, s, p, o, o_iri, dt, lang) : NG_ERR_NOMEM;
  free(s);
  free(p);
  free(o);
  return st;
}

static NgStatus push_model(NgGraph *g, librdf_model *model) {
  librdf_stream *str = librdf_model_as_stream(model);
  if (!str) return NG_ERR_RDF;
  NgStatus st = NG_SUCCESS;
  for (; !st && !librdf_stream_end(str); librdf_stream_next(str)) st = push_statement(g, librdf_stream_get_object(str));
  librdf_free_stream(str);
  return st;
}

NgStatus ng_graph_load_file(NgGraph *g, const char *path, const char *syntax) {
  librdf_storage *storage = NULL;
  librdf_model *model = NULL;
  NgStatus st = new_model(g, &storage, &model);
  if (st) return st;
  size_t n0 = g->n;
  st = parse_into(g, path, syntax, model);
  if (!st) st = push_model(g, model);
  if (st) g->n = n0; /* nothing added */
  librdf_free_model(model);
  librdf_free_storage(storage);
  return st;
}

NgStatus ng_graph_add_triple(NgGraph *g, const NgTriple *t) {
  return push(g, t->s, t->p, t->o, t->o_iri, t->datatype, t->lang);
}

NgStatus ng_graph_triples(NgGraph *g, const NgTriple **out, size_t *n) {
  *out = NULL;
  *n = 0;
  NgStatus st = finish(g);
  if (st) return st;
  *out = g->v;
  *n = g->n;
  return NG_SUCCESS;
}

/* Bring the librdf model up to date with the triples. */
static NgStatus sync_model(NgGraph *g) {
  NgStatus st = finish(g);
  if (st) return st;
  if (g->model && g->model_n == g->n) return NG_SUCCESS;
  drop_model(g);
  if ((st = new_model(g, &g->storage, &g->model))) return st;
  librdf_world *w = g->world;
  for (size_t i = 0; i < g->n && !st; ++i) {
    librdf_statement *x = ng_rdf_statement(w, &g->v[i]);
    if (!x) {
      st = NG_ERR_RDF;
    } else {
      if (librdf_model_add_statement(g->model, x)) st = NG_ERR_RDF;
      librdf_free_statement(x);
    }
  }
  if (st) {
    drop_model(g);
    return st;
  }
  g->model_n = g->n;
  return NG_SUCCESS;
}

/* A query that does not parse or run: its message into err. */
static NgStatus query_failed(const NgGraph *g, const char *fallback, char *err, size_t es) {
  if (err) snprintf(err, es, "%s", g->last_error[0] ? g->last_error : fallback);
  return NG_ERR_SYNTAX;
}

/* The values of the current result row into vals[0..n) (owned; NULL when
   unbound). */
static void read_row(librdf_query_results *res, size_t n, char **vals) {
  for (size_t i = 0; i < n; ++i) {
    librdf_node *nd = librdf_query_results_get_binding_value(res, (int)i);
    int is_iri;
    vals[i] = nd ? node_string(nd, &is_iri, NULL, NULL) : NULL;
    if (nd) librdf_free_node(nd);
  }
}

static void free_row(size_t n, char **vals) {
  for (size_t i = 0; i < n; ++i) {
    free(vals[i]);
    vals[i] = NULL;
  }
}

/* Call `row` for every result row until it returns non-zero. */
static NgStatus each_row(librdf_query_results *res, NgRowFn row, void *ctx) {
  int nb = librdf_query_results_get_bindings_count(res);
  size_t n = nb > 0 ? (size_t)nb : 0;
  const char **names = calloc(n + 1, sizeof *names);
  char **vals = calloc(n + 1, sizeof *vals);
  NgStatus st = names && vals ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t i = 0; i < n && !st; ++i) names[i] = librdf_query_results_get_binding_name(res, (int)i);
  while (!st && !librdf_query_results_finished(res)) {
    read_row(res, n, vals);
    int stop = row ? row(ctx, n, names, (const char *const *)vals) : 0;
    free_row(n, vals);
    if (stop) break;
    librdf_query_results_next(res);
  }
  free(names);
  free(vals);
  return st;
}

NgStatus ng_graph_query(NgGraph *g, const char *sparql, int *boolean, NgRowFn row, void *ctx, char *err, size_t es) {
  NgStatus st = sync_model(g);
  if (st) {
    if (err) snprintf(err, es, "%s", ng_strerror(st));
    return st;
  }
  g->last_error[0] = '\0';
  librdf_query *q = librdf_new_query(g->world, "sparql", NULL, (const unsigned char *)sparql, NULL);
  if (!q) return query_failed(g, "cannot parse the query", err, es);
  librdf_query_results *res = librdf_model_query_execute(g->model, q);
  if (!res) {
    librdf_free_query(q);
    return query_failed(g, "the query failed", err, es);
  }
  if (librdf_query_results_is_boolean(res)) {
    if (boolean) *boolean = librdf_query_results_get_boolean(res) > 0;
  } else if (librdf_query_results_is_bindings(res)) {
    st = each_row(res, row, ctx);
  }
  librdf_free_query_results(res);
  librdf_free_query(q);
  return st;
}
