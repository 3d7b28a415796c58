#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, by keyboard alone: a planner who never touches the mouse.

On a database holding the example data (for its product menu) it
  1. makes a person with Ctrl+N, opens their details with Alt+Return and
     sets their nation to Scotland;
  2. adds three statements to each section of their one-page profile;
  3. creates their plan, sets its period, adds an outcome, and adds two
     support lines chosen from the product chooser: an hourly service and a
     sleep-in;
  4. reads the Budget page's committed figure and checks it against the hand
     calculation below, made with Scotland's bank holidays.

Every input is a key press.  AT-SPI is used only to read: after each add it
checks that the focused object is the new item's first field, and it counts
the Tabs a person needs to reach each control (printed, not asserted).

Usage: /usr/bin/python3 tests/e2e-keyboard.py BUILD_DIR
(under `xvfb-run -a dbus-run-session`, as meson test runs it).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402

import bespoke_atspi  # noqa: E402
from bespoke_atspi import (children, fail, find_all, log, press_keys, role, text_of, type_keys,  # noqa: E402
                           wait_for)

PERSON = "Morag Campbell"
STATEMENTS = {
    "What people like and admire about me": ["I remember everyone’s birthday.",
                                             "I make people laugh.",
                                             "I am a loyal friend."],
    "What’s important to me": ["Ceilidh dancing on Fridays.",
                               "Phoning my brother in Oban.",
                               "My cat, Bramble."],
    "How best to support me": ["Give me time to answer.",
                               "Write new plans down for me.",
                               "Do not rush me in the mornings."],
}
OUTCOME = "I go to the ceilidh club every week."

# The plan: 1 April 2027 to 31 March 2028, costed on the real days.  That is
# 366 days (29 February 2028 is in it), Thursday 1 April 2027 to Friday
# 31 March 2028: 52 weeks and 2 days (a Thursday and a Friday), so 52
# Mondays and 52 Tuesdays.
PLAN_START = "1/4/2027"
PLAN_END = "31/3/2028"
# Line 1, the hourly service: Personal care and support, £21.50 an hour (the
# example menu), on Mondays and Tuesdays from 09:00 for 1 hour, every week,
# skipping bank holidays.  Scotland's bank holidays in the period that fall
# on a Monday or Tuesday (gov.uk):
#   Mon 3 May 2027 (early May), Mon 31 May 2027 (spring),
#   Mon 2 Aug 2027 (summer: first Monday of August in Scotland),
#   Tue 30 Nov 2027 (St Andrew's Day),
#   Mon 27 Dec 2027 and Tue 28 Dec 2027 (Christmas and Boxing Day, on a
#   weekend that year), Mon 3 Jan 2028 and Tue 4 Jan 2028 (1 and 2 January,
#   on a weekend).
# Good Friday and Easter Monday fall outside the period in both years.
# So 104 − 8 = 96 days × 1 hour × £21.50 = £2,064.00.
# (England and Wales would skip only 6: 3 May, 31 May, 30 Aug, 27 Dec,
# 28 Dec and 3 Jan, giving 98 × £21.50 = £2,107.00.)
HOURLY = "Personal care and support"
# Line 2, the sleep-in: £90.00 a night, every night, the chooser's nightly
# schedule for a night product: 366 nights × £90.00 = £32,940.00.
SLEEP_IN = "Sleep-in"
# Committed: £2,064.00 + £32,940.00 = £35,004.00.
COMMITTED = "£35,004.00"

DEBUG = bool(os.environ.get("BESPOKE_KBD_DEBUG"))


