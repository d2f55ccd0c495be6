#include "graph.h"

#include "iri.h"

#include <redland.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL_NS "http://www.w3.org/2002/07/owl#"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define SKOS_NS "http://www.w3.org/2004/02/skos/core#"
#define PROV_NS "http://www.w3.org/ns/prov#"
#define NIF_NS "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define ITS_NS "http://www.w3.org/2005/11/its/rdf#"
#define GEO_NS "http://www.w3.org/2003/01/geo/wgs84_pos#"
#define WD_NS "http://www.wikidata.org/entity/"

struct NgGraphImpl {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
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
  g->world = librdf_new_world();
  if (!g->world) {
    free(g);
    return NG_ERR_RDF;
  }
  librdf_world_set_logger(g->world, g, log_handler);
  librdf_world_open(g->world);
  g->storage = librdf_new_storage(g->world, "hashes", "ng", "hash-type='memory'");
  g->model = g->storage ? librdf_new_model(g->world, g->storage, NULL) : NULL;
  if (!g->model) {
    ng_graph_free(g);
    return NG_ERR_RDF;
  }
  *out = g;
  return NG_SUCCESS;
}

void ng_graph_free(NgGraph *g) {
  if (!g) return;
  if (g->model) librdf_free_model(g->model);
  if (g->storage) librdf_free_storage(g->storage);
  if (g->world) librdf_free_world(g->world);
  free(g);
}

size_t ng_graph_size(const NgGraph *g) {
  int n = librdf_model_size(g->model);
  return n > 0 ? (size_t)n : 0;
}

/* ---- building -------------------------------------------------------------- */

typedef struct {
  NgGraph *g;
  const NgDocument *d;
  const char *lang;
  NgStatus st;
  char article[1536];
  char context[2048];
} B;

static void add(B *b, const char *s, const char *p, const char *o, int o_iri, const char *dt, const char *lang) {
  if (b->st) return;
  librdf_world *w = b->g->world;
  librdf_node *ns = librdf_new_node_from_uri_string(w, (const unsigned char *)s);
  librdf_node *np = librdf_new_node_from_uri_string(w, (const unsigned char *)p);
  librdf_node *no = NULL;
  if (o_iri) {
    no = librdf_new_node_from_uri_string(w, (const unsigned char *)o);
  } else if (dt) {
    librdf_uri *u = librdf_new_uri(w, (const unsigned char *)dt);
    no = u ? librdf_new_node_from_typed_literal(w, (const unsigned char *)o, NULL, u) : NULL;
    if (u) librdf_free_uri(u);
  } else {
    no = librdf_new_node_from_literal(w, (const unsigned char *)o, lang, 0);
  }
  if (!ns || !np || !no) {
    if (ns) librdf_free_node(ns);
    if (np) librdf_free_node(np);
    if (no) librdf_free_node(no);
    b->st = NG_ERR_RDF;
    return;
  }
  librdf_statement *st = librdf_new_statement_from_nodes(w, ns, np, no);
  if (!st) {
    b->st = NG_ERR_RDF;
    return;
  }
  if (librdf_model_add_statement(b->g->model, st)) b->st = NG_ERR_RDF;
  librdf_free_statement(st);
}

static void iri(B *b, const char *s, const char *p, const char *o) { add(b, s, p, o, 1, NULL, NULL); }
static void text_lit(B *b, const char *s, const char *p, const char *o) { add(b, s, p, o, 0, NULL, b->lang); }
static void plain(B *b, const char *s, const char *p, const char *o) { add(b, s, p, o, 0, NULL, NULL); }
static void typed(B *b, const char *s, const char *p, const char *o, const char *dt) { add(b, s, p, o, 0, dt, NULL); }
static void num(B *b, const char *s, const char *p, size_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", v);
  typed(b, s, p, buf, XSD_NS "nonNegativeInteger");
}
static void conf(B *b, const char *s, float c, const char *rule) {
  char buf[16];
  if (c < 0) c = 0;
  if (c > 1) c = 1;
  snprintf(buf, sizeof buf, "%.2f", (double)c);
  typed(b, s, NG_NS "confidence", buf, XSD_NS "decimal");
  if (rule) plain(b, s, NG_NS "rule", rule);
}

static void entity_iri(const B *b, int32_t e, char *out, size_t n) {
  const NgEntity *x = &b->d->ents->ents[e];
  snprintf(out, n, "%s%s/%s", b->d->base, ng_type_slug(x->type), x->slug);
}

