/* newsgraph -- a deterministic stand-in for libFuzzer: reads seed files,
 * and for each runs LLVMFuzzerTestOneInput on the seed and on N mutations
 * of it (byte flips, inserted punctuation and capitals, cut and repeated
 * spans, spliced seeds), with a fixed pseudo-random sequence so a failure
 * is reproducible.  Usage: fuzz_NAME_smoke ITERATIONS SEED_FILE...
 *
 * When a target aborts (the oracles of fuzz/ call abort()), the input that
 * did it is written to the file named by $NG_FUZZ_CRASH (default
 * "fuzz-smoke-crash" in the working directory); rerun the target on that
 * file alone (ITERATIONS 0) to see it again.  With NG_FUZZ_SAVE=FILE every
 * input is written to FILE before it runs (slow), for crashes that do not
 * abort (a sanitizer's report exits without a signal).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t next(uint64_t *s) { /* xorshift64* */
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ULL;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t cap = 0, len = 0;
  for (;;) {
    if (len + 4096 > cap) {
      cap = (cap + 4096) * 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (!got) break;
  }
  fclose(f);
  *n = len;
  return buf;
}

static const char *const PIECES[] = {"’s",  "'s",         "\"",        "“",        "”",          "(",           ")",
                                     "[",   "]",          ",",         ".",        "-",          " of the ",    " and ",
                                     "Mr ", "President ", "U.S. ",     " said ",   " met ",      " in ",        "\n\n",
                                     "ABC", " al-",       " von der ", "Minister", " Agreement", " University", "\xC3"};

/* The buffer being mutated: out[0..len) of capacity cap. */
typedef struct {
  char *out;
  size_t len, cap;
} Buf;

/* Make room for dl bytes at `at` (0 when they do not fit). */
static int open_gap(Buf *b, size_t at, size_t dl) {
  if (b->len + dl > b->cap) return 0;
  memmove(b->out + at + dl, b->out + at, b->len - at);
  b->len += dl;
  return 1;
}

/* Insert one of PIECES at `at`. */
static void insert_piece(Buf *b, size_t at, uint64_t *rs) {
  const char *p = PIECES[next(rs) % (sizeof PIECES / sizeof PIECES[0])];
  size_t pl = strlen(p);
  if (!open_gap(b, at, pl)) return;
  for (size_t q = 0; q < pl; ++q) b->out[at + q] = p[q];
}

/* Delete up to 64 bytes at `at`. */
static void delete_span(Buf *b, size_t at, uint64_t *rs) {
  size_t dl = 1 + next(rs) % 64;
  if (at + dl > b->len) dl = b->len - at;
  memmove(b->out + at, b->out + at + dl, b->len - at - dl);
  b->len -= dl;
}

/* Repeat up to 200 bytes at `at`. */
static void repeat_span(Buf *b, size_t at, uint64_t *rs) {
  size_t dl = 1 + next(rs) % 200;
  if (at + dl > b->len) dl = b->len - at;
  open_gap(b, at, dl);
}

/* Splice in up to 300 bytes of another seed at `at`. */
static void splice(Buf *b, size_t at, const char *other, size_t on, uint64_t *rs) {
  if (!on) return;
  size_t from = next(rs) % on, dl = 1 + next(rs) % 300;
  if (from + dl > on) dl = on - from;
  if (open_gap(b, at, dl)) memcpy(b->out + at, other + from, dl);
}

/* One mutation of seed[0..n) into out (capacity cap); returns its length. */
static size_t mutate(const char *seed, size_t n, const char *other, size_t on, char *out, size_t cap, uint64_t *rs) {
  Buf b = {out, n < cap ? n : cap, cap};
  memcpy(out, seed, b.len);
  int edits = 1 + (int)(next(rs) % 8);
  for (int e = 0; e < edits && b.len; ++e) {
    size_t at = next(rs) % b.len;
    switch (next(rs) % 5) {
    case 0: out[at] = (char)(next(rs) & 0xFF); break; /* flip a byte */
    case 1: insert_piece(&b, at, rs); break;
    case 2: delete_span(&b, at, rs); break;
    case 3: repeat_span(&b, at, rs); break;
    default: splice(&b, at, other, on, rs); break;
    }
  }
  return b.len;
}

/* The input that runs now, for the abort handler. */
static const char *current;
static size_t current_len;
static const char *crash_file = "fuzz-smoke-crash";

static void on_abort(int sig) {
  int fd = open(crash_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    size_t put = 0;
    while (put < current_len) {
      ssize_t w = write(fd, current + put, current_len - put);
      if (w <= 0) break;
      put += (size_t)w;
    }
    close(fd);
    static const char msg[] = "fuzz smoke driver: the input is in $NG_FUZZ_CRASH (default ./fuzz-smoke-crash)\n";
    if (write(2, msg, sizeof msg - 1) < 0) _exit(134);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Run the target on buf[0..len), remembered for the abort handler and
   saved to `save` first when it is not NULL. */
static void run(const char *buf, size_t len, const char *save) {
  current = buf;
  current_len = len;
  if (save) {
    FILE *f = fopen(save, "wb");
    if (f) {
      fwrite(buf, 1, len, f);
      fclose(f);
    }
  }
  LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
}

/* Free the seeds and the buffer; returns `rc`. */
static int done(char **seeds, size_t ns, size_t *lens, char *buf, int rc) {
  for (size_t i = 0; seeds && i < ns; ++i) free(seeds[i]);
  free(seeds);
  free(lens);
  free(buf);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s ITERATIONS SEED_FILE...\n", argv[0]);
    return 2;
  }
  long iters = strtol(argv[1], NULL, 10);
  size_t ns = (size_t)(argc - 2);
  char **seeds = calloc(ns, sizeof *seeds);
  size_t *lens = calloc(ns, sizeof *lens);
  if (!seeds || !lens) return done(seeds, ns, lens, NULL, 1);
  for (size_t i = 0; i < ns; ++i) {
    seeds[i] = slurp(argv[i + 2], &lens[i]);
    if (!seeds[i]) {
      fprintf(stderr, "fuzz_smoke: cannot read %s\n", argv[i + 2]);
      return done(seeds, ns, lens, NULL, 1);
    }
  }
  uint64_t rs = 0x9E3779B97F4A7C15ULL;
  size_t cap = 1;
  for (size_t i = 0; i < ns; ++i)
    if (lens[i] * 2 + 4096 > cap) cap = lens[i] * 2 + 4096;
  char *buf = malloc(cap);
  if (!buf) return done(seeds, ns, lens, NULL, 1);
  const char *save = getenv("NG_FUZZ_SAVE");
  if (getenv("NG_FUZZ_CRASH")) crash_file = getenv("NG_FUZZ_CRASH");
  signal(SIGABRT, on_abort);
  long runs = 0;
  for (size_t i = 0; i < ns; ++i) {
    run(seeds[i], lens[i], save);
    ++runs;
    for (long k = 0; k < iters; ++k) {
      size_t o = next(&rs) % ns;
      size_t len = mutate(seeds[i], lens[i], seeds[o], lens[o], buf, cap, &rs);
      run(buf, len, save);
      ++runs;
    }
  }
  const char *name = strrchr(argv[0], '/');
  printf("%s: %ld inputs, no crash\n", name ? name + 1 : argv[0], runs);
  return done(seeds, ns, lens, buf, 0);
}
