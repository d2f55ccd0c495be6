#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct NgLockImpl {
  int fd;     /* the locked file */
  char *path; /* owned */
};

/* Tries before giving up on a lock file that other processes keep
   removing under us (each removal is a release: a few suffice). */
enum { MAX_TRIES = 1000 };

NgStatus ng_lock_path(const char *target, int is_dir, char *out, size_t size) {
  size_t n = strlen(target);
  if (!n) return NG_ERR_BAD_ARG;
  int len = is_dir ? snprintf(out, size, "%s%s%s", target, target[n - 1] == '/' ? "" : "/", NG_LOCK_DIR_FILE)
                   : snprintf(out, size, "%s%s", target, NG_LOCK_SUFFIX);
  return len < 0 || (size_t)len >= size ? NG_ERR_BAD_ARG : NG_SUCCESS;
}

/* A write lock (or the question for one) over the whole file. */
static struct flock whole_file(void) {
  struct flock fl;
  memset(&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  return fl;
}

/* The PID of the process that holds the lock of fd (0 when the kernel does
   not say), or -1 when none holds it any more. */
static long holder_of(int fd) {
  struct flock fl = whole_file();
  if (fcntl(fd, F_GETLK, &fl) != 0) return 0;
  return fl.l_type == F_UNLCK ? -1 : (long)fl.l_pid;
}

/* Whether fd is still the file at `path`: an owner that released the lock
   removed it, and a waiter then holds the lock of a file nobody else will
   find. */
static int still_there(int fd, const char *path) {
  struct stat a, b;
  return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* What one attempt gave. */
typedef enum { TAKEN, AGAIN, BUSY, FAILED } Attempt;

/* Open `path` and lock it: TAKEN with *fd set, AGAIN when the file went
   away meanwhile, BUSY with *holder set, FAILED with errno set. */
static Attempt attempt(const char *path, int wait, int *fd, long *holder) {
  int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (f < 0) return FAILED;
  struct flock fl = whole_file();
  if (fcntl(f, wait ? F_SETLKW : F_SETLK, &fl) != 0) {
    int e = errno;
    long h = !wait && (e == EACCES || e == EAGAIN) ? holder_of(f) : -2;
    Attempt a = h == -2 ? FAILED : h < 0 ? AGAIN : BUSY;
    if (a == BUSY) *holder = h;
    close(f);
    errno = e;
    return a;
  }
  if (!still_there(f, path)) {
    close(f);
    return AGAIN;
  }
  *fd = f;
  return TAKEN;
}

/* The owner's PID as a line of text, for people who look. */
static void write_pid(int fd) {
  char line[32];
  int n = snprintf(line, sizeof line, "%ld\n", (long)getpid());
  if (ftruncate(fd, 0) == 0 && n > 0 && pwrite(fd, line, (size_t)n, 0) == n) return;
  /* the lock holds without it */
}

NgStatus ng_lock_acquire(const char *path, int wait, NgLock **out, long *holder) {
  *out = NULL;
  *holder = 0;
  int fd = -1;
  Attempt a = AGAIN;
  for (int i = 0; i < MAX_TRIES && a == AGAIN; ++i) a = attempt(path, wait, &fd, holder);
  if (a == BUSY) return NG_ERR_LOCKED;
  if (a == AGAIN) errno = EAGAIN;
  if (a != TAKEN) return NG_ERR_IO;
  NgLock *l = malloc(sizeof *l);
  size_t n = strlen(path) + 1;
  char *p = malloc(n);
  if (!l || !p) {
    free(l);
    free(p);
    close(fd);
    return NG_ERR_NOMEM;
  }
  memcpy(p, path, n);
  l->fd = fd;
  l->path = p;
  write_pid(fd);
  *out = l;
  return NG_SUCCESS;
}

const char *ng_lock_file(const NgLock *lock) { return lock->path; }

void ng_lock_release(NgLock *lock) {
  if (!lock) return;
  unlink(lock->path);
  close(lock->fd);
  free(lock->path);
  free(lock);
}
