// What Excel's formula autocomplete shows for =KL226.*: functions.json as the build's plugin makes it
// from src/functions/functions.ts's JSDoc (custom-functions-metadata, the generator the plugin calls),
// without the slow production build of webpack-build.test.ts.

import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Parameter {
  readonly name: string;
  readonly description?: string;
}
interface Fn {
  readonly id: string;
  readonly description?: string;
  readonly parameters: readonly Parameter[];
}

let functions: Fn[];
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    resolve(__dirname, "../../src/functions/functions.ts"),
  );
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
}, 60_000);

const SPEC_IDS = [
  ...["ONLINE_RATIO", "MEETING_REDUCTION", "DOC_REDUCTION", "TTHC_DIGITAL_RATIO", "DIGITIZATION_RATIO"],
  ...["EDOC_RATIO", "OVERTIME_MEETINGS", "DIGITAL_SKILLS_RATIO", "CONG_KHAI_RATIO", "DVC_TRUC_TUYEN_RATIO"],
  ...["SO_HOA_HO_SO_RATIO", "TAI_SU_DUNG_RATIO", "DUNG_HAN_RATIO", "KQ_DIEN_TU_RATIO", "XIN_LOI_RATIO"],
  ...["THANH_TOAN_DT_RATIO", "PAKN_RATIO", "HAI_LONG", "VB_DIEN_TU_RATIO", "CHU_KY_SO_RATIO"],
  ...["THU_CONG_VU_RATIO", "GIAI_NGAN_RATIO"],
];

const param = (id: string, name: string): string =>
  functions.find((f) => f.id === id)?.parameters.find((p) => p.name === name)?.description ?? "";

test("TARGET, CHECK and GAP name an indicator of each form, KL226-BC/1 and CCHC-BC/2025 (CHECK and GAP named ONLINE_RATIO only)", () => {
  for (const id of ["TARGET", "CHECK", "GAP"]) {
    const help = param(id, "indicator");
    for (const named of [/"ONLINE_RATIO"/, /KL226-BC\/1/, /"SO_HOA_HO_SO_RATIO"/, /CCHC-BC\/2025/])
      expect([id, help]).toEqual([id, expect.stringMatching(named)]);
    // Every id shown is one the forms have (SPEC §2 and §8's tables).
    for (const [, code] of help.matchAll(/"([A-Z][A-Z0-9_]*)"/g)) expect(SPEC_IDS).toContain(code);
  }
});

test("every optional profile argument is helped alike, with a shipped name of each form (GAP's had none)", () => {
  for (const id of ["TARGET", "CHECK", "GAP", "DUE_DATE"])
    expect([id, param(id, "profile")]).toEqual([
      id,
      'Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226" hoặc "hcm-attp-cchc-2025"; bỏ trống: mặc định.',
    ]);
  expect(param("MEETING_OK", "profile")).toMatch(/^Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226"/);
});

test("DUE_DATE says the quarters' default deadline, the 15th of the quarter's last month (SPEC §8)", () => {
  expect(functions.find((f) => f.id === "DUE_DATE")?.description).toMatch(/quý .*ngày 15 tháng cuối quý/);
});

test("DUE_DATE's help says its default is KL226-BC/1's and other plans name their profile, with the CCHC year report's example (NAM alone gave 06/12, the CCHC report being due 15/12)", () => {
  const help = functions.find((f) => f.id === "DUE_DATE")?.description ?? "";
  expect(help).toMatch(/mặc định theo biểu mẫu KL226-BC\/1: 6 tháng 6\/6, năm 6\/12/);
  expect(help).toMatch(
    /Kế hoạch khác cần ghi tên hồ sơ, ví dụ báo cáo năm CCHC hạn 15\/12: =KL226\.DUE_DATE\("NAM"; 2025; "hcm-attp-cchc-2025"\)/,
  );
});

test("MEETING_OK's profile help says a form without a Hội nghị sheet, the CCHC one, is #N/A", () => {
  expect(param("MEETING_OK", "profile")).toMatch(
    /Hồ sơ có biểu mẫu không có trang Hội nghị \(như "hcm-attp-cchc-2025"\) cho #N\/A\.$/,
  );
});
