import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests on Debian's Chromium (never a downloaded browser). The app runs through `npm start` with its own
 * data directory and ports, so a developer's running instance and data are untouched.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  reporter: [["list"], ["./tests/e2e/support/summary-reporter.ts"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npm start",
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: BASE_URL,
      EMULATOR_PORT: String(EMULATOR_PORT),
      EMULATOR_PUBLIC_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
      DATA_DIR: process.env.E2E_DATA_DIR ?? "./data/e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      TZ: "UTC",
      // Every browser test signs in from 127.0.0.1; the per-IP sign-in limit (20/min) is for the world, not for CI.
      RATE_LIMIT_AUTH_PER_MINUTE: "300",
      // Reminders follow the emulator's clock, so a journey can advance it to a reminder's minute (and set it back).
      NOTIFICATION_CLOCK: "emulator",
      // The scheduled reconciliation (every 15 minutes by default) heals lost webhooks by itself: at a quarter hour it
      // could bring in journey 7's booking between the booking and the check that it is missing. Here it runs only at
      // 00:00 UTC on 29 February; the browser tests exercise "Sync now" instead.
      RECONCILE_CRON: "0 0 29 2 *",
    },
  },
});
