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

test("DUE_DATE's period help says the default deadlines, KL226-BC/1's and the quarters' 15th of the quarter's last month (SPEC §8)", () => {
  expect(param("DUE_DATE", "period")).toBe(
    'Kỳ: "6T" (mặc định hạn 6/6), "NAM" (6/12), "Q1"–"Q4" (quý CCHC-BC/2025: ngày 15 tháng cuối quý).',
  );
});

test("DUE_DATE's help says its default is KL226-BC/1's and another plan names its profile, in one line (it was 277 characters, with a formula)", () => {
  expect(functions.find((f) => f.id === "DUE_DATE")?.description).toBe(
    "Hạn gửi báo cáo của kỳ (mặc định theo biểu mẫu KL226-BC/1; kế hoạch khác: ghi tên hồ sơ).",
  );
});

// Excel's formula autocomplete shows a function's description in a tooltip of about one line; past
// about 100 characters the rest is cut or wraps over the sheet (the detail is in README's add-in part).
test("every function's autocomplete description is one line, at most 100 characters (DUE_DATE's was 277, MEETING_OK's 143, GAP's 116, DEADLINE's 105)", () => {
  const lengths = functions.map((f) => [f.id, [...(f.description ?? "")].length] as const);
  expect(lengths.map(([id]) => id)).toEqual([
    ...["ONLINE_RATIO", "REDUCTION", "RATIO", "TARGET", "CHECK", "GAP", "MEETING_OK", "DUE_DATE", "DEADLINE"],
  ]);
  expect(lengths.filter(([, length]) => length === 0 || length > 100)).toEqual([]);
});

test("MEETING_OK's profile help says a profile without a Hội nghị sheet is #N/A, in one line (it was 178 characters)", () => {
  expect(param("MEETING_OK", "profile")).toBe(
    'Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226"; bỏ trống: mặc định. Không có trang Hội nghị: #N/A.',
  );
});

// An argument's help shows in the same tooltip while that argument is typed: held to the
// descriptions' one line (TARGET's indicator help was 175 characters, MEETING_OK's profile 178).
test("every argument's help is one line, at most 100 characters, as the descriptions (TARGET's indicator help was 175)", () => {
  const helps = functions.flatMap((f) =>
    f.parameters.map((p) => [`${f.id}(${p.name})`, [...(p.description ?? "")].length] as const),
  );
  expect(helps).toHaveLength(22);
  expect(helps.filter(([, length]) => length === 0 || length > 100)).toEqual([]);
  expect(param("TARGET", "indicator")).toBe(
    'Mã chỉ tiêu, ví dụ "ONLINE_RATIO" (KL226-BC/1) hoặc "SO_HOA_HO_SO_RATIO" (CCHC-BC/2025).',
  );
});

test("CHECK's value, GAP's a and MEETING_OK's days say an empty cell gives #N/A “Chưa nhập…” (the message said it, the help did not)", () => {
  for (const [id, name] of [
    ["CHECK", "value"],
    ["GAP", "a"],
    ["MEETING_OK", "days"],
  ] as const)
    expect([id, name, param(id, name)]).toEqual([
      id,
      name,
      expect.stringMatching(/ Ô trống: #N\/A “Chưa nhập…”\.$/),
    ]);
  expect(param("CHECK", "value")).toBe(
    "Tỷ lệ: 0,59 hay 59%; số lượng: số nguyên; HAI_LONG: 95,6 (1 là 100%). Ô trống: #N/A “Chưa nhập…”.",
  );
});
