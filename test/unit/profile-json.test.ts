// Issue 11 acceptance: adding an indicator is a JSON edit, no code change. A province profile file
// adds a ratio and a percentage (with its weight); `kl226 template --profile` writes the template,
// ExcelJS fills it as a clerk would, LibreOffice re-saves it, `kl226 validate` finds it clean and
// `kl226 consolidate` gives the pooled values worked out by hand below.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { capture } from "../helpers/cli-io";

const dir = mkdtempSync(join(tmpdir(), "kl226-profile-json-"));
const profilePath = join(dir, "tinh-x.json");
writeFileSync(
  profilePath,
  JSON.stringify({
    name: "Kế hoạch của tỉnh X",
    form: "KL226-BC/1",
    counts: [
      { code: "HSCV_TONG", label: "Tổng số hồ sơ công việc", unit: "hồ sơ", currentRequired: true },
      {
        code: "HSCV_MANG",
        label: "Trong đó: xử lý trên môi trường mạng",
        unit: "hồ sơ",
        currentRequired: true,
      },
      { code: "HAI_LONG_DV", label: "Mức độ hài lòng với dịch vụ (%)", unit: "%", type: "percent" },
      { code: "PHIEU_DV", label: "Số phiếu khảo sát dịch vụ", unit: "phiếu" },
    ],
    parts: [{ part: "HSCV_MANG", whole: "HSCV_TONG" }],
    indicators: [
      {
        id: "HSCV_RATIO",
        kind: "ratio",
        part: "HSCV_MANG",
        whole: "HSCV_TONG",
        target: 0.95,
        label: "Hồ sơ công việc xử lý trên môi trường mạng",
        short: "HSCV trên mạng",
        itemUnit: "hồ sơ",
      },
      {
        id: "HAI_LONG_DV",
        kind: "percent",
        rate: "HAI_LONG_DV",
        weight: "PHIEU_DV",
        target: 0.9,
        label: "Mức độ hài lòng với dịch vụ",
        short: "Hài lòng",
        itemUnit: "phiếu",
      },
    ],
  }),
);

/** The 13 KL226 counts (previous, current) of a unit that meets every default target, then the 4 added rows. */
const KL226_COUNTS: Array<[number, number]> = [
  [100, 90],
  [50, 60],
  [2, 0],
  [200, 170],
  [1000, 1200],
  [900, 1150],
  [3000, 3200],
  [2800, 3100],
  [1500, 1600],
  [1500, 1600],
  [80, 80],
  [60, 80],
  [3, 5],
];

async function fill(
  template: string,
  out: string,
  unit: string,
  added: { hscv: [number, number]; rate: number | string; answers: number },
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const info = wb.getWorksheet("Thông tin")!;
  info.getCell("C5").value = unit;
  info.getCell("C6").value = `Đơn vị ${unit}`;
  info.getCell("C7").value = "Sở, ban, ngành";
  info.getCell("C8").value = "6 tháng";
  info.getCell("C9").value = 2026;
  info.getCell("C10").value = new Date(Date.UTC(2026, 5, 4));
  const counts = wb.getWorksheet("Chỉ tiêu")!;
  // The clerk finds the rows by their codes in column A, as the validator does.
  const rowOf = (code: string): number => {
    let found = 0;
    counts.eachRow((row, r) => {
      if (row.getCell(1).value === code) found = r;
    });
    if (found === 0) throw new Error(`no row ${code} in the generated template`);
    return found;
  };
  KL226_COUNTS.forEach(([prev, cur], i) => {
    counts.getCell(`D${5 + i}`).value = prev;
    counts.getCell(`E${5 + i}`).value = cur;
  });
  counts.getCell(`E${rowOf("HSCV_TONG")}`).value = added.hscv[0];
  counts.getCell(`E${rowOf("HSCV_MANG")}`).value = added.hscv[1];
  counts.getCell(`E${rowOf("HAI_LONG_DV")}`).value = added.rate;
  counts.getCell(`E${rowOf("PHIEU_DV")}`).value = added.answers;
  const tasks = wb.getWorksheet("Nhiệm vụ")!;
  for (let r = 5; r <= 16; r++) tasks.getCell(`G${r}`).value = "Đang thực hiện";
  await wb.xlsx.writeFile(out);
}

test("a profile file adds a ratio and a percentage: template, ExcelJS fill, LibreOffice re-save, validate clean, pooled consolidation", async () => {
  const template = join(dir, "mau.xlsx");
  let io = capture();
  expect(await main(["template", "--out", template, "--profile", profilePath], io)).toBe(0);
  expect(io.stdout).toContain("Kế hoạch của tỉnh X");

  const inDir = join(dir, "nop");
  const filledA = join(dir, "a-exceljs.xlsx");
  const filledB = join(dir, "b-exceljs.xlsx");
  // A: 96 of 100 on the network (met), 92,5% of 200 answers; B: 90 of 100 (short by 5), 85% of 600 answers typed as text.
  await fill(template, filledA, "SO_A", { hscv: [100, 96], rate: 92.5, answers: 200 });
  await fill(template, filledB, "SO_B", { hscv: [100, 90], rate: "85", answers: 600 });
  // LibreOffice re-saves both, as a clerk who opens and saves in LibreOffice Calc would.
  const resaved = await Promise.all([
    convertWithLibreOffice(filledA, "xlsx", inDir),
    convertWithLibreOffice(filledB, "xlsx", inDir),
  ]);

  io = capture();
  const code = await main(["validate", "--json", "--profile", profilePath, ...resaved], io);
  const results = JSON.parse(io.stdout) as Array<{
    valid: boolean;
    findings: Array<{ code: string; severity: string }>;
  }>;
  expect(results.map((r) => r.findings.filter((f) => f.severity === "error"))).toEqual([[], []]);
  expect(code).toBe(0);

  io = capture();
  const json = join(dir, "tong-hop.json");
  expect(
    await main(
      ["consolidate", inDir, "--profile", profilePath, "--out", join(dir, "tong-hop.xlsx"), "--json", json],
      io,
    ),
  ).toBe(0);
  const report = JSON.parse(readFileSync(json, "utf8"));
  // Pooled by hand: (96 + 90) / (100 + 100) = 0,93 < 0,95; (92,5·200 + 85·600) / 800 = 86,875% < 90%.
  // Each over the two units that filled it (`reports`, additive to SPEC §6).
  expect(report.province.indicators.HSCV_RATIO).toEqual({
    value: 0.93,
    target: 0.95,
    status: "short",
    reports: 2,
  });
  expect(report.province.indicators.HAI_LONG_DV).toEqual({
    value: 0.86875,
    target: 0.9,
    status: "short",
    reports: 2,
  });
  expect(report.province.values.HAI_LONG_DV.current).toBe(86.875);
  expect(report.province.counts.HSCV_RATIO).toEqual({ met: 1, short: 1, na: 0 });
  expect(report.shortfalls.filter((s: { indicator: string }) => s.indicator === "HSCV_RATIO")).toEqual([
    { unit: "SO_B", indicator: "HSCV_RATIO", value: 0.9, target: 0.95, gap: 5 },
  ]);
  // SO_A's 92,5% meets 90%; SO_B's 85% is short, with no countable gap.
  expect(report.shortfalls.filter((s: { indicator: string }) => s.indicator === "HAI_LONG_DV")).toEqual([
    { unit: "SO_B", indicator: "HAI_LONG_DV", value: 0.85, target: 0.9, gap: null },
  ]);
}, 180_000);
