#!/usr/bin/env node
/**
 * Retake the README's pictures (docs/screenshots/): the course index and the kubelet lesson
 * beside the node's terminal after `systemctl status kubelet`, each in the light and the dark
 * theme. Needs a build in out/ (`npm run build`) and Debian's Chromium; serves out/ on a spare
 * port (PORT, default 3123).
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium-launch.mjs";

const port = Number(process.env.PORT ?? 3123);
const base = `http://localhost:${port}`;
const dir = "docs/screenshots";

async function home(page, file) {
  await page.goto(`${base}/`);
  // The bars fill in once the browser's progress store has been read (after hydration).
  await page
    .getByText(/^\d+ of \d+ exercises done$/)
    .first()
    .waitFor({ timeout: 20_000 });
  await page.screenshot({ path: file });
}

async function lesson(page, file) {
  await page.goto(`${base}/lessons/kubelet`);
  const terminal = page.getByRole("region", { name: "Node terminal" });
  await terminal.and(page.locator('[data-engine="ready"]')).waitFor({ timeout: 20_000 });
  await terminal.click();
  await page.keyboard.type("systemctl status kubelet | head -15");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(800);
  await page.screenshot({ path: file });
}

const server = spawn(process.execPath, ["scripts/serve.mjs"], {
  env: { ...process.env, PORT: String(port) },
  stdio: "ignore",
});
try {
  await new Promise((resolve) => setTimeout(resolve, 800));
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  for (const theme of ["light", "dark"]) {
    // A fresh context per theme: the system says light, the theme is the learner's stored choice
    // (what the header's switch writes), applied by the page's inline script before it paints.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
    await context.addInitScript((choice) => localStorage.setItem("inside-the-node:theme", choice), theme);
    const page = await context.newPage();
    await home(page, `${dir}/home-${theme}.png`);
    await lesson(page, `${dir}/lesson-${theme}.png`);
    await context.close();
    console.log(`wrote ${dir}/home-${theme}.png and ${dir}/lesson-${theme}.png`);
  }
  await browser.close();
} finally {
  server.kill();
}
