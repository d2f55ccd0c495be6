#!/usr/bin/env bash
# Install the Debian 12 packages newsgraph needs to build and test, when missing.
# Uses sudo when not run as root.  Safe to run again: installs only what is absent.
set -euo pipefail

PACKAGES=(
  gcc make cmake pkg-config            # toolchain
  libraptor2-dev librdf0-dev librasqal3-dev libcsv-dev   # RDF and CSV libraries
  librdf-storage-sqlite                # the persistent store (--store, newsgraph query)
  raptor2-utils serdi                  # rapper and serdi: independent RDF parsers (tests)
  python3 python3-rdflib               # CSV strict-mode check and the reference scorer (tests)
  python3-networkx                     # reads the GraphML export (tests/graphml.sh)
  graphviz                             # dot renders the DOT export, gc counts it (tests/dot.sh)
  valgrind                             # leak check (tests)
  iso-codes                            # ISO 3166 names (subdivisions, converted at build time)
  time                                 # peak memory in bench/speed.sh
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
