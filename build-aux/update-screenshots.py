#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run by build-aux/update-screenshots under Xvfb: Paul Roberts's four pages
from the example data, each as data/screenshots/NAME.png."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
import pyatspi  # noqa: E402
from bespoke_atspi import (App, click, do_action, ensure_accessibility_bus, find, find_all,  # noqa: E402
                           make_example_database, remove_scratch, scratch_dir)

PAGES = [("Profile", "profile"), ("Plan", "plan"), ("Budget", "budget"), ("Circle", "circle")]


def main():
    build_dir, out_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out_dir, exist_ok=True)
    helper = ensure_accessibility_bus()
    directory = scratch_dir()
    try:
        app = App(build_dir, make_example_database(build_dir, directory), directory)
        os.environ["BESPOKE_APP_G_DEBUG"] = ""
        app.start()
        try:
            window = app.window("Bespoke")
            click(find(window, "Paul in the people list", pyatspi.ROLE_LABEL, "Paul Roberts",
                       predicate=lambda n: n.parent is not None))
            time.sleep(1.5)
            for tab_name, file_name in PAGES:
                tabs = find_all(window, pyatspi.ROLE_PAGE_TAB, tab_name)
                do_action(tabs[0])
                time.sleep(1.5)
                path = os.path.join(out_dir, file_name + ".png")
                # the window alone: the black screen around it trimmed away
                subprocess.run(["import", "-window", "root", "-trim", "+repage", path], check=True)
                print(f"wrote {path}")
        finally:
            app.stop()
    finally:
        remove_scratch(directory)
        if helper is not None:
            helper.terminate()
    return 0


sys.exit(main())
