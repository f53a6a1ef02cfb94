import { expect, test } from "@playwright/test";
import { NODE_NAME, PROMPT, runInTerminal, terminal, terminalRows, waitForNode } from "./helpers";

test("hostname prints the node's name in the terminal", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await runInTerminal(page, "hostname");
  await expect(terminalRows(page)).toContainText(`${PROMPT} hostname`);
  // the prompt holds the name too: wait for the answer's own row before reading the rows
  const answer = terminalRows(page)
    .locator(":scope > div")
    .filter({ hasText: new RegExp(`^\\s*${NODE_NAME}\\s*$`) });
  await expect(answer).toHaveCount(1);
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

test("Ctrl-C stops a running command and gives the prompt back", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  // A watch never ends by itself. A long `sleep` did not do: it ends once the node has simulated
  // its week, which takes as long as the machine needs, and it sometimes ended before the Ctrl-C
  // came (the key then printed ^C after a fresh prompt).
  await runInTerminal(page, "kubectl get node -w");
  const rows = terminalRows(page).locator(":scope > div");
  await expect(rows.filter({ hasText: `${PROMPT} kubectl get node -w` })).toHaveCount(1);
  await expect(rows.filter({ hasText: /^\s*NAME\s+STATUS/ })).toHaveCount(1);
  await page.keyboard.press("Control+C");
  // a row holding just ^C (an idle Ctrl-C would print it after a fresh prompt instead)
  await expect(rows.filter({ hasText: /^\s*\^C\s*$/ })).toHaveCount(1, { timeout: 5_000 });
  await runInTerminal(page, "hostname");
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
  await expect(terminal(page).locator("textarea")).toBeFocused();
  // Long output can scroll the command out of the visible rows: recall it from the history,
  // which proves it went through the terminal's line editor and ran.
  await page.keyboard.press("ArrowUp");
  await expect(terminalRows(page)).toContainText(`${PROMPT} ${line}`);
});

test("time from navigation to the prompt", async ({ page }) => {
  // Record the moment the DOM changes, not the next poll: the node boots right after the
  // prompt is painted and keeps the main thread busy, so a poll would be late by that much.
  await page.addInitScript((prompt) => {
    const marks: { prompt?: number; ready?: number } = {};
    Object.assign(window, { __marks: marks });
    new MutationObserver(() => {
      const region = document.querySelector('[aria-label="Node terminal"]');
      marks.prompt ??= region?.querySelector(".xterm-rows")?.textContent?.includes(prompt)
        ? performance.now()
        : undefined;
      marks.ready ??= region?.getAttribute("data-engine") === "ready" ? performance.now() : undefined;
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, PROMPT);
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  const { prompt, ready, domContentLoaded } = await page.evaluate(() => {
    const { __marks } = window as unknown as { __marks: { prompt?: number; ready?: number } };
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { ...__marks, domContentLoaded: navigation.domContentLoadedEventEnd };
  });
  const ms = (value: number | undefined) => `${Math.round(value ?? Number.NaN)} ms`;
  console.log(`navigation -> DOMContentLoaded ${ms(domContentLoaded)}, prompt ${ms(prompt)}, node ready ${ms(ready)}`);
  expect(prompt).toBeDefined();
});

test("a command that never yields leaves the page responsive, and Ctrl-C gets the prompt back", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await runInTerminal(page, "systemctl stop kubelet");
  const rows = terminalRows(page).locator(":scope > div");
  // A loop that never yields to the event loop, each pass expanding 200,000 characters: it
  // would run for minutes before just-bash's command limit. The worker cannot even read Ctrl-C.
  await runInTerminal(page, "x=$(printf '%0100000d' 0); while true; do : $x$x; done");
  await expect(rows.filter({ hasText: `${PROMPT} x=$(printf` })).toHaveCount(1);
  await page.keyboard.press("Control+C");
  // The node works in its own thread: the page keeps drawing frames while it is stuck.
  const longestFrameGap = await page.evaluate(async () => {
    let longest = 0;
    let last = performance.now();
    const until = last + 500;
    while (last < until) {
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      longest = Math.max(longest, now - last);
      last = now;
    }
    return longest;
  });
  expect(longestFrameGap).toBeLessThan(200);
  // A row holding just ^C, then the prompt: the page stopped the worker and started another.
  await expect(rows.filter({ hasText: /^\s*\^C\s*$/ })).toHaveCount(1, { timeout: 5_000 });
  await waitForNode(page);
  // The node is as it was before the line: the kubelet stopped by the command before it.
  await runInTerminal(page, "systemctl is-active kubelet");
  await expect(rows.filter({ hasText: /^\s*inactive\s*$/ })).toHaveCount(1);
});
