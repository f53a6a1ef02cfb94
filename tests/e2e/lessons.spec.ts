import { expect, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";
import { questionOf } from "@/lib/content/question";
import { runInTerminal, waitForNode } from "./helpers";

// Every lesson in content/, its first exercise walked in the browser as a learner would: the
// reference solution typed into the terminal, a question's answer typed into its field, and
// the exercise turning green by itself.
for (const lesson of loadLessons()) {
  const first = lesson.exercises[0];
  if (!first) continue;
  test(`lesson ${lesson.slug}: its first exercise turns green in the browser`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/lessons/${lesson.slug}`);
    await waitForNode(page);
    const panel = page.getByRole("region", { name: "Exercises" });
    await expect(panel.getByRole("listitem", { name: `${first.title}: Your turn` })).toBeVisible({ timeout: 20_000 });
    for (const line of first.solution) await runInTerminal(page, line);
    const question = questionOf(first.check);
    if (question !== undefined && first.answer !== undefined) {
      const card = page.getByRole("region", { name: `Exercise 1: ${first.title}` });
      await card.getByLabel(question).fill(first.answer);
      await card.getByRole("button", { name: "Check answer" }).click();
    }
    await expect(panel.getByRole("listitem", { name: `${first.title}: Done` })).toBeVisible({ timeout: 30_000 });
  });
}
