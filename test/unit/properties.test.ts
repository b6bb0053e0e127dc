// Properties of judging and consolidation (issue: reliability), 1,000 generated cases each:
// pooled province ratios, verdicts independent of other files, order independence, exact
// judgement against BigInt arithmetic, and gaps that are exactly the items missing.

import fc from "fast-check";
import { parseProfile, type Profile } from "../../src/core/profile";
import { consolidate, consolidationJson } from "../../src/core/consolidate";
import type { Submission } from "../../src/core/consolidation";
import { finding } from "../../src/core/findings";
import {
  judgeMaxCount,
  judgeRatio,
  judgeReduction,
  type CountPair,
  type CountValues,
} from "../../src/core/judge";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import type { TaskRow, ValidationResult } from "../../src/core/unit-report";

// Seeded, as every property of the suite: CI draws the same cases on every run and a failure comes
// back on the next one; another seed, set here by hand, explores further.
const RUNS = { numRuns: 1000, seed: 226 };
type CountCode = string;
const COUNT_CODES = DEFAULT_PROFILE.form.counts.map((f) => f.code);

function profileWith(json: unknown): Profile {
  const r = parseProfile(json);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.profile;
}
const PERIOD = { kind: "6T", year: 2026 } as const;

/** A count pair for every code; `part ≤ whole` holds for each rule because parts are drawn as fractions of wholes. */
const countValuesArb: fc.Arbitrary<CountValues> = fc
  .record({
    hnPrev: fc.integer({ min: 0, max: 500 }),
    hnCur: fc.integer({ min: 0, max: 500 }),
    vbhcPrev: fc.integer({ min: 0, max: 2000 }),
    vbhcCur: fc.integer({ min: 0, max: 2000 }),
    wholes: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    cut: fc.integer({ min: 0, max: 20 }),
  })
  .map(({ hnPrev, hnCur, vbhcPrev, vbhcCur, wholes, shares, cut }) => {
    const share = (i: number, of: number): number => Math.floor((shares[i] ?? 0) * of);
    const [tthc = 0, vb = 0, vbkm = 0, cc = 0] = wholes;
    const cur = (n: number): CountPair => ({ previous: null, current: n });
    const v: Record<CountCode, CountPair> = {
      HN_TONG: { previous: hnPrev, current: hnCur },
      HN_TRUC_TUYEN: cur(share(0, hnCur)),
      HN_VUOT_THOI_LUONG: cur(share(1, hnCur) % 5),
      VB_HANH_CHINH: { previous: vbhcPrev, current: vbhcCur },
      TTHC_TONG: cur(tthc),
      TTHC_SO: cur(share(2, tthc)),
      VB_TONG: cur(vb),
      VB_SO_HOA: cur(share(3, vb)),
      VB_KHONG_MAT: cur(vbkm),
      VB_DIEN_TU: cur(share(4, vbkm)),
      CC_TONG: cur(cc),
      CC_KY_NANG_SO: cur(share(5, cc)),
      TTHC_CAT_GIAM: cur(cut),
    };
    return v;
  });

const TASK: TaskRow = {
  row: 5,
  content: DEFAULT_PROFILE.form.tasks[0]?.content ?? "Nhiệm vụ",
  lead: "",
  partners: "",
  product: "",
  deadlineText: "",
  deadline: null,
  status: "DONE",
  result: "",
  note: "",
};

function accepted(code: string, values: CountValues, day: number): ValidationResult {
  const reportDate = { year: 2026, month: 6, day };
  return {
    valid: true,
    findings: [],
    form: "KL226-BC/1",
    unit: code,
    unitName: `Đơn vị ${code}`,
    period: PERIOD.kind,
    year: PERIOD.year,
    reportDate,
    report: {
      form: "KL226-BC/1",
      texts: {},
      unit: { code, name: `Đơn vị ${code}`, type: "Sở, ban, ngành", typeId: "SO_NGANH" },
      period: PERIOD,
      reportDate,
      preparer: "",
      phone: "",
      email: "",
      values,
      tasks: [TASK],
      meetings: [],
    },
  };
}

function rejected(code: string): ValidationResult {
  return {
    valid: false,
    findings: [finding("MISSING_VALUE", "error", "Chỉ tiêu", "E5", `Thiếu số liệu (${code}).`)],
    form: "KL226-BC/1",
    unit: code,
    unitName: `Đơn vị ${code}`,
    period: PERIOD.kind,
    year: PERIOD.year,
    reportDate: { year: 2026, month: 6, day: 5 },
    report: null,
  };
}

interface UnitCase {
  readonly values: CountValues;
  readonly valid: boolean;
  readonly day: number;
}

const unitCaseArb: fc.Arbitrary<UnitCase> = fc.record({
  values: countValuesArb,
  valid: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
});

