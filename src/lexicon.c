#include "lexicon.h"

#include "builtin_data.h"
#include "strmap.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAME_TOKENS 12

typedef struct {
  uint32_t entry;
  uint32_t next;    /* next alias with the same key, or UINT32_MAX */
  uint16_t caps;    /* bit i: token i must be capitalized */
  uint16_t allcaps; /* bit i: token i must be all capitals */
} Alias;

typedef struct {
  NgWordFlags flags;
  uint8_t head_cls; /* NgClass implied by an org head word */
  uint8_t month;    /* 1-12 for a month word, else 0 */
} Word;

struct NgLexiconImpl {
  char **bufs;
  size_t n_bufs;
  NgLexEntry *entries;
  size_t n, cap;
  Alias *aliases;
  size_t n_alias, cap_alias;
  NgStrMap *names;    /* key -> first alias */
  NgStrMap *prefixes; /* every proper token prefix of a key (value unused) */
  Word *words;
  size_t n_words, cap_words;
  NgStrMap *wordmap; /* lowercase word -> index in words */
  NgStrMap *iso;     /* iso2 -> country entry */
  NgSegVocab *segv;  /* the segmenter's words (segment.tsv) */
  size_t max_ntok;
};

static const char *const EMPTY = "";

size_t ng_lexicon_token_key(const char *text, const NgToken *t, char *buf) {
  size_t n = 0;
  for (size_t i = t->start; i < t->end;) {
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) { /* ASCII: lower-case it, keep the rest ('\'' and '-' are their own keys) */
      buf[n++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    size_t k;
    uint32_t c = ng_utf8_decode(text + i, t->end - i, &k);
    if (c >= 'A' && c <= 'Z') {
      buf[n++] = (char)(c + 32);
    } else if (ng_uc_is_apostrophe(c)) {
      buf[n++] = '\'';
    } else if (ng_uc_is_hyphen(c) || c == 0x2013) {
      buf[n++] = '-';
    } else if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x410 && c <= 0x42F)) {
      n += ng_utf8_encode(c + 32, buf + n); /* Latin-1 and Cyrillic capitals */
    } else {
      memcpy(buf + n, text + i, k);
      n += k;
    }
    i += k;
  }
  return n;
}

/* ---- building ---------------------------------------------------------- */

static int32_t add_entry(NgLexicon *lx, const NgLexEntry *e) {
  if (lx->n == lx->cap) {
    size_t nc = lx->cap ? lx->cap * 2 : 1024;
    NgLexEntry *ne = realloc(lx->entries, nc * sizeof *ne);
    if (!ne) return -1;
    lx->entries = ne;
    lx->cap = nc;
  }
  lx->entries[lx->n] = *e;
  return (int32_t)lx->n++;
}

/* Register `surface` as a name of entry `idx`. */
static NgStatus add_word_key(NgLexicon *lx, const char *key, size_t kn, NgWordFlags flags, uint8_t cls, uint8_t month);

/* The key of the name tokenized as `seg` (tokens joined by one space), its
   case pattern into *a; every proper token prefix of the key is recorded,
   and the first word gets NG_W_NAME_START (NG_W_TITLE_START for a title).
   Returns the key's length, 0 when a token is too long to keep. */
static size_t alias_key(NgLexicon *lx, const char *surface, const NgSegments *seg, Alias *a, char *key, NgStatus *st) {
  size_t kn = 0;
  for (size_t i = 0; i < seg->n_toks && !*st; ++i) {
    const NgToken *t = &seg->toks[i];
    if (t->end - t->start > 200) return 0;
    if (i) {
      *st = ng_strmap_put(lx->prefixes, key, kn, 0);
      key[kn++] = ' ';
    }
    kn += ng_lexicon_token_key(surface, t, key + kn);
    if (i == 0 && !*st) {
      NgWordFlags f = NG_W_NAME_START | (lx->entries[a->entry].kind == NG_LEX_TITLE ? NG_W_TITLE_START : 0);
      *st = add_word_key(lx, key, kn, f, NG_CLS_ORGANIZATION, 0);
    }
    if (t->flags & NG_TF_ALLCAPS)
      a->allcaps |= (uint16_t)(1u << i);
    else if (t->flags & NG_TF_CAP)
      a->caps |= (uint16_t)(1u << i);
  }
  return kn;
}

