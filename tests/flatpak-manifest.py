#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest builds a commit of this repository from git on a
GNOME runtime Flathub still accepts: not a working tree (`type: dir`), not
an end-of-life runtime such as 43.  GNOME supports a runtime for about a
year, two releases; 50 was released in March 2026."""
import json
import os
import re
import subprocess
import sys

root = sys.argv[1]
OLDEST_SUPPORTED = 49
with open(os.path.join(root, "flatpak", "org.bespoke.Bespoke.json")) as f:
    manifest = json.load(f)
problems = []
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("the runtime is not GNOME's")
version = str(manifest.get("runtime-version", ""))
if not version.isdigit() or int(version) < OLDEST_SUPPORTED:
    problems.append(f"runtime-version {version!r} is end-of-life: use {OLDEST_SUPPORTED} or later")
module = manifest["modules"][-1]
source = module["sources"][0]
if source.get("type") != "git" or source.get("path") != "..":
    problems.append(f"the source is {source}, not this repository's git")
commit = source.get("commit", "")
if not re.fullmatch(r"[0-9a-f]{40}", commit):
    problems.append(f"the source names no commit ({commit!r}): run build-aux/flatpak-pin")
elif os.path.isdir(os.path.join(root, ".git")) or os.path.isfile(os.path.join(root, ".git")):
    known = subprocess.run(["git", "-C", root, "cat-file", "-e", commit + "^{commit}"], capture_output=True)
    if known.returncode != 0:
        problems.append(f"commit {commit} is not in this repository")
else:
    print("not a git checkout: the commit's presence was not checked")
if "-Dtests=false" not in module.get("config-opts", []):
    problems.append("the Flatpak build would build the tests")
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
