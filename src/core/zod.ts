// zod as every module uses it (import { z } from "./zod", never from "zod"): set up before any schema is
// built. Without `jitless` zod compiles a fast path for each object schema with new Function at its
// first parse; a run parses a handful of values (the built-in forms at load, a profile, the options,
// a roster), so compiling costs more than it saves — ≈ 16 ms of every command's start-up, a roster of
// 10,000 rows parses as fast either way (docs/DECISIONS.md) — and in the page, whose
// Content-Security-Policy forbids eval, zod's probe for it is a refused evaluation.
// `z` holds only the functions we use (./zod-api), so bundles leave the rest of zod out.
import { config } from "zod";

config({ jitless: true });

export * as z from "./zod-api";

/**
 * zod's default messages in Vietnamese, for `safeParse(value, { error: vietnameseIssue })` (a
 * schema's own message always wins): zod's English ("Invalid input: expected number, received
 * string") reached users where a schema had none.
 */
export function vietnameseIssue(issue: { code: string; input?: unknown; origin?: string }): string {
  if (issue.input === undefined) return "thiếu giá trị";
  if (issue.code === "too_small" && issue.origin === "string") return "không được để trống";
  if (issue.code === "invalid_type") return "giá trị không đúng kiểu";
  return "giá trị không hợp lệ";
}
