/* newsgraph -- command-line interface: parses options and wires the stages
 * read -> analyze (segment, recognize, resolve, relate) -> graph -> write.
 * The only module that prints to the terminal or exits. */
#include "explain.h"
#include "format.h"
#include "graph.h"
#include "iri.h"
#include "lexicon.h"
#include "lock.h"
#include "meta.h"
#include "pipeline.h"
#include "query.h"
#include "query_guard.h"
#include "sandbox.h"
#include "scheme.h"
#include "store.h"
#include "text.h"
#include "utf8.h"
#include "write.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NG_VERSION
#define NG_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_LOCKED = 3 };

/* What an option step returns when the program goes on (any other value
   is the exit status). */
enum { GO_ON = -1 };

/* The store of `--store` and `query` when none is named. */
#define DEFAULT_STORE "newsgraph.db"

typedef struct {
  const char *outdir;
  const char *base;
  const char *name;
  const char *meta_file;
  const char *data_dir;
  const char *store; /* --store FILE, or NULL */
  unsigned outputs;
  int explicit_files; /* -o or -f given */
  int write_files;    /* 0 with --store and neither -o nor -f */
  int quiet;
  int explain;
  int wait; /* --wait: wait for a lock instead of failing */
  NgCsvDialect csv_dialect;
  int csv_raw;
  NgMeta meta; /* from options; overrides the sidecar */
} Options;

/* ---- --help ---------------------------------------------------------------- */

/* --help: the text before the list of formats, between it and the list of
   output files, and after that. */
static const char USAGE_HEAD[] = "Usage: newsgraph [OPTIONS] FILE|DIR...\n"
                                 "       newsgraph query [OPTIONS] QUERY|FILE.rq|-   (newsgraph query --help)\n"
                                 "       newsgraph store check FILE\n"
                                 "Extract the people, organizations, places and agreements of news articles\n"
                                 "(plain UTF-8 text) and write their knowledge graph as RDF and CSV.\n"
                                 "FILE '-' reads standard input; a DIR stands for the *.txt files in it.\n"
                                 "\n"
                                 "Options:\n"
                                 "  -o, --output DIR      write into DIR (default: output); '-' writes the one\n"
                                 "                        selected format to standard output (several\n"
                                 "                        documents: ttl, nt or nq, which concatenate)\n"
                                 "  -f, --format LIST     outputs, comma-separated (default: " NG_FORMAT_ALL "):\n";

static const char USAGE_OPTIONS[] = "      --csv-dialect D   columns of the nodes and edges CSVs: gephi (default;\n"
                                    "                        Id,Label... and Source,Target...) or neo4j (id:ID,\n"
                                    "                        :LABEL... and :START_ID,:END_ID,:TYPE... for\n"
                                    "                        neo4j-admin database import; written raw)\n"
                                    "      --csv-raw         write CSV cells as they are: by default a text cell\n"
                                    "                        that starts with = + - @ TAB or CR gets a leading '\n"
                                    "                        so spreadsheets do not run it as a formula\n"
                                    "  -b, --base IRI        base IRI of minted resources, ending in '/' and\n"
                                    "                        without '#' or dot segments (default:\n"
                                    "                        " NG_DEFAULT_BASE ")\n"
                                    "  -n, --name NAME       document name for IRIs and file names\n"
                                    "                        (default: the input file's name without extension)\n"
                                    "  -m, --meta FILE       metadata file (default: the input's .meta sidecar)\n"
                                    "      --title TEXT      article headline\n"
                                    "      --publisher NAME  publisher\n"
                                    "      --date DATE       publication date, YYYY[-MM[-DD]] (dates such as\n"
                                    "                        \"May 12\" in the text resolve against it)\n"
                                    "      --url URL         article URL\n"
                                    "      --language TAG    language of the text, BCP 47 (default: en)\n"
                                    "      --data-dir DIR    read gazetteers from DIR instead of the built-in data\n"
                                    "      --store FILE      add each article to the persistent store FILE (an\n"
                                    "                        SQLite database, created when missing), one named\n"
                                    "                        graph per article, replacing what an earlier run\n"
                                    "                        put there for it; no files are written unless -o\n"
                                    "                        or -f is given.  Query it with 'newsgraph query'\n"
                                    "      --wait            when another newsgraph process is writing the same\n"
                                    "                        output directory or store, wait for it to finish\n"
                                    "                        (default: exit with status 3)\n"
                                    "  -e, --explain         print, for each entity and relation, its mentions\n"
                                    "                        (line:column), rule ids and confidence; write no files\n"
                                    "  -q, --quiet           no progress messages\n"
                                    "  -h, --help            show this help and exit\n"
                                    "  -V, --version         show the version and exit\n"
                                    "\n";

static const char USAGE_TAIL[] = "Each is written to a temporary file and renamed into place only when all\n"
                                 "of them succeeded; an interrupted run removes its temporary files, and\n"
                                 "those of a killed one are removed by the next run into the directory.\n"
                                 "Two inputs with the same document name are refused before anything is\n"
                                 "written.  '--' ends the options (for a FILE that starts with '-').\n"
                                 "\n"
                                 "Exit status: 0 success; 1 bad input or I/O error (missing, empty, binary or\n"
                                 "non-UTF-8 input or metadata, two inputs with one name, unwritable output);\n"
                                 "2 usage error; 3 the output directory or store is locked by another\n"
                                 "newsgraph process (its PID is named; see --wait); 130 or 143 interrupted\n"
                                 "by SIGINT or SIGTERM (nothing partial is left).\n";

/* Columns of the help text: a format's line is indented, then its names,
   then its description (NG_FORMAT_DESCRIPTION_MAX). */
enum { HELP_WIDTH = 79, HELP_INDENT = 24, HELP_NAMES = 14 };
_Static_assert(HELP_INDENT + HELP_NAMES + NG_FORMAT_DESCRIPTION_MAX <= HELP_WIDTH, "a format fits on one line");

/* One line per format: its names, then its description. */
static void usage_formats(FILE *f) {
  size_t n;
  const NgFormat *fm = ng_formats(&n);
  for (size_t i = 0; i < n; ++i) {
    char names[64];
    snprintf(names, sizeof names, "%s", fm[i].name);
    for (size_t k = 0; k < NG_FORMAT_MAX_ALIASES && fm[i].aliases[k]; ++k)
      snprintf(names + strlen(names), sizeof names - strlen(names), ", %s", fm[i].aliases[k]);
    fprintf(f, "%*s%-*s%s\n", HELP_INDENT, "", HELP_NAMES, names, fm[i].description);
  }
  fprintf(f, "%*s%-*s%s\n", HELP_INDENT, "", HELP_NAMES, NG_FORMAT_ALL, "every one of them");
}

/* `text` (words separated by single spaces) filled into lines of at most
   HELP_WIDTH columns. */
static void print_filled(FILE *f, const char *text) {
  size_t col = 0;
  for (const char *w = text; *w;) {
    size_t len = strcspn(w, " ");
    if (col && col + 1 + len > HELP_WIDTH) {
      fputc('\n', f);
      col = 0;
    }
    col += (size_t)fprintf(f, "%s%.*s", col ? " " : "", (int)len, w);
    w += len + (w[len] == ' ');
  }
  fputc('\n', f);
}