/* A text span node: <article#char=a,b> with NIF offsets (code points). */
static void span(B *b, size_t a, size_t e, char *out, size_t n, int with_anchor) {
  const NgText *t = b->d->text;
  size_t ca = ng_text_char_offset(t, a), ce = ng_text_char_offset(t, e);
  snprintf(out, n, "%s#char=%zu,%zu", b->article, ca, ce);
  iri(b, out, RDF_NS "type", NIF_NS "OffsetBasedString");
  num(b, out, NIF_NS "beginIndex", ca);
  num(b, out, NIF_NS "endIndex", ce);
  iri(b, out, NIF_NS "referenceContext", b->context);
  if (with_anchor) {
    char *anchor = malloc(e - a + 1);
    if (!anchor) {
      b->st = NG_ERR_NOMEM;
      return;
    }
    memcpy(anchor, t->data + a, e - a);
    anchor[e - a] = '\0';
    plain(b, out, NIF_NS "anchorOf", anchor);
    free(anchor);
  }
}

static const char *const REL_PROPS[NG_REL_COUNT] = {NG_NS "affiliatedWith", NG_NS "represents", NG_NS "partOf",
                                                    NG_NS "locatedIn",      NG_NS "basedIn",    NG_NS "partyTo",
                                                    NG_NS "namedAfter",     NG_NS "metWith"};

