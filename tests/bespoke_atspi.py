# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving the real Bespoke over AT-SPI, for tests/atspi-audit.py and tests/e2e.py.

Run with Debian's /usr/bin/python3, which has pyatspi (python3-pyatspi, pulled
in by python3-dogtail).  The tests run under the README's
`xvfb-run -a dbus-run-session`; the AT-SPI bus is started on demand by D-Bus
activation (at-spi2-core), or here if it is not.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

import pyatspi  # noqa: E402

APP_ID = "org.bespoke.Bespoke"
APP_PATH = "/org/bespoke/Bespoke"

# The roles of the controls a person operates, each of which needs a name.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_TEXT,  # only editable ones: see is_control()
}


# GTK 4.8 names a control that has no name after a widget inside it, by its
# type name ("GtkImage" for an icon button): that is no name to a person.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Bespoke)[A-Z][A-Za-z]+$")


def has_name(accessible):
    name = (accessible.name or "").strip()
    return name != "" and not TYPE_NAME.match(name)


def is_control(accessible):
    try:
        role_ = accessible.getRole()
        if role_ not in CONTROL_ROLES:
            return False
        if role_ == pyatspi.ROLE_TEXT:
            return accessible.getState().contains(pyatspi.STATE_EDITABLE)
        return True
    except Exception:
        return False


def fail(message):
    if os.environ.get("BESPOKE_ATSPI_DEBUG"):
        subprocess.run(["import", "-window", "root", "/tmp/bespoke-atspi-fail.png"], check=False)
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def log(message):
    print(f"# {message}", flush=True)


def debug_dump(root, needle):
    for node in walk(root):
        try:
            if needle in (node.name or ""):
                log(f"  {node.getRoleName()} “{node.name}”")
        except Exception:
            pass


def wait_for(what, predicate, timeout=20.0):
    """Polls @predicate until it returns something true; fails after @timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except GLib.Error:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def ensure_accessibility_bus():
    """The AT-SPI bus is started by D-Bus activation; start it by hand if that is missing."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    try:
        bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                      None, None, Gio.DBusCallFlags.NONE, 5000, None)
        return None
    except GLib.Error:
        launcher = "/usr/libexec/at-spi-bus-launcher"
        if not os.path.exists(launcher):
            fail("there is no AT-SPI bus and no at-spi-bus-launcher: install at-spi2-core")
        process = subprocess.Popen([launcher, "--launch-immediately"])
        time.sleep(1)
        return process


def wait_for_display():
    """xvfb-run can hand over before Xvfb listens: wait for its socket."""
    display = os.environ.get("DISPLAY", "")
    if not display.startswith(":"):
        return
    number = display[1:].split(".")[0]
    wait_for(f"the X display {display}", lambda: os.path.exists(f"/tmp/.X11-unix/X{number}"))
    time.sleep(0.2)