/* "Output files, named after the input: NAME.ttl, ..., NAME.dot." */
static void usage_files(FILE *f) {
  size_t n;
  const NgFormat *fm = ng_formats(&n);
  char text[1024] = "Output files, named after the input:";
  for (size_t i = 0; i < n; ++i)
    snprintf(text + strlen(text), sizeof text - strlen(text), " NAME%s%s", fm[i].ext, i + 1 < n ? "," : ".");
  print_filled(f, text);
}

static void usage(FILE *f) {
  fputs(USAGE_HEAD, f);
  usage_formats(f);
  fputs(USAGE_OPTIONS, f);
  usage_files(f);
  fputs(USAGE_TAIL, f);
}

/* ---- messages ---------------------------------------------------------------- */

/* Read a text file ("-": standard input) with ng_text_read; on failure
   print one line "PROG: FILE: problem" and return NULL. */
static NgText *read_text(const char *prog, const char *path) {
  NgText *text = NULL;
  NgTextError e;
  const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
  NgStatus st = ng_text_read(path, NG_TEXT_MAX_BYTES, &text, &e);
  if (st) {
    char what[512];
    ng_text_describe(st, &e, what, sizeof what);
    fprintf(stderr, "%s: %s: %s\n", prog, shown, what);
  }
  return text;
}

/* An option error of getopt_long (c is ':' or '?'): one line and a hint. */
static int bad_option(const char *prog, int c, const char *opt) {
  if (c == ':')
    fprintf(stderr, "%s: option '%s' needs a value\nTry '%s --help'.\n", prog, opt, prog);
  else
    fprintf(stderr, "%s: unknown option '%s'\nTry '%s --help'.\n", prog, opt, prog);
  return EXIT_USAGE;
}

/* ---- interruption ---------------------------------------------------------------- */

/* The files that SIGINT, SIGTERM or SIGHUP must remove before the process
   ends: the temporary files being written and the lock files held.  A
   signal handler can reach nothing but static storage, so this list is the
   one piece of global mutable state in newsgraph, and it lives here in the
   command line: cleanup_add and cleanup_drop change it with the signals
   held, on_signal only reads it. */
enum { CLEANUP_SLOTS = NG_FORMAT_COUNT + 2 }; /* a document's files and two locks */
static struct {
  char path[4096];
  volatile sig_atomic_t used;
} cleanup[CLEANUP_SLOTS];

/* The signals on_signal catches. */
static const int CAUGHT[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CAUGHT (sizeof CAUGHT / sizeof CAUGHT[0])

/* Remove the listed files, then die of the signal (its default action
   again; it is delivered when the handler returns), so that the exit
   status says which signal it was: 130 for SIGINT, 143 for SIGTERM.
   unlink, signal and raise are async-signal-safe. */
static void on_signal(int sig) {
  for (size_t i = 0; i < CLEANUP_SLOTS; ++i)
    if (cleanup[i].used) unlink(cleanup[i].path);
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Hold the caught signals back; *old receives the mask to restore. */
static void hold_signals(sigset_t *old) {
  sigset_t set;
  sigemptyset(&set);
  for (size_t i = 0; i < N_CAUGHT; ++i) sigaddset(&set, CAUGHT[i]);
  sigprocmask(SIG_BLOCK, &set, old);
}

/* Catch the signals, except those ignored on entry (nohup). */
static void catch_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < N_CAUGHT; ++i) sigaddset(&sa.sa_mask, CAUGHT[i]);
  for (size_t i = 0; i < N_CAUGHT; ++i) {
    struct sigaction was;
    if (sigaction(CAUGHT[i], NULL, &was) == 0 && was.sa_handler != SIG_IGN) sigaction(CAUGHT[i], &sa, NULL);
  }
}

/* Put `path` on the cleanup list: its slot, or -1 when it does not fit
   (the list is sized for what one run holds at a time). */
static int cleanup_add(const char *path) {
  if (strlen(path) >= sizeof cleanup[0].path) return -1;
  sigset_t old;
  hold_signals(&old);
  int slot = -1;
  for (int i = 0; i < CLEANUP_SLOTS && slot < 0; ++i)
    if (!cleanup[i].used) {
      strcpy(cleanup[i].path, path);
      cleanup[i].used = 1;
      slot = i;
    }
  sigprocmask(SIG_SETMASK, &old, NULL);
  return slot;
}

