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
#   SCALE_MODES: "explain all store" (default), or some of them; store: the
#   document into a new --store (its SQLite file), nothing else written
#   SCALE_COUNT=1: count instructions under callgrind instead (repeatable
#   under load; about 50 times slower: for the sizes up to 10m)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/newsgraph}")
runs=${2:-1}
sizes=${3:-10k,100k,1m,10m,50m,line5m}
modes=${SCALE_MODES:-explain all store}
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

# best wall time (us), best CPU time (user + system, us) and peak RSS (KB)
# of "$@" over $n runs
measure() {
  local n=$1 best="" cpu="" mem=0 t0 t1 e c u sy m
  shift
  for _ in $(seq 1 "$n"); do
    rm -rf "$tmp/out" "$tmp/kg.db"
    t0=$(date +%s%N)
    /usr/bin/env time -f "%U %S %M" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; return 1; }
    t1=$(date +%s%N)
    e=$(((t1 - t0) / 1000))
    read -r u sy m < "$tmp/time"
    c=$(python3 -c "import sys; print(round((float(sys.argv[1]) + float(sys.argv[2])) * 1e6))" "$u" "$sy")
    if [ -z "$best" ] || [ "$e" -lt "$best" ]; then best=$e; fi
    if [ -z "$cpu" ] || [ "$c" -lt "$cpu" ]; then cpu=$c; fi
    [ "$m" -gt "$mem" ] && mem=$m
  done
  echo "$best $cpu $mem"
}

# instructions (callgrind's Ir) of "$@"
count() {
  rm -rf "$tmp/out" "$tmp/kg.db"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null | sed -n 's/.*Collected : //p'
}

# the command line of mode $1 on file $2
mode_args() {
  case $1 in
  explain) echo "--explain $2" ;;
  store) echo "-q --store $tmp/kg.db $2" ;;
  *) echo "-q -f all -o $tmp/out $2" ;;
  esac
}

run_mode() { # runs mode file
  local args
  read -r -a args < <(mode_args "$2" "$3")
  if [ -n "${SCALE_COUNT:-}" ]; then
    count "$bin" "${args[@]}"
  else
    measure "$1" "$bin" "${args[@]}"
  fi
}

if [ -n "${SCALE_COUNT:-}" ]; then
  printf '%-8s %-8s %9s %15s %19s\n' document mode bytes instructions "instr.-start/byte"
  for mode in $modes; do
    start=$(run_mode 1 "$mode" "$tmp/start.txt")
    for name in ${sizes//,/ }; do
      f=$tmp/$name.txt
      bytes=$(stat -c %s "$f")
      ir=$(run_mode 1 "$mode" "$f")
      printf '%-8s %-8s %9d %15d %19.0f\n' "$name" "$mode" "$bytes" "$ir" "$(((ir - start) / bytes))"
    done
  done
  echo "(callgrind instruction counts; -start: minus the run of a one-line document, the start-up)"
  exit 0
fi

printf '%-8s %-8s %9s %8s %8s %13s %7s %11s\n' document mode bytes wall-s cpu-s "cpu-start/MB" "RSS MB" "RSS-start/B"
for mode in $modes; do
  read -r start_us start_cpu start_kb < <(run_mode 5 "$mode" "$tmp/start.txt")
  for name in ${sizes//,/ }; do
    f=$tmp/$name.txt
    bytes=$(stat -c %s "$f")
    n=$runs
    [ "$bytes" -lt 1000000 ] && [ "$n" -lt 5 ] && n=5 # small ones: start-up noise
    [ "$bytes" -lt 100000 ] && [ "$n" -lt 20 ] && n=20
    read -r us cpu kb < <(run_mode "$n" "$mode" "$f")
    python3 -c "
import sys
m, n, b, us, cpu, kb, scpu, skb = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:])
print('%-8s %-8s %9d %8.2f %8.2f %13.3f %7.0f %11.1f' % (n, m, b, us / 1e6, cpu / 1e6, (cpu - scpu) / b, kb / 1024,
                                                       (kb - skb) * 1024 / b))" \
      "$mode" "$name" "$bytes" "$us" "$cpu" "$kb" "$start_cpu" "$start_kb"
  done
done
echo "(best of $runs runs, of 5 below 1 MB, of 20 below 100 KB; cpu: user + system time; -start: minus the run of a"
echo " one-line document (the start-up: loading the gazetteers); cpu-start/MB: CPU seconds per MB of input;"
echo " RSS-start/B: peak RSS above the start-up per byte of input)"
