// Where the page runs (SPEC §10): the signs of an Office host read before office.js answers, and
// the states the pane goes through — waiting for Excel without a deadline inside Office,
// standalone at once in a plain browser.

import {
  officeHostSign,
  readPageSigns,
  stopOfficeLoggerFrame,
  watchHost,
  type HostState,
  type OfficeLike,
  type OfficeReadyInfo,
  type PageSigns,
} from "./host";

const PLAIN: PageSigns = { search: "", hash: "", windowName: "", storedHostInfo: null, bridge: false };

describe("officeHostSign", () => {
  test.each<[string, Partial<PageSigns>, string]>([
    [
      "Office on Windows (WebView2) adds _host_Info to the query",
      { search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0" },
      "_host_Info",
    ],
    [
      "after another parameter",
      { search: "?v=2&_host_Info=Excel$Mac$16.01$vi-VN$telemetry$$$0" },
      "_host_Info",
    ],
    [
      "Office on the web's pipe-separated form",
      { search: "?_host_Info=Excel|Web|16.00|vi-VN|abc|isDialog" },
      "_host_Info",
    ],
    ["host info in the fragment", { hash: "#_host_Info=Excel$Win32$16.01$vi-VN" }, "_host_Info"],
    ["the XDM channel of Office on the web", { hash: "#abc&_xdm_Info=x$y$z" }, "_xdm_Info"],
    [
      "a reload keeps office.js's sessionStorage copy",
      { storedHostInfo: "Excel$Win32$16.01$vi-VN$$$$0" },
      "sessionStorage",
    ],
    [
      "window.name JSON of Office on the web",
      { windowName: '{"hostInfo":"Excel|Web|16.00|vi-VN","xdmInfo":"…"}' },
      "window.name",
    ],
    ["a host bridge object", { bridge: true }, "bridge"],
  ])("%s", (_name, signs, expected) => {
    expect(officeHostSign({ ...PLAIN, ...signs })).toBe(expected);
  });

  test("a plain page, even with unrelated query, fragment and window.name, is no Office host", () => {
    expect(officeHostSign(PLAIN)).toBeNull();
    expect(
      officeHostSign({ ...PLAIN, search: "?host=Excel", hash: "#ket-qua", windowName: "cua-so-1" }),
    ).toBeNull();
  });
});

describe("readPageSigns", () => {
  const page = (extra: Record<string, unknown>) => ({
    location: { search: "", hash: "" },
    name: "",
    ...extra,
  });

  test("a desktop browser: window.chrome without webview and window.external without Office's methods", () => {
    const signs = readPageSigns(page({ chrome: { runtime: {} }, external: { AddSearchProvider() {} } }));
    expect(signs.bridge).toBe(false);
    expect(officeHostSign(signs)).toBeNull();
  });

  test.each<[string, Record<string, unknown>]>([
    ["WebView2 (window.chrome.webview)", { chrome: { webview: { postMessage() {} } } }],
    [
      "Office on Mac (window.webkit.messageHandlers.Agave)",
      { webkit: { messageHandlers: { Agave: { postMessage() {} } } } },
    ],
    [
      "Internet Explorer / Edge Legacy webviews (window.external.GetContext)",
      { external: { GetContext() {} } },
    ],
    ["the agaveHost global", { agaveHost: { GetHostInfo() {} } }],
  ])("%s is a host bridge", (_name, extra) => {
    expect(officeHostSign(readPageSigns(page(extra)))).toBe("bridge");
  });

  test("a refused sessionStorage is no sign and no crash", () => {
    const refusing = page({
      sessionStorage: {
        getItem() {
          throw new Error("SecurityError");
        },
      },
    });
    expect(readPageSigns(refusing).storedHostInfo).toBeNull();
  });
});

/** An office.js double whose onReady answers when the test says so. */
function slowOffice(): { office: OfficeLike; answer: (info: OfficeReadyInfo) => void; fail: () => void } {
  let answer: (info: OfficeReadyInfo) => void = () => undefined;
  let fail: () => void = () => undefined;
  const ready = new Promise<OfficeReadyInfo>((resolve, reject) => {
    answer = resolve;
    fail = () => reject(new Error("office.js failed"));
  });
  return { office: { onReady: () => ready }, answer, fail };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("watchHost", () => {
  afterEach(() => jest.useRealTimers());

  test("inside Office it waits for Excel with no deadline: still connecting after a minute, then Excel", async () => {
    jest.useFakeTimers({ doNotFake: ["setImmediate"] });
    const states: HostState[] = [];
    const { office, answer } = slowOffice();
    watchHost(
      (s) => states.push(s),
      office,
      () => ({ ...PLAIN, search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0" }),
    );
    jest.advanceTimersByTime(60_000);
    await flush();
    expect(states).toEqual(["connecting"]);
    answer({ host: "Excel" });
    await flush();
    expect(states).toEqual(["connecting", "excel"]);
  });

  test("in a plain browser it is standalone at once, before office.js answers", () => {
    const states: HostState[] = [];
    watchHost(
      (s) => states.push(s),
      slowOffice().office,
      () => PLAIN,
    );
    expect(states).toEqual(["standalone"]);
  });

  test("in a plain browser office.js's host: null changes nothing", async () => {
    const states: HostState[] = [];
    const { office, answer } = slowOffice();
    watchHost(
      (s) => states.push(s),
      office,
      () => PLAIN,
    );
    answer({ host: null });
    await flush();
    expect(states).toEqual(["standalone"]);
  });

  test("a host the signs missed still becomes Excel when office.js says so", async () => {
    const states: HostState[] = [];
    const { office, answer } = slowOffice();
    watchHost(
      (s) => states.push(s),
      office,
      () => PLAIN,
    );
    answer({ host: "Excel" });
    await flush();
    expect(states).toEqual(["standalone", "excel"]);
  });

  test("signs of a host but office.js reports none, or fails: standalone after connecting", async () => {
    for (const settle of ["none", "fail"] as const) {
      const states: HostState[] = [];
      const { office, answer, fail } = slowOffice();
      watchHost(
        (s) => states.push(s),
        office,
        () => ({ ...PLAIN, bridge: true }),
      );
      if (settle === "none") answer({ host: null });
      else fail();
      await flush();
      expect(states).toEqual(["connecting", "standalone"]);
    }
  });

  test("without office.js (a copy of the page without it): standalone", () => {
    const states: HostState[] = [];
    watchHost(
      (s) => states.push(s),
      undefined,
      () => ({ ...PLAIN, bridge: true }),
    );
    expect(states).toEqual(["standalone"]);
  });
});

describe("stopOfficeLoggerFrame", () => {
  test("office.js's logger no longer adds its frame, however it is asked to", () => {
    const added: string[] = [];
    const endpoint = {
      proxyFrame: null,
      loadProxyFrame(): void {
        added.push("telemetryproxy.html");
      },
    };
    const page = { OSF: { Logger: { ulsEndpoint: endpoint } } };
    expect(stopOfficeLoggerFrame(page)).toBe(true);
    // Both ways office.js calls it: its 3-second timer (on the instance) and allowUploadingData.
    endpoint.loadProxyFrame();
    page.OSF.Logger.ulsEndpoint.loadProxyFrame();
    expect(added).toEqual([]);
  });

  test.each<[string, (o: ReturnType<typeof slowOffice>) => void]>([
    ["office.js reports ready", (o) => o.answer({ host: "Excel" })],
    ["office.js fails to start", (o) => o.fail()],
  ])("watchHost stops it once %s", async (_label, settle) => {
    const added: string[] = [];
    const page = globalThis as { OSF?: unknown };
    page.OSF = { Logger: { ulsEndpoint: { loadProxyFrame: () => added.push("telemetryproxy.html") } } };
    try {
      const office = slowOffice();
      watchHost(
        () => undefined,
        office.office,
        () => PLAIN,
      );
      settle(office);
      await flush();
      (
        page.OSF as { Logger: { ulsEndpoint: { loadProxyFrame(): void } } }
      ).Logger.ulsEndpoint.loadProxyFrame();
      expect(added).toEqual([]);
    } finally {
      delete page.OSF;
    }
  });

  test.each<[string, unknown]>([
    ["no office.js", {}],
    ["no logger", { OSF: {} }],
    ["a logger of another shape", { OSF: { Logger: { ulsEndpoint: { writeLog: () => undefined } } } }],
  ])("%s: nothing to stop, no error", (_label, page) => {
    expect(stopOfficeLoggerFrame(page)).toBe(false);
  });
});