/* Take slot `slot` (-1: none) off the cleanup list. */
static void cleanup_drop(int slot) {
  if (slot < 0) return;
  sigset_t old;
  hold_signals(&old);
  cleanup[slot].used = 0;
  sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- one document: its name and metadata ------------------------------------ */

/* Document name: the file name without directories and extension. */
static void doc_name(const char *path, const char *given, char *out) {
  if (given) {
    ng_slugify(given, out);
    return;
  }
  if (strcmp(path, "-") == 0) {
    strcpy(out, "stdin");
    return;
  }
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  char tmp[1024];
  snprintf(tmp, sizeof tmp, "%s", b);
  char *dot = strrchr(tmp, '.');
  if (dot && dot != tmp) *dot = '\0';
  ng_slugify(tmp, out);
}

/* The sidecar of `path`: the same name with the extension ".meta". */
static void sidecar(const char *path, char *out, size_t size) {
  snprintf(out, size, "%s", path);
  char *slash = strrchr(out, '/');
  char *dot = strrchr(out, '.');
  if (dot && (!slash || dot > slash + 1)) *dot = '\0';
  strncat(out, ".meta", size - strlen(out) - 1);
}

/* Read the metadata file `mf` into meta; a sidecar that is missing is no
   error, a file named by --meta (`named`) is.  0, or -1 with a message. */
static int read_meta_file(const char *mf, int named, NgMeta *meta) {
  char err[300] = "";
  NgStatus st = ng_meta_read_file(mf, meta, err, sizeof err);
  if (st == NG_ERR_NOENT && !named) st = NG_SUCCESS;
  if (st) fprintf(stderr, "newsgraph: %s: %s\n", mf, err[0] ? err : ng_strerror(st));
  return st ? -1 : 0;
}

/* The metadata options override the file's.  0, or -1 with a message. */
static int apply_meta_options(const NgMeta *given, NgMeta *meta) {
  const struct {
    const char *k;
    const char *v;
  } over[] = {{"title", given->title},
              {"publisher", given->publisher},
              {"date", given->date},
              {"url", given->url},
              {"language", given->language}};
  char err[300] = "";
  for (size_t i = 0; i < sizeof over / sizeof over[0]; ++i)
    if (over[i].v && ng_meta_set(meta, over[i].k, over[i].v, err, sizeof err)) {
      fprintf(stderr, "newsgraph: %s\n", err);
      return -1;
    }
  return 0;
}

/* The metadata of the input `path`: its --meta file or sidecar, then the
   options.  0, or -1 with a message and *meta empty. */
static int load_meta(const char *path, const Options *o, NgMeta *meta) {
  memset(meta, 0, sizeof *meta);
  char side[4096];
  const char *mf = o->meta_file;
  if (!mf && strcmp(path, "-") != 0) {
    sidecar(path, side, sizeof side);
    mf = side;
  }
  if ((mf && read_meta_file(mf, o->meta_file != NULL, meta)) || apply_meta_options(&o->meta, meta)) {
    ng_meta_clear(meta);
    return -1;
  }
  return 0;
}

/* ---- one document: writing ---------------------------------------------------- */

/* Write the one selected output of `in` to standard output. */
static NgStatus write_to_stdout(const Options *o, const NgWriteInput *in) {
  NgStatus st = NG_SUCCESS;
  size_t n;
  const NgFormat *fm = ng_formats(&n);
  for (size_t i = 0; i < n; ++i)
    if (o->outputs & fm[i].flag) {
      st = fm[i].write(in, stdout);
      if (!st && fflush(stdout)) st = NG_ERR_IO;
      break;
    }
  if (st) fprintf(stderr, "newsgraph: <stdout>: %s\n", ng_strerror(st));
  return st;
}

/* An output file on its way: its path, its temporary file, and the slot
   of the temporary file in the cleanup list (-1 when there is none). */
typedef struct {
  char path[4096];
  char tmp[4096];
  int slot;
} Pending;

/* Tries of a temporary file name that a killed process of the same PID
   left behind. */
enum { TEMP_TRIES = 100 };

/* Write format fm of `in` into a new temporary file beside p->path, on the
   cleanup list while it exists. */
static NgStatus prepare_one(const NgFormat *fm, const NgWriteInput *in, Pending *p) {
  for (unsigned seq = 0;; ++seq) {
    NgStatus st = ng_write_temp_name(p->path, (long)getpid(), seq, p->tmp, sizeof p->tmp);
    if (st) return st;
    p->slot = cleanup_add(p->tmp);
    st = ng_write_prepare(p->tmp, fm->write, in);
    if (!st) return st;
    int e = errno;
    cleanup_drop(p->slot);
    p->slot = -1;
    errno = e;
    if (st != NG_ERR_IO || e != EEXIST || seq + 1 >= TEMP_TRIES) return st;
  }
}

/* Write every selected format of `in` into a temporary file next to
   outdir/DOC.EXT; stops at the first failure (message printed). */
static NgStatus prepare_files(const Options *o, const char *doc, const NgWriteInput *in, Pending *p) {
  NgStatus st = NG_SUCCESS;
  size_t n;
  const NgFormat *fm = ng_formats(&n);
  for (size_t i = 0; i < n && !st; ++i) {
    if (!(o->outputs & fm[i].flag)) continue;
    snprintf(p[i].path, sizeof p[i].path, "%s/%s%s", o->outdir, doc, fm[i].ext);
    st = prepare_one(&fm[i], in, &p[i]);
    if (st)
      fprintf(stderr, "newsgraph: %s: cannot write: %s\n", p[i].path,
              st == NG_ERR_IO ? strerror(errno) : ng_strerror(st));
  }
  return st;
}

/* A target that cannot be replaced by a file (a directory) fails the whole
   set before anything is renamed. */
static NgStatus check_targets(const Pending *p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    struct stat ts;
    if (p[i].slot >= 0 && stat(p[i].path, &ts) == 0 && S_ISDIR(ts.st_mode)) {
      fprintf(stderr, "newsgraph: %s: cannot write: is a directory\n", p[i].path);
      return NG_ERR_IO;
    }
  }
  return NG_SUCCESS;
}

/* Rename the temporary files into place while st (and every rename) is a
   success; remove them otherwise.  The signals wait meanwhile, so that an
   interruption leaves the set of files of a document whole. */
static NgStatus commit_files(Pending *p, size_t n, NgStatus st) {
  sigset_t old;
  hold_signals(&old);
  for (size_t i = 0; i < n; ++i) {
    if (p[i].slot < 0) continue;
    if (st) {
      ng_write_abort(p[i].tmp);
    } else if ((st = ng_write_commit(p[i].tmp, p[i].path))) {
      fprintf(stderr, "newsgraph: %s: cannot write: %s\n", p[i].path, strerror(errno));
    }
    cleanup_drop(p[i].slot);
    p[i].slot = -1;
  }
  sigprocmask(SIG_SETMASK, &old, NULL);
  return st;
}

/* Write every selected output of `in` into o->outdir as DOC.EXT: all into
   temporary files first, renamed into place only when all succeeded. */
static NgStatus write_to_files(const Options *o, const char *doc, const NgWriteInput *in) {
  Pending p[NG_FORMAT_COUNT];
  for (size_t i = 0; i < NG_FORMAT_COUNT; ++i) p[i].slot = -1;
  NgStatus st = prepare_files(o, doc, in, p);
  if (!st) st = check_targets(p, NG_FORMAT_COUNT);
  return commit_files(p, NG_FORMAT_COUNT, st);
}

/* ---- one document: the stages ------------------------------------------------- */

/* One input on its way through the stages. */
typedef struct {
  const char *path;
  const char *shown;          /* its name in messages: the path, or <stdin> */
  char name[NG_SLUG_MAX + 1]; /* its name in IRIs and file names */
  NgText *text;               /* owned */
  NgMeta meta;                /* owned */
  NgAnalysis *an;             /* owned */
} Doc;

static void doc_free(Doc *d) {
  ng_analysis_free(d->an);
  ng_meta_clear(&d->meta);
  ng_text_free(d->text);
}

/* Read the text and the metadata, and name the document. */
static int read_doc(Doc *d, const Options *o) {
  if (!(d->text = read_text("newsgraph", d->path))) return EXIT_INPUT;
  if (load_meta(d->path, o, &d->meta)) return EXIT_INPUT;
  doc_name(d->path, o->name, d->name);
  return EXIT_OK;
}

static int analyze_doc(Doc *d, const NgLexicon *lex) {
  NgStatus st = ng_analyze(d->text, lex, &d->meta, &d->an);
  char limits[256];
  if (st)
    fprintf(stderr, "newsgraph: %s: %s\n", d->shown, ng_strerror(st));
  else if (ng_analysis_limits(d->an, limits, sizeof limits))
    fprintf(stderr, "newsgraph: %s: warning: %s (pathological input, read in pieces)\n", d->shown, limits);
  return st ? EXIT_INPUT : EXIT_OK;
}

static int explain_doc(const Doc *d) {
  NgStatus st = ng_explain(d->an, d->shown, stdout);
  if (st) fprintf(stderr, "newsgraph: <stdout>: %s\n", ng_strerror(st));
  return st ? EXIT_INPUT : EXIT_OK;
}

/* Put the document's triples into the store and write its files (messages
   printed). */
