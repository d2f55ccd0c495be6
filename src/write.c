#include "write.h"

#include "try.h"

#include <csv.h>
#include <raptor2.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* ---- RDF ------------------------------------------------------------------ */

typedef struct {
  int errors;
} LogCtx;

static void raptor_log(void *user, raptor_log_message *msg) {
  LogCtx *c = user;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) c->errors++;
}

/* A raptor world that counts the errors it logs in *lc, or NULL. */
static raptor_world *new_world(LogCtx *lc) {
  raptor_world *w = raptor_new_world();
  if (!w) return NULL;
  raptor_world_set_log_handler(w, lc, raptor_log);
  if (!raptor_world_open(w)) return w;
  raptor_free_world(w);
  return NULL;
}

static raptor_term *term_of(raptor_world *w, const char *v, int is_iri, const char *dt, const char *lang) {
  if (is_iri) return raptor_new_term_from_uri_string(w, (const unsigned char *)v);
  raptor_uri *u = dt ? raptor_new_uri(w, (const unsigned char *)dt) : NULL;
  raptor_term *t = raptor_new_term_from_literal(w, (const unsigned char *)v, u, (const unsigned char *)lang);
  if (u) raptor_free_uri(u);
  return t;
}

/* N-Triples.  raptor's serializer costs a URI lookup in its world and a
   byte-at-a-time iostream per term, which made it most of the run time, so
   the terms raptor would write unchanged (printable ASCII and nothing to
   escape) are copied as they are, and every other term is handed to
   raptor_term_escaped_write().  tests/validate.sh checks the result is
   byte-for-byte what raptor's own serializer writes. */
typedef struct {
  unsigned char plain[256]; /* nt_plain_class() of every byte */
  raptor_world *world;      /* created for the first term that needs raptor */
  raptor_iostream *io;
  FILE *f;
  LogCtx lc;
  char *run; /* a NUL-terminated copy of a run to escape (owned) */
  size_t run_cap;
} NtWriter;

/* Bytes raptor writes unchanged in an N-Triples IRI (bit 1) and in a
   literal (bit 2): printable ASCII except the ones it escapes. */
static unsigned char nt_plain_class(unsigned char c) {
  if (c < 0x20 || c >= 0x7F) return 0;
  unsigned char k = 2 | 1;
  if (c == ' ' || strchr("<>{}|^`", c)) k &= (unsigned char)~1u;
  if (c == '"' || c == '\\') k = 0;
  return k;
}

static int nt_plain(const char *s, unsigned char bit, const unsigned char *table) {
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p)
    if (!(table[*p] & bit)) return 0;
  return 1;
}

static NgStatus nt_open_raptor(NtWriter *w) {
  if (w->world) return NG_SUCCESS;
  if (!(w->world = new_world(&w->lc))) return NG_ERR_RDF;
  w->io = raptor_new_iostream_to_file_handle(w->world, w->f);
  return w->io ? NG_SUCCESS : NG_ERR_RDF;
}

static NgStatus nt_raptor_term(NtWriter *w, const char *v, int is_iri, const char *dt, const char *lang) {
  NgStatus st = nt_open_raptor(w);
  if (st) return st;
  raptor_term *t = term_of(w->world, v, is_iri, dt, lang);
  if (!t) return NG_ERR_RDF;
  int rc = raptor_term_escaped_write(
      t, is_iri ? RAPTOR_ESCAPED_WRITE_NTRIPLES_URI : RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, w->io);
  raptor_free_term(t);
  return rc ? NG_ERR_RDF : NG_SUCCESS;
}

static NgStatus nt_iri(NtWriter *w, const char *v) {
  if (!nt_plain(v, 1, w->plain)) return nt_raptor_term(w, v, 1, NULL, NULL);
  return putc('<', w->f) == EOF || fputs(v, w->f) == EOF || putc('>', w->f) == EOF ? NG_ERR_IO : NG_SUCCESS;
}

