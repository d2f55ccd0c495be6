/* Tests of lock.h: one holder at a time, the holder's PID, release removes
   the file, a lock file left behind is taken over, waiting. */
#include "check.h"
#include "lock.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/ng-test-lock-XXXXXX";

static void test_path(void) {
  char out[64];
  CHECK_INT_EQ(ng_lock_path("out", 1, out, sizeof out), NG_SUCCESS);
  CHECK_STR_EQ(out, "out/" NG_LOCK_DIR_FILE);
  CHECK_INT_EQ(ng_lock_path("out/", 1, out, sizeof out), NG_SUCCESS);
  CHECK_STR_EQ(out, "out/" NG_LOCK_DIR_FILE);
  CHECK_INT_EQ(ng_lock_path("kg.db", 0, out, sizeof out), NG_SUCCESS);
  CHECK_STR_EQ(out, "kg.db" NG_LOCK_SUFFIX);
  CHECK_INT_EQ(ng_lock_path("", 0, out, sizeof out), NG_ERR_BAD_ARG);
  CHECK_INT_EQ(ng_lock_path("a-rather-long-directory-name", 1, out, 20), NG_ERR_BAD_ARG);
}

/* In a child process: try the lock `path` without waiting; exit 0 when it
   was taken, 3 when locked by `want_holder`, 1 otherwise. */
static int child_tries(const char *path, long want_holder) {
  pid_t pid = fork();
  if (pid == 0) {
    NgLock *l = NULL;
    long holder = -1;
    NgStatus st = ng_lock_acquire(path, 0, &l, &holder);
    ng_lock_release(l);
    _exit(st == NG_SUCCESS ? 0 : st == NG_ERR_LOCKED && holder == want_holder ? 3 : 1);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

/* In a child process: exit 0 when the file `path` holds the parent's
   PID. */
static int child_reads_pid(const char *path) {
  long want = (long)getpid();
  pid_t pid = fork();
  if (pid == 0) {
    FILE *f = fopen(path, "r");
    char line[32] = "";
    char *end = NULL;
    long got = f && fgets(line, sizeof line, f) ? strtol(line, &end, 10) : 0;
    _exit(got == want && end && *end == '\n' ? 0 : 1);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

static int file_exists(const char *path) { return access(path, F_OK) == 0; }

static void test_exclusive(void) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, NG_LOCK_DIR_FILE);
  NgLock *l = NULL;
  long holder = -1;
  if (!CHECK_INT_EQ(ng_lock_acquire(path, 0, &l, &holder), NG_SUCCESS)) return;
  CHECK_STR_EQ(ng_lock_file(l), path);
  CHECK(file_exists(path));
  /* the file holds the PID, for people (read in another process: a close
     of any descriptor of the file would drop this process's lock) */
  CHECK_INT_EQ(child_reads_pid(path), 0);
  /* another process is refused and told who holds it */
  CHECK_INT_EQ(child_tries(path, (long)getpid()), 3);
  /* release removes the file; then another process takes it */
  ng_lock_release(l);
  CHECK(!file_exists(path));
  CHECK_INT_EQ(child_tries(path, 0), 0);
  CHECK(!file_exists(path));
  ng_lock_release(NULL); /* no-op */
}

/* A lock file whose process was killed is no lock. */
static void test_left_behind(void) {
  char path[512];
  snprintf(path, sizeof path, "%s/kg.db" NG_LOCK_SUFFIX, tmpdir);
  pid_t pid = fork();
  if (pid == 0) {
    NgLock *l = NULL;
    long holder;
    if (ng_lock_acquire(path, 0, &l, &holder)) _exit(1);
    kill(getpid(), SIGKILL);
    _exit(2);
  }
  int status = 0;
  CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  CHECK(file_exists(path)); /* the file stays... */
  NgLock *l = NULL;
  long holder = -1;
  CHECK_INT_EQ(ng_lock_acquire(path, 0, &l, &holder), NG_SUCCESS); /* ...the lock does not */
  ng_lock_release(l);
  CHECK(!file_exists(path));
}

/* A waiter gets the lock when the holder releases it, and holds it on a
   file that is there (not on the one the holder removed). */
static void test_wait(void) {
  char path[512];
  snprintf(path, sizeof path, "%s/w" NG_LOCK_SUFFIX, tmpdir);
  int go[2], done[2];
  if (!CHECK(pipe(go) == 0 && pipe(done) == 0)) return;
  NgLock *l = NULL;
  long holder;
  if (!CHECK_INT_EQ(ng_lock_acquire(path, 0, &l, &holder), NG_SUCCESS)) return;
  pid_t pid = fork();
  if (pid == 0) {
    NgLock *w = NULL;
    char c = 'x';
    (void)!write(go[1], &c, 1); /* about to wait */
    NgStatus st = ng_lock_acquire(path, 1, &w, &holder);
    int there = w && access(path, F_OK) == 0;
    c = st == NG_SUCCESS && there ? 'y' : 'n';
    (void)!write(done[1], &c, 1);
    ng_lock_release(w);
    _exit(0);
  }
  char c = 0;
  CHECK(read(go[0], &c, 1) == 1);
  ng_lock_release(l); /* the waiter may or may not be blocked yet: either way it gets the lock */
  CHECK(read(done[0], &c, 1) == 1);
  CHECK_INT_EQ(c, 'y');
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
  CHECK(!file_exists(path));
  close(go[0]);
  close(go[1]);
  close(done[0]);
  close(done[1]);
}

/* A lock in a directory that does not exist is an I/O error. */
static void test_no_dir(void) {
  NgLock *l = (NgLock *)1;
  long holder;
  errno = 0;
  CHECK_INT_EQ(ng_lock_acquire("/nonexistent/ng-lock-dir/x.lock", 0, &l, &holder), NG_ERR_IO);
  CHECK(l == NULL);
  CHECK_INT_EQ(errno, ENOENT);
}

int main(void) {
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 1;
  }
  test_path();
  test_exclusive();
  test_left_behind();
  test_wait();
  test_no_dir();
  CHECK(rmdir(tmpdir) == 0);
  return check_report();
}
