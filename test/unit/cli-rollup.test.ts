// kl226 consolidate --rollup (with --as-unit/--name/--type) and --letters on temp files: the roll-up
// is written and validates clean; the four roll-up options go together; one letter file per unit.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectBytes } from "../../src/app/inspect";
import { main, type Io } from "../../src/cli/main";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { readXlsx } from "../../src/xlsx/read";
import { reportBytes } from "../helpers/report-builder";

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", isErrTty: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const root = mkdtempSync(join(tmpdir(), "kl226-rollup-"));
const inDir = join(root, "in");
mkdirSync(inDir);
writeFileSync(join(inDir, "a.xlsx"), reportBytes({ unit: "PHONG_A", name: "Phòng A", counts: { HN_TONG: [100, 90] } }));
writeFileSync(join(inDir, "b.xlsx"), reportBytes({ unit: "PHONG_B", name: "Phòng B", counts: { HN_TONG: [200, 120] } }));

describe("kl226 consolidate --rollup", () => {
  it("writes a roll-up that validates clean and carries the sums", async () => {
    const io = capture();
    const rollup = join(root, "out", "so.xlsx");
    const code = await main(
      ["consolidate", inDir, "--out", join(root, "out", "tong-hop.xlsx"), "--as-unit", "so_y_te", "--name", "Sở Y tế", "--type", "SO_NGANH", "--rollup", rollup],
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
});

describe("kl226 consolidate --letters", () => {
  it("writes one UTF-8 .txt per unit to follow up and a Thư nhắc sheet", async () => {
    const roster = join(root, "ds.csv");
    writeFileSync(roster, "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nPHONG_A,Phòng A,\"Sở, ban, ngành\"\nPHONG_B,Phòng B,\"Sở, ban, ngành\"\nPHONG_C,Phòng C,\"Sở, ban, ngành\"\n");
    const dir = join(root, "thu");
    const out = join(root, "out-letters", "tong-hop.xlsx");
    const io = capture();
    expect(await main(["consolidate", inDir, "--out", out, "--roster", roster, "--letters", dir], io)).toBe(0);
    expect(io.stderr).toBe("");
    // PHONG_B: 60 online of 120 meetings is short of 60 %; PHONG_C sent nothing.
    expect(readdirSync(dir)).toEqual(["PHONG_B.txt", "PHONG_C.txt"]);
    expect(readFileSync(join(dir, "PHONG_B.txt"), "utf8")).toContain("Cần thêm 12 cuộc họp trực tuyến");
    expect(readFileSync(join(dir, "PHONG_C.txt"), "utf8")).toContain("Kính gửi: Phòng C (mã đơn vị PHONG_C)");
    expect(io.stdout).toContain("Thư nhắc: 2 đơn vị");
    const read = readXlsx(new Uint8Array(readFileSync(out)));
    expect(read.ok && read.workbook.sheets.map((x) => x.name)).toContain("Thư nhắc");
  });
});

describe("kl226 demo", () => {
  it("also writes the province roll-up and says it validates clean", async () => {
    const outDir = join(root, "demo-out");
    const io = capture();
    expect(await main(["demo", "--samples", inDir, "--out-dir", outDir], io)).toBe(0);
    const rollup = join(outDir, "tong-hop-rollup.xlsx");
    expect(io.stdout).toContain(`báo cáo gửi cấp trên của TINH_THANH_HOA (mẫu KL226-BC/1, cộng 2 đơn vị): ${rollup}`);
    expect(io.stdout).toContain("hợp lệ, không có lỗi");
    const result = inspectBytes(new Uint8Array(readFileSync(rollup)), DEFAULT_PROFILE);
    expect(result.valid).toBe(true);
    expect(result.report?.values.HN_TONG).toEqual({ previous: 300, current: 210 });
  });
});