/* A literal's lexical form between its quotes.  raptor escapes a string
   one character at a time, so a long text (the article, as nif:isString)
   is cut into runs at ASCII bytes, which are always character boundaries:
   runs raptor would write unchanged are copied, the others are handed to
   raptor_string_escaped_write(). */
/* The run p[0..n) through raptor_string_escaped_write().  raptor 2.0.15
   stops at a NUL, not at the length: it gets a NUL-terminated copy. */
static NgStatus nt_escaped_run(NtWriter *w, const unsigned char *p, size_t n) {
  NgStatus st = nt_open_raptor(w);
  if (st) return st;
  if (n + 1 > w->run_cap) {
    char *b = realloc(w->run, 2 * n + 1);
    if (!b) return NG_ERR_NOMEM;
    w->run = b;
    w->run_cap = 2 * n + 1;
  }
  memcpy(w->run, p, n);
  w->run[n] = '\0';
  int rc =
      raptor_string_escaped_write((const unsigned char *)w->run, n, '"', RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, w->io);
  return rc ? NG_ERR_RDF : NG_SUCCESS;
}

static NgStatus nt_literal_body(NtWriter *w, const char *v) {
  NgStatus st = NG_SUCCESS;
  for (const unsigned char *p = (const unsigned char *)v, *q; *p && !st; p = q) {
    int plain = (w->plain[*p] & 2) != 0;
    for (q = p; *q && ((w->plain[*q] & 2) != 0) == plain;) ++q;
    size_t n = (size_t)(q - p);
    if (plain)
      st = fwrite(p, 1, n, w->f) == n ? NG_SUCCESS : NG_ERR_IO;
    else
      st = nt_escaped_run(w, p, n);
  }
  return st;
}

static NgStatus nt_object(NtWriter *w, const NgTriple *t) {
  if (t->o_iri) return nt_iri(w, t->o);
  if (t->lang && !nt_plain(t->lang, 2, w->plain)) return nt_raptor_term(w, t->o, 0, t->datatype, t->lang);
  if (putc('"', w->f) == EOF) return NG_ERR_IO;
  NgStatus st = nt_literal_body(w, t->o);
  if (st) return st;
  if (putc('"', w->f) == EOF) return NG_ERR_IO;
  if (t->datatype) return fputs("^^", w->f) == EOF ? NG_ERR_IO : nt_iri(w, t->datatype);
  if (t->lang && (putc('@', w->f) == EOF || fputs(t->lang, w->f) == EOF)) return NG_ERR_IO;
  return NG_SUCCESS;
}

/* Each distinct term is serialized once, into an in-memory stream, and
   copied from there every time it comes back: a document's few thousand
   triples use a few hundred distinct terms. */
typedef struct {
  const void *v, *dt, *lang; /* the term's strings (by address) */
  int iri, used;
  size_t off, len; /* its serialization in the memory stream */
} TermSlot;

typedef struct {
  TermSlot *slots;
  size_t cap, n;
  FILE *ms; /* open_memstream() of buf/size */
  char *buf;
  size_t size;
  char out[65536]; /* pending output */
  size_t out_n;
} TermCache;

static size_t term_hash(const void *v, const void *dt, const void *lang, int iri) {
  uint64_t h = (uint64_t)(uintptr_t)v * 0x9E3779B97F4A7C15ULL;
  h ^= (uint64_t)(uintptr_t)dt * 0xC2B2AE3D27D4EB4FULL;
  h ^= (uint64_t)(uintptr_t)lang * 0x165667B19E3779F9ULL;
  h ^= (uint64_t)iri;
  return (size_t)(h ^ (h >> 29));
}

static TermSlot *term_slot(TermCache *tc, const void *v, const void *dt, const void *lang, int iri) {
  for (size_t i = term_hash(v, dt, lang, iri) & (tc->cap - 1);; i = (i + 1) & (tc->cap - 1)) {
    TermSlot *s = &tc->slots[i];
    if (!s->used || (s->v == v && s->dt == dt && s->lang == lang && s->iri == iri)) return s;
  }
}

