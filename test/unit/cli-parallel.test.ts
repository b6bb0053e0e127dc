// Files read and checked on every core (src/cli/parallel.ts) give the same bytes as one thread:
// the summary workbook, the JSON report and `validate --json`, for the bundled samples and for 1,000
// generated reports; an unreadable input fails the run with the same message either way.

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";
import { PROFILES_DIR } from "../../src/cli/io";
import * as parallel from "../../src/cli/parallel";
import { inspectFiles, PARALLEL_MIN_FILES, threadCount, type PoolReport } from "../../src/cli/parallel";
import { shareTexts } from "../../src/app/share-texts";
import { consolidate, consolidationJson } from "../../src/core/consolidate";
import type { Submission } from "../../src/core/consolidation";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { CCHC_FORM_ID } from "../../src/core/forms";
import { defaultProfileForForm, shippedProfile } from "../../src/core/profiles";
import { cchcUnit, reportBytes } from "../helpers/report-builder";
import { summaryWorkbook } from "../../src/core/summary";
import { NODE_ZIP_CODEC } from "../../src/xlsx/node-deflate";
import { readXlsx } from "../../src/xlsx/read";
import { writeXlsx } from "../../src/xlsx/write";
import { KL226_SET } from "../../scripts/bench-sets";
import { capture } from "../helpers/cli-io";

const SAMPLES = resolve(__dirname, "../../samples");
const root = mkdtempSync(join(tmpdir(), "kl226-parallel-"));

/**
 * Runs the command with KL226_THREADS set (restored afterwards); returns exit code, stdout and how
 * each reading of the files was shared out (inspectFiles' onPool), so a run can be shown to have
 * used a worker thread, or not.
 */
async function withThreads(
  threads: number,
  argv: string[],
): Promise<{ code: number; stdout: string; pools: PoolReport[] }> {
  const before = process.env.KL226_THREADS;
  process.env.KL226_THREADS = String(threads);
  const pools: PoolReport[] = [];
  const inspect = parallel.inspectFiles;
  const spy = jest
    .spyOn(parallel, "inspectFiles")
    .mockImplementation((files, profile, options = {}) =>
      inspect(files, profile, { ...options, onPool: (r) => void pools.push(r) }),
    );
  try {
    const io = capture();
    const code = await main(argv, io);
    return { code, stdout: io.stdout, pools };
  } finally {
    spy.mockRestore();
    if (before === undefined) delete process.env.KL226_THREADS;
    else process.env.KL226_THREADS = before;
  }
}

/** consolidate on one thread and on two: both outputs, byte for byte, and what each printed. */
async function bothWays(inputs: string[], roster: string | undefined, tag: string) {
  const runs = [];
  for (const threads of [1, 2]) {
    const out = join(root, `${tag}-${threads}.xlsx`);
    const json = join(root, `${tag}-${threads}.json`);
    const r = await withThreads(threads, [
      "consolidate",
      ...inputs,
      "--out",
      out,
      "--json",
      json,
      ...(roster ? ["--roster", roster] : []),
    ]);
    runs.push({
      ...r,
      xlsx: readFileSync(out),
      json: readFileSync(json, "utf8"),
      printed: r.stdout.replaceAll(`${tag}-${threads}`, tag),
    });
  }
  return runs as [(typeof runs)[0], (typeof runs)[0]];
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the bundled samples: the same summary bytes, JSON and printed summary on one thread and on two", async () => {
  const [one, two] = await bothWays([join(SAMPLES, "2026-6T")], join(SAMPLES, "roster.csv"), "samples");
  expect(one.code).toBe(1); // the samples hold deliberately rejected files
  expect(two.code).toBe(one.code);
  expect(two.xlsx.equals(one.xlsx)).toBe(true);
  expect(two.json).toBe(one.json);
  expect(two.printed).toBe(one.printed);
  expect(JSON.parse(one.json).units.length).toBeGreaterThan(40);
  // KL226_THREADS=1 kept every file on the main thread; with KL226_THREADS=2 a worker thread took files
  // too (how many depends on how soon it was up: the main thread may finish them all first).
  expect(one.pools).toEqual([{ threads: 1, byWorkers: 0 }]);
  expect(two.pools).toEqual([{ threads: 2, byWorkers: expect.any(Number) }]);
}, 120_000);