/* Append alias a under key[0..kn), after the aliases already there (data-
   file order within a bucket), unless the same entry with the same case
   pattern is there. */
static NgStatus store_alias(NgLexicon *lx, const char *key, size_t kn, Alias a) {
  uint32_t head;
  int chained = ng_strmap_get(lx->names, key, kn, &head);
  for (uint32_t j = chained ? head : UINT32_MAX; j != UINT32_MAX; j = lx->aliases[j].next)
    if (lx->aliases[j].entry == a.entry && lx->aliases[j].caps == a.caps && lx->aliases[j].allcaps == a.allcaps)
      return NG_SUCCESS;
  if (lx->n_alias == lx->cap_alias) {
    size_t nc = lx->cap_alias ? lx->cap_alias * 2 : 2048;
    Alias *na = realloc(lx->aliases, nc * sizeof *na);
    if (!na) return NG_ERR_NOMEM;
    lx->aliases = na;
    lx->cap_alias = nc;
  }
  uint32_t me = (uint32_t)lx->n_alias;
  a.next = UINT32_MAX;
  lx->aliases[lx->n_alias++] = a;
  if (!chained) return ng_strmap_put(lx->names, key, kn, me);
  uint32_t j = head;
  while (lx->aliases[j].next != UINT32_MAX) j = lx->aliases[j].next;
  lx->aliases[j].next = me;
  return NG_SUCCESS;
}

/* Register `surface` as a name of entry `idx`. */
static NgStatus add_alias(NgLexicon *lx, const char *surface, uint32_t idx) {
  size_t slen = strlen(surface);
  if (!slen) return NG_SUCCESS;
  NgSegments *seg = NULL;
  NgStatus st = ng_segment(surface, slen, lx->segv, &seg);
  if (st) return st;
  char key[1024];
  Alias a = {idx, UINT32_MAX, 0, 0};
  size_t kn = 0;
  if (seg->n_toks > 0 && seg->n_toks <= MAX_NAME_TOKENS) kn = alias_key(lx, surface, seg, &a, key, &st);
  if (kn && !st && seg->n_toks > lx->max_ntok) lx->max_ntok = seg->n_toks;
  ng_segments_free(seg);
  return st || !kn ? st : store_alias(lx, key, kn, a);
}

/* Add `flags` to the word with key[0..kn) (see ng_lexicon_token_key);
   `cls` is the class of an org head, `month` a month's number (or 0). */
static NgStatus add_word_key(NgLexicon *lx, const char *key, size_t kn, NgWordFlags flags, uint8_t cls, uint8_t month) {
  uint32_t i;
  if (ng_strmap_get(lx->wordmap, key, kn, &i)) {
    lx->words[i].flags |= flags;
    if (flags & NG_W_ORG_HEAD) lx->words[i].head_cls = cls;
    if (month) lx->words[i].month = month;
    return NG_SUCCESS;
  }
  if (lx->n_words == lx->cap_words) {
    size_t nc = lx->cap_words ? lx->cap_words * 2 : 4096;
    Word *nw = realloc(lx->words, nc * sizeof *nw);
    if (!nw) return NG_ERR_NOMEM;
    lx->words = nw;
    lx->cap_words = nc;
  }
  lx->words[lx->n_words] = (Word){flags, cls, month};
  return ng_strmap_put(lx->wordmap, key, kn, (uint32_t)lx->n_words++);
}

static NgStatus add_word(NgLexicon *lx, const char *w, NgWordFlags flags, uint8_t cls, uint8_t month) {
  char key[256];
  size_t n = strlen(w);
  if (!n || n >= sizeof key / 2) return NG_SUCCESS;
  NgToken t = {0, (uint32_t)n, 0, 0, 0, NG_TOK_WORD}; /* n < 128 */
  size_t kn = ng_lexicon_token_key(w, &t, key);
  return add_word_key(lx, key, kn, flags, cls, month);
}

