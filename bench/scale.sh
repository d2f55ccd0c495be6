#!/usr/bin/env bash
# Cost against the length of ONE document: time and peak memory of the
# analysis (--explain) and of the full default export (-f all) for single
# documents of about 10 KB, 100 KB, 1 MB, 10 MB and 50 MB (the example
# article and the rule articles of tests/rules/ concatenated over and over,
# cut at a paragraph end) and for a 5 MB line of words without punctuation.
# Prints, per document and mode: seconds (best of RUNS), seconds per MB,
# peak RSS, and the RSS above the start-up (a one-line document: the
# gazetteers) per byte of input.
# Usage: bench/scale.sh [NEWSGRAPH] [RUNS] [SIZES]
#   SIZES: a comma-separated list of 10k,100k,1m,10m,50m,line5m (default: all)
#   SCALE_MODES: "explain all" (default), or one of them
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/newsgraph}")
runs=${2:-1}
sizes=${3:-10k,100k,1m,10m,50m,line5m}
modes=${SCALE_MODES:-explain all}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The documents: one paragraph per article, articles in a fixed order.
python3 - "$tmp" "$sizes" examples/kerry-sochi.txt tests/rules/*.txt <<'EOF'
import re, sys
out, sizes, files = sys.argv[1], sys.argv[2].split(','), sys.argv[3:]
unit = ''.join(open(f, encoding='utf-8').read().rstrip('\n') + '\n\n' for f in files).encode()
byte_sizes = {'10k': 10**4, '100k': 10**5, '1m': 10**6, '10m': 10**7, '50m': 5 * 10**7}
for name in sizes:
    if name == 'line5m':  # the same words, no punctuation, no line break
        words = re.sub(rb'[^A-Za-z0-9 ]+', b' ', unit).split()
        line = b' '.join(words * (5 * 10**6 // len(b' '.join(words)) + 1))[:5 * 10**6]
        data = line.rsplit(b' ', 1)[0] + b'\n'
    else:
        n = byte_sizes[name]
        data = (unit * (n // len(unit) + 1))[:n]
        data = data[:data.rfind(b'\n\n') + 1]
    open(f'{out}/{name}.txt', 'wb').write(data)
open(f'{out}/start.txt', 'wb').write(b'One line.\n')
EOF

# best wall time (s) and peak RSS (KB) of "$@" over $n runs
measure() {
  local n=$1 best="" mem=0 t0 t1 e m
  shift
  for _ in $(seq 1 "$n"); do
    rm -rf "$tmp/out"
    t0=$(date +%s%N)
    /usr/bin/env time -f "%M" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; return 1; }
    t1=$(date +%s%N)
    e=$(((t1 - t0) / 1000))
    m=$(cat "$tmp/time")
    if [ -z "$best" ] || [ "$e" -lt "$best" ]; then best=$e; fi
    [ "$m" -gt "$mem" ] && mem=$m
  done
  echo "$best $mem"
}

run_mode() { # runs mode file
  if [ "$2" = explain ]; then
    measure "$1" "$bin" --explain "$3"
  else
    measure "$1" "$bin" -q -f all -o "$tmp/out" "$3"
  fi
}

printf '%-8s %-8s %9s %9s %11s %8s %11s\n' document mode bytes seconds "s-start/MB" "RSS MB" "RSS-start/B"
for mode in $modes; do
  read -r start_us start_kb < <(run_mode 5 "$mode" "$tmp/start.txt")
  for name in ${sizes//,/ }; do
    f=$tmp/$name.txt
    bytes=$(stat -c %s "$f")
    n=$runs
    [ "$bytes" -lt 1000000 ] && [ "$n" -lt 5 ] && n=5 # small ones: start-up noise
    [ "$bytes" -lt 100000 ] && [ "$n" -lt 20 ] && n=20
    read -r us kb < <(run_mode "$n" "$mode" "$f")
    python3 -c "
import sys
m, n, b, us, kb, sus, skb = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:])
print('%-8s %-8s %9d %9.3f %11.3f %8.0f %11.1f' % (n, m, b, us / 1e6, (us - sus) / b, kb / 1024, (kb - skb) * 1024 / b))" \
      "$mode" "$name" "$bytes" "$us" "$kb" "$start_us" "$start_kb"
  done
done
echo "(wall time, best of $runs (of 5 below 1 MB, of 20 below 100 KB); -start: minus a one-line document's run (the start-up: gazetteers);"
echo " s-start/MB: seconds per MB of input; RSS-start/B: peak RSS above the start-up per byte of input)"
