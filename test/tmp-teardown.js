// Removes the run's temporary folder made by test/tmp-setup.js.
const { rmSync } = require("node:fs");

module.exports = async () => {
  const dir = process.env.KL226_JEST_TMP;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
