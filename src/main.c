/* newsgraph -- command-line interface: parses options and wires the stages
 * read -> analyze (segment, recognize, resolve, relate) -> graph -> write. */
#include "explain.h"
#include "format.h"
#include "graph.h"
#include "iri.h"
#include "lexicon.h"
#include "meta.h"
#include "pipeline.h"
#include "scheme.h"
#include "store.h"
#include "text.h"
#include "viz.h"
#include "write.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef NG_VERSION
#define NG_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

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
  int write_files; /* 0 with --store and neither -o nor -f */
  int quiet;
  int explain;
  NgCsvDialect csv_dialect;
  int csv_raw;
  NgMeta meta; /* from options; overrides the sidecar */
} Options;

/* --help: the text before the list of formats, between it and the list of
   output files, and after that. */
static const char USAGE_HEAD[] = "Usage: newsgraph [OPTIONS] FILE|DIR...\n"
                                 "       newsgraph query [--store FILE] [--results FORMAT] QUERY|FILE.rq|-\n"
                                 "Extract the people, organizations, places and agreements of news articles\n"
                                 "(plain UTF-8 text) and write their knowledge graph as RDF and CSV.\n"
                                 "FILE '-' reads standard input; a DIR stands for the *.txt files in it.\n"
                                 "\n"
                                 "Options:\n"
                                 "  -o, --output DIR      write into DIR (default: output); '-' writes the one\n"
                                 "                        selected format to standard output\n"
                                 "  -f, --format LIST     outputs, comma-separated (default: " NG_FORMAT_ALL "):\n";

static const char USAGE_OPTIONS[] = "      --csv-dialect D   columns of the nodes and edges CSVs: gephi (default;\n"
                                    "                        Id,Label... and Source,Target...) or neo4j (id:ID,\n"
                                    "                        :LABEL... and :START_ID,:END_ID,:TYPE... for\n"
                                    "                        neo4j-admin database import; written raw)\n"
                                    "      --csv-raw         write CSV cells as they are: by default a text cell\n"
                                    "                        that starts with = + - @ TAB or CR gets a leading '\n"
                                    "                        so spreadsheets do not run it as a formula\n"
                                    "  -b, --base IRI        base IRI of minted resources\n"
                                    "                        (default: " NG_DEFAULT_BASE ")\n"
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
                                    "  -e, --explain         print, for each entity and relation, its mentions\n"
                                    "                        (line:column), rule ids and confidence; write no files\n"
                                    "  -q, --quiet           no progress messages\n"
                                    "  -h, --help            show this help and exit\n"
                                    "  -V, --version         show the version and exit\n"
                                    "\n";

static const char USAGE_TAIL[] = "Each is written to a temporary file and renamed into place only when all\n"
                                 "of them succeeded.\n"
                                 "\n"
                                 "Exit status: 0 success; 1 bad input or I/O error (missing, empty, binary or\n"
                                 "non-UTF-8 input, unwritable output); 2 usage error.\n";

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