test("without --profile, files made with a plan's template are consolidated by that plan on one thread and on two; an older template among them is checked again by it", async () => {
  const dir = join(root, "attp");
  mkdirSync(dir);
  const attp = shippedProfile("hcm-attp-cchc-2025")!;
  const data = cchcUnit;
  writeFileSync(join(dir, "P_A.xlsx"), reportBytes(data("P_A"), [], attp));
  writeFileSync(join(dir, "P_B.xlsx"), reportBytes(data("P_B"), [], attp));
  writeFileSync(join(dir, "P_C.xlsx"), reportBytes(data("P_C"), [], defaultProfileForForm(CCHC_FORM_ID)!));
  const [one, two] = await bothWays([dir], undefined, "attp");
  expect(two.xlsx.equals(one.xlsx)).toBe(true);
  expect(two.json).toBe(one.json);
  expect(two.printed).toBe(one.printed);
  // KL226_THREADS=1 kept every file on the main thread; with KL226_THREADS=2 a worker thread took files
  // too (how many depends on how soon it was up: the main thread may finish them all first).
  expect(one.pools).toEqual([{ threads: 1, byWorkers: 0 }]);
  expect(two.pools).toEqual([{ threads: 2, byWorkers: expect.any(Number) }]);
  expect(one.printed).toContain(
    "Biểu mẫu: CCHC-BC/2025 — hồ sơ: Kế hoạch thực hiện công tác cải cách hành chính năm 2025 của Sở An toàn thực phẩm Thành phố Hồ Chí Minh (hồ sơ ghi trong 2/3 tệp theo mẫu này; chọn hồ sơ khác bằng --profile).",
  );
  const NUMBER = (value: number) => ({ kind: "number", value });
  // The summary's Nhiệm vụ sheet: the plan's 8 tasks done by P_A and P_B (column D), absent from P_C's
  // older template (column I), whose 8 rows are listed as its own below the table.
  const read = readXlsx(new Uint8Array(one.xlsx), { sheetFilter: (name) => name === "Nhiệm vụ" });
  if (!read.ok) throw new Error("the summary does not read back");
  const rows = read.workbook.sheets[0]!.rows;
  const n = (r: number, c: number): unknown => rows[r]?.[c]?.value;
  expect([3, 4, 5, 6, 7, 8, 9, 10].map((r) => [n(r, 3), n(r, 8)])).toEqual(
    Array(8).fill([NUMBER(2), NUMBER(1)]),
  );
  expect(n(11, 3)).toEqual(NUMBER(8));
  // Most files naming none: the form's default, and the plan the others name said aside.
  const fewer = join(root, "attp-fewer");
  mkdirSync(fewer);
  writeFileSync(join(fewer, "P_A.xlsx"), reportBytes(data("P_A"), [], attp));
  for (const u of ["P_B", "P_C"])
    writeFileSync(join(fewer, `${u}.xlsx`), reportBytes(data(u), [], defaultProfileForForm(CCHC_FORM_ID)!));
  const io = capture();
  await main(["consolidate", fewer, "--out", join(root, "attp-fewer.xlsx")], io);
  expect(io.stdout).toContain(
    "Lưu ý: 1/3 tệp theo mẫu này lập theo hồ sơ hcm-attp-cchc-2025 (Kế hoạch thực hiện công tác cải cách hành chính năm 2025 của Sở An toàn thực phẩm Thành phố Hồ Chí Minh), 2 tệp không ghi hồ sơ nào mà bản KL226 này có, nên bảng tổng hợp theo hồ sơ “Mặc định (CCHC-BC/2025)”: nhiệm vụ và chỉ tiêu riêng của hồ sơ hcm-attp-cchc-2025 không được dùng. Nếu các báo cáo là của kế hoạch đó, chạy lại với --profile hcm-attp-cchc-2025.",
  );
}, 60_000);

test("without --profile, files naming another plan than the one most files name are said beside it, with how many", async () => {
  const dir = join(root, "two-plans");
  mkdirSync(dir);
  const th = shippedProfile("thanh-hoa-226")!;
  const ha = shippedProfile("hcm-attp-226")!;
  writeFileSync(join(dir, "XA_A.xlsx"), reportBytes({ unit: "XA_A", name: "Xã A" }, [], th));
  writeFileSync(join(dir, "XA_B.xlsx"), reportBytes({ unit: "XA_B", name: "Xã B" }, [], th));
  writeFileSync(join(dir, "XA_C.xlsx"), reportBytes({ unit: "XA_C", name: "Xã C" }, [], ha));
  const io = capture();
  await main(["consolidate", dir, "--out", join(root, "two-plans.xlsx")], io);
  expect(io.stdout).toContain(
    `Lưu ý: 1 tệp theo mẫu này lập theo hồ sơ khác: 1 tệp theo hồ sơ hcm-attp-226 (${ha.name}); các tệp này được kiểm tra theo hồ sơ thanh-hoa-226 như mọi tệp. Nếu đợt báo cáo là của kế hoạch khác, chạy lại với --profile và tên hồ sơ đó.`,
  );
}, 60_000);