/* Split line in place on TABs into at most max columns; missing ones are
   "" (the end of the line, which lives as long as the line). */
static size_t split_cols(char *line, char **cols, size_t max) {
  size_t n = 0;
  if (!max) return 0;
  char *p = line;
  while (n < max) {
    cols[n++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = '\0';
    p = tab + 1;
  }
  size_t got = n;
  char *end = cols[got - 1] + strlen(cols[got - 1]);
  while (n < max) cols[n++] = end;
  return got;
}

typedef NgStatus (*LineFn)(NgLexicon *lx, char **cols, size_t ncols, char *err, size_t err_size);

static NgStatus add_names(NgLexicon *lx, uint32_t idx, const char *name, char *aliases) {
  NgStatus st = add_alias(lx, name, idx);
  for (char *a = aliases; !st && a && *a;) {
    char *bar = strchr(a, '|');
    if (bar) *bar = '\0';
    st = add_alias(lx, a, idx);
    a = bar ? bar + 1 : NULL;
  }
  return st;
}

/* Empty, or [+-]digits.digits: an xsd:decimal that Turtle writers can
   write bare and read back as a decimal (raptor writes "51"^^xsd:decimal
   as 51, an integer: found by fuzzing). */
static int coordinate_ok(const char *v) {
  if (!*v) return 1;
  v += *v == '+' || *v == '-';
  size_t a = strspn(v, "0123456789");
  if (!a || v[a] != '.') return 0;
  size_t b = strspn(v + a + 1, "0123456789");
  return b && !v[a + 1 + b];
}

/* Empty, or 'Q' and digits: what becomes wd:ID (raptor's Turtle writer
   abbreviates any IRI in the wd: namespace, "Q1." too, which no reader
   takes back). */
static int wikidata_ok(const char *v) { return !*v || (v[0] == 'Q' && v[1] && !v[1 + strspn(v + 1, "0123456789")]); }

/* Add the gazetteer entry e after checking the identifiers and coordinates
   it brings into the graph; *idx is its index. */
static NgStatus add_checked(NgLexicon *lx, const NgLexEntry *e, int32_t *idx, char *err, size_t es) {
  if (!wikidata_ok(e->wikidata) || e->geonames[strspn(e->geonames, "0123456789")]) {
    snprintf(err, es, "identifiers '%s' '%s' are not a Wikidata ID (Q84) and a GeoNames number", e->wikidata,
             e->geonames);
    return NG_ERR_SYNTAX;
  }
  if (!coordinate_ok(e->lat) || !coordinate_ok(e->lon)) {
    snprintf(err, es, "coordinates '%s' '%s' are not decimals with a point (51.5074)", e->lat, e->lon);
    return NG_ERR_SYNTAX;
  }
  *idx = add_entry(lx, e);
  return *idx < 0 ? NG_ERR_NOMEM : NG_SUCCESS;
}

static NgStatus line_country(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  NgLexEntry e = {c[1], c[4], EMPTY, c[0], EMPTY, EMPTY, -1, NG_LEX_PLACE, NG_CLS_COUNTRY, 0};
  int32_t idx;
  NgStatus added = add_checked(lx, &e, &idx, err, es);
  if (added) return added;
  lx->entries[idx].country = idx;
  NgStatus st = ng_strmap_put(lx->iso, c[0], strlen(c[0]), (uint32_t)idx);
  if (!st) st = add_names(lx, (uint32_t)idx, c[1], c[2]);
  for (char *d = c[3]; !st && d && *d;) {
    char *bar = strchr(d, '|');
    if (bar) *bar = '\0';
    NgLexEntry de = {d, EMPTY, EMPTY, c[0], EMPTY, EMPTY, idx, NG_LEX_DEMONYM, NG_CLS_COUNTRY, 0};
    int32_t di = add_entry(lx, &de);
    if (di < 0) return NG_ERR_NOMEM;
    st = add_alias(lx, d, (uint32_t)di);
    d = bar ? bar + 1 : NULL;
  }
  return st;
}

static int32_t iso_country(const NgLexicon *lx, const char *iso) {
  uint32_t v;
  if (iso && *iso && ng_strmap_get(lx->iso, iso, strlen(iso), &v)) return (int32_t)v;
  return -1;
}

static NgStatus line_city(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  NgLexEntry e = {
      c[0], c[3], c[4], c[2], c[5], c[6], iso_country(lx, c[2]), NG_LEX_PLACE, NG_CLS_CITY, (uint8_t)(c[8][0] == '1')};
  int32_t idx;
  NgStatus added = add_checked(lx, &e, &idx, err, es);
  if (added) return added;
  return add_names(lx, (uint32_t)idx, c[0], c[1]);
}

static NgStatus line_region(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  NgLexEntry e = {c[0], c[4], EMPTY, c[3], EMPTY, EMPTY, iso_country(lx, c[3]), NG_LEX_PLACE, NG_CLS_REGION, 0};
  int32_t idx;
  NgStatus added = add_checked(lx, &e, &idx, err, es);
  if (added) return added;
  return add_names(lx, (uint32_t)idx, c[0], c[1]);
}

static NgStatus line_org(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  NgClass cls = ng_class_parse(c[2]);
  if (cls == NG_CLS_COUNT || ng_class_type(cls) != NG_TYPE_ORG) {
    snprintf(err, es, "unknown organization class '%s'", c[2]);
    return NG_ERR_SYNTAX;
  }
  NgLexEntry e = {c[0], c[3], EMPTY, c[4], EMPTY, EMPTY, iso_country(lx, c[4]), NG_LEX_ORG, (uint8_t)cls, 0};
  int32_t idx;
  NgStatus added = add_checked(lx, &e, &idx, err, es);
  if (added) return added;
  return add_names(lx, (uint32_t)idx, c[0], c[1]);
}

static const char *const TITLE_CLASSES[NG_TITLE_COUNT] = {"government", "diplomat", "legislator", "official",
                                                          "military",   "academic", "media",      "business",
                                                          "religious",  "royal",    "honorific"};

static NgStatus line_title(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  int cls = -1;
  for (int i = 0; i < NG_TITLE_COUNT; ++i)
    if (strcmp(c[1], TITLE_CLASSES[i]) == 0) cls = i;
  if (cls < 0) {
    snprintf(err, es, "unknown title class '%s'", c[1]);
    return NG_ERR_SYNTAX;
  }
  /* third column: the singular of a plural title ("Presidents" -> "President");
     fourth: the country whose office the title alone names ("Taoiseach") */
  int32_t country = -1;
  if (n > 3 && c[3][0] && (country = iso_country(lx, c[3])) < 0) {
    snprintf(err, es, "unknown country '%s'", c[3]);
    return NG_ERR_SYNTAX;
  }
  NgLexEntry e = {c[2][0] ? c[2] : c[0], EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, country, NG_LEX_TITLE, (uint8_t)cls, 0};
  int32_t idx = add_entry(lx, &e);
  if (idx < 0) return NG_ERR_NOMEM;
  return add_alias(lx, c[0], (uint32_t)idx);
}

static const struct {
  const char *name;
  NgWordFlags flag;
} ROLES[] = {{"org", NG_W_ORG_HEAD},
             {"org-in", NG_W_ORG_HEAD | NG_W_ORG_IN},
             {"unit", NG_W_ORG_HEAD | NG_W_UNIT},
             {"agreement", NG_W_AGR_HEAD},
             {"agreement-mod", NG_W_AGR_MOD},
             {"facility", NG_W_FACILITY},
             {"event", NG_W_EVENT},
             {"publication", NG_W_PUB_CUE},
             {"title-mod", NG_W_TITLE_MOD},
             {"compass", NG_W_COMPASS},
             {"connector", NG_W_CONNECTOR},
             {"particle", NG_W_CONNECTOR | NG_W_PARTICLE},
             {"travel", NG_W_TRAVEL},
             {"month", NG_W_MONTH},
             {"weekday", NG_W_WEEKDAY},
             {"meet", NG_W_MEET},
             {"visit", NG_W_VISIT},
             {"say", NG_W_SAY},
             {"negation", NG_W_NEGATION},
             {"hedge", NG_W_HEDGE},
             {"party-verb", NG_W_PARTY_VERB},
             {"gov-body", NG_W_GOV_BODY},
             {"portfolio", NG_W_PORTFOLIO},
             {"adjective", NG_W_ADJECTIVE},
             {"place-head", NG_W_PLACE_HEAD},
             {"stop", NG_W_STOP},
             {"title-suffix", NG_W_TITLE_SUFFIX},
             {"title-hyphen-suffix", NG_W_TITLE_HYPHEN_SUFFIX},
             {"title-descriptor", NG_W_TITLE_DESCRIPTOR},
             {"former", NG_W_FORMER},
             {"then", NG_W_THEN},
             {"former-prefix", NG_W_FORMER_PREFIX},
             {"title-prefix", NG_W_TITLE_PREFIX},
             {"caption", NG_W_CAPTION},
             {"credit", NG_W_CREDIT},
             {"article-prefix", NG_W_ARTICLE_PREFIX},
             {"place-prefix", NG_W_PLACE_PREFIX},
             {"administration", NG_W_ADMINISTRATION},
             {"based", NG_W_BASED},
             {"located-participle", NG_W_LOCATED_PARTICIPLE},
             {"apposition-adverb", NG_W_APPOSITION_ADVERB},
             {"meet-object", NG_W_MEET_OBJECT},
             {"host-passive", NG_W_HOST_PASSIVE},
             {"compound-tail", NG_W_COMPOUND_TAIL}};

/* The month number in the third column of a month row. */
static NgStatus month_number(const char *col, uint8_t *month, char *err, size_t es) {
  char *end = NULL;
  long v = strtol(col, &end, 10);
  if (end == col || *end || v < 1 || v > 12) {
    snprintf(err, es, "month number '%s' is not 1-12", col);
    return NG_ERR_SYNTAX;
  }
  *month = (uint8_t)v;
  return NG_SUCCESS;
}

static NgStatus line_head(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  NgWordFlags flag = 0;
  for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; ++i)
    if (strcmp(c[1], ROLES[i].name) == 0) flag = ROLES[i].flag;
  if (!flag) {
    snprintf(err, es, "unknown word role '%s'", c[1]);
    return NG_ERR_SYNTAX;
  }
  NgClass cls = NG_CLS_ORGANIZATION;
  if (flag & NG_W_ORG_HEAD && c[2][0]) {
    cls = ng_class_parse(c[2]);
    if (cls == NG_CLS_COUNT) {
      snprintf(err, es, "unknown class '%s'", c[2]);
      return NG_ERR_SYNTAX;
    }
  }
  uint8_t month = 0;
  if (flag == NG_W_MONTH) {
    NgStatus st = month_number(c[2], &month, err, es);
    if (st) return st;
  }
  return add_word(lx, c[0], flag, (uint8_t)cls, month);
}