static int load_meta(const char *path, const Options *o, NgMeta *meta) {
  char err[300] = "";
  memset(meta, 0, sizeof *meta);
  char side[4096];
  const char *mf = o->meta_file;
  if (!mf && strcmp(path, "-") != 0) {
    snprintf(side, sizeof side, "%s", path);
    char *slash = strrchr(side, '/');
    char *dot = strrchr(side, '.');
    if (dot && (!slash || dot > slash + 1)) *dot = '\0';
    strncat(side, ".meta", sizeof side - strlen(side) - 1);
    mf = side;
  }
  if (mf) {
    NgStatus st = ng_meta_read_file(mf, meta, err, sizeof err);
    if (st == NG_ERR_NOENT && !o->meta_file) st = NG_SUCCESS;
    if (st) {
      fprintf(stderr, "newsgraph: %s: %s\n", mf, err[0] ? err : ng_strerror(st));
      ng_meta_clear(meta);
      return -1;
    }
  }
  const struct {
    const char *k;
    const char *v;
  } over[] = {{"title", o->meta.title},
              {"publisher", o->meta.publisher},
              {"date", o->meta.date},
              {"url", o->meta.url},
              {"language", o->meta.language}};
  for (size_t i = 0; i < 5; ++i)
    if (over[i].v && ng_meta_set(meta, over[i].k, over[i].v, err, sizeof err)) {
      fprintf(stderr, "newsgraph: %s\n", err);
      ng_meta_clear(meta);
      return -1;
    }
  return 0;
}

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

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Add `arg`; 0 on success, else -1 with a message printed. */
static int add_input(Inputs *in, const char *arg) {
  struct stat sb;
  if (strcmp(arg, "-") == 0 || stat(arg, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
    if (push_input(in, arg) == 0) return 0;
    fprintf(stderr, "newsgraph: %s: %s\n", arg, ng_strerror(NG_ERR_NOMEM));
    return -1;
  }
  DIR *d = opendir(arg);
  if (!d) {
    fprintf(stderr, "newsgraph: %s: cannot read directory: %s\n", arg, strerror(errno));
    return -1;
  }
  size_t first = in->n, al = strlen(arg);
  int failed = 0;
  for (struct dirent *e; !failed && (e = readdir(d));) {
    size_t nl = strlen(e->d_name);
    if (e->d_name[0] == '.' || nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0) continue;
    char *path = malloc(al + nl + 2);
    if (!path) {
      failed = 1;
      break;
    }
    snprintf(path, al + nl + 2, "%s%s%s", arg, arg[al - 1] == '/' ? "" : "/", e->d_name);
    struct stat fs;
    if (stat(path, &fs) == 0 && S_ISREG(fs.st_mode) && push_input(in, path)) failed = 1;
    free(path);
  }
  closedir(d);
  if (failed) {
    fprintf(stderr, "newsgraph: %s: %s\n", arg, ng_strerror(NG_ERR_NOMEM));
    return -1;
  }
  if (in->n == first) {
    fprintf(stderr, "newsgraph: %s: no .txt files in the directory\n", arg);
    return -1;
  }
  qsort(in->paths + first, in->n - first, sizeof *in->paths, by_name);
  return 0;
}

/* Process one input; returns 0 on success, EXIT_INPUT on failure (message printed). */
/* Read a text file ("-": standard input) with ng_text_read_file; on failure
   print one line "PROG: FILE: problem" and return NULL. */
static NgText *read_text(const char *prog, const char *path) {
  NgText *text = NULL;
  size_t off = 0;
  const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
  NgStatus st = ng_text_read_file(path, &text, &off);
  if (st == NG_ERR_UTF8)
    fprintf(stderr, "%s: %s: invalid UTF-8 at byte offset %zu\n", prog, shown, off);
  else if (st == NG_ERR_BINARY)
    fprintf(stderr, "%s: %s: binary data (NUL byte at offset %zu), not text\n", prog, shown, off);
  else if (st == NG_ERR_IO)
    fprintf(stderr, "%s: %s: cannot read: %s\n", prog, shown, strerror(errno));
  else if (st)
    fprintf(stderr, "%s: %s: %s\n", prog, shown, ng_strerror(st));
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

/* Write every selected output of `in` into o->outdir as DOC.EXT: all into
   temporary files first, renamed into place only when all succeeded. */
static NgStatus write_to_files(const Options *o, const char *doc, const NgWriteInput *in) {
  NgStatus st = NG_SUCCESS;
  size_t n;
  const NgFormat *fm = ng_formats(&n);
  char *tmps[NG_FORMAT_COUNT] = {0};
  char paths[NG_FORMAT_COUNT][4096];
  for (size_t i = 0; i < n && !st; ++i) {
    if (!(o->outputs & fm[i].flag)) continue;
    snprintf(paths[i], sizeof paths[i], "%s/%s%s", o->outdir, doc, fm[i].ext);
    st = ng_write_prepare(paths[i], fm[i].write, in, &tmps[i]);
    if (st)
      fprintf(stderr, "newsgraph: %s: cannot write: %s\n", paths[i],
              st == NG_ERR_IO ? strerror(errno) : ng_strerror(st));
  }
  /* a target that cannot be replaced by a file (a directory) fails the
     whole set before anything is renamed */
  for (size_t i = 0; i < n && !st; ++i) {
    struct stat ts;
    if (tmps[i] && stat(paths[i], &ts) == 0 && S_ISDIR(ts.st_mode)) {
      fprintf(stderr, "newsgraph: %s: cannot write: is a directory\n", paths[i]);
      st = NG_ERR_IO;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (!tmps[i]) continue;
    if (st) {
      ng_write_abort(tmps[i]);
    } else if ((st = ng_write_commit(tmps[i], paths[i]))) {
      fprintf(stderr, "newsgraph: %s: cannot write: %s\n", paths[i], strerror(errno));
    }
  }
  return st;
}

static int process(const char *path, const Options *o, const NgLexicon *lex, NgStore *store, size_t idx, size_t total) {
  const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
  NgText *text = read_text("newsgraph", path);
  if (!text) return EXIT_INPUT;
  NgStatus st = NG_SUCCESS;
  NgMeta meta;
  if (load_meta(path, o, &meta)) {
    ng_text_free(text);
    return EXIT_INPUT;
  }
  char doc[NG_SLUG_MAX + 1];
  doc_name(path, o->name, doc);

  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  const NgTriple *triples = NULL;
  size_t n_triples = 0;
  int rc = EXIT_INPUT;
  st = ng_analyze(text, lex, &meta, &an);
  if (!st && o->explain) {
    st = ng_explain(an, shown, stdout);
    if (st)
      fprintf(stderr, "newsgraph: <stdout>: %s\n", ng_strerror(st));
    else
      rc = EXIT_OK;
    goto done;
  }
  if (!st) st = ng_graph_new(&g);
  if (!st) st = ng_graph_add_analysis(g, o->base, doc, an);
  if (!st) st = ng_graph_triples(g, &triples, &n_triples);
  if (st) {
    fprintf(stderr, "newsgraph: %s: %s\n", shown, ng_strerror(st));
    goto done;
  }
  {
    NgSchemePrefixes px;
    ng_scheme_prefixes(o->base, doc, &px);
    char graph[NG_IRI_MAX];
    ng_scheme_article(o->base, doc, graph, sizeof graph);
    NgWriteInput in = {triples, n_triples, px.prefixes, px.n, o->base, o->csv_dialect, o->csv_raw, graph};
    if (store && (st = ng_store_put_graph(store, graph, triples, n_triples))) {
      fprintf(stderr, "newsgraph: %s: cannot add %s: %s\n", o->store, shown, ng_strerror(st));
      goto done;
    }
    if (o->write_files) st = strcmp(o->outdir, "-") == 0 ? write_to_stdout(o, &in) : write_to_files(o, doc, &in);
    if (st) goto done;
  }
  if (!o->quiet && total > 1)
    fprintf(stderr, "newsgraph: [%zu/%zu] %s: %zu entities, %zu triples\n", idx + 1, total, shown, an->ents->n,
            n_triples);
  rc = EXIT_OK;
done:
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_meta_clear(&meta);
  ng_text_free(text);
  return rc;
}

static void query_usage(FILE *f) {
  fputs("Usage: newsgraph query [OPTIONS] QUERY|FILE.rq|-\n"
        "Answer a SPARQL 1.1 query over the store that 'newsgraph --store FILE'\n"
        "filled: all articles, each in its own named graph (GRAPH ?g names the\n"
        "article; the default graph is their union).  The query is the text\n"
        "QUERY, the contents of FILE.rq, or standard input for '-'.\n"
        "\n"
        "Options:\n"
        "  -s, --store FILE      the store (default: " DEFAULT_STORE ")\n"
        "  -r, --results FORMAT  table (default), csv, tsv or json (SPARQL 1.1\n"
        "                        results formats); CONSTRUCT and DESCRIBE give\n"
        "                        N-Triples\n"
        "  -h, --help            show this help and exit\n"
        "\n"
        "Exit status: 0 success; 1 missing or unreadable store or query file, or\n"
        "a query that does not parse or run; 2 usage error.\n",
        f);
}

static int query_main(int argc, char **argv) {
  const char *store_path = DEFAULT_STORE;
  NgResults fmt = NG_RESULTS_TABLE;
  static const struct option longopts[] = {{"store", required_argument, 0, 's'},
                                           {"results", required_argument, 0, 'r'},
                                           {"help", no_argument, 0, 'h'},
                                           {0, 0, 0, 0}};
  static const char *const fmts[] = {"table", "csv", "tsv", "json"};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":s:r:h", longopts, NULL)) != -1) {
    switch (c) {
    case 's': store_path = optarg; break;
    case 'r': {
      size_t i = 0;
      while (i < 4 && strcmp(optarg, fmts[i]) != 0) ++i;
      if (i == 4) {
        fprintf(stderr, "newsgraph query: --results: unknown format '%s' (use table, csv, tsv or json)\n", optarg);
        return EXIT_USAGE;
      }
      fmt = (NgResults)i;
      break;
    }
    case 'h': query_usage(stdout); return EXIT_OK;
    default: return bad_option("newsgraph query", c, argv[optind - 1]);
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "newsgraph query: give exactly one query (text, FILE.rq or -)\nTry 'newsgraph query --help'.\n");
    return EXIT_USAGE;
  }
  const char *arg = argv[optind];
  struct stat sb;
  int is_file =
      strcmp(arg, "-") == 0 || stat(arg, &sb) == 0 || (strlen(arg) > 3 && strcmp(arg + strlen(arg) - 3, ".rq") == 0);
  NgText *text = NULL; /* the query file, read and checked like an article */
  if (is_file && !(text = read_text("newsgraph query", arg))) return EXIT_INPUT;
  NgStore *store = NULL;
  char err[512] = "";
  NgStatus st = ng_store_open(store_path, NG_STORE_READ, &store, err, sizeof err);
  if (st) {
    fprintf(stderr, "newsgraph query: %s: %s\n", store_path, err[0] ? err : ng_strerror(st));
    ng_text_free(text);
    return EXIT_INPUT;
  }
  st = ng_store_query(store, text ? text->data : arg, fmt, stdout, err, sizeof err);
  if (!st && fflush(stdout)) st = NG_ERR_IO;
  if (st)
    fprintf(stderr, "newsgraph query: %s: %s\n", is_file ? arg : "query",
            st == NG_ERR_IO ? strerror(errno) : (err[0] ? err : ng_strerror(st)));
  ng_store_free(store);
  ng_text_free(text);
  return st ? EXIT_INPUT : EXIT_OK;
}

