#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility audit: every control in Bespoke has a name.

Starts the real app on the example data (made with bespoke-cli), opens a
person, the product menus (with a product) and the shared homes, walks the
accessible tree of every window over AT-SPI, and fails on any button, entry,
toggle, check box or combo without an accessible name, printing each one and
where it is.  A screen reader reads such a control as just "button".

Usage: /usr/bin/python3 tests/atspi-audit.py BUILD_DIR
(under `xvfb-run -a dbus-run-session`, as meson test runs it).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import bespoke_atspi  # noqa: E402
from bespoke_atspi import (click, do_action, fail, find, find_all, log, press_keys, has_name,  # noqa: E402
                           is_control, wait_for, walk)


def path_to(node):
    """Where @node is: its named ancestors, outermost first."""
    names = []
    try:
        parent = node.parent
        while parent is not None and parent.getRole() != pyatspi.ROLE_APPLICATION:
            if parent.name and not parent.name.startswith("Gtk") and not parent.name.startswith("Adw"):
                names.append(f"{parent.getRoleName()} “{parent.name}”")
            parent = parent.parent
    except Exception:
        pass
    where = " › ".join(reversed(names[:4])) or "(top level)"
    # What is written near it, to tell which one it is.
    try:
        near = [n.name for n in walk(node.parent.parent) if n.getRole() == pyatspi.ROLE_LABEL and n.name][:3]
    except Exception:
        near = []
    return where + (f", near “{'”, “'.join(near)}”" if near else "")


def inside_named_combo(node):
    """GTK 4.8's GtkDropDown is a combo box with an unnamed button inside it
    that opens its list; the app cannot name that button, and a screen reader
    reads it with the combo box's name, which the audit checks instead."""
    try:
        parent = node.parent
        for _ in range(3):
            if parent is None:
                return False
            if parent.getRole() == pyatspi.ROLE_COMBO_BOX:
                return has_name(parent)
            parent = parent.parent
    except Exception:
        pass
    return False


def is_live(node):
    """A widget that is gone (the session's views are torn down when it
    ends) can linger in GTK 4.8's AT-SPI tree for a moment as a defunct
    object whose every query fails: that is no control a person can reach."""
    try:
        if node.getState().contains(pyatspi.STATE_DEFUNCT):
            return False
        node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return True
    except Exception:
        return False


def unnamed_controls(window):
    found = []
    for node in walk(window):
        if is_control(node) and not has_name(node) and not inside_named_combo(node) and is_live(node):
            found.append(node)
    return found


def audit(app, what, problems, counts):
    for window in app.windows():
        controls = [n for n in walk(window) if is_control(n)]
        counts[window.name] = max(counts.get(window.name, 0), len(controls))
        found = {(window.name, n.getRoleName(), path_to(n)) for n in unnamed_controls(window)}
        if found:
            # GTK 4.8's AT-SPI cache can still list a widget that was just
            # torn down (the session's views, when it ends): a control a
            # person can reach is there on a second look a moment later.
            time.sleep(1.5)
            found &= {(window.name, n.getRoleName(), path_to(n)) for n in unnamed_controls(window)}
        for key in found:
            if key not in problems:
                problems[key] = what


def audit_everything(app):
    problems = {}
    counts = {}
    main_window = app.window("Bespoke")
    audit(app, "the people list", problems, counts)

    # A person's pages: Profile, Plan, Budget and Circle are all in the tree.
    paul = find(main_window, "Paul Roberts in the people list", pyatspi.ROLE_LABEL, "Paul Roberts")
    click(paul)
    audit(app, "Paul's pages", problems, counts)

    # A facilitated session (F5): the capture view (with "Who is here"
    # open, as a session starts) and the TV window
    press_keys("F5")
    tv = app.window("Paul’s session")
    find(main_window, "the facilitator’s entry", pyatspi.ROLE_TEXT, "Facilitator")
    audit(app, "a session's capture view and TV", problems, counts)
    press_keys("shift+F5")
    wait_for("the TV window to close", lambda: tv not in app.windows() and
             not [w for w in app.windows() if w.name == "Paul’s session"])

    app.activate_action("product-menus")
    menus = app.window("Product Menus")
    product = find(menus, "a product on the menu", name="Personal care and support",
                   predicate=lambda n: n.getRole() != pyatspi.ROLE_LABEL)
    click(product)
    audit(app, "the product menus", problems, counts)

    app.activate_action("shared-homes")
    homes = app.window("Shared Homes")
    for expander in find_all(homes, pyatspi.ROLE_TOGGLE_BUTTON, "Ann Hughes"):
        do_action(expander)
    audit(app, "the shared homes", problems, counts)

    for window, n in sorted(counts.items()):
        log(f"{window}: {n} controls")
    if problems:
        for (window, role_name, where), what in sorted(problems.items()):
            print(f"unnamed {role_name} in “{window}”, at {where} (seen with {what})")
        fail(f"{len(problems)} controls have no accessible name: give each one "
             "<accessibility><property name=\"label\">…</property></accessibility>")


def main():
    return bespoke_atspi.main(__doc__, [audit_everything],
                              "every button, entry, toggle, check box and combo has an accessible name", example=True)


if __name__ == "__main__":
    sys.exit(main())
