import { expect, test } from "@playwright/test";
import { loadLessons } from "@/lib/content/load";
import { PROMPT, terminal, terminalRows, waitForNode } from "./helpers";

const lessons = loadLessons();
const BACKGROUND = { light: "rgb(251, 251, 249)", dark: "rgb(17, 22, 28)" };

test("the theme follows the system until one is chosen, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const body = page.locator("body");
  const choice = page.getByLabel("Colour theme");
  await expect(choice).toHaveValue("system");
  await expect(body).toHaveCSS("background-color", BACKGROUND.dark);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(body).toHaveCSS("background-color", BACKGROUND.light);

  await choice.selectOption("dark");
  await expect(body).toHaveCSS("background-color", BACKGROUND.dark);
  await page.reload();
  await expect(choice).toHaveValue("dark");
  await expect(body).toHaveCSS("background-color", BACKGROUND.dark);

  // Another page, and the same one with every chunk of JavaScript refused: the inline script in
  // <head> alone applies the choice, before the first paint (no flash of the light theme).
  await page.goto("/lessons/kubelet");
  await expect(body).toHaveCSS("background-color", BACKGROUND.dark);
  const scripts = /\/_next\/static\/chunks\/.*\.js$/;
  await page.route(scripts, (route) => route.abort());
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(body).toHaveCSS("background-color", BACKGROUND.dark);
  await page.unroute(scripts);

  await page.reload();
  await choice.selectOption("system");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await expect(body).toHaveCSS("background-color", BACKGROUND.light);
  await page.reload();
  await expect(choice).toHaveValue("system");
});

// Written against content/kubelet.mdx: its section "The heartbeat" explains the node's Lease.
test("search finds a lesson's section by a word in its text, from the keyboard", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search the lessons" });
  // A key pressed before the page has hydrated is not seen: press again until it is.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await box.fill("renews");
  const results = page.getByRole("list", { name: "Search results" }).getByRole("link");
  const heartbeat = results.filter({ hasText: "kubelet — the node agent › The heartbeat" });
  await expect(heartbeat).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: /results?$/ })).toBeAttached();

  // ArrowDown walks the results; Enter opens one at its heading.
  await page.keyboard.press("ArrowDown");
  await expect(results.first()).toBeFocused();
  await heartbeat.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lessons\/kubelet#the-heartbeat$/);
  await expect(page.getByRole("heading", { level: 2, name: "The heartbeat" })).toBeInViewport();

  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await box.fill("zzqxv");
  await expect(page.getByText("No lesson mentions “zzqxv”.").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
});

test("`/` typed in the terminal stays in the terminal", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await waitForNode(page);
  await terminal(page).click();
  await page.keyboard.type("ls /");
  await expect(terminalRows(page)).toContainText(`${PROMPT} ls /`);
  await expect(page.getByRole("searchbox", { name: "Search the lessons" })).not.toBeFocused();
});

test("the table of contents links to the lesson's headings, and previous/next follow the order", async ({ page }) => {
  const at = lessons.findIndex((lesson) => lesson.slug === "kubelet");
  const [previous, next] = [lessons[at - 1], lessons[at + 1]];
  await page.goto("/lessons/kubelet");
  const toc = page.getByRole("navigation", { name: "On this page" });
  await toc.getByRole("link", { name: "The heartbeat" }).click();
  await expect(page).toHaveURL(/#the-heartbeat$/);
  await expect(page.getByRole("heading", { level: 2, name: "The heartbeat" })).toBeInViewport();

  const pager = page.getByRole("navigation", { name: "Previous and next lesson" });
  if (next) {
    await pager.getByRole("link", { name: `Next → ${next.title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/lessons/${next.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: next.title })).toBeVisible();
    await pager.getByRole("link", { name: /^← Previous/ }).click();
    await expect(page).toHaveURL(/\/lessons\/kubelet$/);
  }
  if (previous) {
    await pager.getByRole("link", { name: `← Previous ${previous.title}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: previous.title })).toBeVisible();
  }
  const last = lessons[lessons.length - 1];
  if (last) {
    await page.goto(`/lessons/${last.slug}`);
    await pager.getByRole("link", { name: "Done → All lessons" }).click();
    await expect(page).toHaveURL(/\/$/);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the lesson text comes first, the sandbox under it, and nothing is wider than the screen", async ({ page }) => {
    await page.goto("/lessons/kubelet");
    const text = await page.getByRole("article").boundingBox();
    const sandbox = await page.getByRole("complementary", { name: "Sandbox" }).boundingBox();
    expect(text && sandbox && text.y + text.height <= sandbox.y).toBe(true);
    expect(sandbox && sandbox.x >= 0 && sandbox.width <= 390).toBe(true);
    await expect(terminal(page).locator(".xterm-screen")).toBeAttached();
    const screen = await terminal(page).locator(".xterm-screen").boundingBox();
    expect(screen && screen.x >= 0 && screen.x + screen.width <= 390).toBe(true);
    for (const path of lessons.map((lesson) => `/lessons/${lesson.slug}`).concat("/")) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});

test.describe("search on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the results fit the screen", async ({ page }) => {
    await page.goto("/lessons/kubelet");
    const box = page.getByRole("searchbox", { name: "Search the lessons" });
    const results = page.getByRole("list", { name: "Search results" });
    // Typing before the page hydrates is not seen by the search: type again until it is.
    await expect(async () => {
      await box.fill("");
      await box.fill("kubelet");
      await expect(results.getByRole("link").first()).toBeVisible({ timeout: 1000 });
    }).toPass();
    const shown = await results.boundingBox();
    expect(shown && shown.x >= 0 && shown.x + shown.width <= 390).toBe(true);
  });
});

test("a keyboard reaches the content through the skip link", async ({ page }) => {
  await page.goto("/lessons/kubelet");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("article").getByRole("link").first()).toBeFocused();
});
