// An independent reading, by openpyxl, of what the page downloads and of the sample files it was
// given: the e2e tests compare the two, so no expected value comes from the code under test.
import { runOpenpyxl } from "../helpers/openpyxl";

/** Per count code of the "Chỉ tiêu" sheet: its label (column B) and the values of D and E, summed over files. */
export type CountSums = Record<
  string,
  {
    label: string;
    previous: number | null;
    current: number | null;
    /** Every file filled both D and E of the row, or neither. */
    paired: boolean;
  }
>;

export interface SummaryReading {
  /** The header row of "Tổng hợp" (the row starting "Mã đơn vị"). */
  readonly header: readonly string[];
  /** Column A between the header and the province row. */
  readonly units: readonly string[];
  /** The total row ("TOÀN TỈNH"; a Sở's own units: "TÍNH CHUNG") of "Tổng hợp" and of "Số liệu", by header. */
  readonly province: Readonly<Record<string, string | number | null>>;
  /** Every text cell of these sheets. */
  readonly texts: Readonly<Record<"Chưa nộp" | "Lỗi" | "Nguồn", readonly string[]>>;
}

const SCRIPT = `
import json, re, sys
import openpyxl

def number(v):
    # What a clerk typed: numbers, or text such as "12.345" (Vietnamese thousands dots) and " 84 ".
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace(".", "")
    return int(s) if re.fullmatch(r"-?[0-9]+", s) else None

def counts(path):
    ws = openpyxl.load_workbook(path, data_only=True)["Chỉ tiêu"]
    out = {}
    for row in ws.iter_rows(values_only=True):
        code = row[0].strip() if isinstance(row[0], str) else None
        if code and re.fullmatch(r"[A-Z][A-Z0-9_]*", code) and len(row) >= 5:
            out[code] = {"label": str(row[1]).strip(), "previous": number(row[3]), "current": number(row[4])}
    return out

def sums(paths):
    total = {}
    for p in paths:
        for code, v in counts(p).items():
            t = total.setdefault(code, {"label": v["label"], "previous": None, "current": None, "paired": True})
            if (v["previous"] is None) != (v["current"] is None):
                t["paired"] = False
            for k in ("previous", "current"):
                if v[k] is not None:
                    t[k] = (t[k] or 0) + v[k]
    return total

def table(ws):
    rows = list(ws.iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows) if r[0] == "Mã đơn vị")
    p = next(i for i, r in enumerate(rows) if r[0] in ("TOÀN TỈNH", "TOÀN THÀNH PHỐ", "TÍNH CHUNG"))
    header = [str(c) if c is not None else "" for c in rows[h]]
    province = {header[i]: (c if isinstance(c, (int, float, str)) else None) for i, c in enumerate(rows[p]) if header[i]}
    # (An empty row stands between the units and the total.)
    return header, [r[0] for r in rows[h + 1:p] if r[0] is not None], province

def summary(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    header, units, province = table(wb["Tổng hợp"])
    # The counts are on "Số liệu" (the verdicts on "Tổng hợp"): one province row read from both.
    if "Số liệu" in wb.sheetnames:
        province = {**table(wb["Số liệu"])[2], **province}
    texts = {}
    for name in ("Chưa nộp", "Lỗi", "Nguồn"):
        texts[name] = [str(c) for r in wb[name].iter_rows(values_only=True) for c in r if isinstance(c, str)]
    return {"header": header, "units": units, "province": province, "texts": texts}

mode, args = sys.argv[1], sys.argv[2:]
if mode == "sums":
    print(json.dumps(sums(args), ensure_ascii=False))
elif mode == "summary":
    print(json.dumps(summary(args[0]), ensure_ascii=False))
elif mode == "sheets":
    print(json.dumps(openpyxl.load_workbook(args[0]).sheetnames, ensure_ascii=False))
`;

/** The "Chỉ tiêu" values of these report files, summed per code (blank values skipped, not 0), as openpyxl reads them. */
export function countSums(paths: readonly string[]): CountSums {
  return runOpenpyxl<CountSums>(SCRIPT, ["sums", ...paths]);
}

/** A downloaded summary workbook, as openpyxl reads it. */
export function readSummary(path: string): SummaryReading {
  return runOpenpyxl<SummaryReading>(SCRIPT, ["summary", path]);
}

export function sheetNames(path: string): string[] {
  return runOpenpyxl<string[]>(SCRIPT, ["sheets", path]);
}
