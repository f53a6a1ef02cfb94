import { expect, type Page, test } from "@playwright/test";
import { NODE_NAME, PROMPT, runInTerminal, terminal, terminalRows, waitForNode } from "./helpers";

/** xterm draws spaces as no-break spaces: rows as plain text. */
async function rowTexts(page: Page): Promise<string[]> {
  const rows = await terminalRows(page).locator(":scope > div").allTextContents();
  return rows.map((row) => row.replace(/\s/g, " ").trimEnd());
}

const rowMatching = (page: Page, pattern: RegExp) =>
  terminalRows(page).locator(":scope > div").filter({ hasText: pattern });

test.beforeEach(async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await terminal(page).click();
});

test("Tab completes a unit name for systemctl", async ({ page }) => {
  await page.keyboard.type("systemctl status kub");
  await page.keyboard.press("Tab");
  await expect(terminalRows(page)).toContainText(`${PROMPT} systemctl status kubelet.service`);
  // the status is taller than the terminal: run a short one on the completed name
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Alt+F");
  await page.keyboard.press("Alt+D");
  await page.keyboard.type(" is-active");
  await expect(terminalRows(page)).toContainText(`${PROMPT} systemctl is-active kubelet.service`);
  await page.keyboard.press("Enter");
  await expect(rowMatching(page, /^\s*active\s*$/)).toHaveCount(1);
});

test("a second Tab lists the candidates in columns and redraws the line", async ({ page }) => {
  await page.keyboard.type("systemctl res");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(rowMatching(page, /^\s*rescue\s+reset-failed\s+restart\s*$/)).toHaveCount(1);
  const rows = await rowTexts(page);
  const listing = rows.findIndex((row) => row.startsWith("rescue"));
  expect(rows[listing + 1]).toBe(`${PROMPT} systemctl res`);
});

test("Ctrl-R finds an earlier command and Enter runs it", async ({ page }) => {
  await runInTerminal(page, "hostname");
  await runInTerminal(page, "echo something-else");
  await expect(rowMatching(page, /^\s*something-else\s*$/)).toHaveCount(1);
  await page.keyboard.press("Control+R");
  await page.keyboard.type("hostn");
  await expect(terminalRows(page)).toContainText("(reverse-i-search)`hostn': hostname");
  await page.keyboard.press("Enter");
  await expect(rowMatching(page, new RegExp(`^\\s*${NODE_NAME}\\s*$`))).toHaveCount(2);
});

test("pasting two lines runs both, in order", async ({ page }) => {
  await page.locator(".xterm-helper-textarea").evaluate((textarea) => {
    const data = new DataTransfer();
    data.setData("text/plain", "echo pasted-one\necho pasted-two\n");
    textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(rowMatching(page, /^\s*pasted-two\s*$/)).toHaveCount(1);
  const rows = await rowTexts(page);
  expect(rows.indexOf("pasted-one")).toBeGreaterThan(rows.indexOf(`${PROMPT} echo pasted-one`));
  expect(rows.indexOf(`${PROMPT} echo pasted-two`)).toBeGreaterThan(rows.indexOf("pasted-one"));
  expect(rows.indexOf("pasted-two")).toBeGreaterThan(rows.indexOf(`${PROMPT} echo pasted-two`));
});

test("a follow-mode command shows its cue until Ctrl-C", async ({ page }) => {
  const cue = page.getByRole("status").filter({ hasText: "following — Ctrl-C to stop" });
  await expect(cue).toHaveCount(0);
  await runInTerminal(page, "journalctl -u kubelet -f");
  await expect(cue).toBeVisible();
  await page.keyboard.press("Control+C");
  await expect(cue).toHaveCount(0);
  await expect(rowMatching(page, /^\s*\^C\s*$/)).toHaveCount(1);
});

test("the screen-reader switch turns xterm's mode on and is remembered", async ({ page }) => {
  const toggle = page.getByRole("checkbox", { name: "Screen reader mode" });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(terminal(page).locator(".xterm-accessibility-tree")).toHaveCount(1);
  await page.reload();
  await waitForNode(page);
  await expect(page.getByRole("checkbox", { name: "Screen reader mode" })).toBeChecked();
  await expect(terminal(page).locator(".xterm-accessibility-tree")).toHaveCount(1);
});

test("a link in the output opens in a new tab", async ({ page, context }) => {
  await runInTerminal(page, "echo https://learn.microsoft.com/azure/aks/");
  const row = rowMatching(page, /^\s*https:\/\/learn\.microsoft\.com\/azure\/aks\/\s*$/);
  await expect(row).toHaveCount(1);
  const box = await row.boundingBox();
  if (!box) throw new Error("the link's row is not on screen");
  // nothing leaves this machine: the new tab's request is answered here
  await context.route("https://learn.microsoft.com/**", (route) => route.fulfill({ body: "ok" }));
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  const [tab] = await Promise.all([context.waitForEvent("page"), page.mouse.click(box.x + 30, box.y + box.height / 2)]);
  await expect.poll(() => tab.url()).toBe("https://learn.microsoft.com/azure/aks/");
  expect(await tab.evaluate(() => window.opener)).toBeNull();
});
