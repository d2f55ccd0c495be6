#!/usr/bin/env bash
# newsgraph run on the example leaks nothing and reads no uninitialised memory
# under valgrind (library-internal leaks are listed in valgrind.supp).
# Usage: valgrind.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
if ! command -v valgrind > /dev/null; then echo "valgrind not installed"; exit 77; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
  --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
  --suppressions="$src/tests/valgrind.supp" \
  "$bin" -q -o "$tmp" "$src/examples/kerry-sochi.txt" 2> "$tmp/vg.log"
rc=$?
if [ $rc -eq 0 ]; then echo "1 passed, 0 failed"; exit 0; fi
cat "$tmp/vg.log" | head -60
echo "0 passed, 1 failed"
exit 1
