/* newsgraph -- lock: one writer at a time for an output directory or a
 * store.
 *
 * A lock is a file (NG_LOCK_DIR_FILE inside an output directory, the store
 * file's name plus NG_LOCK_SUFFIX beside a store) locked with an fcntl()
 * write lock over the whole file, which holds the PID of its owner as a
 * line of text for people.  The kernel drops the lock when its process
 * ends, even by SIGKILL, so a lock is never stale: a file left behind by a
 * killed process is taken over by the next run.  Who holds a lock is asked
 * of the kernel (F_GETLK), not read from the file.  ng_lock_release removes
 * the file before it drops the lock; a process that waited on the removed
 * file sees that the path no longer names it and tries again on a new file.
 *
 * fcntl locks belong to a process, and closing any descriptor of the file
 * drops them: nothing but this module may open a lock file, and a process
 * must not take the same lock twice (the second would succeed, and
 * releasing either would drop both).
 *
 * Used by the command line for -o DIR and --store FILE.  The store may take
 * the same lock itself (ng_lock_path(FILE, 0, ...) then ng_lock_acquire):
 * then the command line must stop taking it, or the process takes it twice.
 */
#ifndef NG_LOCK_H
#define NG_LOCK_H

#include "status.h"

#include <stddef.h>

typedef struct NgLockImpl NgLock;

/** The lock file of an output directory, inside it. */
#define NG_LOCK_DIR_FILE ".newsgraph.lock"

/** The lock file of a store FILE is FILE plus this suffix. */
#define NG_LOCK_SUFFIX ".lock"

/** The path of the lock of the directory `target` (is_dir non-zero:
 *  TARGET/NG_LOCK_DIR_FILE) or of the file `target` (TARGET plus
 *  NG_LOCK_SUFFIX) into out[0..size).  NG_ERR_BAD_ARG when it does not fit
 *  or `target` is empty. */
NgStatus ng_lock_path(const char *target, int is_dir, char *out, size_t size);

/** Take the lock `path` (the lock file, created when missing; its directory
 *  must exist).  With `wait` zero, NG_ERR_LOCKED when another process holds
 *  it: *holder receives that process's PID (0 when the kernel does not say,
 *  e.g. a process of another PID namespace).  With `wait` non-zero, block
 *  until it is free (a signal that is caught ends the wait with NG_ERR_IO,
 *  errno EINTR).  NG_ERR_IO (errno set) when the file cannot be created or
 *  locked.  On success *out is owned by the caller: ng_lock_release. */
NgStatus ng_lock_acquire(const char *path, int wait, NgLock **out, long *holder);

/** The path of the lock file (owned by the lock). */
const char *ng_lock_file(const NgLock *lock);

/** Remove the lock file, then drop the lock and free `lock`.  NULL is a
 *  no-op. */
void ng_lock_release(NgLock *lock);

#endif /* NG_LOCK_H */
