// Where the page runs, read defensively in one place. Inside an Office host the page waits for
// Office.onReady however long Excel takes; in a plain browser it is standalone at once. The two
// are told apart before office.js answers by the signs office.js itself reads (docs/DECISIONS.md,
// "Deployment"). No timer ever decides.

export type HostKind = "excel" | "standalone";
/** "connecting": inside an Office host, Office.onReady has not answered yet. */
export type HostState = HostKind | "connecting";

/** What office.js reports once ready (`host` is null in a plain browser). */
export interface OfficeReadyInfo {
  readonly host: Office.HostType | string | null;
}

/** The part of the global Office object this module needs (office.js may not be loaded at all). */
export interface OfficeLike {
  onReady(): Promise<OfficeReadyInfo>;
}

export function officeGlobal(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return typeof g.Office === "object" && g.Office !== null && typeof g.Office.onReady === "function"
    ? g.Office
    : undefined;
}

/** The parts of the page office.js reads to find its host, before it has talked to the host. */
export interface PageSigns {
  readonly search: string;
  readonly hash: string;
  /** window.name: Office on the web and dialogs put JSON with hostInfo / xdmInfo there. */
  readonly windowName: string;
  /** sessionStorage "hostInfoValue": office.js keeps the host info there, so it survives a reload of the pane. */
  readonly storedHostInfo: string | null;
  /** A host bridge object is present (see `hostBridge`). */
  readonly bridge: boolean;
}

interface WindowLike {
  readonly location: { readonly search: string; readonly hash: string };
  readonly name: string;
  readonly sessionStorage?: { getItem(key: string): string | null };
  readonly external?: unknown;
  readonly chrome?: unknown;
  readonly webkit?: unknown;
  readonly agaveHost?: unknown;
}

const has = (o: unknown, key: string): boolean =>
  typeof o === "object" && o !== null && key in o && (o as Record<string, unknown>)[key] != null;

/**
 * The bridges Office hosts inject into the page: window.external.GetContext / GetHostInfo (the
 * Internet Explorer and Edge Legacy webviews of Office on Windows), the `agaveHost` global,
 * window.webkit.messageHandlers.Agave (Office on Mac), window.chrome.webview (WebView2, which
 * Office on Windows uses today; a desktop browser has window.chrome but no webview in it).
 */
function hostBridge(w: WindowLike): boolean {
  try {
    const ext = w.external as { GetContext?: unknown; GetHostInfo?: unknown } | undefined;
    if (ext && (typeof ext.GetContext !== "undefined" || typeof ext.GetHostInfo !== "undefined")) return true;
    if (w.agaveHost != null) return true;
    const webkit = w.webkit as { messageHandlers?: unknown } | undefined;
    if (webkit && has(webkit.messageHandlers, "Agave")) return true;
    return has(w.chrome, "webview");
  } catch {
    // Some hosts throw on reading window.external members; a throwing bridge is still a bridge.
    return true;
  }
}

export function readPageSigns(w: WindowLike = window as unknown as WindowLike): PageSigns {
  let storedHostInfo: string | null = null;
  try {
    storedHostInfo = w.sessionStorage?.getItem("hostInfoValue") ?? null;
  } catch {
    // sessionStorage is refused in some sandboxed frames.
  }
  return {
    search: w.location.search,
    hash: w.location.hash,
    windowName: w.name,
    storedHostInfo,
    bridge: hostBridge(w),
  };
}

/**
 * Which sign says the page runs inside an Office host, or null for a plain browser. Office adds
 * `_host_Info=Excel$Win32$16.01$vi-VN$…` (or `Excel$Mac…`, `Excel|Web|…`) to the page address.
 */
export function officeHostSign(signs: PageSigns): string | null {
  if (/[?&#]_host_Info=/i.test(signs.search) || /[#&]_host_Info=/i.test(signs.hash)) return "_host_Info";
  if (/_xdm_Info=/i.test(signs.hash)) return "_xdm_Info";
  if (signs.storedHostInfo) return "sessionStorage";
  if (/"(hostInfo|xdmInfo)"\s*:/.test(signs.windowName) || signs.windowName.includes("_xdm_"))
    return "window.name";
  if (signs.bridge) return "bridge";
  return null;
}

const isExcel = (info: OfficeReadyInfo | undefined): boolean => String(info?.host) === "Excel";

/** The logger office.js sets up (OSF.Logger.ulsEndpoint): 3 s after it starts it adds a hidden frame. */
interface OfficeLogger {
  loadProxyFrame?: unknown;
}

/**
 * Keeps office.js's logger from adding its hidden frame (telemetryservice.firstpartyapps.oaspapps.com).
 * Our Content-Security-Policy (`default-src 'self'`) refuses that frame, so all it ever showed was
 * Chromium's error page, drawn on the page's own thread: a 40–70 ms task 3 s after opening, inside a
 * clerk's first consolidation if it started by then (Chromium trace), and a CSP violation in the
 * console. The frame cannot load under our policy, so it is not made. True when the logger was there.
 */
export function stopOfficeLoggerFrame(g: unknown = globalThis): boolean {
  try {
    const endpoint = (g as { OSF?: { Logger?: { ulsEndpoint?: OfficeLogger } } }).OSF?.Logger?.ulsEndpoint;
    if (endpoint === undefined || endpoint === null || typeof endpoint.loadProxyFrame !== "function")
      return false;
    endpoint.loadProxyFrame = () => undefined;
    return true;
  } catch {
    // A host whose office.js differs: nothing to stop.
    return false;
  }
}

/**
 * Reports where the page runs, at once and again when that changes. Without office.js: "standalone".
 * Inside an Office host: "connecting", then "excel" when Office.onReady says so however late, or
 * "standalone" if it reports another host or fails. In a plain browser: "standalone" at once, and
 * "excel" should office.js report Excel after all (a host these signs missed).
 */
export function watchHost(
  report: (state: HostState) => void,
  office: OfficeLike | undefined = officeGlobal(),
  signs: () => PageSigns = readPageSigns,
): void {
  if (!office) {
    report("standalone");
    return;
  }
  const hosted = officeHostSign(signs()) !== null;
  report(hosted ? "connecting" : "standalone");
  let ready: Promise<OfficeReadyInfo>;
  try {
    ready = office.onReady();
  } catch (e) {
    ready = Promise.reject(e);
  }
  ready.then(
    (info) => {
      stopOfficeLoggerFrame();
      if (isExcel(info)) report("excel");
      else if (hosted) report("standalone");
    },
    () => {
      // office.js that fails to start still set its logger up, and the logger's timer still runs.
      stopOfficeLoggerFrame();
      if (hosted) report("standalone");
    },
  );
}

/** True when the running Excel supports an API set (false outside Excel or when unknown). */
export function supportsExcelApi(version: string): boolean {
  const g = globalThis as {
    Office?: { context?: { requirements?: { isSetSupported(name: string, v?: string): boolean } } };
  };
  try {
    return g.Office?.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}
