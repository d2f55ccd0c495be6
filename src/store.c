#include "store.h"

#include "store_rdf.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The prepared statements of the writer. */
enum { SEL_URI, INS_URI, SEL_LITERAL, INS_LITERAL, DEL_GRAPH, INS_TRIPLE_URI, INS_TRIPLE_LITERAL, STMT_COUNT };

static const char *const STMT_SQL[STMT_COUNT] = {
    "SELECT id FROM uris WHERE uri = ?1 LIMIT 1",
    "INSERT INTO uris (id, uri) VALUES (NULL, ?1)",
    /* "+text": a term on the column itself turned the planner to a scan */
    ("SELECT id FROM literals WHERE substr(text, 1, 64) = substr(?1, 1, 64) AND language IS ?2 AND datatype IS ?3 "
     "AND +text = ?1 LIMIT 1"),
    "INSERT INTO literals (id, text, language, datatype) VALUES (NULL, ?1, ?2, ?3)",
    "DELETE FROM triples WHERE contextUri = ?1",
    "INSERT INTO triples (subjectUri, predicateUri, objectUri, contextUri) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO triples (subjectUri, predicateUri, objectLiteral, contextUri) VALUES (?1, ?2, ?3, ?4)",
};

/* librdf's schema, exactly as librdf_storage_sqlite_open() creates it (so
   that librdf reads and writes the file as one of its own), and the
   indexes newsgraph adds.  Each index is named ng_* and created only when
   missing: a store written by an earlier newsgraph or by librdf gets them
   the first time newsgraph writes to it. */
static const char SCHEMA_SQL[] = "CREATE TABLE uris (id INTEGER PRIMARY KEY, uri TEXT);"
                                 "CREATE TABLE blanks (id INTEGER PRIMARY KEY, blank TEXT);"
                                 "CREATE TABLE literals (id INTEGER PRIMARY KEY, text TEXT, language TEXT, "
                                 "datatype INTEGER);"
                                 "CREATE TABLE triples (subjectUri INTEGER, subjectBlank INTEGER, predicateUri "
                                 "INTEGER, objectUri INTEGER, objectBlank INTEGER, objectLiteral INTEGER, "
                                 "contextUri INTEGER);"
                                 "CREATE INDEX spindex ON triples (subjectUri, subjectBlank, predicateUri);"
                                 "CREATE INDEX uriindex ON uris (uri);";

/* Literals are found by their first 64 characters: an index of whole
   texts compares a search key with the article's text (nif:isString, up
   to megabytes in overflow pages) at every step, which made a long
   article's store cost grow with the square of its length. */
static const char INDEX_SQL[] =
    "CREATE INDEX IF NOT EXISTS ng_literal_prefix_index ON literals (substr(text, 1, 64), language, datatype);"
    "CREATE INDEX IF NOT EXISTS ng_context_index ON triples (contextUri);"
    "CREATE INDEX IF NOT EXISTS ng_predicate_object_index ON triples (predicateUri, objectUri, objectLiteral);";

/* Every table and column librdf reads: a statement that fails to prepare
   means the file is not a store. */
static const char SCHEMA_PROBE_SQL[] =
    "SELECT t.subjectUri, t.subjectBlank, t.predicateUri, t.objectUri, t.objectBlank, t.objectLiteral, "
    "t.contextUri, u.id, u.uri, b.id, b.blank, l.id, l.text, l.language, l.datatype "
    "FROM triples AS t, uris AS u, blanks AS b, literals AS l LIMIT 0";

/* Waiting for another process that writes to the store. */
enum { BUSY_TIMEOUT_MS = 10000 };

struct NgStoreImpl {
  sqlite3 *db;
  sqlite3_stmt *stmt[STMT_COUNT]; /* NG_STORE_CREATE only */
  /* librdf over the same file: NG_STORE_READ only */
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  char last_error[512]; /* librdf's last error message */
};

static int log_handler(void *user, librdf_log_message *msg) {
  NgStore *s = user;
  const char *m = librdf_log_message_message(msg);
  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR && m) snprintf(s->last_error, sizeof s->last_error, "%s", m);
  return 1; /* handled: print nothing */
}

/* rasqal's messages (parse errors, warnings such as an unused variable):
   errors are kept for the caller, nothing is printed. */
