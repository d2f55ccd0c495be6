#!/usr/bin/env bash
# Tests of the newsgraph command line: exit status, error messages, and that
# a failed run leaves no file behind.
#
# Usage: cli.sh NEWSGRAPH SOURCE_DIR
set -u

NG=${1:?usage: cli.sh NEWSGRAPH SOURCE_DIR}
SRC=${2:?usage: cli.sh NEWSGRAPH SOURCE_DIR}
# absolute paths: the commands run in a scratch working directory
case $NG in /*) ;; *) NG="$PWD/$NG" ;; esac
case $SRC in /*) ;; *) SRC="$PWD/$SRC" ;; esac
EXAMPLE="$SRC/examples/kerry-sochi.txt"
if [ ! -x "$NG" ] || [ ! -r "$EXAMPLE" ]; then
  echo "cli.sh: cannot run $NG on $EXAMPLE" >&2
  exit 1
fi

passed=0
failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-cli-XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "cli.sh: FAIL: $*" >&2
}
# check DESCRIPTION COMMAND...: the command must succeed
check() {
  local what=$1
  shift
  if "$@"; then ok; else fail "$what"; fi
}

# run ARGS...: runs newsgraph (stdin from /dev/null) in $TMP/cwd; sets
# $rc, $out (stdout file) and $err (stderr file).
mkdir "$TMP/cwd"
run() {
  out="$TMP/stdout"
  err="$TMP/stderr"
  (cd "$TMP/cwd" && "$NG" "$@" </dev/null >"$out" 2>"$err")
  rc=$?
}

lines() { wc -l <"$1" | tr -d ' '; }
# files DIR: number of entries in DIR, hidden ones included
files() { find "$1" -mindepth 1 | wc -l | tr -d ' '; }

# expect_input_error NAME PATTERN...: the last run failed with exit 1 and one
# stderr line holding every PATTERN (fixed strings); the output directory
# $TMP/out-NAME holds nothing, and the cwd neither.
expect_input_error() {
  local name=$1
  shift
  check "$name: exit status $rc, want 1" test "$rc" -eq 1
  check "$name: one stderr line, got $(lines "$err"): $(cat "$err")" test "$(lines "$err")" -eq 1
  check "$name: message starts with 'newsgraph: '" grep -q '^newsgraph: ' "$err"
  local p
  for p in "$@"; do
    check "$name: message lacks '$p': $(cat "$err")" grep -qF -- "$p" "$err"
  done
  check "$name: nothing on stdout" test ! -s "$out"
  if [ -d "$TMP/out-$name" ]; then
    check "$name: files left in output dir: $(ls -A "$TMP/out-$name")" test "$(files "$TMP/out-$name")" -eq 0
  fi
  check "$name: files left in cwd: $(ls -A "$TMP/cwd")" test "$(files "$TMP/cwd")" -eq 0
}

expect_usage_error() {
  local name=$1
  check "$name: exit status $rc, want 2" test "$rc" -eq 2
  check "$name: a message on stderr" test -s "$err"
  check "$name: message starts with 'newsgraph: '" grep -q '^newsgraph: ' "$err"
  check "$name: nothing on stdout" test ! -s "$out"
  check "$name: files left in cwd: $(ls -A "$TMP/cwd")" test "$(files "$TMP/cwd")" -eq 0
  if [ -d "$TMP/out-$name" ]; then
    check "$name: files left in output dir" test "$(files "$TMP/out-$name")" -eq 0
  fi
}

# ---- bad input --------------------------------------------------------------

mkdir "$TMP/in"

run -q -o "$TMP/out-missing" "$TMP/in/no-such-article.txt"
expect_input_error missing "$TMP/in/no-such-article.txt"

: >"$TMP/in/empty.txt"
mkdir "$TMP/out-empty"
run -q -o "$TMP/out-empty" "$TMP/in/empty.txt"
expect_input_error empty "$TMP/in/empty.txt" "empty"

printf ' \n\t\r\n  \n' >"$TMP/in/blank.txt"
mkdir "$TMP/out-blank"
run -q -o "$TMP/out-blank" "$TMP/in/blank.txt"
expect_input_error blank "$TMP/in/blank.txt" "empty"

mkdir "$TMP/in/adir.txt" "$TMP/out-dir"
run -q -o "$TMP/out-dir" "$TMP/in/adir.txt"
expect_input_error dir "$TMP/in/adir.txt" "directory"

printf 'abc\0def\n' >"$TMP/in/binary.txt"
mkdir "$TMP/out-binary"
run -q -o "$TMP/out-binary" "$TMP/in/binary.txt"
expect_input_error binary "$TMP/in/binary.txt" "NUL" "offset 3"

printf 'ab\xc3\x28 more text\n' >"$TMP/in/latin.txt"
mkdir "$TMP/out-utf8"
run -q -o "$TMP/out-utf8" "$TMP/in/latin.txt"
expect_input_error utf8 "$TMP/in/latin.txt" "UTF-8" "byte offset 2"

# the offset counts the bytes of the file as given (BOM and CRs included)
printf '\xef\xbb\xbfOne line.\r\nTwo \xe2\x80\x99 \xff\n' >"$TMP/in/late.txt"
mkdir "$TMP/out-utf8late"
run -q -o "$TMP/out-utf8late" "$TMP/in/late.txt"
expect_input_error utf8late "$TMP/in/late.txt" "byte offset 22"

# ---- unwritable output -------------------------------------------------------

# -o under a regular file (chmod would not stop root)
printf 'not a directory\n' >"$TMP/regular"
run -q -o "$TMP/regular/sub" "$EXAMPLE"
expect_input_error under-file "$TMP/regular/sub"
check "under-file: the regular file is untouched" test "$(cat "$TMP/regular")" = "not a directory"
check "under-file: no stray outputs in $TMP" test -z "$(find "$TMP" -maxdepth 1 -name '*kerry*')"

# -o naming a regular file
run -q -o "$TMP/regular" "$EXAMPLE"
expect_input_error is-file "$TMP/regular"
check "is-file: the regular file is untouched" test "$(cat "$TMP/regular")" = "not a directory"

# an output path taken by a directory: the run fails and leaves no temporary
# file behind (the directory in the way is all that remains)
mkdir -p "$TMP/out-blocked/kerry-sochi.ttl"
run -q -o "$TMP/out-blocked" "$EXAMPLE"
check "blocked: exit status $rc, want 1" test "$rc" -eq 1
check "blocked: message names the file: $(cat "$err")" grep -qF "$TMP/out-blocked/kerry-sochi.ttl" "$err"
check "blocked: hidden temporary files left: $(ls -A "$TMP/out-blocked")" \
  test -z "$(find "$TMP/out-blocked" -mindepth 1 -name '.*')"
rm -rf "$TMP/out-blocked"

# the same with the last output (.dot) blocked: the others were already
# renamed into place when the last rename failed.
# Regression (fixed; was a bug in src/main.c process(), commit loop): a failed run leaves
# kerry-sochi.ttl, .nt, .triples.csv and .nodes.csv behind, although --help
# says the outputs are "renamed into place only when all of them succeeded"
# and the run exits 1.  Expected: no output file of this run remains (check
# every target before renaming, or remove the ones already renamed).
mkdir -p "$TMP/out-blocked2/kerry-sochi.dot"
run -q -o "$TMP/out-blocked2" "$EXAMPLE"
check "blocked-last: exit status $rc, want 1" test "$rc" -eq 1
check "blocked-last: message names the file: $(cat "$err")" grep -qF "$TMP/out-blocked2/kerry-sochi.dot" "$err"
check "blocked-last: hidden temporary files left: $(ls -A "$TMP/out-blocked2")" \
  test -z "$(find "$TMP/out-blocked2" -mindepth 1 -name '.*')"
check "blocked-last: outputs of the failed run left: $(ls -A "$TMP/out-blocked2" | tr '\n' ' ')" \
  test -z "$(find "$TMP/out-blocked2" -mindepth 1 -maxdepth 1 -type f)"
rm -rf "$TMP/out-blocked2"

# ---- usage errors --------------------------------------------------------------

run --bogus-option "$EXAMPLE"
expect_usage_error unknown-option
check "unknown-option: names the option" grep -qF -- "--bogus-option" "$err"

run -x "$EXAMPLE"
expect_usage_error unknown-short

run -q
expect_usage_error no-input

run -q -o "$TMP/out-format" -f xml "$EXAMPLE"
expect_usage_error bad-format
check "bad-format: names the value" grep -qF "xml" "$err"

run -q -o "$TMP/out-format2" -f ttl,bogus "$EXAMPLE"
expect_usage_error bad-format2

run -q -o "$TMP/out-dialect" --csv-dialect excel "$EXAMPLE"
expect_usage_error bad-dialect
check "bad-dialect: names the value" grep -qF "excel" "$err"

run -q -o "$TMP/out-date" --date yesterday "$EXAMPLE"
expect_usage_error bad-date
check "bad-date: names the value" grep -qF "yesterday" "$err"

run -q -o "$TMP/out-date2" --date 2015-13-45 "$EXAMPLE"
expect_usage_error bad-date2

run -q -o "$TMP/out-noarg" -f
expect_usage_error missing-value

run -q -o - -f ttl,nt "$EXAMPLE"
expect_usage_error stdout-two-formats

run -q -b "not an iri" -o "$TMP/out-base" "$EXAMPLE"
expect_usage_error bad-base

# ---- help and version ------------------------------------------------------------

run --help
check "--help: exit 0" test "$rc" -eq 0
check "--help: mentions Exit status" grep -q "Exit status" "$out"
check "--help: usage line" grep -q "^Usage: newsgraph" "$out"
check "--help: nothing on stderr" test ! -s "$err"
check "--help: lists the formats" grep -q "graphml" "$out"
check "--help: documents --csv-dialect and --csv-raw" test "$(grep -c -e '--csv-dialect' -e '--csv-raw' "$out")" -eq 2
check "--help: documents --wait" grep -qF -- "--wait" "$out"
check "--help: documents exit status 3" grep -qF "3 the output directory or store is locked" "$out"
check "--help: several documents to standard output" grep -qF "ttl, nt or nq" "$out"

run -h
check "-h: exit 0" test "$rc" -eq 0
check "-h: mentions Exit status" grep -q "Exit status" "$out"

run --version
check "--version: exit 0" test "$rc" -eq 0
check "--version: 'newsgraph X.Y.Z': $(cat "$out")" grep -qE '^newsgraph [0-9]+\.[0-9]+(\.[0-9]+)?$' "$out"
check "--version: one line" test "$(lines "$out")" -eq 1

# ---- standard input and output -------------------------------------------------------

(cd "$TMP/cwd" && cat "$EXAMPLE" | "$NG" -q -o "$TMP/out-stdin" - >"$TMP/stdout" 2>"$TMP/stderr")
rc=$?
check "stdin: exit 0 (stderr: $(cat "$TMP/stderr"))" test "$rc" -eq 0
check "stdin: stdin.ttl written" test -s "$TMP/out-stdin/stdin.ttl"
for ext in nt nq triples.csv nodes.csv edges.csv graphml dot; do
  check "stdin: stdin.$ext written" test -s "$TMP/out-stdin/stdin.$ext"
done
check "stdin: exactly eight files: $(ls -A "$TMP/out-stdin")" test "$(files "$TMP/out-stdin")" -eq 8
check "stdin: the person is there" grep -q 'person:john-kerry' "$TMP/out-stdin/stdin.ttl"
check "stdin: nothing in cwd" test "$(files "$TMP/cwd")" -eq 0

# -o - writes the one chosen format to standard output, and nothing else
run -q -o - -f nt "$EXAMPLE"
check "stdout nt: exit 0 (stderr: $(cat "$err"))" test "$rc" -eq 0
check "stdout nt: nothing on stderr" test ! -s "$err"
check "stdout nt: many lines" test "$(lines "$out")" -gt 1000
check "stdout nt: every line is a triple" test -z "$(grep -v -E '^<[^>]+> <[^>]+> .+ \.$' "$out" | head -1)"
check "stdout nt: no files in cwd" test "$(files "$TMP/cwd")" -eq 0
check "stdout nt: no directory named '-'" test ! -e "$TMP/cwd/-"
cp "$out" "$TMP/stdout.nt"

# ...identical to the file written with -o DIR
run -q -o "$TMP/out-nt" -f nt "$EXAMPLE"
check "nt file: exit 0" test "$rc" -eq 0
check "nt file: only the .nt file: $(ls -A "$TMP/out-nt")" test "$(files "$TMP/out-nt")" -eq 1
check "nt file equals stdout" cmp -s "$TMP/stdout.nt" "$TMP/out-nt/kerry-sochi.nt"

# --name sets the file names
run -q -o "$TMP/out-name" -f ttl -n "My Story" "$EXAMPLE"
check "--name: exit 0" test "$rc" -eq 0
check "--name: my-story.ttl: $(ls -A "$TMP/out-name")" test -s "$TMP/out-name/my-story.ttl"

# one bad input among good ones: exit 1, the good one is still written
printf 'Anna Petrova met Mark Olsen in Oslo on Monday.\n' >"$TMP/in/good.txt"
run -q -o "$TMP/out-mixed" "$TMP/in/good.txt" "$TMP/in/no-such.txt"
check "mixed: exit 1" test "$rc" -eq 1
check "mixed: names the missing file" grep -qF "$TMP/in/no-such.txt" "$err"
check "mixed: good.ttl written" test -s "$TMP/out-mixed/good.ttl"

# --explain: every relation, role, event and statement of the example names
# its rule, a confidence and a line:column; every entity lists mentions
# with line:column
run --explain "$EXAMPLE"
check "explain: exit 0" test "$rc" -eq 0
n_facts=$(grep -cE '^(relation|role|event|statement) ' "$out")
n_bad=$(grep -E '^(relation|role|event|statement) ' "$out" |
  grep -cvE ' rule=[a-z][a-z0-9.+-]* confidence=(0\.[0-9]+|1\.00) at [0-9]+:[0-9]+$')
check "explain: facts listed ($n_facts)" test "$n_facts" -ge 40
check "explain: $n_bad facts without rule/confidence/line:column" test "$n_bad" -eq 0
n_ent=$(grep -c '^entity ' "$out")
n_ment=$(grep -cE '^  mention [0-9]+:[0-9]+ ' "$out")
check "explain: entities ($n_ent) with mentions ($n_ment)" test "$n_ent" -ge 40 -a "$n_ment" -ge "$n_ent"

# ---- one name per document (issue 10) -----------------------------------------------
# Two inputs with one document name would write the same files, store graph
# and N-Quads graph, the later over the earlier, with exit status 0.  They are
# refused before anything is written, with one line per input that repeats a
# name, naming both inputs.

mkdir -p "$TMP/names/d1" "$TMP/names/d2" "$TMP/names/d3"
printf 'Anna Petrova met Mark Olsen in Oslo on Monday.\n' >"$TMP/names/d1/article.txt"
printf 'Lena Berg visited Bergen on Friday.\n' >"$TMP/names/d2/article.txt"
printf 'Piotr Novak spoke in Vienna.\n' >"$TMP/names/d3/article.txt"
N1="$TMP/names/d1/article.txt" N2="$TMP/names/d2/article.txt" N3="$TMP/names/d3/article.txt"

run -q -o "$TMP/out-samename" "$N1" "$N2"
expect_input_error samename "$N1" "$N2" "'article'"
check "samename: the output directory is not even created" test ! -e "$TMP/out-samename"

run -q -f nq -o - "$N1" "$N2"
expect_input_error samename-nq "$N1" "$N2"

run -q --store "$TMP/names/kg.db" "$N1" "$N2"
expect_input_error samename-store "$N1" "$N2"
check "samename-store: no store created" test ! -e "$TMP/names/kg.db"

# directories stand for their *.txt files: the same clash
run -q -o "$TMP/out-samedir" "$TMP/names/d1" "$TMP/names/d2"
expect_input_error samedir "$N1" "$N2"

# three inputs, one name: a line for each later one
run -q -o "$TMP/out-three" "$N1" "$N2" "$N3"
check "three: exit 1" test "$rc" -eq 1
check "three: two lines: $(cat "$err")" test "$(lines "$err")" -eq 2
check "three: the second names d2 and d1" grep -qF "$N2: same document name 'article' as $N1" "$err"
check "three: the third names d3 and d1" grep -qF "$N3: same document name 'article' as $N1" "$err"
check "three: nothing written" test ! -e "$TMP/out-three"

# names that differ only in what the slug drops
cp "$N1" "$TMP/names/a b.txt"
cp "$N2" "$TMP/names/a-b.txt"
run -q -o "$TMP/out-slug" "$TMP/names/a b.txt" "$TMP/names/a-b.txt"
expect_input_error slug "$TMP/names/a b.txt" "$TMP/names/a-b.txt" "'a-b'"

# standard input is named "stdin"
cp "$N2" "$TMP/names/stdin.txt"
(cd "$TMP/cwd" && "$NG" -q -o "$TMP/out-stdin2" - "$TMP/names/stdin.txt" <"$N1" >"$TMP/stdout" 2>"$TMP/stderr")
rc=$?
out="$TMP/stdout" err="$TMP/stderr"
expect_input_error stdin2 "<stdin>" "$TMP/names/stdin.txt"

# --name with several inputs is a usage error
run -q -o "$TMP/out-name2" --name story "$N1" "$N3"
expect_usage_error name2
check "name2: names --name: $(cat "$err")" grep -qF -- "--name" "$err"
check "name2: nothing written" test ! -e "$TMP/out-name2"
mkdir -p "$TMP/names/two"
cp "$N1" "$TMP/names/two/x.txt"
cp "$N3" "$TMP/names/two/y.txt"
run -q -o "$TMP/out-name3" --name story "$TMP/names/two"
expect_usage_error name3

# different names in one run are fine, and so is --name with one input
run -q -o "$TMP/out-names-ok" -f nt "$N1" "$TMP/names/two"
check "names-ok: exit 0 ($(cat "$err"))" test "$rc" -eq 0
check "names-ok: three files: $(ls -A "$TMP/out-names-ok" | tr '\n' ' ')" test "$(files "$TMP/out-names-ok")" -eq 3

# ---- several documents to standard output (issue 10) --------------------------------
# GraphML and DOT have one root, the CSVs one header: two documents in one
# stream were two XML documents or two headers.  N-Triples, N-Quads and
# Turtle concatenate.

for f in graphml dot csv nodes edges; do
  run -q -o - -f "$f" "$N1" "$TMP/names/two"
  expect_usage_error "stdout-many-$f"
  check "stdout-many-$f: names the format: $(cat "$err")" grep -qF "$f" "$err"
done
run -q -o - -f graphml "$TMP/names/two/x.txt"
check "stdout-one-graphml: one document is fine" test "$rc" -eq 0 -a "$(grep -c '<graphml' "$out")" -eq 1

Y="$TMP/names/two/y.txt"
run -q -o - -f nt "$N1" "$Y"
check "stdout-many-nt: exit 0" test "$rc" -eq 0
cp "$out" "$TMP/many.nt"
(cd "$TMP/cwd" && "$NG" -q -o - -f nt "$N1" && "$NG" -q -o - -f nt "$Y") >"$TMP/each.nt"
check "stdout-many-nt: the two documents one after the other" cmp -s "$TMP/many.nt" "$TMP/each.nt"
run -q -o - -f ttl "$N1" "$Y"
check "stdout-many-ttl: exit 0" test "$rc" -eq 0
if command -v rapper >/dev/null && command -v serdi >/dev/null; then
  sort -u "$TMP/many.nt" >"$TMP/many.sorted.nt"
  rapper -q -i turtle -o ntriples "$out" http://example.org/ 2>/dev/null | sort -u >"$TMP/ttl-rapper.nt"
  serdi -i turtle -o ntriples "$out" 2>/dev/null | sort -u >"$TMP/ttl-serdi.nt"
  check "stdout-many-ttl: rapper reads the triples of both" cmp -s "$TMP/ttl-rapper.nt" "$TMP/many.sorted.nt"
  check "stdout-many-ttl: serdi reads the triples of both" cmp -s "$TMP/ttl-serdi.nt" "$TMP/many.sorted.nt"
else
  fail "stdout-many-ttl: rapper and serdi are needed (Debian raptor2-utils, serdi)"
fi

# ---- the argument that is wrong (issue 10) --------------------------------------------
# "-o out -dash.txt" blamed 'out'; the message names '-dash.txt', and '--'
# ends the options.

cp "$N1" "$TMP/cwd/-dash.txt"
run -q -o "$TMP/out-dash" -dash.txt
check "dash: exit 2" test "$rc" -eq 2
check "dash: names the argument: $(cat "$err")" grep -qF "'-dash.txt'" "$err"
check "dash: does not blame -o's value: $(cat "$err")" test -z "$(grep -F "'$TMP/out-dash'" "$err")"
check "dash: says how to name such a file" grep -qF -- "'--'" "$err"
check "dash: nothing written" test ! -e "$TMP/out-dash"
run -q -o "$TMP/out-dash" -- -dash.txt
check "dash--: exit 0 ($(cat "$err"))" test "$rc" -eq 0
check "dash--: dash.ttl written" test -s "$TMP/out-dash/dash.ttl"
rm -f "$TMP/cwd/-dash.txt"
run -q -o "$TMP/out-dash2" -x "$N1"
check "short: names the option: $(cat "$err")" grep -qF "unknown option '-x'" "$err"

# ---- --base ---------------------------------------------------------------------------
# A base ending in '#' gave IRIs with two fragments (<...#article/a#char=0,9>).
run -q -o "$TMP/out-hash" --base 'http://ex.org/#' "$N1"
expect_usage_error hash
check "hash: explains the '#': $(cat "$err")" grep -qF "'#'" "$err"
run -q -o "$TMP/out-hash2" --base 'http://ex.org/#kg/' "$N1"
expect_usage_error hash2
run -q -o - -f nt --base 'http://ex.org/kg/' "$N1"
check "base-slash: exit 0" test "$rc" -eq 0
check "base-slash: no IRI with two '#'" test -z "$(grep -E '<[^>]*#[^>]*#' "$out")"

# A base that is not UTF-8 lost its bad bytes (fuzzing finding F3); a base
# with a dot segment gave IRIs that Turtle readers resolve to others (F5).
run -q -o "$TMP/out-base8" --base "$(printf 'http://ex.org/\377/')" "$N1"
expect_usage_error base8
check "base8: says UTF-8: $(cat "$err")" grep -qF "UTF-8" "$err"
run -q -o "$TMP/out-basedot" --base 'http://ex.org/a/../' "$N1"
expect_usage_error basedot
check "basedot: names the dot segment: $(cat "$err")" grep -qF "dot segment" "$err"
run -q -o "$TMP/out-basedot2" --base 'http://ex.org/./kg/' "$N1"
expect_usage_error basedot2

# ---- noncharacters (fuzzing finding F1) -------------------------------------------------
# U+FFFE in valid UTF-8 text made raptor fail: "out/a.nt: cannot write: RDF
# library error" after the other formats had been written.
printf 'Anna Dahl met Jonas Berg \357\277\276 in Oslo.\n' >"$TMP/in/nonchar.txt"
mkdir -p "$TMP/out-nonchar"
run -q -o "$TMP/out-nonchar" "$TMP/in/nonchar.txt"
expect_input_error nonchar "$TMP/in/nonchar.txt" "U+FFFE" "byte offset 25"
run -q -o "$TMP/out-nonchar-title" --title "$(printf 'A \357\277\277 title')" "$N1"
expect_usage_error nonchar-title

# ---- --store ''  ----------------------------------------------------------------------
run -q --store '' "$N1"
expect_usage_error store-empty
check "store-empty: says the name is empty: $(cat "$err")" grep -qF -- "--store" "$err"

# ---- UTF-16 and UTF-32 (issue 10) -------------------------------------------------------
# A UTF-16 file was called "binary data (NUL byte ...)".
text='Anna Petrova met Mark Olsen in Oslo.\n'
printf "$text" | iconv -f UTF-8 -t UTF-16 >"$TMP/in/u16bom.txt"   # with a byte-order mark
printf "$text" | iconv -f UTF-8 -t UTF-16LE >"$TMP/in/u16le.txt"
printf "$text" | iconv -f UTF-8 -t UTF-16BE >"$TMP/in/u16be.txt"
printf "$text" | iconv -f UTF-8 -t UTF-32 >"$TMP/in/u32bom.txt"
printf "$text" | iconv -f UTF-8 -t UTF-32BE >"$TMP/in/u32be.txt"
for f in u16bom:UTF-16 u16le:UTF-16LE u16be:UTF-16BE u32bom:UTF-32 u32be:UTF-32BE; do
  name=${f%%:*} enc=${f#*:}
  mkdir -p "$TMP/out-$name"
  run -q -o "$TMP/out-$name" "$TMP/in/$name.txt"
  expect_input_error "$name" "$TMP/in/$name.txt" "$enc" "iconv"
  check "$name: not called binary: $(cat "$err")" test -z "$(grep -i binary "$err")"
done

# ---- metadata, held to the standard of text (issue 10) ----------------------------------
# Invalid UTF-8 in a .meta title: -f ttl cut the headline, -f csv wrote
# invalid UTF-8, the default run failed with "RDF library error"; a NUL cut
# the title; a line over 4,095 bytes was split and its tail read as a new
# key; 2015-02-30 was an xsd:date; --meta /dev/zero hung.

mkdir -p "$TMP/meta"
cp "$N1" "$TMP/meta/a.txt"
M="$TMP/meta/a.meta"
printf 'title: Caf\xe9 talks\n' >"$M"
for f in all ttl csv; do
  mkdir -p "$TMP/out-meta-utf8-$f"
  run -q -o "$TMP/out-meta-utf8-$f" -f "$f" "$TMP/meta/a.txt"
  expect_input_error "meta-utf8-$f" "$M" "line 1" "invalid UTF-8" "byte offset 10"
done

printf 'publisher: Example Daily\ntitle: Cut\0here\n' >"$M"
mkdir -p "$TMP/out-meta-nul"
run -q -o "$TMP/out-meta-nul" -f ttl "$TMP/meta/a.txt"
expect_input_error meta-nul "$M" "line 2" "NUL" "offset 35"

printf 'title: Talks\n' | iconv -f UTF-8 -t UTF-16 >"$M"
mkdir -p "$TMP/out-meta-u16"
run -q -o "$TMP/out-meta-u16" "$TMP/meta/a.txt"
expect_input_error meta-u16 "$M" "UTF-16"

# a line of any length: the bytes after 4,095 stay in the title
{
  printf 'title: '
  head -c $((4095 - 7)) /dev/zero | tr '\0' 'x'
  printf 'url: http://injected.example/\ndate: 2015-05-13\n'
} >"$M"
run -q -o - -f nt "$TMP/meta/a.txt"
check "meta-long: exit 0 ($(cat "$err"))" test "$rc" -eq 0
check "meta-long: no url injected" test -z "$(grep -F 'ontology#url>' "$out")"
check "meta-long: the whole line is the title" grep -qE "\"x{4088}url: http://injected.example/\"" "$out"
check "meta-long: the next line is read" grep -qF '"2015-05-13"^^<http://www.w3.org/2001/XMLSchema#date>' "$out"

# a byte-order mark and CRLF line ends, as text has them
printf '\xef\xbb\xbftitle: Harbour talks\r\ndate: 2015-05-13\r\n' >"$M"
run -q -o - -f nt "$TMP/meta/a.txt"
check "meta-bom: exit 0 ($(cat "$err"))" test "$rc" -eq 0
check "meta-bom: the title" grep -qF '"Harbour talks"' "$out"

# real calendar dates
for d in 2015-02-30 2015-04-31 1900-02-29 2015-00 0000; do
  printf 'date: %s\n' "$d" >"$M"
  mkdir -p "$TMP/out-meta-date-$d"
  run -q -o "$TMP/out-meta-date-$d" "$TMP/meta/a.txt"
  expect_input_error "meta-date-$d" "$M" "line 1" "'$d'"
  run -q -o "$TMP/out-opt-date-$d" --date "$d" "$N1"
  expect_usage_error "opt-date-$d"
  check "opt-date-$d: names the value" grep -qF "'$d'" "$err"
  if [ "$d" = 1900-02-29 ]; then
    check "opt-date-$d: says how many days February has" grep -qF "February 1900 has 28 days" "$err"
  fi
done
rm -f "$M"
for d in 2016-02-29 2000-02-29 2015-04-30 2015-12-31; do
  run -q -o - -f nt --date "$d" "$N1"
  check "opt-date-$d: a real date is fine ($(cat "$err"))" test "$rc" -eq 0
  check "opt-date-$d: written as xsd:date" grep -qF "\"$d\"^^<http://www.w3.org/2001/XMLSchema#date>" "$out"
done

# every metadata option: UTF-8
run -q -o "$TMP/out-opt-title" --title "$(printf 'Caf\xe9')" "$N1"
expect_usage_error opt-title
check "opt-title: names the option and the problem: $(cat "$err")" grep -qF -- "--title: invalid UTF-8" "$err"
run -q -o "$TMP/out-opt-pub" --publisher "$(printf '\xc3\x28')" "$N1"
expect_usage_error opt-pub

# a metadata file is read up to a limit: /dev/zero does not hang
mkdir -p "$TMP/out-meta-zero"
(cd "$TMP/cwd" && timeout 60 "$NG" -q -o "$TMP/out-meta-zero" --meta /dev/zero "$N1" </dev/null >"$TMP/stdout" 2>"$TMP/stderr")
rc=$?
out="$TMP/stdout" err="$TMP/stderr"
expect_input_error meta-zero "/dev/zero" "too large"

# ---- a coordinate without a decimal point (fuzzing) --------------------------------------
# raptor's Turtle writer writes "55"^^xsd:decimal bare, as 55, which reads
# back as an xsd:integer; --data-dir lists are checked when loaded.
mkdir -p "$TMP/data"
cp "$SRC/data/"* "$TMP/data/"
sed -i 's/^\(Moscow\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t\)55\.[0-9]*\t/\155\t/' "$TMP/data/cities.tsv"
run -q -o - -f ttl --data-dir "$TMP/data" "$N1"
check "coordinate: exit 1, got $rc" test "$rc" -eq 1
check "coordinate: names the file and line: $(cat "$err")" grep -qE "cities\.tsv:[0-9]+: coordinates '55'" "$err"
check "coordinate: nothing on stdout" test ! -s "$out"
# a Wikidata ID that ends in '.' became wd:Q649. in Turtle, which no reader takes
cp "$SRC/data/cities.tsv" "$TMP/data/cities.tsv"
sed -i 's/^\(Moscow\t[^\t]*\t[^\t]*\t\)Q649\t/\1Q649.\t/' "$TMP/data/cities.tsv"
run -q -o - -f ttl --data-dir "$TMP/data" "$N1"
check "wikidata-id: exit 1, got $rc" test "$rc" -eq 1
check "wikidata-id: names the file and the ID: $(cat "$err")" grep -qE "cities\.tsv:[0-9]+: identifiers 'Q649\.'" "$err"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
