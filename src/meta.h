/* newsgraph -- document metadata: title, publisher, date, URL, language.
 *
 * Metadata comes from command-line options or from a sidecar file next to
 * the article (same name, extension ".meta") in a simple format:
 *
 *     # comment
 *     title: Where do relations go from here?
 *     publisher: Example Daily
 *     date: 2015-05-13        (YYYY-MM-DD, YYYY-MM or YYYY)
 *     url: https://example.org/story
 *     language: en            (BCP 47)
 *
 * Unknown keys are an error (so typos do not pass silently).  The file is
 * read with the checks of the text reader (text.h): UTF-8 without NUL bytes
 * (not UTF-16 or UTF-32), at most NG_META_MAX_BYTES; a byte-order mark is
 * dropped; LF, CRLF or CR end a line, and a line may be of any length.
 * Every value, from the file or from an option, must be UTF-8 of at most
 * NG_META_MAX_BYTES bytes; a date must be a real calendar date (2015-02-30
 * is refused, 2016-02-29 is not) of a year from 1 to 9999.
 */
#ifndef NG_META_H
#define NG_META_H

#include "status.h"

#include <stddef.h>

/** Largest metadata file (and value): 1 MiB. */
#define NG_META_MAX_BYTES ((size_t)1024 * 1024)

typedef struct {
  char *title;     /**< Headline, or NULL. */
  char *publisher; /**< Publisher's name, or NULL. */
  char *date;      /**< Publication date: YYYY[-MM[-DD]], or NULL. */
  char *url;       /**< Article URL, or NULL. */
  char *language;  /**< BCP 47 tag, or NULL (then "en"). */
} NgMeta;

/** Read `path` into *meta, replacing fields it sets (strings owned by meta,
 *  release with ng_meta_clear).  NG_ERR_NOENT when the file is missing
 *  ("-" is a file of that name, not standard input).  On any failure *meta
 *  keeps the fields set so far and `err` receives one line: "line N:
 *  problem" for a line that is wrong or holds a bad byte, the text reader's
 *  description (ng_text_describe) otherwise.  An empty file sets nothing. */
NgStatus ng_meta_read_file(const char *path, NgMeta *meta, char *err, size_t err_size);

/** Set field `key` (title, publisher, date, url, language) to a copy of
 *  `value`, validating it: UTF-8 of at most NG_META_MAX_BYTES bytes, dates
 *  (YYYY[-MM[-DD]], a real calendar date) and language tags; no
 *  noncharacter U+FFFE or U+FFFF.  Line ends are read as in text: CRLF and
 *  lone CR become LF.
 *  NG_ERR_SYNTAX, NG_ERR_UTF8 or NG_ERR_TOOBIG with a message in `err`. */
NgStatus ng_meta_set(NgMeta *meta, const char *key, const char *value, char *err, size_t err_size);

/** Year, month and day of the publication date (0 where unknown). */
void ng_meta_ymd(const NgMeta *meta, int *year, int *month, int *day);

/** Free the strings of `meta` and zero it. */
void ng_meta_clear(NgMeta *meta);

#endif /* NG_META_H */
