// Tiny CommonJS launcher: registers tsx and runs the TypeScript file in argv[2] (used by `npm run bench`).
require("tsx/cjs/api").register();
const path = require("node:path");

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/run-ts.js FILE.ts [args...]");
  process.exit(2);
}
// Let the script see itself as argv[1] and its own arguments from argv[2], as if run directly.
process.argv.splice(1, 1);
require(path.resolve(file));
