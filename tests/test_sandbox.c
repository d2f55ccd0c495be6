/* Tests of sandbox.h: exit statuses, output, the time and memory limits,
 * signals, and no network in the child. */
#include "check.h"
#include "sandbox.h"

#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int say_hello(void *arg, FILE *out) {
  fprintf(out, "hello %s\n", (const char *)arg);
  return 3;
}

static int sleep_forever(void *arg, FILE *out) {
  (void)arg;
  fputs("partial", out);
  fflush(out);
  for (;;) pause();
  return 0; /* never */
}

static int spin(void *arg, FILE *out) {
  (void)arg;
  (void)out;
  volatile unsigned long n = 0;
  for (;;) ++n;
  return 0; /* never */
}

/* Touch more and more memory, as rasqal's REPLACE of an empty match does. */
static int grow(void *arg, FILE *out) {
  (void)arg;
  (void)out;
  void **chain = NULL; /* each block holds the one before */
  int rc = 0;
  for (size_t total = 0; total < ((size_t)4 << 30) && !rc; total += (size_t)16 << 20) {
    void **p = malloc((size_t)16 << 20);
    if (!p) {
      rc = 9;
      break;
    }
    memset(p, 1, (size_t)16 << 20);
    *p = chain;
    chain = p;
  }
  while (chain) {
    void **before = *chain;
    free(chain);
    chain = before;
  }
  return rc;
}

static int terminate_self(void *arg, FILE *out) {
  (void)arg;
  (void)out;
  raise(SIGTERM);
  return 0;
}

/* 0: socket() failed with EACCES; 1: it worked; 2: it failed otherwise. */
static int open_socket(void *arg, FILE *out) {
  (void)arg;
  (void)out;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd >= 0) {
    close(fd);
    return 1;
  }
  return errno == EACCES ? 0 : 2;
}

static void run(NgSandboxLimits lim, NgChildFn fn, void *arg, NgChildReport *rep, char *text, size_t size) {
  FILE *out = NULL;
  text[0] = '\0';
  if (!CHECK_INT_EQ(ng_sandbox_run(&lim, fn, arg, &out, rep), NG_SUCCESS)) return;
  size_t n = fread(text, 1, size - 1, out);
  text[n] = '\0';
  fclose(out);
}

int main(void) {
  NgChildReport rep;
  char text[256];
  NgSandboxLimits none = {0, 0}, quick = {0.3, 0}, small = {20, (size_t)64 << 20};

  char name[] = "child";
  run(none, say_hello, name, &rep, text, sizeof text);
  CHECK_INT_EQ(rep.end, NG_CHILD_EXITED);
  CHECK_INT_EQ(rep.status, 3);
  CHECK_STR_EQ(text, "hello child\n");

  run(quick, sleep_forever, NULL, &rep, text, sizeof text);
  CHECK_INT_EQ(rep.end, NG_CHILD_TIMEOUT);
  CHECK(rep.seconds >= 0.3 && rep.seconds < 10);
  CHECK_STR_EQ(text, "partial"); /* the caller decides what to do with it */

  run(quick, spin, NULL, &rep, text, sizeof text);
  CHECK_INT_EQ(rep.end, NG_CHILD_TIMEOUT);

  run(small, grow, NULL, &rep, text, sizeof text);
  CHECK_INT_EQ(rep.end, NG_CHILD_MEMORY);
  CHECK(rep.seconds < 20);

  run(none, terminate_self, NULL, &rep, text, sizeof text);
  CHECK_INT_EQ(rep.end, NG_CHILD_SIGNALED);
  CHECK_INT_EQ(rep.status, SIGTERM);

  run(none, open_socket, NULL, &rep, text, sizeof text);
  CHECK_INT_EQ(rep.end, NG_CHILD_EXITED);
  CHECK_INT_EQ(rep.status, ng_sandbox_blocks_network() ? 0 : 1);
  /* the parent keeps its network */
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(fd >= 0);
  if (fd >= 0) close(fd);
  return check_report();
}