test("without --profile, files naming a plan this build lacks are said in one line, with what to do", async () => {
  const dir = join(root, "lacked-plan");
  mkdirSync(dir);
  const th = shippedProfile("thanh-hoa-226")!;
  const lacked = { ...th, id: "quang-tri-226" };
  writeFileSync(join(dir, "XA_A.xlsx"), reportBytes({ unit: "XA_A", name: "Xã A" }, [], lacked));
  writeFileSync(join(dir, "XA_B.xlsx"), reportBytes({ unit: "XA_B", name: "Xã B" }, [], lacked));
  writeFileSync(join(dir, "XA_C.xlsx"), reportBytes({ unit: "XA_C", name: "Xã C" }, [], DEFAULT_PROFILE));
  const io = capture();
  const json = join(root, "lacked-plan.json");
  await main(["consolidate", dir, "--out", join(root, "lacked-plan.xlsx"), "--json", json], io);
  expect(io.stdout).toContain(
    `Lưu ý: 2/3 tệp theo mẫu này lập theo hồ sơ mà bản KL226 này không có (2 tệp theo hồ sơ quang-tri-226): các tệp đó được kiểm tra theo hồ sơ “${DEFAULT_PROFILE.name}”, chỉ tiêu và nhiệm vụ riêng của hồ sơ đó chưa được kiểm tra. Nếu đợt báo cáo là của kế hoạch đó, chép tệp hồ sơ (quang-tri-226.json) vào thư mục ${PROFILES_DIR} rồi chạy lại, hoặc chạy lại với --profile và đường dẫn tệp hồ sơ của kế hoạch đó.`,
  );
  // Two plans this build lacks beside one it has: each named, the files to copy listed, and the
  // note on the plan it has counts them among the files naming none, pointing to the line above.
  writeFileSync(join(dir, "XA_C.xlsx"), reportBytes({ unit: "XA_C", name: "Xã C" }, [], th));
  writeFileSync(
    join(dir, "XA_D.xlsx"),
    reportBytes({ unit: "XA_D", name: "Xã D" }, [], { ...th, id: "ha-tinh-226" }),
  );
  const again = capture();
  await main(["consolidate", dir, "--out", join(root, "lacked-plans.xlsx")], again);
  expect(again.stdout).toContain(
    `Lưu ý: 3/4 tệp theo mẫu này lập theo hồ sơ mà bản KL226 này không có (2 tệp theo hồ sơ quang-tri-226; 1 tệp theo hồ sơ ha-tinh-226): các tệp đó được kiểm tra theo hồ sơ “${DEFAULT_PROFILE.name}”, chỉ tiêu và nhiệm vụ riêng của các hồ sơ đó chưa được kiểm tra. Nếu đợt báo cáo là của một trong các kế hoạch đó, chép các tệp hồ sơ (quang-tri-226.json, ha-tinh-226.json) vào thư mục ${PROFILES_DIR} rồi chạy lại`,
  );
  expect(again.stdout).toContain(
    `Lưu ý: 1/4 tệp theo mẫu này lập theo hồ sơ thanh-hoa-226 (${th.name}), 3 tệp không ghi hồ sơ nào mà bản KL226 này có (3 tệp trong số đó lập theo hồ sơ bản này không có, nói ở dòng trên), nên`,
  );
  // The JSON names the profile that judged them: the form's own defaults, no profile of profiles/.
  expect(JSON.parse(readFileSync(json, "utf8")).profile).toEqual({ id: null, name: DEFAULT_PROFILE.name });
}, 60_000);