static void build(B *b) {
  const NgDocument *d = b->d;
  const NgText *t = d->text;
  char s[2048], o[2048], sp[2048];

  /* the article and its text */
  iri(b, b->article, RDF_NS "type", NG_NS "NewsArticle");
  iri(b, b->article, NG_NS "hasContext", b->context);
  iri(b, b->context, RDF_NS "type", NIF_NS "Context");
  plain(b, b->context, NIF_NS "isString", t->data);
  num(b, b->context, NIF_NS "beginIndex", 0);
  num(b, b->context, NIF_NS "endIndex", t->n_chars);
  iri(b, b->context, NIF_NS "sourceUrl", b->article);
  const NgMeta *m = d->meta;
  if (m && m->title) text_lit(b, b->article, NG_NS "headline", m->title);
  if (m && m->date) {
    typed(b, b->article, NG_NS "datePublished", m->date,
          strlen(m->date) == 10  ? XSD_NS "date"
          : strlen(m->date) == 7 ? XSD_NS "gYearMonth"
                                 : XSD_NS "gYear");
  }
  if (m && m->url) {
    char *u = ng_iri_encode(m->url);
    if (!u) {
      b->st = NG_ERR_NOMEM;
      return;
    }
    typed(b, b->article, NG_NS "url", u, XSD_NS "anyURI");
    free(u);
  }
  plain(b, b->article, NG_NS "language", b->lang);

  /* entities */
  for (size_t i = 0; i < d->ents->n && !b->st; ++i) {
    const NgEntity *e = &d->ents->ents[i];
    entity_iri(b, (int32_t)i, s, sizeof s);
    snprintf(o, sizeof o, NG_NS "%s", ng_class_name(e->cls));
    iri(b, s, RDF_NS "type", o);
    text_lit(b, s, RDFS_NS "label", e->label);
    for (size_t k = 0; k < e->n_alt; ++k) text_lit(b, s, SKOS_NS "altLabel", e->alt[k]);
    iri(b, b->article, NG_NS "mentions", s);
    conf(b, s, e->confidence, e->rule);
    if (m && m->publisher && e->type == NG_TYPE_ORG && strcmp(e->label, m->publisher) == 0)
      iri(b, b->article, NG_NS "publisher", s);
    if (e->lex >= 0) {
      const NgLexEntry *le = ng_lexicon_entry(d->lex, (uint32_t)e->lex);
      if (le->wikidata[0] == 'Q') {
        snprintf(o, sizeof o, WD_NS "%s", le->wikidata);
        iri(b, s, OWL_NS "sameAs", o);
        plain(b, s, NG_NS "wikidataId", le->wikidata);
      }
      if (le->geonames[0]) plain(b, s, NG_NS "geonamesId", le->geonames);
      if (le->lat[0] && le->lon[0]) {
        typed(b, s, GEO_NS "lat", le->lat, XSD_NS "decimal");
        typed(b, s, GEO_NS "long", le->lon, XSD_NS "decimal");
      }
    }
  }
  /* mentions */
  for (size_t i = 0; i < d->rec->n_mentions && !b->st; ++i) {
    const NgMention *mm = &d->rec->mentions[i];
    if (mm->entity < 0) continue;
    span(b, mm->start, mm->end, sp, sizeof sp, 1);
    iri(b, sp, RDF_NS "type", NG_NS "Mention");
    entity_iri(b, mm->entity, o, sizeof o);
    iri(b, sp, ITS_NS "taIdentRef", o);
    conf(b, sp, mm->confidence, mm->rule);
  }
  /* direct edges, each also reified (rdf:Statement) with its confidence,
     rule and evidence */
  const NgRelations *R = d->rels;
  for (size_t i = 0; i < R->n_rels && !b->st; ++i) {
    const NgRelation *r = &R->rels[i];
    entity_iri(b, r->subj, s, sizeof s);
    entity_iri(b, r->obj, o, sizeof o);
    iri(b, s, REL_PROPS[r->kind], o);
    char a[2048];
    snprintf(a, sizeof a, "%sassertion/%s/rel-%zu", d->base, d->doc, i + 1);
    iri(b, a, RDF_NS "type", RDF_NS "Statement");
    iri(b, a, RDF_NS "subject", s);
    iri(b, a, RDF_NS "predicate", REL_PROPS[r->kind]);
    iri(b, a, RDF_NS "object", o);
    iri(b, a, PROV_NS "wasDerivedFrom", b->article);
    if (r->ev_end > r->ev_start) {
      span(b, r->ev_start, r->ev_end, sp, sizeof sp, 0);
      iri(b, a, NG_NS "evidence", sp);
    }
    conf(b, a, r->confidence, r->rule);
  }
  /* roles */
  for (size_t i = 0; i < R->n_roles && !b->st; ++i) {
    const NgRole *r = &R->roles[i];
    const NgEntity *pe = &d->ents->ents[r->person];
    /* role/<doc>/<person>--<title>[--former][-N]: readable and unique in the document */
    char tslug[NG_SLUG_MAX + 1];
    ng_slugify(r->title, tslug);
    if (strlen(tslug) > 40) tslug[40] = '\0';
    size_t dup_n = 1;
    for (size_t k = 0; k < i; ++k) {
      char other[NG_SLUG_MAX + 1];
      ng_slugify(R->roles[k].title, other);
      if (strlen(other) > 40) other[40] = '\0';
      if (R->roles[k].person == r->person && R->roles[k].former == r->former && strcmp(other, tslug) == 0) ++dup_n;
    }
    int n = snprintf(s, sizeof s, "%srole/%s/%s--%s%s", d->base, d->doc, pe->slug, tslug, r->former ? "--former" : "");
    if (dup_n > 1 && n > 0 && (size_t)n < sizeof s) snprintf(s + n, sizeof s - (size_t)n, "-%zu", dup_n);
    entity_iri(b, r->person, o, sizeof o);
    iri(b, s, RDF_NS "type", NG_NS "RoleAssignment");
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
    iri(b, s, PROV_NS "wasDerivedFrom", b->article);
    span(b, r->ev_start, r->ev_end, sp, sizeof sp, 0);
    iri(b, s, NG_NS "evidence", sp);
    conf(b, s, r->confidence, r->rule);
  }
  /* events */
  size_t n_meet = 0, n_visit = 0;
  for (size_t i = 0; i < R->n_events && !b->st; ++i) {
    const NgEvent *ev = &R->events[i];
    int meet = ev->kind == NG_EVENT_MEETING;
    snprintf(s, sizeof s, "%sevent/%s/%s-%zu", d->base, d->doc, meet ? "meeting" : "visit",
             meet ? ++n_meet : ++n_visit);
    iri(b, s, RDF_NS "type", meet ? NG_NS "Meeting" : NG_NS "Visit");
    /* a readable label: "Meeting: A, B (Place, date)" */
    char label[1024];
    size_t ln = (size_t)snprintf(label, sizeof label, "%s:", meet ? "Meeting" : "Visit");
    for (size_t k = 0; k < ev->n_participants; ++k) {
      entity_iri(b, ev->participants[k], o, sizeof o);
      iri(b, s, NG_NS "participant", o);
      if (ln < sizeof label - 1)
        ln += (size_t)snprintf(label + ln, sizeof label - ln, "%s %s", k ? "," : "",
                               d->ents->ents[ev->participants[k]].label);
    }
    if (ev->place >= 0) {
      entity_iri(b, ev->place, o, sizeof o);
      iri(b, s, NG_NS "eventPlace", o);
      if (ln < sizeof label - 1)
        ln += (size_t)snprintf(label + ln, sizeof label - ln, " in %s", d->ents->ents[ev->place].label);
    }
    if (ev->date[0]) {
      typed(b, s, NG_NS "eventDate", ev->date, XSD_NS "date");
      if (ln < sizeof label - 1) snprintf(label + ln, sizeof label - ln, " on %s", ev->date);
    }
    text_lit(b, s, RDFS_NS "label", label);
    iri(b, s, PROV_NS "wasDerivedFrom", b->article);
    span(b, ev->ev_start, ev->ev_end, sp, sizeof sp, 0);
    iri(b, s, NG_NS "evidence", sp);
    conf(b, s, ev->confidence, ev->rule);
  }
  /* statements */
  for (size_t i = 0; i < R->n_stmts && !b->st; ++i) {
    const NgStatement *st = &R->stmts[i];
    snprintf(s, sizeof s, "%sstatement/%s/said-%zu", d->base, d->doc, i + 1);
    iri(b, s, RDF_NS "type", NG_NS "Statement");
    entity_iri(b, st->speaker, o, sizeof o);
    iri(b, s, NG_NS "speaker", o);
    char *q = malloc(st->end - st->start + 1);
    if (!q) {
      b->st = NG_ERR_NOMEM;
      return;
    }
    memcpy(q, t->data + st->start, st->end - st->start);
    q[st->end - st->start] = '\0';
    text_lit(b, s, NG_NS "quotedText", q);
    free(q);
    iri(b, s, PROV_NS "wasDerivedFrom", b->article);
    span(b, st->start, st->end, sp, sizeof sp, 0);
    iri(b, s, NG_NS "evidence", sp);
    conf(b, s, st->confidence, st->rule);
    /* what it is about: entities mentioned inside it */
    for (size_t k = 0; k < d->rec->n_mentions; ++k) {
      const NgMention *mm = &d->rec->mentions[k];
      if (mm->entity < 0 || mm->entity == st->speaker || mm->start < st->start || mm->end > st->end) continue;
      entity_iri(b, mm->entity, o, sizeof o);
      iri(b, s, NG_NS "about", o);
    }
  }
}

