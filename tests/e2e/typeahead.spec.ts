/**
 * Keys typed while the page is still getting ready end up in the line, in order, exactly once
 * (the flake of session 3: a line typed soon after a (re)load never showed). On a slow device
 * (Chromium's CPU throttled 6x) the page paints its prompt a second or more before xterm exists,
 * and the node's diagram draws after the node is up.
 */
import { expect, type Page, test } from "@playwright/test";
import { PROMPT, runInTerminal, terminal, terminalRows, waitForNode } from "./helpers";

test.beforeEach(async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
});

/** The terminal's rows as text, blank rows left out (xterm draws spaces as no-break spaces). */
async function rows(page: Page) {
  const texts = await terminalRows(page).locator(":scope > div").allTextContents();
  return texts.map((row) => row.replace(/\s/g, " ").trimEnd()).filter((row) => row !== "");
}

test("keys typed at the prompt before the page's scripts have run are kept and run, in order, once", async ({
  page,
}) => {
  // The static HTML's prompt is up; the scripts that bring xterm are held until the keys are typed.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/lessons/kubelet", { waitUntil: "commit" });
  await expect(terminal(page).getByText(PROMPT)).toBeVisible();
  // where the prompt is drawn, as a learner would click
  await terminal(page).click({ position: { x: 120, y: 14 } });
  // a whole line, and the start of the next
  await page.keyboard.type("echo one");
  await page.keyboard.press("Enter");
  await page.keyboard.type("echo t");
  expect(await terminal(page).locator(".xterm").count()).toBe(0);
  release();
  // xterm is up (the node may still be booting), then the node is up
  await expect(terminal(page).locator(".xterm")).toHaveCount(1);
  await page.keyboard.type("w");
  await waitForNode(page);
  await page.keyboard.type("o");
  await page.keyboard.press("Enter");
  await expect.poll(() => rows(page)).toEqual([`${PROMPT} echo one`, "one", `${PROMPT} echo two`, "two", PROMPT]);
});

test("the terminal stays put when the diagram draws, so a click right after the node is up types in it", async ({
  page,
}) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  const before = await terminal(page).boundingBox();
  await runInTerminal(page, "hostname");
  await expect(page.locator(".node-diagram-svg")).toBeVisible();
  expect(await terminal(page).boundingBox()).toEqual(before);
  await expect.poll(() => rows(page)).toEqual([`${PROMPT} hostname`, "aks-nodepool1-12345678-vmss000000", PROMPT]);
});