static NgStatus term_grow(TermCache *tc) {
  size_t nc = tc->cap ? tc->cap * 2 : 1024;
  TermSlot *old = tc->slots;
  size_t oc = tc->cap;
  tc->slots = calloc(nc, sizeof *tc->slots);
  if (!tc->slots) {
    tc->slots = old;
    return NG_ERR_NOMEM;
  }
  tc->cap = nc;
  for (size_t i = 0; i < oc; ++i)
    if (old[i].used) *term_slot(tc, old[i].v, old[i].dt, old[i].lang, old[i].iri) = old[i];
  free(old);
  return NG_SUCCESS;
}

/* Output goes through a block buffer: a triple is six small pieces. */
static NgStatus out_flush(TermCache *tc, FILE *f) {
  if (tc->out_n && fwrite(tc->out, 1, tc->out_n, f) != tc->out_n) return NG_ERR_IO;
  tc->out_n = 0;
  return NG_SUCCESS;
}

static NgStatus out_put(TermCache *tc, const char *p, size_t n, FILE *f) {
  if (tc->out_n + n > sizeof tc->out) {
    NgStatus st = out_flush(tc, f);
    if (st) return st;
    if (n > sizeof tc->out) return fwrite(p, 1, n, f) == n ? NG_SUCCESS : NG_ERR_IO;
  }
  memcpy(tc->out + tc->out_n, p, n);
  tc->out_n += n;
  return NG_SUCCESS;
}

/* Write the term (an IRI, or t's object when t is not NULL) to f, from the
   cache or serialized into it first. */
static NgStatus nt_term(NtWriter *w, TermCache *tc, const char *iri, const NgTriple *t, FILE *f) {
  if ((tc->n + 1) * 2 > tc->cap && term_grow(tc)) return NG_ERR_NOMEM;
  const void *v = t ? (const void *)t->o : (const void *)iri;
  const void *dt = t ? (const void *)t->datatype : NULL, *lang = t ? (const void *)t->lang : NULL;
  int is_iri = t ? t->o_iri : 1;
  TermSlot *s = term_slot(tc, v, dt, lang, is_iri);
  if (!s->used) {
    size_t off = tc->size;
    NgStatus st = t ? nt_object(w, t) : nt_iri(w, iri);
    if (st) return st;
    if (fflush(tc->ms)) return NG_ERR_NOMEM;
    *s = (TermSlot){v, dt, lang, is_iri, 1, off, tc->size - off};
    tc->n++;
  }
  return out_put(tc, tc->buf + s->off, s->len, f);
}

static TermCache *term_cache_new(void) {
  TermCache *tc = calloc(1, sizeof *tc); /* 64 KB of output buffer: not on the stack */
  if (!tc) return NULL;
  tc->ms = open_memstream(&tc->buf, &tc->size);
  if (tc->ms) return tc;
  free(tc);
  return NULL;
}

static void term_cache_free(TermCache *tc) {
  fclose(tc->ms);
  free(tc->buf);
  free(tc->slots);
  free(tc);
}

/* A space, then the term (as nt_term). */
static NgStatus nt_next_term(NtWriter *w, TermCache *tc, const char *iri, const NgTriple *t, FILE *f) {
  NgStatus st;
  TRY(st, out_put(tc, " ", 1, f));
  return nt_term(w, tc, iri, t, f);
}

/* The line of t: subject, predicate, object, the graph when there is one,
   and the final dot. */
static NgStatus nt_line(NtWriter *w, TermCache *tc, const NgTriple *t, const char *graph, FILE *f) {
  NgStatus st;
  TRY(st, nt_term(w, tc, t->s, NULL, f));
  TRY(st, nt_next_term(w, tc, t->p, NULL, f));
  TRY(st, nt_next_term(w, tc, NULL, t, f));
  if (graph) TRY(st, nt_next_term(w, tc, graph, NULL, f));
  return out_put(tc, " .\n", 3, f);
}

