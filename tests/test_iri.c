/* Tests of iri.h: slugs, percent-encoding, IRI validity. */
#include "check.h"
#include "iri.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A slug is non-empty lowercase ASCII letters, digits and single hyphens,
 * with no hyphen at either end, and at most NG_SLUG_MAX characters. */
static int slug_ok(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > NG_SLUG_MAX || s[0] == '-' || s[n - 1] == '-') return 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return 0;
    if (c == '-' && s[i + 1] == '-') return 0;
  }
  return 1;
}

/* Slugify with a guard byte after the buffer to catch overruns. */
static void slug(const char *label, char *out) {
  char buf[NG_SLUG_MAX + 2];
  memset(buf, '#', sizeof buf);
  size_t n = ng_slugify(label, buf);
  CHECK_INT_EQ(buf[NG_SLUG_MAX + 1], '#');
  CHECK_INT_EQ(n, strlen(buf));
  if (!CHECK(slug_ok(buf))) fprintf(stderr, "  label \"%s\" gave slug \"%s\"\n", label, buf);
  memcpy(out, buf, NG_SLUG_MAX + 1);
  out[NG_SLUG_MAX] = '\0';
}

#define CHECK_SLUG(label, want)                                                                                        \
  do {                                                                                                                 \
    char s_[NG_SLUG_MAX + 1];                                                                                          \
    slug((label), s_);                                                                                                 \
    CHECK_STR_EQ(s_, (want));                                                                                          \
  } while (0)

static void test_slugify(void) {
  CHECK_SLUG("John Kerry", "john-kerry");
  CHECK_SLUG("U.S. Embassy in Moscow", "us-embassy-in-moscow");
  CHECK_SLUG("Queen\xE2\x80\x99s University", "queens-university");
  CHECK_SLUG("Queen's University", "queens-university");
  CHECK_SLUG("Sef\xC4\x8Dovi\xC4\x8D", "sefcovic");
  CHECK_SLUG("\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 \xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2",
             "sergey-lavrov"); /* Сергей Лавров */
  CHECK_SLUG("Caf\xC3\xA9 M\xC3\xBCller", "cafe-muller");
  CHECK_SLUG("  Minsk II -- agreement!  ", "minsk-ii-agreement");
  CHECK_SLUG("Organization for Security and Co-operation in Europe",
             "organization-for-security-and-co-operation-in-europe");
  CHECK_SLUG("G20", "g20");
  CHECK_SLUG("Editor\xE2\x80\x94in\xE2\x80\x93"
             "Chief",
             "editor-in-chief"); /* em and en dash */
}

static void test_slugify_cyrillic_letters(void) {
  /* Letters transliterated to nothing (the soft and hard signs) and letters
   * outside U+0410..U+044F (Ё/ё, Ukrainian і ї є) are letters, not word
   * separators: a one-word name must give a one-word slug.
   * Regression (fixed; was a bug in src/iri.c ng_slugify + src/utf8.c ng_uc_ascii): "Ольга" gives
   * "ol-ga" (ь maps to "" and is treated as a separator), "Пётр" gives
   * "p-tr" and "Київ" gives "ki-v" (ё, ї have no mapping). */
  static const char *const one_word[] = {
      "\xD0\x9E\xD0\xBB\xD1\x8C\xD0\xB3\xD0\xB0", /* Ольга */
      "\xD0\x9F\xD1\x91\xD1\x82\xD1\x80",         /* Пётр */
      "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2",         /* Київ */
  };
  for (size_t i = 0; i < sizeof one_word / sizeof one_word[0]; ++i) {
    char s[NG_SLUG_MAX + 1];
    slug(one_word[i], s);
    if (!CHECK(strchr(s, '-') == NULL && strncmp(s, "x-", 2) != 0))
      fprintf(stderr, "  one-word label %zu gave \"%s\"\n", i, s);
  }
  /* ь and ъ vanish */
  CHECK_SLUG("\xD0\x9E\xD0\xBB\xD1\x8C\xD0\xB3\xD0\xB0", "olga");
}

