#!/usr/bin/env node
// Offline checks of the add-in manifest (`npm run validate [DIST_DIR | MANIFEST]`): the built
// dist/manifest.xml when there is one, else the repository's manifest.xml. `office-addin-manifest
// validate` posts the manifest to an online service, which cannot run here (TOOLCHAIN). Checks:
// well-formed XML, the order of OfficeApp's children, the GUID and version, every resid defined,
// every URL https and under one address (ADDIN_URL) and served by the build, AppDomain, the custom
// functions namespace, the shared-runtime wiring, icon pixel sizes, the scripts taskpane.html
// loads; XSD validation when a schema and xmllint exist. The output lists what it did not check.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const NAMESPACE = "KL226"; // SPEC §7
/**
 * OfficeApp's children in the order [MS-OWEMXML] requires (TaskPaneApp; the optional ones may be
 * missing). Used only for the elements this manifest has or might get.
 */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];

// ---------------------------------------------------------------------------------------------
// A small well-formedness checking XML parser: elements, attributes, text, comments, CDATA, PIs.
// Enough for a manifest; it rejects what a conforming parser would reject in such documents.

/** @typedef {{ name: string, attrs: Record<string, string>, children: XmlElement[], text: string, line: number }} XmlElement */

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

function decodeEntities(text, line) {
  return text.replace(/&([^;\s&]*);?/g, (whole, body) => {
    if (!whole.endsWith(";")) throw new Error(`line ${line}: bare "&" (write &amp;)`);
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[body];
    if (named !== undefined) return named;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (num)
      return String.fromCodePoint(num[1].startsWith("x") ? parseInt(num[1].slice(1), 16) : Number(num[1]));
    throw new Error(`line ${line}: unknown entity &${body};`);
  });
}

/** Parse XML text into its root element; throws Error("line N: …") when not well-formed. */
function parseXml(xml) {
  let pos = 0;
  const lineAt = (i) => xml.slice(0, i).split("\n").length;
  const stack = [];
  let root = null;
  if (xml.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < xml.length) {
    const lt = xml.indexOf("<", pos);
    const text = xml.slice(pos, lt === -1 ? xml.length : lt);
    if (text.trim() !== "") {
      if (stack.length === 0) throw new Error(`line ${lineAt(pos)}: text outside the root element`);
      stack[stack.length - 1].text += decodeEntities(text, lineAt(pos));
    }
    if (lt === -1) break;
    const line = lineAt(lt);
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end === -1) throw new Error(`line ${line}: unterminated comment`);
      if (xml.slice(lt + 4, end).includes("--")) throw new Error(`line ${line}: "--" inside a comment`);
      pos = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end === -1 || stack.length === 0) throw new Error(`line ${line}: bad CDATA section`);
      stack[stack.length - 1].text += xml.slice(lt + 9, end);
      pos = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end === -1) throw new Error(`line ${line}: unterminated processing instruction`);
      if (/^<\?xml\s/i.test(xml.slice(lt, lt + 6)) && lt !== (xml.charCodeAt(0) === 0xfeff ? 1 : 0)) {
        throw new Error(`line ${line}: the XML declaration must come first`);
      }
      pos = end + 2;
    } else if (xml.startsWith("<!", lt)) {
      throw new Error(`line ${line}: DOCTYPE and declarations are not expected in a manifest`);
    } else if (xml.startsWith("</", lt)) {
      const end = xml.indexOf(">", lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(
          `line ${line}: </${name}> closes ${open ? `<${open.name}> of line ${open.line}` : "nothing"}`,
        );
      pos = end + 1;
    } else {
      // Start tag: find its end outside quoted attribute values.
      let i = lt + 1;
      let quote = null;
      for (; i < xml.length; i++) {
        const c = xml[i];
        if (quote) {
          if (c === quote) quote = null;
          else if (c === "<") throw new Error(`line ${lineAt(i)}: "<" inside an attribute value`);
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      if (i >= xml.length) throw new Error(`line ${line}: unterminated start tag`);
      const selfClosing = xml[i - 1] === "/";
      const body = xml.slice(lt + 1, selfClosing ? i - 1 : i);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch || !NAME.test(nameMatch[0]))
        throw new Error(`line ${line}: bad element name "${nameMatch ? nameMatch[0] : ""}"`);
      const attrs = {};
      let rest = body.slice(nameMatch[0].length);
      const attrRe = /^\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/;
      for (let m = attrRe.exec(rest); m; m = attrRe.exec(rest)) {
        if (!NAME.test(m[1])) throw new Error(`line ${line}: bad attribute name "${m[1]}"`);
        if (m[1] in attrs) throw new Error(`line ${line}: attribute ${m[1]} twice on <${nameMatch[0]}>`);
        attrs[m[1]] = decodeEntities(m[3] ?? m[4], line);
        rest = rest.slice(m[0].length);
      }
      if (rest.trim() !== "")
        throw new Error(`line ${line}: malformed attributes in <${nameMatch[0]}>: "${rest.trim()}"`);
      const el = { name: nameMatch[0], attrs, children: [], text: "", line };
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error(`line ${line}: a second root element <${el.name}>`);
      else root = el;
      if (!selfClosing) stack.push(el);
      pos = i + 1;
    }
  }
  if (stack.length > 0)
    throw new Error(
      `<${stack[stack.length - 1].name}> of line ${stack[stack.length - 1].line} is never closed`,
    );
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element of a tree, depth first. */
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const local = (name) => name.slice(name.indexOf(":") + 1);

// ---------------------------------------------------------------------------------------------

/** Width and height of a PNG file, or null when it is not a PNG. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString("ascii", 12, 16) !== "IHDR")
    return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every file under `dir`, as "a/b.js" paths. */
function filesUnder(dir) {
  const files = new Set();
  const visit = (d, prefix) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) visit(path.join(d, e.name), `${prefix}${e.name}/`);
      else files.add(`${prefix}${e.name}`);
    }
  };
  visit(dir, "");
  return files;
}