/* N-Triples, or N-Quads when `graph` is not NULL: the same lines with the
   graph IRI before the final dot. */
static NgStatus write_lines(const NgWriteInput *in, const char *graph, FILE *f) {
  TermCache *tc = term_cache_new();
  if (!tc) return NG_ERR_NOMEM;
  NtWriter w = {{0}, NULL, NULL, tc->ms, {0}, NULL, 0};
  for (int c = 0; c < 256; ++c) w.plain[c] = nt_plain_class((unsigned char)c);
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; !st && i < in->n; ++i) st = nt_line(&w, tc, &in->triples[i], graph, f);
  if (!st) st = out_flush(tc, f);
  if (w.io) raptor_free_iostream(w.io);
  if (w.world) raptor_free_world(w.world);
  free(w.run);
  term_cache_free(tc);
  if (!st && w.lc.errors) st = NG_ERR_RDF;
  if (!st && ferror(f)) st = NG_ERR_IO;
  return st;
}

/* The namespace prefixes of the Turtle output. */
static NgStatus set_prefixes(raptor_world *w, raptor_serializer *ser, const NgWriteInput *in) {
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; !st && i < in->n_prefixes; ++i) {
    raptor_uri *u = raptor_new_uri(w, (const unsigned char *)in->prefixes[i].ns);
    if (!u || raptor_serializer_set_namespace(ser, u, (const unsigned char *)in->prefixes[i].prefix)) st = NG_ERR_RDF;
    if (u) raptor_free_uri(u);
  }
  return st;
}

static NgStatus serialize_triple(raptor_world *w, raptor_serializer *ser, const NgTriple *t) {
  raptor_term *s = term_of(w, t->s, 1, NULL, NULL);
  raptor_term *p = term_of(w, t->p, 1, NULL, NULL);
  raptor_term *o = term_of(w, t->o, t->o_iri, t->datatype, t->lang);
  if (!s || !p || !o) {
    if (s) raptor_free_term(s);
    if (p) raptor_free_term(p);
    if (o) raptor_free_term(o);
    return NG_ERR_RDF;
  }
  raptor_statement *rs = raptor_new_statement_from_nodes(w, s, p, o, NULL);
  NgStatus st = rs && !raptor_serializer_serialize_statement(ser, rs) ? NG_SUCCESS : NG_ERR_RDF;
  if (rs) raptor_free_statement(rs);
  return st;
}

/* Serialize with raptor's serializer `syntax`: a new one for every file,
   since raptor's Turtle writer keeps state. */
static NgStatus serialize(raptor_world *w, const char *syntax, const NgWriteInput *in, FILE *f) {
  raptor_serializer *ser = raptor_new_serializer(w, syntax);
  if (!ser) return NG_ERR_RDF;
  NgStatus st = strcmp(syntax, "turtle") == 0 ? set_prefixes(w, ser, in) : NG_SUCCESS;
  /* a NULL base URI: a base would make every IRI relative */
  if (!st && raptor_serializer_start_to_file_handle(ser, NULL, f)) st = NG_ERR_RDF;
  for (size_t i = 0; !st && i < in->n; ++i) st = serialize_triple(w, ser, &in->triples[i]);
  if (!st && raptor_serializer_serialize_end(ser)) st = NG_ERR_RDF;
  raptor_free_serializer(ser);
  return st;
}

