/* newsgraph -- sandbox: run a function in a child process under a time and
 * a memory limit, without network, and say how it ended.
 *
 * `newsgraph query` runs each query this way: a query that loops
 * (rasqal's REPLACE with a pattern that matches the empty string never
 * returns and grows without bound) or explodes (many OPTIONALs) is killed
 * by the parent, which reports it, and cannot take the machine.
 *
 * - The parent watches the child every few milliseconds: past the wall
 *   time limit, or with more resident memory than the memory limit, the
 *   child is killed (SIGKILL).  The child also gets RLIMIT_CPU (the time
 *   limit, rounded up, plus one second) and, outside sanitizer builds
 *   (which reserve terabytes of address space), RLIMIT_AS at four times
 *   the memory limit plus 256 MiB as a backstop should the watch be too
 *   slow; no core files.  The child dies with its parent (PR_SET_PDEATHSIG).
 * - On Linux (x86-64, AArch64) a seccomp filter makes socket() fail with
 *   EACCES in the child: nothing it runs can open a network connection.
 * - What the child writes goes into an anonymous temporary file, handed to
 *   the parent afterwards: a child that is killed leaves no partial output
 *   on the parent's streams.
 *
 * Standard streams are flushed before the fork.  Not for threaded
 * programs.
 */
#ifndef NG_SANDBOX_H
#define NG_SANDBOX_H

#include "status.h"

#include <stddef.h>
#include <stdio.h>

typedef struct {
  double timeout;    /**< wall time in seconds; 0: none */
  size_t max_memory; /**< resident memory in bytes; 0: none */
} NgSandboxLimits;

/** How the child ended. */
typedef enum {
  NG_CHILD_EXITED,  /**< It returned (or exited): `status` is its exit status. */
  NG_CHILD_TIMEOUT, /**< Killed at the time limit (or by RLIMIT_CPU). */
  NG_CHILD_MEMORY,  /**< Killed at the memory limit. */
  NG_CHILD_SIGNALED /**< Died of a signal: `status` is the signal. */
} NgChildEnd;

typedef struct {
  NgChildEnd end;
  int status;
  size_t peak_rss; /**< peak resident memory of this process's children so far, in bytes */
  double seconds;  /**< wall time */
} NgChildReport;

/** The function the child runs: it writes to `out` and returns the child's
 *  exit status (0..125). */
typedef int (*NgChildFn)(void *arg, FILE *out);

/** Run fn(arg, out) in a child process under `limits`.  On NG_SUCCESS
 *  *report says how it ended and *output (owned by the caller: fclose) is
 *  what it wrote, rewound.  NG_ERR_IO when no child or temporary file
 *  could be made (errno tells). */
NgStatus ng_sandbox_run(const NgSandboxLimits *limits, NgChildFn fn, void *arg, FILE **output, NgChildReport *report);

/** Whether the network is shut in a child of ng_sandbox_run on this
 *  platform (the seccomp filter is compiled in). */
int ng_sandbox_blocks_network(void);

#endif /* NG_SANDBOX_H */
