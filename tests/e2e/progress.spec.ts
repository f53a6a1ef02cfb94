/**
 * Progress that is never lost (issue 7): exercises done, the node and the terminal's history come
 * back after a reload; the home page shows bars; an export imports back after the storage is
 * cleared; "Reset lesson" clears it all. Written against content/kubelet.mdx, whose first
 * exercise is `systemctl stop kubelet`.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";
import { PROMPT, runInTerminal, terminal, terminalRows, waitForNode } from "./helpers";
import { clearStore, storedRecord } from "./storage-helpers";

const lessons = loadLessons();
const lesson = lessons.find((l) => l.slug === "kubelet");
if (!lesson?.exercises[0]) throw new Error("content/kubelet.mdx lost its first exercise");
const first = lesson.exercises[0];
const total = lesson.exercises.length;
const courseTotal = lessons.reduce((n, l) => n + l.exercises.length, 0);
const exercises = (page: Page) => page.getByRole("region", { name: "Exercises" });
const lessonBar = (page: Page, done: number) =>
  page.getByRole("progressbar", { name: `${lesson.title}: ${done} of ${total} exercises done` });

/** Stop the kubelet, see the exercise done, and wait until the page has stored the node after it. */
async function stopKubelet(page: Page) {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await runInTerminal(page, "systemctl stop kubelet");
  await expect(exercises(page).getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible();
  await expect
    .poll(async () => JSON.stringify((await storedRecord(page, "kubelet"))?.node ?? null))
    .toContain("systemctl stop kubelet");
}

test("progress, the node's state and the terminal's history survive a reload", async ({ page }) => {
  await stopKubelet(page);
  await page.reload();
  await waitForNode(page);
  await expect(exercises(page).getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible();
  await terminal(page).click();
  await page.keyboard.press("ArrowUp");
  await expect(terminalRows(page)).toContainText(`${PROMPT} systemctl stop kubelet`);
  await page.keyboard.press("Control+U");
  await runInTerminal(page, "systemctl is-active kubelet");
  await expect(terminalRows(page)).toContainText("inactive");
});

test("the home page shows each lesson's progress and the course's", async ({ page }) => {
  await page.goto("/");
  await expect(lessonBar(page, 0)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: `The course: 0 of ${courseTotal} exercises done` })).toBeVisible();
  await stopKubelet(page);
  await page.goto("/");
  await expect(lessonBar(page, 1)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: `The course: 1 of ${courseTotal} exercises done` })).toBeVisible();
});

test("an exported progress file imports back after the browser's storage was cleared", async ({ page }) => {
  await stopKubelet(page);
  await page.goto("/");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^inside-the-node-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), "utf8");
  const exported = JSON.parse(text);
  expect([exported.format, exported.version, exported.lessons.length]).toEqual(["inside-the-node-progress", 1, 1]);
  expect(exported.lessons[0]).toMatchObject({ schema: 2, slug: "kubelet", done: [first.id], attempt: 1 });

  await clearStore(page);
  await page.reload();
  await expect(lessonBar(page, 0)).toBeVisible();

  const name = file.suggestedFilename();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByRole("status").filter({ hasText: "Imported the progress of" })).toHaveText(
    `Imported the progress of 1 lesson from ${name}.`,
  );
  await expect(lessonBar(page, 1)).toBeVisible();
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await expect(exercises(page).getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible();
  await runInTerminal(page, "systemctl is-active kubelet");
  await expect(terminalRows(page)).toContainText("inactive");
});

test("Reset lesson clears the exercises, the node and the history after a confirmation", async ({ page }) => {
  await stopKubelet(page);
  await page.getByRole("button", { name: "Reset lesson…" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(exercises(page).getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible();

  await page.getByRole("button", { name: "Reset lesson…" }).click();
  await page
    .getByRole("group", { name: /^Clear this lesson's exercises/ })
    .getByRole("button", { name: "Reset lesson" })
    .click();
  await expect(exercises(page).getByRole("listitem", { name: `${first.title}: Your turn` })).toBeVisible();
  await waitForNode(page);
  await expect.poll(async () => (await storedRecord(page, "kubelet"))?.history).toEqual([]);

  await page.reload();
  await waitForNode(page);
  await expect(exercises(page).getByRole("listitem", { name: `${first.title}: Your turn` })).toBeVisible();
  await terminal(page).click();
  await page.keyboard.press("ArrowUp"); // nothing to recall
  await runInTerminal(page, "systemctl is-active kubelet");
  await expect(terminalRows(page)).toContainText(`${PROMPT} systemctl is-active kubelet`);
  await expect(terminalRows(page)).not.toContainText("inactive");
});
