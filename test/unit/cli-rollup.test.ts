// kl226 consolidate --rollup (with --as-unit/--name/--type) on temp files: the roll-up is written
// and validates clean; the four roll-up options go together; the demo in two levels.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectBytes } from "../../src/app/inspect";
import { main } from "../../src/cli/main";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reportBytes } from "../helpers/report-builder";
import { capture } from "../helpers/cli-io";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const root = mkdtempSync(join(tmpdir(), "kl226-rollup-"));
const inDir = join(root, "in");
mkdirSync(inDir);
writeFileSync(
  join(inDir, "a.xlsx"),
  reportBytes({ unit: "PHONG_A", name: "Phòng A", counts: { HN_TONG: [100, 90] } }),
);
writeFileSync(
  join(inDir, "b.xlsx"),
  reportBytes({ unit: "PHONG_B", name: "Phòng B", counts: { HN_TONG: [200, 120] } }),
);

/** The options that make `code` the consolidating unit and write its roll-up to `out`. */
const asUnit = (code: string, name: string, out: string): string[] => [
  ...["--as-unit", code, "--name", name, "--type", "SO_NGANH"],
  ...["--rollup", out],
];

describe("kl226 consolidate --rollup", () => {
  it("names the form it wrote: a CCHC roll-up is said to be on CCHC-BC/2025", async () => {
    const io = capture();
    const rollup = join(root, "out", "cchc-len.xlsx");
    const code = await main(
      [
        "consolidate",
        join(__dirname, "..", "..", "samples", "cchc"),
        "--profile",
        "hcm-attp-cchc-2025",
        "--out",
        join(root, "out", "cchc-th.xlsx"),
        ...["--as-unit", "SO_ATTP", "--name", "Ban Quản lý An toàn thực phẩm", "--type", "SO_NGANH"],
        ...["--rollup", rollup],
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.stdout).toContain(
      `Báo cáo tổng hợp gửi cấp trên (mẫu CCHC-BC/2025, đơn vị SO_ATTP, 10 đơn vị, đề ngày 18/06/2025: ngày báo cáo sau cùng của các đơn vị; --letter-date để ghi ngày khác): ${rollup}`,
    );
  });

  // The roll-up was dated its latest unit's report (after the deadline, the level above counted the Sở
  // late) while the report sent with it carried --letter-date: the two documents said two dates.
  it("dates the roll-up by --letter-date when given, as the documents sent with it; else its latest unit's, the same bytes each run", async () => {
    const dir = join(root, "dated");
    const rollup = join(dir, "so.xlsx");
    const args = ["consolidate", inDir, "--out", join(dir, "th.xlsx"), ...asUnit("SO_X", "Sở X", rollup)];
    const dateOf = () =>
      inspectBytes(new Uint8Array(readFileSync(rollup)), DEFAULT_PROFILE).report?.reportDate;
    const plain = capture();
    expect(await main(args, plain)).toBe(0);
    // Both units' reports are dated 05/06/2026 (the builder's default).
    expect(dateOf()).toEqual({ year: 2026, month: 6, day: 5 });
    expect(plain.stdout).toContain(
      `(mẫu KL226-BC/1, đơn vị SO_X, 2 đơn vị, đề ngày 05/06/2026: ngày báo cáo sau cùng của các đơn vị; --letter-date để ghi ngày khác): ${rollup}`,
    );
    const first = readFileSync(rollup);
    expect(await main(args, capture())).toBe(0);
    expect(readFileSync(rollup)).toEqual(first);
    // --letter-date with --rollup alone (no letters, no report) is taken, and dates the roll-up.
    const dated = capture();
    expect(await main([...args, "--letter-date", "12/06/2026"], dated)).toBe(0);
    expect(dated.stderr).toBe("");
    expect(dateOf()).toEqual({ year: 2026, month: 6, day: 12 });
    expect(dated.stdout).toContain("đơn vị SO_X, 2 đơn vị, đề ngày 12/06/2026 theo --letter-date): ");
    const report = join(dir, "bc.docx");
    expect(await main([...args, "--letter-date", "12/06/2026", "--report", report], capture())).toBe(0);
    expect(dateOf()).toEqual({ year: 2026, month: 6, day: 12 });
  });

  it("a roll-up the department edited and saved (its Khó khăn typed in) is kept; the new one goes beside it", async () => {
    const dir = join(root, "edited-rollup");
    const rollup = join(dir, "so.xlsx");
    const args = ["consolidate", inDir, "--out", join(dir, "th.xlsx"), ...asUnit("SO_X", "Sở X", rollup)];
    expect(await main(args, capture())).toBe(0);
    // Saved in Excel: Excel writes its own name as the application.
    const files = unzipSync(new Uint8Array(readFileSync(rollup)));
    files["docProps/app.xml"] = strToU8(
      strFromU8(files["docProps/app.xml"]!).replace(
        "<Application>KL226</Application>",
        "<Application>Microsoft Excel</Application>",
      ),
    );
    const edited = zipSync(files);
    writeFileSync(rollup, edited);
    const io = capture();
    expect(await main(args, io)).toBe(0);
    expect(new Uint8Array(readFileSync(rollup))).toEqual(edited);
    expect(io.stdout).toContain(
      `Báo cáo tổng hợp gửi cấp trên (mẫu KL226-BC/1, đơn vị SO_X, 2 đơn vị, đề ngày 05/06/2026: ngày báo cáo sau cùng của các đơn vị; --letter-date để ghi ngày khác): ${join(dir, "so-moi.xlsx")}`,
    );
    expect(io.stdout).toContain(
      "Giữ nguyên so.xlsx (đã được sửa và lưu sau khi KL226 ghi, hoặc không phải báo cáo gửi cấp trên của KL226); báo cáo gửi cấp trên mới ghi vào so-moi.xlsx",
    );
    // Unedited, it is simply replaced (the everyday re-run).
    expect(await main(args, capture())).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["so-moi.xlsx", "so.xlsx", "th.xlsx"]);
  });

  it("writes a roll-up that validates clean and carries the sums", async () => {
    const io = capture();
    const rollup = join(root, "out", "so.xlsx");
    const code = await main(
      [
        "consolidate",
        inDir,
        "--out",
        join(root, "out", "tong-hop.xlsx"),
        "--as-unit",
        "so_y_te",
        "--name",
        "Sở Y tế",
        "--type",
        "SO_NGANH",
        "--rollup",
        rollup,
      ],
      io,
    );
    expect(io.stderr).toBe("");
    expect(io.stdout).toContain("từ chối 0");
    expect(code).toBe(0);
    expect(io.stdout).toContain(rollup);
    const result = inspectBytes(new Uint8Array(readFileSync(rollup)), DEFAULT_PROFILE);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.report?.unit.code).toBe("SO_Y_TE");
    expect(result.report?.values.HN_TONG).toEqual({ previous: 300, current: 210 });

    const validate = capture();
    expect(await main(["validate", rollup], validate)).toBe(0);
  });

  it("says that the letters and report of a unit consolidating for itself carry the profile's organisation", async () => {
    const dir = join(root, "as-unit-documents");
    const io = capture();
    await main(
      [
        "consolidate",
        inDir,
        "--out",
        join(dir, "th.xlsx"),
        ...asUnit("SO_Y_TE", "Sở Y tế", join(dir, "len.xlsx")),
        "--report",
        join(dir, "bao-cao.docx"),
      ],
      io,
    );
    expect(io.stdout).toContain(
      "  Lưu ý: văn bản ghi cơ quan ban hành theo hồ sơ (“Sở Nội vụ tỉnh Thanh Hóa”, người ký GIÁM ĐỐC), không phải Sở Y tế (--as-unit SO_Y_TE): sửa phần đầu văn bản, người ký và nơi nhận trước khi trình ký, hoặc dùng một hồ sơ ghi “organisation” của đơn vị (--profile TỆP.json).",
    );
    // Without documents there is nothing to say.
    const plain = capture();
    await main(
      [
        "consolidate",
        inDir,
        "--out",
        join(dir, "th2.xlsx"),
        ...asUnit("SO_Y_TE", "Sở Y tế", join(dir, "len2.xlsx")),
      ],
      plain,
    );
    expect(plain.stdout).not.toContain("cơ quan ban hành");
  });

  it("consolidates a roll-up sent up together with one of its units' own files without counting that unit twice", async () => {
    const rollup = join(root, "cap-tinh", "SO_Y_TE.xlsx");
    const made = capture();
    const rollupArgs = asUnit("SO_Y_TE", "Sở Y tế", rollup);
    expect(await main(["consolidate", inDir, "--out", join(root, "so-th.xlsx"), ...rollupArgs], made)).toBe(
      0,
    );
    // The province's inbox: the department's roll-up, a copy of one of its units' files, another unit.
    writeFileSync(join(root, "cap-tinh", "a.xlsx"), readFileSync(join(inDir, "a.xlsx")));
    writeFileSync(
      join(root, "cap-tinh", "xa-c.xlsx"),
      reportBytes({ unit: "XA_C", name: "Xã C", type: "UBND_XA", counts: { HN_TONG: [100, 80] } }),
    );
    const io = capture();
    const json = join(root, "tinh.json");
    const code = await main(
      ["consolidate", join(root, "cap-tinh"), "--out", join(root, "tinh.xlsx"), "--json", json],
      io,
    );
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toContain(
      "Đã đọc 3 tệp: chấp nhận 2, từ chối 0, trùng đơn vị 0, 1 tệp đã tính trong báo cáo tổng hợp khác.",
    );
    expect(io.stdout).toContain(
      `  ⊂ ${join(root, "cap-tinh", "a.xlsx")}: Phòng A (PHONG_A), đã tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx)\n`,
    );
    const report = JSON.parse(readFileSync(json, "utf8")) as {
      units: Array<{ code: string }>;
      inRollup: Array<{ unit: string; rollupUnit: string; differs: boolean; message: string }>;
      province: { values: { HN_TONG: { previous: number; current: number } } };
    };
    expect(report.units.map((u) => u.code)).toEqual(["SO_Y_TE", "XA_C"]);
    expect(report.inRollup.map((r) => [r.unit, r.rollupUnit, r.differs])).toEqual([
      ["PHONG_A", "SO_Y_TE", false],
    ]);
    expect(report.inRollup[0]?.message).toBe(
      "Phòng A (PHONG_A) đã được tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần.",
    );
    // 100 + 200 (the roll-up) + 100 and 90 + 120 + 80: PHONG_A's 100 / 90 once.
    expect(report.province.values.HN_TONG).toEqual({ previous: 400, current: 290 });
    // PHONG_A then sends the province a newer report with other figures: the roll-up is stale, and
    // the terminal asks its unit to consolidate again (it said "khác tệp này", as for an older draft).
    const newer = join(root, "cap-tinh-moi");
    mkdirSync(newer);
    writeFileSync(join(newer, "SO_Y_TE.xlsx"), readFileSync(rollup));
    writeFileSync(
      join(newer, "a.xlsx"),
      reportBytes({
        unit: "PHONG_A",
        name: "Phòng A",
        counts: { HN_TONG: [100, 80] },
        reportDate: { year: 2026, month: 6, day: 9 },
      }),
    );
    const again = capture();
    await main(["consolidate", newer, "--out", join(root, "tinh-moi.xlsx")], again);
    expect(again.stdout).toContain(
      `  ⊂ ${join(newer, "a.xlsx")}: Phòng A (PHONG_A), đã tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx) — tệp này đề ngày sau tệp mà Sở Y tế đã tổng hợp: nếu số liệu đã thay đổi, đề nghị Sở Y tế tổng hợp lại và gửi báo cáo mới\n`,
    );
    // With a roster, the roll-up goes by the roster's name, as in the summary's line and its letter.
    const roster = join(root, "ds-tinh.csv");
    writeFileSync(roster, "Mã đơn vị;Tên đơn vị;Loại đơn vị\nSO_Y_TE;Sở Y tế tỉnh Thanh Hóa;SO_NGANH\n");
    const named = capture();
    await main(["consolidate", newer, "--out", join(root, "tinh-moi-ds.xlsx"), "--roster", roster], named);
    expect(named.stdout).toContain(
      `  ⊂ ${join(newer, "a.xlsx")}: Phòng A (PHONG_A), đã tính trong báo cáo tổng hợp của Sở Y tế tỉnh Thanh Hóa (tệp SO_Y_TE.xlsx) — tệp này đề ngày sau tệp mà Sở Y tế tỉnh Thanh Hóa đã tổng hợp: nếu số liệu đã thay đổi, đề nghị Sở Y tế tỉnh Thanh Hóa tổng hợp lại và gửi báo cáo mới\n`,
    );
  });

  it("names the roll-up between and the roll-up to ask on the ⊂ line of a unit's same-day file with other figures", async () => {
    const dir = join(root, "qua-khoi");
    const so = join(dir, "so", "SO_Y_TE.xlsx");
    expect(
      await main(
        ["consolidate", inDir, "--out", join(dir, "so-th.xlsx"), ...asUnit("SO_Y_TE", "Sở Y tế", so)],
        capture(),
      ),
    ).toBe(0);
    writeFileSync(
      join(dir, "so", "xa-c.xlsx"),
      reportBytes({ unit: "XA_C", name: "Xã C", type: "UBND_XA", counts: { HN_TONG: [100, 80] } }),
    );
    const khoi = join(dir, "tinh", "KHOI_VX.xlsx");
    const khoiArgs = asUnit("KHOI_VX", "Khối Văn xã", khoi);
    expect(
      await main(
        ["consolidate", join(dir, "so"), "--out", join(dir, "khoi-th.xlsx"), ...khoiArgs],
        capture(),
      ),
    ).toBe(0);
    // PHONG_A sends the province a file of the same report date as the one Sở Y tế summed, other figures.
    writeFileSync(
      join(dir, "tinh", "a.xlsx"),
      reportBytes({ unit: "PHONG_A", name: "Phòng A", counts: { HN_TONG: [100, 85] } }),
    );
    const io = capture();
    await main(["consolidate", join(dir, "tinh"), "--out", join(dir, "tinh-th.xlsx")], io);
    expect(io.stdout).toContain(
      `  ⊂ ${join(dir, "tinh", "a.xlsx")}: Phòng A (PHONG_A), đã tính trong báo cáo tổng hợp của Khối Văn xã (tệp KHOI_VX.xlsx, qua báo cáo tổng hợp của Sở Y tế) — cùng ngày báo cáo với tệp mà Khối Văn xã đã tổng hợp nhưng khác tệp đó: hỏi lại đơn vị tệp nào đúng\n`,
    );
  });

  it("says of a rejected file whose unit the roll-up counts that the unit is counted all the same", async () => {
    const dir = join(root, "cap-tinh-loi");
    mkdirSync(dir);
    writeFileSync(join(dir, "SO_Y_TE.xlsx"), readFileSync(join(root, "cap-tinh", "SO_Y_TE.xlsx")));
    writeFileSync(
      join(dir, "b.xlsx"),
      reportBytes({ unit: "PHONG_B", name: "Phòng B", counts: { HN_TONG: [200, -1] } }),
    );
    const io = capture();
    expect(await main(["consolidate", dir, "--out", join(root, "cap-tinh-loi.xlsx")], io)).toBe(1);
    expect(io.stdout).toMatch(
      / {2}✗ .*b\.xlsx: .* \[BAD_VALUE Chỉ tiêu!E5\] — đơn vị đã được tính trong báo cáo tổng hợp khác\n/,
    );
  });

  it("refuses to roll up a folder that holds the unit's own earlier roll-up, which would sum itself", async () => {
    const dir = join(root, "lan-hai");
    mkdirSync(dir);
    for (const f of ["a.xlsx", "b.xlsx"]) writeFileSync(join(dir, f), readFileSync(join(inDir, f)));
    const args = (out: string) => asUnit("SO_Y_TE", "Sở Y tế", out);
    const first = join(root, "lan-hai-SO_Y_TE.xlsx");
    expect(
      await main(["consolidate", dir, "--out", join(root, "lan-hai-1.xlsx"), ...args(first)], capture()),
    ).toBe(0);
    writeFileSync(join(dir, "SO_Y_TE (ban truoc).xlsx"), readFileSync(first));
    const io = capture();
    const again = join(root, "lan-hai-SO_Y_TE-2.xlsx");
    expect(await main(["consolidate", dir, "--out", join(root, "lan-hai-2.xlsx"), ...args(again)], io)).toBe(
      1,
    );
    expect(io.stdout).toContain(
      "Chưa lập báo cáo tổng hợp gửi cấp trên (--rollup): Trong các báo cáo đã tổng hợp có báo cáo của chính SO_Y_TE (SO_Y_TE (ban truoc).xlsx), có thể là báo cáo gửi cấp trên lập lần trước.",
    );
    expect(existsSync(again)).toBe(false);
    // Asked to replace the earlier roll-up: it stays as it was, and the message says not to send it.
    const before = readFileSync(first);
    const over = capture();
    expect(
      await main(["consolidate", dir, "--out", join(root, "lan-hai-3.xlsx"), ...args(first)], over),
    ).toBe(1);
    expect(over.stdout).toContain(
      `Tệp ${first} đang có là của lần chạy trước, không được cập nhật: đừng gửi tệp đó lên cấp trên.`,
    );
    expect(readFileSync(first).equals(before)).toBe(true);
  });

  it("writes no roll-up of zeros when no report was accepted, and exits 1", async () => {
    const io = capture();
    const rollup = join(root, "rong", "SO_Y_TE.xlsx");
    const args = asUnit("SO_Y_TE", "Sở Y tế", rollup);
    const period = ["--period", "NAM", "--year", "2026"];
    expect(
      await main(["consolidate", inDir, "--out", join(root, "rong-th.xlsx"), ...period, ...args], io),
    ).toBe(1);
    expect(io.stdout).toContain(
      "Chưa lập báo cáo tổng hợp gửi cấp trên (--rollup): Không có báo cáo nào được chấp nhận, nên báo cáo gửi cấp trên sẽ toàn số 0 và chưa được lập: hãy sửa các tệp bị từ chối (lý do ở trang “Lỗi” của bảng tổng hợp) rồi tổng hợp lại.",
    );
    expect(existsSync(rollup)).toBe(false);
    expect(existsSync(join(root, "rong-th.xlsx"))).toBe(true);
  });

  it("says on the terminal when two roll-ups both sum a unit, which the total then counts twice", async () => {
    const dir = join(root, "hai-so");
    const make = async (inputs: string[], code: string, name: string): Promise<void> => {
      const io = capture();
      const args = asUnit(code, name, join(dir, `${code}.xlsx`));
      expect(
        await main(["consolidate", ...inputs, "--out", join(root, `${code}-th.xlsx`), ...args], io),
      ).toBe(0);
    };
    await make([inDir], "SO_Y_TE", "Sở Y tế");
    await make([join(inDir, "a.xlsx")], "SO_GD", "Sở Giáo dục");
    const io = capture();
    expect(await main(["consolidate", dir, "--out", join(root, "hai-so.xlsx")], io)).toBe(0);
    expect(io.stdout).toContain(
      `Cảnh báo: có đơn vị bị cộng hai lần vì nằm trong hai báo cáo tổng hợp:\n  ! ${join(dir, "SO_Y_TE.xlsx")}: Báo cáo tổng hợp của Sở Y tế và báo cáo tổng hợp của Sở Giáo dục (tệp SO_GD.xlsx) cùng tính đơn vị Phòng A (PHONG_A),`,
    );
  });

  it.each([
    [["--rollup", "x.xlsx", "--as-unit", "SO_A", "--name", "Sở A"]],
    [["--as-unit", "SO_A", "--name", "Sở A", "--type", "SO_NGANH"]],
    [["--rollup", "x.txt", "--as-unit", "SO_A", "--name", "Sở A", "--type", "SO_NGANH"]],
    [["--rollup", "x.xlsx", "--as-unit", "SO_A", "--name", "Sở A", "--type", "KHONG_CO"]],
  ])("refuses incomplete or bad roll-up options %j (exit 2, nothing written)", async (extra) => {
    const io = capture();
    const out = join(root, "bad", "tong-hop.xlsx");
    expect(await main(["consolidate", inDir, "--out", out, ...extra], io)).toBe(2);
    expect(io.stderr).toMatch(/--(rollup|type)/);
    expect(existsSync(out)).toBe(false);
  });

  it("a rule between options is stated as it is, not as a fault of an option that was not typed", async () => {
    const io = capture();
    const given = ["--as-unit", "SO_A", "--name", "Sở A", "--type", "SO_NGANH"];
    expect(await main(["consolidate", inDir, "--out", join(root, "bad", "th.xlsx"), ...given], io)).toBe(2);
    expect(io.stderr).toMatch(/^--rollup cần đủ --as-unit MÃ --name TÊN --type LOẠI/);
    expect(io.stderr).not.toContain("Tùy chọn --rollup không hợp lệ");
  });
});

