#!/usr/bin/env bash
# Regenerates the reader fixtures in test/fixtures/xlsx/ with real writers: openpyxl and LibreOffice.
# Needs /usr/bin/python3 with openpyxl (apt python3-openpyxl) and soffice (apt libreoffice-calc-nogui).
# The files are committed; src/xlsx/read-fixtures.test.ts checks what readXlsx gets from them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/fixtures/xlsx
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# 1. openpyxl: strings (NFC Vietnamese, CR escapes), numbers, a date, a bool, formulas (saved without cached
#    values), a workbook-level defined name holding a string literal, a hidden sheet.
/usr/bin/python3 - "$OUT/openpyxl-basic.xlsx" <<'PY'
import sys, datetime
from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
wb = Workbook()
ws = wb.active
ws.title = "Báo cáo"
ws["A1"] = "Tên đơn vị"
ws["B1"] = "Số lượng"
ws["C1"] = "Ngày"
ws["A2"] = "Sở Tài chính"
ws["B2"] = 12
ws["C2"] = datetime.date(2024, 3, 15)
ws["A3"] = "Dòng 1\r\nDòng 2"
ws["B3"] = 3.5
ws["D3"] = True
ws["B4"] = "=SUM(B2:B3)"
ws["E10"] = "xa"
hidden = wb.create_sheet("Ẩn")
hidden.sheet_state = "hidden"
hidden["A1"] = 7
dn = DefinedName("KL226_ID", attr_text='"KL226-BC/1"')
try:
    wb.defined_names["KL226_ID"] = dn
except (TypeError, AttributeError):
    wb.defined_names.append(dn)
wb.save(sys.argv[1])
PY

# 2. LibreOffice from a CSV (UTF-8, comma-separated): shared strings, numbers, no styles to speak of.
printf 'STT,Nội dung,Số lượng\n1,Số cuộc kiểm tra,5\n2,Số đơn vị,"1234.5"\n' > "$TMP/lo-from-csv.csv"
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$TMP" "$TMP/lo-from-csv.csv" >/dev/null 2>&1
cp "$TMP/lo-from-csv.xlsx" "$OUT/lo-from-csv.xlsx"

# 3. LibreOffice round trip of the openpyxl file: LibreOffice recalculates and saves cached formula values.
cp "$OUT/openpyxl-basic.xlsx" "$TMP/lo-roundtrip.xlsx"
mkdir -p "$TMP/lo"
soffice --headless --convert-to xlsx:"Calc Office Open XML" --outdir "$TMP/lo" "$TMP/lo-roundtrip.xlsx" >/dev/null 2>&1
cp "$TMP/lo/lo-roundtrip.xlsx" "$OUT/lo-roundtrip.xlsx"

ls -l "$OUT"
