#!/usr/bin/env bash
# Run one libFuzzer target of fuzz/ for SECONDS on one core, with the
# settings that fit it (input size, dictionary, value profile), and print
# one line: the target, runs, exec/s, coverage (cov, ft), corpus size and
# the outcome.  Exit status 1 when it found a crash, leak or timeout (the
# input is kept in WORK_DIR and named on stderr).
#
# Usage: fuzz/run.sh BUILD_DIR TARGET SECONDS [WORK_DIR] [LIBFUZZER_OPTION...]
#   BUILD_DIR  a build made with CC=clang -DNG_LIBFUZZER=ON -DNG_SANITIZE=ON
#   TARGET     analyze, pipeline, meta, csv, ntriples (or any other
#              fuzz/fuzz_TARGET.c, with -max_len=4096)
#   WORK_DIR   where the new corpus (WORK_DIR/corpus), crashes and the log
#              (WORK_DIR/fuzz-0.log) go; a new temporary directory, removed
#              afterwards unless something was found, when not given.
# The seed corpus fuzz/corpus/TARGET/ is read, never written: merge new
# inputs back with -merge=1 (docs/robustness.md (section 9)).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 3 ] || { echo "usage: fuzz/run.sh BUILD_DIR TARGET SECONDS [WORK_DIR] [LIBFUZZER_OPTION...]" >&2; exit 2; }
build=$(cd "$1" && pwd) target=$2 secs=$3
shift 3
work=${1:-}
[ $# -gt 0 ] && shift
bin=$build/fuzz/fuzz_$target
[ -x "$bin" ] || { echo "fuzz/run.sh: no $bin (build with CC=clang -DNG_LIBFUZZER=ON)" >&2; exit 2; }

seeds=()
[ -d "$root/fuzz/corpus/$target" ] && seeds=("$root/fuzz/corpus/$target")
case $target in
analyze) opts=(-max_len=4096 -dict="$root/fuzz/pipeline.dict"); seeds+=("$root/tests/rules") ;;
pipeline) opts=(-max_len=4096 -dict="$root/fuzz/pipeline.dict") ;;
meta) opts=(-max_len=8192 -use_value_profile=1) ;;
csv) opts=(-max_len=1024 -use_value_profile=1) ;;
ntriples) opts=(-max_len=4096 -use_value_profile=1) ;;
query) opts=(-max_len=4096 -dict="$root/fuzz/query.dict") ;;
*) opts=(-max_len=4096) ;; # a target added later: its corpus, default settings
esac

keep=1
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/ng-fuzz-$target.XXXXXX")
  keep=0
fi
mkdir -p "$work/corpus"
work=$(cd "$work" && pwd)

# -jobs=1 -workers=1: one process on one core, its output in fuzz-0.log.
# A run longer than 20 s on one input is a timeout; RSS is capped at 2 GB.
rc=0
(
  cd "$work"
  export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
  export TMPDIR=$work
  "$bin" "${opts[@]}" -max_total_time="$secs" -jobs=1 -workers=1 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/" "$@" "$work/corpus" "${seeds[@]}" > /dev/null 2>&1
) || rc=$?

log=$work/fuzz-0.log
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
corp=$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<< "$last")
found=$(ls "$work" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true)
if [ "$rc" -eq 0 ] && [ -z "$found" ]; then
  outcome="no crash"
else
  outcome="FOUND: $(echo $found) (exit $rc; log $log)"
  keep=1
fi
printf 'fuzz %-9s %4ss  runs %-9s exec/s %-6s cov %-5s ft %-6s corpus %-12s %s\n' \
  "$target" "$secs" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$outcome"
[ "$keep" -eq 1 ] || rm -rf "$work"
[ -z "$found" ] && [ "$rc" -eq 0 ]
