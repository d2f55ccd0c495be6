/* newsgraph -- read: an article's text, validated and normalized.
 *
 * In:  a file path ("-" for standard input) or a memory buffer.
 * Out: an NgText holding the text as UTF-8 with LF line ends (CRLF and lone
 *      CR become LF; a leading byte-order mark is dropped), plus a map from
 *      byte offsets to Unicode code point offsets, which is what NIF offsets
 *      count.
 *
 * Rejected: missing or unreadable files, directories, empty or
 * whitespace-only input, input with NUL bytes, invalid UTF-8 (the offending
 * byte offset of the original input is reported), the noncharacters U+FFFE
 * and U+FFFF (no XML character, and raptor cannot write them), UTF-16 and UTF-32 text
 * (a byte-order mark, or NUL bytes in the pattern of one of them: told
 * apart from binary data so that the message can name the encoding) and
 * input larger than NG_TEXT_MAX_BYTES (or the limit given).
 * The metadata reader (meta.h) reads its files through the same checks.
 */
#ifndef NG_TEXT_H
#define NG_TEXT_H

#include "status.h"

#include <stddef.h>
#include <stdint.h>

/** Largest accepted input: 256 MiB. */
#define NG_TEXT_MAX_BYTES ((size_t)256 * 1024 * 1024)

typedef struct {
  char *data;     /**< Normalized text, NUL-terminated. Owned by the NgText. */
  size_t len;     /**< Length of data in bytes (without the NUL). */
  uint32_t *cp;   /**< cp[b]: code points before byte b, for b in [0, len]. */
  size_t n_chars; /**< Number of code points (cp[len]). */
  size_t *lines;  /**< Byte offset where each line starts. */
  size_t n_lines; /**< Number of lines (>= 1). */
} NgText;

/** Why a text was rejected, beyond its status. */
typedef struct {
  size_t offset;         /**< NG_ERR_UTF8, NG_ERR_BINARY: byte offset of the first bad byte of the input as given. */
  size_t line;           /**< NG_ERR_UTF8, NG_ERR_BINARY: its line, from 1 (LF, CRLF or CR end a line). */
  const char *encoding;  /**< NG_ERR_ENCODING: "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" (static). */
  size_t limit;          /**< NG_ERR_TOOBIG: the limit, in bytes. */
  uint32_t noncharacter; /**< NG_ERR_UTF8: U+FFFE or U+FFFF at `offset` (valid UTF-8, no graph can hold it), else 0. */
  int errnum;            /**< NG_ERR_IO: the errno of the failure. */
} NgTextError;

/** Read and validate the file at `path` ("-" reads standard input), at
 *  most `max_bytes` bytes of it (NG_ERR_TOOBIG beyond; reading stops
 *  there).  On success *out is a new NgText owned by the caller (free with
 *  ng_text_free); on failure *out is NULL and *err (if not NULL) says why. */
NgStatus ng_text_read(const char *path, size_t max_bytes, NgText **out, NgTextError *err);

/** One line's worth of why the text was rejected ("invalid UTF-8 at byte
 *  offset 12", "UTF-16LE text, not UTF-8 (convert it with iconv -f UTF-16LE
 *  -t UTF-8)"...) into out[0..size), NUL-terminated. */
void ng_text_describe(NgStatus st, const NgTextError *err, char *out, size_t size);

/** ng_text_read(path, NG_TEXT_MAX_BYTES, ...).
 *  Read and validate the file at `path` ("-" reads standard input).
 *  On success *out is a new NgText owned by the caller (free with
 *  ng_text_free).  On NG_ERR_UTF8 or NG_ERR_BINARY, *err_offset (if not
 *  NULL) is the byte offset of the first bad byte in the file. */
NgStatus ng_text_read_file(const char *path, NgText **out, size_t *err_offset);

/** Validate and normalize a copy of buf[0..len); same contract as
 *  ng_text_read_file (NG_ERR_ENCODING for UTF-16 and UTF-32). */
NgStatus ng_text_from_buffer(const char *buf, size_t len, NgText **out, size_t *err_offset);

/** Copy in[0..len) into out (at least len + 1 bytes) with CRLF and lone
 *  CR as LF, NUL-terminated, as the text reader reads line ends; returns
 *  the length written.  The metadata reader uses it for values too. */
size_t ng_text_copy_lf(const char *in, size_t len, char *out);

/** Code point offset of byte offset `byte` (clamped to the text length). */
size_t ng_text_char_offset(const NgText *text, size_t byte);

/** 1-based line and column (in code points) of byte offset `byte`. */
void ng_text_line_col(const NgText *text, size_t byte, unsigned *line, unsigned *col);

/** Copy text[a..b) into out (at most size - 1 bytes, NUL-terminated) as a
 *  name or phrase: runs of whitespace (NBSP and line breaks included) become
 *  one space, and double quotes (straight or curly) are dropped.  Returns
 *  the length written. */
size_t ng_text_clean(const char *text, size_t a, size_t b, char *out, size_t size);

/** Free `text` and everything it owns.  NULL is a no-op. */
void ng_text_free(NgText *text);

#endif /* NG_TEXT_H */