static void test_slugify_edge(void) {
  char a[NG_SLUG_MAX + 1], b[NG_SLUG_MAX + 1], c[NG_SLUG_MAX + 1];
  /* no letters or digits: still a non-empty, valid slug */
  slug("", a);
  CHECK(strlen(a) > 0);
  slug("!!! ... ???", b);
  CHECK(strlen(b) > 0);
  slug("\xE2\x80\x94 \xE2\x80\x99", c); /* — ’ */
  CHECK(strlen(c) > 0);
  /* ...and different such labels do not all collide */
  CHECK(strcmp(a, b) != 0);

  /* long labels are cut to NG_SLUG_MAX with a hash of the whole */
  char long1[301], long2[301];
  for (size_t i = 0; i < 300; ++i) long1[i] = (char)("abcdefghij klmnopqrstuvwxyz"[i % 27]);
  long1[300] = '\0';
  memcpy(long2, long1, sizeof long1);
  long2[290] = 'Z'; /* differs only far beyond the cut */
  slug(long1, a);
  slug(long2, b);
  CHECK(strlen(a) <= NG_SLUG_MAX);
  CHECK(strlen(b) <= NG_SLUG_MAX);
  CHECK(strcmp(a, b) != 0);
  CHECK(strncmp(a, "abcdefghij-klmnopqrstuvwxyz", 27) == 0);
  /* a 300-letter word with no separators */
  memset(long1, 'q', 300);
  slug(long1, c);
  CHECK(strlen(c) <= NG_SLUG_MAX);
  CHECK(strlen(c) > 8);

  /* deterministic */
  const char *labels[] = {"John Kerry", "", "!!!", long2, "\xD0\xA1\xD0\xBE\xD1\x87\xD0\xB8"};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; ++i) {
    char x[NG_SLUG_MAX + 1], y[NG_SLUG_MAX + 1];
    slug(labels[i], x);
    slug(labels[i], y);
    CHECK_STR_EQ(x, y);
  }
  /* exactly NG_SLUG_MAX characters are kept as they are */
  char exact[NG_SLUG_MAX + 1];
  memset(exact, 'k', NG_SLUG_MAX);
  exact[NG_SLUG_MAX] = '\0';
  CHECK_SLUG(exact, exact);
}

static void test_encode(void) {
  char *e = ng_iri_encode("a b<c>d\"e{f}g|h^i`j\\k");
  CHECK_STR_EQ(e, "a%20b%3Cc%3Ed%22e%7Bf%7Dg%7Ch%5Ei%60j%5Ck");
  free(e);
  e = ng_iri_encode("caf\xC3\xA9");
  CHECK_STR_EQ(e, "caf%C3%A9");
  free(e);
  e = ng_iri_encode("tab\there\nnl\x7F");
  CHECK_STR_EQ(e, "tab%09here%0Anl%7F");
  free(e);
  const char *keep = "AZaz09-._~:/?#[]@!$&'()*+,;=%";
  e = ng_iri_encode(keep);
  CHECK_STR_EQ(e, keep);
  free(e);
  e = ng_iri_encode("");
  CHECK_STR_EQ(e, "");
  free(e);
  /* everything encoded makes a valid IRI */
  char all[256];
  for (int i = 1; i < 256; ++i) all[i - 1] = (char)i;
  all[255] = '\0';
  e = ng_iri_encode(all);
  if (CHECK(e != NULL)) {
    char iri[1024];
    snprintf(iri, sizeof iri, "https://example.org/%s", e);
    CHECK(ng_iri_is_valid(iri));
    for (const unsigned char *p = (const unsigned char *)e; *p; ++p) CHECK(*p > 0x20 && *p < 0x7F);
  }
  free(e);
}

static void test_valid(void) {
  CHECK(!ng_iri_is_valid("no-scheme"));
  CHECK(!ng_iri_is_valid("http://a b"));
  CHECK(ng_iri_is_valid("https://w3id.org/newsgraph/id/"));
  CHECK(ng_iri_is_valid("https://w3id.org/newsgraph/id/article/x#char=0,13"));
  CHECK(ng_iri_is_valid("urn:isbn:0451450523"));
  CHECK(!ng_iri_is_valid(""));
  CHECK(!ng_iri_is_valid(":nothing"));
  CHECK(!ng_iri_is_valid("1http://x"));
  CHECK(!ng_iri_is_valid("_:b0"));
  static const char *const bad[] = {"http://x/<",  "http://x/>",  "http://x/\"", "http://x/{",
                                    "http://x/}",  "http://x/|",  "http://x/^",  "http://x/`",
                                    "http://x/\\", "http://x/\t", "http://x/\n"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i)
    if (!CHECK(!ng_iri_is_valid(bad[i]))) fprintf(stderr, "  accepted: %s\n", bad[i]);
}

int main(void) {
  test_slugify();
  test_slugify_cyrillic_letters();
  test_slugify_edge();
  test_encode();
  test_valid();
  return check_report();
}
