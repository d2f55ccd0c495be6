# Shared by the store tests (virtuoso.sh, oxigraph.sh, shacl.sh); sourced, not run.
#
# ng_make_data NEWSGRAPH SRC_DIR OUT_DIR
#   Runs newsgraph on every examples/*.txt and leaves OUT_DIR/ttl/NAME.ttl and
#   OUT_DIR/nq/NAME.nq (one named graph per article: <base>article/NAME).
# ng_normalize CSV_FILE
#   Prints SPARQL CSV results (RFC 4180, as both stores write them) as sorted
#   TSV: header first, then the rows in byte order; tab, newline, CR and
#   backslash inside values escaped as \t \n \r \\.
# ng_free_port
#   Prints a TCP port on 127.0.0.1 that was free a moment ago.
# ng_need_node_module PACKAGE
#   Fails (exit 1, one line) unless node and tests/stores/node_modules/PACKAGE
#   are there; needs $src.
# ng_check_answer LABEL TSV EXPECTED [SUFFIX]
#   Compares a normalized answer with its expected file: prints "ok   LABEL:
#   N rows[SUFFIX]", or FAIL with the diff on stderr and returns 1.

NG_BASE="https://w3id.org/newsgraph/id/"

ng_make_data() {
  local newsgraph="$1" src="$2" out="$3"
  local f name
  mkdir -p "$out/ttl" "$out/nq"
  shopt -s nullglob
  local articles=("$src"/examples/*.txt)
  shopt -u nullglob
  if [ "${#articles[@]}" -eq 0 ]; then
    echo "no examples/*.txt under $src" >&2
    return 1
  fi
  "$newsgraph" -q -f ttl,nq -o "$out/gen" "${articles[@]}" || return 1
  for f in "${articles[@]}"; do
    name="$(basename "$f" .txt)"
    mv "$out/gen/$name.ttl" "$out/ttl/"
    mv "$out/gen/$name.nq" "$out/nq/"
  done
  rmdir "$out/gen" 2>/dev/null || { echo "unexpected files from newsgraph in $out/gen" >&2; return 1; }
}

ng_normalize() {
  python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
if not rows:
    sys.exit("empty result file (no header): " + sys.argv[1])
def esc(v):
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
head = [h.lstrip("?") for h in rows[0]]
body = sorted("\t".join(esc(v) for v in r) for r in rows[1:])
for r in rows[1:]:
    if len(r) != len(head):
        sys.exit("row with %d fields, header has %d: %r" % (len(r), len(head), r))
sys.stdout.write("\t".join(head) + "\n")
for line in body:
    sys.stdout.write(line + "\n")
' "$1"
}

ng_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ng_need_node_module() {
  if ! command -v node >/dev/null || [ ! -d "$src/tests/stores/node_modules/$1" ]; then
    echo "FAIL: node or tests/stores/node_modules missing (scripts/deps.sh runs npm ci there)" >&2
    exit 1
  fi
}

ng_check_answer() {
  local label="$1" tsv="$2" expected="$3" suffix="${4:-}"
  if [ ! -f "$expected" ]; then
    echo "FAIL: $label: no expected file $expected" >&2
    return 1
  fi
  local differences
  if ! differences="$(diff -u "$expected" "$tsv")"; then
    echo "FAIL: $label: answer differs from $expected:" >&2
    printf '%s\n' "$differences" | head -40 >&2
    return 1
  fi
  echo "ok   $label: $(($(grep -c '' "$tsv") - 1)) rows$suffix"
}
