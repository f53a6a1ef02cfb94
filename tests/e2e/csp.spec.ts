import { expect, type Page, test } from "@playwright/test";
import { NODE_NAME, runInTerminal, terminalRows, waitForNode } from "./helpers";

/** Every CSP violation and console error of the page, recorded from before its first script runs. */
async function watchViolations(page: Page) {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __violations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`,
      );
    });
  });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return { consoleErrors, violations };
}

test("every page carries a Content-Security-Policy that allows no other origin", async ({ page }) => {
  for (const path of ["/", "/lessons/kubelet"]) {
    const response = await page.goto(path);
    const header = response?.headers()["content-security-policy"] ?? "";
    const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
    expect(meta).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+; /);
    expect(meta).not.toContain("unsafe-eval");
    expect(meta).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(meta).not.toMatch(/https?:|\*/);
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
  }
});

test("using a lesson breaks no rule of the policy, and the policy is enforced", async ({ page }) => {
  const { consoleErrors, violations } = await watchViolations(page);
  await page.goto("/");
  await page
    .getByRole("link", { name: /kubelet/i })
    .first()
    .click();
  await waitForNode(page);
  await runInTerminal(page, "hostname");
  await expect(terminalRows(page)).toContainText(NODE_NAME);
  const commands = page.getByRole("main").getByRole("button", { name: /^Run in the terminal: / });
  if ((await commands.count()) > 0) await commands.first().click();
  const hint = page.getByRole("button", { name: /^Show a hint/ }).first();
  if ((await hint.count()) > 0) await hint.click();
  await page.getByRole("button", { name: "Reset node" }).click();
  await waitForNode(page);
  await page.reload();
  await waitForNode(page);
  await runInTerminal(page, "systemctl is-active kubelet");
  await expect(terminalRows(page)).toContainText("active");

  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // The same page refuses a script it was not built with: the policy is in force, not only present.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
  });
  // One report per policy in force: the <meta> and the header of scripts/serve.mjs.
  const refused = expect.stringMatching(/^script-src-elem blocked inline/);
  await expect.poll(violations).toEqual([refused, refused]);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