test("without --profile, letters, a report or a roll-up of files that mostly name a plan this build lacks are refused, nothing written", async () => {
  // A tester's upgrade: the report came out headed with the default profile's province, exit 0.
  const dir = join(root, "lacked-documents");
  mkdirSync(dir);
  const lacked = { ...shippedProfile("thanh-hoa-226")!, id: "quang-tri-226" };
  writeFileSync(join(dir, "XA_A.xlsx"), reportBytes({ unit: "XA_A", name: "Xã A" }, [], lacked));
  writeFileSync(join(dir, "XA_B.xlsx"), reportBytes({ unit: "XA_B", name: "Xã B" }, [], lacked));
  writeFileSync(join(dir, "XA_C.xlsx"), reportBytes({ unit: "XA_C", name: "Xã C" }, [], DEFAULT_PROFILE));
  const out = join(root, "lacked-documents-out");
  const io = capture();
  const code = await main(
    ["consolidate", dir, "--out", join(out, "th.xlsx"), "--report", join(out, "bc.docx"), "--letters", out],
    io,
  );
  expect(code).toBe(2);
  expect(io.stderr).toContain(
    `Chưa lập văn bản nào (--letters, --report) và chưa ghi tệp nào: 2/3 tệp báo cáo lập theo hồ sơ cấu hình “quang-tri-226”, bản KL226 này không có hồ sơ đó. Nếu lập bây giờ, văn bản sẽ ghi tên cơ quan, chỉ tiêu và nhiệm vụ theo hồ sơ mặc định “${DEFAULT_PROFILE.name}”, không đúng với các báo cáo. Chép tệp quang-tri-226.json (thường có trong thư mục profiles/ của bản KL226 cài trước đây hoặc trên máy chủ của tỉnh) vào thư mục ${PROFILES_DIR} rồi chạy lại, hoặc chạy lại với --profile ĐƯỜNG_DẪN/quang-tri-226.json. Nếu các báo cáo đúng là theo kế hoạch của cơ quan mình, chạy lại với --profile TÊN_HỒ_SƠ.`,
  );
  expect(existsSync(out)).toBe(false);
  // A roll-up alone is refused too: it would be made on the default profile's template.
  const rollup = capture();
  const asUnit = ["--as-unit", "SO_NV", "--name", "Sở Nội vụ", "--type", "SO_NGANH"];
  const up = ["--rollup", join(out, "len.xlsx")];
  expect(await main(["consolidate", dir, "--out", join(out, "th.xlsx"), ...asUnit, ...up], rollup)).toBe(2);
  expect(rollup.stderr).toContain("Chưa lập văn bản nào (--rollup) và chưa ghi tệp nào: 2/3 tệp");
  expect(existsSync(out)).toBe(false);
  // A plan chosen with --profile: the analyst said which organisation signs; the report is written.
  const chosen = capture();
  const args = ["consolidate", dir, "--out", join(out, "th.xlsx"), "--report", join(out, "bc.docx")];
  await main([...args, "--profile", "thanh-hoa-226"], chosen);
  expect(chosen.stderr).not.toContain("Chưa lập văn bản");
  expect(existsSync(join(out, "bc.docx"))).toBe(true);
  // Half the files, not most: the report is written (the note says what was checked by what).
  rmSync(out, { recursive: true });
  rmSync(join(dir, "XA_B.xlsx"));
  const half = capture();
  await main(args, half);
  expect(half.stdout).toContain("Lưu ý: 1/2 tệp theo mẫu này lập theo hồ sơ mà bản KL226 này không có");
  expect(existsSync(join(out, "bc.docx"))).toBe(true);
}, 60_000);

describe("1,000 generated reports", () => {
  const dir = join(root, "set");
  const roster = join(root, "roster.csv");

  beforeAll(() => {
    mkdirSync(dir);
    const lines = ["MA_DON_VI,TEN_DON_VI,LOAI_DON_VI"];
    for (const w of KL226_SET.workbooks(1000)) {
      writeFileSync(join(dir, w.name), w.bytes);
      lines.push([w.unit.code, w.unit.name, w.unit.type].map((f) => `"${f}"`).join(","));
    }
    // One more listed unit that sent nothing, and a copy of a report under another name (a duplicate).
    lines.push('XA_KHONG_NOP,Xã Không nộp,"UBND xã, phường"');
    writeFileSync(roster, `${lines.join("\n")}\n`);
    cpSync(join(dir, "u00007.xlsx"), join(dir, "u00007 (gui lai).xlsx"));
  }, 120_000);

  test("consolidate: the same summary bytes, JSON and printed summary on one thread and on two", async () => {
    const [one, two] = await bothWays([dir], roster, "set");
    expect(two.code).toBe(one.code);
    expect(two.xlsx.equals(one.xlsx)).toBe(true);
    expect(two.json).toBe(one.json);
    expect(two.printed).toBe(one.printed);
    const report = JSON.parse(one.json) as { units: unknown[]; missing: string[] };
    expect(report.units.length).toBeGreaterThan(900);
    expect(report.missing).toContain("XA_KHONG_NOP");
    // KL226_THREADS=1 kept every file on the main thread; with KL226_THREADS=2 a worker thread took files
    // too (how many depends on how soon it was up: the main thread may finish them all first).
    expect(one.pools).toEqual([{ threads: 1, byWorkers: 0 }]);
    expect(two.pools).toEqual([{ threads: 2, byWorkers: expect.any(Number) }]);
  }, 180_000);

  test("every file inspected in a worker thread: the same submissions, summary bytes and JSON as the main thread alone", async () => {
    const files = [...KL226_SET.workbooks(1000)].map((w) => join(dir, w.name));
    let report: PoolReport | undefined;
    const alone = await inspectFiles(files, DEFAULT_PROFILE, { threads: 1 });
    const inWorkers = await inspectFiles(files, DEFAULT_PROFILE, {
      threads: 2,
      workersOnly: true,
      onPool: (r) => void (report = r),
    });
    expect(report).toEqual({ threads: 2, byWorkers: 1000 });
    expect(inWorkers).toEqual(alone);
    const outputs = (submissions: Submission[]) => {
      const c = consolidate(submissions, { profile: DEFAULT_PROFILE });
      return {
        xlsx: Buffer.from(writeXlsx(summaryWorkbook(c, DEFAULT_PROFILE), NODE_ZIP_CODEC)),
        json: JSON.stringify(consolidationJson(c)),
      };
    };
    const [a, b] = [outputs(alone), outputs(inWorkers)];
    expect(b.xlsx.equals(a.xlsx)).toBe(true);
    expect(b.json).toBe(a.json);
  }, 180_000);

  test("validate --json: the same verdicts, in the same order, on one thread and on two", async () => {
    const one = await withThreads(1, ["validate", dir, "--json"]);
    const two = await withThreads(2, ["validate", dir, "--json"]);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout)).toHaveLength(1001);
    // KL226_THREADS=1 kept every file on the main thread; with KL226_THREADS=2 a worker thread took files
    // too (how many depends on how soon it was up: the main thread may finish them all first).
    expect(one.pools).toEqual([{ threads: 1, byWorkers: 0 }]);
    expect(two.pools).toEqual([{ threads: 2, byWorkers: expect.any(Number) }]);
  }, 180_000);
});

