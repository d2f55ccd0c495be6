#include "utf8.h"

#include <string.h>

uint32_t ng_utf8_decode(const char *str, size_t len, size_t *n) {
  const unsigned char *s = (const unsigned char *)str;
  *n = 1;
  if (len == 0) return 0xFFFD;
  if (s[0] < 0x80) return s[0];
  size_t need;
  uint32_t cp, min;
  if ((s[0] & 0xE0) == 0xC0) {
    need = 2;
    cp = s[0] & 0x1F;
    min = 0x80;
  } else if ((s[0] & 0xF0) == 0xE0) {
    need = 3;
    cp = s[0] & 0x0F;
    min = 0x800;
  } else if ((s[0] & 0xF8) == 0xF0) {
    need = 4;
    cp = s[0] & 0x07;
    min = 0x10000;
  } else
    return 0xFFFD;
  if (len < need) return 0xFFFD;
  for (size_t i = 1; i < need; ++i) {
    if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *n = need;
  return cp;
}

size_t ng_utf8_valid_prefix(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    if ((unsigned char)s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp = ng_utf8_decode(s + i, len - i, &n);
    if (cp == 0xFFFD && !(n == 3 && (unsigned char)s[i] == 0xEF)) return i;
    i += n;
  }
  return len;
}

size_t ng_utf8_noncharacter(const char *s, size_t len) {
  /* U+FFFE is EF BF BE, U+FFFF is EF BF BF; in valid UTF-8 they start
     where they match */
  for (const char *p = s; (p = memchr(p, 0xEF, len - (size_t)(p - s))) != NULL; ++p)
    if (len - (size_t)(p - s) >= 3 && p[1] == '\xBF' && (p[2] == '\xBE' || p[2] == '\xBF')) return (size_t)(p - s);
  return len;
}

size_t ng_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

int ng_uc_is_upper(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == (c >= 0x139 && c <= 0x148 ? 1u : c >= 0x179 ? 1u : 0u);
  if (c >= 0x391 && c <= 0x3AB) return 1;
  if (c >= 0x400 && c <= 0x42F) return 1;
  return 0;
}

int ng_uc_is_lower(uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !ng_uc_is_upper(c);
  if (c >= 0x3AC && c <= 0x3CE) return 1;
  if (c >= 0x430 && c <= 0x45F) return 1;
  return 0;
}

int ng_uc_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

int ng_uc_is_letter(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x370 && c <= 0x3FF) return 1;
  if (c >= 0x400 && c <= 0x52F) return 1;
  if (c >= 0x530 && c <= 0x1FFF) return 1; /* other scripts: treat as letters */
  if (c >= 0x3040 && c <= 0x9FFF) return 1;
  if (c >= 0xAC00 && c <= 0xD7AF) return 1;
  return 0;
}

int ng_uc_is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int ng_uc_is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

int ng_uc_is_hyphen(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

const char *ng_uc_ascii(uint32_t c) {
  static const char *const latin1[64] = {"A", "A", "A", "A",  "A",  "A",  "AE", "C", "E", "E", "E",  "E", "I",
                                         "I", "I", "I", "D",  "N",  "O",  "O",  "O", "O", "O", NULL, "O", "U",
                                         "U", "U", "U", "Y",  "TH", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
                                         "c", "e", "e", "e",  "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
                                         "o", "o", "o", NULL, "o",  "u",  "u",  "u", "u", "y", "th", "y"};
  static const char *const exta[128] = {
      "A", "a", "A", "a", "A", "a", "C",  "c",  "C", "c", "C", "c", "C", "c", "D", "d", "D",  "d",  "E", "e", "E", "e",
      "E", "e", "E", "e", "E", "e", "G",  "g",  "G", "g", "G", "g", "G", "g", "H", "h", "H",  "h",  "I", "i", "I", "i",
      "I", "i", "I", "i", "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l",  "L",  "l", "L", "l", "L",
      "l", "N", "n", "N", "n", "N", "n",  "n",  "N", "n", "O", "o", "O", "o", "O", "o", "OE", "oe", "R", "r", "R", "r",
      "R", "r", "S", "s", "S", "s", "S",  "s",  "S", "s", "T", "t", "T", "t", "T", "t", "U",  "u",  "U", "u", "U", "u",
      "U", "u", "U", "u", "U", "u", "W",  "w",  "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z",  "s"};
  static const char *const cyr[64] = {"a", "b",  "v",  "g",  "d",  "e",    "zh", "z", "i",  "y",  "k",  "l",  "m",
                                      "n", "o",  "p",  "r",  "s",  "t",    "u",  "f", "kh", "ts", "ch", "sh", "shch",
                                      "",  "y",  "",   "e",  "yu", "ya",   "a",  "b", "v",  "g",  "d",  "e",  "zh",
                                      "z", "i",  "y",  "k",  "l",  "m",    "n",  "o", "p",  "r",  "s",  "t",  "u",
                                      "f", "kh", "ts", "ch", "sh", "shch", "",   "y", "",   "e",  "yu", "ya"};
  if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) return exta[c - 0x100];
  if (c >= 0x410 && c <= 0x44F) return cyr[c - 0x410];
  switch (c) {
  case 0x401: return "Yo";
  case 0x451: return "yo";
  case 0x404: return "Ye";
  case 0x454: return "ye";
  case 0x406: return "I";
  case 0x456: return "i";
  case 0x407: return "Yi";
  case 0x457: return "yi";
  case 0x490: return "G";
  case 0x491: return "g";
  case 0x40E: return "U";
  case 0x45E: return "u";
  case 0x2018:
  case 0x2019:
  case 0x02BC: return "'";
  case 0x201C:
  case 0x201D: return "\"";
  case 0x2010:
  case 0x2011:
  case 0x2012:
  case 0x2013:
  case 0x2014: return "-";
  default: return NULL;
  }
}
