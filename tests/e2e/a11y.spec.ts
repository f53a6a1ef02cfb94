import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";
import { waitForNode } from "./helpers";

/**
 * axe-core finds no violations (WCAG 2.x A/AA and best practices, colour contrast included) on the
 * course index and a lesson, in both themes: the light one as the system's default, the dark one
 * as the learner's stored choice over a light system (the path the inline theme script takes).
 */
/** The page's background in each theme (globals.css --bg): proof the theme applied before axe looks. */
const BACKGROUND = { light: "rgb(251, 251, 249)", dark: "rgb(17, 22, 28)" };

async function useTheme(page: Page, theme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: "light" });
  if (theme === "dark") await page.addInitScript(() => localStorage.setItem("inside-the-node:theme", "dark"));
}

const summary = (violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) =>
  violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);

for (const theme of ["light", "dark"] as const) {
  test(`the course index has no accessibility violations in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto("/");
    await expect(page.locator("body")).toHaveCSS("background-color", BACKGROUND[theme]);
    const results = await new AxeBuilder({ page }).analyze();
    expect(summary(results.violations)).toEqual([]);
  });

  test(`a lesson has no accessibility violations in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto("/lessons/kubelet");
    await waitForNode(page);
    await expect(page.locator("body")).toHaveCSS("background-color", BACKGROUND[theme]);
    // With a hint and the solution open, so their text is checked too.
    const card = page.getByRole("region", { name: /^Exercise 1:/ });
    await card.getByRole("button", { name: /^Show a hint/ }).click();
    await card.getByRole("button", { name: "Show solution" }).click();
    await card.getByRole("button", { name: "Show it" }).click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(summary(results.violations)).toEqual([]);
  });

  test(`every lesson's text has no accessibility violations in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const found: string[] = [];
    for (const lesson of loadLessons()) {
      await page.goto(`/lessons/${lesson.slug}`);
      const results = await new AxeBuilder({ page }).include("article").analyze();
      found.push(...summary(results.violations).map((line) => `${lesson.slug}: ${line}`));
    }
    expect(found).toEqual([]);
  });
}
