// End-to-end harness: Debian Chromium (installed with apt when missing), a tiny static server for
// dist/ on a free localhost port, and a headless browser driven by playwright-core.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const DIST = resolve(__dirname, "../../dist");

/** Installs Chromium from Debian when it is missing (needs root); a no-op when present. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(`${CHROMIUM} is missing; install it with: sudo apt-get install -y chromium`);
  }
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** A file served in place of the one in root (a stub office.js, say). */
export interface Override {
  readonly body: string;
  readonly type: string;
}

/**
 * Serves `root` read-only on 127.0.0.1 at a free port (paths outside root are refused);
 * `overrides` maps URL paths ("/office-js/office.js") to files served instead.
 */
export async function serveStatic(
  root: string = DIST,
  overrides: Readonly<Record<string, Override>> = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const override = overrides[url.pathname];
    if (override) {
      res.writeHead(200, { "Content-Type": override.type, "Cache-Control": "no-store" });
      res.end(override.body);
      return;
    }
    const path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, "taskpane.html") : path;
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