/** Distinct units (U0, U1, …), one file each. */
function submissions(cases: readonly UnitCase[]): Submission[] {
  return cases.map((c, i) => {
    const code = `U${i}`;
    return {
      file: `in/${code}.xlsx`,
      sha256: i.toString(16).padStart(64, "0"),
      result: c.valid ? accepted(code, c.values, c.day) : rejected(code),
    };
  });
}

/** A target written with a few decimals (0.95) as the exact fraction it stands for ([95n, 100n]). */
function decimalFraction(target: number): [bigint, bigint] {
  const [whole = "", decimals = ""] = String(target).split(".");
  if (!/^\d+$/.test(whole + decimals)) throw new Error(`not a plain decimal: ${target}`);
  return [BigInt(whole + decimals), 10n ** BigInt(decimals.length)];
}

const run = (subs: readonly Submission[], profile = DEFAULT_PROFILE): ReturnType<typeof consolidate> =>
  consolidate(subs, { profile, period: PERIOD });

describe("consolidation properties", () => {
  test("(a) pooled province ratios equal the ratio of the sums", () => {
    fc.assert(
      fc.property(fc.array(countValuesArb, { minLength: 1, maxLength: 8 }), (values) => {
        const c = run(submissions(values.map((v) => ({ values: v, valid: true, day: 5 }))));
        for (const rule of DEFAULT_PROFILE.form.indicators) {
          if (rule.kind !== "ratio") continue;
          const part = values.reduce((n, v) => n + (v[rule.part]?.current ?? 0), 0);
          const whole = values.reduce((n, v) => n + (v[rule.whole]?.current ?? 0), 0);
          // The oracle is BigInt arithmetic on the sums, not judgeRatio (consolidate calls it).
          const [num, den] = decimalFraction(rule.target);
          const short = BigInt(part) * den < num * BigInt(whole);
          const expected =
            whole === 0
              ? { value: null, status: "na", gap: 0 }
              : {
                  value: part / whole,
                  status: short ? "short" : "met",
                  gap: short ? Number((num * BigInt(whole) + den - 1n) / den) - part : 0,
                };
          expect(c.province.indicators[rule.id]).toEqual({
            ...expected,
            target: rule.target,
            comparison: ">=",
          });
        }
      }),
      RUNS,
    );
  });

  test("(a) … and not the average of the units' ratios", () => {
    const unit = (part: number, whole: number): CountValues => {
      const v = Object.fromEntries(
        COUNT_CODES.map((code) => [code, { previous: null, current: null }]),
      ) as Record<CountCode, CountPair>;
      return {
        ...v,
        HN_TONG: { previous: whole, current: whole },
        HN_TRUC_TUYEN: { previous: null, current: part },
        HN_VUOT_THOI_LUONG: { previous: null, current: 0 },
        VB_HANH_CHINH: { previous: 1, current: 1 },
      };
    };
    // 1/2 and 90/100 against 80%: the average of ratios is 70% (would be short), the pooled ratio 91/102 ≈ 89% is met.
    const profile = profileWith({ targets: { ONLINE_RATIO: 0.8 } });
    const c = run(
      submissions([
        { values: unit(1, 2), valid: true, day: 5 },
        { values: unit(90, 100), valid: true, day: 5 },
      ]),
      profile,
    );
    expect(c.province.indicators.ONLINE_RATIO!.value).toBeCloseTo(91 / 102, 12);
    expect(c.province.indicators.ONLINE_RATIO!.status).toBe("met");
    expect(c.province.indicators.ONLINE_RATIO!.value).not.toBeCloseTo((1 / 2 + 90 / 100) / 2, 6);
  });

  test("(b) a file's verdict and findings do not depend on the other files", () => {
    fc.assert(
      fc.property(fc.array(unitCaseArb, { minLength: 2, maxLength: 8 }), fc.nat(), (cases, pick) => {
        const subs = submissions(cases);
        const target = subs[pick % subs.length]!;
        const together = run(subs);
        const alone = run([target]);
        const verdict = (c: ReturnType<typeof run>): unknown => ({
          source: c.sources.find((s) => s.file === target.file),
          rejected: c.rejected.find((r) => r.file === target.file),
          unit: c.units.find((u) => u.file === target.file),
          warnings: c.warnings.filter((w) => w.file === target.file),
          shortfalls: c.shortfalls.filter((s) => s.unit === target.result.unit),
        });
        expect(verdict(together)).toEqual(verdict(alone));
      }),
      RUNS,
    );
  });

  test("(c) the order of the inputs does not change the consolidation JSON (duplicates included)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unit: unitCaseArb, code: fc.integer({ min: 0, max: 4 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (items, keys) => {
          // Several files may carry the same unit code (duplicates), each with its own file name.
          const subs: Submission[] = items.map(({ unit, code }, i) => ({
            file: `in/${i}.xlsx`,
            sha256: i.toString(16).padStart(64, "0"),
            result: unit.valid ? accepted(`U${code}`, unit.values, unit.day) : rejected(`U${code}`),
          }));
          const shuffled = subs
            .map((s, i) => ({ s, k: keys[i] ?? 0 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.s);
          const reversed = [...subs].reverse();
          const expected = JSON.stringify(consolidationJson(run(subs)));
          expect(JSON.stringify(consolidationJson(run(shuffled)))).toBe(expected);
          expect(JSON.stringify(consolidationJson(run(reversed)))).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});

/** A target with up to 4 decimals, as k / 10^d, with its exact fraction. */
const targetArb = fc
  .record({ d: fc.integer({ min: 0, max: 4 }), k: fc.integer({ min: 0, max: 10_000 }) })
  .map(({ d, k }) => {
    const den = 10 ** d;
    const num = k % (den + 1); // 0 ≤ target ≤ 1
    return { value: num / den, num: BigInt(num), den: BigInt(den) };
  });

/** Counts from small to past 2^53 / 10^4, so products need BigInt. */
const countArb = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 2 ** 50 }),
);

