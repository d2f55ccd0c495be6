#!/usr/bin/env bash
# Lint: the C sources as the project's tools check them (CTest label "lint").
#   format    clang-format --dry-run --Werror with .clang-format over src/,
#             tests/, tools/ and fuzz/
#   tidy      clang-tidy with .clang-tidy over the same .c files, using the
#             build's compile_commands.json (two files at a time)
#   cppcheck  cppcheck (warning, style, performance, portability); inline
#             suppressions must say why
# A missing tool fails the check.
# Usage: lint.sh format SRC_DIR
#        lint.sh tidy SRC_DIR BUILD_DIR
#        lint.sh cppcheck SRC_DIR
set -u
mode=${1:-} src=${2:-}
[ -n "$mode" ] && [ -d "$src" ] || { echo "usage: lint.sh format|tidy|cppcheck SRC_DIR [BUILD_DIR]" >&2; exit 2; }
cd "$src" || exit 2

need() {
  command -v "$1" > /dev/null && return 0
  echo "FAIL: $1 is not installed (Debian package $2; scripts/deps.sh installs it)"
  echo "0 passed, 1 failed"
  exit 1
}

sources() { ls src/*.c tests/*.c tools/*.c fuzz/*.c; }

case "$mode" in
format)
  need clang-format clang-format
  if out=$(clang-format --dry-run --Werror $(sources) src/*.h tests/*.h 2>&1) && [ -z "$out" ]; then
    echo "ok: clang-format finds nothing to change in $(sources | wc -l) .c files and their headers"
    echo "1 passed, 0 failed"
    exit 0
  fi
  echo "$out" | head -60
  echo "FAIL: clang-format would change the files above (run clang-format -i on them)"
  echo "0 passed, 1 failed"
  exit 1
  ;;
tidy)
  need clang-tidy clang-tidy
  build=${3:-}
  [ -f "$build/compile_commands.json" ] || { echo "FAIL: no $build/compile_commands.json"; echo "0 passed, 1 failed"; exit 1; }
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  sources | xargs -P "$(nproc)" -n 2 clang-tidy -p "$build" --quiet > "$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ] && ! grep -qE '(warning|error):' "$log"; then
    echo "ok: clang-tidy finds nothing in $(sources | wc -l) files"
    echo "1 passed, 0 failed"
    exit 0
  fi
  grep -E '(warning|error):' "$log" | head -60
  [ -s "$log" ] || echo "clang-tidy exited with status $rc"
  echo "FAIL: clang-tidy (settings and reasons in .clang-tidy)"
  echo "0 passed, 1 failed"
  exit 1
  ;;
cppcheck)
  need cppcheck cppcheck
  if out=$(cppcheck --enable=warning,style,performance,portability --std=c11 --error-exitcode=1 --inline-suppr \
    --quiet --suppress=missingIncludeSystem -D_POSIX_C_SOURCE=200809L -I src src tests tools fuzz 2>&1); then
    echo "ok: cppcheck finds nothing"
    echo "1 passed, 0 failed"
    exit 0
  fi
  echo "$out" | head -60
  echo "FAIL: cppcheck"
  echo "0 passed, 1 failed"
  exit 1
  ;;
*)
  echo "usage: lint.sh format|tidy|cppcheck SRC_DIR [BUILD_DIR]" >&2
  exit 2
  ;;
esac
