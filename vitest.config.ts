import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      "@emulator/": fileURLToPath(new URL("./emulator/", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "emulator/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: ["node_modules/**", "tests/e2e/**", ".next/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file.ts"],
    // One shared database (PGlite or PostgreSQL): files run one after another so they never race on it.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    env: { TZ: "UTC", NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