describe("judging is exact", () => {
  test("(d) judgeRatio is met exactly when part/whole ≥ target as fractions", () => {
    fc.assert(
      fc.property(countArb, countArb, targetArb, (a, b, t) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        const j = judgeRatio(part, whole, t.value);
        if (whole === 0) return expect(j.status).toBe("na");
        expect(j.status === "met").toBe(BigInt(part) * t.den >= t.num * BigInt(whole));
      }),
      RUNS,
    );
  });

  test("(d) judgeReduction is met exactly when (previous − current)/previous ≥ target as fractions", () => {
    fc.assert(
      fc.property(countArb, countArb, targetArb, (previous, current, t) => {
        const j = judgeReduction(previous, current, t.value);
        if (previous === 0) return expect(j.status).toBe("na");
        expect(j.status === "met").toBe(
          (BigInt(previous) - BigInt(current)) * t.den >= t.num * BigInt(previous),
        );
      }),
      RUNS,
    );
  });

  test("(e) gap is 0 exactly when met; part + gap meets a short ratio and part + gap − 1 does not", () => {
    let shorts = 0;
    fc.assert(
      fc.property(countArb, countArb, targetArb, (a, b, t) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        fc.pre(whole > 0);
        const j = judgeRatio(part, whole, t.value);
        expect(j.gap === 0).toBe(j.status === "met");
        if (j.status === "short") {
          shorts += 1;
          // A short ratio always has a gap: a null one must fail here, not skip the checks.
          expect(j.gap).toBeGreaterThan(0);
          const gap = j.gap!;
          expect(part + gap).toBeLessThanOrEqual(whole);
          expect(judgeRatio(part + gap, whole, t.value).status).toBe("met");
          expect(judgeRatio(part + gap - 1, whole, t.value).status).toBe("short");
        }
      }),
      RUNS,
    );
    // The draws reach the short branch (else the checks above prove nothing).
    expect(shorts).toBeGreaterThan(RUNS.numRuns / 10);
  });

  test("(e) for reductions and maximum counts, removing gap items meets the target and gap − 1 does not", () => {
    const shorts = { reduction: 0, max: 0 };
    fc.assert(
      fc.property(
        countArb,
        countArb,
        targetArb,
        fc.integer({ min: 0, max: 10 }),
        (previous, current, t, max) => {
          fc.pre(previous > 0);
          const j = judgeReduction(previous, current, t.value);
          expect(j.gap === 0).toBe(j.status === "met");
          if (j.status === "short") {
            shorts.reduction += 1;
            expect(j.gap).toBeGreaterThan(0);
            const gap = j.gap!;
            expect(judgeReduction(previous, current - gap, t.value).status).toBe("met");
            expect(judgeReduction(previous, current - gap + 1, t.value).status).toBe("short");
          }
          const m = judgeMaxCount(current, max);
          expect(m.gap === 0).toBe(m.status === "met");
          if (m.status === "short") {
            shorts.max += 1;
            expect(m.gap).toBeGreaterThan(0);
            const gap = m.gap!;
            expect(judgeMaxCount(current - gap, max).status).toBe("met");
            expect(judgeMaxCount(current - gap + 1, max).status).toBe("short");
          }
        },
      ),
      RUNS,
    );
    expect(shorts.reduction).toBeGreaterThan(RUNS.numRuns / 10);
    expect(shorts.max).toBeGreaterThan(RUNS.numRuns / 10);
  });
});
