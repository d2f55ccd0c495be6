/* newsgraph tests -- a tiny assertion header.
 *
 * Every CHECK counts one assertion; a failing one prints "file:line: check
 * failed: <expression>" (plus the values for the _EQ forms) and the test
 * goes on.  A test program ends with `return check_report();`, which prints
 * "N passed, N failed" and returns non-zero when anything failed.
 *
 * The counters are static, so include this header from one source file per
 * test program.
 */
#ifndef NG_TEST_CHECK_H
#define NG_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static unsigned check_passed_;
static unsigned check_failed_;

static inline int check_at_(int ok, const char *file, int line, const char *expr) {
  if (ok) {
    ++check_passed_;
  } else {
    ++check_failed_;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
  }
  return ok;
}

static inline int check_str_at_(const char *a, const char *b, const char *file, int line, const char *ea,
                                const char *eb) {
  int ok = (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
  if (ok) {
    ++check_passed_;
  } else {
    ++check_failed_;
    fprintf(stderr, "%s:%d: check failed: %s == %s\n  left:  \"%s\"\n  right: \"%s\"\n", file, line, ea, eb,
            a ? a : "(null)", b ? b : "(null)");
  }
  return ok;
}

static inline int check_int_at_(long long a, long long b, const char *file, int line, const char *ea, const char *eb) {
  if (a == b) {
    ++check_passed_;
    return 1;
  }
  ++check_failed_;
  fprintf(stderr, "%s:%d: check failed: %s == %s\n  left:  %lld\n  right: %lld\n", file, line, ea, eb, a, b);
  return 0;
}

static inline int check_mem_at_(const void *a, size_t na, const void *b, size_t nb, const char *file, int line,
                                const char *ea, const char *eb) {
  if (na == nb && (na == 0 || memcmp(a, b, na) == 0)) {
    ++check_passed_;
    return 1;
  }
  ++check_failed_;
  fprintf(stderr, "%s:%d: check failed: %s == %s\n  left:  %zu bytes \"%.*s\"\n  right: %zu bytes \"%.*s\"\n", file,
          line, ea, eb, na, (int)na, (const char *)a, nb, (int)nb, (const char *)b);
  return 0;
}

/** Assert `cond`; evaluates to non-zero when it held. */
#define CHECK(cond) check_at_(!!(cond), __FILE__, __LINE__, #cond)
/** Assert two NUL-terminated strings are equal (NULL equals only NULL). */
#define CHECK_STR_EQ(a, b) check_str_at_((a), (b), __FILE__, __LINE__, #a, #b)
/** Assert two integers are equal. */
#define CHECK_INT_EQ(a, b) check_int_at_((long long)(a), (long long)(b), __FILE__, __LINE__, #a, #b)
/** Assert two byte ranges are equal. */
#define CHECK_MEM_EQ(a, na, b, nb) check_mem_at_((a), (na), (b), (nb), __FILE__, __LINE__, #a, #b)

/** Print the summary; the return value is main's exit status. */
static inline int check_report(void) {
  printf("%u passed, %u failed\n", check_passed_, check_failed_);
  return check_failed_ ? 1 : 0;
}

#endif /* NG_TEST_CHECK_H */
