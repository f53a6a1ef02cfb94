/**
 * Storage faults (issue 9): whatever the browser holds, the page loads. A damaged, foreign or
 * future record is a fresh start with a notice; an older record and the localStorage era's keys
 * migrate; a bad progress file is refused with its reason; a full storage is reported and what
 * was saved stays.
 */
import { expect, type Page, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";
import { runInTerminal, terminalRows, waitForNode } from "./helpers";
import { plantRecords, storedRecord } from "./storage-helpers";

const lesson = loadLessons().find((l) => l.slug === "kubelet");
if (!lesson?.exercises[0]) throw new Error("content/kubelet.mdx lost its first exercise");
const first = lesson.exercises[0];
const total = lesson.exercises.length;
const record = {
  schema: 2,
  slug: "kubelet",
  done: [first.id],
  answers: {},
  attempt: 1,
  node: null,
  exercise: null,
  history: [],
};
const item = (page: Page, status: string) =>
  page.getByRole("region", { name: "Exercises" }).getByRole("listitem", { name: `${first.title}: ${status}` });
const lessonBar = (page: Page, done: number) =>
  page.getByRole("progressbar", { name: `${lesson.title}: ${done} of ${total} exercises done` });

/** The page's storage notices (role alert; Next's route announcer is an alert too). */
const notices = (page: Page) => page.getByRole("alert").and(page.locator(".storage-notice"));

/** The site's origin, so its storage can be planted before the page under test loads. */
async function atOrigin(page: Page) {
  await page.goto("/not-a-page");
}

test("a damaged record loads as a fresh start, with a notice, and the lesson works", async ({ page }) => {
  await atOrigin(page);
  await plantRecords(page, [{ ...record, done: first.id }]);
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await expect(notices(page)).toHaveText(
    "Saved progress could not be read and was reset: it is damaged (done should be an array, not a string)Dismiss",
  );
  await expect(item(page, "Your turn")).toBeVisible();
  await runInTerminal(page, "systemctl stop kubelet");
  await expect(item(page, "Done")).toBeVisible();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(notices(page)).toHaveCount(0);
});

test("a record of an older schema is migrated forward", async ({ page }) => {
  await atOrigin(page);
  await plantRecords(page, [{ schema: 1, slug: "kubelet", done: [first.id], answers: {}, attempt: 1 }]);
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await expect(item(page, "Done")).toBeVisible();
  await expect(notices(page)).toHaveCount(0);
  expect(await storedRecord(page, "kubelet")).toMatchObject({ schema: 2, done: [first.id], node: null });
});

test("progress kept in localStorage by the earlier page moves into the store once", async ({ page }) => {
  await atOrigin(page);
  await page.evaluate((id) => localStorage.setItem("inside-the-node:progress:kubelet", JSON.stringify([id])), first.id);
  await page.goto("/");
  await expect(lessonBar(page, 1)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("inside-the-node:progress:kubelet"))).toBeNull();
  expect(await storedRecord(page, "kubelet")).toMatchObject({ schema: 2, done: [first.id] });
});

test("foreign data and a newer version's record load as a fresh start, with notices", async ({ page }) => {
  await atOrigin(page);
  await plantRecords(page, [
    { slug: "kubelet", rules: 12 },
    { ...record, slug: "kube-proxy", schema: 3 },
  ]);
  await page.goto("/");
  const alerts = notices(page);
  await expect(alerts.filter({ hasText: "it is not a lesson record of this course" })).toHaveText(
    "Saved progress could not be read and was reset: it is not a lesson record of this courseDismiss",
  );
  await expect(alerts.filter({ hasText: "newer version" })).toHaveText(
    "Saved progress could not be read and was reset: it was saved by a newer version of the course (schema 3; this page reads up to 2)Dismiss",
  );
  await expect(lessonBar(page, 0)).toBeVisible();
});

test("a bad progress file is refused with its reason and changes nothing", async ({ page }) => {
  await atOrigin(page);
  await plantRecords(page, [record]);
  await page.goto("/");
  await expect(lessonBar(page, 1)).toBeVisible();
  const input = page.locator('input[type="file"]');
  const refusal = page.locator(".progress-transfer-result");
  const offer = (name: string, text: string) =>
    input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

  await offer("notes.json", "kubelet: done");
  await expect(refusal).toHaveText("Import refused: the file is not JSON. Nothing was changed.");
  await expect(refusal).toHaveAttribute("role", "alert");
  await offer("future.json", JSON.stringify({ format: "inside-the-node-progress", version: 2, lessons: [] }));
  await expect(refusal).toHaveText(
    "Import refused: the file was written by a newer version of the course (format version 2; this page reads 1). Nothing was changed.",
  );
  const wrong = {
    format: "inside-the-node-progress",
    version: 1,
    lessons: [
      { ...record, done: [] },
      { ...record, slug: "x", attempt: 0 },
    ],
  };
  await offer("wrong.json", JSON.stringify(wrong));
  await expect(refusal).toHaveText(
    "Import refused: lesson 2 in the file: it is damaged (attempt must be at least 1). Nothing was changed.",
  );
  await expect(lessonBar(page, 1)).toBeVisible();
  expect(await storedRecord(page, "kubelet")).toEqual(record);
});

test("a full storage is reported and what was saved before stays", async ({ page, context }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await runInTerminal(page, "systemctl stop kubelet");
  await expect(item(page, "Done")).toBeVisible();
  await expect
    .poll(async () => JSON.stringify((await storedRecord(page, "kubelet"))?.node ?? null))
    .toContain("systemctl stop kubelet");

  // From the next load on, every write is refused as a full disk refuses it.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.reload();
  await waitForNode(page);
  await expect(item(page, "Done")).toBeVisible();
  await runInTerminal(page, "systemctl start kubelet");
  await expect(notices(page)).toHaveText("Progress can't be saved: storage is fullDismiss");

  // A page without the fault finds the progress and the node as they were before it.
  const fresh = await context.newPage();
  await fresh.goto("/lessons/kubelet");
  await waitForNode(fresh);
  await expect(item(fresh, "Done")).toBeVisible();
  await runInTerminal(fresh, "systemctl is-active kubelet");
  await expect(terminalRows(fresh)).toContainText("inactive");
  await expect(notices(fresh)).toHaveCount(0);
});