NgStatus ng_graph_add_document(NgGraph *g, const NgDocument *d) {
  B b;
  memset(&b, 0, sizeof b);
  b.g = g;
  b.d = d;
  b.lang = d->meta && d->meta->language ? d->meta->language : "en";
  snprintf(b.article, sizeof b.article, "%sarticle/%s", d->base, d->doc);
  snprintf(b.context, sizeof b.context, "%s#char=0,%zu", b.article, d->text->n_chars);
  build(&b);
  return b.st;
}

/* ---- reading back ------------------------------------------------------------ */

NgStatus ng_graph_load_file(NgGraph *g, const char *path, const char *syntax) {
  librdf_parser *p = librdf_new_parser(g->world, syntax, NULL, NULL);
  if (!p) return NG_ERR_RDF;
  librdf_uri *u = librdf_new_uri_from_filename(g->world, path);
  if (!u) {
    librdf_free_parser(p);
    return NG_ERR_RDF;
  }
  g->last_error[0] = '\0';
  int rc = librdf_parser_parse_into_model(p, u, u, g->model);
  librdf_free_uri(u);
  librdf_free_parser(p);
  return rc || g->last_error[0] ? NG_ERR_RDF : NG_SUCCESS;
}

static char *dup(const char *s) {
  if (!s) return NULL;
  char *o = malloc(strlen(s) + 1);
  if (o) strcpy(o, s);
  return o;
}