static NgStatus line_segment(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  static const struct {
    const char *name;
    unsigned roles;
  } SEG_ROLES[] = {{"abbreviation", NG_SEG_ABBREV},
                   {"name-abbreviation", NG_SEG_ABBREV | NG_SEG_NAME_ABBREV},
                   {"opener", NG_SEG_OPENER}};
  for (size_t i = 0; i < sizeof SEG_ROLES / sizeof SEG_ROLES[0]; ++i)
    if (strcmp(c[1], SEG_ROLES[i].name) == 0) return ng_seg_vocab_add(lx->segv, c[0], strlen(c[0]), SEG_ROLES[i].roles);
  snprintf(err, es, "unknown segmenter role '%s'", c[1]);
  return NG_ERR_SYNTAX;
}

static NgStatus line_stop(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  (void)err;
  (void)es;
  return add_word(lx, c[0], NG_W_STOP, NG_CLS_ORGANIZATION, 0);
}

static NgStatus line_given(NgLexicon *lx, char **c, size_t n, char *err, size_t es) {
  (void)n;
  (void)err;
  (void)es;
  return add_word(lx, c[0], NG_W_GIVEN, NG_CLS_ORGANIZATION, 0);
}

static const struct {
  const char *file;
  LineFn fn;
  size_t cols;
  int required;
} FILES[] = {{"segment.tsv", line_segment, 2, 1},     {"countries.tsv", line_country, 6, 1},
             {"cities.tsv", line_city, 9, 1},         {"regions.tsv", line_region, 5, 1},
             {"subdivisions.tsv", line_region, 5, 0}, {"organizations.tsv", line_org, 5, 1},
             {"titles.tsv", line_title, 4, 1},        {"words.tsv", line_head, 3, 1},
             {"stopwords.txt", line_stop, 1, 1},      {"given-names.txt", line_given, 1, 1}};