static void rasqal_log(void *user, raptor_log_message *msg) {
  NgStore *s = user;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR && msg->text) snprintf(s->last_error, sizeof s->last_error, "%s", msg->text);
}

void ng_store_free(NgStore *s) {
  if (!s) return;
  if (s->model) librdf_free_model(s->model);
  if (s->storage) librdf_free_storage(s->storage);
  if (s->world) librdf_free_world(s->world);
  for (size_t i = 0; i < STMT_COUNT; ++i) sqlite3_finalize(s->stmt[i]);
  sqlite3_close(s->db);
  free(s);
}

librdf_world *ng_store_rdf_world(const NgStore *s) { return s->world; }
librdf_model *ng_store_rdf_model(const NgStore *s) { return s->model; }
const char *ng_store_rdf_error(const NgStore *s) { return s->last_error; }
void ng_store_rdf_clear_error(NgStore *s) { s->last_error[0] = '\0'; }

/* ---- opening ------------------------------------------------------------------ */

/* Whether the store file exists (*exists) and holds anything (*nonempty);
   a directory or (for reading) a missing or empty file is an error with a
   message. */
static NgStatus check_path(const char *path, NgStoreMode mode, int *exists, int *nonempty, char *err, size_t es) {
  struct stat sb;
  *exists = stat(path, &sb) == 0;
  *nonempty = *exists && sb.st_size > 0;
  if (*exists && S_ISDIR(sb.st_mode)) {
    snprintf(err, es, "is a directory, not a store");
    return NG_ERR_ISDIR;
  }
  if (!*exists && mode == NG_STORE_READ) {
    snprintf(err, es, "no such store (create one with --store)");
    return NG_ERR_NOENT;
  }
  if (*exists && !*nonempty && mode == NG_STORE_READ) {
    snprintf(err, es, "not a newsgraph store (an empty file)");
    return NG_ERR_SYNTAX;
  }
  return NG_SUCCESS;
}

/* What a damaged store's message ends with, except in the check itself. */
#define CHECK_HINT " (newsgraph store check FILE checks all of it)"

/* "damaged store: WHAT" on one line (SQLite's reports span lines and start
   with "*** in database main ***"). */
static void damaged(const char *what, char *err, size_t es) {
  static const char banner[] = "*** in database main ***";
  while (*what == ' ' || *what == '\n') ++what;
  if (strncmp(what, banner, sizeof banner - 1) == 0) what += sizeof banner - 1;
  while (*what == ' ' || *what == '\n') ++what;
  snprintf(err, es, "damaged store: %s%s", what, CHECK_HINT);
  for (char *p = err; *p; ++p)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
}

/* An SQLite failure as one line: "damaged store: ..." for corruption,
   "not a newsgraph store" for a file that is not a database. */
static NgStatus sql_error(sqlite3 *db, int rc, const char *what, char *err, size_t es) {
  int code = rc & 0xff;
  const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (code == SQLITE_CORRUPT) {
    damaged(msg, err, es);
    return NG_ERR_SYNTAX;
  }
  if (code == SQLITE_NOTADB) {
    snprintf(err, es, "not a newsgraph store (not an SQLite database)");
    return NG_ERR_SYNTAX;
  }
  snprintf(err, es, "%s: %s", what, msg);
  return code == SQLITE_NOMEM ? NG_ERR_NOMEM : NG_ERR_IO;
}

/* Run one PRAGMA whose first row is "ok" when all is well (quick_check,
   integrity_check); anything else is a damaged store. */
static NgStatus pragma_ok(sqlite3 *db, const char *pragma, char *err, size_t es) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, pragma, -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  NgStatus res = NG_SUCCESS;
  if (rc == SQLITE_ROW) {
    const unsigned char *v = sqlite3_column_text(st, 0);
    if (!v || strcmp((const char *)v, "ok") != 0) {
      damaged(v ? (const char *)v : "?", err, es);
      res = NG_ERR_SYNTAX;
    }
  } else {
    res = sql_error(db, rc, pragma, err, es);
  }
  sqlite3_finalize(st);
  return res;
}

static NgStatus count_rows(sqlite3 *db, const char *sql, size_t *n, char *err, size_t es);