static NgStatus deliver(const Doc *d, const Options *o, NgStore *store, const NgTriple *t, size_t n) {
  NgSchemePrefixes px;
  ng_scheme_prefixes(o->base, d->name, &px);
  char graph[NG_IRI_MAX];
  ng_scheme_article(o->base, d->name, graph, sizeof graph);
  NgWriteInput in = {t, n, px.prefixes, px.n, o->base, o->csv_dialect, o->csv_raw, graph};
  NgStatus st = store ? ng_store_put_graph(store, graph, t, n) : NG_SUCCESS;
  if (st) {
    fprintf(stderr, "newsgraph: %s: cannot add %s: %s\n", o->store, d->shown, ng_strerror(st));
    return st;
  }
  if (!o->write_files) return NG_SUCCESS;
  return strcmp(o->outdir, "-") == 0 ? write_to_stdout(o, &in) : write_to_files(o, d->name, &in);
}

/* The graph of the document, into the store and the files; `idx` of
   `total` for the progress line. */
static int export_doc(const Doc *d, const Options *o, NgStore *store, size_t idx, size_t total) {
  NgGraph *g = NULL;
  const NgTriple *triples = NULL;
  size_t n = 0;
  NgStatus st = ng_graph_new(&g);
  if (!st) st = ng_graph_add_analysis(g, o->base, d->name, d->an);
  if (!st) st = ng_graph_triples(g, &triples, &n);
  if (st)
    fprintf(stderr, "newsgraph: %s: %s\n", d->shown, ng_strerror(st));
  else
    st = deliver(d, o, store, triples, n);
  if (!st && !o->quiet && total > 1)
    fprintf(stderr, "newsgraph: [%zu/%zu] %s: %zu entities, %zu triples\n", idx + 1, total, d->shown, d->an->ents->n,
            n);
  ng_graph_free(g);
  return st ? EXIT_INPUT : EXIT_OK;
}

/* Process one input, the idx-th of total: EXIT_OK, or EXIT_INPUT with a
   message printed. */
static int process(const char *path, const Options *o, const NgLexicon *lex, NgStore *store, size_t idx, size_t total) {
  Doc d;
  memset(&d, 0, sizeof d);
  d.path = path;
  d.shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
  int rc = read_doc(&d, o);
  if (rc == EXIT_OK) rc = analyze_doc(&d, lex);
  if (rc == EXIT_OK) rc = o->explain ? explain_doc(&d) : export_doc(&d, o, store, idx, total);
  doc_free(&d);
  return rc;
}

/* ---- the inputs ----------------------------------------------------------------- */

/* The input files: the arguments, a directory standing for the *.txt files
   in it (not hidden, not in subdirectories) in byte order of their names. */
typedef struct {
  char **paths; /* owned, each owned */
  size_t n, cap;
} Inputs;

static int push_input(Inputs *in, const char *path) {
  if (in->n == in->cap) {
    size_t nc = in->cap ? in->cap * 2 : 16;
    char **np = realloc(in->paths, nc * sizeof *np);
    if (!np) return -1;
    in->paths = np;
    in->cap = nc;
  }
  size_t len = strlen(path);
  char *copy = malloc(len + 1);
  if (!copy) return -1;
  memcpy(copy, path, len + 1);
  in->paths[in->n++] = copy;
  return 0;
}

static void inputs_free(Inputs *in) {
  for (size_t i = 0; i < in->n; ++i) free(in->paths[i]);
  free(in->paths);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A directory entry that is an input: a *.txt name, not hidden. */
static int is_txt_name(const char *name) {
  size_t nl = strlen(name);
  return name[0] != '.' && nl >= 5 && strcmp(name + nl - 4, ".txt") == 0;
}

/* Add dir/name when it is a regular file; -1 when out of memory. */
static int add_dir_entry(Inputs *in, const char *dir, const char *name) {
  size_t dl = strlen(dir), size = dl + strlen(name) + 2;
  char *path = malloc(size);
  if (!path) return -1;
  snprintf(path, size, "%s%s%s", dir, dir[dl - 1] == '/' ? "" : "/", name);
  struct stat fs;
  int rc = stat(path, &fs) == 0 && S_ISREG(fs.st_mode) ? push_input(in, path) : 0;
  free(path);
  return rc;
}

/* Add the *.txt files of the directory `dir` in name order; 0, else -1
   with a message printed. */
static int add_dir(Inputs *in, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "newsgraph: %s: cannot read directory: %s\n", dir, strerror(errno));
    return -1;
  }
  size_t first = in->n;
  int failed = 0;
  for (struct dirent *e; !failed && (e = readdir(d));)
    if (is_txt_name(e->d_name)) failed = add_dir_entry(in, dir, e->d_name) != 0;
  closedir(d);
  if (failed) {
    fprintf(stderr, "newsgraph: %s: %s\n", dir, ng_strerror(NG_ERR_NOMEM));
    return -1;
  }
  if (in->n == first) {
    fprintf(stderr, "newsgraph: %s: no .txt files in the directory\n", dir);
    return -1;
  }
  qsort(in->paths + first, in->n - first, sizeof *in->paths, by_name);
  return 0;
}

/* Add `arg`; 0 on success, else -1 with a message printed. */
static int add_input(Inputs *in, const char *arg) {
  struct stat sb;
  if (strcmp(arg, "-") != 0 && stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode)) return add_dir(in, arg);
  if (push_input(in, arg) == 0) return 0;
  fprintf(stderr, "newsgraph: %s: %s\n", arg, ng_strerror(NG_ERR_NOMEM));
  return -1;
}

/* ---- newsgraph query ---------------------------------------------------------------- */

/* Exit statuses of newsgraph query beyond 0, 1 and 2. */
enum { EXIT_REFUSED = 4, EXIT_TOO_BIG = 5, EXIT_TIMEOUT = 6, EXIT_MEMORY = 7, EXIT_CUT = 8 };

/* Defaults of the limits (--timeout, --max-memory, --limit). */
enum { DEFAULT_TIMEOUT = 30, DEFAULT_MAX_MEMORY_MB = 1024, DEFAULT_LIMIT = 100000 };

static void query_usage(FILE *f) {
  fprintf(f,
          "Usage: newsgraph query [OPTIONS] QUERY|FILE.rq|-\n"
          "Answer a SPARQL 1.1 query over the store that 'newsgraph --store FILE'\n"
          "filled: all articles, each in its own named graph (GRAPH ?g names the\n"
          "article; the default graph is their union).  The query is the text\n"
          "QUERY, the contents of FILE.rq, or standard input for '-'.\n"
          "\n"
          "Options:\n"
          "  -s, --store FILE      the store (default: " DEFAULT_STORE ")\n"
          "  -r, --results FORMAT  table (default), csv, tsv or json (SPARQL 1.1\n"
          "                        results formats); CONSTRUCT and DESCRIBE give\n"
          "                        N-Triples, sorted\n"
          "  -t, --timeout SECONDS stop a query that runs longer (default: %d; 0: none)\n"
          "  -m, --max-memory MB   stop a query that needs more memory (default: %d;\n"
          "                        0: none)\n"
          "  -l, --limit ROWS      write at most ROWS rows or triples (default: %d;\n"
          "                        0: all)\n"
          "  -h, --help            show this help and exit\n"
          "\n"
          "The query may come from anyone: it runs in a child process without\n"
          "network, and newsgraph refuses what reaches outside the store (SERVICE,\n"
          "FROM, FROM NAMED, SPARQL Update), queries over %zu KiB, %zu tokens or %zu\n"
          "levels of brackets, and constructs the SPARQL engine (rasqal 0.9.33)\n"
          "answers wrongly or cannot parse, naming the rewrite that works.\n"
          "\n"
          "Exit status: 0 success; 1 missing, unreadable or damaged store, missing\n"
          "query file, or a query that does not parse or run; 2 usage error; 4 query\n"
          "refused; 5 query too large or too deeply nested; 6 over --timeout; 7 over\n"
          "--max-memory; 8 results cut at --limit (the first ROWS are written).\n",
          DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY_MB, DEFAULT_LIMIT, NG_GUARD_MAX_BYTES / 1024, NG_GUARD_MAX_TOKENS,
          NG_GUARD_MAX_DEPTH);
}