/* A copy of data[0..len), NUL-terminated, kept by the lexicon (entries
   point into it); NULL when out of memory. */
static char *keep_copy(NgLexicon *lx, const unsigned char *data, size_t len) {
  char *buf = malloc(len + 1);
  char **nb = buf ? realloc(lx->bufs, (lx->n_bufs + 1) * sizeof *nb) : NULL;
  if (!nb) {
    free(buf);
    return NULL;
  }
  memcpy(buf, data, len);
  buf[len] = '\0';
  lx->bufs = nb;
  lx->bufs[lx->n_bufs++] = buf;
  return buf;
}

/* One line of a data file (CR, LF and comments already gone): its columns
   to `fn`; on error `err` receives "file:line: problem". */
static NgStatus load_line(NgLexicon *lx, char *line, const char *fname, size_t lineno, LineFn fn, size_t ncols,
                          char *err, size_t es) {
  char *cols[12];
  char msg[200] = "";
  size_t got = split_cols(line, cols, ncols);
  NgStatus st = got ? fn(lx, cols, got, msg, sizeof msg) : NG_SUCCESS;
  if (st && err && es) snprintf(err, es, "%s:%zu: %s", fname, lineno, msg[0] ? msg : ng_strerror(st));
  return st;
}

static NgStatus load_buffer(NgLexicon *lx, const char *fname, LineFn fn, size_t ncols, const unsigned char *data,
                            size_t len, char *err, size_t es) {
  char *buf = keep_copy(lx, data, len);
  if (!buf) return NG_ERR_NOMEM;
  size_t lineno = 0;
  NgStatus st = NG_SUCCESS;
  for (char *line = buf; !st && line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    ++lineno;
    size_t ll = strlen(line);
    if (ll && line[ll - 1] == '\r') line[--ll] = '\0';
    if (ll && line[0] != '#') st = load_line(lx, line, fname, lineno, fn, ncols, err, es);
    line = nl ? nl + 1 : NULL;
  }
  return st;
}

