#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: a planner's first session with the real app, over AT-SPI.

On a fresh database it adds the example data (for the example menu), then
  1. creates a person;
  2. adds two statements to each section of their one-page profile;
  3. creates their plan, sets its period, and adds an ongoing hourly support
     line from the example menu with a weekly schedule;
  4. reads the Budget page's committed figure and checks it against the hand
     calculation below;
  5. quits the app, starts it again, and finds everything still there.

Usage: /usr/bin/python3 tests/e2e.py BUILD_DIR
(under `xvfb-run -a dbus-run-session`, as meson test runs it).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import bespoke_atspi  # noqa: E402
from bespoke_atspi import (children, click, do_action, fail, find, find_all, log, press_key, set_text,  # noqa: E402
                           text_of, wait_for)

PERSON = "Robin Ashby"
STATEMENTS = {
    "What people like and admire about me": ["I notice when someone is having a hard day.",
                                             "I can fix almost any bicycle."],
    "What’s important to me": ["Seeing my sister every Sunday.",
                               "Keeping my allotment going."],
    "How best to support me": ["Tell me about changes a day before.",
                               "Let me do the talking at appointments."],
}

# The plan: 1 April 2027 to 31 March 2028, costed on the real days (the
# calendar rule, a new plan's default).  The support line is the example
# menu's first ongoing product, Housing-related support at £19.00 an hour,
# with no band rates (so £19.00 at any hour, bank holidays included), on
# Mondays and Wednesdays from 09:00 for 3 hours, every week.
PLAN_START = "1/4/2027"
PLAN_END = "31/3/2028"
PRODUCT = "Housing-related support"
# Hand calculation: 1 April 2027 is a Thursday, and the period has
# 366 days (29 February 2028 is in it) = 52 weeks + 2 days; the 2 extra days
# are Thursday 30 and Friday 31 March 2028.  So there are 52 Mondays and 52
# Wednesdays: 104 days × 3 hours = 312 hours; 312 × £19.00 = £5,928.00.
COMMITTED = "£5,928.00"


def main_window(app):
    return app.window("Bespoke")


def labels_under(root):
    return [n.name for n in find_all(root, pyatspi.ROLE_LABEL) if n.name]


def show_page(window, name):
    """Switches the person's view to the Profile, Plan, Budget or Circle page."""
    tabs = find_all(window, pyatspi.ROLE_PAGE_TAB, name)
    if not tabs:
        fail(f"no tab for the {name} page")
    # The view switcher is in the header bar, or at the bottom when narrow:
    # the first one with an action will do.
    for tab in tabs:
        try:
            do_action(tab)
            break
        except Exception:
            continue
    else:
        click(tabs[0])
    time.sleep(0.5)


def statement_entry(window, heading):
    return find(window, f"the entry under “{heading}”", pyatspi.ROLE_TEXT, f"Add a statement to “{heading}”")


def check_statements(window):
    for heading, statements in STATEMENTS.items():
        lists = find_all(window, pyatspi.ROLE_LIST, heading)
        if not lists:
            fail(f"no list under the heading “{heading}”")
        for statement in statements:
            wait_for(f"“{statement}” under “{heading}”",
                     lambda: any(statement in " ".join(labels_under(l)) or
                                 any(statement in (n.name or "") for n in find_all(l))
                                 for l in lists))


def committed_figure(window):
    """The figure under the Budget page's "Committed" heading."""
    for heading in find_all(window, pyatspi.ROLE_LABEL, "Committed"):
        siblings = children(heading.parent)
        for i, node in enumerate(siblings):
            if node == heading and i + 1 < len(siblings):
                return text_of(siblings[i + 1])
    fail("the Budget page has no “Committed” figure")


def select_person(window, name):
    label = find(window, f"{name} in the people list", pyatspi.ROLE_LABEL, name,
                 predicate=lambda n: n.parent is not None)
    click(label)
    wait_for(f"{name}’s profile", lambda: find_all(window, pyatspi.ROLE_TEXT,
                                                   "Add a statement to “What’s important to me”"))


