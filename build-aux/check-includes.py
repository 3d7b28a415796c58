#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-includes.py [SOURCE_ROOT]

Fails when the modules under src/ include each other in a circle (issue #11).

A module is a header and the C files that implement it: bespoke-store.h,
bespoke-store.c, bespoke-store-private.h and bespoke-store-records.c (a C
file that includes a class's private header and is named after the class,
or has no header of its own, is a part of that class; any other C file
without a header belongs to the longest header name it starts with).  Module A depends on module B when a file of A includes
"B.h" (or "B-private.h").  Any cycle in that graph is printed and fails.
Run by `meson test --suite data` (the test is called "includes").
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
os.chdir(root)

files = []
for top, _dirs, names in os.walk("src"):
    files += [os.path.join(top, n) for n in names if n.endswith((".c", ".h"))]

def stem(path):
    name = os.path.basename(path).rsplit(".", 1)[0]
    return name[: -len("-private")] if name.endswith("-private") else name

headers = {stem(f) for f in files if f.endswith(".h")}

def module(name):
    if name in headers:
        return name
    parts = name.split("-")
    for n in range(len(parts) - 1, 0, -1):
        prefix = "-".join(parts[:n])
        if prefix in headers:
            return prefix
    return name

include = re.compile(r'^\s*#\s*include\s+"([^"]+)\.h"', re.M)
texts = {}
for f in files:
    with open(f, encoding="utf-8") as fh:
        texts[f] = fh.read()

def module_of_file(f):
    name = stem(f)
    if f.endswith(".c"):
        privates = [t[: -len("-private")] for t in include.findall(texts[f]) if t.endswith("-private")]
        # A part of a class split around its private header belongs to it
        # (bespoke-store-records.c, bespoke-field-set.c with bespoke-field)…
        for owner in privates:
            if name.startswith(owner + "-"):
                return owner
        # …and so does a part named otherwise (bespoke-person-dialogs.c).
        if name not in headers and len(privates) == 1:
            return privates[0]
    return module(name)

graph = {}
for f in files:
    src = module_of_file(f)
    if True:
        for target in include.findall(texts[f]):
            dst = module(stem(target))
            if dst != src and dst in headers:
                graph.setdefault(src, set()).add(dst)

cycles = set()
def visit(node, path, on_path):
    for nxt in sorted(graph.get(node, ())):
        if nxt in on_path:
            cyc = path[path.index(nxt):]
            i = cyc.index(min(cyc))
            cycles.add(tuple(cyc[i:] + cyc[:i]))
        elif len(path) < 40:
            visit(nxt, path + [nxt], on_path | {nxt})

for start in sorted(graph):
    visit(start, [start], {start})

for cyc in sorted(cycles):
    print("check-includes: modules include each other in a circle: " + " → ".join(cyc + (cyc[0],)), file=sys.stderr)
if cycles:
    print("check-includes: break each circle: move the shared piece into a module both can include, or invert the call with a signal", file=sys.stderr)
    sys.exit(1)
print(f"check-includes: {len(graph)} modules, no include circles")
