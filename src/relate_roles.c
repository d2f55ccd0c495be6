/* newsgraph -- relate: roles from titles ("Norwegian Foreign Minister Anna
 * Dahl"), appositions ("Anna Dahl, a senior fellow at X") and headings
 * ("Name, Title, Institution"), with the affiliations and "represents"
 * edges they give; "NAME of the Y Institute". */
#include "relate_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *dup_span(const char *s, size_t a, size_t b) {
  char *o = malloc(b - a + 6);
  if (o) ng_text_clean(s, a, b, o, b - a + 6);
  return o;
}

static int title_governs(uint8_t cls) {
  return cls == NG_TITLE_GOV || cls == NG_TITLE_DIPLOMAT || cls == NG_TITLE_LEGISLATOR || cls == NG_TITLE_ROYAL ||
         cls == NG_TITLE_MILITARY;
}

/* ---- one role ---------------------------------------------------------------- */

/* The country a role is for: named in front of the title, or (*implied)
   the one a title names by itself ("Secretary of State"), when the
   article names that country. */
static int32_t role_country(const Ctx *c, const NgTitle *T, const NgLexEntry *le, int *implied) {
  int32_t country = ng_rel_ent_of_lex(c, T->country);
  *implied = 0;
  if (country < 0 && le && le->country >= 0 && T->core_end == T->lex_end && T->org < 0) {
    country = ng_rel_ent_of_lex(c, le->country);
    *implied = country >= 0;
  }
  return country;
}

/* "pre NAME post" from the title words around the lexicon's name (the
   singular of a plural title).  Owned by the caller; NULL when out of
   memory. */
static char *singular_title(const Ctx *c, const NgTitle *T, const NgLexEntry *le) {
  char *pre = dup_span(c->s, c->t[T->core_begin].start, c->t[T->lex_begin].start);
  char *post = T->core_end > T->lex_end ? dup_span(c->s, c->t[T->lex_end].start, c->t[T->core_end - 1].end) : NULL;
  const char *sp = pre && *pre ? " " : "";
  size_t n = strlen(le->name) + (pre ? strlen(pre) : 0) + (post ? strlen(post) : 0) + 3;
  char *nt = malloc(n);
  if (nt) snprintf(nt, n, "%s%s%s%s%s", *sp ? pre : "", sp, le->name, post ? " " : "", post ? post : "");
  free(pre);
  free(post);
  return nt;
}

/* The core title as written; a plural title ("Prime Ministers X and Y")
   names each holder's title in the singular.  Owned by the caller. */
static char *role_title(const Ctx *c, const NgTitle *T, const NgLexEntry *le) {
  char *title = dup_span(c->s, c->t[T->core_begin].start, c->t[T->core_end - 1].end);
  if (!title || !le || T->lex_end <= T->lex_begin) return title;
  char *matched = dup_span(c->s, c->t[T->lex_begin].start, c->t[T->lex_end - 1].end);
  if (matched && strcmp(matched, le->name) != 0 && strcasecmp(matched, le->name) != 0) {
    char *nt = singular_title(c, T, le);
    if (nt) {
      free(title);
      title = nt;
    }
  }
  free(matched);
  return title;
}

/* ---- the same role named again ------------------------------------------------ */

/* The roles of one person, title and status form a group.  Two roles of a
   group never fit each other (else the second would have been merged into
   the first), and merging only ever adds an organization or a country to a
   role.  So a group has at most one role with each exact (organization,
   country), -1 included; the roles with one organization, or one country,
   only ever grow in number; and a role never gets its -1 back.  same_role
   looks up:
     no organization, no country: the group's first role ('F');
     an organization o only: the first with o ('O') or with none;
     a country k only: the first with k ('K') or with none;
     both: the ones with (o, k), (o, -1), (-1, k) and (-1, -1) ('E').
   The roles with no organization (no country) are listed in the order they
   were made; the list is read from the first one that still has none. */