def showing_nodes(root):
    """Every visible accessible under @root, depth first (GTK 4.8 marks
    widgets visible, not showing)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        try:
            state = node.getState()
        except Exception:
            continue
        if node is not root and not state.contains(pyatspi.STATE_VISIBLE):
            continue
        stack.extend(reversed(children(node)))


class FocusTracker:
    """Follows the keyboard focus through AT-SPI's focus events, which is
    much quicker than walking the tree after every key.  GTK 4.8 reports
    focus only in the main window: its dialogs are never marked active, so
    in a dialog the test checks what the keys did instead."""

    def __init__(self):
        self.node = None
        pyatspi.Registry.registerEventListener(self.on_event, "object:state-changed:focused")

    def forget(self):
        self.node = None

    def on_event(self, event):
        if event.detail1:
            self.node = event.source
        elif event.source == self.node:
            self.node = None

    def current(self):
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)
        try:
            self.node.getRoleName()
        except Exception:
            self.node = None
        return self.node


TRACKER = None


def focused(app):
    """The object with the keyboard focus: from the focus events, or, when
    an event was missed (focus set while the window was inactive), by
    walking the main window (slow: seconds)."""
    node = TRACKER.current()
    if node is not None:
        return node
    for window in children(app.accessible):
        for node in showing_nodes(window):
            try:
                if node is not window and node.getState().contains(pyatspi.STATE_FOCUSED):
                    return node
            except Exception:
                continue
    return None


def describe(node):
    if node is None:
        return "nothing"
    try:
        return f"{node.getRoleName()} “{(node.name or '').strip()}”"
    except Exception:
        return "an object that has gone"


def key(app, combo, pause=0.0):
    """Presses @combo; press_keys() returns once the app has handled it.

    @pause is for the few keys that add a row or show a page, after which
    the app moves the focus into the new row once it is laid out: AT-SPI
    says nothing of that focus (an AdwEntryRow's text reports none), so
    there is no event to wait for."""
    press_keys(combo)
    time.sleep(pause)
    if DEBUG:
        log(f"  {combo} → {describe(focused(app))}")


def focus_is(app, what, predicate, timeout=15):
    """Waits for the focus to be on an object @predicate accepts."""
    def check():
        node = focused(app)
        return node if node is not None and predicate(node) else None
    try:
        return wait_for(what, check, timeout=timeout)
    except SystemExit:
        log(f"the focus is on {describe(focused(app))}")
        raise


def named(name, *roles):
    def predicate(node):
        return ((node.name or "").replace("_", "").startswith(name) and
                (not roles or role(node) in roles))
    return predicate


def tab_to(app, what, predicate, limit=80, backwards=False):
    """Presses Tab (or Shift+Tab) until the focus is on @predicate's object,
    as a person would; returns how many presses it took."""
    for count in range(limit + 1):
        node = focused(app)
        if node is not None and predicate(node):
            log(f"  {what}: {count} {'Shift+' if backwards else ''}Tab{'s' if count != 1 else ''}")
            return node
        key(app, "shift+Tab" if backwards else "Tab")
        # the focus event comes over the accessibility bus, after the key:
        # wait for it, or a little while for a control that sends none
        wait_for_focus_change(node)
    fail(f"{what} is not reachable with {limit} presses of Tab (the focus is on {describe(focused(app))})")


def wait_for_focus_change(node, timeout=2.0):
    """Waits for a focus event that moves the focus off @node: GTK sends
    it just after handling the key.  A control that reports no focus (in a
    dialog, or an AdwEntryRow's text) sends none; then focused() walks."""
    deadline = time.monotonic() + timeout
    while node is not None and TRACKER.current() is node and time.monotonic() < deadline:
        time.sleep(0.01)


def type_text(text):
    type_keys(text)


def make_person(app, window):
    log(f"1. Ctrl+N makes {PERSON}; Alt+Return opens the details; Alt+N chooses Scotland")
    key(app, "ctrl+n")
    # GTK 4.8 reports no focus inside dialogs: what the keys typed shows it
    name = wait_for("the New Person dialog", lambda: next(
        (n for w in children(app.accessible) if w != window
         for n in showing_nodes(w) if role(n) == pyatspi.ROLE_TEXT and named("Full name")(n)), None))
    type_text(PERSON)
    wait_for("the name typed into “Full name”", lambda: text_of(name) == PERSON)
    key(app, "Return")
    wait_for(f"{PERSON} chosen", lambda: find_all(window, pyatspi.ROLE_TEXT,
                                                  "Add a statement to “What’s important to me”"))
    key(app, "alt+Return")
    details = wait_for("the details window", lambda: next((w for w in children(app.accessible)
                                                             if PERSON in (w.name or "") and w != window), None))
    # the Nation row's mnemonic opens its list; England and Wales is chosen,
    # Scotland is next
    key(app, "alt+n")
    key(app, "Down")
    key(app, "Return")
    def nation_shown():
        for n in showing_nodes(details):
            if role(n) == pyatspi.ROLE_COMBO_BOX and named("Nation")(n):
                return [c.name for c in showing_nodes(n) if c.name]
        return []
    try:
        wait_for("Scotland shown as the nation", lambda: "Scotland" in nation_shown())
    except SystemExit:
        log(f"the Nation row shows {nation_shown()}")
        raise
    key(app, "ctrl+w")
    wait_for("the details window closed", lambda: details not in children(app.accessible))


def add_statements(app, window):
    log("2. three statements in each section, typed and entered")
    key(app, "alt+1")
    for heading, statements in STATEMENTS.items():
        entry = tab_to(app, f"the entry under “{heading}”", named(f"Add a statement to “{heading}”",
                                                                  pyatspi.ROLE_TEXT))
        for statement in statements:
            type_text(statement)
            key(app, "Return")
            wait_for(f"“{statement}” listed", lambda: any(statement in (n.name or "")
                                                         for n in find_all(window, pyatspi.ROLE_LABEL)))
            # after the add the entry is empty, in view, and still focused,
            # ready for the next statement
            wait_for("the entry to empty", lambda: text_of(entry) == "")
            focus_is(app, f"the entry under “{heading}” to keep the focus",
                     named(f"Add a statement to “{heading}”", pyatspi.ROLE_TEXT))


def typed_into(window, what, name, text, within=None):
    """Checks that the keys just typed landed in the entry row @name.

    An AdwEntryRow's text (libadwaita 1.2 on GTK 4.8) tells AT-SPI nothing
    of its focus, so for these fields the test checks where the typing went:
    into this field, and nowhere else."""
    def holder():
        for node in showing_nodes(within or window):
            if role(node) == pyatspi.ROLE_TEXT and named(name)(node) and text_of(node) == text:
                return node
        return None
    return wait_for(f"“{text}” typed into {what}", holder)


def replace_text(app, text):
    """Selects what the focused entry holds and types @text over it."""
    key(app, "ctrl+a")
    type_text(text)


def choose_product(app, window, query, product):
    """From the focused Product button: opens the chooser, types, picks."""
    key(app, "Return")
    focus_is(app, "the chooser’s search to have the focus", named("Search products", pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY))
    type_text(query)
    time.sleep(0.5)  # the search entry's own delay (GtkSearchEntry waits 150 ms) before it filters
    key(app, "Return")
    button = focus_is(app, "the Product button to have the focus again", named("Product", pyatspi.ROLE_PUSH_BUTTON))
    wait_for(f"{product} on the Product button", lambda: any(
        product in (n.name or "") for n in showing_nodes(button) if role(n) == pyatspi.ROLE_LABEL))


def add_support(app, window, description, query, product):
    key(app, "alt+s", pause=1.0)  # Add _Support
    type_text(description)
    typed_into(window, "the new line’s first field, “What the support is”, which had the focus",
               "What the support is", description)
    tab_to(app, "the line’s Product button", named("Product", pyatspi.ROLE_PUSH_BUTTON))
    choose_product(app, window, query, product)


def make_plan(app, window):
    log("3. a plan, its period, an outcome, and two lines from the product chooser")
    key(app, "alt+2", pause=1.0)
    tab_to(app, "Create a Plan", named("Create a Plan", pyatspi.ROLE_PUSH_BUTTON))
    key(app, "Return", pause=1.0)
    replace_text(app, PLAN_START)
    typed_into(window, "the plan’s first field, Starts, which had the focus", "Starts", PLAN_START)
    key(app, "Tab")  # the calendar button
    key(app, "Tab")
    replace_text(app, PLAN_END)
    typed_into(window, "Ends, two Tabs on", "Ends", PLAN_END)

    key(app, "alt+o", pause=1.0)  # Add an _Outcome
    type_text(OUTCOME)
    typed_into(window, "the new outcome’s first field, which had the focus", "", OUTCOME)

    log(f"  the hourly line: {HOURLY}, Mondays and Tuesdays, skipping bank holidays")
    add_support(app, window, "Help getting ready in the morning", "personal care", HOURLY)
    # the chooser's schedule for an hourly product: Mondays, 09:00, an hour
    tuesday = tab_to(app, "the Tuesday toggle", named("Tuesday", pyatspi.ROLE_TOGGLE_BUTTON,
                                                       pyatspi.ROLE_PUSH_BUTTON))
    key(app, "space")
    wait_for("Tuesday checked", lambda: tuesday.getState().contains(pyatspi.STATE_CHECKED) or
             tuesday.getState().contains(pyatspi.STATE_PRESSED))
    tab_to(app, "the Bank holidays choice", named("Bank holidays"))
    # a drop-down: Space opens it, “Skip them” is second
    key(app, "space")
    key(app, "Down")
    key(app, "Return")
    wait_for("“Skip them” chosen", lambda: any(
        "Skip them" in (n.name or "") for n in showing_nodes(focused(app) or window)
        if role(n) == pyatspi.ROLE_LABEL))

    log(f"  the sleep-in: {SLEEP_IN}, every night")
    add_support(app, window, "Someone sleeping in overnight", "sleep", SLEEP_IN)
    time.sleep(1.5)  # edits are kept as they are typed, within a second


def check_budget(app, window):
    log("4. the Budget page’s committed figure, with Scotland’s bank holidays")
    key(app, "alt+3")

    def committed():
        for heading in find_all(window, pyatspi.ROLE_LABEL, "Committed"):
            siblings = children(heading.parent)
            for i, node in enumerate(siblings):
                if node == heading and i + 1 < len(siblings):
                    return text_of(siblings[i + 1])
        return None
    try:
        wait_for(f"the committed figure to be {COMMITTED}", lambda: committed() == COMMITTED, timeout=30)
    except SystemExit:
        log(f"the committed figure is {committed()}")
        raise
    wait_for("“Bank holidays: Scotland” on the Budget page",
             lambda: find_all(window, pyatspi.ROLE_LABEL, "Bank holidays: Scotland"))


def track_focus():
    global TRACKER
    TRACKER = FocusTracker()


def by_keyboard(app):
    window = app.window("Bespoke")
    wait_for("the people list", lambda: find_all(window, pyatspi.ROLE_LABEL, "Paul Roberts"))
    make_person(app, window)
    add_statements(app, window)
    make_plan(app, window)
    check_budget(app, window)


def main():
    return bespoke_atspi.main(__doc__, [by_keyboard],
                              "a person, their details, profile, plan and budget made by keyboard alone",
                              example=True, before=track_focus)


if __name__ == "__main__":
    sys.exit(main())