static NgStatus exec_sql(sqlite3 *db, const char *sql, char *err, size_t es) {
  int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? NG_SUCCESS : sql_error(db, rc, "cannot write the store", err, es);
}

/* The tables and columns librdf needs are there. */
static NgStatus probe_schema(sqlite3 *db, char *err, size_t es) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, SCHEMA_PROBE_SQL, -1, &st, NULL);
  sqlite3_finalize(st);
  if (rc == SQLITE_OK) return NG_SUCCESS;
  if ((rc & 0xff) == SQLITE_ERROR) {
    snprintf(err, es, "not a newsgraph store (an SQLite database without librdf's tables)");
    return NG_ERR_SYNTAX;
  }
  return sql_error(db, rc, "cannot read the store", err, es);
}

/* librdf's tables in a new (empty) database, unless another process made
   them first. */
static NgStatus create_schema(sqlite3 *db, char *err, size_t es) {
  NgStatus st = exec_sql(db, "BEGIN IMMEDIATE", err, es);
  size_t tables = 0;
  if (!st) st = count_rows(db, "SELECT COUNT(*) FROM sqlite_master", &tables, err, es);
  if (!st && tables == 0) st = exec_sql(db, SCHEMA_SQL, err, es);
  if (st) {
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return st;
  }
  return exec_sql(db, "COMMIT", err, es);
}

/* The SQLite connection of s, checked: the database opens, passes
   quick_check and has the schema (created for a new store). */
static NgStatus open_db(NgStore *s, const char *path, NgStoreMode mode, int nonempty, char *err, size_t es) {
  int flags = mode == NG_STORE_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
  if (rc != SQLITE_OK) return sql_error(s->db, rc, "cannot open the store", err, es);
  sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
  NgStatus st = pragma_ok(s->db, "PRAGMA quick_check", err, es);
  if (!st && !nonempty) st = create_schema(s->db, err, es);
  if (!st) st = probe_schema(s->db, err, es);
  if (!st && mode == NG_STORE_CREATE) st = exec_sql(s->db, "PRAGMA synchronous=NORMAL", err, es);
  /* a page cache of up to 64 MiB (default 2 MiB): a large article's
     triples touch index pages all over the file, which SQLite otherwise
     reads again and again */
  if (!st && mode == NG_STORE_CREATE) st = exec_sql(s->db, "PRAGMA cache_size=-65536", err, es);
  if (!st && mode == NG_STORE_CREATE) st = exec_sql(s->db, INDEX_SQL, err, es);
  return st;
}

static NgStatus prepare_writer(NgStore *s, char *err, size_t es) {
  for (size_t i = 0; i < STMT_COUNT; ++i) {
    int rc = sqlite3_prepare_v3(s->db, STMT_SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i], NULL);
    if (rc != SQLITE_OK) return sql_error(s->db, rc, "not a newsgraph store", err, es);
  }
  return NG_SUCCESS;
}

/* librdf's world, SQLite storage with contexts, and model over the file,
   for queries. */
static NgStatus open_model(NgStore *s, const char *path, char *err, size_t es) {
  if (!(s->world = librdf_new_world())) return NG_ERR_NOMEM;
  librdf_world_set_logger(s->world, s, log_handler);
  librdf_world_open(s->world);
  rasqal_world *rw = librdf_world_get_rasqal(s->world);
  if (rw) rasqal_world_set_log_handler(rw, s, rasqal_log);
  s->storage = librdf_new_storage(s->world, "sqlite", path, "contexts='yes'");
  if (s->storage) s->model = librdf_new_model(s->world, s->storage, NULL);
  if (s->model && librdf_model_supports_contexts(s->model)) return NG_SUCCESS;
  snprintf(err, es, "%s",
           s->last_error[0] ? s->last_error : "cannot open the store (is librdf-storage-sqlite installed?)");
  return NG_ERR_RDF;
}

NgStatus ng_store_open(const char *path, NgStoreMode mode, NgStore **out, char *err, size_t es) {
  char buf[512];
  if (!err || !es) {
    err = buf;
    es = sizeof buf;
  }
  *out = NULL;
  err[0] = '\0';
  int exists, nonempty;
  NgStatus st = check_path(path, mode, &exists, &nonempty, err, es);
  if (st) return st;
  NgStore *s = calloc(1, sizeof *s);
  if (!s) return NG_ERR_NOMEM;
  st = open_db(s, path, mode, nonempty, err, es);
  if (!st) st = mode == NG_STORE_READ ? open_model(s, path, err, es) : prepare_writer(s, err, es);
  if (st) {
    ng_store_free(s);
    if (!exists) unlink(path); /* leave nothing behind */
    return st;
  }
  *out = s;
  return NG_SUCCESS;
}