struct NgRoleIndexImpl {
  NgStrMap *groups;  /* person, status, title -> group */
  NgStrMap *cells;   /* 'F' / 'O' / 'K' / 'E' cells of a group -> role */
  NgStrIndex *lists; /* group and 'o' / 'k' -> the roles made without an organization / country */
  uint32_t *heads;   /* per group, two per group: the first entries of its lists still to read */
  size_t n_groups, cap_groups;
};

#define NO_ROLE UINT32_MAX

static NgRoleIndex *role_index_new(void) {
  NgRoleIndex *ix = calloc(1, sizeof *ix);
  if (!ix) return NULL;
  ix->groups = ng_strmap_new();
  ix->cells = ng_strmap_new();
  ix->lists = ng_strindex_new();
  if (ix->groups && ix->cells && ix->lists) return ix;
  ng_strmap_free(ix->groups);
  ng_strmap_free(ix->cells);
  ng_strindex_free(ix->lists);
  free(ix);
  return NULL;
}

static void role_index_free(NgRoleIndex *ix) {
  if (!ix) return;
  ng_strmap_free(ix->groups);
  ng_strmap_free(ix->cells);
  ng_strindex_free(ix->lists);
  free(ix->heads);
  free(ix);
}

/* The group of r's person, status and title (made when `add` and there is
   none); NO_ROLE when none or out of memory (c->st set). */
static uint32_t role_group(Ctx *c, const NgRole *r, int add) {
  NgRoleIndex *ix = c->roles;
  size_t tl = strlen(r->title);
  char *key = malloc(5 + tl);
  uint32_t g = NO_ROLE;
  if (!key) {
    c->st = NG_ERR_NOMEM;
    return NO_ROLE;
  }
  memcpy(key, &r->person, 4);
  key[4] = (char)r->former;
  memcpy(key + 5, r->title, tl);
  if (!ng_strmap_get(ix->groups, key, 5 + tl, &g) && add) {
    uint32_t *nh = ng_rel_grow(c, ix->heads, &ix->cap_groups, ix->n_groups, 2 * sizeof *nh);
    if (nh) {
      ix->heads = nh;
      g = (uint32_t)ix->n_groups++;
      nh[2 * (size_t)g] = nh[2 * (size_t)g + 1] = NG_STRINDEX_END;
      c->st = ng_strmap_put(ix->groups, key, 5 + tl, g);
    }
  }
  free(key);
  return g;
}

/* The key of cell `tag` of group g with organization o and country k. */
static size_t cell_key(char tag, uint32_t g, int32_t o, int32_t k, char *key) {
  key[0] = tag;
  memcpy(key + 1, &g, 4);
  memcpy(key + 5, &o, 4);
  memcpy(key + 9, &k, 4);
  return 13;
}

static uint32_t cell(const NgRoleIndex *ix, char tag, uint32_t g, int32_t o, int32_t k) {
  char key[13];
  uint32_t v;
  return ng_strmap_get(ix->cells, key, cell_key(tag, g, o, k, key), &v) ? v : NO_ROLE;
}

/* Cell `tag` holds role i: always ('E'), or when it is the first ('F', 'O',
   'K'). */
static void set_cell(Ctx *c, char tag, uint32_t g, int32_t o, int32_t k, uint32_t i) {
  uint32_t v = cell(c->roles, tag, g, o, k);
  if (!c->st && (tag == 'E' || v == NO_ROLE || i < v)) {
    char key[13];
    c->st = ng_strmap_put(c->roles->cells, key, cell_key(tag, g, o, k, key), i);
  }
}

/* The first role of group g's list `which` (0: no organization, 1: no
   country) that still has none, or NO_ROLE. */
static uint32_t first_without(const Ctx *c, uint32_t g, int which) {
  NgRoleIndex *ix = c->roles;
  uint32_t *e = &ix->heads[2 * g + (uint32_t)which];
  for (; *e != NG_STRINDEX_END; *e = ng_strindex_next(ix->lists, *e)) {
    const NgRole *x = &c->out->roles[ng_strindex_value(ix->lists, *e)];
    if ((which ? x->country : x->org) < 0) return ng_strindex_value(ix->lists, *e);
  }
  return NO_ROLE;
}

