// Issue 11 acceptance: for random form definitions (1–20 counts, random part rules, indicators of
// every kind and comparison), the generated template filled with consistent values validates clean
// through the real writer and reader, and the province row of a consolidation equals the sums (and
// the weighted percentages) computed here, independently of the code under test.
import fc from "fast-check";
import { inspectBytes } from "../../src/app/inspect";
import { consolidate } from "../../src/core/consolidate";
import type { Submission } from "../../src/core/consolidation";
import { formSchema, type Form, type FormInput } from "../../src/core/form";
import { DEFAULT_PROFILE, type Profile } from "../../src/core/profile";
import type { CellInput } from "../../src/core/sheetspec";
import { reportBytes } from "../helpers/report-builder";

interface Drawn {
  readonly form: Form;
  /** Per unit, per count code: [previous, current] as typed (null = blank). */
  readonly units: ReadonlyArray<Record<string, [number | null, number | null]>>;
}

const comparison = fc.constantFrom(">=" as const, ">" as const, "<=" as const, "=" as const);
const fraction = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);

/** A random valid form: counts C0…Cn−1 (the last one or two may be a percentage and its weight), parts only from a lower to a higher index (no cycles). */
const formArb: fc.Arbitrary<Form> = fc
  .record({
    n: fc.integer({ min: 1, max: 20 }),
    withPercent: fc.boolean(),
    required: fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 20, maxLength: 20 }),
    partPairs: fc.array(fc.tuple(fc.nat(19), fc.nat(19)), { maxLength: 12 }),
    indicatorPicks: fc.array(
      fc.record({
        kind: fc.constantFrom("ratio", "reduction", "maxCount", "minCount", "percent"),
        a: fc.nat(19),
        b: fc.nat(19),
        t: fraction,
        n: fc.nat(50),
        op: comparison,
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ n, withPercent, required, partPairs, indicatorPicks }) => {
    const percent = withPercent && n >= 2;
    const integers = percent ? n - 1 : n;
    const counts: NonNullable<FormInput["counts"]> = Array.from({ length: integers }, (_, i) => ({
      code: `C${i}`,
      label: `Số liệu ${i}`,
      unit: "cái",
      previousRequired: required[i]![0],
      currentRequired: required[i]![1],
    }));
    if (percent) counts.push({ code: "TYLE", label: "Tỷ lệ hài lòng (%)", unit: "%", type: "percent" });
    const parts = partPairs
      .map(([x, y]) => [Math.min(x, y) % integers, Math.max(x, y) % integers] as const)
      .filter(([w, p]) => w < p)
      .map(([w, p]) => ({ part: `C${p}`, whole: `C${w}` }));
    const uniqueParts = [...new Map(parts.map((r) => [`${r.part}<${r.whole}`, r])).values()];
    const indicators: NonNullable<FormInput["indicators"]> = [];
    indicatorPicks.forEach((k, i) => {
      const a = `C${k.a % integers}`;
      const b = `C${k.b % integers}`;
      const base = {
        id: `I${i}`,
        label: `Chỉ tiêu ${i}`,
        short: `CT ${i}`,
        itemUnit: "cái",
        comparison: k.op,
      };
      if (k.kind === "ratio") indicators.push({ ...base, kind: "ratio", part: a, whole: b, target: k.t });
      else if (k.kind === "reduction") indicators.push({ ...base, kind: "reduction", of: a, target: k.t });
      else if (k.kind === "maxCount") indicators.push({ ...base, kind: "maxCount", of: a, target: k.n });
      else if (k.kind === "minCount") indicators.push({ ...base, kind: "minCount", of: a, target: k.n });
      else if (percent)
        indicators.push({ ...base, kind: "percent", rate: "TYLE", weight: `C${integers - 1}`, target: k.t });
    });
    return formSchema.parse({
      id: "THU-BC/1",
      title: "Báo cáo thử",
      subject: "kế hoạch thử",
      periods: [{ kind: "6T", deadline: { day: 6, month: 6 } }],
      counts,
      parts: uniqueParts,
      indicators,
      tasks: [{ content: "Nhiệm vụ thử", deadline: "Năm 2026" }],
    });
  });

