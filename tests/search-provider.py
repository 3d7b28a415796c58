#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME Shell's search provider, called over D-Bus in the test session as
the Shell calls it: the app is started as a D-Bus service
(`bespoke --gapplication-service`, as the .service file starts it) on the
example database in a private XDG_DATA_HOME, with Élodie Martin added,
then asked for "paul", "roberts", "elodie" (folded search finds "Élodie")
and, narrowing a search, "jen", and for the results' names.  The example data
(domain.md) has one Paul Roberts and one Jennie Walsh."""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

build = sys.argv[1]
BUS_NAME = "org.bespoke.Bespoke"
PATH = "/org/bespoke/Bespoke/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"
PAUL = "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0001"
JENNIE = "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0010"
ELODIE = "6f0c2b1e-3d4a-4e5f-8a9b-0c1d2e3f4a5b"


def gdbus(method, *args, dest=BUS_NAME, path=PATH):
    run = subprocess.run(["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
                          "--method", method, *args], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise AssertionError(f"{method} failed: {run.stderr.strip()}")
    return run.stdout


def has_owner():
    out = gdbus("org.freedesktop.DBus.NameHasOwner", BUS_NAME,
                dest="org.freedesktop.DBus", path="/org/freedesktop/DBus")
    return "true" in out


def main():
    if has_owner():
        print(f"{BUS_NAME} is already on this bus; run under dbus-run-session")
        return 1
    with tempfile.TemporaryDirectory(prefix="bespoke-test-search-provider-") as tmp:
        env = dict(os.environ, XDG_DATA_HOME=f"{tmp}/data", XDG_CONFIG_HOME=f"{tmp}/config",
                   XDG_CACHE_HOME=f"{tmp}/cache", GSETTINGS_BACKEND="memory",
                   GSETTINGS_SCHEMA_DIR=f"{build}/data")
        subprocess.run([f"{build}/src/bespoke-cli", "example"], env=env, check=True, capture_output=True)
        # Élodie, written straight into the database; the row in
        # people_search_rebuild has the store index everyone's names again
        # when it next opens (as after the schema 6 migration)
        con = sqlite3.connect(f"{tmp}/data/bespoke/bespoke.db")
        con.execute("INSERT INTO people (uuid, name) VALUES (?, ?)", (ELODIE, "\u00c9lodie Martin"))
        con.execute("INSERT INTO people_search_rebuild (pending) VALUES (1)")
        con.commit()
        con.close()
        app = subprocess.Popen([f"{build}/src/bespoke", "--gapplication-service"], env=env)
        try:
            deadline = time.monotonic() + 60
            while not has_owner():
                if app.poll() is not None or time.monotonic() > deadline:
                    print("the service did not come up")
                    return 1
                time.sleep(0.2)

            out = gdbus(f"{IFACE}.GetInitialResultSet", "['paul']")
            assert re.findall(r"'([0-9a-f-]{36})'", out) == [PAUL], out
            out = gdbus(f"{IFACE}.GetInitialResultSet", "['elodie']")
            assert re.findall(r"'([0-9a-f-]{36})'", out) == [ELODIE], out
            out = gdbus(f"{IFACE}.GetInitialResultSet", "['roberts']")
            assert re.findall(r"'([0-9a-f-]{36})'", out) == [PAUL], out
            # narrowing: the Shell passes the earlier results and the new terms
            out = gdbus(f"{IFACE}.GetSubsearchResultSet", "['x']", "['jen']")
            assert re.findall(r"'([0-9a-f-]{36})'", out) == [JENNIE], out
            out = gdbus(f"{IFACE}.GetInitialResultSet", "['nobody-is-called-this']")
            assert "@as []" in out or "[]" in out, out

            metas = gdbus(f"{IFACE}.GetResultMetas", f"['{PAUL}', '{JENNIE}']")
            assert "'name': <'Paul Roberts'>" in metas, metas
            assert "'name': <'Jennie Walsh'>" in metas, metas
            metas = gdbus(f"{IFACE}.GetResultMetas", f"['{ELODIE}']")
            assert "\u00c9lodie Martin" in metas or "\\u00c9lodie" in metas or "Élodie" in metas, metas
            assert "'icon':" in metas, metas
            # a uuid that is nobody's gives no meta, not an error
            metas = gdbus(f"{IFACE}.GetResultMetas", "['00000000-0000-4000-8000-000000000000']")
            assert "'name'" not in metas, metas
            print("ok: the search provider finds Paul, Jennie and Élodie (from \"elodie\"), with names and icons")
            return 0
        finally:
            app.terminate()
            try:
                app.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app.kill()


sys.exit(main())