NgStatus ng_write_rdf(const NgWriteInput *in, const char *syntax, FILE *f) {
  if (strcmp(syntax, "ntriples") == 0) return write_lines(in, NULL, f);
  if (strcmp(syntax, "nquads") == 0) return in->graph ? write_lines(in, in->graph, f) : NG_ERR_BAD_ARG;
  LogCtx lc = {0};
  raptor_world *w = new_world(&lc);
  if (!w) return NG_ERR_RDF;
  NgStatus st = serialize(w, syntax, in, f);
  raptor_free_world(w);
  if (!st && lc.errors) st = NG_ERR_RDF;
  if (!st && ferror(f)) st = NG_ERR_IO;
  return st;
}

NgStatus ng_write_turtle(const NgWriteInput *in, FILE *f) { return ng_write_rdf(in, "turtle", f); }
NgStatus ng_write_ntriples(const NgWriteInput *in, FILE *f) { return ng_write_rdf(in, "ntriples", f); }
NgStatus ng_write_nquads(const NgWriteInput *in, FILE *f) { return ng_write_rdf(in, "nquads", f); }

/* ---- CSV ------------------------------------------------------------------ */

static int needs_quotes(const char *s) {
  if (!*s) return 0;
  /* spaces or tabs at either end: readers that trim them (libcsv's
     default) keep them only inside quotes */
  if (strchr(" \t", s[0]) || strchr(" \t", s[strlen(s) - 1])) return 1;
  return strpbrk(s, ",\"\r\n") != NULL;
}

/* A cell a spreadsheet would run as a formula (OWASP "CSV injection"). */
static int formula_like(const char *s) { return *s && strchr("=+-@\t\r", *s) != NULL; }

static NgStatus csv_field(FILE *f, const char *v) {
  if (needs_quotes(v)) return csv_fwrite(f, v, strlen(v)) ? NG_ERR_CSV : NG_SUCCESS;
  return fputs(v, f) == EOF && *v ? NG_ERR_IO : NG_SUCCESS;
}

/* A cell with the formula-injection guard: "'" in front.  The "'" goes
   inside the quotes, so libcsv quotes the whole cell. */
static NgStatus csv_guarded_field(FILE *f, const char *v) {
  size_t len = strlen(v);
  char *g = malloc(len + 2);
  if (!g) return NG_ERR_NOMEM;
  g[0] = '\'';
  memcpy(g + 1, v, len + 1);
  NgStatus st = csv_field(f, g);
  free(g);
  return st;
}

NgStatus ng_write_csv_row_guarded(FILE *f, const char *const *fields, size_t n, const unsigned char *text) {
  NgStatus st;
  for (size_t i = 0; i < n; ++i) {
    const char *v = fields[i] ? fields[i] : "";
    if (i && fputc(',', f) == EOF) return NG_ERR_IO;
    TRY(st, text && text[i] && formula_like(v) ? csv_guarded_field(f, v) : csv_field(f, v));
  }
  return fputs("\r\n", f) == EOF ? NG_ERR_IO : NG_SUCCESS;
}

NgStatus ng_write_csv_row(FILE *f, const char *const *fields, size_t n) {
  return ng_write_csv_row_guarded(f, fields, n, NULL);
}

/* A literal's lexical form that is a plain number: [+-]digits[.digits][e[+-]digits]. */
static int is_number(const char *s) {
  const char *p = s;
  if (*p == '+' || *p == '-') ++p;
  const char *d = p;
  while (*p >= '0' && *p <= '9') ++p;
  if (*p == '.')
    for (++p; *p >= '0' && *p <= '9';) ++p;
  if (p == d || (p == d + 1 && *d == '.')) return 0;
  if (*p == 'e' || *p == 'E') {
    ++p;
    if (*p == '+' || *p == '-') ++p;
    if (!(*p >= '0' && *p <= '9')) return 0;
    while (*p >= '0' && *p <= '9') ++p;
  }
  return *p == '\0';
}

