#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Memory while browsing (issue #13): the window's memory on the example data
and on 100,000 people, after the same keys, against the target of at most
30 MB more on 100,000 people than on the example data.

Run it (it starts its own xvfb-run and dbus-run-session; about 3 minutes):

    nice -n 10 tests/bench/bench-memory.py _build [BIG_DB]

BIG_DB is a database of 100,000 people (e.g. made with `bespoke-cli --database
FILE synth 100000 --seed 1`); it is copied, never opened in place.  Without
it, one is made (about a minute and 1 GB).

It drives the real app over AT-SPI (tests/bespoke_atspi.py), as a planner
would: a click on the first person, End, Home, Page Down and the mouse wheel
down the list, searches typed into the list and cleared with Escape, then End
and Home three times more.  After each step, once the app's memory has stopped
moving, it reads /proc/PID/status (VmRSS, RssAnon) and /proc/PID/smaps_rollup
(Private_Dirty), and prints them for (a) the example data and (b) 100,000
people, with b - a against the 30 MB reference.  It is a benchmark, not a
test: it prints figures and is not registered with meson test.

Environment: BESPOKE_MEMORY_STEPS=1 prints each reading as it is taken;
BESPOKE_MEMORY_SHOTS=DIR saves a screenshot after each step.
"""

import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

REFERENCE_MB = 30.0
SEARCHES = ["a", "smith", "mar", "aisha ah", "s", "jo"]


def reexec_inside():
    """Under a display of its own and a session bus of its own."""
    if os.environ.get("BESPOKE_BENCH_INSIDE"):
        return
    env = dict(os.environ, BESPOKE_BENCH_INSIDE="1")
    argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--",
            sys.executable, os.path.abspath(__file__)] + sys.argv[1:]
    sys.exit(subprocess.call(argv, env=env))


def memory_kb(pid):
    """VmRSS and RssAnon from status, Private_Dirty from smaps_rollup, in kB."""
    figures = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon"):
                figures[key] = int(value.split()[0])
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            key, _, value = line.partition(":")
            if key == "Private_Dirty":
                figures[key] = int(value.split()[0])
    return figures


def settle(pid, quiet=2.0, timeout=60.0):
    """Waits until the app's memory has not moved by more than 64 kB for
    @quiet seconds (the page read, the rows bound and drawn), then reads it."""
    deadline = time.monotonic() + timeout
    last = memory_kb(pid)
    still_since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = memory_kb(pid)
        if abs(now["VmRSS"] - last["VmRSS"]) > 64:
            still_since = time.monotonic()
        last = now
        if time.monotonic() - still_since >= quiet:
            break
    return last


def browse(app, atspi):
    """The steps, each yielding its name once it is done."""
    pyatspi = atspi.pyatspi
    yield "started"

    window = app.window("Bespoke")
    people = atspi.find(window, "the people list", pyatspi.ROLE_LIST,
                        predicate=lambda n: n.name == "People")
    names = atspi.wait_for("a name in the people list",
                           lambda: atspi.find_all(people, pyatspi.ROLE_LABEL,
                                                  predicate=lambda n: bool(n.name)))
    yield "list read by AT-SPI"
    atspi.click(names[0])
    yield "first person shown"

    atspi.press_keys("End")
    yield "End"
    atspi.press_keys("Home")
    yield "Home"

    for _ in range(30):
        atspi.press_keys("Page_Down")
    x, y, width, height = people.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    for _ in range(150):
        pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b5c")
        time.sleep(0.02)
    yield "scrolled"

    for text in SEARCHES:
        atspi.type_keys(text)
        time.sleep(1.0)
        atspi.press_keys("Escape")
        time.sleep(0.5)
    yield "searched"

    for _ in range(3):
        atspi.press_keys("End")
        time.sleep(1.0)
        atspi.press_keys("Home")
        time.sleep(1.0)
    yield "End, Home x3"


def measure(build_dir, database, scratch, atspi, label):
    for folder in ("data", "config", "cache", "state"):
        os.makedirs(os.path.join(scratch, folder), exist_ok=True)
    app = atspi.App(build_dir, database, scratch)
    shots = os.environ.get("BESPOKE_MEMORY_SHOTS")
    readings = []
    try:
        app.start()
        for step in browse(app, atspi):
            figures = settle(app.process.pid)
            readings.append((step, figures))
            if os.environ.get("BESPOKE_MEMORY_STEPS"):
                atspi.log(f"{label}: {step}: {figures}")
            if shots:
                os.makedirs(shots, exist_ok=True)
                name = f"{label}-{len(readings)}-{step.split()[0].replace(',', '')}.png"
                subprocess.run(["import", "-window", "root", os.path.join(shots, name)], check=False)
    finally:
        # Killed, not quit: quitting backs the database up (1 GB at 100,000 people).
        app.kill()
    return readings


def main():
    reexec_inside()
    import bespoke_atspi as atspi  # needs the session bus set up above

    build_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
    big_db = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("BIG_DB")
    cli = os.path.join(build_dir, "src", "bespoke-cli")

    helper = atspi.ensure_accessibility_bus()
    scratch = atspi.scratch_dir()
    try:
        example = atspi.make_example_database(build_dir, scratch)
        big = os.path.join(scratch, "100k.db")
        if big_db:
            atspi.log(f"copying {big_db}")
            shutil.copyfile(big_db, big)
        else:
            atspi.log("making 100,000 people (synth 100000 --seed 1)")
            subprocess.run([cli, "--database", big, "synth", "100000", "--seed", "1"],
                           check=True, stdout=subprocess.DEVNULL)
        people = subprocess.run([cli, "--database", big, "people"], check=True,
                                capture_output=True, text=True).stdout.count("\n")
        a = measure(build_dir, example, os.path.join(scratch, "a"), atspi, "example")
        b = measure(build_dir, big, os.path.join(scratch, "b"), atspi, "100k")
    finally:
        atspi.remove_scratch(scratch)
        if helper is not None:
            helper.terminate()

    mb = 1024.0
    print(f"Memory while browsing: (a) the example data, (b) {people:,} people. MB (1,048,576 bytes).")
    print(f"{'after':<20} {'(a) RSS':>8} {'(b) RSS':>8} {'b - a':>7} {'ratio':>6}   "
          f"{'(a) dirty':>9} {'(b) dirty':>9} {'b - a':>7}")
    worst = 0.0
    for (step, fa), (_, fb) in zip(a, b):
        diff = (fb["VmRSS"] - fa["VmRSS"]) / mb
        dirty = (fb["Private_Dirty"] - fa["Private_Dirty"]) / mb
        worst = max(worst, diff)
        print(f"{step:<20} {fa['VmRSS'] / mb:8.1f} {fb['VmRSS'] / mb:8.1f} {diff:7.1f} "
              f"{diff / REFERENCE_MB:6.2f}   {fa['Private_Dirty'] / mb:9.1f} {fb['Private_Dirty'] / mb:9.1f} "
              f"{dirty:7.1f}")
    growth_a = (a[-1][1]["VmRSS"] - a[0][1]["VmRSS"]) / mb
    growth_b = (b[-1][1]["VmRSS"] - b[0][1]["VmRSS"]) / mb
    print(f"Growth from start to the end: (a) {growth_a:.1f} MB, (b) {growth_b:.1f} MB.")
    print(f"Worst b - a: {worst:.1f} MB against the reference of {REFERENCE_MB:.0f} MB "
          f"(ratio {worst / REFERENCE_MB:.2f}): {'within' if worst <= REFERENCE_MB else 'OVER'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
