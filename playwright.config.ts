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
  // No retries: a test that fails once is a bug to find, not to retry. Session 3's two flakes were
  // one bug, fixed: the node's diagram drew after the node was up and squeezed the terminal, so a
  // click aimed at it landed below it and the typed line went to the page (tests/e2e/typeahead.spec.ts).
  // terminal.spec's Ctrl-C test now stops a watch, which never ends by itself, not a sleep that could.
  retries: 0,
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