static uint32_t min_role(uint32_t a, uint32_t b) { return a < b ? a : b; }

/* The same role named before (same person, title and status; org and
   country not contradicting), or NULL (see NgRoleIndexImpl). */
static NgRole *same_role(Ctx *c, const NgRole *r) {
  uint32_t g = role_group(c, r, 0), i = NO_ROLE;
  const int32_t o = r->org, k = r->country;
  if (g == NO_ROLE) return NULL;
  if (o < 0 && k < 0)
    i = cell(c->roles, 'F', g, -1, -1);
  else if (k < 0)
    i = min_role(cell(c->roles, 'O', g, o, -1), first_without(c, g, 0));
  else if (o < 0)
    i = min_role(cell(c->roles, 'K', g, -1, k), first_without(c, g, 1));
  else
    i = min_role(min_role(cell(c->roles, 'E', g, o, k), cell(c->roles, 'E', g, o, -1)),
                 min_role(cell(c->roles, 'E', g, -1, k), cell(c->roles, 'E', g, -1, -1)));
  return i == NO_ROLE ? NULL : &c->out->roles[i];
}

/* Role i of group g now has organization o and country k (o0 and k0
   before: -1 or the same). */
static void index_role(Ctx *c, uint32_t g, uint32_t i, int32_t o0, int32_t k0, int32_t o, int32_t k) {
  if (o0 != o || k0 != k) set_cell(c, 'E', g, o0, k0, NO_ROLE);
  set_cell(c, 'E', g, o, k, i);
  if (o >= 0) set_cell(c, 'O', g, o, -1, i);
  if (k >= 0) set_cell(c, 'K', g, -1, k, i);
}

/* Index the new role i (made with organization o, country k). */
static void index_new_role(Ctx *c, uint32_t g, uint32_t i, int32_t o, int32_t k) {
  NgRoleIndex *ix = c->roles;
  char key[5];
  set_cell(c, 'F', g, -1, -1, i);
  index_role(c, g, i, o, k, o, k);
  for (int which = 0; which < 2 && !c->st; ++which) {
    if ((which ? k : o) >= 0) continue;
    key[0] = which ? 'k' : 'o';
    memcpy(key + 1, &g, 4);
    c->st = ng_strindex_add(ix->lists, key, sizeof key, i);
    uint32_t *head = &ix->heads[2 * g + (uint32_t)which];
    if (*head == NG_STRINDEX_END) *head = ng_strindex_last(ix->lists, key, sizeof key); /* all before it read */
  }
}

/* Store role r (taking its strings), or merge it into the same role named
   before, keeping what each mention adds. */
static void store_role(Ctx *c, NgRole r) {
  NgRole *x = same_role(c, &r);
  if (x) {
    const int32_t o0 = x->org, k0 = x->country;
    if (x->org < 0 && r.org >= 0) x->org = r.org;
    if (x->country < 0 && r.country >= 0) {
      x->country = r.country;
      free(x->text);
      x->text = r.text;
      r.text = NULL;
    }
    index_role(c, role_group(c, x, 0), (uint32_t)(x - c->out->roles), o0, k0, x->org, x->country);
    free(r.title);
    free(r.text);
    return;
  }
  NgRelations *R = c->out;
  uint32_t g = c->st ? NO_ROLE : role_group(c, &r, 1);
  NgRole *nr = g != NO_ROLE ? ng_rel_grow(c, R->roles, &c->cap_o, R->n_roles, sizeof *nr) : NULL;
  if (!nr) {
    if (!c->st) c->st = NG_ERR_NOMEM;
    free(r.title);
    free(r.text);
    return;
  }
  R->roles = nr;
  R->roles[R->n_roles++] = r;
  index_new_role(c, g, (uint32_t)(R->n_roles - 1), r.org, r.country);
}

/* The direct edges of a role: affiliated with its organization; represents
   its country (governing titles) or its institution (officials, and heads
   of international organizations and state bodies). */
