#!/usr/bin/env node
/**
 * Retake docs/screenshot.png, the README's picture: the kubelet lesson beside the node's
 * terminal after `systemctl status kubelet`. Needs a build in out/ (`npm run build`) and
 * Debian's Chromium; serves out/ on a spare port while it runs.
 */
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium-launch.mjs";

const port = 3123;
const server = spawn(process.execPath, ["scripts/serve.mjs"], {
  env: { ...process.env, PORT: String(port) },
  stdio: "ignore",
});
try {
  await new Promise((resolve) => setTimeout(resolve, 800));
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://localhost:${port}/lessons/kubelet`);
  const terminal = page.getByRole("region", { name: "Node terminal" });
  await terminal.and(page.locator('[data-engine="ready"]')).waitFor({ timeout: 20_000 });
  await terminal.click();
  await page.keyboard.type("systemctl status kubelet | head -15");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(800);
  await page.screenshot({ path: "docs/screenshot.png" });
  await browser.close();
  console.log("wrote docs/screenshot.png");
} finally {
  server.kill();
}
