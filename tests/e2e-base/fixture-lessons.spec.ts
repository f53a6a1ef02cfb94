/**
 * The fixture lessons (tests/fixtures/lessons) built under BASE_PATH (npm run build:base): every
 * page, script, worker, icon, image and link must come from under the prefix, and every MDX
 * component must work there: <Cmd>, a ```bash block's run button, <EditFile>, <Exercise> (a state check and a question),
 * Markdown images and internal links.
 */
import { expect, type Page, test } from "@playwright/test";
import { BASE_PATH } from "../../playwright.base.config";
import { PROMPT, runInTerminal, terminal, terminalRows, waitForNode } from "../e2e/helpers";

/** Every request outside the prefix or answered with an error, and every console error. */
function watchForStrays(page: Page): string[] {
  const strays: string[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (!url.pathname.startsWith(`${BASE_PATH}/`) && url.pathname !== BASE_PATH) strays.push(`outside: ${url}`);
    if (response.status() >= 400) strays.push(`${response.status()}: ${url}`);
  });
  page.on("requestfailed", (request) => {
    // What the page was still loading (a link prefetch, a chunk) is cancelled when it navigates away;
    // a wrong URL shows up as an error status or a path outside the prefix above.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    strays.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
  });

  page.on("console", (message) => {
    if (message.type() === "error") strays.push(`console: ${message.text()}`);
  });
  return strays;
}

test("home → lesson → prompt → a command runs, all under the base path", async ({ page }) => {
  const strays = watchForStrays(page);
  await page.goto(`${BASE_PATH}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Inside the Node" })).toBeVisible();
  await page.getByRole("link", { name: "Every component" }).click();
  await expect(page).toHaveURL(`${BASE_PATH}/lessons/components`);
  await waitForNode(page);
  await expect(terminalRows(page)).toContainText(PROMPT);

  // <Cmd>: a click types the line and runs it; the lesson's setup wrote the file.
  await page.getByRole("button", { name: "Run in the terminal: cat /root/NOTES" }).click();
  await expect(terminalRows(page)).toContainText("written by the lesson setup");

  // <Exercise>: the card turns done once the node is in the asked-for state.
  const card = page.getByRole("region", { name: "Exercise 1: Leave a note on the node" });
  await expect(card).toHaveAttribute("data-status", "current");
  await page.getByRole("button", { name: "Run in the terminal: echo done > /root/done.txt" }).click();
  await expect(card).toHaveAttribute("data-status", "done", { timeout: 15_000 });

  // A ```bash block: its run button types every line of it.
  await page.getByRole("button", { name: /^Run in the terminal: echo first > \/root\/block.txt/ }).click();
  await expect(terminalRows(page)).toContainText(`${PROMPT} cat /root/block.txt`);
  const rows = terminalRows(page).locator(":scope > div");
  await expect(rows.filter({ hasText: /^\s*first\s*$/ })).toHaveCount(1);

  // The site's icon and the Markdown image come from under the prefix too.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon?.startsWith(`${BASE_PATH}/`)).toBe(true);
  const diagram = page.getByRole("img", { name: "An AKS worker node" });
  await expect(diagram).toHaveAttribute("src", `${BASE_PATH}/diagrams/worker-node.svg`);
  await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(strays).toEqual([]);
});

test("<EditFile> opens the file in the editor, its worker loaded from under the prefix", async ({ page }) => {
  const strays = watchForStrays(page);
  await page.goto(`${BASE_PATH}/lessons/components`);
  await waitForNode(page);
  await page.getByRole("button", { name: "Open in the editor: /etc/default/kubelet" }).click();
  const editor = page.getByRole("region", { name: "Editor: /etc/default/kubelet" });
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("monaco-host").locator(".view-lines")).toContainText("KUBELET_FLAGS", {
    timeout: 20_000,
  });
  await expect(terminalRows(page)).toContainText("vi /etc/default/kubelet");
  expect(strays).toEqual([]);
});

test("Markdown links go to lessons and anchors under the prefix; a question is graded", async ({ page }) => {
  const strays = watchForStrays(page);
  await page.goto(`${BASE_PATH}/lessons/components`);
  await page.getByRole("link", { name: "next lesson" }).click();
  await expect(page).toHaveURL(`${BASE_PATH}/lessons/questions`);
  await waitForNode(page);

  const card = page.getByRole("region", { name: "Exercise 1: Find the pause image" });
  await runInTerminal(page, "grep sandbox_image /etc/containerd/config.toml");
  await expect(terminal(page)).toContainText("pause:3.6");
  await card
    .getByLabel("Which pause image does containerd start every pod sandbox from?")
    .fill("registry.k8s.io/pause");
  await card.getByRole("button", { name: "Check answer" }).click();
  await expect(card).not.toHaveAttribute("data-status", "done");
  await card
    .getByLabel("Which pause image does containerd start every pod sandbox from?")
    .fill("mcr.microsoft.com/oss/kubernetes/pause:3.6");
  await card.getByRole("button", { name: "Check answer" }).click();
  await expect(card).toHaveAttribute("data-status", "done", { timeout: 15_000 });

  await page.getByRole("link", { name: "all lessons", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}/?$`));
  await page.goto(`${BASE_PATH}/lessons/components`);
  await page.getByRole("link", { name: "this section" }).click();
  await expect(page).toHaveURL(`${BASE_PATH}/lessons/components#click-to-run`);
  expect(strays).toEqual([]);
});