static void role_edges(Ctx *c, const NgRole *r, const NgTitle *T, int implied) {
  const int32_t person = r->person, org = r->org, country = r->country;
  const uint8_t tcls = r->title_class;
  if (org >= 0 && etype(c, org) == NG_TYPE_ORG)
    ng_rel_add(c, NG_REL_AFFILIATED, person, org, r->ev_start, r->ev_end, r->rule);
  if (!T->former && title_governs(tcls) && country >= 0 && etype(c, country) == NG_TYPE_PLACE)
    ng_rel_add_derived(c, NG_REL_REPRESENTS, person, country, r->ev_start, r->ev_end, r->confidence,
                       implied ? NG_RULE_REPRESENTS_TITLE_IMPLIES : NG_RULE_REPRESENTS_TITLE_COUNTRY);
  if (!T->former && T->org >= 0 && org >= 0 &&
      (tcls == NG_TITLE_OFFICIAL || tcls == NG_TITLE_DIPLOMAT ||
       (tcls == NG_TITLE_GOV && (ecls(c, org) == NG_CLS_INTLORG || ecls(c, org) == NG_CLS_GOVBODY))))
    ng_rel_add_derived(c, NG_REL_REPRESENTS, person, org, r->ev_start, r->ev_end, r->confidence,
                       NG_RULE_REPRESENTS_TITLE_ORG);
}

/* `person` holds title T (at `org`, or the organization named in the
   title), evidence [a, b). */
static void add_role(Ctx *c, int32_t person, const NgTitle *T, int32_t org, size_t a, size_t b, NgRule rule) {
  if (person < 0 || c->st) return;
  const NgLexEntry *le = ng_lexicon_entry(c->lex, (uint32_t)T->lex);
  uint8_t tcls = le ? le->cls : NG_TITLE_BUSINESS;
  if (tcls == NG_TITLE_HONORIFIC) return;
  int implied;
  int32_t country = role_country(c, T, le, &implied);
  if (org < 0 && T->org >= 0) org = c->rd[T->org].entity;
  NgRole r = {person,
              org,
              country,
              role_title(c, T, le),
              dup_span(c->s, c->t[T->tok_begin].start, c->t[T->tok_end - 1].end),
              T->former,
              tcls,
              a,
              b,
              ng_rule_confidence(rule),
              rule};
  if (!r.title || !r.text) {
    free(r.title);
    free(r.text);
    c->st = NG_ERR_NOMEM;
    return;
  }
  store_role(c, r);
  role_edges(c, &r, T, implied);
}

/* ---- titles before names ----------------------------------------------------- */

/* "President Xi Jinping of China": a governing title, the name, "of" and a
   country. */
static void name_of_country(Ctx *c, const NgMention *m, const NgTitle *T0) {
  const NgLexEntry *tl = ng_lexicon_entry(c->lex, (uint32_t)T0->lex);
  const NgMention *x = tok(c, m->tok_end, "of") ? mention_at(c, m->tok_end + 1) : NULL;
  if (x && entity_of(c, x) >= 0 && ecls(c, entity_of(c, x)) == NG_CLS_COUNTRY && T0->country < 0 && !T0->former && tl &&
      title_governs(tl->cls))
    ng_rel_add(c, NG_REL_REPRESENTS, entity_of(c, m), entity_of(c, x), c->t[T0->tok_begin].start, x->end,
               NG_RULE_REPRESENTS_NAME_OF_COUNTRY);
}

/* The title before person mention m: right before it, or before a comma
   (*rule tells which); -1 when none. */
static int32_t title_of(const Ctx *c, const NgMention *m, NgRule *rule) {
  size_t b = m->tok_begin;
  *rule = NG_RULE_ROLE_TITLE_BEFORE_NAME;
  if (m->title >= 0) return m->title;
  if (b >= 2 && punct(c, b - 1, ",") && ng_recognition_title_ending(c->r, b - 1) >= 0) {
    *rule = NG_RULE_ROLE_TITLE_COMMA_NAME;
    return ng_recognition_title_ending(c->r, b - 1);
  }
  if (b >= 1 && c->r->tok_title[b - 1] >= 0 && c->r->titles[c->r->tok_title[b - 1]].core_end == b)
    return c->r->tok_title[b - 1];
  return -1;
}

