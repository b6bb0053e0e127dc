/** Unit tests: fast, beside the code in src/ and the CLI/e2e-light ones in test/unit. */
module.exports = {
  testEnvironment: "node",
  globalSetup: "<rootDir>/test/tmp-setup.js",
  globalTeardown: "<rootDir>/test/tmp-teardown.js",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "^\\./start-worker$": "<rootDir>/test/stubs/start-worker.ts",
  },
};
