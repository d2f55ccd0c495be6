#!/usr/bin/env bash
# Install the Debian 12 packages newsgraph needs to build and test, when missing,
# and the npm packages of the store tests (tests/stores/package-lock.json) into
# tests/stores/node_modules.  Uses sudo for apt when not run as root.  Safe to
# run again: installs only what is absent or changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

PACKAGES=(
  gcc make cmake pkg-config            # toolchain
  libraptor2-dev librdf0-dev librasqal3-dev libcsv-dev   # RDF and CSV libraries
  librdf-storage-sqlite libsqlite3-dev # the persistent store (--store writes it with SQLite, newsgraph query reads it with librdf)
  raptor2-utils serdi                  # rapper and serdi: independent RDF parsers (tests)
  python3 python3-rdflib               # CSV strict-mode check and the reference scorer (tests)
  python3-networkx                     # reads the GraphML export (tests/graphml.sh)
  graphviz                             # dot renders the DOT export, gc counts it (tests/dot.sh)
  valgrind                             # leak check (tests)
  clang-format clang-tidy cppcheck     # lint (tests/lint.sh, .clang-format, .clang-tidy)
  iso-codes                            # ISO 3166 names (subdivisions, converted at build time)
  time                                 # peak memory in bench/speed.sh
  virtuoso-opensource curl             # SPARQL store and its HTTP client (tests/stores)
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Node.js and npm for Oxigraph and SHACL (tests/stores).  Debian's nodejs and
# npm packages, unless node and npm are there already (another nodejs package,
# such as one that bundles npm and conflicts with Debian's npm, is kept).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Installing virtuoso-opensource may start the system service (port 1111,
  # 8890, with the default password): the tests never use it (they run their
  # own server on free ports), so stop and disable it when we just installed it.
  if printf '%s\n' "${missing[@]}" | grep -qx virtuoso-opensource; then
    if command -v systemctl >/dev/null && systemctl is-active --quiet virtuoso-opensource-7 2>/dev/null; then
      $SUDO systemctl disable --now virtuoso-opensource-7 >/dev/null 2>&1 || true
    elif [ -x /etc/init.d/virtuoso-opensource-7 ]; then
      $SUDO invoke-rc.d virtuoso-opensource-7 stop >/dev/null 2>&1 || true
    fi
  fi
fi

# npm packages of the store tests, exactly as locked; again only when the lock
# file changed since the last install.
stores="$root/tests/stores"
if ! cmp -s "$stores/package-lock.json" "$stores/node_modules/.newsgraph-installed-lock" 2>/dev/null; then
  echo "deps: npm ci in tests/stores" >&2
  (cd "$stores" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$stores/package-lock.json" "$stores/node_modules/.newsgraph-installed-lock"
fi