test("a file that cannot be read is rejected with its reason, and the same submissions come on one thread and on two", async () => {
  const dir = join(root, "gone");
  mkdirSync(dir);
  const files = [...KL226_SET.workbooks(PARALLEL_MIN_FILES)].map((w) => {
    writeFileSync(join(dir, w.name), w.bytes);
    return join(dir, w.name);
  });
  const gone = join(dir, "đã-xóa.xlsx");
  const listed = [...files.slice(0, 40), gone, ...files.slice(40)];
  const runs: string[] = [];
  for (const options of [{ threads: 1 }, { threads: 2 }, { threads: 2, workersOnly: true }]) {
    const submissions = await inspectFiles(listed, DEFAULT_PROFILE, options);
    expect(submissions).toHaveLength(listed.length);
    const lost = submissions[40]!;
    expect(lost.file).toBe(gone);
    expect(lost.result.valid).toBe(false);
    // The analyst is told, in Vietnamese, that the file is not there (ENOENT): this machine's, not the unit's.
    expect(lost.result.findings.map((f) => [f.code, f.message])).toEqual([
      ["NOT_OPENED", expect.stringContaining("không tìm thấy tệp")],
    ]);
    // The other files were still read and checked.
    expect(submissions.filter((s) => s.result.form !== null)).toHaveLength(files.length);
    runs.push(JSON.stringify(submissions));
  }
  expect(runs[1]).toBe(runs[0]);
  expect(runs[2]).toBe(runs[0]);
}, 120_000);

test("the kept submissions hold each text once: every submission still holds the same values", async () => {
  const files = ["2026-6T", "cap-so/SO_GIAO_DUC_DT"].flatMap((dir) =>
    readdirSync(join(SAMPLES, dir))
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
      .map((f) => join(SAMPLES, dir, f)),
  );
  const submissions = await inspectFiles(files, DEFAULT_PROFILE, { threads: 1 });
  const before = structuredClone(submissions);
  const seen = new Map<string, string>();
  const shared = submissions.map((s) => shareTexts(s, seen));
  expect(shared).toEqual(before);
  // The task texts every unit copies from the template are among the texts kept once.
  const content = before.find((s) => s.result.report)?.result.report?.tasks[0]?.content ?? "";
  expect(content.length).toBeGreaterThan(20);
  expect(seen.get(content)).toBe(content);
});

test("threads: one below the threshold, every core above it, KL226_THREADS when set", () => {
  expect(threadCount(PARALLEL_MIN_FILES - 1, {})).toBe(1);
  expect(threadCount(10_000, {})).toBeGreaterThanOrEqual(Math.min(2, availableParallelism()));
  expect(threadCount(10_000, { KL226_THREADS: "1" })).toBe(1);
  expect(threadCount(3, { KL226_THREADS: "4" })).toBe(3);
  expect(threadCount(500, { KL226_THREADS: "zero" })).toBe(threadCount(500, {}));
});
