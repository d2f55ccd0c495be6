/* newsgraph -- status codes shared by every module.
 *
 * Every fallible function in newsgraph returns an NgStatus.  NG_SUCCESS is
 * zero, so `if (st) ...` tests for failure.  ng_strerror() gives a short,
 * static, lowercase English description suitable for "file: problem" lines.
 */
#ifndef NG_STATUS_H
#define NG_STATUS_H

typedef enum {
  NG_SUCCESS = 0,  /**< No error. */
  NG_ERR_NOMEM,    /**< Out of memory. */
  NG_ERR_IO,       /**< Read or write failed (errno tells more). */
  NG_ERR_NOENT,    /**< File does not exist. */
  NG_ERR_ISDIR,    /**< Path is a directory, a file was expected. */
  NG_ERR_EMPTY,    /**< Input holds no text (empty or only whitespace). */
  NG_ERR_BINARY,   /**< Input holds NUL bytes: binary, not text. */
  NG_ERR_UTF8,     /**< Input is not valid UTF-8. */
  NG_ERR_TOOBIG,   /**< Input exceeds the size limit. */
  NG_ERR_SYNTAX,   /**< A data, metadata or option value is malformed. */
  NG_ERR_RDF,      /**< The RDF library reported an error. */
  NG_ERR_CSV,      /**< The CSV library reported an error. */
  NG_ERR_BAD_ARG,  /**< Invalid argument passed by the caller. */
  NG_ERR_ENCODING, /**< Input is text in another encoding (UTF-16, UTF-32), not UTF-8. */
  NG_ERR_LOCKED    /**< Another process holds the lock (lock.h). */
} NgStatus;

/** Short static description of `st`; never NULL, never to be freed. */
const char *ng_strerror(NgStatus st);

#endif /* NG_STATUS_H */
