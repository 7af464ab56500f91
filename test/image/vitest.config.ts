import { defineConfig } from "vitest/config";
import base from "../../vitest.config.js";

/** `npm run test:image`: plays the Dockerfile on this machine (slow: two npm ci and a build). */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/image/**/*.test.ts"],
    exclude: [],
    testTimeout: 60_000,
  },
});
