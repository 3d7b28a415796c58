#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Save as PDF from the real window, over AT-SPI (issue #9).

Starts Bespoke on the example data, opens Paul's profile, chooses "Save as
PDF…" in the person's menu, writes the file the chooser suggests into a
scratch folder (typed into the chooser's name, as a planner would), and
checks the result with poppler: one page (the one-page profile), tagged,
mode 0600, holding every statement of Paul's profile and his name.

Usage: /usr/bin/python3 tests/print.py BUILD_DIR
(under `xvfb-run -a dbus-run-session`, as meson test runs it).
"""

import os
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import bespoke_atspi  # noqa: E402
from bespoke_atspi import (do_action, fail, find, find_all, log, text_of, set_text, wait_for)  # noqa: E402
import e2e  # noqa: E402

# Paul's profile in the example data (src/core/example/bespoke-example.c)
PAUL = "Paul Roberts"
STATEMENTS = [
    "I am cheerful and I make people laugh.",
    "Going camping, or on a city break, with my mates.",
    "Talk to me, not to the person with me.",
]


def has_action(node):
    try:
        return node.queryAction().nActions > 0
    except NotImplementedError:
        return False


def poppler(tool, path):
    args = [tool, path] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def save_as_pdf(app, directory):
    window = e2e.main_window(app)
    e2e.select_person(window, PAUL)
    e2e.show_page(window, "Profile")

    log("the person menu: Save as PDF…")
    # GTK 4.8: the menu button, and inside it the button that opens it
    menu = find(window, "the person menu", None, "Menu for this person", predicate=has_action)
    do_action(menu)
    item = find(app.accessible, "Save as PDF… in the menu", name="Save as PDF…", predicate=has_action)
    do_action(item)

    # without a portal, GTK's own chooser (a dialog its toolkit calls a filler)
    chooser = find(app.accessible, "the Save as PDF chooser", None, "Save as PDF",
                   predicate=lambda n: n.parent is not None and n.parent.getRole() == pyatspi.ROLE_APPLICATION)
    # the name entry: the editable text that holds the suggested name
    name = find(chooser, "the file name", pyatspi.ROLE_TEXT,
                predicate=lambda n: n.getState().contains(pyatspi.STATE_EDITABLE) and n.queryText().characterCount > 0)
    suggested = text_of(name)
    log(f"the chooser suggests “{suggested}”")
    if not suggested.startswith(PAUL) or not suggested.endswith(".pdf"):
        fail(f"the suggested name “{suggested}” is not the person's document")
    path = os.path.join(directory, suggested)
    set_text(name, path)
    save = [b for b in find_all(chooser, pyatspi.ROLE_PUSH_BUTTON, "Save") if has_action(b)]
    if not save:
        fail("the chooser has no Save button")
    do_action(save[0])
    wait_for(f"“{suggested}” in the scratch folder", lambda: os.path.exists(path), timeout=30)
    return path


def check_pdf(path):
    info = poppler("pdfinfo", path)
    if "Pages:           1\n" not in info:
        fail(f"the profile is not one page:\n{info}")
    if "Tagged:          yes" not in info:
        fail(f"the PDF is not tagged:\n{info}")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode != 0o600:
        fail(f"the PDF is mode {oct(mode)}, not 0600")
    text = poppler("pdftotext", path)
    for statement in STATEMENTS + ["Paul"]:
        if statement not in text:
            fail(f"“{statement}” is not in the PDF")


def main():
    return bespoke_atspi.main(__doc__, [lambda app: check_pdf(save_as_pdf(app, app.home))],
                              "Paul's one-page profile saved as PDF from the window: one page, tagged, 0600, every statement",
                              example=True)


if __name__ == "__main__":
    sys.exit(main())
