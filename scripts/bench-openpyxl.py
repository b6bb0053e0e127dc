#!/usr/bin/python3
"""The analyst's script that `npm run bench` measures kl226 against: what someone who knows Python
would write to consolidate a folder of unit workbooks with openpyxl. Each workbook is opened
read-only; the unit code comes from the info sheet, the counts from the counts sheet (code in column A,
this period's value in column E), summed by code; the summary workbook gets one row per file and a
total row. It checks nothing (no template, periods, duplicates, targets): a lower bound on the work.

usage: bench-openpyxl.py FOLDER OUT.xlsx [INFO_SHEET COUNTS_SHEET]
"""
import glob
import os
import sys

from openpyxl import Workbook, load_workbook


def number(value):
    """A count as a clerk typed it: a number, or text such as '12.345' (Vietnamese thousands)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    try:
        return float(str(value).strip().replace(".", "").replace(",", "."))
    except ValueError:
        return None


def main(folder, out, info_sheet="Thông tin", counts_sheet="Chỉ tiêu"):
    files = sorted(glob.glob(os.path.join(folder, "*.xlsx")))
    codes = []
    rows = []
    totals = {}
    skipped = 0
    for path in files:
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
            unit = None
            for row in wb[info_sheet].iter_rows(values_only=True):
                if row and row[0] == "MA_DON_VI":
                    unit = row[2]
                    break
            values = {}
            for row in wb[counts_sheet].iter_rows(min_row=5, values_only=True):
                if not row or not isinstance(row[0], str) or len(row) < 5:
                    continue
                code = row[0].strip()
                if code not in totals:
                    totals[code] = 0
                    codes.append(code)
                v = number(row[4])
                values[code] = v
                if v is not None:
                    totals[code] += v
            wb.close()
        except Exception:  # not a workbook, or a sheet missing: left out
            skipped += 1
            continue
        rows.append((os.path.basename(path), unit, values))

    summary = Workbook()
    ws = summary.active
    ws.title = "Tổng hợp"
    ws.append(["Tệp", "Mã đơn vị", *codes])
    for name, unit, values in rows:
        ws.append([name, unit, *[values.get(c) for c in codes]])
    ws.append(["TỔNG", None, *[totals[c] for c in codes]])
    summary.save(out)
    print(f"{len(rows)} files summed, {skipped} skipped, {len(codes)} counts -> {out}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:5])
