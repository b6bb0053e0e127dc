/** End-to-end tests: the production build in Debian Chromium (playwright-core). Run after `npm run build`. */
module.exports = {
  testEnvironment: "node",
  globalSetup: "<rootDir>/test/tmp-setup.js",
  globalTeardown: "<rootDir>/test/tmp-teardown.js",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 120000,
  // Tests import the page's modules for their constants; the one with import.meta is a stub in CommonJS.
  moduleNameMapper: { "^\\./start-worker$": "<rootDir>/test/stubs/start-worker.ts" },
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true } },
    ],
  },
};
