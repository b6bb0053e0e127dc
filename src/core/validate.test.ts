import { reportBytes } from "../../test/helpers/report-builder";
import { inspectBytes } from "../app/inspect";
import { DEFAULT_PROFILE } from "./profile";

test("a filled template validates clean", () => {
  const r = inspectBytes(reportBytes({ unit: "SO_NOI_VU", name: "Sở Nội vụ" }), DEFAULT_PROFILE);
  expect(r.findings).toEqual([]);
  expect(r.valid).toBe(true);
});