static NgLexicon *lex_new(void) {
  NgLexicon *lx = calloc(1, sizeof *lx);
  if (!lx) return NULL;
  lx->names = ng_strmap_new();
  lx->prefixes = ng_strmap_new();
  lx->wordmap = ng_strmap_new();
  lx->iso = ng_strmap_new();
  lx->segv = ng_seg_vocab_new();
  if (!lx->names || !lx->prefixes || !lx->wordmap || !lx->iso || !lx->segv) {
    ng_lexicon_free(lx);
    return NULL;
  }
  return lx;
}

/* Get data file `file`: *data and *len; *owned receives a buffer for the
   caller to free (NULL when *data is static). */
typedef NgStatus (*Fetch)(const void *ctx, const char *file, const unsigned char **data, size_t *len,
                          unsigned char **owned);

static NgStatus load_all(Fetch fetch, const void *ctx, NgLexicon **out, char *err, size_t es) {
  *out = NULL;
  if (err && es) err[0] = '\0';
  NgLexicon *lx = lex_new();
  if (!lx) return NG_ERR_NOMEM;
  for (size_t f = 0; f < sizeof FILES / sizeof FILES[0]; ++f) {
    const unsigned char *data = NULL;
    size_t len = 0;
    unsigned char *owned = NULL;
    NgStatus st = fetch(ctx, FILES[f].file, &data, &len, &owned);
    if (st == NG_ERR_NOENT && !FILES[f].required) continue;
    if (st) {
      if (err && es) snprintf(err, es, "%s: %s", FILES[f].file, ng_strerror(st));
      ng_lexicon_free(lx);
      return st;
    }
    st = load_buffer(lx, FILES[f].file, FILES[f].fn, FILES[f].cols, data, len, err, es);
    free(owned);
    if (st) {
      ng_lexicon_free(lx);
      return st;
    }
  }
  *out = lx;
  return NG_SUCCESS;
}

