#!/usr/bin/env python3
"""Linear cost on pathological documents (issue 10, item 5).

Each case is one invented document whose analysis used to cost time that
grows with the square of its length (a rule that scanned every mention,
entity, role, event or relation, or a sentence from its start, for each
item).  The document is run through newsgraph with a CPU-time limit
(RLIMIT_CPU) that the old code exceeded many times over and the new code
meets with a wide margin, also in the sanitizer build; no wall-clock time is
measured.  Each case also checks what came out (counts in the --explain
header, a relation, a warning line), so that a fast wrong answer fails too.
The limits for pathological input (segment.h, recognize.h) are checked the
same way: the warning line on stderr names the input and the limit.

Usage: scale.py NEWSGRAPH [CASE...]   (scale.py --list prints the cases)
Environment: SCALE_BUDGET multiplies the CPU-time budgets (default 1).
"""
import os
import re
import resource
import subprocess
import sys
import tempfile

SYL = ["ba", "ko", "ri", "sen", "tal", "mor", "vi", "dun", "pel", "gra", "lo", "ste", "mu", "fen", "ra", "dor"]


def name(i, n=3):
    """An invented capitalized name, distinct for each i < 16 ** n."""
    s = "".join(SYL[(i >> (4 * k)) & 15] for k in range(n))
    return s.capitalize()


