#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The spreadsheets bespoke-cli writes, read back as Excel and Calc read them.

Python's csv module stands in for a spreadsheet's CSV reader; with
LibreOffice present (`soffice`), the file also goes through
`soffice --headless --convert-to xlsx` and back to CSV.  Without it that
part says it is skipped (exit 77 from `--calc`), never silently.

Expected figures are domain.md's: Paul's plan commits £22,000.00 of a
£34,000.00 budget with £3,000.00 contingent; his morning support is 261
weekdays x 2 h x £21.50 = £11,223.00.  Oak House's residents A-F have
£2,000, £5,000, £5,000, £10,000, £13,000 and £25,000 of personal money
(allocation - £30,000 core - £10,000 shared).
"""
import csv
import glob
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal

build = sys.argv[1]
calc = "--calc" in sys.argv
cli_path = os.path.join(build, "src", "bespoke-cli")


def cli(db, *args):
    run = subprocess.run([cli_path, "--database", db, *args], capture_output=True, check=True)
    return run.stdout


def rows_of(data):
    assert data.startswith(b"\xef\xbb\xbf"), "the file starts with the UTF-8 BOM"
    text = data.decode("utf-8-sig")
    # every record ends CRLF; a bare LF only inside a quoted cell
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text, newline="")))


def check_cost(rows, injected):
    header = rows[0]
    assert header[:9] == ["line", "schedule", "paid", "contingent", "funding",
                          "units", "unit", "currency", "cost"], header
    months = header[9:]
    assert months[0] == "2027-01" and months[-1] == "2027-12", months
    lines = [r for r in rows[1:] if r and r[0] and r[7] == "GBP" and r[1]]
    by_name = {r[0]: r for r in lines}
    morning = next(r for r in lines if r[1] == "Mon\u2013Fri, 07:30 for 2 h")
    assert morning[8] == "11223.00", morning
    for r in lines:
        # each line's months add up to its cost, to the penny
        assert sum(Decimal(x) for x in r[9:]) == Decimal(r[8]), r
    totals = {r[0]: r[8] for r in rows if r and r[0] in ("budget", "committed", "contingent", "remaining")}
    assert totals == {"budget": "34000.00", "committed": "22000.00",
                      "contingent": "3000.00", "remaining": "12000.00"}, totals
    # the formula-like descriptions come back as the text typed, with the
    # apostrophe that keeps a spreadsheet from running them
    for text in injected:
        assert "'" + text in by_name, (text, list(by_name))


def check_isf(rows):
    assert rows[0] == ["resident", "currency", "allocation", "core_share",
                       "shared_share", "personal_money"], rows[0]
    money = {r[0]: Decimal(r[5]) for r in rows[1:7]}
    assert sorted(money.values()) == [Decimal(x) for x in
                                      ("2000", "5000", "5000", "10000", "13000", "25000")], money
    total = next(r for r in rows if r and r[0] == "total")
    assert total[2] == "300000.00", total


def through_calc(tmp, name, data):
    """CSV -> xlsx -> CSV with LibreOffice; returns the rows Calc read."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    src = os.path.join(tmp, name + ".csv")
    with open(src, "wb") as f:
        f.write(data)
    env = dict(os.environ, HOME=tmp)
    subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", tmp, src],
                   check=True, capture_output=True, env=env, timeout=240)
    xlsx = os.path.join(tmp, name + ".xlsx")
    assert os.path.getsize(xlsx) > 0
    back = os.path.join(tmp, "back")
    os.mkdir(back)
    subprocess.run([soffice, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", back, xlsx], check=True, capture_output=True, env=env, timeout=240)
    with open(os.path.join(back, name + ".csv"), encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def main():
    if calc and not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("SKIP: LibreOffice (soffice) is not installed, so the xlsx round trip did not run; "
              "install libreoffice-calc-nogui to run it")
        return 77
    # soffice can be Writer alone (libreoffice-writer-nogui): Calc is its own library
    if calc and not glob.glob("/usr/lib/libreoffice/program/libsc*lo.so"):
        print("SKIP: LibreOffice is installed without Calc, so the xlsx round trip did not run; "
              "install libreoffice-calc-nogui to run it")
        return 77
    with tempfile.TemporaryDirectory(prefix="bespoke-test-csv-") as tmp:
        db = os.path.join(tmp, "csv.db")
        cli(db, "example")
        injected = ['=HYPERLINK("http://example.com","x")', "-2+3", "@SUM(1)"]
        con = sqlite3.connect(db)
        uuids = [u for (u,) in con.execute(
            "SELECT l.uuid FROM support_lines l JOIN plans p ON p.uuid = l.plan_uuid "
            "JOIN people n ON n.uuid = p.person_uuid WHERE n.name = 'Paul Roberts' "
            "AND l.support_type <> 'paid' ORDER BY l.position")]
        for uuid, text in zip(uuids, injected):
            con.execute("UPDATE support_lines SET description = ? WHERE uuid = ?", (text, uuid))
        con.commit()
        con.close()

        cost = cli(db, "cost", "Paul", "--csv", "--by-month")
        isf = cli(db, "isf", "Oak House", "--csv")
        if not calc:
            check_cost(rows_of(cost), injected)
            check_isf(rows_of(isf))
            print("ok: cost and isf spreadsheets read back through Python's csv module")
            return 0
        cost_rows = through_calc(tmp, "cost", cost)
        # Calc shows the defused cells as the text typed (no apostrophe
        # prefix in the value, and no formula ran)
        for text in injected:
            assert any(r and r[0] in (text, "'" + text) for r in cost_rows), text
        assert any(r and r[0] == "committed" and r[8] in ("22000", "22000.00") for r in cost_rows)
        isf_rows = through_calc(tmp, "isf", isf)
        assert any(r and r[0] == "Dev Patel" and r[5] in ("13000", "13000.00") for r in isf_rows)
        print("ok: cost and isf spreadsheets read back through LibreOffice Calc as xlsx")
        return 0


sys.exit(main())