static NgStatus fetch_builtin(const void *ctx, const char *file, const unsigned char **data, size_t *len,
                              unsigned char **owned) {
  (void)ctx;
  for (size_t i = 0; i < ng_builtin_data_count; ++i) {
    if (strcmp(ng_builtin_data[i].name, file) == 0) {
      *data = ng_builtin_data[i].data;
      *len = ng_builtin_data[i].len;
      *owned = NULL;
      return NG_SUCCESS;
    }
  }
  return NG_ERR_NOENT;
}

/* The whole of stream f in a new buffer owned by the caller; NULL when out
   of memory. */
static unsigned char *read_stream(FILE *f, size_t *n) {
  size_t cap = 1 << 16;
  unsigned char *b = malloc(cap);
  *n = 0;
  while (b) {
    size_t got = fread(b + *n, 1, cap - *n, f);
    *n += got;
    if (!got) return b;
    if (*n == cap) {
      unsigned char *nb = realloc(b, cap *= 2);
      if (!nb) free(b);
      b = nb;
    }
  }
  return NULL;
}

static NgStatus fetch_dir(const void *ctx, const char *file, const unsigned char **data, size_t *len,
                          unsigned char **owned) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", (const char *)ctx, file);
  FILE *f = fopen(path, "rb");
  if (!f) return NG_ERR_NOENT;
  size_t n = 0;
  unsigned char *b = read_stream(f, &n);
  int bad = ferror(f);
  fclose(f);
  if (!b) return NG_ERR_NOMEM;
  if (bad) {
    free(b);
    return NG_ERR_IO;
  }
  *data = b;
  *len = n;
  *owned = b;
  return NG_SUCCESS;
}

NgStatus ng_lexicon_load_builtin(NgLexicon **out, char *err, size_t es) {
  return load_all(fetch_builtin, NULL, out, err, es);
}

NgStatus ng_lexicon_load_dir(const char *dir, NgLexicon **out, char *err, size_t es) {
  return load_all(fetch_dir, dir, out, err, es);
}

void ng_lexicon_free(NgLexicon *lx) {
  if (!lx) return;
  for (size_t i = 0; i < lx->n_bufs; ++i) free(lx->bufs[i]);
  free(lx->bufs);
  free(lx->entries);
  free(lx->aliases);
  free(lx->words);
  ng_strmap_free(lx->names);
  ng_strmap_free(lx->prefixes);
  ng_strmap_free(lx->wordmap);
  ng_strmap_free(lx->iso);
  ng_seg_vocab_free(lx->segv);
  free(lx);
}

const NgLexEntry *ng_lexicon_entry(const NgLexicon *lx, uint32_t i) { return i < lx->n ? &lx->entries[i] : NULL; }

size_t ng_lexicon_size(const NgLexicon *lx) { return lx->n; }

int32_t ng_lexicon_country(const NgLexicon *lx, const char *iso2) { return iso_country(lx, iso2); }

/* ---- matching ---------------------------------------------------------- */

/* The keys of tokens from..from+k (k = 1, 2, ...) into key, their lengths
   into lens[k]; stops after the first one no name starts with.  Returns
   the number of tokens read. */
static size_t match_keys(const NgLexicon *lx, const char *text, const NgToken *toks, size_t from, size_t to, char *key,
                         size_t *lens) {
  size_t kn = 0, k;
  size_t max = lx->max_ntok;
  if (max > MAX_NAME_TOKENS) max = MAX_NAME_TOKENS;
  for (k = 0; k < max && from + k < to; ++k) {
    const NgToken *t = &toks[from + k];
    if (t->end - t->start > 120) break;
    if (k) key[kn++] = ' '; /* one space between tokens, as the keys have */
    kn += ng_lexicon_token_key(text, t, key + kn);
    lens[k + 1] = kn;
    /* stop as soon as no name starts with these tokens (a possessive goes
       on only where a name has one: "People's Liberation Army", not
       "Russia's") */
    uint32_t dummy;
    if (!ng_strmap_get(lx->prefixes, key, kn, &dummy)) return k + 1;
  }
  return k;
}

