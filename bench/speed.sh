#!/usr/bin/env bash
# Throughput: the example article copied N times (separate documents), run
# through newsgraph to N-Triples; prints MB/s of input text and peak memory.
# Usage: bench/speed.sh [COPIES] [NEWSGRAPH]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400}
bin=${2:-build/newsgraph}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in" "$tmp/out"
for i in $(seq 1 "$n"); do cp examples/kerry-sochi.txt "$tmp/in/doc$i.txt"; done
bytes=$(cat "$tmp"/in/*.txt | wc -c)
measure() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/env time -f "%M" -o "$tmp/mem" "$@" > /dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; b,s,e,m=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); print('%-28s %6.1f MB in %6.2f s = %6.2f MB/s, peak RSS %d MB' % (sys.argv[5], b/1e6, e-s, b/1e6/(e-s), m//1024))" \
    "$bytes" "$start" "$end" "$(cat "$tmp/mem")" "$label"
}
measure "analysis only (--explain)" "$bin" --explain "$tmp"/in/*.txt
measure "text to N-Triples" "$bin" -q -f nt -o "$tmp/out" "$tmp"/in/*.txt
