// kl226 consolidate --previous LAST.json|LAST.xlsx: a 2025 NAM run written with --json, then a 2026 NAM run
// checked against it (and against several years of history); PREVIOUS_MISMATCH reaches the JSON, warnings leave the exit code alone, and
// a malformed LAST.json is a usage error (exit 2).

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { cchcUnit, GOOD_COUNTS, reportBytes } from "../helpers/report-builder";
import { defaultProfileForForm } from "../../src/core/profiles";
import { capture } from "../helpers/cli-io";

const root = mkdtempSync(join(tmpdir(), "kl226-history-"));
const dir2025 = join(root, "2025");
const dir2026 = join(root, "2026");
mkdirSync(dir2025);
mkdirSync(dir2026);
const date2025 = { year: 2025, month: 12, day: 10 };
const date2026 = { year: 2026, month: 12, day: 10 };
writeFileSync(
  join(dir2025, "a.xlsx"),
  reportBytes({
    unit: "PHONG_A",
    name: "Phòng A",
    period: "NAM",
    year: 2025,
    reportDate: date2025,
    counts: { HN_TONG: [110, 100] },
  }),
);
writeFileSync(
  join(dir2025, "c.xlsx"),
  reportBytes({ unit: "PHONG_C", name: "Phòng C", period: "NAM", year: 2025, reportDate: date2025 }),
);
// PHONG_A declares last year's current values as this year's previous, except HN_TONG: 104 though it
// reported 100; PHONG_B is new; PHONG_C is gone.
const carried = Object.fromEntries(
  DEFAULT_PROFILE.form.counts.map(({ code }) => [
    code,
    [GOOD_COUNTS[code]![1], GOOD_COUNTS[code]![1]] as const,
  ]),
);
writeFileSync(
  join(dir2026, "a.xlsx"),
  reportBytes({
    unit: "PHONG_A",
    name: "Phòng A",
    period: "NAM",
    year: 2026,
    reportDate: date2026,
    counts: { ...carried, HN_TONG: [104, 90] },
  }),
);
writeFileSync(
  join(dir2026, "b.xlsx"),
  reportBytes({ unit: "PHONG_B", name: "Phòng B", period: "NAM", year: 2026, reportDate: date2026 }),
);

/** The 2026 folder consolidated against `previous` (exit 0 asserted): its output and PREVIOUS_MISMATCH messages. */
async function againstLast(previous: string, name: string) {
  const io = capture();
  const json = join(root, `${name}.json`);
  expect(
    await main(
      ["consolidate", dir2026, "--out", join(root, `${name}.xlsx`), "--json", json, "--previous", previous],
      io,
    ),
  ).toBe(0);
  const report = JSON.parse(readFileSync(json, "utf8")) as {
    warnings: Array<{ code: string; message: string }>;
  };
  return {
    io,
    mismatches: report.warnings.filter((w) => w.code === "PREVIOUS_MISMATCH").map((w) => w.message),
  };
}