/** The files the build serves: the built folder, else the names webpack.config.js and assets/ promise. */
function servedFiles(distDir, built) {
  if (built)
    return {
      source: `${path.relative(ROOT, distDir) || distDir}/ (bản dựng)`,
      files: filesUnder(distDir),
      dir: distDir,
    };
  const { EMITTED } = require(path.join(ROOT, "webpack.config.js"));
  const files = new Set(Object.values(EMITTED));
  files.add("manifest.xml");
  for (const f of fs.readdirSync(path.join(ROOT, "assets"))) files.add(`assets/${f}`);
  return { source: "tên tệp trong webpack.config.js (chưa có bản dựng)", files, dir: ROOT };
}

/** Search installed packages for the Office add-in manifest schema (an .xsd naming appforoffice). */
function findManifestXsd() {
  const found = [];
  const visit = (dir, depth) => {
    if (depth > 6 || found.length > 0) return;
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== ".cache") visit(p, depth + 1);
      else if (
        e.name.endsWith(".xsd") &&
        /schemas\.microsoft\.com\/office\/appforoffice/.test(fs.readFileSync(p, "utf8"))
      )
        found.push(p);
    }
  };
  visit(path.join(ROOT, "node_modules"), 0);
  return found[0] ?? null;
}

function hasXmllint() {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Which manifest and which served folder `target` (a dist folder, a manifest file, or nothing) means. */
function resolveTarget(target) {
  if (target) {
    const full = path.resolve(target);
    if (fs.existsSync(full) && fs.statSync(full).isDirectory())
      return { manifest: path.join(full, "manifest.xml"), dist: full };
    return { manifest: full, dist: path.dirname(full) };
  }
  const dist = path.join(ROOT, "dist");
  if (fs.existsSync(path.join(dist, "manifest.xml")))
    return { manifest: path.join(dist, "manifest.xml"), dist };
  return { manifest: path.join(ROOT, "manifest.xml"), dist };
}

/**
 * Validate a manifest. Options: `manifest` (default: dist/manifest.xml when built, else
 * manifest.xml), `dist` (the folder that will be served), `skipSchema`. Returns { errors, notes,
 * unchecked }: errors fail the check, notes say what was checked, unchecked what could not be.
 */
function validateManifest(options = {}) {
  const fallback = resolveTarget(options.dist);
  const manifestFile = options.manifest ?? fallback.manifest;
  const distDir = options.dist ?? fallback.dist;
  const built =
    path.resolve(manifestFile) === path.resolve(distDir, "manifest.xml") &&
    fs.existsSync(path.join(distDir, "taskpane.html"));
  const errors = [];
  const notes = [];
  const warnings = [];
  const unchecked = [];
  // The address the build should be for: ADDIN_URL as the build reads it (options for tests).
  const addinUrl = "addinUrl" in options ? options.addinUrl : process.env.ADDIN_URL;
  let root;
  try {
    root = parseXml(fs.readFileSync(manifestFile, "utf8"));
  } catch (e) {
    return { errors: [`${manifestFile}: XML không hợp lệ: ${e.message}`], notes, warnings, unchecked };
  }
  notes.push(`${path.relative(ROOT, manifestFile) || manifestFile}: XML hợp lệ (well-formed)`);
  const all = [...walk(root)];
  const first = (name) => all.find((el) => local(el.name) === name);

  if (root.name !== "OfficeApp" || root.attrs["xsi:type"] !== "TaskPaneApp")
    errors.push('phần tử gốc phải là <OfficeApp xsi:type="TaskPaneApp">');
  const order = root.children.map((c) => local(c.name)).filter((n) => OFFICE_APP_ORDER.includes(n));
  const sorted = [...order].sort((a, b) => OFFICE_APP_ORDER.indexOf(a) - OFFICE_APP_ORDER.indexOf(b));
  if (order.join() !== sorted.join())
    errors.push(
      `các phần tử con của <OfficeApp> sai thứ tự: ${order.join(", ")}; đúng là ${sorted.join(", ")}`,
    );
  else notes.push("thứ tự các phần tử con của <OfficeApp> đúng [MS-OWEMXML]");
  const id = first("Id")?.text.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id))
    errors.push(`<Id> không phải GUID: "${id}"`);
  else notes.push(`<Id> là GUID (${id})`);
  const version = first("Version")?.text.trim() ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) errors.push(`<Version> "${version}" phải có dạng 1.0.0.0`);
  else notes.push(`<Version> ${version}`);
  if (!all.some((el) => el.name === "Host" && el.attrs.Name === "Workbook"))
    errors.push('thiếu <Host Name="Workbook"/>');
  const permissions = first("Permissions")?.text.trim();
  if (permissions !== "ReadWriteDocument")
    errors.push(`<Permissions> là "${permissions}", cần ReadWriteDocument (quyền tối thiểu cần dùng)`);

  // Resources: ids defined once; every resid defined.
  const defined = new Map();
  for (const el of all) {
    if (["Image", "Url", "String"].includes(local(el.name)) && el.attrs.id !== undefined) {
      if (defined.has(el.attrs.id))
        errors.push(`mã tài nguyên "${el.attrs.id}" được định nghĩa hai lần (dòng ${el.line})`);
      defined.set(el.attrs.id, el);
    }
  }
  const used = new Set();
  for (const el of all) {
    if (el.attrs.resid === undefined) continue;
    used.add(el.attrs.resid);
    if (!defined.has(el.attrs.resid))
      errors.push(`resid "${el.attrs.resid}" (dòng ${el.line}) không có trong <Resources>`);
    if (el.attrs.resid.length > 32) errors.push(`resid "${el.attrs.resid}" dài quá 32 ký tự`);
  }
  for (const rid of defined.keys())
    if (!used.has(rid)) errors.push(`tài nguyên "${rid}" được định nghĩa nhưng không dùng`);
  notes.push(`${used.size} resid, đều có định nghĩa`);

  // URLs: one base (ADDIN_URL, from the page's SourceLocation), https, each naming a served file.
  const { EMITTED, addinBase } = require(path.join(ROOT, "webpack.config.js"));
  const source =
    first("DefaultSettings")?.children.find((c) => local(c.name) === "SourceLocation")?.attrs.DefaultValue ??
    "";
  const base = source.endsWith(`/${EMITTED.taskpane}`) ? source.slice(0, -EMITTED.taskpane.length) : null;
  if (!base) errors.push(`<DefaultSettings><SourceLocation> "${source}" không trỏ tới …/${EMITTED.taskpane}`);
  const served = servedFiles(distDir, built);
  let urlCount = 0;
  for (const el of all) {
    for (const key of ["DefaultValue", "Value"]) {
      const url = el.attrs[key];
      if (url === undefined || !/^[a-z]+:\/\//i.test(url)) continue;
      urlCount++;
      if (!url.startsWith("https://")) errors.push(`URL ${url} (dòng ${el.line}) phải dùng https://`);
      if (!base) continue;
      if (!url.startsWith(base)) {
        errors.push(`URL ${url} (dòng ${el.line}) không nằm dưới ${base}`);
        continue;
      }
      const file = url.slice(base.length).split(/[?#]/)[0];
      if (!served.files.has(file))
        errors.push(
          `URL ${url} (dòng ${el.line}) trỏ tới "${file}", tệp mà bản dựng không có (${served.source})`,
        );
    }
  }
  if (base) {
    const origin = new URL(base).origin;
    for (const el of all.filter((e) => local(e.name) === "AppDomain")) {
      if (el.text.trim().replace(/\/$/, "") !== origin)
        errors.push(`<AppDomain>${el.text.trim()}</AppDomain> (dòng ${el.line}) khác ${origin}`);
    }
    notes.push(
      `${urlCount} URL đều dùng https, nằm dưới ${base} và có tệp tương ứng trong ${served.source}; AppDomain là ${origin}`,
    );
    // Checking with the address one means to deploy to (README, "Cập nhật"): a build made for
    // another, or for the development machine, is an error, not a passed check.
    let wanted = null;
    try {
      if (addinUrl !== undefined && addinUrl.trim() !== "") wanted = addinBase(addinUrl);
    } catch (e) {
      errors.push(e.message);
    }
    if (wanted !== null && wanted !== base)
      errors.push(
        `tệp kê khai trỏ tới ${base}, không phải ADDIN_URL=${wanted}: dựng lại bằng ADDIN_URL=${wanted} npm run build`,
      );
    else if (wanted !== null) notes.push(`tệp kê khai trỏ tới đúng ADDIN_URL=${wanted}`);
    if (/^https:\/\/localhost[:/]/i.test(base) && wanted === null) {
      warnings.push(
        `tệp kê khai trỏ tới ${base}: bản cho máy phát triển (npm start). Bản cho tỉnh: ADDIN_URL=https://MÁY-CHỦ/THƯ-MỤC/ npm run build`,
      );
    }
  }

  // Custom functions: namespace, metadata, and the shared runtime wiring (TOOLCHAIN).
  const cf = all.find(
    (el) => local(el.name) === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions",
  );
  if (!cf) errors.push("thiếu ExtensionPoint CustomFunctions");
  else {
    const cfAll = [...walk(cf)];
    const residOf = (name) =>
      cfAll.find((el) => local(el.name) === name)?.children.find((c) => local(c.name) === "SourceLocation")
        ?.attrs.resid;
    const nsResid = cfAll.find((el) => local(el.name) === "Namespace")?.attrs.resid;
    const ns = nsResid ? defined.get(nsResid)?.attrs.DefaultValue : undefined;
    if (ns !== NAMESPACE) errors.push(`không gian tên của các hàm là "${ns}", cần "${NAMESPACE}"`);
    for (const part of ["Script", "Page", "Metadata"])
      if (!residOf(part)) errors.push(`CustomFunctions <${part}> thiếu SourceLocation resid`);
    const runtime = all.find((el) => local(el.name) === "Runtime");
    if (!runtime || runtime.attrs.lifetime !== "long")
      errors.push('runtime dùng chung: thiếu <Runtime lifetime="long">');
    else if (runtime.attrs.resid !== residOf("Page"))
      errors.push("runtime dùng chung: <Runtime resid> khác <Page> của CustomFunctions");
    const taskpane = all.find((el) => local(el.name) === "Action" && el.attrs["xsi:type"] === "ShowTaskpane");
    const taskpaneResid = taskpane?.children.find((c) => local(c.name) === "SourceLocation")?.attrs.resid;
    if (taskpaneResid !== runtime?.attrs.resid)
      errors.push("runtime dùng chung: nút mở khung tác vụ mở một trang khác trang của runtime");
    const metadataUrl = defined.get(residOf("Metadata") ?? "")?.attrs.DefaultValue ?? "";
    const metadataFile =
      base && metadataUrl.startsWith(base) ? path.join(served.dir, metadataUrl.slice(base.length)) : null;
    if (built && metadataFile && fs.existsSync(metadataFile)) {
      const meta = JSON.parse(fs.readFileSync(metadataFile, "utf8"));
      const ids = meta.functions.map((f) => f.id);
      if (ids.length === 0) errors.push(`${metadataUrl} không có hàm nào`);
      for (const fid of ids)
        if (!/^[A-Z][A-Z0-9_.]*$/.test(fid)) errors.push(`mã hàm "${fid}" phải viết hoa`);
      if (new Set(ids).size !== ids.length) errors.push(`${metadataUrl} có mã hàm trùng`);
      notes.push(
        `không gian tên ${ns}; ${ids.length} hàm trong ${path.basename(metadataFile)}; runtime dùng chung nối đúng`,
      );
    } else {
      notes.push(`không gian tên ${ns}; runtime dùng chung nối đúng`);
      unchecked.push("functions.json (chưa có bản dựng: chạy npm run build rồi kiểm tra lại)");
    }
  }

  // Icons: the PNG's pixels match the size each reference declares.
  const checkIcon = (url, size, where) => {
    if (!url || !base || !url.startsWith(base)) return;
    const file = path.join(served.dir === distDir && built ? distDir : ROOT, url.slice(base.length));
    if (!fs.existsSync(file)) return; // reported with the URLs
    const dim = pngSize(file);
    if (!dim) errors.push(`${where}: ${url} không phải ảnh PNG`);
    else if (dim.width !== size || dim.height !== size)
      errors.push(`${where}: ${url} có kích thước ${dim.width}×${dim.height}, cần ${size}×${size}`);
  };
  checkIcon(first("IconUrl")?.attrs.DefaultValue, 32, "<IconUrl>");
  checkIcon(first("HighResolutionIconUrl")?.attrs.DefaultValue, 64, "<HighResolutionIconUrl>");
  let icons = 0;
  for (const el of all) {
    if (local(el.name) === "Image" && el.attrs.size !== undefined && el.attrs.resid !== undefined) {
      icons++;
      checkIcon(
        defined.get(el.attrs.resid)?.attrs.DefaultValue,
        Number(el.attrs.size),
        `<bt:Image size="${el.attrs.size}" resid="${el.attrs.resid}">`,
      );
    }
  }
  notes.push(`${icons + 2} tham chiếu biểu tượng khớp kích thước ảnh PNG`);

  // The page: every script taskpane.html loads is in the build (or is Microsoft's CDN office.js).
  if (built) {
    const { OFFICE_JS_CDN } = require(path.join(ROOT, "webpack.config.js"));
    const html = fs.readFileSync(path.join(distDir, EMITTED.taskpane), "utf8");
    // Quoted or not: the production build minifies the page and drops attribute quotes.
    const scripts = [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    for (const src of scripts) {
      if (src === OFFICE_JS_CDN) continue;
      if (/^[a-z]+:/i.test(src) || !served.files.has(src.replace(/^\.?\//, "")))
        errors.push(`${EMITTED.taskpane} nạp "${src}", tệp không có trong bản dựng`);
    }
    notes.push(
      `${EMITTED.taskpane} nạp ${scripts.length} tệp script, đều có trong bản dựng${scripts.includes(OFFICE_JS_CDN) ? " (office.js từ CDN của Microsoft)" : ""}`,
    );
  } else unchecked.push(`${EMITTED.taskpane} và các tệp nó nạp (chưa có bản dựng)`);

  // Schema: only with a schema file shipped in node_modules and xmllint installed.
  const xsd = options.skipSchema ? null : findManifestXsd();
  if (options.skipSchema) unchecked.push("lược đồ XSD (bỏ qua theo yêu cầu)");
  else if (!xsd) {
    unchecked.push(
      "lược đồ XSD của Microsoft: không có trong node_modules (Microsoft không còn phát hành tệp XSD; office-addin-manifest validate gửi tệp lên dịch vụ trực tuyến). Các phần tử bên trong <VersionOverrides> chỉ được kiểm tra ở mức tham chiếu và nối runtime ở trên",
    );
  } else if (!hasXmllint())
    unchecked.push(`lược đồ XSD: chưa cài xmllint (apt-get install libxml2-utils); lược đồ ở ${xsd}`);
  else {
    try {
      execFileSync("xmllint", ["--noout", "--schema", xsd, manifestFile], { stdio: "pipe" });
      notes.push(`hợp lệ theo ${path.relative(ROOT, xsd)}`);
    } catch (e) {
      errors.push(`lược đồ: ${String(e.stderr || e.message).trim()}`);
    }
  }
  unchecked.push(
    `máy chủ thật: ${base ?? "địa chỉ phần bổ trợ"} có trả các tệp qua HTTPS với chứng chỉ mà máy trạm tin cậy, đúng kiểu MIME, và Access-Control-Allow-Origin cho functions.json (Excel trên web cần) — mở ${base ?? ""}${EMITTED.taskpane} bằng trình duyệt trên một máy trạm để thử`,
    "Excel có nhận tệp kê khai không: chỉ biết khi nạp vào Excel (thư mục dùng chung) hoặc trung tâm quản trị Microsoft 365",
    "nội dung ảnh biểu tượng (chỉ kiểm tra kích thước)",
  );
  const development = base !== null && /^https:\/\/localhost[:/]/i.test(base);
  // What the build says it is for (webpack.config.js's BuildInfoPlugin): its profiles, said again here.
  const infoFile = path.join(distDir, EMITTED.buildInfo);
  const buildInfo = built && fs.existsSync(infoFile) ? fs.readFileSync(infoFile, "utf8").trim() : null;
  if (built && buildInfo === null)
    warnings.push(
      `Không thấy ${EMITTED.buildInfo} trong bản dựng (bản dựng cũ hơn, hoặc chép thiếu): không xác nhận được bản dựng mang những hồ sơ nào; dựng lại rồi kiểm tra lại.`,
    );
  return { errors, notes, warnings, unchecked, development, buildInfo };
}

if (require.main === module) {
  const target = process.argv[2];
  const { manifest, dist } = resolveTarget(target);
  if (!fs.existsSync(manifest)) {
    console.error(`Không thấy ${manifest}. Dùng: npm run validate [THƯ-MỤC-BẢN-DỰNG | TỆP-KÊ-KHAI.xml]`);
    process.exitCode = 2;
  } else {
    const { errors, notes, warnings, unchecked, development, buildInfo } = validateManifest({
      manifest,
      dist,
    });
    for (const n of notes) console.log(`✓ ${n}`);
    for (const w of warnings) console.log(`⚠ ${w}`);
    for (const e of errors) console.error(`✗ ${e}`);
    console.log("Không kiểm tra được (ngoại tuyến):");
    for (const u of unchecked) console.log(`  – ${u}`);
    // The build's profiles beside the verdict: a province profile missing from profiles/ built fine.
    if (buildInfo)
      console.log(
        `${buildInfo[0].toUpperCase()}${buildInfo.slice(1)} Hồ sơ của tỉnh phải có tên trong danh sách này.`,
      );
    const name = path.relative(process.cwd(), manifest) || manifest;
    // The verdict line says a development build is one (the note saying so sat fifth of eight).
    const dev = development
      ? " (bản cho máy phát triển, trỏ tới localhost: không đem lên máy chủ của tỉnh)"
      : "";
    console.log(errors.length === 0 ? `${name}: đạt${dev}` : `${name}: ${errors.length} lỗi${dev}`);
    process.exitCode = errors.length === 0 ? 0 : 1;
  }
}

module.exports = { validateManifest, parseXml };
