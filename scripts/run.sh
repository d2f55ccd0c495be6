#!/usr/bin/env bash
# Install what is needed, build newsgraph, and run it on the example articles
# in examples/, writing the knowledge graphs into output/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target newsgraph >/dev/null
./build/newsgraph -o output examples/*.txt
echo "run: wrote $(ls output | wc -l) files to output/:" >&2
ls -1 output >&2