def first_session(app):
    window = main_window(app)

    log("a fresh database offers the example data: add it, for the example menu")
    do_action(find(window, "the button that adds the example data", pyatspi.ROLE_PUSH_BUTTON, "Add example people"))
    wait_for("the example people", lambda: find_all(window, pyatspi.ROLE_LABEL, "Paul Roberts"))

    log(f"1. create {PERSON}")
    do_action(find(window, "the New person button", pyatspi.ROLE_PUSH_BUTTON, "New person"))
    name_entry = find(app.accessible, "the new person’s name", pyatspi.ROLE_TEXT, "Full name")
    set_text(name_entry, PERSON)
    dialog = name_entry
    while dialog.parent is not None and dialog.parent.getRole() != pyatspi.ROLE_APPLICATION:
        dialog = dialog.parent
    add = find(dialog, "the dialog’s Add button", pyatspi.ROLE_PUSH_BUTTON, "Add")
    do_action(add)
    wait_for(f"{PERSON} in the list", lambda: find_all(window, pyatspi.ROLE_LABEL, PERSON))

    log("2. two statements in each section")
    for heading, statements in STATEMENTS.items():
        for statement in statements:
            entry = statement_entry(window, heading)
            set_text(entry, statement)
            # GTK 4.8's "activate" action on an entry does not emit
            # ::activate; a person clicks into it and presses Enter.
            click(entry)
            wait_for(f"the entry under “{heading}” to have the focus",
                     lambda: entry.getState().contains(pyatspi.STATE_FOCUSED) or click(entry), timeout=5)
            press_key("Return")
            wait_for(f"the entry under “{heading}” to empty", lambda: text_of(entry) == "", timeout=5)
    check_statements(window)

    log("3. a plan with an ongoing hourly support line on a weekly schedule")
    show_page(window, "Plan")
    do_action(find(window, "the Create a Plan button", pyatspi.ROLE_PUSH_BUTTON, "Create a Plan"))
    ends = find(window, "the plan’s end", pyatspi.ROLE_TEXT, "Ends")
    set_text(ends, PLAN_END)
    starts = find(window, "the plan’s start", pyatspi.ROLE_TEXT, "Starts")
    set_text(starts, PLAN_START)
    do_action(find(window, "the Add Support button", pyatspi.ROLE_PUSH_BUTTON, "Add Support"))
    wait_for(f"{PRODUCT} on the new line",
             lambda: any(PRODUCT in name for name in labels_under(window)))
    # The new line is on Mondays from 09:00 for an hour, every week: add
    # Wednesdays, and make it 3 hours.
    # GTK 4.8 gives a GtkToggleButton the push button role.
    wednesday = find(window, "the Wednesday toggle", name="Wednesday",
                     predicate=lambda n: n.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON))
    do_action(wednesday)
    hours = find(window, "the hours", pyatspi.ROLE_SPIN_BUTTON, "Hours")
    hours.queryValue().currentValue = 3.0
    time.sleep(1.5)  # edits are kept as they are typed, within a second

    log("4. the Budget page’s committed figure")
    show_page(window, "Budget")
    wait_for(f"the committed figure to be {COMMITTED}", lambda: committed_figure(window) == COMMITTED, timeout=10)


def second_session(app):
    window = main_window(app)

    log(f"5. after a restart: {PERSON}, the statements, the plan and its cost are all there")
    select_person(window, PERSON)
    show_page(window, "Profile")
    check_statements(window)
    show_page(window, "Plan")
    wait_for(f"{PRODUCT} on the plan", lambda: any(PRODUCT in name for name in labels_under(window)))
    show_page(window, "Budget")
    # The Budget page is made and costed on first show: on a loaded machine
    # (two cores, several builds) that has taken over 10 s.
    wait_for(f"the committed figure to be {COMMITTED}", lambda: committed_figure(window) == COMMITTED, timeout=30)


def main():
    return bespoke_atspi.main(__doc__, [first_session, second_session],
                              "person, profile, plan and budget made in the app, and all there after a restart")


if __name__ == "__main__":
    sys.exit(main())