/* "former Presidents A and B": the person after "and" holds a plural title
   too. */
static void plural_title(Ctx *c, const NgMention *m, const NgTitle *T) {
  const NgLexEntry *le = ng_lexicon_entry(c->lex, (uint32_t)T->lex);
  if (!le || T->lex_end <= T->lex_begin || !tok(c, m->tok_end, "and")) return;
  /* plural: the title as written is not the entry's name (its singular) */
  size_t at = c->t[T->lex_begin].start, len = c->t[T->lex_end - 1].end - at;
  if (strlen(le->name) == len && strncasecmp(le->name, c->s + at, len) == 0) return;
  const NgMention *n2 = mention_at(c, m->tok_end + 1);
  if (names_a(c, n2, NG_TYPE_PERSON))
    add_role(c, entity_of(c, n2), T, -1, c->t[T->tok_begin].start, n2->end, NG_RULE_ROLE_PLURAL_TITLE);
}

/* The title before title T: "Speaker Lord X", "Chairman of the Joint
   Chiefs Gen. X", "Tanaiste and former Taoiseach, X"; -1 when none. */
static int32_t title_before_title(const Ctx *c, const NgTitle *T) {
  size_t tb = T->tok_begin;
  if (tb >= 1 && ng_recognition_title_ending(c->r, tb) >= 0) return ng_recognition_title_ending(c->r, tb);
  if (tb >= 2 && tok(c, tb - 1, "and") && c->r->tok_title[tb - 2] >= 0) return c->r->tok_title[tb - 2];
  return -1;
}

/* Pre-nominal titles of person mention m: "Norwegian Foreign Minister Anna
   Dahl", also after a comma ("British Prime Minister, Anna Dahl"), through
   an honorific ("Speaker Lord Dahl"), over "X and Y" titles, and shared by
   "A and B" after a plural title. */
static void titles_before(Ctx *c, const NgMention *m) {
  NgRule rule;
  int32_t ti = title_of(c, m, &rule);
  if (ti < 0) return;
  name_of_country(c, m, &c->r->titles[ti]);
  for (int hop = 0; hop < 3 && ti >= 0; ++hop) {
    const NgTitle *T = &c->r->titles[ti];
    add_role(c, entity_of(c, m), T, -1, c->t[T->tok_begin].start, m->end, rule);
    plural_title(c, m, T);
    ti = title_before_title(c, T);
    rule = NG_RULE_ROLE_TITLE_CHAIN;
  }
}

/* ---- appositions and headings ---------------------------------------------------- */

/* The role list after "PERSON," being read. */
typedef struct {
  int32_t person;
  size_t end;  /* the list ends here at the latest */
  int heading; /* a "Name, Title, Institution" heading */
  int32_t orgs[16];
  size_t n_orgs;
  int any; /* a role or an affiliation was found */
} Appos;

/* One segment of the list: "a senior fellow at X" up to a comma or "and". */
typedef struct {
  size_t start, k; /* where it starts; where its title or organization starts */
  int32_t owner;   /* "NAME, Lind’s adviser": another person's possessive */
  int32_t ti;      /* its title, or -1 */
  size_t seg_end;
  int32_t seg_org; /* the first organization in it, or -1 */
  int prep_ok;     /* nothing but names and prepositions after the title */
} Segment;

/* Does a title phrase (with its prefixes) begin at token k? */
static int title_begins(const Ctx *c, size_t k) { return k < c->nt && (c->r->tok_title[k] >= 0 || (c->phrase[k] & 2)); }

/* "a", "an", "the", "now", "also", "currently" before a title. */
static size_t skip_fillers(const Ctx *c, size_t k, size_t end) {
  while (k < end && (tok_i(c, k, "a") || tok_i(c, k, "an") || tok_i(c, k, "the") || (W(c, k) & NG_W_APPOSITION_ADVERB)))
    ++k;
  return k;
}

/* "NAME, Lind’s deputy national security adviser": another person's
   possessive before the title; sg->k moves past it. */
