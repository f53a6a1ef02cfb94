import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium-launch.mjs";

const port = Number(process.env.PORT ?? 3000);

/**
 * End-to-end tests against the static export in out/ (run `npm run build` first), served by
 * scripts/serve.mjs. Chromium is Debian's (`npx playwright install` cannot work offline); the
 * flags keep it from reaching for the network. On 2 cores, 1 worker and no tracing is fastest.
 */
export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry in CI only: a test that fails and then passes is reported as "flaky" in the run's
  // summary, and is a bug to fix, not to live with. Known (session 3): progress.spec's "Reset lesson"
  // lost the typed line after the reload once in three CI runs; terminal.spec's Ctrl-C tests lost
  // the race with a fast command 2 times in 16 on a loaded machine.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? "line" : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    screenshot: "off",
    video: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1400, height: 900 },
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: {
    command: "node scripts/serve.mjs",
    url: `http://localhost:${port}`,
    env: { PORT: String(port) },
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    timeout: 30_000,
  },
});