describe("kl226 consolidate --previous", () => {
  it("warns about a previous value that differs from last year's report, exit code unchanged", async () => {
    const last = join(root, "2025.json");
    const first = capture();
    expect(
      await main(["consolidate", dir2025, "--out", join(root, "2025.xlsx"), "--json", last], first),
    ).toBe(0);

    const io = capture();
    const json = join(root, "2026.json");
    const code = await main(
      ["consolidate", dir2026, "--out", join(root, "2026.xlsx"), "--json", json, "--previous", last],
      io,
    );
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as {
      warnings: Array<{ file: string; code: string; sheet: string; message: string }>;
    };
    const mismatches = report.warnings.filter((w) => w.code === "PREVIOUS_MISMATCH");
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ file: join(dir2026, "a.xlsx"), sheet: "Chỉ tiêu" });
    expect(mismatches[0]?.message).toMatch(/104.*100/);
    expect(io.stdout).toContain(
      "Đơn vị có báo cáo được chấp nhận kỳ này mà tệp năm 2025 không có: 1 đơn vị (PHONG_B).",
    );
    expect(io.stdout).toContain(
      "Đơn vị có trong tệp năm 2025, kỳ này không có báo cáo được chấp nhận: 1 đơn vị (PHONG_C).",
    );
    expect(io.stdout).not.toContain("Lưu ý: tệp năm trước");
  });

  it("last year's JSON made without a roster: units missing now are not said to be missing two periods, nor none of them", async () => {
    const last = join(root, "2025-no-roster.json");
    expect(
      await main(["consolidate", dir2025, "--out", join(root, "2025-nr.xlsx"), "--json", last], capture()),
    ).toBe(0);
    expect((JSON.parse(readFileSync(last, "utf8")) as { rosterGiven: boolean }).rosterGiven).toBe(false);
    const roster = join(root, "ds-2026.csv");
    writeFileSync(
      roster,
      'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nPHONG_A,Phòng A,"Sở, ban, ngành"\nPHONG_B,Phòng B,"Sở, ban, ngành"\nPHONG_D,Phòng D,"Sở, ban, ngành"\n',
    );
    const io = capture();
    await main(
      ["consolidate", dir2026, "--out", join(root, "2026-nr.xlsx"), "--roster", roster, "--previous", last],
      io,
    );
    expect(io.stdout).toContain("Chưa nộp: 1 đơn vị chưa gửi tệp nào: Phòng D (PHONG_D).");
    expect(io.stdout).toContain(
      "Chưa biết đơn vị nào chưa nộp cả kỳ trước: tệp năm 2025 được lập không có danh sách đơn vị, nên không ghi đơn vị chưa nộp.",
    );
    expect(io.stdout).not.toContain("cũng ghi chưa nộp");
  });

  it("last year's JSON from a release before `returned` (03/12/2026): a unit whose file it rejected is not said to be missing again", async () => {
    const roster = join(root, "ds-2026-old.csv");
    writeFileSync(
      roster,
      'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nPHONG_A,Phòng A,"Sở, ban, ngành"\nPHONG_B,Phòng B,"Sở, ban, ngành"\nPHONG_D,Phòng D,"Sở, ban, ngành"\nPHONG_E,Phòng E,"Sở, ban, ngành"\n',
    );
    // That release's keys, written by hand: PHONG_E's file was rejected and PHONG_D sent nothing,
    // both in `missing`; no `returned`, no `rosterGiven`.
    const rejected = (file: string) => ({
      file: join(dir2025, file),
      findings: [
        {
          code: "UNREADABLE",
          severity: "error",
          sheet: null,
          cell: null,
          message: "Tệp bị cắt cụt hoặc hỏng.",
        },
      ],
    });
    const oldJson = {
      period: { kind: "NAM", year: 2025 },
      units: [{ code: "PHONG_A", values: { HN_TONG: { previous: 110, current: 100 } } }],
      province: {},
      shortfalls: [],
      rejected: [rejected("PHONG_E.xlsx")],
      duplicates: [],
      missing: ["PHONG_D", "PHONG_E"],
      warnings: [],
    };
    const against = async (json: object, name: string) => {
      const last = join(root, `${name}.json`);
      writeFileSync(last, JSON.stringify(json));
      const io = capture();
      await main(
        [
          "consolidate",
          dir2026,
          "--out",
          join(root, `${name}-2026.xlsx`),
          "--roster",
          roster,
          "--previous",
          last,
        ],
        io,
      );
      return io.stdout;
    };
    const out = await against(oldJson, "2025-old-release");
    expect(out).toContain("Chưa nộp: 2 đơn vị chưa gửi tệp nào: Phòng D (PHONG_D), Phòng E (PHONG_E).");
    expect(out).toContain("Đơn vị chưa nộp kỳ này, tệp năm 2025 cũng ghi chưa nộp: 1 đơn vị (PHONG_D).\n");
    // A rejected file whose name gives no unit: one of the units listed may have sent it.
    const unnamed = await against(
      { ...oldJson, rejected: [...oldJson.rejected, rejected("bao cao.xlsx")] },
      "2025-old-release-unnamed",
    );
    expect(unnamed).toContain(
      "Đơn vị chưa nộp kỳ này, tệp năm 2025 cũng ghi chưa nộp: 1 đơn vị (PHONG_D). Lưu ý: tệp năm 2025 do phiên bản KL226 cũ (phát hành trước ngày 03/12/2026) lập, trong đó có 1 tệp bị từ chối không xác định được của đơn vị nào; có thể đơn vị nêu trên đã nộp kỳ trước nhưng tệp bị từ chối.",
    );
    // Its name holds the unit's: said which, as this period's note on a missing unit's file does.
    const named = await against(
      { ...oldJson, rejected: [...oldJson.rejected, rejected("/hop-thu/BC phong D.xlsx")] },
      "2025-old-release-named",
    );
    expect(named).toContain(
      "Đơn vị chưa nộp kỳ này, tệp năm 2025 cũng ghi chưa nộp: 1 đơn vị (PHONG_D). Lưu ý: tệp năm 2025 do phiên bản KL226 cũ (phát hành trước ngày 03/12/2026) lập, trong đó có 1 tệp bị từ chối không xác định được của đơn vị nào; có thể đơn vị nêu trên đã nộp kỳ trước nhưng tệp bị từ chối: tệp “BC phong D.xlsx” (tên tệp gần với PHONG_D – Phòng D).",
    );
  });

  it("this period's own summary given as last year's: nothing compared, and no unit listed as new, gone or missing there too", async () => {
    const own = join(root, "2026-own.json");
    expect(
      await main(["consolidate", dir2026, "--out", join(root, "2026-own.xlsx"), "--json", own], capture()),
    ).toBe(0);
    const { io, mismatches } = await againstLast(own, "2026-against-own");
    expect(mismatches).toEqual([]);
    expect(io.stdout).toContain("Không đối chiếu số liệu");
    expect(io.stdout).not.toMatch(
      /kỳ này mà .* không có|kỳ này không có báo cáo được chấp nhận|cũng ghi chưa nộp/,
    );
  });

  it("a last-year file with no unit in common says nothing was compared, never that the figures match", async () => {
    // Last year's consolidation of PHONG_C alone (another level's summary, the wrong file).
    const onlyC = join(root, "2025-c");
    mkdirSync(onlyC, { recursive: true });
    writeFileSync(join(onlyC, "c.xlsx"), readFileSync(join(dir2025, "c.xlsx")));
    const lastC = join(root, "2025-c.json");
    await main(["consolidate", onlyC, "--out", join(root, "2025-c.xlsx"), "--json", lastC], capture());
    const io = capture();
    await main(["consolidate", dir2026, "--out", join(root, "2026-c.xlsx"), "--previous", lastC], io);
    expect(io.stdout).toContain(
      "Không có đơn vị nào của kỳ này có trong tệp năm trước, nên chưa so được số liệu cùng kỳ năm trước: kiểm tra lại tệp --previous",
    );
    expect(io.stdout).not.toContain("khớp với báo cáo năm trước");
    // Two files of one year: the first is used, and the second said to be left out.
    const both = capture();
    await main(
      [
        "consolidate",
        dir2026,
        "--out",
        join(root, "2026-d.xlsx"),
        "--previous",
        lastC,
        "--previous",
        join(root, "2025.json"),
      ],
      both,
    );
    expect(both.stdout).toContain(
      `Lưu ý: ${join(root, "2025.json")} cũng là báo cáo tổng hợp năm 2025 như ${lastC}: chỉ dùng ${lastC} (tệp ghi trước).`,
    );
  });

  it("takes last year's summary workbook instead of its JSON, with the same warnings", async () => {
    const lastXlsx = join(root, "2025-b.xlsx");
    expect(await main(["consolidate", dir2025, "--out", lastXlsx], capture())).toBe(0);
    const { io, mismatches } = await againstLast(lastXlsx, "2026-from-xlsx");
    expect(mismatches).toEqual([expect.stringMatching(/104.*100/)]);
    expect(io.stdout).toContain(`So sánh với báo cáo tổng hợp kỳ năm 2025 ${lastXlsx}`);
  });

  it("uses several earlier years: OUTLIER against mean ± 3 SD of the unit's own history", async () => {
    // PHONG_B reports HN_TONG 90 this year; 40, 45, 50 in 2022–2024 give the band 30–60. The ×3 rule
    // alone (90 against 50) would stay quiet.
    const thisYear = GOOD_COUNTS.HN_TONG![1];
    const years = [2022, 2023, 2024].map((year, i) => {
      const path = join(root, `hist-${year}.json`);
      const value = Math.round(thisYear / 2) + 5 * (i - 1);
      writeFileSync(
        path,
        JSON.stringify({
          period: { kind: "NAM", year },
          units: [{ code: "PHONG_B", values: { HN_TONG: { previous: null, current: value } } }],
        }),
      );
      return path;
    });
    const io = capture();
    const json = join(root, "2026-hist.json");
    const args = [
      "consolidate",
      dir2026,
      "--out",
      join(root, "2026-hist.xlsx"),
      "--json",
      json,
      ...years.flatMap((p) => ["--previous", p]),
    ];
    expect(await main(args, io)).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as {
      warnings: Array<{ code: string; file: string; message: string }>;
    };
    const outliers = report.warnings.filter((w) => w.code === "OUTLIER");
    expect(outliers.map((w) => w.file)).toEqual([join(dir2026, "b.xlsx")]);
    expect(outliers[0]?.message).toContain("“Tổng số hội nghị, cuộc họp đã tổ chức”");
    expect(report.warnings.find((w) => w.code === "OUTLIER")).toMatchObject({
      sheet: "Chỉ tiêu",
      cell: "E5",
    });
    expect(outliers[0]?.message).toContain(`là ${thisYear}, nằm ngoài khoảng thường gặp của đơn vị 30–60`);
    expect(outliers[0]?.message).toContain("độ lệch chuẩn của 3 năm 2022, 2023, 2024");
    expect(io.stdout).toContain("So sánh với 3 báo cáo tổng hợp các kỳ trước (năm 2022: ");
    expect(io.stdout).toContain("; cùng kỳ gần nhất: năm 2024:\n");
    expect(io.stdout).not.toContain("Không dùng để so số liệu");
    // A file of another period among them is named as left out of the figures.
    const half = join(root, "hist-6t-2025.json");
    writeFileSync(half, JSON.stringify({ period: { kind: "6T", year: 2025 }, units: [] }));
    const mixed = capture();
    await main([...args, "--previous", half], mixed);
    expect(mixed.stdout).toContain(
      `  Không dùng để so số liệu (không phải báo cáo năm của các năm trước): ${half}.`,
    );
  });

  it("refuses a workbook that is not a summary: exit 2, names the file and the missing sheet", async () => {
    const io = capture();
    const unitFile = join(dir2025, "a.xlsx");
    const out = join(root, "bad-xlsx", "tong-hop.xlsx");
    expect(await main(["consolidate", dir2026, "--out", out, "--previous", unitFile], io)).toBe(2);
    expect(io.stderr).toContain(unitFile);
    expect(io.stderr).toContain("Không có trang “Số liệu” hay “Tổng hợp”");
    // A first-year analyst's own summary made by hand: told to leave --previous out this time.
    expect(io.stderr).toContain(
      "  Bảng tổng hợp tự lập (không do KL226 ghi) không đối chiếu được: kỳ đầu dùng KL226, hãy bỏ --previous",
    );
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [
      "bao-cao-nam-2025.docx",
      "là văn bản Word, không phải bảng tổng hợp .xlsx hay tệp .json do KL226 lập. Hãy chọn bảng tổng hợp .xlsx hoặc tệp .json cùng kỳ năm trước (tệp --out hoặc --json",
    ],
    ["tong-hop-2025.pdf", "là tệp PDF (bản in), không phải bảng tổng hợp"],
    [
      "tong-hop-2025.xls",
      "là sổ tính Excel 97–2003 (.xls), định dạng cũ, không phải bảng tổng hợp .xlsx hay tệp .json do KL226 lập. Hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “Sổ làm việc Excel (*.xlsx)”, rồi chọn tệp .xlsx đó.",
    ],
    ["ghi-chu", "không phải bảng tổng hợp do KL226 lập. Hãy chọn bảng tổng hợp .xlsx hoặc tệp .json"],
  ])("says what %s is instead of reading it as JSON: exit 2", async (name, said) => {
    const other = join(root, name);
    writeFileSync(other, "%PDF-1.7 hay một tệp khác");
    const out = join(root, "other-kind", "tong-hop.xlsx");
    const io = capture();
    expect(await main(["consolidate", dir2026, "--out", out, "--previous", other], io)).toBe(2);
    expect(io.stderr).toContain(`Không đọc được bảng tổng hợp năm trước ${other} (--previous): ${said}`);
    expect(io.stderr).not.toContain("JSON hợp lệ");
    expect(existsSync(out)).toBe(false);
  });

  it("reads last year's summary or JSON saved without its extension, by its first bytes", async () => {
    const lastXlsx = join(root, "2025-c.xlsx");
    expect(
      await main(["consolidate", dir2025, "--out", lastXlsx, "--json", join(root, "2025-c.json")], capture()),
    ).toBe(0);
    for (const [from, to] of [
      [lastXlsx, join(root, "tong-hop-nam-2025")],
      [join(root, "2025-c.json"), join(root, "du-lieu-nam-2025")],
    ] as const) {
      writeFileSync(to, readFileSync(from));
      const { mismatches } = await againstLast(to, `2026-from-${to.slice(-20)}`);
      expect(mismatches).toEqual([expect.stringMatching(/104.*100/)]);
    }
  });

  it.each([
    ["not JSON", "{ units: "],
    ["wrong shape", JSON.stringify({ period: { kind: "NAM", year: "2025" }, units: [] })],
  ])("refuses a malformed LAST.json (%s): exit 2, nothing written", async (_what, text) => {
    const bad = join(root, `bad-${_what.replace(/ /g, "-")}.json`);
    writeFileSync(bad, text);
    const out = join(root, "bad", "tong-hop.xlsx");
    const io = capture();
    expect(await main(["consolidate", dir2026, "--out", out, "--previous", bad], io)).toBe(2);
    expect(io.stderr).toContain(bad);
    expect(existsSync(out)).toBe(false);
  });

  it("says a JSON of another program is not KL226's, without the schema's paths; a KL226 JSON damaged in part names where", async () => {
    const other = join(root, "so-lieu-phan-mem-khac.json");
    writeFileSync(other, JSON.stringify({ "ghi chu": "tự lập", data: [1, 2] }));
    const io = capture();
    expect(
      await main(["consolidate", dir2026, "--out", join(root, "other", "t.xlsx"), "--previous", other], io),
    ).toBe(2);
    expect(io.stderr).toContain(
      "là dữ liệu JSON nhưng không phải tệp JSON do “kl226 consolidate --json” ghi. Hãy chọn bảng tổng hợp .xlsx hoặc tệp .json cùng kỳ năm trước",
    );
    expect(io.stderr).not.toContain("thiếu giá trị");
    const damaged = join(root, "tong-hop-hong.json");
    writeFileSync(damaged, JSON.stringify({ period: { kind: "NAM" }, units: [] }));
    const io2 = capture();
    expect(
      await main(
        ["consolidate", dir2026, "--out", join(root, "other", "t.xlsx"), "--previous", damaged],
        io2,
      ),
    ).toBe(2);
    expect(io2.stderr).toContain(
      "không đúng dạng tệp JSON do “kl226 consolidate --json” ghi:\n  period.year: thiếu giá trị",
    );
  });

  it.each([
    [
      "summary workbook",
      async (): Promise<string> => {
        const cchcDir = join(root, "cchc");
        mkdirSync(cchcDir);
        writeFileSync(
          join(cchcDir, "p.xlsx"),
          reportBytes(cchcUnit("PHONG_A"), [], defaultProfileForForm("CCHC-BC/2025")!),
        );
        const summary = join(root, "cchc-tong-hop.xlsx");
        await main(["consolidate", cchcDir, "--out", summary], capture());
        return summary;
      },
    ],
    [
      "JSON",
      async (): Promise<string> => {
        const json = join(root, "cchc-2025.json");
        writeFileSync(
          json,
          JSON.stringify({ form: "CCHC-BC/2025", period: { kind: "NAM", year: 2025 }, units: [] }),
        );
        return json;
      },
    ],
  ])(
    "refuses last year's %s of another form (a CCHC-BC/2025 one for a KL226-BC/1 run), saying which: exit 2, nothing written",
    async (what, make) => {
      const previous = await make();
      const out = join(root, `other-form-${what.replace(/ /g, "-")}`, "tong-hop.xlsx");
      const io = capture();
      expect(await main(["consolidate", dir2026, "--out", out, "--previous", previous], io)).toBe(2);
      expect(io.stderr).toBe(
        `Không đọc được bảng tổng hợp năm trước ${previous} (--previous): là báo cáo tổng hợp theo mẫu CCHC-BC/2025, không phải mẫu KL226-BC/1 của đợt tổng hợp này: số liệu của chế độ báo cáo khác không so sánh được. Hãy dùng bảng tổng hợp (.xlsx) hoặc tệp .json cùng kỳ năm trước của các báo cáo theo mẫu KL226-BC/1.\n`,
      );
      expect(existsSync(out)).toBe(false);
    },
  );
});