static void read_owner(const Ctx *c, const Appos *ap, Segment *sg) {
  const NgMention *pm = person_at(c, sg->k);
  if (pm && pm->tok_end < c->nt && (c->t[pm->tok_end].flags & NG_TF_POSS) && pm->tok_end + 1 < ap->end &&
      c->r->tok_title[pm->tok_end + 1] >= 0) {
    sg->owner = entity_of(c, pm);
    sg->k = pm->tok_end + 1;
  }
}

/* The title of the segment at sg->k: there, or a phrase that begins with a
   country or organization prefix at or before it; -1 when none. */
static int32_t segment_title(const Ctx *c, const Appos *ap, size_t k) {
  if (k >= ap->end) return -1;
  if (c->r->tok_title[k] >= 0) return c->r->tok_title[k];
  for (size_t q = k; q < ap->end && q < k + 6; ++q)
    if (c->r->tok_title[q] >= 0) return c->r->titles[c->r->tok_title[q]].tok_begin <= k ? c->r->tok_title[q] : -1;
  return -1;
}

/* The segment ends at a comma, semicolon or period, or at "and" before
   another title, "a", "an" or "former". */
static size_t segment_end(const Ctx *c, size_t j, size_t end) {
  size_t e = j;
  while (e < end && !punct(c, e, ",") && !punct(c, e, ";") && !punct(c, e, ".") &&
         !(tok(c, e, "and") &&
           (title_begins(c, e + 1) || tok_i(c, e + 1, "a") || (W(c, e + 1) & NG_W_FORMER) || tok_i(c, e + 1, "an"))))
    ++e;
  return e;
}

/* A word that ends a role list: not a name, possessive, connector,
   preposition or publication cue, more than three words into it. */
static int ends_list(const Ctx *c, size_t q, size_t j) {
  return c->t[q].kind == NG_TOK_WORD && !(c->t[q].flags & NG_TF_POSS) && !(W(c, q) & NG_W_CONNECTOR) &&
         !tok(c, q, "at") && !tok(c, q, "with") && !tok(c, q, "in") && !tok(c, q, "to") && !(W(c, q) & NG_W_PUB_CUE) &&
         q - j > 3;
}

/* The organizations of the segment from j ("at/of/for/with/in [the] ORG")
   into ap->orgs; sg->prep_ok is cleared by a verb or other words. */
static void segment_orgs(const Ctx *c, Appos *ap, Segment *sg, size_t j) {
  sg->prep_ok = 1;
  for (size_t q = j; q < sg->seg_end; ++q) {
    const NgMention *m = mention_at(c, q);
    if (names_a(c, m, NG_TYPE_ORG)) {
      if (sg->seg_org < 0) sg->seg_org = entity_of(c, m);
      if (ap->n_orgs < 16) ap->orgs[ap->n_orgs++] = entity_of(c, m);
      q = m->tok_end - 1;
    } else if (!m && ends_list(c, q, j)) {
      sg->prep_ok = 0;
      return;
    }
  }
}

/* An aide of a head of state or government acts for the same state (the
   owner's "represents" relations so far, in order). */
static void aide_of(Ctx *c, const Appos *ap, const Segment *sg, const NgTitle *T, size_t a, size_t b) {
  const NgLexEntry *tl = ng_lexicon_entry(c->lex, (uint32_t)T->lex);
  if (sg->owner < 0 || T->former || !tl || (tl->cls != NG_TITLE_OFFICIAL && tl->cls != NG_TITLE_GOV)) return;
  size_t n_rels = c->out->n_rels;
  for (uint32_t e = ng_rel_represents_of(c, sg->owner); e != NG_STRINDEX_END; e = ng_strindex_next(c->represents, e)) {
    uint32_t q = ng_strindex_value(c->represents, e);
    if (q >= n_rels) break;
    const NgRelation *x = &c->out->rels[q];
    if (etype(c, x->obj) == NG_TYPE_PLACE)
      ng_rel_add(c, NG_REL_REPRESENTS, ap->person, x->obj, a, b, NG_RULE_REPRESENTS_AIDE_OF);
  }
}

