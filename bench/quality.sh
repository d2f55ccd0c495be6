#!/usr/bin/env bash
# Extraction quality: run newsgraph on every article in examples/ and in the
# shared development set, score each against its gold annotation with the
# reference scorer, and print a table per article and pooled.
# Usage: bench/quality.sh [NEWSGRAPH] [ARTICLES_DIR] [GOLD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/newsgraph}
articles=${2:-../shared/articles}
gold=${3:-../shared/eval/gold}
scorer=$(dirname "$gold")/score.py
[ -x "$bin" ] || { echo "quality: build newsgraph first ($bin)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

declare -A seen
inputs=()
for f in examples/*.txt "$articles"/*.txt; do
  slug=$(basename "$f" .txt)
  [ -f "$gold/$slug.entities.tsv" ] || continue
  [ -n "${seen[$slug]:-}" ] && continue
  seen[$slug]=1
  inputs+=("$f")
done
for f in "${inputs[@]}"; do
  "$bin" -q -f ttl -o "$tmp" "$f"
  slug=$(basename "$f" .txt)
  /usr/bin/python3 "$scorer" --gold-dir "$gold" --slug "$slug" --json "$tmp/$slug.ttl" ontology/*.ttl > "$tmp/$slug.json"
done
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, glob, os
rows = []
tot = {t: [0, 0, 0] for t in ("Person", "Organization", "Place", "Agreement")}
rel_f = rel_t = prec_c = prec_t = 0
def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
print("| article | Person F1 | Org F1 | Place F1 | Agreement F1 | entity P | entity R | entity micro-F1 | relation recall | relation precision |")
print("|---|---|---|---|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    r = json.load(open(path))
    e = r["entities"]
    cells = []
    for t in tot:
        c = e["per_type"][t]
        for k, key in enumerate(("tp", "fp", "fn")):
            tot[t][k] += c[key]
        cells.append("%.3f" % c["f1"] if c["tp"] + c["fn"] + c["fp"] else "n/a")
    m = e["micro"]
    o = r["relations"]["overall"]
    p = r["relations"]["precision"]
    rel_f += o["found"]; rel_t += o["total"]
    prec_c += p["correct"]; prec_t += p["total"]
    print("| %s | %s | %.3f | %.3f | %.3f | %d/%d = %.3f | %s |" % (
        r["slug"], " | ".join(cells), m["precision"], m["recall"], m["f1"], o["found"], o["total"],
        o["recall"] or 0, "%d/%d = %.3f" % (p["correct"], p["total"], p["precision"]) if p["total"] else "n/a"))
tp = sum(v[0] for v in tot.values()); fp = sum(v[1] for v in tot.values()); fn = sum(v[2] for v in tot.values())
cells = ["%.3f" % prf(*v)[2] for v in tot.values()]
P, R, F = prf(tp, fp, fn)
print("| **pooled** | %s | %.3f | %.3f | %.3f | %d/%d = %.3f | %d/%d = %.3f |" % (
    " | ".join(cells), P, R, F, rel_f, rel_t, rel_f / rel_t if rel_t else 0, prec_c, prec_t, prec_c / prec_t if prec_t else 0))
PY
