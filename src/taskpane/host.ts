// Where the page runs, read defensively in one place: inside Excel (Office.js reports the Excel
// host) or standalone (office.js missing, Office.onReady without a host, or no answer in time).

export type HostKind = "excel" | "standalone";

/** The part of the global Office object this module needs (office.js may not be loaded at all). */
interface OfficeLike {
  onReady(): Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }>;
}

function officeGlobal(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return typeof g.Office === "object" && g.Office !== null && typeof g.Office.onReady === "function" ? g.Office : undefined;
}

/**
 * Resolves to "excel" only when office.js loaded and Office.onReady reports Excel within
 * `timeoutMs`; otherwise "standalone". Never rejects and never hangs.
 */
export async function detectHost(timeoutMs = 4000): Promise<HostKind> {
  const office = officeGlobal();
  if (!office) return "standalone";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HostKind>((resolve) => {
    timer = setTimeout(() => resolve("standalone"), timeoutMs);
  });
  const ready = office
    .onReady()
    .then((info): HostKind => {
      // Compared as text: Office.HostType.Excel is the string "Excel".
      return String(info.host) === "Excel" ? "excel" : "standalone";
    })
    .catch((): HostKind => "standalone");
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** True when the running Excel supports an API set (false outside Excel or when unknown). */
export function supportsExcelApi(version: string): boolean {
  const g = globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, v?: string): boolean } } } };
  try {
    return g.Office?.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}
