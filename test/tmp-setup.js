// Each jest run works in a temporary folder of its own, removed when it ends (test/tmp-teardown.js):
// os.tmpdir() follows TMPDIR, so the tests' scratch folders (mkdtemp) and the LibreOffice and
// Chromium profiles they start no longer pile up in /tmp, run after run.
const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

module.exports = async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-jest-"));
  process.env.KL226_JEST_TMP = dir;
  process.env.TMPDIR = dir;
};
