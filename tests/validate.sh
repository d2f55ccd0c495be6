#!/usr/bin/env bash
# The export of the example loads in independent tools: rapper (strict mode)
# and serdi parse the Turtle without errors or warnings; Turtle, N-Triples and
# the triples CSV hold the same number of triples; Python's csv module reads
# every CSV in strict mode with a constant column count and no BOM; the
# N-Triples are byte-for-byte what raptor's own serializer writes for the
# same triples (newsgraph copies plain terms itself and leaves escaping to
# raptor), also for an article full of characters that need escaping.
# Usage: validate.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

"$bin" -q -o "$tmp" "$src/examples/kerry-sochi.txt" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }
ttl=$tmp/kerry-sochi.ttl nt=$tmp/kerry-sochi.nt

out=$(rapper -c -i turtle "$ttl" 2>&1)
if echo "$out" | grep -qiE 'error|warning'; then bad "rapper reports problems: $out"; else ok "rapper -c parses the Turtle"; fi
n_rapper=$(echo "$out" | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')

if serdi -i turtle -o ntriples "$ttl" > "$tmp/serdi.nt" 2> "$tmp/serdi.err" && [ ! -s "$tmp/serdi.err" ]; then
  ok "serdi parses the Turtle"
else
  bad "serdi: $(head -3 "$tmp/serdi.err")"
fi
n_serdi=$(wc -l < "$tmp/serdi.nt")
if serdi -i ntriples -o ntriples "$nt" > /dev/null 2> "$tmp/serdi2.err" && [ ! -s "$tmp/serdi2.err" ]; then
  ok "serdi parses the N-Triples"
else
  bad "serdi (nt): $(head -3 "$tmp/serdi2.err")"
fi
n_nt=$(grep -c . "$nt")

counts=$(python3 - "$tmp" <<'PY'
import csv, sys, os
d = sys.argv[1]
for kind in ("triples", "nodes", "edges"):
    path = os.path.join(d, "kerry-sochi.%s.csv" % kind)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        print("BOM", kind); continue
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    widths = {len(r) for r in rows}
    print(kind, len(rows) - 1, len(widths))
PY
)
n_csv=$(echo "$counts" | awk '$1=="triples"{print $2}')
for kind in triples nodes edges; do
  line=$(echo "$counts" | awk -v k=$kind '$1==k')
  if [ -n "$line" ] && [ "$(echo "$line" | awk '{print $3}')" = 1 ] && [ "$(echo "$line" | awk '{print $2}')" -gt 0 ]; then
    ok "$kind CSV: strict parse, $(echo "$line" | awk '{print $2}') rows, constant width"
  else
    bad "$kind CSV: ${line:-unreadable} ($counts)"
  fi
done

if [ -n "$n_rapper" ] && [ "$n_rapper" = "$n_serdi" ] && [ "$n_rapper" = "$n_nt" ] && [ "$n_rapper" = "$n_csv" ]; then
  ok "same triple count everywhere: $n_rapper"
else
  bad "triple counts differ: rapper=$n_rapper serdi=$n_serdi nt=$n_nt csv=$n_csv"
fi
if grep -q '_:' "$nt"; then bad "blank nodes in the N-Triples"; else ok "no blank nodes"; fi

# N-Triples as raptor writes them: the example, and a text with quotes,
# backslashes, tabs, control and non-BMP characters and an odd URL
printf 'Dr. Anna Petrova said: "We \\ agreed\tnow \xF0\x9F\x98\x80 \x01 caf\xC3\xA9" in Oslo.\n' > "$tmp/odd.txt"
if "$bin" -q -f nt -o "$tmp" --title 'Back\slash {title}' --url 'http://example.org/a b"c\d' "$tmp/odd.txt"; then
  for f in "$nt" "$tmp/odd.nt"; do
    rapper -q -i ntriples -o ntriples "$f" | LC_ALL=C sort > "$tmp/raptor.sorted"
    LC_ALL=C sort "$f" > "$tmp/ours.sorted"
    if [ -s "$tmp/ours.sorted" ] && cmp -s "$tmp/raptor.sorted" "$tmp/ours.sorted"; then
      ok "$(basename "$f"): N-Triples identical to raptor's ($(wc -l < "$f") lines)"
    else
      bad "$(basename "$f"): N-Triples differ from raptor's: $(diff "$tmp/raptor.sorted" "$tmp/ours.sorted" | head -3)"
    fi
  done
  grep -q '\\u00E9\|\\U0001F600' "$tmp/odd.nt" && ok "non-ASCII escaped as raptor does" || bad "no \\u escapes in odd.nt"
else
  bad "newsgraph failed on odd.txt"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