NgStatus ng_write_triples_csv(const NgWriteInput *in, FILE *f) {
  static const char *const head[] = {"subject", "predicate", "object", "object_kind", "datatype", "language"};
  /* every column is text, except an object that is a typed number */
  unsigned char text[6] = {1, 1, 1, 1, 1, 1};
  NgStatus st = ng_write_csv_row(f, head, 6);
  for (size_t i = 0; !st && i < in->n; ++i) {
    const NgTriple *t = &in->triples[i];
    const char *row[6] = {
        t->s, t->p, t->o, t->o_iri ? "iri" : "literal", t->datatype ? t->datatype : "", t->lang ? t->lang : ""};
    text[2] = t->o_iri || !t->datatype || !is_number(t->o);
    st = ng_write_csv_row_guarded(f, row, 6, in->csv_raw ? NULL : text);
  }
  return st;
}

/* ---- atomic files ----------------------------------------------------------- */

/* What tells a temporary file in its name: DIR/.BASE<TEMP_TAG>PID-SEQ. */
#define TEMP_TAG ".tmp-"

NgStatus ng_write_temp_name(const char *path, long pid, unsigned seq, char *out, size_t size) {
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path + 1) : 0;
  int n = snprintf(out, size, "%.*s.%s" TEMP_TAG "%ld-%u", (int)dir, path, path + dir, pid, seq);
  return n < 0 || (size_t)n >= size ? NG_ERR_BAD_ARG : NG_SUCCESS;
}

NgStatus ng_write_prepare(const char *tmp, NgWriteFn fn, const NgWriteInput *in) {
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return NG_ERR_IO;
  FILE *f = fdopen(fd, "wb");
  NgStatus st = f ? fn(in, f) : NG_ERR_IO;
  int e = errno;
  if (f && fflush(f) && !st) {
    st = NG_ERR_IO;
    e = errno;
  }
  if ((f ? fclose(f) : close(fd)) && !st) {
    st = NG_ERR_IO;
    e = errno;
  }
  if (!st) return NG_SUCCESS;
  unlink(tmp);
  errno = e;
  return st;
}

NgStatus ng_write_commit(const char *tmp, const char *path) {
  if (rename(tmp, path) == 0) return NG_SUCCESS;
  int e = errno;
  unlink(tmp);
  errno = e;
  return NG_ERR_IO;
}

void ng_write_abort(const char *tmp) { unlink(tmp); }

/* The PID in the name of a temporary file (.BASE<TEMP_TAG>PID-SEQ, BASE not
   empty), or 0 when `name` is none. */
static long temp_pid(const char *name) {
  if (name[0] != '.') return 0;
  const char *tag = NULL;
  for (const char *p = strstr(name + 1, TEMP_TAG); p; p = strstr(p + 1, TEMP_TAG)) tag = p;
  if (!tag || tag == name + 1) return 0;
  const char *p = tag + sizeof TEMP_TAG - 1;
  long pid = 0;
  for (; *p >= '0' && *p <= '9' && pid < 1000000000L; ++p) pid = pid * 10 + (*p - '0');
  if (*p++ != '-' || !(*p >= '0' && *p <= '9')) return 0;
  while (*p >= '0' && *p <= '9') ++p;
  return *p ? 0 : pid;
}

/* Whether no process has the PID `pid` (one of another user counts as
   alive). */
static int is_gone(long pid) { return kill((pid_t)pid, 0) != 0 && errno == ESRCH; }

NgStatus ng_write_remove_stale(const char *dir, size_t *removed) {
  *removed = 0;
  DIR *d = opendir(dir);
  if (!d) return NG_ERR_IO;
  size_t dl = strlen(dir);
  for (struct dirent *e; (e = readdir(d));) {
    long pid = temp_pid(e->d_name);
    if (pid <= 0 || !is_gone(pid)) continue;
    size_t size = dl + strlen(e->d_name) + 2;
    char *path = malloc(size);
    if (!path) break;
    snprintf(path, size, "%s/%s", dir, e->d_name);
    if (unlink(path) == 0) ++*removed;
    free(path);
  }
  closedir(d);
  return NG_SUCCESS;
}