typedef struct {
  const char *store;
  NgResults results;
  double timeout;       /* seconds, 0: none */
  size_t max_memory_mb; /* 0: none */
  size_t limit;         /* rows, 0: all */
  const char *query;    /* text, FILE.rq or "-" */
} QueryOptions;

static int set_results(QueryOptions *q, const char *name) {
  size_t n;
  const char *const *names = ng_results_names(&n);
  for (size_t i = 0; i < n; ++i)
    if (strcmp(name, names[i]) == 0) {
      q->results = (NgResults)i;
      return GO_ON;
    }
  fprintf(stderr, "newsgraph query: --results: unknown format '%s' (use table, csv, tsv or json)\n", name);
  return EXIT_USAGE;
}

/* A whole number from 0 to `max` in `arg`; -1 when it is not one. */
static double parse_number(const char *arg, double max, int whole) {
  char *end = NULL;
  errno = 0;
  double v = strtod(arg, &end);
  if (!arg[0] || *end || errno || !(v >= 0 && v <= max) || (whole && v != (double)(size_t)v)) return -1;
  return v;
}

/* --timeout, --max-memory and --limit. */
static int set_limit_option(QueryOptions *q, int c, const char *arg, const char *opt) {
  double v = parse_number(arg, c == 't' ? 86400.0 * 365 : 1e12, c != 't');
  if (v < 0) {
    fprintf(stderr, "newsgraph query: %s: '%s' is not a %s\n", opt, arg,
            c == 't' ? "number of seconds (0 for no limit)" : "whole number (0 for no limit)");
    return EXIT_USAGE;
  }
  if (c == 't')
    q->timeout = v;
  else if (c == 'm')
    q->max_memory_mb = (size_t)v;
  else
    q->limit = (size_t)v;
  return GO_ON;
}

static int set_query_option(QueryOptions *q, int c, const char *arg, const char *opt) {
  switch (c) {
  case 's':
    if (!arg[0]) {
      fprintf(stderr, "newsgraph query: --store: the store's file name is empty\n");
      return EXIT_USAGE;
    }
    q->store = arg;
    return GO_ON;
  case 'r': return set_results(q, arg);
  case 't':
  case 'm':
  case 'l': return set_limit_option(q, c, arg, opt);
  case 'h': query_usage(stdout); return EXIT_OK;
  default: return bad_option("newsgraph query", c, opt);
  }
}

static int query_options(int argc, char **argv, QueryOptions *q) {
  static const struct option longopts[] = {{"store", required_argument, 0, 's'},
                                           {"results", required_argument, 0, 'r'},
                                           {"timeout", required_argument, 0, 't'},
                                           {"max-memory", required_argument, 0, 'm'},
                                           {"limit", required_argument, 0, 'l'},
                                           {"help", no_argument, 0, 'h'},
                                           {0, 0, 0, 0}};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":s:r:t:m:l:h", longopts, NULL)) != -1) {
    int rc = set_query_option(q, c, optarg, argv[optind - 1]);
    if (rc != GO_ON) return rc;
  }
  if (optind != argc - 1) {
    fprintf(stderr, "newsgraph query: give exactly one query (text, FILE.rq or -)\nTry 'newsgraph query --help'.\n");
    return EXIT_USAGE;
  }
  q->query = argv[optind];
  return GO_ON;
}

/* The query argument names a file: "-", a path that exists, or *.rq. */
static int names_file(const char *arg) {
  struct stat sb;
  size_t n = strlen(arg);
  return strcmp(arg, "-") == 0 || stat(arg, &sb) == 0 || (n > 3 && strcmp(arg + n - 3, ".rq") == 0);
}

/* One query on its way: the options, its text, its name in messages. */
typedef struct {
  const QueryOptions *opt;
  const char *text;
  const char *shown; /* the query file, or "query" */
} QueryRun;

/* The child: open the store, answer the query into `out`; the exit status
   (messages printed). */
static int query_child(void *arg, FILE *out) {
  const QueryRun *r = arg;
  NgStore *store = NULL;
  char err[1024] = "";
  NgStatus st = ng_store_open(r->opt->store, NG_STORE_READ, &store, err, sizeof err);
  if (st) {
    fprintf(stderr, "newsgraph query: %s: %s\n", r->opt->store, err[0] ? err : ng_strerror(st));
    return EXIT_INPUT;
  }
  NgQueryOptions qo = {r->opt->results, r->opt->limit};
  NgQueryOutcome outcome = NG_QUERY_ANSWERED;
  st = ng_query_run(store, r->text, &qo, out, &outcome, err, sizeof err);
  ng_store_free(store);
  if (st)
    fprintf(stderr, "newsgraph query: %s: %s\n", r->shown,
            st == NG_ERR_IO ? strerror(errno) : (err[0] ? err : ng_strerror(st)));
  else if (outcome == NG_QUERY_REFUSED)
    fprintf(stderr, "newsgraph query: %s: %s\n", r->shown, err);
  else if (outcome == NG_QUERY_CUT)
    fprintf(stderr, "newsgraph query: %s: results cut at %zu row%s (--limit %zu; --limit 0 writes all)\n", r->shown,
            r->opt->limit, r->opt->limit == 1 ? "" : "s", r->opt->limit);
  if (st) return EXIT_INPUT;
  return outcome == NG_QUERY_REFUSED ? EXIT_REFUSED : outcome == NG_QUERY_CUT ? EXIT_CUT : EXIT_OK;
}

/* Copy the child's output to standard output. */
static int copy_output(FILE *from) {
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, from)) > 0)
    if (fwrite(buf, 1, n, stdout) != n) break;
  if (!ferror(from) && !ferror(stdout) && fflush(stdout) == 0) return EXIT_OK;
  fprintf(stderr, "newsgraph query: <stdout>: cannot write: %s\n", strerror(errno));
  return EXIT_INPUT;
}

/* What the parent says about the child's end; the exit status. */
static int report_child(const QueryRun *r, const NgChildReport *rep, FILE *output) {
  const QueryOptions *q = r->opt;
  switch (rep->end) {
  case NG_CHILD_TIMEOUT:
    fprintf(stderr, "newsgraph query: %s: stopped after %g s (--timeout %g)\n", r->shown, q->timeout, q->timeout);
    return EXIT_TIMEOUT;
  case NG_CHILD_MEMORY:
    fprintf(stderr, "newsgraph query: %s: stopped at %zu MB of memory (--max-memory %zu)\n", r->shown, q->max_memory_mb,
            q->max_memory_mb);
    return EXIT_MEMORY;
  case NG_CHILD_SIGNALED:
    fprintf(stderr, "newsgraph query: %s: the SPARQL engine crashed (signal %d)\n", r->shown, rep->status);
    return EXIT_INPUT;
  case NG_CHILD_EXITED: break;
  }
  if (rep->status != EXIT_OK && rep->status != EXIT_CUT) return rep->status; /* the child said why */
  int rc = copy_output(output);
  return rc != EXIT_OK ? rc : rep->status;
}

