import { expect, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";

const lessons = loadLessons();
const kubelet = lessons.find((lesson) => lesson.slug === "kubelet");

test("the home page lists the lessons in order and links to them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Inside the Node" })).toBeVisible();
  const entries = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(entries.getByRole("heading", { level: 2 })).toHaveText(lessons.map((lesson) => lesson.title));

  await page.getByRole("link", { name: kubelet?.title }).click();
  await expect(page).toHaveURL(/\/lessons\/kubelet$/);
  await expect(page.getByRole("heading", { level: 1, name: kubelet?.title })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the lesson text and its exercises are there as static HTML", async ({ page }) => {
    await page.goto("/lessons/kubelet");
    await expect(page.getByRole("heading", { level: 1, name: kubelet?.title })).toBeVisible();
    for (const objective of kubelet?.objectives ?? []) await expect(page.getByText(objective).first()).toBeVisible();
    const first = kubelet?.exercises[0];
    if (first) {
      await expect(page.getByRole("region", { name: `Exercise 1: ${first.title}` })).toBeVisible();
    }
  });
});

test("an unknown lesson is a 404 page", async ({ page }) => {
  const response = await page.goto("/lessons/no-such-lesson");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
