#!/usr/bin/env bash
# Install what is needed, build newsgraph twice (plain, and with AddressSanitizer
# + UndefinedBehaviorSanitizer) and run the whole test suite in both builds.
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
