// Test helper: an independent reading of an .xlsx by openpyxl (Python), the reference the reader is
// held to for real-world file shapes. ensure-tools.sh installs python3-openpyxl; without it these
// helpers throw (a test that needs them fails loudly rather than passing unchecked).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workbook } from "../../src/core/workbook";
import { a1 } from "../../src/core/workbook";

const PYTHON = "/usr/bin/python3";

/** Cell values by sheet and A1 address: numbers, strings, booleans; dates as Excel serials. */
export type CellMap = Record<string, Record<string, string | number | boolean>>;

const DUMP = `
import json, sys
import openpyxl
from openpyxl.utils.datetime import to_excel
import datetime
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is None:
                continue
            if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
                v = to_excel(v)
            cells[c.coordinate] = v
    out[ws.title] = cells
print(json.dumps(out, ensure_ascii=False))
`;

/**
 * Runs a Python script with openpyxl available and returns its standard output parsed as JSON.
 * Throws, saying what to install, when Python or openpyxl is missing.
 */
export function runOpenpyxl<T>(script: string, args: readonly string[]): T {
  let out: string;
  try {
    out = execFileSync(PYTHON, ["-c", script, ...args], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? "");
    if (/No module named 'openpyxl'|ENOENT/.test(stderr + String(e))) {
      throw new Error(
        `${PYTHON} with openpyxl is required for this test: run scripts/ensure-tools.sh (apt-get install python3-openpyxl)`,
      );
    }
    throw new Error(
      `the openpyxl script failed: ${stderr.trim().split("\n").slice(-3).join(" / ") || String(e)}`,
    );
  }
  return JSON.parse(out) as T;
}

/** What openpyxl (data_only: cached values) reads from these bytes. Throws when Python or openpyxl is missing. */
export function openpyxlCells(bytes: Uint8Array): CellMap {
  const dir = mkdtempSync(join(tmpdir(), "kl226-openpyxl-"));
  try {
    const file = join(dir, "book.xlsx");
    writeFileSync(file, bytes);
    return runOpenpyxl<CellMap>(DUMP, [file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our reader's workbook in the same shape (empty cells left out, as openpyxl leaves None). */
export function readerCells(workbook: Workbook): CellMap {
  const out: CellMap = {};
  for (const sheet of workbook.sheets) {
    const cells: Record<string, string | number | boolean> = {};
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell === undefined || cell.value.kind === "empty") return;
        cells[a1(r, c)] = cell.value.value;
      }),
    );
    out[sheet.name] = cells;
  }
  return out;
}