/* Do the `len` tokens at toks have the capitals alias `al` needs? */
static int case_fits(const Alias *al, const NgLexEntry *e, const NgToken *toks, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    if ((al->allcaps >> i) & 1) {
      if (!(toks[i].flags & NG_TF_ALLCAPS)) return 0;
    } else if (((al->caps >> i) & 1) && e->kind != NG_LEX_TITLE && !(toks[i].flags & NG_TF_CAP)) {
      return 0;
    }
  }
  return 1;
}

/* The entries of kinds `kind_mask` among the aliases from `a` that fit the
   `len` tokens at toks, into m (once each, at most NG_LEX_MAX_HITS). */
static void collect_hits(const NgLexicon *lx, uint32_t a, const NgToken *toks, size_t len, unsigned kind_mask,
                         NgLexMatch *m) {
  for (; a != UINT32_MAX; a = lx->aliases[a].next) {
    const Alias *al = &lx->aliases[a];
    const NgLexEntry *e = &lx->entries[al->entry];
    if (!(kind_mask & (1u << e->kind)) || !case_fits(al, e, toks, len)) continue;
    int dup = 0;
    for (size_t j = 0; j < m->n; ++j) dup |= m->entries[j] == al->entry;
    if (!dup && m->n < NG_LEX_MAX_HITS) m->entries[m->n++] = al->entry;
  }
}

size_t ng_lexicon_match(const NgLexicon *lx, const char *text, const NgToken *toks, size_t from, size_t to,
                        unsigned kind_mask, NgLexMatch *m) {
  m->ntok = 0;
  m->n = 0;
  char key[2048];
  size_t lens[MAX_NAME_TOKENS + 1];
  for (size_t len = match_keys(lx, text, toks, from, to, key, lens); len >= 1; --len) {
    uint32_t a;
    if (!ng_strmap_get(lx->names, key, lens[len], &a)) continue;
    collect_hits(lx, a, toks + from, len, kind_mask, m);
    if (m->n) {
      m->ntok = len;
      return len;
    }
  }
  return 0;
}

static const Word *word_of(const NgLexicon *lx, const char *text, const NgToken *t) {
  char key[512];
  if (t->end - t->start > 120) return NULL;
  size_t kn = ng_lexicon_token_key(text, t, key);
  uint32_t i;
  if (!ng_strmap_get(lx->wordmap, key, kn, &i)) return NULL;
  return &lx->words[i];
}

NgWordFlags ng_lexicon_word(const NgLexicon *lx, const char *text, const NgToken *t) {
  const Word *w = word_of(lx, text, t);
  if (!w) return 0;
  NgWordFlags f = w->flags;
  if (!(t->flags & NG_TF_CAP)) f &= ~NG_W_GIVEN;
  return f;
}

NgStatus ng_lexicon_tag(const NgLexicon *lx, const char *text, const NgSegments *seg, NgWordFlags **out) {
  *out = calloc(seg->n_toks + 1, sizeof **out);
  if (!*out) return NG_ERR_NOMEM;
  for (size_t i = 0; i < seg->n_toks; ++i) {
    const NgToken *t = &seg->toks[i];
    if (t->kind != NG_TOK_PUNCT || ng_tok_is(text, t, "&")) (*out)[i] = ng_lexicon_word(lx, text, t);
  }
  return NG_SUCCESS;
}

int ng_lexicon_month(const NgLexicon *lx, const char *text, const NgToken *t) {
  const Word *w = word_of(lx, text, t);
  return w ? w->month : 0;
}

const NgSegVocab *ng_lexicon_seg_vocab(const NgLexicon *lx) { return lx->segv; }

NgClass ng_lexicon_head_class(const NgLexicon *lx, const char *text, const NgToken *t) {
  const Word *w = word_of(lx, text, t);
  return w && (w->flags & NG_W_ORG_HEAD) ? (NgClass)w->head_cls : NG_CLS_ORGANIZATION;
}
