// Findings as the taskpane lists them: grouped by sheet (in first-seen order), with counts.

import type { Finding } from "../core/findings";

export interface FindingGroup {
  /** Sheet name, or null for findings about the whole file. */
  readonly sheet: string | null;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.sheet);
    if (list) list.push(f);
    else groups.set(f.sheet, [f]);
  }
  return [...groups.entries()].map(([sheet, list]) => ({
    sheet,
    findings: list,
    errors: list.filter((f) => f.severity === "error").length,
    warnings: list.filter((f) => f.severity === "warning").length,
  }));
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
