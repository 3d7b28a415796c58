#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A facilitated session survives a crash (issue #10): the app is killed
(SIGKILL) right after Enter, and again in the middle of typing.  After each
restart the statement committed with Enter is there, and the half-typed
words are back in the capture entry (and on the TV) when the session goes
on (F5).  Keyboard events only.

Usage: /usr/bin/python3 tests/session-crash.py BUILD_DIR
(under `xvfb-run -a dbus-run-session`, as meson test runs it).
"""

import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import bespoke_atspi  # noqa: E402
from bespoke_atspi import (fail, find, find_all, log, press_keys, text_of, type_keys, wait_for)  # noqa: E402

PERSON = "Robin Ashby"
TV_TITLE = "Robin Ashby’s session"
COMMITTED = "I like the bus driver who waves."
HALF_TYPED = "Robin is happiest when he is out in the gard"


def tv_labels(app):
    window = app.window(TV_TITLE)
    return [n.name for n in find_all(window, pyatspi.ROLE_LABEL) if n.name]


def start_session(app):
    press_keys("F5")
    wait_for("the TV window", lambda: [w for w in app.windows() if w.name == TV_TITLE])
    window = app.window("Bespoke")
    entry = find(window, "the capture entry", pyatspi.ROLE_TEXT, "What was said")
    time.sleep(1)
    return entry


def kill(app):
    # A crash or a flat battery: no chance to save anything more
    app.process.send_signal(signal.SIGKILL)
    app.process.wait()
    app.process = None


def open_person(app):
    window = app.window("Bespoke")
    press_keys("ctrl+f")
    type_keys("Robin")
    wait_for(f"{PERSON} found", lambda: find_all(window, pyatspi.ROLE_LABEL, PERSON))
    time.sleep(0.5)
    press_keys("Return")
    time.sleep(1)


def run_1(app):
    log("a new person, a session, one statement, and SIGKILL right after Enter")
    window = app.window("Bespoke")
    press_keys("ctrl+n")
    find(app.accessible, "the new person’s name", pyatspi.ROLE_TEXT, "Full name")
    type_keys(PERSON)
    press_keys("Return")
    wait_for(f"{PERSON}’s pages", lambda: find_all(window, pyatspi.ROLE_LABEL, PERSON))
    time.sleep(1)
    start_session(app)
    type_keys(COMMITTED)
    press_keys("Return")
    kill(app)


def run_2(app):
    log("after the restart: the statement is there; type half a statement and SIGKILL")
    open_person(app)
    window = app.window("Bespoke")
    wait_for(f"“{COMMITTED}” on the profile",
             lambda: find_all(window, predicate=lambda n: COMMITTED in (n.name or "")))
    entry = start_session(app)
    if text_of(entry) != "":
        fail(f"the entry holds “{text_of(entry)}” after Enter had added it")
    if not any(COMMITTED in label for label in tv_labels(app)):
        fail(f"the TV does not show “{COMMITTED}”")
    type_keys(HALF_TYPED)
    wait_for("the half-typed words on the TV", lambda: HALF_TYPED in tv_labels(app))
    # the words are kept within a quarter of a second of the last key
    time.sleep(1.0)
    kill(app)


def run_3(app):
    log("after the second restart: the session goes on with the half-typed words")
    open_person(app)
    entry = start_session(app)
    wait_for("the half-typed words back in the entry", lambda: text_of(entry) == HALF_TYPED, timeout=10)
    wait_for("the half-typed words back on the TV", lambda: HALF_TYPED in tv_labels(app), timeout=10)
    labels = tv_labels(app)
    if labels.count(COMMITTED) != 1:
        fail(f"“{COMMITTED}” is on the TV {labels.count(COMMITTED)} times")
    press_keys("shift+F5")
    wait_for("the TV window to close", lambda: not [w for w in app.windows() if w.name == TV_TITLE], timeout=10)


def main():
    return bespoke_atspi.main(__doc__, [run_1, run_2, run_3],
                              "the statement committed before a SIGKILL and the words half typed before another are both kept")


if __name__ == "__main__":
    sys.exit(main())