/* ---- writing --------------------------------------------------------------------- */

/* Step a prepared statement that returns nothing, and reset it. */
static NgStatus run(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? NG_SUCCESS : NG_ERR_IO;
}

/* The id of the first row of a lookup (reset afterwards); 0 when there is
   none (SQLite row ids of these tables start at 1). */
static NgStatus lookup(sqlite3_stmt *st, sqlite3_int64 *id) {
  int rc = sqlite3_step(st);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_reset(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? NG_SUCCESS : NG_ERR_IO;
}

static int bind_text(sqlite3_stmt *st, int i, const char *v) {
  return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* The row id of the IRI `uri` in uris, added when missing. */
static NgStatus uri_id(NgStore *s, const char *uri, sqlite3_int64 *id) {
  if (bind_text(s->stmt[SEL_URI], 1, uri) != SQLITE_OK) return NG_ERR_IO;
  NgStatus st = lookup(s->stmt[SEL_URI], id);
  if (st || *id) return st;
  if (bind_text(s->stmt[INS_URI], 1, uri) != SQLITE_OK) return NG_ERR_IO;
  st = run(s->stmt[INS_URI]);
  *id = sqlite3_last_insert_rowid(s->db);
  return st;
}

/* The row id of a literal in literals, added when missing: its datatype is
   the uris row of the datatype IRI (NULL without one), as librdf has it. */
static NgStatus literal_id(NgStore *s, const NgTriple *t, sqlite3_int64 *id) {
  sqlite3_int64 dt = 0;
  NgStatus st = t->datatype ? uri_id(s, t->datatype, &dt) : NG_SUCCESS;
  for (int k = SEL_LITERAL; !st && k <= INS_LITERAL; ++k) {
    sqlite3_stmt *q = s->stmt[k];
    if (bind_text(q, 1, t->o) != SQLITE_OK || bind_text(q, 2, t->lang) != SQLITE_OK ||
        (dt ? sqlite3_bind_int64(q, 3, dt) : sqlite3_bind_null(q, 3)) != SQLITE_OK)
      return NG_ERR_IO;
    if (k == SEL_LITERAL) {
      st = lookup(q, id);
      if (*id) return st;
    } else {
      st = run(q);
      *id = sqlite3_last_insert_rowid(s->db);
    }
  }
  return st;
}

/* Add one triple to the context `ctx`. */
static NgStatus add_triple(NgStore *s, sqlite3_int64 ctx, const NgTriple *t) {
  sqlite3_int64 sid, pid, oid;
  NgStatus st = uri_id(s, t->s, &sid);
  if (!st) st = uri_id(s, t->p, &pid);
  if (!st) st = t->o_iri ? uri_id(s, t->o, &oid) : literal_id(s, t, &oid);
  if (st) return st;
  sqlite3_stmt *q = s->stmt[t->o_iri ? INS_TRIPLE_URI : INS_TRIPLE_LITERAL];
  if (sqlite3_bind_int64(q, 1, sid) != SQLITE_OK || sqlite3_bind_int64(q, 2, pid) != SQLITE_OK ||
      sqlite3_bind_int64(q, 3, oid) != SQLITE_OK || sqlite3_bind_int64(q, 4, ctx) != SQLITE_OK)
    return NG_ERR_IO;
  return run(q);
}

NgStatus ng_store_put_graph(NgStore *s, const char *graph, const NgTriple *t, size_t n) {
  if (!s->stmt[0]) return NG_ERR_BAD_ARG; /* opened for reading */
  if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return NG_ERR_IO;
  sqlite3_int64 ctx;
  NgStatus st = uri_id(s, graph, &ctx);
  if (!st && sqlite3_bind_int64(s->stmt[DEL_GRAPH], 1, ctx) != SQLITE_OK) st = NG_ERR_IO;
  if (!st) st = run(s->stmt[DEL_GRAPH]);
  for (size_t i = 0; i < n && !st; ++i) st = add_triple(s, ctx, &t[i]);
  if (!st && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) st = NG_ERR_IO;
  if (st) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return st;
}

/* The integer of the first column of the first row of `sql`. */
static NgStatus count_rows(sqlite3 *db, const char *sql, size_t *n, char *err, size_t es) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  sqlite3_int64 k = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  *n = k > 0 ? (size_t)k : 0;
  return rc == SQLITE_ROW ? NG_SUCCESS : sql_error(db, rc, "cannot read the store", err, es);
}

NgStatus ng_store_size(NgStore *s, size_t *n) {
  char err[256];
  return count_rows(s->db, "SELECT COUNT(*) FROM triples", n, err, sizeof err);
}

/* ---- the full check ------------------------------------------------------------------- */

/* Triples whose subject, predicate, object, datatype or context names a row
   that is not there: the tables disagree although each b-tree is sound. */
static const char DANGLING_SQL[] =
    "SELECT COUNT(*) FROM triples AS t "
    "WHERE (t.subjectUri IS NOT NULL AND NOT EXISTS (SELECT 1 FROM uris WHERE id = t.subjectUri)) "
    "OR (t.subjectBlank IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blanks WHERE id = t.subjectBlank)) "
    "OR (t.subjectUri IS NULL AND t.subjectBlank IS NULL) "
    "OR NOT EXISTS (SELECT 1 FROM uris WHERE id = t.predicateUri) "
    "OR (t.objectUri IS NOT NULL AND NOT EXISTS (SELECT 1 FROM uris WHERE id = t.objectUri)) "
    "OR (t.objectBlank IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blanks WHERE id = t.objectBlank)) "
    "OR (t.objectLiteral IS NOT NULL AND NOT EXISTS (SELECT 1 FROM literals WHERE id = t.objectLiteral)) "
    "OR (t.objectUri IS NULL AND t.objectBlank IS NULL AND t.objectLiteral IS NULL) "
    "OR (t.contextUri IS NOT NULL AND NOT EXISTS (SELECT 1 FROM uris WHERE id = t.contextUri))";

static const char DANGLING_DATATYPE_SQL[] =
    "SELECT COUNT(*) FROM literals AS l "
    "WHERE l.datatype IS NOT NULL AND NOT EXISTS (SELECT 1 FROM uris WHERE id = l.datatype)";

static NgStatus check_references(sqlite3 *db, char *err, size_t es) {
  size_t bad = 0, bad_dt = 0;
  NgStatus st = count_rows(db, DANGLING_SQL, &bad, err, es);
  if (!st) st = count_rows(db, DANGLING_DATATYPE_SQL, &bad_dt, err, es);
  if (st || (!bad && !bad_dt)) return st;
  if (bad)
    snprintf(err, es, "damaged store: %zu triple%s name%s a node that is not in the store", bad, bad == 1 ? "" : "s",
             bad == 1 ? "s" : "");
  else
    snprintf(err, es, "damaged store: %zu literal%s name%s a datatype that is not in the store", bad_dt,
             bad_dt == 1 ? "" : "s", bad_dt == 1 ? "s" : "");
  return NG_ERR_SYNTAX;
}

NgStatus ng_store_check(const char *path, NgStoreReport *report, char *err, size_t es) {
  memset(report, 0, sizeof *report);
  err[0] = '\0';
  int exists, nonempty;
  NgStatus st = check_path(path, NG_STORE_READ, &exists, &nonempty, err, es);
  if (st) return st;
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
  st = rc == SQLITE_OK ? NG_SUCCESS : sql_error(db, rc, "cannot open the store", err, es);
  if (!st) {
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    st = pragma_ok(db, "PRAGMA integrity_check(1)", err, es);
  }
  if (!st) st = probe_schema(db, err, es);
  if (!st) st = check_references(db, err, es);
  if (!st) st = count_rows(db, "SELECT COUNT(*) FROM triples", &report->triples, err, es);
  if (!st) st = count_rows(db, "SELECT COUNT(DISTINCT contextUri) FROM triples", &report->graphs, err, es);
  sqlite3_close(db);
  char *hint = strstr(err, CHECK_HINT);
  if (hint) *hint = '\0'; /* this is the check */
  return st;
}