/* The role of a segment with a title. */
static void segment_role(Ctx *c, Appos *ap, const Segment *sg) {
  const NgTitle *T = &c->r->titles[sg->ti];
  if (T->org >= 0 && c->rd[T->org].entity >= 0 && ap->n_orgs < 16) ap->orgs[ap->n_orgs++] = c->rd[T->org].entity;
  size_t a = c->t[sg->start].start, b = c->t[(sg->seg_end > sg->start ? sg->seg_end : sg->start + 1) - 1].end;
  add_role(c, ap->person, T, sg->prep_ok ? sg->seg_org : -1, a, b,
           ap->heading ? NG_RULE_ROLE_HEADING : NG_RULE_ROLE_APPOSITION);
  aide_of(c, ap, sg, T, a, b);
}

/* Read the segment at *k; returns 0 when the list is over (*k is then
   past the fillers and the possessive that start the segment). */
static int read_segment(Ctx *c, Appos *ap, size_t *k) {
  Segment sg = {*k, skip_fillers(c, *k, ap->end), -1, -1, 0, -1, 1};
  read_owner(c, ap, &sg);
  *k = sg.k;
  sg.ti = segment_title(c, ap, sg.k);
  /* "A, Mossad Chief B, and ...": a list of people, the title is B's */
  if (sg.ti >= 0 && names_a(c, mention_at(c, c->r->titles[sg.ti].core_end), NG_TYPE_PERSON)) return 0;
  size_t j = sg.ti >= 0 ? c->r->titles[sg.ti].core_end : sg.k;
  sg.seg_end = segment_end(c, j, ap->end);
  segment_orgs(c, ap, &sg, j);
  if (sg.ti >= 0) {
    segment_role(c, ap, &sg);
  } else if (sg.seg_org >= 0 && sg.prep_ok && (ap->heading || sg.seg_end - sg.start <= 6) && sg.k == sg.start &&
             ent_at(c, sg.k) == sg.seg_org && mention_at(c, sg.k)) {
    ng_rel_add(c, NG_REL_AFFILIATED, ap->person, sg.seg_org, c->t[sg.start].start, c->t[sg.seg_end - 1].end,
               NG_RULE_AFFILIATION_APPOSITION_BARE);
  } else {
    return 0;
  }
  ap->any = 1;
  if (!sg.prep_ok) return 0;
  for (size_t q = 0; q < ap->n_orgs; ++q)
    ng_rel_add(c, NG_REL_AFFILIATED, ap->person, ap->orgs[q], c->t[sg.start].start, c->t[sg.seg_end - 1].end,
               ap->heading ? NG_RULE_AFFILIATION_HEADING : NG_RULE_AFFILIATION_APPOSITION);
  *k = sg.seg_end;
  return 1;
}

/* Units named in one person's block belong to the one larger institution
   there. */
static void block_units(Ctx *c, const int32_t *orgs, size_t n, size_t a, size_t b) {
  int32_t parent = -1;
  int n_parent = 0, has_univ = 0;
  for (size_t i = 0; i < n; ++i) has_univ |= ecls(c, orgs[i]) == NG_CLS_UNIVERSITY;
  for (size_t i = 0; i < n; ++i) {
    int unit = ecls(c, orgs[i]) == NG_CLS_UNIT || (has_univ && ecls(c, orgs[i]) == NG_CLS_THINKTANK);
    if (!unit && orgs[i] != parent) {
      parent = orgs[i];
      ++n_parent;
    }
  }
  if (n_parent != 1) return;
  for (size_t i = 0; i < n; ++i) {
    int unit = ecls(c, orgs[i]) == NG_CLS_UNIT || (has_univ && ecls(c, orgs[i]) == NG_CLS_THINKTANK);
    if (unit) ng_rel_add(c, NG_REL_PART_OF, orgs[i], parent, a, b, NG_RULE_PARTOF_UNIT_IN_AFFILIATION);
  }
}

