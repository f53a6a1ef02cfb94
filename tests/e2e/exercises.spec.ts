import { expect, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";
import { runInTerminal, waitForNode } from "./helpers";

// Written against the real lesson, content/kubelet.mdx: its first exercise is solved by its
// own reference solution (`systemctl stop kubelet`), graded on the node's state.
const lesson = loadLessons().find((l) => l.slug === "kubelet");
const [first, second] = lesson?.exercises ?? [];

test("an exercise turns green by itself once the node is in the asked-for state", async ({ page }) => {
  test.skip(!first, "content/kubelet.mdx has no exercises");
  if (!first) return;
  await page.goto("/lessons/kubelet");
  await waitForNode(page);

  const panel = page.getByRole("region", { name: "Exercises" });
  const item = panel.getByRole("listitem", { name: `${first.title}: Your turn` });
  const card = page.getByRole("region", { name: `Exercise 1: ${first.title}` });
  await expect(item).toBeVisible();
  await expect(card).toHaveAttribute("data-status", "current");
  if (second) await expect(panel.getByRole("listitem", { name: `${second.title}: Up next` })).toBeVisible();

  for (const line of first.solution) await runInTerminal(page, line);

  await expect(panel.getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible({ timeout: 15_000 });
  await expect(card).toHaveAttribute("data-status", "done");
  await expect(card.getByText("Done", { exact: true })).toBeVisible();
  if (second) await expect(panel.getByRole("listitem", { name: `${second.title}: Your turn` })).toBeVisible();

  // progress is kept across a reload (and the node as it was left: tests/e2e/progress.spec.ts)
  await page.reload();
  await waitForNode(page);
  await expect(panel.getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible();
});

test("hints are revealed one at a time and the solution, once confirmed, is there to click", async ({ page }) => {
  test.skip(!first, "content/kubelet.mdx has no exercises");
  if (!first) return;
  await page.goto("/lessons/kubelet");
  const card = page.getByRole("region", { name: `Exercise 1: ${first.title}` });
  const hints = card.getByRole("list", { name: "Hints" }).getByRole("listitem");
  await expect(hints).toHaveCount(0);
  await card.getByRole("button", { name: /^Show a hint/ }).click();
  await expect(hints).toHaveCount(1);
  if (first.hints.length > 1) {
    await card.getByRole("button", { name: /^Show another hint/ }).click();
    await expect(hints).toHaveCount(2);
  }
  // The solution asks first; "Not yet" goes back, "Show it" shows it.
  const solution = card.getByRole("list", { name: "Solution commands" });
  await card.getByRole("button", { name: "Show solution" }).click();
  await card.getByRole("button", { name: "Not yet" }).click();
  await expect(card.getByRole("button", { name: "Show solution" })).toBeFocused();
  await expect(solution).toHaveCount(0);
  await card.getByRole("button", { name: "Show solution" }).click();
  await card.getByRole("button", { name: "Show it" }).click();
  for (const line of first.solution) {
    await expect(solution.getByRole("button", { name: `Run in the terminal: ${line}` })).toBeVisible();
  }
});
