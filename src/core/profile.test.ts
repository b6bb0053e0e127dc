import { DEFAULT_PROFILE, parseProfile } from "./profile";

test("the default profile holds the SPEC targets, deadlines and the 12 appendix tasks", () => {
  expect(DEFAULT_PROFILE.targets).toEqual({
    ONLINE_RATIO: 0.6,
    MEETING_REDUCTION: 0.1,
    DOC_REDUCTION: 0.15,
    TTHC_DIGITAL_RATIO: 0.95,
    DIGITIZATION_RATIO: 0.95,
    EDOC_RATIO: 1,
    OVERTIME_MEETINGS: 0,
    DIGITAL_SKILLS_RATIO: 1,
  });
  expect(DEFAULT_PROFILE.deadlines).toEqual({ "6T": { day: 6, month: 6 }, NAM: { day: 6, month: 12 } });
  expect(DEFAULT_PROFILE.tasks).toHaveLength(12);
  expect(DEFAULT_PROFILE.tasks[3]?.deadline).toBe("Quý IV/2026");
});

test("a province profile overrides only what it names", () => {
  const r = parseProfile({ name: "Tỉnh X", targets: { ONLINE_RATIO: 0.7 }, deadlines: { "6T": { day: 10, month: 6 } } });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.profile.targets.ONLINE_RATIO).toBe(0.7);
  expect(r.profile.targets.DOC_REDUCTION).toBe(0.15);
  expect(r.profile.deadlines).toEqual({ "6T": { day: 10, month: 6 }, NAM: { day: 6, month: 12 } });
  expect(r.profile.tasks).toBe(DEFAULT_PROFILE.tasks);
});

test("a bad profile is refused with Vietnamese errors that name the key", () => {
  const r = parseProfile({ targets: { ONLINE_RATIO: 60, NOPE: 1 }, deadlines: { NAM: { day: 31, month: 2 } } });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const text = r.errors.join("\n");
  expect(text).toMatch(/targets/);
  expect(text).toMatch(/NOPE/);
  expect(text).toMatch(/deadlines\.NAM/);
});

test("roster units in a profile are checked", () => {
  const r = parseProfile({ roster: [{ code: "so noi vu", name: "Sở Nội vụ", type: "Sở, ban, ngành" }] });
  expect(r.ok).toBe(false);
  const ok = parseProfile({ roster: [{ code: "so_noi_vu", name: "Sở Nội vụ", type: "Sở, ban, ngành" }] });
  expect(ok.ok && ok.profile.roster?.[0]?.code).toBe("SO_NOI_VU");
});
