#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define NG_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NG_SANITIZED 1
#endif
#endif

#if defined(__linux__) && defined(__x86_64__)
#define NG_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__linux__) && defined(__aarch64__)
#define NG_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

int ng_sandbox_blocks_network(void) {
#ifdef NG_AUDIT_ARCH
  return 1;
#else
  return 0;
#endif
}

/* ---- the child ---------------------------------------------------------------- */

#ifdef NG_AUDIT_ARCH
/* socket() fails with EACCES; so does every system call of another ABI
   (x32 numbers on x86-64, 32-bit calls), which could open one anyway. */
static void shut_network(void) {
  struct sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NG_AUDIT_ARCH, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 2, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
  };
  struct sock_fprog prog = {(unsigned short)(sizeof filter / sizeof filter[0]), filter};
  /* best effort: without the filter, query_guard still refuses SERVICE */
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0) prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}
#else
static void shut_network(void) {}
#endif

static void set_limit(int resource, rlim_t value) {
  struct rlimit rl;
  if (getrlimit(resource, &rl) != 0) return;
  if (rl.rlim_max != RLIM_INFINITY && value > rl.rlim_max) value = rl.rlim_max;
  rl.rlim_cur = value;
  setrlimit(resource, &rl);
}

static void limit_child(const NgSandboxLimits *lim) {
  set_limit(RLIMIT_CORE, 0);
  if (lim->timeout > 0) set_limit(RLIMIT_CPU, (rlim_t)lim->timeout + 2); /* rounded up, plus one */
#ifndef NG_SANITIZED
  if (lim->max_memory > 0) set_limit(RLIMIT_AS, (rlim_t)lim->max_memory * 4 + ((rlim_t)256 << 20));
#endif
}

static void run_child(const NgSandboxLimits *lim, NgChildFn fn, void *arg, FILE *out, pid_t parent) {
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
#endif
  if (getppid() != parent) _exit(125); /* the parent is gone already */
  limit_child(lim);
  shut_network();
  int rc = fn(arg, out);
  if (fflush(out) != 0 && rc == 0) rc = 1;
  exit(rc); /* exit handlers run: leak checkers see the child too */
}

/* ---- the parent ------------------------------------------------------------------- */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Resident memory of the process pid in bytes (0 when unknown). */
static size_t resident(pid_t pid) {
  char path[64], buf[128];
  snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  char *end = NULL;
  strtoul(buf, &end, 10); /* the size; the resident pages come next */
  unsigned long pages = end ? strtoul(end, NULL, 10) : 0;
  long ps = sysconf(_SC_PAGESIZE);
  return (size_t)pages * (size_t)(ps > 0 ? ps : 4096);
}

static void pause_ms(double ms) {
  struct timespec ts = {0, (long)(ms * 1e6)};
  nanosleep(&ts, NULL);
}

/* Kill the child and reap it. */
static void stop(pid_t pid, int *status) {
  kill(pid, SIGKILL);
  while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
  }
}

/* Wait for the child, killing it at a limit: how it ended. */
static NgChildEnd wait_child(pid_t pid, const NgSandboxLimits *lim, int *status) {
  double start = now(), nap = 0.5;
  for (;;) {
    pid_t r = waitpid(pid, status, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR)) return NG_CHILD_EXITED;
    if (lim->timeout > 0 && now() - start > lim->timeout) {
      stop(pid, status);
      return NG_CHILD_TIMEOUT;
    }
    if (lim->max_memory > 0 && resident(pid) > lim->max_memory) {
      stop(pid, status);
      return NG_CHILD_MEMORY;
    }
    pause_ms(nap);
    if (nap < 10) nap *= 2; /* quick queries return quickly, long ones cost little */
  }
}

static void watch(pid_t pid, const NgSandboxLimits *lim, NgChildReport *rep) {
  double start = now();
  int status = 0;
  rep->end = wait_child(pid, lim, &status);
  rep->seconds = now() - start;
  struct rusage ru;
  /* the largest of the children so far: this one, as newsgraph runs one */
  if (getrusage(RUSAGE_CHILDREN, &ru) == 0) rep->peak_rss = (size_t)ru.ru_maxrss * 1024;
  if (rep->end != NG_CHILD_EXITED) return;
  if (WIFSIGNALED(status)) {
    rep->end = WTERMSIG(status) == SIGXCPU ? NG_CHILD_TIMEOUT : NG_CHILD_SIGNALED;
    rep->status = WTERMSIG(status);
  } else {
    rep->status = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  }
}

NgStatus ng_sandbox_run(const NgSandboxLimits *lim, NgChildFn fn, void *arg, FILE **output, NgChildReport *rep) {
  memset(rep, 0, sizeof *rep);
  *output = NULL;
  FILE *out = tmpfile();
  if (!out) return NG_ERR_IO;
  fflush(NULL); /* nothing buffered may be written twice */
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    fclose(out);
    return NG_ERR_IO;
  }
  if (pid == 0) run_child(lim, fn, arg, out, parent);
  watch(pid, lim, rep);
  rewind(out);
  *output = out;
  return NG_SUCCESS;
}
