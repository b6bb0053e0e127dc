// Test helper: headless LibreOffice conversion, used to prove generated workbooks open in a real spreadsheet app.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const TIMEOUT_MS = 120_000;

function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, "soffice");
    if (existsSync(candidate)) return candidate;
  }
  return existsSync("/usr/bin/soffice") ? "/usr/bin/soffice" : undefined;
}

// Filter options for CSV: comma, double quote, UTF-8 (76), start at line 1; so Vietnamese text round-trips.
const TARGETS: Record<"pdf" | "csv" | "xlsx" | "ods", string> = {
  pdf: "pdf",
  csv: "csv:Text - txt - csv (StarCalc):44,34,76,1",
  xlsx: "xlsx",
  ods: "ods",
};

/**
 * Converts `xlsxPath` with `soffice --headless --convert-to` into `outDir` and resolves with the output path.
 * Each process gets its own LibreOffice profile: two soffice runs sharing a profile block each other.
 * For csv only the first (active) sheet is exported.
 */
export function convertWithLibreOffice(
  xlsxPath: string,
  format: "pdf" | "csv" | "xlsx" | "ods",
  outDir: string,
): Promise<string> {
  const soffice = findSoffice();
  if (soffice === undefined) {
    return Promise.reject(
      new Error(
        "LibreOffice (soffice) not found on PATH: run scripts/ensure-tools.sh (apt-get install libreoffice-calc-nogui)",
      ),
    );
  }
  mkdirSync(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(tmpdir(), `lo-profile-${process.pid}`)).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    TARGETS[format],
    "--outdir",
    outDir,
    xlsxPath,
  ];
  const expected = join(outDir, basename(xlsxPath, extname(xlsxPath)) + "." + format);
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: TIMEOUT_MS, killSignal: "SIGKILL" }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
        return;
      }
      // soffice exits 0 even when it could not load the file; the missing output is the only signal.
      if (!existsSync(expected)) {
        reject(new Error(`soffice produced no ${expected}\n${stdout}\n${stderr}`));
        return;
      }
      resolve(expected);
    });
  });
}
