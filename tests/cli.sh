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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
