import { defineConfig } from "@playwright/test";
import course from "./playwright.config";

/** Where `npm run build:base` builds the fixture lessons, and the sub-path it builds them for. */
export const BASE_PATH = "/inside-the-node";
const OUT_DIR = "out-base";
// Beside the main suite's server (PORT), never on it: reuseExistingServer would test the wrong build.
const port = Number(process.env.PORT ?? 3000) + 50;

/**
 * The fixture lessons (tests/fixtures/lessons) built under a base path, as a GitHub project page
 * serves them: `npm run build:base`, then this config (`npm run test:e2e:base`). One build and
 * one spec prove the base path and every MDX component; the course's own suite is
 * playwright.config.ts against out/, whose settings this shares.
 */
export default defineConfig({
  ...course,
  testDir: "tests/e2e-base",
  timeout: 45_000,
  use: { ...course.use, baseURL: `http://localhost:${port}` },
  projects: (course.projects ?? []).map((project) => ({ ...project, name: "base-path" })),
  webServer: {
    command: "node scripts/serve.mjs",
    url: `http://localhost:${port}${BASE_PATH}`,
    env: { PORT: String(port), BASE_PATH, OUT_DIR },
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    timeout: 30_000,
  },
});