/* The role list after "PERSON," from token k up to `end`. */
static void apposition(Ctx *c, int32_t person, size_t k, size_t end, int heading) {
  Appos ap = {.person = person, .end = end, .heading = heading};
  size_t start = k;
  while (k < end && !c->st && read_segment(c, &ap, &k)) {
    if (k >= end || !(punct(c, k, ",") || tok(c, k, "and"))) break;
    ++k;
    if (tok(c, k, "and")) ++k;
  }
  if (ap.any) block_units(c, ap.orgs, ap.n_orgs, c->t[start].start, c->t[k > start ? k - 1 : start].end);
}

/* Headings ("Name, Title, Institution") and appositions ("Name, Title at
   Institution") in paragraph P. */
static void appositions_in(Ctx *c, const NgSpan *P) {
  int heading = ng_rel_is_heading(c, P);
  for (size_t k = P->tok_begin; k < P->tok_end; ++k) {
    const NgMention *m = person_at(c, k);
    if (!m) continue;
    k = m->tok_end - 1;
    size_t after = m->tok_end;
    if (after < P->tok_end && (c->t[after].flags & NG_TF_POSS)) continue;
    if (!punct(c, after, ",")) continue;
    apposition(c, entity_of(c, m), after + 1, heading ? P->tok_end : sent_end(c, after),
               heading && m->tok_begin == P->tok_begin);
  }
}

void ng_rel_roles(Ctx *c) {
  if (!(c->roles = role_index_new())) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  for (size_t i = 0; i < c->r->n_mentions && !c->st; ++i) {
    const NgMention *m = &c->r->mentions[i];
    if (names_a(c, m, NG_TYPE_PERSON) && !(m->flags & NG_MF_NESTED)) titles_before(c, m);
  }
  for (size_t p = 0; p < c->seg->n_paras && !c->st; ++p) appositions_in(c, &c->seg->paras[p]);
  role_index_free(c->roles);
  c->roles = NULL;
}

/* ---- "Y's NAME" -------------------------------------------------------------------- */

/* "Fjord Radio's Lena Marsh": an organization's possessive right before a
   person's name; the person is affiliated with it (a country's or a
   person's possessive is no affiliation). */
static void org_possessive(Ctx *c, const NgMention *m) {
  size_t b = m->tok_begin;
  if (b < 2 || !(c->t[b - 1].flags & NG_TF_POSS)) return;
  const NgMention *o = mention_at(c, b - 2);
  if (!names_a(c, o, NG_TYPE_ORG) || o->tok_end != b - 1) return;
  ng_rel_add(c, NG_REL_AFFILIATED, entity_of(c, m), entity_of(c, o), o->start, m->end,
             NG_RULE_AFFILIATION_ORG_POSSESSIVE);
}

/* ---- "NAME of the Y Institute" ------------------------------------------------------ */

/* "said Debra Olsen of the Oslo-based Fjord Institute": a person's name
   followed by "of" and an organization (a "Place-based" in between is
   allowed) is affiliated with it. */
void ng_rel_name_of_org(Ctx *c) {
  for (size_t i = 0; i < c->r->n_mentions && !c->st; ++i) {
    const NgMention *m = &c->r->mentions[i];
    if (!names_a(c, m, NG_TYPE_PERSON) || (m->flags & NG_MF_NESTED)) continue;
    org_possessive(c, m);
    size_t k = m->tok_end;
    if (!tok(c, k, "of")) continue;
    ++k;
    if (tok_i(c, k, "the")) ++k;
    const NgMention *x = mention_at(c, k);
    if (names_a(c, x, NG_TYPE_PLACE) && punct(c, x->tok_end, "-") && (W(c, x->tok_end + 1) & NG_W_LOCATED_PARTICIPLE) &&
        is_lower_word(c, x->tok_end + 1))
      x = mention_at(c, x->tok_end + 2);
    if (!names_a(c, x, NG_TYPE_ORG)) continue;
    ng_rel_add(c, NG_REL_AFFILIATED, entity_of(c, m), entity_of(c, x), m->start, x->end,
               NG_RULE_AFFILIATION_NAME_OF_ORG);
  }
}
