#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The man pages say what the programs do: every command and option that
`bespoke-cli --help` and `bespoke --help` list appears in its page, and
groff (when present) reads the pages without a warning."""
import re
import shutil
import subprocess
import sys

src, build = sys.argv[1], sys.argv[2]
failures = []


def page_text(name):
    with open(f"{src}/data/man/{name}.1", encoding="utf-8") as f:
        return f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fI", "")


cli_help = subprocess.run([f"{build}/src/bespoke-cli", "--help"], capture_output=True, text=True, check=True).stdout
commands = re.findall(r"^  ([a-z]+)\b", cli_help.split("Commands:")[1].split("Options:")[0], re.M)
assert len(commands) >= 10, commands
cli_page = page_text("bespoke-cli")
for command in commands:
    if not re.search(rf"^\.B[IR]? {command}\b", cli_page, re.M) and f".B {command}\n" not in cli_page:
        failures.append(f"bespoke-cli.1 does not describe the command “{command}”")
    options = subprocess.run([f"{build}/src/bespoke-cli", command, "--help"], capture_output=True, text=True).stdout
    # a command's help names the program and the command once, as typed
    if not re.search(rf"^  bespoke-cli {command} ", options, re.M):
        failures.append(f"“bespoke-cli {command} --help” does not begin “Usage: bespoke-cli {command} …”")
    for option in sorted(set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", options, re.M)) - {"--help", "--help-all"}):
        if option not in cli_page:
            failures.append(f"bespoke-cli.1 does not mention {command}’s option {option}")

app_help = subprocess.run([f"{build}/src/bespoke", "--help"], capture_output=True, text=True, check=True).stdout
app_page = page_text("bespoke")
for option in set(re.findall(r"(--[a-z][a-z-]*)", app_help)) - {"--help", "--help-all", "--help-gapplication"}:
    if option not in app_page:
        failures.append(f"bespoke.1 does not mention {option}")

groff = shutil.which("groff")
if groff:
    for name in ("bespoke", "bespoke-cli"):
        run = subprocess.run([groff, "-man", "-ww", "-z", f"{src}/data/man/{name}.1"], capture_output=True, text=True)
        if run.returncode != 0 or run.stderr.strip():
            failures.append(f"groff warns about {name}.1: {run.stderr.strip()}")
else:
    print("groff is not installed: the pages' roff was not linted (install groff-base to lint it)")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(commands)} commands checked" if not failures else f"{len(failures)} problems")
sys.exit(1 if failures else 0)
