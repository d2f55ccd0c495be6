#!/usr/bin/env bash
# Install what is needed, build newsgraph twice (plain, and with AddressSanitizer
# + UndefinedBehaviorSanitizer) and run the whole test suite in both builds;
# then, when clang is installed, run each libFuzzer target for 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
jobs="$(nproc)"

echo "== build (RelWithDebInfo) and test" >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs" >/dev/null
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build (ASan + UBSan) and test" >&2
# The store and SHACL tests (label "stores") check the RDF, which is
# byte-identical in both builds (e2e.golden): the plain build runs them.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNG_SANITIZE=ON -DNG_STORE_TESTS=OFF >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

# libFuzzer smoke runs: every target of fuzz/ for 60 s on one core (one line
# each), when clang is there; a crash, leak or timeout fails the script.
# Without clang the fuzz.* tests above have run every target on its seed
# corpus with a deterministic driver.
if command -v clang > /dev/null; then
  echo "== libFuzzer smoke runs (60 s per target, one core)" >&2
  CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNG_LIBFUZZER=ON -DNG_SANITIZE=ON \
    -DNG_STORE_TESTS=OFF > /dev/null
  targets=$(ls fuzz/fuzz_*.c | sed -n 's|^fuzz/fuzz_\(.*\)\.c$|\1|p' | grep -vx common)
  cmake --build build-fuzz -j"$jobs" --target $(printf 'fuzz_%s ' $targets) > /dev/null
  failed=""
  for t in $targets; do
    fuzz/run.sh build-fuzz "$t" 60 || failed="$failed $t"
  done
  if [ -n "$failed" ]; then
    echo "libFuzzer found a crash, leak or timeout in:$failed (inputs and logs named above)" >&2
    exit 1
  fi
else
  echo "== no clang: libFuzzer smoke runs skipped" >&2
fi
