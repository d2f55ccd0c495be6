#!/usr/bin/env bash
# The export of the example loads in independent tools: rapper (strict mode)
# and serdi parse the Turtle without errors or warnings; Turtle, N-Triples and
# the triples CSV hold the same number of triples; Python's csv module reads
# every CSV in strict mode with a constant column count and no BOM; the
# N-Triples are byte-for-byte what raptor's own serializer writes for the
# same triples (newsgraph copies plain terms itself and leaves escaping to
# raptor), also for an article full of characters that need escaping and
# one holding every ASCII control character the reader lets through.
# A missing tool fails the test (it never passes a check that did not run).
# Usage: validate.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
# Debian's interpreter, which python3-rdflib installs for
py=${NG_PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

missing=""
command -v rapper > /dev/null || missing="$missing rapper (Debian package raptor2-utils)"
command -v serdi > /dev/null || missing="$missing serdi (Debian package serdi)"
"$py" -c 'import rdflib' 2> /dev/null || missing="$missing $py with rdflib (Debian packages python3, python3-rdflib)"
if [ -n "$missing" ]; then
  echo "FAIL: missing:$missing; scripts/deps.sh installs them"
  echo "0 passed, 1 failed"
  exit 1
fi

"$bin" -q -o "$tmp" "$src/examples/kerry-sochi.txt" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }
ttl=$tmp/kerry-sochi.ttl nt=$tmp/kerry-sochi.nt

out=$(rapper -c -i turtle "$ttl" 2>&1)
rc=$?
n_rapper=$(echo "$out" | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')
if [ "$rc" -ne 0 ] || [ -z "$n_rapper" ] || echo "$out" | grep -qiE 'error|warning'; then
  bad "rapper -c (exit $rc) reports problems or no triple count: $out"
else
  ok "rapper -c parses the Turtle ($n_rapper triples)"
fi

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

# Every ASCII control character the reader lets through (0x01-0x1F but CR,
# which it turns into LF; NUL is refused as binary) and DEL (0x7F), in the
# text, inside a quotation (ng:quotedText) and, CR included, in the title:
# N-Triples escape them all (\t \n \r or \u00XX, DEL as \u007F) exactly as
# raptor's serializer does, no raw control byte is left, and the literals
# read back are the text and the title.
"$py" - "$tmp/controls.txt" <<'PY'
import sys
ctl = [c for c in range(1, 32) if c != 13] + [0x7F]
every = "".join(chr(c) for c in ctl)
quoted = "".join(chr(c) for c in ctl if c != 10)
text = 'Anna Dahl met Jonas Berg in Oslo. "We agree on ' + quoted + ' everything now," said Anna Dahl.\n' \
       + "Controls: " + every + " end.\n"
open(sys.argv[1], "w", encoding="utf-8", newline="").write(text)
PY
title=$(printf 'Title \001\002\003\004\005\006\007\010\t\n\013\014\r\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037\177 end')
if "$bin" -q -f nt -o "$tmp" --title "$title" "$tmp/controls.txt"; then
  nt=$tmp/controls.nt
  rapper -q -i ntriples -o ntriples "$nt" | LC_ALL=C sort > "$tmp/raptor.sorted"
  LC_ALL=C sort "$nt" > "$tmp/ours.sorted"
  if [ -s "$tmp/ours.sorted" ] && cmp -s "$tmp/raptor.sorted" "$tmp/ours.sorted"; then
    ok "controls.nt: N-Triples identical to raptor's ($(wc -l < "$nt") lines)"
  else
    bad "controls.nt: N-Triples differ from raptor's: $(diff "$tmp/raptor.sorted" "$tmp/ours.sorted" | head -3 | cat -v)"
  fi
  raw=$(LC_ALL=C tr -d '\n\040-\176\200-\377' < "$nt" | od -An -c | head -3)
  if [ -z "$raw" ]; then ok "controls.nt: no raw control byte (all escaped)"; else bad "controls.nt: raw control bytes: $raw"; fi
  if "$py" - "$nt" "$tmp/controls.txt" "$title" <<'PY'
import sys
import rdflib
nt, txt, title = sys.argv[1:4]
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
NG = "https://w3id.org/newsgraph/ontology#"
g = rdflib.Graph()
g.parse(nt, format="nt")
text = open(txt, encoding="utf-8", newline="").read()
strings = [str(o) for o in g.objects(None, rdflib.URIRef(NIF + "isString"))]
heads = [str(o) for o in g.objects(None, rdflib.URIRef(NG + "headline"))]
quotes = [str(o) for o in g.objects(None, rdflib.URIRef(NG + "quotedText"))]
want_quote = "We agree on " + "".join(chr(c) for c in range(1, 32) if c not in (10, 13)) + "\x7f everything now,"
title = title.replace("\r\n", "\n").replace("\r", "\n")  # line ends read as in text
bad = [m for m, okay in (("nif:isString", strings == [text]), ("ng:headline", heads == [title]),
                         ("ng:quotedText", quotes == [want_quote])) if not okay]
if bad:
    print("  read back wrong:", ", ".join(bad), repr(strings)[:200], repr(heads), repr(quotes))
sys.exit(1 if bad else 0)
PY
  then
    ok "controls.nt: the text, the title and the quotation read back unchanged"
  else
    bad "controls.nt: literals read back differ"
  fi
  # raptor's Turtle writer leaves a CR raw in a short string (a title with
  # a CR and no LF), which Turtle readers refuse (fuzzing finding F4): the
  # title's CR is read as LF, as in text
  if "$bin" -q -f ttl -o "$tmp" --title "$(printf 'Title\rwith a CR')" "$tmp/controls.txt" &&
    [ "$(rapper -q -i turtle -o ntriples "$tmp/controls.ttl" | wc -l)" = "$(wc -l < "$nt")" ]; then
    ok "controls.ttl: raptor reads the Turtle back whole (title with CR)"
  else
    bad "controls.ttl: the Turtle does not read back whole"
  fi
else
  bad "newsgraph failed on controls.txt"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
