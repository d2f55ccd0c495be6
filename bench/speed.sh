#!/usr/bin/env bash
# Throughput: the example article copied N times (separate documents), run
# through newsgraph to N-Triples; prints MB/s of input text and peak memory,
# best of RUNS runs (other load on the machine only ever slows a run down).
# Usage: bench/speed.sh [COPIES] [NEWSGRAPH] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400}
bin=${2:-build/newsgraph}
runs=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in" "$tmp/out"
for i in $(seq 1 "$n"); do cp examples/kerry-sochi.txt "$tmp/in/doc$i.txt"; done
bytes=$(cat "$tmp"/in/*.txt | wc -c)
measure() {
  local label=$1; shift
  local best="" mem=0 start end t
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    /usr/bin/env time -f "%M" -o "$tmp/mem" "$@" > /dev/null
    end=$(date +%s.%N)
    t=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$end")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$t" "$best"; then
      best=$t
    fi
    [ "$(cat "$tmp/mem")" -gt "$mem" ] && mem=$(cat "$tmp/mem")
  done
  python3 -c "import sys; b,t,m=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print('%-28s %6.1f MB in %6.2f s = %6.2f MB/s, peak RSS %d MB (best of %s)' % (sys.argv[4], b/1e6, t, b/1e6/t, m//1024, sys.argv[5]))" \
    "$bytes" "$best" "$mem" "$label" "$runs"
}
measure "analysis only (--explain)" "$bin" --explain "$tmp"/in/*.txt
measure "text to N-Triples" "$bin" -q -f nt -o "$tmp/out" "$tmp"/in/*.txt
