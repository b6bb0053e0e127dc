// Test helper: print documents the way a clerk would, to check them as printed. Several .xlsx/.docx
// files go to PDF in one LibreOffice start (2–4 s each start); poppler then gives each page's text,
// the page count and size, and PNGs of pages to look at (written under test-artifacts/, git-ignored).
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TIMEOUT_MS = 180_000;

/** Where tests leave PNGs and PDFs for a person to look at. */
export const ARTIFACTS_DIR = resolve(__dirname, "../../test-artifacts");

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, name))) return join(dir, name);
  }
  return existsSync(`/usr/bin/${name}`) ? `/usr/bin/${name}` : undefined;
}

/** LibreOffice Writer is a separate package (libreoffice-writer-nogui): without it .docx files do not load. */
function hasWriter(soffice: string): boolean {
  return existsSync(join(dirname(realpathSync(soffice)), "libswlo.so"));
}

/** True when soffice (with Writer), pdftotext, pdfinfo and pdftoppm are all installed. */
export function canPrintToPdf(): boolean {
  const soffice = onPath("soffice");
  return (
    soffice !== undefined &&
    hasWriter(soffice) &&
    ["pdftotext", "pdfinfo", "pdftoppm"].every((tool) => onPath(tool) !== undefined)
  );
}

/** Why documents cannot be printed here (undefined when they can): for testUnless/describeUnless. */
export const PRINT_UNAVAILABLE: string | undefined = canPrintToPdf()
  ? undefined
  : "needs LibreOffice Calc and Writer (libreoffice-calc-nogui, libreoffice-writer-nogui) and poppler-utils; scripts/ensure-tools.sh installs them";

export interface PrintedDocument {
  readonly pdf: string;
  /** Text of each page (pdftotext -layout), page 1 first. */
  readonly pages: readonly string[];
  readonly pageCount: number;
  /** Size of page 1 in points, and the paper name pdfinfo gives ("A4") when it knows it. */
  readonly pageSize: { readonly width: number; readonly height: number; readonly paper: string };
}

/**
 * Converts each file to PDF with one `soffice --headless --convert-to pdf` run into `outDir` and
 * reads the PDFs back. The files need distinct base names (the PDFs are named after them).
 */
export async function printToPdf(files: readonly string[], outDir: string): Promise<PrintedDocument[]> {
  const soffice = onPath("soffice");
  if (soffice === undefined) throw new Error("soffice not found on PATH");
  const bases = files.map((f) => basename(f, extname(f)));
  if (new Set(bases).size !== bases.length)
    throw new Error(`printToPdf: base names must differ: ${bases.join(", ")}`);
  mkdirSync(outDir, { recursive: true });
  // Its own profile per process: two soffice runs sharing one block each other.
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(tmpdir(), `lo-profile-pdf-${process.pid}`)).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "pdf",
    "--outdir",
    outDir,
    ...files,
  ];
  await new Promise<void>((done, fail) => {
    execFile(soffice, args, { timeout: TIMEOUT_MS, killSignal: "SIGKILL" }, (err, stdout, stderr) =>
      err ? fail(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`)) : done(),
    );
  });
  return bases.map((base) => {
    const pdf = join(outDir, `${base}.pdf`);
    // soffice exits 0 even when it could not load a file; the missing output is the only signal.
    if (!existsSync(pdf)) throw new Error(`soffice produced no ${pdf}`);
    return readPdf(pdf);
  });
}

/** Text per page, page count and page size of a PDF. */
export function readPdf(pdf: string): PrintedDocument {
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/m.exec(info);
  return {
    pdf,
    pages,
    pageCount: count,
    pageSize: { width: Number(size?.[1]), height: Number(size?.[2]), paper: size?.[3] ?? "" },
  };
}

/** Renders pages `first`–`last` (1-based) to PNG files named `<prefix>-N.png`; returns their paths in order. */
export function renderPages(
  pdf: string,
  prefix: string,
  options: { first?: number; last?: number; dpi?: number } = {},
): string[] {
  const first = options.first ?? 1;
  const last = options.last ?? first;
  mkdirSync(resolve(prefix, ".."), { recursive: true });
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(options.dpi ?? 80),
    "-f",
    String(first),
    "-l",
    String(last),
    pdf,
    prefix,
  ]);
  // pdftoppm pads the page number to the width of the page count ("-01" in a 12-page PDF).
  const dir = resolve(prefix, "..");
  const stem = basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .map((f) => ({ f, page: Number(f.slice(stem.length + 1, -4)) }))
    .filter(({ page }) => page >= first && page <= last)
    .sort((a, b) => a.page - b.page)
    .map(({ f }) => join(dir, f));
}

/**
 * Heights in points of the boxes pdftotext gives every occurrence of `word` on page `page` (1-based):
 * a word's box spans its font's ascent and descent, ≈ 1.16 times the type size in DejaVu Sans,
 * LibreOffice's stand-in for Calibri here.
 */
export function wordHeights(pdf: string, page: number, word: string): number[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
  const boxes = [
    ...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ];
  return boxes.filter((m) => m[3] === word).map((m) => Number(m[2]) - Number(m[1]));
}