def caps(i):
    """An invented all-capitals word of five letters, distinct for each i."""
    letters = "BCDFGHJKLMNPQRSTVWXZ"
    return "".join(letters[(i // 20 ** k) % 20] for k in range(5))


def run(binary, args, path, budget):
    """Run newsgraph under a CPU-time limit; (returncode, stdout, stderr)."""
    seconds = max(1, int(budget * float(os.environ.get("SCALE_BUDGET", "1"))))

    def limit():
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    p = subprocess.run([binary] + args + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       preexec_fn=limit, check=False)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def header(out):
    """The counts of the --explain header line."""
    m = re.search(r"(\d+) entities, (\d+) mentions, (\d+) relations, (\d+) roles, (\d+) events, (\d+) statements",
                  out)
    if not m:
        return None
    return dict(zip(["entities", "mentions", "relations", "roles", "events", "statements"], map(int, m.groups())))


# Each case: (name, what it pins, text, newsgraph arguments, CPU budget in
# seconds, check(stdout, stderr, path) -> error message or None).

def at_least(**want):
    def check(out, err, path):
        h = header(out)
        if h is None:
            return "no --explain header"
        for k, v in want.items():
            if h[k] < v:
                return "%s: %d, expected at least %d" % (k, h[k], v)
        if "warning" in err:
            return "unexpected warning: " + err.strip()
        return None
    return check


def warns(*parts):
    def check(out, err, path):
        lines = [l for l in err.splitlines() if "warning" in l]
        if len(lines) != 1:
            return "expected one warning line, got: %r" % err
        if os.path.basename(path) not in lines[0]:
            return "the warning does not name the input: " + lines[0]
        for p in parts:
            if p not in lines[0]:
                return "the warning does not say %r: %s" % (p, lines[0])
        return None
    return check


N = 40000  # items per case (more where the old cost per pair was small)


def cases():
    c = []
    # --explain listed each entity's mentions by scanning all mentions
    n = 7 * N
    c.append(("explain-mentions", "explain: mentions grouped by entity once",
              "".join("They went in %s, in %s, in %s and in %s.\n" % tuple(name(i + j, 5) for j in range(4))
                      for i in range(0, n, 4)), ["--explain"], 20, at_least(entities=n, mentions=n)))
    # "X joins X in Y" compared every pair of organization mentions
    n = 2 * N
    c.append(("org-in-place", "resolve: \"X\" joins \"X in Y\" by a lookup",
              "".join("Staff of the %s Institute spoke.\n" % name(i, 5) for i in range(n)) +
              "".join("The %s Institute in Oslo spoke.\n" % name(i, 5) for i in range(0, n, 2)), ["--explain"], 20,
              at_least(entities=n)))
    # a surname or first + last name compared with every full name
    c.append(("surnames", "resolve: surnames looked up by last word",
              "".join("Anna %s spoke. Later %s left.\n" % (name(i, 5), name(i, 5)) for i in range(N)),
              ["--explain"], 20, at_least(entities=N, mentions=2 * N)))
    # "Mr X": an inner word compared with every word of every full name
    c.append(("inner-names", "resolve: single names looked up by inner word",
              "".join("Anna Lise %s spoke. Mr %s left.\n" % (name(i, 5), name(i + N, 5)) for i in range(N)),
              ["--explain"], 20, at_least(entities=2 * N)))
    # "Dahl adviser": a one-word organization before a title against every mention
    n = 3 * N
    c.append(("surname-reread", "resolve: \"Dahl adviser\" by a lookup of full names' last words",
              "".join("She saw the %s adviser.\n" % name(i, 5) for i in range(n)), ["--explain"], 20,
              at_least(entities=n)))
    # every distinct name of an entity compared with the others
    n = 3 * N // 2
    c.append(("alt-names", "resolve, relate: one person's many names and roles by hash lookups",
              "".join("Yesterday the %s Minister Anna Dahl spoke.\n" % name(i, 5) for i in range(n)),
              ["--explain"], 20, at_least(mentions=n, roles=n)))
    # "the PSNI": every candidate against every mention
    n = 3 * N
    c.append(("acronym-the", "recognize: \"the PSNI\" against a set of acronyms",
              "".join("They saw the %s today.\n" % caps(i) for i in range(n)), ["--explain"], 20,
              at_least(entities=n)))
    # a country implied by a title ("Taoiseach") against every entity; a role against every role
    n = 2 * N
    c.append(("roles", "relate: entity of a lexicon entry and the same role by lookups",
              "".join("Taoiseach Anna %s spoke.\n" % name(i, 5) for i in range(n)), ["--explain"], 20,
              at_least(roles=n)))
    # a meeting against every meeting
    c.append(("events", "relate: the same meeting by a lookup",
              "".join("Anna %s met Ola %s.\n" % (name(i, 5), name(i + N, 5)) for i in range(N)), ["--explain"], 20,
              at_least(events=N)))
    # an aide's "represents" against every relation
    c.append(("aide-of", "relate: an aide's country from the owner's own relations",
              "".join("U.S. President Anna %s spoke. \"Yes,\" said Ben %s, %s's adviser.\n" %
                      (name(i, 5), name(i + N, 5), name(i, 5)) for i in range(N // 2)), ["--explain"], 20,
              at_least(relations=N)))
    # meeting and visit words in one long sentence: each read the sentence from its start
    c.append(("long-sentence-meetings", "relate: people before a trigger read once per sentence",
              " and ".join("Anna Lise met Ola Berg" for _ in range(N)) + ".\n", ["--explain"], 20,
              warns("sentences split at 1000 tokens")))
    c.append(("long-sentence-welcomed", "relate: \"welcomed by\" in one long sentence",
              " and ".join("Anna Lise was welcomed by Ola Berg" for _ in range(N)) + ".\n", ["--explain"], 20,
              warns("sentences split at 1000 tokens")))
    # a run of capitalized words taken apart at each "of" / "and", and titles over the run
    c.append(("run-of", "recognize: names cut at NG_REC_MAX_RUN tokens",
              "Staff of the " + " of ".join("%s University" % name(i % 50) for i in range(N)) + ".\n",
              ["--explain"], 20, warns("runs of capitalized words cut at 32 tokens")))
    c.append(("run-title", "recognize: titles read over at most NG_REC_MAX_RUN tokens",
              "They met " + " ".join("President of %s University" % name(i % 50) for i in range(N)) + ".\n",
              ["--explain"], 20, warns("runs of capitalized words cut at 32 tokens")))
    # the limits themselves
    c.append(("long-token", "segment: a word cut at NG_SEG_MAX_TOKEN_BYTES",
              "The code " + "x" * 5000 + " was read.\n", ["--explain"], 20, warns("4 words cut at 1024 bytes")))
    words = " ".join(name(i % 300) for i in range(N))
    c.append(("one-line", "segment: a sentence split at NG_SEG_MAX_SENTENCE_TOKENS",
              (words + " ") * 5 + "\n", ["-q", "-f", "nt", "-o", "-"], 40, warns("sentences split at 1000 tokens")))
    # --store: librdf's SQLite storage scanned the literals for each literal
    # (237 s for 1 MB); then an index of whole texts compared each key with
    # the article's text
    c.append(("store", "store: literals found by an index of their first characters",
              "".join("Anna %s met Ola %s in Oslo on Monday.\n" % (name(i, 5), name(i + N, 5)) for i in range(N // 2)),
              ["-q", "--store", "@TMP@/kg.db"], 40, stored))
    return c


def stored(out, err, path):
    db = os.path.join(os.path.dirname(path), "kg.db")
    if err.strip():
        return "stderr: " + err.strip()[:300]
    if not os.path.exists(db) or os.path.getsize(db) < len(open(path, "rb").read()):
        return "no store, or a store smaller than the text"
    return None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    all_cases = cases()
    if sys.argv[1] == "--list":
        for c in all_cases:
            print("%-24s %s" % (c[0], c[1]))
        return 0
    binary, only = sys.argv[1], set(sys.argv[2:])
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for cname, what, text, args, budget, check in all_cases:
            if only and cname not in only:
                continue
            path = os.path.join(tmp, cname + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            rc, out, err = run(binary, [a.replace("@TMP@", tmp) for a in args], path, budget)
            if rc != 0:
                problem = ("over the CPU-time budget of %d s" % budget if rc in (-24, -9) else
                           "exit status %d: %s" % (rc, err.strip()[:300]))
            else:
                problem = check(out, err, path)
            print("%s: %s (%d KB): %s" % ("FAIL" if problem else "ok", cname, len(text.encode()) // 1024,
                                            problem or what))
            failed += problem is not None
    print("%d passed, %d failed" % (len(all_cases if not only else [c for c in all_cases if c[0] in only]) - failed,
                                   failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