class App:
    """The real app on a database of its own, with its own XDG folders."""

    def __init__(self, build_dir, database, home):
        self.build_dir = build_dir
        self.database = database
        self.home = home
        self.process = None
        self.accessible = None

    def env(self):
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.update({
            # The app runs with fatal warnings (tests/meson.build sets them for
            # the app only, not for this harness).
            "G_DEBUG": os.environ.get("BESPOKE_APP_G_DEBUG", "fatal-warnings"),
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build_dir, "data"),
            "GTK_A11Y": "atspi",
            "GSK_RENDERER": "cairo",
            "LC_ALL": "C.UTF-8",
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
        })
        return env

    def start(self):
        wait_for_display()
        # On a busy machine the display can refuse the very first client
        # ("cannot open display"); the app then exits with status 1 before
        # its window is on the bus.  Start it again, up to three times in
        # all, before calling that a failure (watching for its window, not
        # waiting a fixed time to see whether it stays up).
        attempts = [3]

        def launch():
            self.process = subprocess.Popen(
                [os.path.join(self.build_dir, "src", "bespoke"), "--database", self.database],
                env=self.env())

        def find():
            if self.process.poll() is not None:
                attempts[0] -= 1
                if self.process.returncode != 1 or attempts[0] == 0:
                    fail(f"bespoke exited with status {self.process.returncode}")
                log(f"bespoke exited at once with status {self.process.returncode}; starting it again")
                time.sleep(1)
                launch()
                return None
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.name == "bespoke" and app.get_process_id() == self.process.pid:
                    for window in children(app):
                        if window.getRoleName() == "frame":
                            return app
            return None

        launch()
        self.accessible = wait_for("the app on the accessibility bus", find)
        return self

    def stop(self):
        """Closes the app as a person would, with Ctrl+Q (app.quit closes every window)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.activate_action("quit")
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                fail("bespoke did not quit within 15 seconds of app.quit")
        if self.process.returncode != 0:
            fail(f"bespoke exited with status {self.process.returncode}")
        self.process = None

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def activate_action(self, name):
        """Activates an app.* action, as the primary menu does."""
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync(APP_ID, APP_PATH, "org.gtk.Actions", "Activate",
                      GLib.Variant("(sava{sv})", (name, [], {})),
                      None, Gio.DBusCallFlags.NONE, 5000, None)

    def windows(self):
        return [w for w in children(self.accessible) if w.getRoleName() in ("frame", "dialog", "window")]

    def window(self, title_part):
        def find():
            for w in self.windows():
                if title_part in (w.name or ""):
                    return w
            return None
        return wait_for(f"a window called “{title_part}”", find)


def children(accessible):
    result = []
    try:
        count = accessible.childCount
    except Exception:
        return result
    for i in range(count):
        try:
            child = accessible.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            result.append(child)
    return result


def walk(accessible):
    """Every accessible under @accessible, depth first, itself included."""
    stack = [accessible]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def role(accessible):
    try:
        return accessible.getRole()
    except Exception:
        return None


def name_matches(accessible, name):
    """GTK 4.8 adds a button's own text after its accessible label
    ("Add example people Add Example People"), with its mnemonic's
    underline ("_Add Add"): the label is what counts."""
    actual = (accessible.name or "").replace("_", "")
    return actual == name or actual.startswith(name + " ")


def find_all(root, role_=None, name=None, predicate=None):
    found = []
    for node in walk(root):
        if role_ is not None and role(node) != role_:
            continue
        if name is not None and not name_matches(node, name):
            continue
        if predicate is not None and not predicate(node):
            continue
        found.append(node)
    return found


def find(root, what, role_=None, name=None, predicate=None, timeout=10.0):
    return wait_for(what, lambda: (find_all(root, role_, name, predicate) or [None])[0], timeout)


def is_showing(accessible):
    try:
        return accessible.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def text_of(accessible):
    """The text of a label or an entry: getText(0, characterCount)."""
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def do_action(accessible, name=None):
    action = accessible.queryAction()
    for i in range(action.nActions):
        if name is None or action.getName(i) == name:
            action.doAction(i)
            return
    fail(f"“{accessible.name}” has no action {name}")


def toplevel(accessible):
    node = accessible
    while node.parent is not None and node.parent.getRole() != pyatspi.ROLE_APPLICATION:
        node = node.parent
    return node


def scroll_into_view(accessible):
    """Turns the mouse wheel over the scrolled pane that holds @accessible
    until all of it is inside the pane (and so not under a bar below it)."""
    pane = accessible.parent
    while pane is not None and pane.getRole() not in (pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_FRAME,
                                                      pyatspi.ROLE_DIALOG, pyatspi.ROLE_APPLICATION):
        pane = pane.parent
    if pane is None or pane.getRole() != pyatspi.ROLE_SCROLL_PANE:
        return
    view = pane.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    for _ in range(60):
        x, y, width, height = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if y >= view.y and y + height <= view.y + view.height:
            return
        wheel = "b5c" if y + height > view.y + view.height else "b4c"  # X buttons 5 and 4: wheel down, up
        pyatspi.Registry.generateMouseEvent(view.x + view.width // 2, view.y + view.height // 2, wheel)
        time.sleep(0.1)
    fail(f"could not scroll “{accessible.name}” into view")


def click(accessible):
    """A click of the left button in the middle of @accessible."""
    scroll_into_view(accessible)
    component = accessible.queryComponent()
    # GTK 4 on X11 cannot say where a window is on the screen; with no window
    # manager under Xvfb, every window sits at the top left, so a point in
    # the window is a point on the screen.
    x, y, width, height = component.getExtents(pyatspi.WINDOW_COORDS)
    if os.environ.get("BESPOKE_ATSPI_DEBUG"):
        log(f"click “{accessible.name}” at {x},{y} {width}×{height}")
        click.count = getattr(click, "count", 0) + 1
        subprocess.run(["import", "-window", "root", f"/tmp/bespoke-atspi-click{click.count}.png"], check=False)
    if width <= 0 or height <= 0:
        fail(f"“{accessible.name}” ({accessible.getRoleName()}) is not on screen to be clicked")
    pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, pyatspi.MOUSE_B1C)
    time.sleep(0.3)


def set_text(accessible, text):
    """Replaces the text of an entry, as typing it would."""
    accessible.queryEditableText().setTextContents(text)
    time.sleep(0.2)


def press_key(keysym_name):
    """Presses and releases one key, e.g. "Return"."""
    keyval = {"Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09}[keysym_name]
    pyatspi.Registry.generateKeyboardEvent(keyval, None, pyatspi.KEY_SYM)
    time.sleep(0.2)


# Keys by keysym, and modifiers by keycode (held down with KEY_PRESS and
# KEY_RELEASE, which take a keycode); Xvfb's default keymap has Control_L
# at 37, Shift_L at 50 and Alt_L at 64.
KEYSYMS = {"Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09, "Delete": 0xffff, "Up": 0xff52,
           "Down": 0xff54, "Page_Up": 0xff55, "Page_Down": 0xff56, "F5": 0xffc2, "F11": 0xffc8,
           "Left": 0xff51, "Right": 0xff53, "Home": 0xff50, "End": 0xff57, "BackSpace": 0xff08,
           "space": 0x20}
MODIFIER_KEYCODES = {"ctrl": 37, "shift": 50, "alt": 64}


def press_keys(combo):
    """Presses one key with modifiers held, e.g. "ctrl+shift+z", "alt+Up", "F5", "b"."""
    *modifiers, key = combo.split("+")
    for modifier in modifiers:
        pyatspi.Registry.generateKeyboardEvent(MODIFIER_KEYCODES[modifier], None, pyatspi.KEY_PRESS)
    keysym = KEYSYMS.get(key, ord(key) if len(key) == 1 else None)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    for modifier in reversed(modifiers):
        pyatspi.Registry.generateKeyboardEvent(MODIFIER_KEYCODES[modifier], None, pyatspi.KEY_RELEASE)
    time.sleep(0.3)


def type_keys(text):
    """Types @text as key presses, as a person at the keyboard would."""
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.1 + 0.02 * len(text))


def make_example_database(build_dir, directory, name="example.db"):
    database = os.path.join(directory, name)
    subprocess.run([os.path.join(build_dir, "src", "bespoke-cli"), "--database", database, "example"],
                   check=True, stdout=subprocess.DEVNULL)
    return database


def scratch_dir():
    directory = tempfile.mkdtemp(prefix="bespoke-atspi-")
    return directory


def remove_scratch(directory):
    shutil.rmtree(directory, ignore_errors=True)


def main(doc, sessions, passed, example=False, before=None):
    """The main() of a script that drives the app: BUILD_DIR from the
    command line (else it prints @doc and returns 2), the accessibility bus,
    a scratch folder with a database in it (the example data when @example,
    else none yet: the app makes it), and the app started on that database
    once for each of @sessions, a function called with the running App (it
    may kill the app itself); after each, the app is quit as a person would
    if it still runs.  @before, if given, runs once the bus is there.
    Whatever happens, the app is killed and the scratch folder removed.
    Prints "PASS: @passed" and returns 0."""
    if len(sys.argv) != 2:
        print(doc)
        return 2
    build_dir = os.path.abspath(sys.argv[1])

    helper = ensure_accessibility_bus()
    directory = scratch_dir()
    try:
        if before is not None:
            before()
        if example:
            database = make_example_database(build_dir, directory)
        else:
            database = os.path.join(directory, "fresh.db")
        for session in sessions:
            app = App(build_dir, database, directory)
            try:
                app.start()
                session(app)
                if app.process is not None:
                    app.stop()
            finally:
                app.kill()
    finally:
        remove_scratch(directory)
        if helper is not None:
            helper.terminate()

    print(f"PASS: {passed}", flush=True)
    return 0