static int cmp_str0(const char *a, const char *b) {
  if (!a || !b) return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int cmp_triple(const void *x, const void *y) {
  const NgTriple *a = x, *b = y;
  int c;
  if ((c = strcmp(a->s, b->s))) return c;
  if ((c = strcmp(a->p, b->p))) return c;
  if (a->o_iri != b->o_iri) return a->o_iri ? -1 : 1;
  if ((c = strcmp(a->o, b->o))) return c;
  if ((c = cmp_str0(a->datatype, b->datatype))) return c;
  return cmp_str0(a->lang, b->lang);
}

void ng_triples_free(NgTriple *t, size_t n) {
  if (!t) return;
  for (size_t i = 0; i < n; ++i) {
    free(t[i].s);
    free(t[i].p);
    free(t[i].o);
    free(t[i].datatype);
    free(t[i].lang);
  }
  free(t);
}

static char *node_string(librdf_node *n, int *is_iri, char **dt, char **lang) {
  *is_iri = 0;
  if (dt) *dt = NULL;
  if (lang) *lang = NULL;
  if (librdf_node_is_resource(n)) {
    *is_iri = 1;
    return dup((const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
  }
  if (librdf_node_is_literal(n)) {
    librdf_uri *u = librdf_node_get_literal_value_datatype_uri(n);
    if (u && dt) *dt = dup((const char *)librdf_uri_as_string(u));
    const char *l = librdf_node_get_literal_value_language(n);
    if (l && lang) *lang = dup(l);
    return dup((const char *)librdf_node_get_literal_value(n));
  }
  /* blank node: never produced by newsgraph, but readable */
  const unsigned char *id = librdf_node_get_blank_identifier(n);
  char *o = malloc(strlen((const char *)id) + 3);
  if (o) sprintf(o, "_:%s", (const char *)id);
  return o;
}

NgStatus ng_graph_triples(const NgGraph *g, NgTriple **out, size_t *n_out) {
  *out = NULL;
  *n_out = 0;
  size_t cap = ng_graph_size(g) + 1, n = 0;
  NgTriple *v = calloc(cap, sizeof *v);
  if (!v) return NG_ERR_NOMEM;
  librdf_stream *str = librdf_model_as_stream(g->model);
  if (!str) {
    free(v);
    return NG_ERR_RDF;
  }
  NgStatus st = NG_SUCCESS;
  for (; !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *x = librdf_stream_get_object(str);
    if (n == cap) {
      NgTriple *nv = realloc(v, cap * 2 * sizeof *nv);
      if (!nv) {
        st = NG_ERR_NOMEM;
        break;
      }
      memset(nv + cap, 0, cap * sizeof *nv);
      v = nv;
      cap *= 2;
    }
    int dummy;
    NgTriple *t = &v[n++];
    t->s = node_string(librdf_statement_get_subject(x), &dummy, NULL, NULL);
    t->p = node_string(librdf_statement_get_predicate(x), &dummy, NULL, NULL);
    t->o = node_string(librdf_statement_get_object(x), &t->o_iri, &t->datatype, &t->lang);
    if (!t->s || !t->p || !t->o) {
      st = NG_ERR_NOMEM;
      break;
    }
  }
  librdf_free_stream(str);
  if (st) {
    ng_triples_free(v, n);
    return st;
  }
  qsort(v, n, sizeof *v, cmp_triple);
  *out = v;
  *n_out = n;
  return NG_SUCCESS;
}

NgStatus ng_graph_query(NgGraph *g, const char *sparql, int *boolean, NgRowFn row, void *ctx, char *err, size_t es) {
  g->last_error[0] = '\0';
  librdf_query *q = librdf_new_query(g->world, "sparql", NULL, (const unsigned char *)sparql, NULL);
  if (!q) {
    if (err) snprintf(err, es, "%s", g->last_error[0] ? g->last_error : "cannot parse the query");
    return NG_ERR_SYNTAX;
  }
  librdf_query_results *res = librdf_model_query_execute(g->model, q);
  if (!res) {
    if (err) snprintf(err, es, "%s", g->last_error[0] ? g->last_error : "the query failed");
    librdf_free_query(q);
    return NG_ERR_SYNTAX;
  }
  NgStatus st = NG_SUCCESS;
  if (librdf_query_results_is_boolean(res)) {
    if (boolean) *boolean = librdf_query_results_get_boolean(res) > 0;
  } else if (librdf_query_results_is_bindings(res)) {
    int nb = librdf_query_results_get_bindings_count(res);
    size_t n = nb > 0 ? (size_t)nb : 0;
    const char **names = calloc(n + 1, sizeof *names);
    char **vals = calloc(n + 1, sizeof *vals);
    if (!names || !vals) st = NG_ERR_NOMEM;
    for (size_t i = 0; i < n && !st; ++i) names[i] = librdf_query_results_get_binding_name(res, (int)i);
    while (!st && !librdf_query_results_finished(res)) {
      for (size_t i = 0; i < n; ++i) {
        librdf_node *nd = librdf_query_results_get_binding_value(res, (int)i);
        int is_iri;
        vals[i] = nd ? node_string(nd, &is_iri, NULL, NULL) : NULL;
        if (nd) librdf_free_node(nd);
      }
      int stop = row ? row(ctx, n, names, (const char *const *)vals) : 0;
      for (size_t i = 0; i < n; ++i) {
        free(vals[i]);
        vals[i] = NULL;
      }
      if (stop) break;
      librdf_query_results_next(res);
    }
    free(names);
    free(vals);
  }
  librdf_free_query_results(res);
  librdf_free_query(q);
  return st;
}