/* The query's text passes the guard (else a message and the exit status). */
static int guard_query(const QueryRun *r) {
  char msg[1024];
  NgGuardVerdict v = ng_query_guard(r->text, strlen(r->text), NULL, msg, sizeof msg);
  if (v == NG_GUARD_PASS) return GO_ON;
  fprintf(stderr, "newsgraph query: %s: %s\n", r->shown, msg);
  return v == NG_GUARD_TOO_BIG ? EXIT_TOO_BIG : EXIT_REFUSED;
}

static int answer_query(const QueryRun *r) {
  QueryRun child = *r; /* the child's copy */
  int rc = guard_query(r);
  if (rc != GO_ON) return rc;
  NgSandboxLimits lim = {r->opt->timeout, r->opt->max_memory_mb * 1024 * 1024};
  NgChildReport rep;
  FILE *output = NULL;
  if (ng_sandbox_run(&lim, query_child, &child, &output, &rep)) {
    fprintf(stderr, "newsgraph query: cannot start the query: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  rc = report_child(r, &rep, output);
  fclose(output);
  return rc;
}

static int run_query(const QueryOptions *q) {
  int is_file = names_file(q->query);
  NgText *text = NULL; /* the query file, read and checked like an article */
  if (is_file && !(text = read_text("newsgraph query", q->query))) return EXIT_INPUT;
  QueryRun r = {q, text ? text->data : q->query, is_file ? q->query : "query"};
  if (is_file && strcmp(q->query, "-") == 0) r.shown = "<stdin>";
  int rc = answer_query(&r);
  ng_text_free(text);
  return rc;
}

static int query_main(int argc, char **argv) {
  QueryOptions q = {DEFAULT_STORE, NG_RESULTS_TABLE, DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY_MB, DEFAULT_LIMIT, NULL};
  int rc = query_options(argc, argv, &q);
  return rc != GO_ON ? rc : run_query(&q);
}

/* ---- newsgraph store check --------------------------------------------------------------- */

static void store_usage(FILE *f) {
  fputs("Usage: newsgraph store check FILE\n"
        "Check the store FILE that 'newsgraph --store FILE' wrote: SQLite's\n"
        "integrity check of every page and index, the tables librdf reads, and\n"
        "that every triple's nodes are in the store.  Prints one line.\n"
        "\n"
        "Exit status: 0 the store is sound; 1 missing, unreadable or damaged\n"
        "store; 2 usage error.\n",
        f);
}

static int store_main(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    store_usage(stdout);
    return EXIT_OK;
  }
  if (argc != 3 || strcmp(argv[1], "check") != 0 || !argv[2][0]) {
    fprintf(stderr, "newsgraph store: use 'newsgraph store check FILE'\nTry 'newsgraph store --help'.\n");
    return EXIT_USAGE;
  }
  NgStoreReport rep;
  char err[1024] = "";
  NgStatus st = ng_store_check(argv[2], &rep, err, sizeof err);
  if (st) {
    fprintf(stderr, "newsgraph store check: %s: %s\n", argv[2], err[0] ? err : ng_strerror(st));
    return EXIT_INPUT;
  }
  printf("%s: ok: %zu triple%s in %zu graph%s\n", argv[2], rep.triples, rep.triples == 1 ? "" : "s", rep.graphs,
         rep.graphs == 1 ? "" : "s");
  return fflush(stdout) ? EXIT_INPUT : EXIT_OK;
}

/* ---- newsgraph: options --------------------------------------------------------------- */

enum {
  OPT_TITLE = 1000,
  OPT_PUBLISHER,
  OPT_DATE,
  OPT_URL,
  OPT_LANGUAGE,
  OPT_DATA,
  OPT_STORE,
  OPT_CSV_DIALECT,
  OPT_CSV_RAW,
  OPT_WAIT
};

static const struct option LONGOPTS[] = {{"output", required_argument, 0, 'o'},
                                         {"format", required_argument, 0, 'f'},
                                         {"base", required_argument, 0, 'b'},
                                         {"name", required_argument, 0, 'n'},
                                         {"meta", required_argument, 0, 'm'},
                                         {"title", required_argument, 0, OPT_TITLE},
                                         {"publisher", required_argument, 0, OPT_PUBLISHER},
                                         {"date", required_argument, 0, OPT_DATE},
                                         {"url", required_argument, 0, OPT_URL},
                                         {"language", required_argument, 0, OPT_LANGUAGE},
                                         {"data-dir", required_argument, 0, OPT_DATA},
                                         {"store", required_argument, 0, OPT_STORE},
                                         {"csv-dialect", required_argument, 0, OPT_CSV_DIALECT},
                                         {"csv-raw", no_argument, 0, OPT_CSV_RAW},
                                         {"wait", no_argument, 0, OPT_WAIT},
                                         {"quiet", no_argument, 0, 'q'},
                                         {"explain", no_argument, 0, 'e'},
                                         {"help", no_argument, 0, 'h'},
                                         {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};

static int set_formats(Options *o, const char *list) {
  o->explicit_files = 1;
  if (!ng_format_parse(list, &o->outputs)) return GO_ON;
  char names[256];
  ng_format_names(names, sizeof names);
  fprintf(stderr, "newsgraph: --format: unknown format in '%s' (use %s)\n", list, names);
  return EXIT_USAGE;
}

static int set_csv_dialect(Options *o, const char *name) {
  if (strcmp(name, "gephi") == 0)
    o->csv_dialect = NG_CSV_GEPHI;
  else if (strcmp(name, "neo4j") == 0)
    o->csv_dialect = NG_CSV_NEO4J;
  else {
    fprintf(stderr, "newsgraph: --csv-dialect: unknown dialect '%s' (use gephi or neo4j)\n", name);
    return EXIT_USAGE;
  }
  return GO_ON;
}

/* Apply the option c that getopt_long returned, with its argument `arg`;
   `opt` is the option as written (for messages). */
static int set_option(Options *o, int c, char *arg, const char *opt) {
  switch (c) {
  case 'o':
    o->outdir = arg;
    o->explicit_files = 1;
    break;
  case 'f': return set_formats(o, arg);
  case 'b': o->base = arg; break;
  case 'n': o->name = arg; break;
  case 'm': o->meta_file = arg; break;
  case OPT_TITLE: o->meta.title = arg; break;
  case OPT_PUBLISHER: o->meta.publisher = arg; break;
  case OPT_DATE: o->meta.date = arg; break;
  case OPT_URL: o->meta.url = arg; break;
  case OPT_LANGUAGE: o->meta.language = arg; break;
  case OPT_DATA: o->data_dir = arg; break;
  case OPT_STORE: o->store = arg; break;
  case OPT_CSV_DIALECT: return set_csv_dialect(o, arg);
  case OPT_CSV_RAW: o->csv_raw = 1; break;
  case OPT_WAIT: o->wait = 1; break;
  case 'q': o->quiet = 1; break;
  case 'e': o->explain = 1; break;
  case 'h': usage(stdout); return EXIT_OK;
  case 'V': printf("newsgraph %s\n", NG_VERSION); return EXIT_OK;
  default: return bad_option("newsgraph", c, opt);
  }
  return GO_ON;
}

/* The argument that holds the option getopt_long just refused (c is '?' or
   ':', optind was `prev` before the call): a short option's letter may sit
   in a cluster ("-dash.txt" reads as -d -a -s -h -. -t -x -t), which
   getopt_long leaves at argv[optind] until its last letter is read. */
static const char *refused_arg(int argc, char **argv, int prev) {
  const char *last = argv[optind - 1];
  size_t n = strlen(last);
  int in_last = optind > prev && last[0] == '-' && n > 1 && (optopt == 0 || last[n - 1] == optopt);
  return in_last || optind >= argc ? last : argv[optind];
}

/* An option error (c is ':' or '?') in the argument `arg`: one line naming
   the argument, and a hint. */
static int refused_option(int c, const char *arg) {
  struct stat sb;
  int cluster = arg[0] == '-' && arg[1] != '-' && optopt > 0 && optopt < 128 && strlen(arg) > 2;
  if (c == ':')
    fprintf(stderr, "newsgraph: option '%s' needs a value\n", arg);
  else if (cluster)
    fprintf(stderr, "newsgraph: unknown option '-%c' in '%s'%s\n", optopt, arg,
            stat(arg, &sb) == 0 ? " (a file whose name starts with '-' goes after '--', or as ./NAME)" : "");
  else
    fprintf(stderr, "newsgraph: unknown option '%s'\n", arg);
  fputs("Try 'newsgraph --help'.\n", stderr);
  return EXIT_USAGE;
}

/* The metadata options are checked once, before any input, as the
   metadata file is (UTF-8, size, dates, language tags). */
static int check_meta_options(const NgMeta *given) {
  const struct {
    const char *k;
    const char *v;
  } opts[] = {{"title", given->title},
              {"publisher", given->publisher},
              {"date", given->date},
              {"url", given->url},
              {"language", given->language}};
  NgMeta probe;
  char err[512];
  memset(&probe, 0, sizeof probe);
  int rc = GO_ON;
  for (size_t i = 0; i < sizeof opts / sizeof opts[0] && rc == GO_ON; ++i)
    if (opts[i].v && ng_meta_set(&probe, opts[i].k, opts[i].v, err, sizeof err)) {
      fprintf(stderr, "newsgraph: --%s: %s\n", opts[i].k, err);
      rc = EXIT_USAGE;
    }
  ng_meta_clear(&probe);
  return rc;
}

/* Options that do not fit together or do not parse. */
static int check_options(Options *o) {
  if (o->store && !o->store[0]) {
    fprintf(stderr, "newsgraph: --store: the store's file name is empty\n");
    return EXIT_USAGE;
  }
  const char *bad_base = ng_scheme_base_problem(o->base);
  if (bad_base) {
    if (ng_utf8_valid_prefix(o->base, strlen(o->base)) == strlen(o->base))
      fprintf(stderr, "newsgraph: --base: '%s' %s\n", o->base, bad_base);
    else
      fprintf(stderr, "newsgraph: --base: the value %s\n", bad_base);
    return EXIT_USAGE;
  }
  if (strcmp(o->outdir, "-") == 0 && (o->outputs & (o->outputs - 1))) {
    fprintf(stderr, "newsgraph: --output -: choose exactly one --format for standard output\n");
    return EXIT_USAGE;
  }
  int rc = check_meta_options(&o->meta);
  o->write_files = !o->store || o->explicit_files;
  return rc;
}

/* Parse the command line into *o; the inputs are argv[optind...]. */
static int parse_options(int argc, char **argv, Options *o) {
  memset(o, 0, sizeof *o);
  o->outdir = "output";
  o->base = NG_DEFAULT_BASE;
  o->outputs = NG_OUT_ALL;
  int c;
  opterr = 0;
  for (int prev = optind; (c = getopt_long(argc, argv, ":o:f:b:n:m:qehV", LONGOPTS, NULL)) != -1; prev = optind) {
    int rc = c == ':' || c == '?' ? refused_option(c, refused_arg(argc, argv, prev))
                                  : set_option(o, c, optarg, argv[optind - 1]);
    if (rc != GO_ON) return rc;
  }
  if (optind >= argc) {
    fprintf(stderr, "newsgraph: no input file\nTry 'newsgraph --help'.\n");
    return EXIT_USAGE;
  }
  return check_options(o);
}

/* ---- newsgraph: the run ------------------------------------------------------------- */

/* The output directory, created when missing; 0, or -1 with a message. */
static int make_outdir(const char *dir) {
  struct stat sb;
  if (stat(dir, &sb) != 0) {
    if (mkdir(dir, 0777) == 0) return 0;
    fprintf(stderr, "newsgraph: %s: cannot create output directory: %s\n", dir, strerror(errno));
    return -1;
  }
  if (S_ISDIR(sb.st_mode)) return 0;
  fprintf(stderr, "newsgraph: %s: output path is not a directory\n", dir);
  return -1;
}

static int load_lexicon(const Options *o, NgLexicon **lex) {
  char err[512] = "";
  NgStatus st = o->data_dir ? ng_lexicon_load_dir(o->data_dir, lex, err, sizeof err)
                            : ng_lexicon_load_builtin(lex, err, sizeof err);
  if (st)
    fprintf(stderr, "newsgraph: %s%s%s\n", o->data_dir ? o->data_dir : "built-in data", ": ",
            err[0] ? err : ng_strerror(st));
  return st ? -1 : 0;
}

static int open_store(const char *path, NgStore **store) {
  char err[512] = "";
  NgStatus st = ng_store_open(path, NG_STORE_CREATE, store, err, sizeof err);
  if (st) fprintf(stderr, "newsgraph: %s: %s\n", path, err[0] ? err : ng_strerror(st));
  return st ? -1 : 0;
}

/* Every input, each processed even when one before it failed. */
static int process_all(const Inputs *in, const Options *o, const NgLexicon *lex, NgStore *store) {
  int rc = EXIT_OK;
  for (size_t i = 0; i < in->n; ++i)
    if (process(in->paths[i], o, lex, store, i, in->n)) rc = EXIT_INPUT;
  return rc;
}

/* ---- newsgraph: one name per document, one writer per directory ------------------- */

/* An input and its document name, for finding names used twice. */
typedef struct {
  size_t idx;
  char name[NG_SLUG_MAX + 1];
} Named;

static int by_doc_name(const void *a, const void *b) {
  const Named *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

static const char *shown_path(const char *path) { return strcmp(path, "-") == 0 ? "<stdin>" : path; }

/* Two inputs with one document name would write the same files, store
   graph and N-Quads graph, the later over the earlier: one line for each
   input whose name an earlier one has, before anything is written.
   Names stay what they are (derived from the file name alone), so that an
   article keeps its IRIs whatever else is in the run. */
static int check_names(const Inputs *in, const Options *o) {
  if (o->name && in->n > 1) {
    fprintf(stderr, "newsgraph: --name: one name for %zu inputs: give --name with one input only\n", in->n);
    return EXIT_USAGE;
  }
  Named *nm = malloc((in->n ? in->n : 1) * sizeof *nm);
  if (!nm) {
    fprintf(stderr, "newsgraph: %s\n", ng_strerror(NG_ERR_NOMEM));
    return EXIT_INPUT;
  }
  for (size_t i = 0; i < in->n; ++i) {
    nm[i].idx = i;
    doc_name(in->paths[i], o->name, nm[i].name);
  }
  qsort(nm, in->n, sizeof *nm, by_doc_name);
  int rc = EXIT_OK;
  for (size_t i = 1, first = 0; i < in->n; ++i) {
    if (strcmp(nm[i].name, nm[first].name) != 0) {
      first = i;
      continue;
    }
    fprintf(stderr,
            "newsgraph: %s: same document name '%s' as %s (its files and graph would overwrite the other's); "
            "rename one of them, or give it its own run with --name\n",
            shown_path(in->paths[nm[i].idx]), nm[i].name, shown_path(in->paths[nm[first].idx]));
    rc = EXIT_INPUT;
  }
  free(nm);
  return rc;
}

/* Several documents to standard output only in a format whose documents
   concatenate into one. */
static int check_stdout(const Inputs *in, const Options *o) {
  if (in->n < 2 || strcmp(o->outdir, "-") != 0) return EXIT_OK;
  size_t n;
  const NgFormat *fm = ng_formats(&n);
  char ok[64] = "";
  const char *chosen = "";
  for (size_t i = 0; i < n; ++i) {
    if (fm[i].flag & o->outputs) chosen = fm[i].concatenates ? NULL : fm[i].name;
    if (fm[i].concatenates) snprintf(ok + strlen(ok), sizeof ok - strlen(ok), "%s%s", ok[0] ? ", " : "", fm[i].name);
  }
  if (!chosen) return EXIT_OK;
  fprintf(stderr,
          "newsgraph: --output -: %s holds one document, not %zu, in one stream: write them into a directory "
          "(-o DIR), or choose one of %s\n",
          chosen, in->n, ok);
  return EXIT_USAGE;
}

/* ---- newsgraph: the run ------------------------------------------------------------- */

/* What a run holds while it processes its inputs: the locks (and their
   slots on the cleanup list), the lexicon, the store. */
typedef struct {
  NgLock *dir_lock, *store_lock;
  int dir_slot, store_slot;
  NgLexicon *lex;
  NgStore *store;
} Session;

/* Lock `target`, the output directory (is_dir) or the store file, for this
   run; with --wait, wait for the process that holds it.  EXIT_LOCKED
   naming that process otherwise. */
static int take_lock(const Options *o, const char *target, int is_dir, NgLock **lock, int *slot) {
  char path[4096];
  long holder = 0;
  NgStatus st = ng_lock_path(target, is_dir, path, sizeof path);
  if (!st) st = ng_lock_acquire(path, 0, lock, &holder);
  if (st == NG_ERR_LOCKED && o->wait) {
    if (!o->quiet)
      fprintf(stderr, "newsgraph: %s: locked by another newsgraph process (PID %ld); waiting for it\n", target, holder);
    st = ng_lock_acquire(path, 1, lock, &holder);
  }
  if (st == NG_ERR_LOCKED) {
    fprintf(stderr,
            "newsgraph: %s: locked by another newsgraph process (PID %ld); run again when it has finished, or "
            "use --wait\n",
            target, holder);
    return EXIT_LOCKED;
  }
  if (st) {
    fprintf(stderr, "newsgraph: %s: cannot lock %s: %s\n", target, path,
            st == NG_ERR_IO ? strerror(errno) : ng_strerror(st));
    return EXIT_INPUT;
  }
  *slot = cleanup_add(path);
  return EXIT_OK;
}

/* Take slot `slot` off the cleanup list first: once released, the path may
   name the lock of another process. */
static void drop_lock(NgLock *lock, int slot) {
  cleanup_drop(slot);
  ng_lock_release(lock);
}

/* Remove what killed runs left in the output directory. */
static void remove_stale(const Options *o) {
  size_t removed = 0;
  if (!ng_write_remove_stale(o->outdir, &removed) && removed && !o->quiet)
    fprintf(stderr, "newsgraph: %s: removed %zu temporary file%s left by a killed run\n", o->outdir, removed,
            removed == 1 ? "" : "s");
}

/* The output directory: created, locked, cleared of what killed runs
   left. */
static int open_outdir(const Options *o, Session *s) {
  if (o->explain || !o->write_files || strcmp(o->outdir, "-") == 0) return EXIT_OK;
  if (make_outdir(o->outdir)) return EXIT_INPUT;
  int rc = take_lock(o, o->outdir, 1, &s->dir_lock, &s->dir_slot);
  if (rc == EXIT_OK) remove_stale(o);
  return rc;
}

static int open_session(const Options *o, Session *s) {
  int rc = open_outdir(o, s);
  if (rc == EXIT_OK && load_lexicon(o, &s->lex)) rc = EXIT_INPUT;
  if (rc != EXIT_OK || !o->store || o->explain) return rc;
  rc = take_lock(o, o->store, 0, &s->store_lock, &s->store_slot);
  if (rc == EXIT_OK && open_store(o->store, &s->store)) rc = EXIT_INPUT;
  return rc;
}

static void close_session(Session *s) {
  ng_store_free(s->store);
  ng_lexicon_free(s->lex);
  drop_lock(s->store_lock, s->store_slot);
  drop_lock(s->dir_lock, s->dir_slot);
}

/* Process the arguments args[0..n) with the options o: the inputs and
   their names are checked before anything is written or locked. */
static int run(const Options *o, char *const *args, size_t n) {
  Inputs in = {NULL, 0, 0};
  int rc = EXIT_OK;
  for (size_t i = 0; i < n && rc == EXIT_OK; ++i)
    if (add_input(&in, args[i])) rc = EXIT_INPUT;
  if (rc == EXIT_OK && !o->explain) rc = check_names(&in, o);
  if (rc == EXIT_OK && !o->explain) rc = check_stdout(&in, o);
  if (rc == EXIT_OK) {
    Session s = {NULL, NULL, -1, -1, NULL, NULL};
    catch_signals();
    rc = open_session(o, &s);
    if (rc == EXIT_OK) rc = process_all(&in, o, s.lex, s.store);
    close_session(&s);
  }
  inputs_free(&in);
  return rc;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "query") == 0) return query_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "store") == 0) return store_main(argc - 1, argv + 1);
  Options o;
  int rc = parse_options(argc, argv, &o);
  if (rc != GO_ON) return rc;
  return run(&o, argv + optind, (size_t)(argc - optind));
}