/** Values that satisfy the form: wholes before parts (parts point to lower indices), each part ≤ its wholes. */
function unitArb(form: Form): fc.Arbitrary<Record<string, [number | null, number | null]>> {
  const n = form.counts.length;
  return fc
    .record({
      raw: fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { minLength: n, maxLength: n }),
      blanks: fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: n, maxLength: n }),
      // A rate is 0 or above 1% (SPEC §8 as decided: 0 < rate ≤ 1 typed plain is refused as a fraction).
      rate: fc.oneof(fc.constant(0), fc.integer({ min: 101, max: 10_000 })),
    })
    .map(({ raw, blanks, rate }) => {
      const values: Record<string, [number | null, number | null]> = {};
      const weight = form.indicators.find((i) => i.kind === "percent");
      form.counts.forEach((f, i) => {
        if (f.type === "percent") {
          values[f.code] = [null, rate / 100];
          return;
        }
        const wholes = form.parts.filter((p) => p.part === f.code).map((p) => values[p.whole]!);
        const pick = (column: 0 | 1, required: boolean): number | null => {
          if (!required && blanks[i]![column]) return null;
          const limits = wholes.map((w) => w[column]).filter((w): w is number => w !== null);
          return limits.length === 0 ? raw[i]![column] : raw[i]![column] % (Math.min(...limits) + 1);
        };
        values[f.code] = [pick(0, f.previousRequired), pick(1, f.currentRequired)];
      });
      // A percentage needs its weight (SPEC §8), at least one form: without one the rate is left blank.
      if (weight && weight.kind === "percent") {
        const w = values[weight.weight]!;
        if (w[1] === null || w[1] === 0) values[weight.rate]![1] = null;
      }
      return values;
    });
}

const drawnArb: fc.Arbitrary<Drawn> = formArb.chain((form) =>
  fc.array(unitArb(form), { minLength: 1, maxLength: 4 }).map((units) => ({ form, units })),
);

test("random forms: template → filled → validate is clean; the province row is the sums (percentages weighted)", () => {
  fc.assert(
    fc.property(drawnArb, ({ form, units }) => {
      const profile: Profile = { ...DEFAULT_PROFILE, name: "Hồ sơ thử", form };
      const submissions: Submission[] = units.map((values, i) => {
        const code = `DV_${i}`;
        const counts = Object.fromEntries(
          Object.entries(values).map(([k, v]) => [k, v as readonly [CellInput, CellInput]]),
        );
        const bytes = reportBytes({ unit: code, name: `Đơn vị ${i}`, counts }, [], profile);
        const result = inspectBytes(bytes, profile);
        // Clean, but for the one warning a drawn unit may earn: a ratio's part filled, its
        // (optional) whole left blank, said at the whole's row in column E (header in row 4).
        const cells = form.indicators.flatMap((ind) =>
          ind.kind === "ratio" && values[ind.part]?.[1] != null && values[ind.whole]?.[1] == null
            ? [`E${5 + form.counts.findIndex((f) => f.code === ind.whole)}`]
            : [],
        );
        const expected = [...new Set(cells)].map((cell) => ["MISSING_VALUE", "warning", cell]);
        expect(result.findings.map((f) => [f.code, f.severity, f.cell])).toEqual(expected);
        return { file: `${code}.xlsx`, sha256: code, result };
      });
      const c = consolidate(submissions, { profile });
      expect(c.units).toHaveLength(units.length);
      const percent = form.indicators.find((i) => i.kind === "percent");
      for (const f of form.counts) {
        for (const [column, k] of [
          ["previous", 0],
          ["current", 1],
        ] as const) {
          const got = c.province.values[f.code]![column];
          if (f.type === "percent") {
            const given =
              percent && percent.kind === "percent"
                ? units.filter((u) => u[f.code]![k] !== null && u[percent.weight]![k] !== null)
                : [];
            const weights = given.reduce(
              (s, u) => s + u[percent && percent.kind === "percent" ? percent.weight : ""]![k]!,
              0,
            );
            const weighted = given.reduce(
              (s, u) =>
                s +
                Math.round(u[f.code]![k]! * 100) *
                  u[percent && percent.kind === "percent" ? percent.weight : ""]![k]!,
              0,
            );
            if (weights === 0) expect(got).toBeNull();
            else expect(got).toBeCloseTo(weighted / weights / 100, 9);
          } else {
            const filled = units.map((u) => u[f.code]![k]).filter((v): v is number => v !== null);
            expect(got).toBe(filled.length === 0 ? null : filled.reduce((a, b) => a + b, 0));
          }
        }
      }
      // Every indicator is judged for every unit (met, short or na), and counted once at the province.
      for (const ind of form.indicators) {
        const n = c.province.counts[ind.id]!;
        expect(n.met + n.short + n.na).toBe(units.length);
      }
    }),
    { numRuns: 40, seed: 226 },
  );
}, 120_000);
