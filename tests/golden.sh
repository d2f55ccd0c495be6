#!/usr/bin/env bash
# Regenerating the committed export of the examples must give the same bytes.
# Usage: golden.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" -q -o "$tmp" "$src"/examples/*.txt || { echo "golden: newsgraph failed"; exit 1; }
if diff -r "$src/output" "$tmp" > "$tmp.diff" 2>&1; then
  echo "golden: output/ matches a fresh run ($(ls "$tmp" | wc -l) files)"
  echo "1 passed, 0 failed"
  rm -f "$tmp.diff"
  exit 0
fi
echo "golden: output/ differs from a fresh run; regenerate it with scripts/run.sh and review the change:"
head -40 "$tmp.diff"
rm -f "$tmp.diff"
echo "0 passed, 1 failed"
exit 1
