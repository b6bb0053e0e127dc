#!/usr/bin/env node
// Offline checks of manifest.xml (`npm run validate`): `office-addin-manifest validate` posts the
// manifest to an online service, which cannot run here (TOOLCHAIN). Checks: well-formed XML, the
// GUID, every resid defined, every URL served by the webpack output, the custom functions
// namespace, the shared runtime wiring, icon pixel sizes; XSD validation when a schema and xmllint exist.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const ORIGIN = "https://localhost:3000/";
const NAMESPACE = "KL226"; // SPEC §7

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
    if (num) return String.fromCodePoint(num[1].startsWith("x") ? parseInt(num[1].slice(1), 16) : Number(num[1]));
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
      if (!open || open.name !== name) throw new Error(`line ${line}: </${name}> closes ${open ? `<${open.name}> of line ${open.line}` : "nothing"}`);
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
      if (!nameMatch || !NAME.test(nameMatch[0])) throw new Error(`line ${line}: bad element name "${nameMatch ? nameMatch[0] : ""}"`);
      const attrs = {};
      let rest = body.slice(nameMatch[0].length);
      const attrRe = /^\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/;
      for (let m = attrRe.exec(rest); m; m = attrRe.exec(rest)) {
        if (!NAME.test(m[1])) throw new Error(`line ${line}: bad attribute name "${m[1]}"`);
        if (m[1] in attrs) throw new Error(`line ${line}: attribute ${m[1]} twice on <${nameMatch[0]}>`);
        attrs[m[1]] = decodeEntities(m[3] ?? m[4], line);
        rest = rest.slice(m[0].length);
      }
      if (rest.trim() !== "") throw new Error(`line ${line}: malformed attributes in <${nameMatch[0]}>: "${rest.trim()}"`);
      const el = { name: nameMatch[0], attrs, children: [], text: "", line };
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error(`line ${line}: a second root element <${el.name}>`);
      else root = el;
      if (!selfClosing) stack.push(el);
      pos = i + 1;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> of line ${stack[stack.length - 1].line} is never closed`);
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
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The files the build serves: dist/ when built, else the names webpack.config.js and assets/ promise. */
function servedFiles(distDir) {
  if (fs.existsSync(path.join(distDir, "manifest.xml"))) {
    const files = new Set();
    const visit = (dir, prefix) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) visit(path.join(dir, e.name), `${prefix}${e.name}/`);
        else files.add(`${prefix}${e.name}`);
      }
    };
    visit(distDir, "");
    return { source: `${path.relative(ROOT, distDir) || distDir}/ (built)`, files, dir: distDir };
  }
  const { EMITTED } = require(path.join(ROOT, "webpack.config.js"));
  const files = new Set(Object.values(EMITTED));
  files.add("manifest.xml");
  for (const f of fs.readdirSync(path.join(ROOT, "assets"))) files.add(`assets/${f}`);
  return { source: "webpack.config.js names (dist/ not built)", files, dir: ROOT };
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
      else if (e.name.endsWith(".xsd") && /schemas\.microsoft\.com\/office\/appforoffice/.test(fs.readFileSync(p, "utf8"))) found.push(p);
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

/**
 * Validate a manifest. Returns { errors, notes }: errors fail the check, notes say what was checked
 * or skipped.
 */
function validateManifest(options = {}) {
  const manifestFile = options.manifest ?? path.join(ROOT, "manifest.xml");
  const distDir = options.dist ?? path.join(ROOT, "dist");
  const errors = [];
  const notes = [];
  let root;
  try {
    root = parseXml(fs.readFileSync(manifestFile, "utf8"));
  } catch (e) {
    return { errors: [`not well-formed XML: ${e.message}`], notes };
  }
  notes.push("well-formed XML");
  const all = [...walk(root)];
  const first = (name) => all.find((el) => local(el.name) === name);

  if (root.name !== "OfficeApp" || root.attrs["xsi:type"] !== "TaskPaneApp") errors.push('root must be <OfficeApp xsi:type="TaskPaneApp">');
  const id = first("Id")?.text.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) errors.push(`<Id> is not a GUID: "${id}"`);
  if (!all.some((el) => el.name === "Host" && el.attrs.Name === "Workbook")) errors.push('no <Host Name="Workbook"/>');
  const permissions = first("Permissions")?.text.trim();
  if (permissions !== "ReadWriteDocument") errors.push(`<Permissions> is "${permissions}", expected ReadWriteDocument (least needed)`);

  // Resources: ids defined once; every resid defined.
  const defined = new Map();
  for (const el of all) {
    if (["Image", "Url", "String"].includes(local(el.name)) && el.attrs.id !== undefined) {
      if (defined.has(el.attrs.id)) errors.push(`resource id "${el.attrs.id}" defined twice (line ${el.line})`);
      defined.set(el.attrs.id, el);
    }
  }
  const used = new Set();
  for (const el of all) {
    if (el.attrs.resid === undefined) continue;
    used.add(el.attrs.resid);
    if (!defined.has(el.attrs.resid)) errors.push(`resid "${el.attrs.resid}" (line ${el.line}) is not defined in <Resources>`);
    if (el.attrs.resid.length > 32) errors.push(`resid "${el.attrs.resid}" is longer than 32 characters`);
  }
  for (const rid of defined.keys()) if (!used.has(rid)) errors.push(`resource "${rid}" is defined but never used`);
  notes.push(`${used.size} resids, all defined`);

  // URLs: every https URL must be one the build serves.
  const served = servedFiles(distDir);
  let urlCount = 0;
  for (const el of all) {
    for (const key of ["DefaultValue", "Value"]) {
      const url = el.attrs[key];
      if (url === undefined || !/^https?:\/\//.test(url)) continue;
      urlCount++;
      if (!url.startsWith(ORIGIN)) {
        errors.push(`URL ${url} (line ${el.line}) is not under ${ORIGIN}`);
        continue;
      }
      const file = url.slice(ORIGIN.length).split(/[?#]/)[0];
      if (!served.files.has(file)) errors.push(`URL ${url} (line ${el.line}) names "${file}", which the build does not emit (${served.source})`);
    }
  }
  notes.push(`${urlCount} URLs checked against ${served.source}`);

  // Custom functions: namespace, metadata, and the shared runtime wiring (TOOLCHAIN).
  const cf = all.find((el) => local(el.name) === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions");
  if (!cf) errors.push("no CustomFunctions extension point");
  else {
    const cfAll = [...walk(cf)];
    const residOf = (name) => cfAll.find((el) => local(el.name) === name)?.children.find((c) => local(c.name) === "SourceLocation")?.attrs.resid;
    const nsResid = cfAll.find((el) => local(el.name) === "Namespace")?.attrs.resid;
    const ns = nsResid ? defined.get(nsResid)?.attrs.DefaultValue : undefined;
    if (ns !== NAMESPACE) errors.push(`custom functions namespace is "${ns}", expected "${NAMESPACE}"`);
    for (const part of ["Script", "Page", "Metadata"]) if (!residOf(part)) errors.push(`CustomFunctions <${part}> has no SourceLocation resid`);
    const runtime = all.find((el) => local(el.name) === "Runtime");
    if (!runtime || runtime.attrs.lifetime !== "long") errors.push('shared runtime: <Runtime lifetime="long"> missing');
    else if (runtime.attrs.resid !== residOf("Page")) errors.push("shared runtime: <Runtime resid> differs from the CustomFunctions <Page>");
    const taskpane = all.find((el) => local(el.name) === "Action" && el.attrs["xsi:type"] === "ShowTaskpane");
    const taskpaneResid = taskpane?.children.find((c) => local(c.name) === "SourceLocation")?.attrs.resid;
    if (taskpaneResid !== runtime?.attrs.resid) errors.push("shared runtime: the taskpane button opens another page than the runtime");
    const metadataUrl = defined.get(residOf("Metadata") ?? "")?.attrs.DefaultValue ?? "";
    const metadataFile = path.join(served.dir, metadataUrl.slice(ORIGIN.length));
    if (served.dir === distDir && fs.existsSync(metadataFile)) {
      const meta = JSON.parse(fs.readFileSync(metadataFile, "utf8"));
      const ids = meta.functions.map((f) => f.id);
      if (ids.length === 0) errors.push(`${metadataUrl} lists no functions`);
      for (const fid of ids) if (!/^[A-Z][A-Z0-9_.]*$/.test(fid)) errors.push(`function id "${fid}" is not upper case`);
      if (new Set(ids).size !== ids.length) errors.push(`${metadataUrl} repeats a function id`);
      notes.push(`namespace ${ns}; ${ids.length} functions in ${path.basename(metadataFile)}`);
    } else notes.push(`namespace ${ns}; functions.json not checked (dist/ not built)`);
  }

  // Icons: the PNG's pixels match the size each reference declares.
  const iconFile = (url) => path.join(served.dir === distDir ? distDir : ROOT, url.slice(ORIGIN.length));
  const checkIcon = (url, size, where) => {
    if (!url || !url.startsWith(ORIGIN)) return;
    const file = iconFile(url);
    if (!fs.existsSync(file)) return; // reported with the URLs
    const dim = pngSize(file);
    if (!dim) errors.push(`${where}: ${url} is not a PNG`);
    else if (dim.width !== size || dim.height !== size) errors.push(`${where}: ${url} is ${dim.width}×${dim.height}, expected ${size}×${size}`);
  };
  checkIcon(first("IconUrl")?.attrs.DefaultValue, 32, "<IconUrl>");
  checkIcon(first("HighResolutionIconUrl")?.attrs.DefaultValue, 64, "<HighResolutionIconUrl>");
  let icons = 0;
  for (const el of all) {
    if (local(el.name) === "Image" && el.attrs.size !== undefined && el.attrs.resid !== undefined) {
      icons++;
      checkIcon(defined.get(el.attrs.resid)?.attrs.DefaultValue, Number(el.attrs.size), `<bt:Image size="${el.attrs.size}" resid="${el.attrs.resid}">`);
    }
  }
  notes.push(`${icons + 2} icon references match their PNG sizes`);

  // Schema: only with a schema file shipped in node_modules and xmllint installed.
  const xsd = options.skipSchema ? null : findManifestXsd();
  if (options.skipSchema) notes.push("schema validation skipped (asked)");
  else if (!xsd) notes.push("schema validation skipped: no Office add-in manifest XSD in node_modules (office-addin-manifest validates online only)");
  else if (!hasXmllint()) notes.push(`schema validation skipped: xmllint not installed (apt-get install libxml2-utils); schema at ${xsd}`);
  else {
    try {
      execFileSync("xmllint", ["--noout", "--schema", xsd, manifestFile], { stdio: "pipe" });
      notes.push(`valid against ${path.relative(ROOT, xsd)}`);
    } catch (e) {
      errors.push(`schema: ${String(e.stderr || e.message).trim()}`);
    }
  }
  return { errors, notes };
}

if (require.main === module) {
  const { errors, notes } = validateManifest();
  for (const n of notes) console.log(`✓ ${n}`);
  for (const e of errors) console.error(`✗ ${e}`);
  console.log(errors.length === 0 ? "manifest.xml: OK" : `manifest.xml: ${errors.length} error(s)`);
  process.exitCode = errors.length === 0 ? 0 : 1;
}

module.exports = { validateManifest, parseXml };
