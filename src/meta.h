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
 * Unknown keys are an error (so typos do not pass silently).
 */
#ifndef NG_META_H
#define NG_META_H

#include "status.h"

#include <stddef.h>

typedef struct {
  char *title;     /**< Headline, or NULL. */
  char *publisher; /**< Publisher's name, or NULL. */
  char *date;      /**< Publication date: YYYY[-MM[-DD]], or NULL. */
  char *url;       /**< Article URL, or NULL. */
  char *language;  /**< BCP 47 tag, or NULL (then "en"). */
} NgMeta;

/** Read `path` into *meta, replacing fields it sets (strings owned by meta,
 *  release with ng_meta_clear).  NG_ERR_NOENT when the file is missing; on
 *  NG_ERR_SYNTAX `err` receives "line N: problem". */
NgStatus ng_meta_read_file(const char *path, NgMeta *meta, char *err, size_t err_size);

/** Set field `key` (title, publisher, date, url, language) to a copy of
 *  `value`, validating dates and language tags. */
NgStatus ng_meta_set(NgMeta *meta, const char *key, const char *value, char *err, size_t err_size);

/** Year, month and day of the publication date (0 where unknown). */
void ng_meta_ymd(const NgMeta *meta, int *year, int *month, int *day);

/** Free the strings of `meta` and zero it. */
void ng_meta_clear(NgMeta *meta);

#endif /* NG_META_H */
