#!/usr/bin/env bash
# Replay the reproducers of fuzz/crashes/ (NAME.TARGET: an input of
# fuzz/fuzz_TARGET.c) with NG_FUZZ_STRICT=1 through the smoke binaries of
# BUILD_DIR, and say for each whether the bug is still there ("open": the
# target aborts) or gone ("fixed").  docs/robustness.md (section 9) describes
# each finding.  Not a CTest: the bugs are in other people's files, and the
# plain fuzz.* tests mask them.  Exit status: the number of open findings.
# Usage: fuzz/crashes/check.sh [BUILD_DIR]   (default: build)
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${1:-build}
open=0
for f in fuzz/crashes/*.*; do
  target=${f##*.}
  bin=$build/fuzz/fuzz_${target}_smoke
  [ -x "$bin" ] || continue
  msg=$(NG_FUZZ_STRICT=1 NG_FUZZ_CRASH=/dev/null "$bin" 0 "$f" 2>&1 > /dev/null | grep -a -m1 '^fuzz:')
  if [ -n "$msg" ]; then
    open=$((open + 1))
    printf 'open   %-30s %s\n' "${f#fuzz/crashes/}" "$(cut -c1-110 <<< "$msg")"
  else
    printf 'fixed  %s\n' "${f#fuzz/crashes/}"
  fi
done
exit $open