int main(int argc, char **argv) {
  Options o;
  memset(&o, 0, sizeof o);
  o.outdir = "output";
  o.base = NG_DEFAULT_BASE;
  o.outputs = NG_OUT_ALL;
  if (argc > 1 && strcmp(argv[1], "query") == 0) return query_main(argc - 1, argv + 1);
  int explicit_files = 0;
  enum {
    OPT_TITLE = 1000,
    OPT_PUBLISHER,
    OPT_DATE,
    OPT_URL,
    OPT_LANGUAGE,
    OPT_DATA,
    OPT_STORE,
    OPT_CSV_DIALECT,
    OPT_CSV_RAW
  };
  static const struct option longopts[] = {{"output", required_argument, 0, 'o'},
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
                                           {"quiet", no_argument, 0, 'q'},
                                           {"explain", no_argument, 0, 'e'},
                                           {"help", no_argument, 0, 'h'},
                                           {"version", no_argument, 0, 'V'},
                                           {0, 0, 0, 0}};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:f:b:n:m:qehV", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      o.outdir = optarg;
      explicit_files = 1;
      break;
    case 'f':
      explicit_files = 1;
      if (ng_format_parse(optarg, &o.outputs)) {
        char names[256];
        ng_format_names(names, sizeof names);
        fprintf(stderr, "newsgraph: --format: unknown format in '%s' (use %s)\n", optarg, names);
        return EXIT_USAGE;
      }
      break;
    case 'b': o.base = optarg; break;
    case 'n': o.name = optarg; break;
    case 'm': o.meta_file = optarg; break;
    case OPT_TITLE: o.meta.title = optarg; break;
    case OPT_PUBLISHER: o.meta.publisher = optarg; break;
    case OPT_DATE: o.meta.date = optarg; break;
    case OPT_URL: o.meta.url = optarg; break;
    case OPT_LANGUAGE: o.meta.language = optarg; break;
    case OPT_DATA: o.data_dir = optarg; break;
    case OPT_STORE: o.store = optarg; break;
    case OPT_CSV_DIALECT:
      if (strcmp(optarg, "gephi") == 0)
        o.csv_dialect = NG_CSV_GEPHI;
      else if (strcmp(optarg, "neo4j") == 0)
        o.csv_dialect = NG_CSV_NEO4J;
      else {
        fprintf(stderr, "newsgraph: --csv-dialect: unknown dialect '%s' (use gephi or neo4j)\n", optarg);
        return EXIT_USAGE;
      }
      break;
    case OPT_CSV_RAW: o.csv_raw = 1; break;
    case 'q': o.quiet = 1; break;
    case 'e': o.explain = 1; break;
    case 'h': usage(stdout); return EXIT_OK;
    case 'V': printf("newsgraph %s\n", NG_VERSION); return EXIT_OK;
    default: return bad_option("newsgraph", c, argv[optind - 1]);
    }
  }
  if (optind >= argc) {
    fprintf(stderr, "newsgraph: no input file\nTry 'newsgraph --help'.\n");
    return EXIT_USAGE;
  }
  if (!ng_scheme_base_ok(o.base)) {
    fprintf(stderr, "newsgraph: --base: '%s' is not an absolute IRI ending in '/' or '#'\n", o.base);
    return EXIT_USAGE;
  }
  if (strcmp(o.outdir, "-") == 0 && (o.outputs & (o.outputs - 1))) {
    fprintf(stderr, "newsgraph: --output -: choose exactly one --format for standard output\n");
    return EXIT_USAGE;
  }
  if (o.meta.date || o.meta.language) {
    NgMeta probe;
    char err[256];
    memset(&probe, 0, sizeof probe);
    if ((o.meta.date && ng_meta_set(&probe, "date", o.meta.date, err, sizeof err)) ||
        (o.meta.language && ng_meta_set(&probe, "language", o.meta.language, err, sizeof err))) {
      fprintf(stderr, "newsgraph: %s\n", err);
      ng_meta_clear(&probe);
      return EXIT_USAGE;
    }
    ng_meta_clear(&probe);
  }
  o.write_files = !o.store || explicit_files;
  if (o.write_files && strcmp(o.outdir, "-") != 0) {
    struct stat sb;
    if (stat(o.outdir, &sb) != 0) {
      if (mkdir(o.outdir, 0777) != 0) {
        fprintf(stderr, "newsgraph: %s: cannot create output directory: %s\n", o.outdir, strerror(errno));
        return EXIT_INPUT;
      }
    } else if (!S_ISDIR(sb.st_mode)) {
      fprintf(stderr, "newsgraph: %s: output path is not a directory\n", o.outdir);
      return EXIT_INPUT;
    }
  }
  NgLexicon *lex = NULL;
  char err[512] = "";
  NgStatus st = o.data_dir ? ng_lexicon_load_dir(o.data_dir, &lex, err, sizeof err)
                           : ng_lexicon_load_builtin(&lex, err, sizeof err);
  if (st) {
    fprintf(stderr, "newsgraph: %s%s%s\n", o.data_dir ? o.data_dir : "built-in data", ": ",
            err[0] ? err : ng_strerror(st));
    return EXIT_INPUT;
  }
  int rc = EXIT_OK;
  NgStore *store = NULL;
  if (o.store && !o.explain && (st = ng_store_open(o.store, NG_STORE_CREATE, &store, err, sizeof err))) {
    fprintf(stderr, "newsgraph: %s: %s\n", o.store, err[0] ? err : ng_strerror(st));
    ng_lexicon_free(lex);
    return EXIT_INPUT;
  }
  Inputs in = {NULL, 0, 0};
  for (int i = optind; i < argc && rc == EXIT_OK; ++i)
    if (add_input(&in, argv[i])) rc = EXIT_INPUT;
  if (rc == EXIT_OK)
    for (size_t i = 0; i < in.n; ++i)
      if (process(in.paths[i], &o, lex, store, i, in.n)) rc = EXIT_INPUT;
  for (size_t i = 0; i < in.n; ++i) free(in.paths[i]);
  free(in.paths);
  ng_store_free(store);
  ng_lexicon_free(lex);
  return rc;
}
