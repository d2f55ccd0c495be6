/* newsgraph -- small UTF-8 helpers (no locale, no allocation).
 *
 * Character classes cover ASCII, Latin-1, Latin Extended-A/B, Greek and
 * Cyrillic, which is what English-language news uses for names.  Anything
 * else counts as a letter of no case.
 */
#ifndef NG_UTF8_H
#define NG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/** Decode one code point at s[0..len); store its byte length in *n (>= 1).
 *  Returns U+FFFD and *n = 1 on a malformed sequence. */
uint32_t ng_utf8_decode(const char *s, size_t len, size_t *n);

/** Length of the valid UTF-8 prefix of s[0..len): equals len when valid. */
size_t ng_utf8_valid_prefix(const char *s, size_t len);

/** Byte offset of the first noncharacter U+FFFE or U+FFFF in the valid
 *  UTF-8 s[0..len) (len when there is none).  They are valid UTF-8, but no
 *  XML 1.0 character, and raptor refuses to write them: text that holds
 *  one cannot become a graph. */
size_t ng_utf8_noncharacter(const char *s, size_t len);

/** Encode cp into out (at least 4 bytes); returns the byte count. */
size_t ng_utf8_encode(uint32_t cp, char *out);

int ng_uc_is_letter(uint32_t cp);
int ng_uc_is_upper(uint32_t cp);
int ng_uc_is_lower(uint32_t cp);
int ng_uc_is_digit(uint32_t cp);
/** Space, tab, line breaks, NBSP and the Unicode spaces U+2000..U+200B. */
int ng_uc_is_space(uint32_t cp);
/** Apostrophes: ' U+2019 U+02BC. */
int ng_uc_is_apostrophe(uint32_t cp);
/** Hyphens and dashes usable inside words: - U+2010 U+2011. */
int ng_uc_is_hyphen(uint32_t cp);

/** ASCII transliteration of a code point for slugs ("é" -> "e", "ß" -> "ss");
 *  "" for letters that vanish (Cyrillic soft and hard signs); NULL when
 *  there is none. Static storage. */
const char *ng_uc_ascii(uint32_t cp);

#endif /* NG_UTF8_H */
