#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A facilitated session (issue #10), with keyboard events only, over AT-SPI.

On a fresh database, pressing keys and never clicking:
  1. makes a new person (Ctrl+N) and one person in their circle (Alt+4, the
     Circle page's Add Someone), then starts a session (F5);
  2. adds three statements to each section of the one-page profile;
  3. moves to Working / not working from the family's view (PageDown) and
     adds two "working" and two "not working" statements, one said by the
     circle member ("Mar: …", the first letters of her name);
  4. selects a statement and moves it up (Up, Alt+Up), deletes another
     (Delete) and undoes the delete (Ctrl+Z);
  5. blanks the TV and brings it back (Ctrl+B);
  6. ends the session (Shift+F5).
At each step it reads the TV window's text over AT-SPI and checks it against
what was typed.  Then it quits, starts the app again, and finds the
statements, the said-by and the session record (on the Sessions page).

Usage: /usr/bin/python3 tests/session.py BUILD_DIR
(under `xvfb-run -a dbus-run-session`, as meson test runs it).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import bespoke_atspi  # noqa: E402
from bespoke_atspi import (fail, find, find_all, log, press_keys, type_keys, wait_for)  # noqa: E402

PERSON = "Sam Taylor"
MUM = "Margaret Taylor"
PROFILE = {
    "What people like and admire about me": ["I always say hello.", "I am good with engines.",
                                             "I make people laugh."],
    "What’s important to me": ["My job at the garage.", "Seeing my cousin on Sundays.",
                               "Camping with my mates."],
    "How best to support me": ["Give me time in the morning.", "Tell me about changes early.",
                               "Talk to me, not to the people with me."],
}
WORKING = ["Sam gets to work on time.", "The Tuesday club is going well."]
NOT_WORKING = ["Weekends are too quiet.", "Mar: The bus on Saturdays is unreliable."]
NOT_WORKING_SHOWN = ["Weekends are too quiet.", "The bus on Saturdays is unreliable."]
TV_TITLE = "Sam Taylor’s session"


def tv(app):
    return app.window(TV_TITLE)


def tv_labels(app):
    return [n.name for n in find_all(tv(app), pyatspi.ROLE_LABEL) if n.name]


def tv_has(app, texts, what):
    wait_for(f"the TV to show {what}", lambda: all(any(t in label for label in tv_labels(app)) for t in texts),
             timeout=10)


def statements_in_order(app, texts):
    """The TV's statement labels among @texts, in the order the TV shows them."""
    return [label for label in tv_labels(app) if label in texts]


def type_statement(app, text):
    type_keys(text)
    shown = text.split(": ", 1)[1] if text.startswith("Mar: ") else text
    # shown on the TV as it is typed, before Enter
    tv_has(app, [text], f"“{text}” being written")
    press_keys("Return")
    tv_has(app, [shown], f"“{shown}” added")


def new_person_and_circle(app):
    window = app.window("Bespoke")
    log(f"1. a new person, {PERSON}, with {MUM} in the circle")
    press_keys("ctrl+n")
    find(app.accessible, "the new person’s name", pyatspi.ROLE_TEXT, "Full name")
    type_keys(PERSON)
    press_keys("Return")
    wait_for(f"{PERSON}’s pages", lambda: find_all(window, pyatspi.ROLE_LABEL, PERSON))
    time.sleep(1)
    press_keys("alt+4")
    find(window, "the Circle page’s Add button", pyatspi.ROLE_PUSH_BUTTON, "Add someone to the circle")
    press_keys("alt+a")
    find(app.accessible, "the circle member’s name", pyatspi.ROLE_TEXT, "Name")
    type_keys(MUM)
    press_keys("Tab")
    type_keys("Mum")
    press_keys("Return")
    wait_for(f"{MUM} in the circle", lambda: find_all(window, pyatspi.ROLE_LABEL, predicate=lambda n: MUM in (n.name or "")))
    time.sleep(0.5)


def first_session(app):
    new_person_and_circle(app)
    window = app.window("Bespoke")

    log("   start the session with F5: the TV window opens")
    press_keys("F5")
    tv_has(app, ["About me", "What people like and admire about me"], "the one-page profile")
    find(window, "the capture entry", pyatspi.ROLE_TEXT, "What was said")
    time.sleep(1)

    log("2. three statements in each profile section (Ctrl+1, Ctrl+2, Ctrl+3)")
    for number, (heading, statements) in enumerate(PROFILE.items(), start=1):
        press_keys(f"ctrl+{number}")
        for statement in statements:
            type_statement(app, statement)
    tv_has(app, [s for statements in PROFILE.values() for s in statements], "every profile statement")

    log("3. working / not working, from the family’s view (PageDown twice)")
    press_keys("Page_Down")
    press_keys("Page_Down")
    tv_has(app, ["What’s working and not working, for my family", "What’s working", "What’s not working"],
           "the family’s working / not working")
    for statement in WORKING:
        type_statement(app, statement)
    press_keys("ctrl+2")
    for statement in NOT_WORKING:
        type_statement(app, statement)
    tv_has(app, WORKING + NOT_WORKING_SHOWN, "two working and two not working")
    tv_has(app, [f"said by {MUM} (Mum)"], "who said the bus statement")

    log("4. select a statement and move it up; delete another and undo")
    press_keys("Up")  # the last: the bus statement
    press_keys("alt+Up")
    wait_for("the bus statement moved above “Weekends are too quiet.”",
             lambda: statements_in_order(app, NOT_WORKING_SHOWN) == list(reversed(NOT_WORKING_SHOWN)), timeout=10)
    press_keys("Up")  # from the bus statement, now third, to the second working statement
    press_keys("Delete")
    wait_for(f"“{WORKING[1]}” gone from the TV", lambda: WORKING[1] not in tv_labels(app), timeout=10)
    press_keys("ctrl+z")
    tv_has(app, [WORKING[1]], "the deleted statement back after Ctrl+Z")

    log("5. blank the TV and bring it back")
    press_keys("ctrl+b")
    wait_for("the TV blank, with the person’s name", lambda: any("Back in a moment" in label for label in tv_labels(app)) and
             WORKING[0] not in tv_labels(app), timeout=10)
    wait_for("the capture view saying the TV is blank",
             lambda: find_all(window, pyatspi.ROLE_LABEL, predicate=lambda n: "The TV is blank" in (n.name or "")))
    press_keys("ctrl+b")
    tv_has(app, WORKING + NOT_WORKING_SHOWN, "the statements again")

    log("6. end the session (Shift+F5): the TV window closes")
    press_keys("shift+F5")
    wait_for("the TV window to close", lambda: not [w for w in app.windows() if w.name == TV_TITLE], timeout=10)


def second_session(app):
    window = app.window("Bespoke")
    log("after a restart: the profile, the family’s view with who said it, and the session record")
    press_keys("ctrl+f")
    type_keys("Sam")
    wait_for(f"{PERSON} found", lambda: find_all(window, pyatspi.ROLE_LABEL, PERSON))
    time.sleep(0.5)
    press_keys("Return")  # Enter in the search shows the person found
    for text in [s for statements in PROFILE.values() for s in statements]:
        wait_for(f"“{text}” on the profile", lambda: find_all(window, name=text) or
                 find_all(window, predicate=lambda n: text in (n.name or "")))
    press_keys("alt+5")
    wait_for("the session record on the Sessions page",
             lambda: find_all(window, predicate=lambda n: "statements added or changed" in (n.name or "")))
    record = find_all(window, predicate=lambda n: "statements added or changed" in (n.name or ""))[0]
    # 9 profile statements + 2 working + 2 not working were added; the move
    # and the undone delete touched statements already counted: 13
    if "13 statements added or changed" not in record.name:
        fail(f"the session record says “{record.name}”, not that 13 statements were added or changed")

    log("   and the family’s view, in its new order and with who said it, on the TV of a new session")
    press_keys("F5")
    tv_has(app, ["About me"], "the one-page profile")
    press_keys("Page_Down")
    press_keys("Page_Down")
    tv_has(app, WORKING + NOT_WORKING_SHOWN + [f"said by {MUM} (Mum)"], "the family’s working / not working")
    if statements_in_order(app, NOT_WORKING_SHOWN) != list(reversed(NOT_WORKING_SHOWN)):
        fail(f"the not-working statements read {statements_in_order(app, NOT_WORKING_SHOWN)} after a restart")
    press_keys("shift+F5")
    wait_for("the TV window to close", lambda: not [w for w in app.windows() if w.name == TV_TITLE], timeout=10)


def main():
    return bespoke_atspi.main(__doc__, [first_session, second_session],
                              "a session captured by keyboard alone, shown on the TV as typed, and all there after a restart")


if __name__ == "__main__":
    sys.exit(main())
