#!/usr/bin/env python3
"""Check that the modules of src/ include each other without a cycle.

A module is a header and its source (src/X.h, src/X.c), with the files of a
module split over several (src/X_part.c, and src/X_impl.h, the internal
header they share), when src/X.h exists.  Module X depends on module Y when
one of its files includes "Y.h".  A cycle (write -> viz -> write, or a
header that includes itself through others) is reported with its path and
fails the check.

Usage: scripts/check-includes.py [SRC_DIR]   (default: src next to scripts/)
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)\.h"', re.M)


def module_of(name, headers):
    """The module of file stem `name`: X for X_part when X.h exists."""
    head = name.split("_", 1)[0]
    return head if head != name and head in headers else name


def dependencies(src):
    deps = {}
    files = sorted(os.listdir(src))
    headers = {os.path.splitext(n)[0] for n in files if n.endswith(".h")}
    for name in files:
        stem, ext = os.path.splitext(name)
        if ext not in (".c", ".h"):
            continue
        module = module_of(stem, headers)
        with open(os.path.join(src, name), encoding="utf-8") as f:
            used = {module_of(u, headers) for u in INCLUDE.findall(f.read())}
        deps.setdefault(module, set()).update(used - {module})
    return deps


def find_cycle(deps):
    """A list of modules that form a cycle, or None."""
    state = {}  # module -> 1 while on the current path, 2 when done
    path = []

    def visit(m):
        state[m] = 1
        path.append(m)
        for d in sorted(deps.get(m, ())):
            if state.get(d) == 1:
                return path[path.index(d):] + [d]
            if d not in state:
                cycle = visit(d)
                if cycle:
                    return cycle
        path.pop()
        state[m] = 2
        return None

    for m in sorted(deps):
        if m not in state:
            cycle = visit(m)
            if cycle:
                return cycle
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "src")
    deps = dependencies(src)
    cycle = find_cycle(deps)
    if cycle:
        print("include cycle: " + " -> ".join(cycle), file=sys.stderr)
        return 1
    print("no include cycle among %d modules" % len(deps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
