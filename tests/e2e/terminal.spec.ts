import { expect, test } from "@playwright/test";
import { NODE_NAME, PROMPT, runInTerminal, terminal, terminalRows, waitForNode } from "./helpers";

test("hostname prints the node's name in the terminal", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await runInTerminal(page, "hostname");
  await expect(terminalRows(page)).toContainText(`${PROMPT} hostname`);
  await expect(terminalRows(page)).toContainText(NODE_NAME);
  // the answer sits on its own row, after the command
  // xterm draws spaces as no-break spaces
  const rows = (await terminalRows(page).locator(":scope > div").allTextContents()).map((row) =>
    row.replace(/\s/g, " "),
  );
  const commandRow = rows.findIndex((row) => row.includes(`${PROMPT} hostname`));
  expect(commandRow).toBeGreaterThanOrEqual(0);
  expect(rows[commandRow + 1]?.trim()).toBe(NODE_NAME);
});

test("keys typed before the node has started are kept and run", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await expect(terminalRows(page)).toContainText(PROMPT);
  // type at once, without waiting for the engine chunk
  await runInTerminal(page, "hostname");
  await waitForNode(page);
  const rows = terminalRows(page).locator(":scope > div");
  await expect(rows.filter({ hasText: new RegExp(`^\\s*${NODE_NAME}\\s*$`) })).toHaveCount(1);
});

test("a click on a command in the text runs it in the terminal", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  const commands = page.getByRole("main").getByRole("button", { name: /^Run in the terminal: / });
  test.skip((await commands.count()) === 0, "the lesson has no <Cmd> in its text");
  const first = commands.first();
  const line = ((await first.getAttribute("aria-label")) ?? "").replace("Run in the terminal: ", "");
  await waitForNode(page);
  await first.click();
  await expect(terminalRows(page)).toContainText(`${PROMPT} ${line}`);
  await expect(terminal(page).locator("textarea")).toBeFocused();
});

test("time from navigation to the prompt", async ({ page }) => {
  await page.goto("/lessons/kubelet", { waitUntil: "commit" });
  const promptAt = await page.waitForFunction(
    (prompt) => {
      const rows = document.querySelector('[aria-label="Node terminal"] .xterm-rows');
      return rows?.textContent?.includes(prompt) ? performance.now() : false;
    },
    PROMPT,
    { polling: "raf", timeout: 20_000 },
  );
  const readyAt = await page.waitForFunction(
    () =>
      document.querySelector('[aria-label="Node terminal"]')?.getAttribute("data-engine") === "ready"
        ? performance.now()
        : false,
    undefined,
    { polling: "raf", timeout: 20_000 },
  );
  const domContentLoaded = await page.evaluate(
    () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  const ms = (value: number | false) => `${Math.round(Number(value))} ms`;
  console.log(
    `navigation -> DOMContentLoaded ${ms(domContentLoaded)}, prompt ${ms(await promptAt.jsonValue())}, node ready ${ms(await readyAt.jsonValue())}`,
  );
});