describe("kl226 demo in two levels (samples/cap-so/CODE → the department's roll-up → province)", () => {
  const samples = join(root, "samples");
  const department = join(samples, "cap-so", "SO_Y_TE");
  mkdirSync(join(samples, "2026-6T"), { recursive: true });
  mkdirSync(department, { recursive: true });
  writeFileSync(
    join(samples, "2026-6T", "so-a.xlsx"),
    reportBytes({ unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, 90] } }),
  );
  writeFileSync(
    join(department, "bv.xlsx"),
    reportBytes({
      unit: "BV_TINH",
      name: "Bệnh viện tỉnh",
      type: "SU_NGHIEP",
      counts: { HN_TONG: [40, 30], HN_TRUC_TUYEN: [10, 20] },
    }),
  );
  writeFileSync(
    join(department, "vp.xlsx"),
    reportBytes({
      unit: "VP_SO_Y_TE",
      name: "Văn phòng Sở Y tế",
      type: "PHONG_THUOC_SO",
      counts: { HN_TONG: [60, 50], HN_TRUC_TUYEN: [20, 30] },
    }),
  );
  writeFileSync(
    join(samples, "roster.csv"),
    'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_A,Sở A,"Sở, ban, ngành"\nSO_Y_TE,Sở Y tế,"Sở, ban, ngành"\nSO_B,Sở B,"Sở, ban, ngành"\n',
  );
  const outDir = join(root, "demo-out");
  const io = capture();
  let code: number | undefined;
  beforeAll(async () => {
    code = await main(["demo", "--samples", samples, "--out-dir", outDir], io);
  });

  it("rolls the department's units up into its own valid report, named as on the province roster", () => {
    expect(code).toBe(0);
    expect(io.stderr).toBe("");
    const rollup = join(outDir, "cap-so", "SO_Y_TE.xlsx");
    expect(io.stdout).toContain(
      `Bước 1: Sở Y tế (SO_Y_TE) tổng hợp các đơn vị trực thuộc trong ${department}`,
    );
    expect(io.stdout).toContain(
      `Kiểm tra lại báo cáo gửi cấp trên ${rollup} theo mẫu: hợp lệ, không có lỗi.`,
    );
    const result = inspectBytes(new Uint8Array(readFileSync(rollup)), DEFAULT_PROFILE);
    expect(result.valid).toBe(true);
    expect(result.report?.unit).toMatchObject({ code: "SO_Y_TE", name: "Sở Y tế", typeId: "SO_NGANH" });
    expect(result.report?.values.HN_TONG).toEqual({ previous: 100, current: 80 });
  });

  it("consolidates the province from the direct reports and the roll-up, not from the department's units", () => {
    const json = JSON.parse(readFileSync(join(outDir, "tong-hop.json"), "utf8")) as {
      units: Array<{ code: string }>;
      missing: string[];
      province: { values: { HN_TONG: { current: number } } };
    };
    expect(json.units.map((u) => u.code)).toEqual(["SO_A", "SO_Y_TE"]);
    expect(json.missing).toEqual(["SO_B"]);
    expect(json.province.values.HN_TONG.current).toBe(170);
    expect(io.stdout).toContain("Bước 2: Sở Nội vụ tổng hợp toàn tỉnh");
  });

  it("checks the two-level totals against adding every unit directly, and writes the letters", () => {
    expect(io.stdout).toContain(
      "Kiểm tra hai cấp: tổng toàn tỉnh từ 2 báo cáo (có 1 báo cáo cấp sở) so với cộng trực tiếp 3 đơn vị: khớp cả 26 số liệu.",
    );
    expect(io.stdout).toContain(
      `Kết quả: bảng tổng hợp toàn tỉnh ${join(outDir, "tong-hop.xlsx")}; báo cáo cấp sở ${join(outDir, "cap-so", "SO_Y_TE.xlsx")}`,
    );
    expect(readdirSync(join(outDir, "thu-nhac"))).toContain("SO_B.docx");
  });
});
